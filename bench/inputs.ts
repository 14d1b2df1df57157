/**
 * The benchmark's inputs, generated from fixed seeds so that every run measures the same text:
 * synthetic glossary entries (on top of the shipped glossary) and notes of clinical prose with
 * glossary terms sprinkled in.
 */
import type { GlossaryEntry } from '../src/glossary/types';

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for reproducible inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

// ---------------------------------------------------------------------------------------------
// Synthetic glossary entries: plausible one- to three-word clinical terms, some with variants
// and abbreviations, none clashing with the shipped glossary or each other.

const ROOTS = ['osteo', 'chondro', 'myo', 'neuro', 'arthro', 'spondylo', 'sacro', 'ilio', 'lumbo', 'thoraco', 'cervico', 'femoro', 'tibio', 'patello', 'capsulo', 'teno', 'fascio', 'costo', 'disco', 'radiculo', 'synovio', 'bursa', 'ligamento', 'peri', 'para'];
const SUFFIXES = ['pathy', 'itis', 'algia', 'plasty', 'desis', 'lysis', 'malacia', 'trophy', 'sclerosis', 'tomy', 'genesis', 'spasm', 'dynia', 'ectomy', 'listhesis'];
const QUALIFIERS = ['posterior', 'anterior', 'lateral', 'medial', 'chronic', 'acute', 'bilateral', 'proximal', 'distal', 'recurrent', 'idiopathic', 'segmental', 'superficial', 'deep', 'traumatic'];
const NOUNS = ['syndrome', 'tendinopathy', 'dysfunction', 'instability', 'bursitis', 'sprain', 'contracture', 'neuropathy', 'entrapment', 'effusion', 'laxity', 'stiffness', 'release', 'block', 'sign'];

export function syntheticEntries(count: number, shipped: readonly GlossaryEntry[], seed: number): GlossaryEntry[] {
  const random = seededRandom(seed);
  const taken = new Set(shipped.flatMap((entry) => [entry.term, ...entry.variants, ...entry.abbreviations].map((form) => form.toLowerCase())));
  const entries: GlossaryEntry[] = [];
  while (entries.length < count) {
    const word = pick(random, ROOTS) + pick(random, SUFFIXES);
    const shape = random();
    const term = shape < 0.35 ? word : shape < 0.75 ? `${pick(random, QUALIFIERS)} ${word}` : `${pick(random, QUALIFIERS)} ${word} ${pick(random, NOUNS)}`;
    const words = term.split(' ');
    const variants = words.length > 1 && random() < 0.3 ? [words.join('-')] : [];
    const initials = words.length > 1 ? words.map((w) => w[0].toUpperCase()).join('') + String.fromCharCode(65 + Math.floor(random() * 26)) : '';
    const abbreviations = initials && random() < 0.4 ? [initials] : [];
    const forms = [term, ...variants, ...abbreviations].map((form) => form.toLowerCase());
    if (forms.some((form) => taken.has(form))) continue;
    forms.forEach((form) => taken.add(form));
    entries.push({ term, variants, abbreviations, definition: `Synthetic entry ${entries.length + 1}.`, plain: 'For the benchmark.', sections: [], origin: 'bench' });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Notes: progress notes made of headed sections, one-line paragraphs (as written with word wrap
// on) and bullet lists, with a glossary term every dozen words or so. Punctuation is ASCII only.
// With `markup`, the note also has what the matcher must skip: front matter, fenced code
// blocks, and inline code, links, URLs and HTML in some paragraphs.

const SECTIONS = ['Subjective', 'Objective', 'Assessment', 'Plan', 'History of presenting complaint', 'Examination', 'Imaging', 'Treatment', 'Goals', 'Follow-up'];
const OPENERS = ['Patient reports', 'She describes', 'He notes', 'The patient denies', 'On examination there is', 'History reveals', 'Today we discussed', 'Imaging shows', 'We reviewed', 'Reassessment finds'];
const FILLER = (
  'pain stiffness aching discomfort over the left right lower upper back side for about three weeks since lifting a heavy box at work ' +
  'worse in the morning and after sitting easing with walking gentle movement heat rest sleep is disturbed twice a night ' +
  'no red flags bladder bowel function normal no fever weight loss or night sweats mild moderate severe tenderness on palpation ' +
  "reduced limited painful full active passive movement with guarding patient's partner's employer's follow-up non-weight-bearing " +
  'self-management home exercise programme reviewed demonstrated tolerated well score out of ten at rest and on activity today'
).split(' ');
const CLOSERS = ['.', '.', '.', ', which is improving.', ', unchanged since the last visit.', ' (see plan).', '; reassess in two weeks.'];

interface TermForm {
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** The written forms of entries as a note would use them: terms, variants, abbreviations and plurals. */
function sprinkledForms(entries: readonly GlossaryEntry[]): TermForm[] {
  return entries.flatMap((entry) => [
    ...[entry.term, ...entry.variants].flatMap((form) => [{ text: form, caseSensitive: false }, { text: /[sxy]$/.test(form) ? form : `${form}s`, caseSensitive: false }]),
    ...entry.abbreviations.map((form) => ({ text: form, caseSensitive: true })),
  ]);
}

export interface NoteOptions {
  /** Length in UTF-16 code units (= bytes: the text is ASCII); the note ends at the paragraph that reaches it. */
  readonly length: number;
  readonly seed: number;
  /** Entries whose forms are sprinkled into the prose (the shipped glossary and the synthetic terms). */
  readonly entries: readonly GlossaryEntry[];
  /** Whether to include Markdown the matcher skips (code, links, URLs). */
  readonly markup: boolean;
}

export function generateNote({ length, seed, entries, markup }: NoteOptions): string {
  const random = seededRandom(seed);
  const forms = sprinkledForms(entries);
  const term = (): string => {
    const form = pick(random, forms);
    if (form.caseSensitive) return random() < 0.1 ? form.text.toLowerCase() : form.text; // a lower-case "rom" is no abbreviation
    const casing = random();
    return casing < 0.1 ? form.text[0].toUpperCase() + form.text.slice(1) : casing < 0.13 ? form.text.toUpperCase() : form.text;
  };
  const sentence = (): string => {
    const words: string[] = [pick(random, OPENERS)];
    const count = 8 + Math.floor(random() * 14);
    for (let i = 0; i < count; i++) words.push(random() < 0.09 ? term() : random() < 0.05 ? `**${term()}**` : pick(random, FILLER));
    if (markup && random() < 0.04) words.push(pick(random, ['`psoas_test()`', '[hip flexor](https://example.org/hip-flexor "hip flexor")', 'https://example.org/lumbar/spine', '<kbd>OA</kbd>']));
    return words.join(' ') + pick(random, CLOSERS);
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(random() * 5) }, sentence).join(' ');

  const parts: string[] = markup ? ['---', 'title: Progress notes', 'tags: [physiotherapy, iliopsoas]', '---', ''] : [];
  let size = parts.join('\n').length;
  const add = (block: string): void => {
    parts.push(block, '');
    size += block.length + 2;
  };
  for (let visit = 1; size < length; visit++) {
    add(`# Visit ${visit}`);
    for (let section = 0; section < 3 + Math.floor(random() * 3) && size < length; section++) {
      add(`## ${pick(random, SECTIONS)}`);
      const shape = random();
      if (shape < 0.25) add(Array.from({ length: 2 + Math.floor(random() * 4) }, () => `- ${sentence()}`).join('\n'));
      else if (markup && shape < 0.3) add(['```text', `${term()} ${pick(random, FILLER)} ${term()}`, `score ${Math.floor(random() * 10)}/10`, '```'].join('\n'));
      else add(paragraph());
      if (random() < 0.5) add(paragraph());
    }
  }
  return parts.join('\n');
}
