// Words and separators as the matcher reads them, and the filter slots that rule most words out
// (pure: no `vscode`). The one table of word characters, apostrophes, hyphens and spaces.
// Words and separators

export const APOSTROPHE = 0x27;
export const RIGHT_SINGLE_QUOTE = 0x2019;
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

/** Length (1, or 2 for a surrogate pair) of the word character at `i`, or 0 if it is none. */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return NON_ASCII_WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return NON_ASCII_WORD_CHAR.test(text[i]) ? 1 : 0;
}

/** End of the word starting at `start`: word characters and apostrophes between them. */
export function wordEnd(text: string, start: number, limit: number): number {
  let i = start;
  while (i < limit) {
    const length = wordCharLength(text, i);
    if (length > 0) {
      i += length;
      continue;
    }
    const c = text.charCodeAt(i);
    if ((c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && i + 1 < limit && wordCharLength(text, i + 1) > 0) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

/** Whether `i` is inside a word (so a scan starting there must skip to the word's end). */
export function insideWord(text: string, i: number): boolean {
  if (i === 0 || i >= text.length || wordCharLength(text, i) === 0) return false;
  const before = text.charCodeAt(i - 1);
  if (before === APOSTROPHE || before === RIGHT_SINGLE_QUOTE) return i >= 2 && wordCharLength(text, i - 2) > 0;
  return wordCharLength(text, i - 1) > 0 || (before >= 0xdc00 && before <= 0xdfff && wordCharLength(text, i - 2) > 0);
}

export function normalizeApostrophes(word: string): string {
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}

/** The hyphens a form or a note may write between words besides "-": one table for both. */
const OTHER_HYPHENS = ['\u2010', '\u2011', '\u2013'];
const HYPHENS = new RegExp(`[${OTHER_HYPHENS.join('')}]`, 'g');
const OTHER_HYPHEN_CODES = new Set(OTHER_HYPHENS.map((hyphen) => hyphen.charCodeAt(0)));
const NON_ASCII_SPACE = /\s/;

/** Spaces and tabs (and Unicode spaces) that may separate the words of a term on one line. */
function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || (c > 0x7f && NON_ASCII_SPACE.test(String.fromCharCode(c)));
}
const WHITESPACE_RUN = /\s+/g;

/** A form's separator as a lookup key: whitespace becomes one space, every hyphen "-". */
function separatorKey(raw: string): string {
  return raw.replace(WHITESPACE_RUN, ' ').replace(HYPHENS, '-');
}

/**
 * The key of the separator in running text between `start` and the next word character, or
 * undefined if it cannot join the words of a term (a blank line, or a second line break).
 * After a line break only spaces, tabs and blockquote markers may precede other characters.
 */
export function textSeparatorKey(text: string, start: number, end: number): string | undefined {
  if (end === start + 1) {
    // Most separators: one space or one hyphen.
    const c = text.charCodeAt(start);
    if (c === 0x20) return ' ';
    if (c === 0x2d) return '-';
  }
  let key = '';
  let lineBreaks = 0;
  let inWhitespace = false;
  let lineStart = false; // just after a line break, where `>` markers are allowed
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0a && ++lineBreaks > 1) return undefined;
      inWhitespace = true;
      lineStart = true;
    } else if (isInlineSpace(c) || (lineStart && c === 0x3e)) {
      inWhitespace = true;
    } else {
      if (inWhitespace) key += ' ';
      inWhitespace = false;
      lineStart = false;
      key += OTHER_HYPHEN_CODES.has(c) ? '-' : text[i];
    }
  }
  return inWhitespace ? key + ' ' : key;
}

/** The words of a form and the separator keys between them; empty if it has no word. */
export function splitForm(form: string): { words: string[]; separators: string[] } {
  const words: string[] = [];
  const separators: string[] = [];
  let previousEnd = -1;
  for (let i = 0; i < form.length; ) {
    if (wordCharLength(form, i) === 0) {
      i++;
      continue;
    }
    const end = wordEnd(form, i, form.length);
    if (previousEnd >= 0) separators.push(separatorKey(form.slice(previousEnd, i)));
    words.push(normalizeApostrophes(form.slice(i, end)));
    previousEnd = end;
    i = end;
  }
  return { words, separators };
}

// ---------------------------------------------------------------------------------------------
// First words: most words of a note start no form. Bit sets of the forms' first words, indexed
// by a hash computed while the word's characters are read, rule such a word out without
// slicing, lower-casing or hashing a new string for a Map lookup. A false positive (a hash
// collision) only costs the lookup.

/** 2^16 slots (8 KB per set, cache-friendly): about 2% false positives with a thousand first words. */
export const SLOT_BITS = 16;
export const SLOT_MASK = (1 << SLOT_BITS) - 1;
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** For each ASCII code: its lower-case form if it is a word character (letter or digit), else 0. */
export const ASCII_WORD_FOLDED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) ASCII_WORD_FOLDED[c] = c;
  else if (c >= 0x41 && c <= 0x5a) ASCII_WORD_FOLDED[c] = c + 0x20;
}

/** Where {@link readWord} puts the filter slot of the word it read. */
export interface WordSlot {
  /** Of the word lower-cased, or -1 when it has a non-ASCII character other than ’. */
  slot: number;
}

/**
 * The end of the word starting at `start` (as {@link wordEnd}), finding its filter slot on the
 * way: one pass over its characters. ’ hashes as ' (the index holds normalised words); a word
 * with another non-ASCII character gets no slot and is always looked up, since Unicode
 * lower-casing differs from ASCII's (it may even change the length).
 */
export function readWord(text: string, start: number, limit: number, out: WordSlot): number {
  let hash = FNV_OFFSET;
  let i = start;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    let lower = c < 0x80 ? ASCII_WORD_FOLDED[c] : 0;
    if (lower === 0) {
      const apostrophe = c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE;
      if (apostrophe && i + 1 < limit && wordCharLength(text, i + 1) > 0) {
        lower = APOSTROPHE;
      } else if (c >= 0x80 && !apostrophe && wordCharLength(text, i) > 0) {
        out.slot = -1;
        return wordEnd(text, i, limit);
      } else break;
    }
    hash = Math.imul(hash ^ lower, FNV_PRIME);
  }
  out.slot = (hash ^ (hash >>> SLOT_BITS)) & SLOT_MASK;
  return i;
}

/** A set of filter slots, one bit each. */
export class SlotSet {
  private readonly bits = new Uint32Array(1 << (SLOT_BITS - 5));

  add(slot: number): void {
    this.bits[slot >>> 5] |= 1 << (slot & 31);
  }

  /** Whether a word with this slot may be in the set: always for a word without slot (-1). */
  mayHave(slot: number): boolean {
    return slot < 0 || (this.bits[slot >>> 5] & (1 << (slot & 31))) !== 0;
  }
}

