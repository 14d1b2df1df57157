// The index of a glossary's forms (pure): tries of their words, built once per glossary.
import type { GlossaryEntry } from '../types';
import { splitForm, WordSlot, readWord, SlotSet } from './words';

// The index: for case-insensitive forms and for case-sensitive abbreviations, a trie of the
// forms' normalised words ("lumbar" → "spinal" → "stenosis"), each step keyed by the separator
// key and then the word, so a scan extends a match word by word, longest first, looking up
// short strings only. Words of the forms are also kept by filter slot: a word of text with that
// slot is compared with the one word of the forms that has it, character by character, without
// making a string for it.

export interface FormNode {
  /** The entry whose form ends here, if any. */
  entry: GlossaryEntry | undefined;
  /** Lower wins a tie between the two tries: listing order, listed forms before plurals. */
  priority: number;
  /**
   * Whether the form is a phrase in which its entry does not apply ("renal pelvis" for "pelvis"):
   * found like any form, so it wins by longest match, then left unreported.
   */
  silent: boolean;
  /** How longer forms go on: by separator key, then by next word; undefined if none does. */
  next: Map<string, Map<string, FormNode>> | undefined;
}

/** The one word (lower-cased) of the forms with a slot, or null when several share it. */
export type WordsBySlot = Map<number, string | null>;

export interface FormIndex {
  /** First words of terms and variants, lower-cased. */
  readonly caseInsensitive: Map<string, FormNode>;
  /** First words of abbreviations, as written. */
  readonly caseSensitive: Map<string, FormNode>;
  /** Slots of the first words of both tries (ASCII ones; see readWord): one test rules a word out. */
  readonly firstWords: SlotSet;
  /** Slots of the first words of the case-sensitive trie alone, lower-cased like all slots. */
  readonly caseSensitiveFirstWords: SlotSet;
  /** Slots of the other words of both tries. */
  readonly laterWords: SlotSet;
  readonly firstWordBySlot: WordsBySlot;
  readonly laterWordBySlot: WordsBySlot;
}

const ENDS_WITH_LETTER = /\p{L}$/u;

/** Regular plurals of a term's last word: +s; +es after s, x, z, ch, sh, o; y→ies after a consonant. */
export function regularPlurals(word: string): string[] {
  if (!ENDS_WITH_LETTER.test(word)) return [];
  const lower = word.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return [word.slice(0, -1) + 'ies'];
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return [word + 'es'];
  if (lower.endsWith('o')) return [word + 's', word + 'es'];
  return [word + 's'];
}

export function buildFormIndex(entries: readonly GlossaryEntry[]): FormIndex {
  const caseInsensitive = new Map<string, FormNode>();
  const caseSensitive = new Map<string, FormNode>();
  const firstWords = new SlotSet();
  const caseSensitiveFirstWords = new SlotSet();
  const laterWords = new SlotSet();
  const firstWordBySlot: WordsBySlot = new Map();
  const laterWordBySlot: WordsBySlot = new Map();
  const read: WordSlot = { slot: -1 };
  let priority = 0;

  const keepBySlot = (bySlot: WordsBySlot, slot: number, word: string): void => {
    const lower = word.toLowerCase();
    const kept = bySlot.get(slot);
    if (kept === undefined) bySlot.set(slot, lower);
    else if (kept !== lower) bySlot.set(slot, null);
  };

  const insert = (roots: Map<string, FormNode>, words: readonly string[], separators: readonly string[], entry: GlossaryEntry, silent = false): void => {
    const foldCase = roots === caseInsensitive;
    priority++;
    let node: FormNode | undefined;
    words.forEach((word, i) => {
      const keyWord = foldCase ? word.toLowerCase() : word;
      // A word without a slot is not ASCII: only a non-ASCII word of text can match it, and those are always looked up.
      readWord(keyWord, 0, keyWord.length, read);
      if (read.slot >= 0 && i > 0) {
        laterWords.add(read.slot);
        keepBySlot(laterWordBySlot, read.slot, keyWord);
      } else if (read.slot >= 0) {
        firstWords.add(read.slot);
        if (!foldCase) caseSensitiveFirstWords.add(read.slot);
        keepBySlot(firstWordBySlot, read.slot, keyWord);
      }
      let children = roots;
      if (node) {
        node.next ??= new Map();
        const separator = separators[i - 1];
        children = node.next.get(separator) ?? new Map();
        node.next.set(separator, children);
      }
      node = children.get(keyWord);
      if (!node) children.set(keyWord, (node = { entry: undefined, priority: 0, silent: false, next: undefined }));
    });
    if (node && !node.entry) {
      node.entry = entry;
      node.priority = priority;
      node.silent = silent;
    }
  };

  const forms = entries
    .flatMap((entry) => [
      ...[entry.term, ...entry.variants].map((form) => ({ entry, roots: caseInsensitive, ...splitForm(form) })),
      ...entry.abbreviations.map((form) => ({ entry, roots: caseSensitive, ...splitForm(form) })),
    ])
    .filter((form) => form.words.length > 0);

  // Listed forms first, so a generated plural never displaces a form someone wrote down.
  for (const form of forms) insert(form.roots, form.words, form.separators, form.entry);
  for (const form of forms) {
    const last = form.words[form.words.length - 1];
    // An abbreviation's plural is a lower-case s ("NSAIDs"); "NSAIDS" could be another abbreviation.
    const plurals = form.roots === caseSensitive ? (ENDS_WITH_LETTER.test(last) ? [last + 's'] : []) : regularPlurals(last);
    for (const plural of plurals) insert(form.roots, [...form.words.slice(0, -1), plural], form.separators, form.entry);
  }
  // Last, so a phrase an entry does not apply in never displaces a form of any entry.
  for (const entry of entries) {
    for (const phrase of entry.notIn ?? []) {
      const { words, separators } = splitForm(phrase);
      if (words.length === 0) continue;
      insert(caseInsensitive, words, separators, entry, true);
      for (const plural of regularPlurals(words[words.length - 1])) insert(caseInsensitive, [...words.slice(0, -1), plural], separators, entry, true);
    }
  }
  return { caseInsensitive, caseSensitive, firstWords, caseSensitiveFirstWords, laterWords, firstWordBySlot, laterWordBySlot };
}

