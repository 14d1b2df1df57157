/**
 * Glossary entries for spinal level notation (pure: no `vscode`), generated from one small table
 * rather than written out per spelling: disc levels ("L4-L5", "L4-5", "L4/5", "L4–L5", "L4/L5"),
 * single vertebrae ("L4"), and nerve roots ("the L5 root", "S1 nerve root", "L5 dermatome").
 *
 * Lumbar and sacral entries say which vertebrae or disc it is, which root a disc herniation there
 * usually affects, and that root's key muscle, key sensory point and reflex, as the
 * International Standards for Neurological Classification of Spinal Cord Injury (ISNCSCI,
 * ASIA 2019) list them. Cervical and thoracic levels get a short entry: which vertebrae.
 *
 * Forms a note uses for something else are left out: bare "T1" and "T2" (MRI sequences), "T3"
 * and "T4" (thyroid hormones), "C3" and "C4" (complement), bare "S2" (a heart sound), and "S1"
 * next to "S2" (the heart sounds, see notIn). Their levels ("C3-C4", "T1-T2") are kept.
 */
import type { GlossaryEntry } from './types';


interface LumbosacralRoot {
  /** ISNCSCI key muscle (clinical words), or undefined when the root has none. */
  readonly keyMuscle?: string;
  /** ISNCSCI key sensory point. */
  readonly sensoryPoint: string;
  readonly reflex?: string;
  /** For patients: the movement the root helps with ("lift your big toe"), if it has a key muscle. */
  readonly plainMovement?: string;
  /** For patients: the skin the root brings feeling from. */
  readonly plainSkin: string;
  /** Whether the root helps control the bladder and bowels (S2–S4). */
  readonly pelvicOrgans?: boolean;
}

// ISNCSCI (ASIA, revised 2019) key muscles and key sensory points; reflexes as usually tested.
const LUMBOSACRAL_ROOTS: Readonly<Record<string, LumbosacralRoot>> = {
  L1: { sensoryPoint: 'the upper anterior thigh, below the inguinal ligament', plainSkin: 'the top of the front of your thigh, near the groin' },
  L2: { keyMuscle: 'hip flexors (iliopsoas)', sensoryPoint: 'the mid-anterior thigh', plainMovement: 'lift your thigh', plainSkin: 'the front of your thigh' },
  L3: { keyMuscle: 'knee extensors (quadriceps)', sensoryPoint: 'the medial femoral condyle', reflex: 'the patellar reflex, in part', plainMovement: 'straighten your knee', plainSkin: 'the inside of your knee' },
  L4: { keyMuscle: 'ankle dorsiflexors (tibialis anterior)', sensoryPoint: 'the medial malleolus', reflex: 'the patellar reflex (knee jerk)', plainMovement: 'lift your foot up at the ankle', plainSkin: 'the inside of your lower leg and ankle' },
  L5: { keyMuscle: 'long toe extensors (extensor hallucis longus)', sensoryPoint: 'the dorsum of the foot at the third metatarsophalangeal joint', plainMovement: 'lift your big toe', plainSkin: 'the top of your foot' },
  S1: { keyMuscle: 'ankle plantar flexors (gastrocnemius and soleus)', sensoryPoint: 'the lateral heel', reflex: 'the Achilles reflex (ankle jerk)', plainMovement: 'push your foot down to stand on your toes', plainSkin: 'the outer edge of your foot and heel' },
  S2: { sensoryPoint: 'the midline of the popliteal fossa', plainSkin: 'the back of your thigh and knee', pelvicOrgans: true },
  S3: { sensoryPoint: 'the ischial tuberosity or infragluteal fold', plainSkin: 'the crease under your buttock', pelvicOrgans: true },
  S4: { sensoryPoint: 'the perianal area (with S5)', plainSkin: 'the skin around your bottom', pelvicOrgans: true },
};

/** What a root does, for patients, its first sentence starting with `subject` ("That nerve", "It"). */
function plainRoot(root: string, subject: string): string {
  const facts = LUMBOSACRAL_ROOTS[root];
  const sentences = facts.plainMovement
    ? [`${subject} helps you ${facts.plainMovement}.`, `It brings feeling from ${facts.plainSkin}.`]
    : [`${subject} brings feeling from ${facts.plainSkin}.`];
  if (facts.pelvicOrgans) sentences.push('It also helps control your bladder and bowels.');
  return sentences.join(' ');
}

// Single labels that in most notes mean something else (see the top of this file).
const OTHER_MEANINGS = new Set(['T1', 'T2', 'T3', 'T4', 'C3', 'C4']);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const PLAIN_ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'];

interface Region {
  readonly letter: 'C' | 'T' | 'L' | 'S';
  readonly count: number;
  readonly name: string;
  readonly plainPlace: string;
}

const REGIONS: readonly Region[] = [
  { letter: 'C', count: 7, name: 'cervical', plainPlace: 'neck' },
  { letter: 'T', count: 12, name: 'thoracic', plainPlace: 'mid back' },
  { letter: 'L', count: 5, name: 'lumbar', plainPlace: 'low back' },
];

/** A vertebra as [region, number]: "L4" → the fourth lumbar. S1 is the top of the sacrum. */
interface Vertebra {
  readonly label: string;
  readonly clinical: string;
  readonly plain: string;
}

function vertebra(region: Region, number: number): Vertebra {
  return {
    label: `${region.letter}${number}`,
    clinical: `the ${ORDINALS[number - 1]} ${region.name} vertebra`,
    plain: `the ${PLAIN_ORDINALS[number - 1]} bone of your ${region.plainPlace}`,
  };
}

const SACRUM: Vertebra = { label: 'S1', clinical: 'the first sacral segment (the top of the sacrum)', plain: 'the top of your sacrum, the bone at the base of your spine' };

/** For patients, where a level is: "the 4th and 5th bones of your low back", or across two regions. */
function plainBetween(upper: Vertebra, lower: Vertebra, region: Region, lowerRegion: Region | undefined): string {
  const upperNumber = Number(upper.label.slice(1));
  if (lowerRegion === region) return `the ${PLAIN_ORDINALS[upperNumber - 1]} and ${PLAIN_ORDINALS[upperNumber]} bones of your ${region.plainPlace}`;
  return `${upper.plain} and ${lower.plain}`;
}

/**
 * The spellings of a level between two labels: "L4-L5", "L4-5", "L4/5", "L4/L5" (an en dash reads
 * as a hyphen). Between two labels that also mean something else, the slash is theirs: "T1/T2
 * hyperintense", "free T3/T4", "C3/C4 low".
 */
function levelSpellings(upper: string, lower: string): string[] {
  const short = upper[0] === lower[0] ? lower.slice(1) : lower;
  const slashed = OTHER_MEANINGS.has(upper) && OTHER_MEANINGS.has(lower) ? [] : [`${upper}/${lower}`, `${upper}/${short}`];
  return [...new Set([`${upper}-${lower}`, `${upper}-${short}`, ...slashed])];
}

function entryOf(term: string, variants: readonly string[], definition: string, plain: string, sections: readonly string[] = [], notIn: readonly string[] = []): GlossaryEntry {
  return { term, variants: variants.filter((variant) => variant !== term), abbreviations: [], definition, plain, sections, origin: 'built-in', notIn, category: 'anatomy' };
}

function rootFacts(root: string): string {
  const facts = LUMBOSACRAL_ROOTS[root];
  const muscle = facts.keyMuscle ? `key muscle ${facts.keyMuscle}` : 'no ISNCSCI key muscle';
  const reflex = facts.reflex ? `; reflex: ${facts.reflex}` : '';
  return `${root} root: ${muscle}; key sensory point ${facts.sensoryPoint} (key muscle and sensory point: ISNCSCI 2019)${reflex}.`;
}

/** The lumbosacral disc levels, L1-L2 to L5-S1, each with the roots a herniation there usually affects. */
function lumbosacralDiscLevels(): GlossaryEntry[] {
  const lumbar = REGIONS[2];
  const levels: GlossaryEntry[] = [];
  for (let number = 1; number <= lumbar.count; number++) {
    const upper = vertebra(lumbar, number);
    const lower = number < lumbar.count ? vertebra(lumbar, number + 1) : SACRUM;
    const traversing = number < lumbar.count ? `L${number + 1}` : 'S1';
    const [term, ...variants] = levelSpellings(upper.label, lower.label);
    levels.push(
      entryOf(
        term,
        variants,
        `The ${upper.label}–${lower.label} level: the intervertebral disc between ${upper.clinical} and ${lower.clinical}, with its facet joints. ` +
          `A paracentral (posterolateral) disc herniation here usually compresses the traversing ${traversing} root; a foraminal or far-lateral one, the exiting ${upper.label} root. ${rootFacts(traversing)}`,
        `${term} is the level between ${plainBetween(upper, lower, lumbar, number < lumbar.count ? lumbar : undefined)}. If the disc here herniates (pushes out), it most often presses on the ${traversing} nerve. ${plainRoot(traversing, 'That nerve')}`,
      ),
    );
  }
  return levels;
}

/** Cervical and thoracic disc levels (C2-C3 to T12-L1): which vertebrae, in a sentence. */
function otherDiscLevels(): GlossaryEntry[] {
  const levels: GlossaryEntry[] = [];
  const [cervical, thoracic, lumbar] = REGIONS;
  const chain = [
    ...Array.from({ length: cervical.count }, (_, i) => ({ vertebra: vertebra(cervical, i + 1), region: cervical })),
    ...Array.from({ length: thoracic.count }, (_, i) => ({ vertebra: vertebra(thoracic, i + 1), region: thoracic })),
    { vertebra: vertebra(lumbar, 1), region: lumbar },
  ];
  // From C2-C3: C1 and C2 (atlas and axis) have no disc between them.
  for (let i = 1; i + 1 < chain.length; i++) {
    const upper = chain[i];
    const lower = chain[i + 1];
    const [term, ...variants] = levelSpellings(upper.vertebra.label, lower.vertebra.label);
    levels.push(
      entryOf(
        term,
        variants,
        `The ${upper.vertebra.label}–${lower.vertebra.label} level: the intervertebral disc between ${upper.vertebra.clinical} and ${lower.vertebra.clinical}, with its facet joints.`,
        `${term} is the level between ${plainBetween(upper.vertebra, lower.vertebra, upper.region, lower.region)}.`,
      ),
    );
  }
  return levels;
}

/** Single vertebrae: "L4", "C5", except those of OTHER_MEANINGS. */
function singleVertebrae(): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const region of REGIONS) {
    for (let number = 1; number <= region.count; number++) {
      const single = vertebra(region, number);
      if (OTHER_MEANINGS.has(single.label)) continue;
      entries.push(entryOf(single.label, [`${single.label} vertebra`, `${single.label} vertebral body`], `${capitalized(single.clinical)}.`, `${single.label} is ${single.plain}.`));
    }
  }
  entries.push(
    entryOf('S1', ['S1 vertebra', 'S1 segment'], `${capitalized(SACRUM.clinical)}. The S1 nerve root exits below it. ${rootFacts('S1')}`, `S1 is ${SACRUM.plain}. The S1 nerve leaves the spine here. ${plainRoot('S1', 'That nerve')}`, [], [
      // S1 and S2 are also the two heart sounds of a cardiac examination.
      's1 s2',
      's1 and s2',
      's1, s2',
      's1/s2',
      's1s2',
      's1 + s2',
      's1+s2',
      'soft s1',
      'loud s1',
      'normal s1',
      'split s1',
    ]),
  );
  return entries;
}

/** Nerve roots and their territories: "L5 root", "the S1 nerve root", "L5 dermatome", "L4 distribution". */
function nerveRoots(): GlossaryEntry[] {
  return Object.keys(LUMBOSACRAL_ROOTS).map((root) => {
    const [term, ...variants] = [`${root} nerve root`, `${root} root`, `${root} nerve`, `${root} dermatome`, `${root} myotome`, `${root} distribution`];
    return entryOf(
      term,
      root === 'S4' ? [...variants, 'S4-S5', 'S4-5', 'S4/5'] : variants,
      `The ${root} spinal nerve root. ${rootFacts(root)}`,
      `The ${root} nerve comes out of your spine at the ${root[0] === 'L' ? 'low back' : 'base of your spine'}. ${plainRoot(root, 'It')}`,
    );
  });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

let generated: readonly GlossaryEntry[] | undefined;

/** The spinal level entries, made once. */
export function spinalLevelEntries(): readonly GlossaryEntry[] {
  return (generated ??= [...lumbosacralDiscLevels(), ...otherDiscLevels(), ...singleVertebrae(), ...nerveRoots()]);
}
