/**
 * Reading-grade estimates for patient-facing text (pure: no `vscode`).
 *
 * Both formulas give a U.S. school grade:
 * - Flesch–Kincaid grade (Kincaid et al., 1975):
 *     0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * - SMOG grade (McLaughlin, 1969), with the 30-sentence normalisation for shorter samples:
 *     1.0430 × √(polysyllables × 30 / sentences) + 3.1291
 *   where a polysyllable is a word of three or more syllables.
 *
 * Input is plain text (strip Markdown first). Blank lines and list items end a sentence even
 * without a full stop, so headings and bullet points are not glued into one long sentence.
 */

// Abbreviations whose full stop does not end a sentence (lower case, without the final dot).
const NON_TERMINAL_ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'approx', 'fig']);
const LONGEST_ABBREVIATION = [...NON_TERMINAL_ABBREVIATIONS].reduce((longest, abbreviation) => Math.max(longest, abbreviation.length), 0);

/**
 * A "word" of more letters than this is counted as a long word without the rules of
 * {@link syllables}: no English word of a patient text is that long, and each rule would scan
 * a pathological one (a run of 20,000 letters) again.
 */
const MAX_WORD_LETTERS = 40;
/** A word of this many syllables or more is a SMOG polysyllable. */
const POLYSYLLABLE = 3;

// Words the vowel-group heuristic below gets wrong, with their dictionary syllable counts.
const SYLLABLE_EXCEPTIONS: ReadonlyMap<string, number> = new Map([
  ['ago', 2],
  ['area', 3],
  ['areas', 3],
  ['idea', 3],
  ['ideas', 3],
  ['create', 2],
  ['created', 3],
  ['creates', 2],
  ['every', 2],
  ['fluid', 2],
  ['fluids', 2],
  ['hundred', 2],
  ['people', 2],
  ['science', 2],
  ['sciatica', 4],
  ['million', 2],
  ['osteoarthritis', 6],
  ['osteoarthrosis', 6],
  ['business', 2],
  ['evening', 2],
  ['someone', 2],
  ['something', 2],
  ['sometimes', 2],
  ['surgeon', 2],
  ['surgeons', 2],
  ['anyone', 3],
]);

/** Syllables in one word, by vowel groups with corrections for silent and split vowels. */
export function syllables(word: string): number {
  // Hyphenated compounds ("anti-inflammatory", "warm-up") are counted part by part.
  const parts = word.toLowerCase().split(/[-‐‑–]/);
  if (parts.length > 1) return parts.reduce((sum, part) => sum + syllables(part), 0);

  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return /\d/.test(word) ? 1 : 0;
  const known = SYLLABLE_EXCEPTIONS.get(letters);
  if (known !== undefined) return known;
  if (letters.length <= 3) return 1;
  if (letters.length > MAX_WORD_LETTERS) return Math.max(POLYSYLLABLE, vowelGroups(letters));

  // A "y" at the start or between vowels is a consonant ("you", "beyond", "player"); mark it "#".
  let w = letters.replace(/^y/, '#').replace(/([aeiou])y(?=[aeiou])/g, '$1#');
  let count = 0;

  // Silent endings: "-e" (move), "-es" (makes), "-ed" (jumped) add no syllable, except
  // consonant + "le" (muscle, ankle), "-es" after a hissing sound (boxes, bridges, raises) and
  // "-ed" after t or d (wanted, needed) or consonant + "l" (handled).
  if (/[^aeiouy]le$/.test(w)) {
    // keeps its syllable
  } else if (/[^aeiouy]e$/.test(w)) {
    w = w.slice(0, -1);
  } else if (/es$/.test(w) && !/([sxzcg]|ch|sh|[^aeiouy]l)es$/.test(w)) {
    w = w.slice(0, -2);
  } else if (/ed$/.test(w) && !/([td]|[^aeiouy]l)ed$/.test(w)) {
    w = w.slice(0, -2);
  }

  count += (w.match(/[aeiouy]+/g) ?? []).length;

  // Silent "e" before a suffix: lately, movement, careful, likeness.
  if (/[aeiouy][^aeiouy]e(ly|ment|ments|ful|ness)$/.test(w)) count -= 1;
  // Adjacent vowels spoken as two syllables.
  if (/[^cgtsxh]io/.test(w)) count += 1; // bio-logy, ili-o, seri-ous; not -tion, -sion, region
  if (/[^cgts]ia/.test(w) || /^ia/.test(w)) count += 1; // medi-an, ili-ac; not special, Asia
  if (/iu/.test(w)) count += 1; // medi-um, synovi-um
  if (/eo(?!u)/.test(w)) count += 1; // vide-o, oste-o; not gorgeous
  if (/[^qg]ua/.test(w)) count += 1; // usu-al, gradu-al; not squat, guard
  if (/iet/.test(w)) count += 1; // di-et, qui-et
  if (/oas?$/.test(w)) count += 1; // pso-as, bo-a
  if (/[aeiouy]ing$/.test(w)) count += 1; // do-ing, ly-ing (a consonant y is already "#")
  // eas-i-er, happi-est: a consonant + "ier"/"iest" ending with a vowel somewhere before it.
  // (Not `/[aeiouy].*[^aeiouy]i(er|est)$/`: its `.*` rescanned the rest of the word from every vowel.)
  const comparative = /[^aeiouy]i(?:er|est)$/.exec(w);
  if (comparative && /[aeiouy]/.test(w.slice(0, comparative.index))) count += 1;

  return Math.max(1, count);
}

/** The runs of vowels (a e i o u y) in lower-case letters, counted in one pass. */
function vowelGroups(letters: string): number {
  let groups = 0;
  let inVowels = false;
  for (let i = 0; i < letters.length; i++) {
    const vowel = 'aeiouy'.includes(letters[i]);
    if (vowel && !inVowels) groups++;
    inVowels = vowel;
  }
  return groups;
}

const isSentenceMark = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f; // . ! ?
/** What may close a sentence after its final mark: quotes, a parenthesis, a bracket. */
const SENTENCE_CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const WHITESPACE = /\s/;
const LETTER_OR_DOT = /^[\p{L}.]$/u;

/**
 * Whether the run of letters and dots that ends at `end` is an abbreviation whose full stop
 * ends no sentence ("Dr", "e.g"). Reads back only as far as the longest one could reach, not
 * over the whole sentence: a sentence of many "Dr." had each of them rescanned from its start.
 */
function isNonTerminalAbbreviationBefore(block: string, end: number): boolean {
  // A longer run has more than LONGEST_ABBREVIATION code points (two units each at most), and lower case never makes one shorter.
  const limit = 2 * LONGEST_ABBREVIATION;
  let start = end;
  while (start > 0 && end - start <= limit) {
    // One code point back: an astral letter is a surrogate pair.
    const c = block.charCodeAt(start - 1);
    const width = c >= 0xdc00 && c <= 0xdfff && start >= 2 && block.charCodeAt(start - 2) >= 0xd800 && block.charCodeAt(start - 2) <= 0xdbff ? 2 : 1;
    if (!LETTER_OR_DOT.test(block.slice(start - width, start))) break;
    start -= width;
  }
  return start < end && end - start <= limit && NON_TERMINAL_ABBREVIATIONS.has(block.slice(start, end).toLowerCase());
}

/** The text split into sentences: at . ! ? followed by a space or the end, at blank lines, and at list items. */
export function sentences(text: string): string[] {
  const blocks = text
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)
    // A list marker ("-", "1.") is not a word, and its dot does not end a sentence.
    .map((block) => block.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '');
  const result: string[] = [];
  for (const block of blocks) {
    let start = 0;
    // A sentence ends at a run of . ! ? and the closers after it, followed by a space or the end of
    // the block: what /[.!?]+["'”’)\]]*(?=\s|$)/g finds, in one pass. (That pattern, failing on a
    // long run of dots followed by a letter, retried the whole run from each of its dots.)
    for (let i = 0; i < block.length; ) {
      if (!isSentenceMark(block.charCodeAt(i))) {
        i++;
        continue;
      }
      const markStart = i;
      while (i < block.length && isSentenceMark(block.charCodeAt(i))) i++;
      while (i < block.length && SENTENCE_CLOSERS.has(block[i])) i++;
      if (i < block.length && !WHITESPACE.test(block[i])) continue; // "2.5", "..x": no end; no later mark of this run ends one either
      if (i - markStart === 1 && block.charCodeAt(markStart) === 0x2e && isNonTerminalAbbreviationBefore(block, markStart)) continue;
      const sentence = block.slice(start, i).trim();
      if (words(sentence).length > 0) result.push(sentence);
      start = i;
    }
    const rest = block.slice(start).trim();
    if (words(rest).length > 0) result.push(rest);
  }
  return result;
}

/** The words of a text: runs of letters or digits, keeping inner apostrophes and hyphens (don't, warm-up). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

interface TextCounts {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  /** Words of three or more syllables. */
  readonly polysyllables: number;
}

function countText(text: string): TextCounts {
  const allWords = words(text);
  const perWord = allWords.map(syllables);
  return {
    sentences: sentences(text).length,
    words: allWords.length,
    syllables: perWord.reduce((sum, n) => sum + n, 0),
    polysyllables: perWord.filter((n) => n >= 3).length,
  };
}

// Grades are reported to one decimal and never below 0: "below first grade" is 0.
const asGrade = (value: number): number => Math.max(0, Math.round(value * 10) / 10);

/** Flesch–Kincaid grade level; 0 for a text without words. */
export function fleschKincaidGrade(text: string): number {
  const counts = countText(text);
  if (counts.words === 0) return 0;
  return asGrade(0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59);
}

/** SMOG grade; 0 for a text without words. */
export function smogGrade(text: string): number {
  const counts = countText(text);
  if (counts.words === 0) return 0;
  return asGrade(1.043 * Math.sqrt((counts.polysyllables * 30) / counts.sentences) + 3.1291);
}

/**
 * The reading grade to hold patient material to: the higher of Flesch–Kincaid and SMOG.
 * Flesch–Kincaid averages syllables over every word, so a few long medical words in otherwise
 * short sentences barely move it; SMOG counts exactly those words and is the measure health
 * literacy guidance prefers. Taking the stricter of the two keeps jargon from slipping through.
 * On a text of a few sentences SMOG is strict by design (one long word in four sentences already
 * scores 6), which suits the short explanations shown in hovers.
 */
export function readingGrade(text: string): number {
  return Math.max(fleschKincaidGrade(text), smogGrade(text));
}

/** A term as a pattern: its characters literal, a space or a hyphen standing for either. */
const escapeForPattern = (term: string): string => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');

// The patterns of the terms graded so far, kept and reused: V8 empties its cache of compiled
// regular expressions at each full garbage collection, and compiling these Unicode, case-blind
// patterns anew (as a fresh RegExp, or matchAll's clone, does then) cost more than grading the
// paragraph (bench keystroke_ms.reading_grade).
const wholeWordPatterns = new Map<string, RegExp>();
const MAX_KEPT_PATTERNS = 1_000;

/** `alternatives` as whole words, ignoring case, with an optional plural ("NSAIDs" once "NSAID" is taught). */
function wholeWordPattern(alternatives: string): RegExp {
  let pattern = wholeWordPatterns.get(alternatives);
  if (!pattern) {
    if (wholeWordPatterns.size >= MAX_KEPT_PATTERNS) wholeWordPatterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?:s|es)?(?![\\p{L}\\p{N}])`, 'giu');
    wholeWordPatterns.set(alternatives, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * The text with each of the given terms replaced by a one-syllable word, for grading an
 * explanation of those terms: a patient handout may name the word it teaches ("iliopsoas")
 * without that word counting against its reading level. Matches whole words and their plurals, ignoring case.
 */
export function exemptTerms(text: string, terms: readonly string[]): string {
  const longestFirst = [...terms].filter((term) => term.trim() !== '').sort((a, b) => b.length - a.length);
  if (longestFirst.length === 0) return text;
  return text.replace(wholeWordPattern(longestFirst.map(escapeForPattern).join('|')), 'term');
}

// The ways plain-language writing explains a word, read around one use of it.
function explainsUseAt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  return (
    /^["'”’]?\s*\(/.test(after) || // term (explanation)
    (/\(\s*["'“‘]?$/.test(before) && /^["'”’]?\s*\)/.test(after)) || // explanation (term)
    /\b(?:called|named|known as)\s+(?:an?\s+|the\s+)?["'“‘]?$/i.test(before) || // … called term
    /^["'”’]?(?:\s+(?:is|are|means|mean)\b|\s*:|\s+[—–]\s)/.test(after) // term is / means / : / —
  );
}

function usesOf(text: string, term: string): RegExpExecArray[] {
  if (term.trim() === '') return [];
  // exec on the kept pattern, not matchAll, which clones it and so compiles the clone anew.
  const pattern = wholeWordPattern(escapeForPattern(term));
  const uses: RegExpExecArray[] = [];
  for (let use = pattern.exec(text); use; use = pattern.exec(text)) uses.push(use);
  return uses;
}

/**
 * Whether the text explains a term where it first uses it, in one of the ways plain-language
 * writing does: "NSAIDs (medicines such as ibuprofen…)", "thin bones (osteoporosis)",
 * "…is called sciatica", "A clinician is…", "Sciatica means…", "Opioids: strong…".
 * Matches whole words, ignoring case, with an optional plural "s".
 */
export function isExplainedAtFirstUse(text: string, term: string): boolean {
  const [first] = usesOf(text, term);
  return first !== undefined && explainsUseAt(text, first.index, first.index + first[0].length);
}

/**
 * The candidate terms the text teaches: those it explains at one of their uses (see
 * {@link isExplainedAtFirstUse} for the ways). A title may name a term before the text explains
 * it; the shipped handouts are held to the stricter first-use rule by their checks.
 */
export function taughtTerms(text: string, candidates: readonly string[]): string[] {
  // Most candidates are not in a given paragraph: a substring test of their first word rules them out cheaply.
  const lower = text.toLowerCase();
  return candidates.filter((term) => {
    const firstWord = term.toLowerCase().split(/[\s-]+/)[0];
    if (firstWord === '' || !lower.includes(firstWord)) return false;
    return usesOf(text, term).some((use) => explainsUseAt(text, use.index, use.index + use[0].length));
  });
}

/**
 * The one reading-grade rule for patient material, used by the status bar, the handout pick,
 * the snippets and the tests: the higher of Flesch–Kincaid and SMOG, with the terms the text
 * teaches (of `candidates`, those it explains) counted as one short word each.
 * A handout may name the word it teaches ("sciatica") without that word raising its grade;
 * a word it uses without explaining still counts.
 */
export function patientReadingGrade(text: string, candidates: readonly string[] = []): number {
  return readingGrade(exemptTerms(text, taughtTerms(text, candidates)));
}
