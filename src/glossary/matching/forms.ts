// The index of a glossary's forms (pure): tries of their words, each first word's forms built on its first lookup.
import type { GlossaryEntry } from '../types';
import { normalizeApostrophes, readWord, SlotSet, splitForm, wordCharLength, wordEnd, type WordSlot } from './words';

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
  /** Terms and variants, by first word lower-cased. */
  readonly caseInsensitive: FormRoots;
  /** Abbreviations, by first word as written. */
  readonly caseSensitive: FormRoots;
  /** Slots of the first words of both tries (ASCII ones; see readWord): one test rules a word out. */
  readonly firstWords: SlotSet;
  /** Slots of the first words of the case-sensitive trie alone, lower-cased like all slots. */
  readonly caseSensitiveFirstWords: SlotSet;
  /**
   * Slots of the other words of the forms built so far (see {@link FormRoots}): only a built
   * node has next words to look for, so the forms not yet built need not be in it.
   */
  readonly laterWords: SlotSet;
  readonly firstWordBySlot: WordsBySlot;
  /** Like {@link laterWords}, of the forms built so far. */
  readonly laterWordBySlot: WordsBySlot;
}

/**
 * A form waiting to be put in its trie, as written: split into words only when built. `plural`
 * says which of its last word's plurals it stands for (the last word as written if undefined).
 */
interface PendingForm {
  readonly form: string;
  readonly plural: number | undefined;
  readonly entry: GlossaryEntry;
  /** Lower wins a tie (see {@link FormNode.priority}). */
  readonly priority: number;
  readonly silent: boolean;
}

/**
 * The roots of one trie, each first word's forms built on its first lookup. Building every
 * form took about 40 ms for the shipped glossary, paid by the first hover; a hover looks up
 * only the first words of one paragraph.
 */
export class FormRoots {
  private readonly built = new Map<string, FormNode>();
  private readonly pending = new Map<string, PendingForm[]>();

  constructor(
    private readonly foldCase: boolean,
    private readonly noteLaterWord: (word: string) => void,
  ) {}

  /** Queues a form under its first word (lower-cased for a case-folding trie). */
  add(firstWord: string, form: PendingForm): void {
    const queued = this.pending.get(firstWord);
    if (queued) queued.push(form);
    else this.pending.set(firstWord, [form]);
  }

  /** The node of a first word (lower-cased for a case-folding trie), building its forms if not yet done. */
  get(firstWord: string): FormNode | undefined {
    const queued = this.pending.get(firstWord);
    if (queued) {
      this.pending.delete(firstWord);
      // In priority order, as if every form had been built at once: the first to reach a node owns it.
      queued.sort((a, b) => a.priority - b.priority);
      for (const form of queued) this.insert(form);
    }
    return this.built.get(firstWord);
  }

  private insert({ form, plural, entry, priority, silent }: PendingForm): void {
    const { words, separators } = splitForm(form);
    if (plural !== undefined) {
      const last = pluralsOf(words[words.length - 1], this.foldCase)[plural];
      if (last === undefined) return; // a longer form's last word with fewer plurals than queued
      words[words.length - 1] = last;
    }
    let node: FormNode | undefined;
    let children = this.built;
    for (let i = 0; i < words.length; i++) {
      const word = this.foldCase ? words[i].toLowerCase() : words[i];
      if (node) {
        this.noteLaterWord(word);
        node.next ??= new Map();
        const separator = separators[i - 1];
        children = node.next.get(separator) ?? new Map();
        node.next.set(separator, children);
      }
      node = children.get(word);
      if (!node) children.set(word, (node = { entry: undefined, priority: 0, silent: false, next: undefined }));
    }
    if (node && !node.entry) {
      node.entry = entry;
      node.priority = priority;
      node.silent = silent;
    }
  }
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

/** The plurals a form's last word also matches: regular ones for terms, +s for an abbreviation. */
function pluralsOf(word: string, foldCase: boolean): string[] {
  // An abbreviation's plural is a lower-case s ("NSAIDs"); "NSAIDS" could be another abbreviation.
  if (!foldCase) return ENDS_WITH_LETTER.test(word) ? [word + 's'] : [];
  return regularPlurals(word);
}

/** The first word of a form ([start, end) of it), and whether another word follows; undefined if it has none. */
function firstWordOf(form: string): { start: number; end: number; more: boolean } | undefined {
  let start = 0;
  while (start < form.length && wordCharLength(form, start) === 0) start++;
  if (start === form.length) return undefined;
  const end = wordEnd(form, start, form.length);
  let next = end;
  while (next < form.length && wordCharLength(form, next) === 0) next++;
  return { start, end, more: next < form.length };
}

export function buildFormIndex(entries: readonly GlossaryEntry[]): FormIndex {
  const firstWords = new SlotSet();
  const caseSensitiveFirstWords = new SlotSet();
  const laterWords = new SlotSet();
  const firstWordBySlot: WordsBySlot = new Map();
  const laterWordBySlot: WordsBySlot = new Map();
  const read: WordSlot = { slot: -1 };

  /** Notes a word's filter slot ("lower" already lower-cased); a word without one is not ASCII and is always looked up. */
  const keepBySlot = (slots: SlotSet, bySlot: WordsBySlot, lower: string): void => {
    readWord(lower, 0, lower.length, read);
    if (read.slot < 0) return;
    slots.add(read.slot);
    const kept = bySlot.get(read.slot);
    if (kept === undefined) bySlot.set(read.slot, lower);
    else if (kept !== lower) bySlot.set(read.slot, null);
  };
  const caseInsensitive = new FormRoots(true, (word) => keepBySlot(laterWords, laterWordBySlot, word.toLowerCase()));
  const caseSensitive = new FormRoots(false, (word) => keepBySlot(laterWords, laterWordBySlot, word.toLowerCase()));

  const queue = (roots: FormRoots, firstWord: string, form: PendingForm): void => {
    const lower = firstWord.toLowerCase();
    keepBySlot(firstWords, firstWordBySlot, lower);
    if (roots === caseSensitive) {
      readWord(lower, 0, lower.length, read);
      if (read.slot >= 0) caseSensitiveFirstWords.add(read.slot);
    }
    roots.add(roots === caseInsensitive ? lower : firstWord, form);
  };
  /**
   * Queues a form and its plurals. Priorities (lower wins a tie, and goes in first): listed forms
   * in listing order, then every plural (a generated plural never displaces a form someone wrote
   * down), then the phrases an entry does not apply in with their plurals (they never displace a
   * form of any entry). `rank` is the form's place in the listing, below `size`; a word has at
   * most two plurals. A longer form's plurals are queued as two and built as many as its last
   * word has: only building splits a form past its first word.
   */
  const queueWithPlurals = (roots: FormRoots, form: string, entry: GlossaryEntry, rank: number, size: number, silent: boolean): void => {
    const first = firstWordOf(form);
    if (!first) return;
    const firstWord = normalizeApostrophes(form.slice(first.start, first.end));
    const listed = silent ? 3 * size + 3 * rank : rank;
    const plural = (j: number) => (silent ? listed + 1 + j : size + 2 * rank + j);
    queue(roots, firstWord, { form, plural: undefined, entry, priority: listed, silent });
    if (first.more) {
      for (const j of [0, 1]) queue(roots, firstWord, { form, plural: j, entry, priority: plural(j), silent });
    } else {
      // A one-word form's plurals start with a word of their own.
      pluralsOf(firstWord, roots === caseInsensitive).forEach((word, j) => queue(roots, word, { form, plural: j, entry, priority: plural(j), silent }));
    }
  };

  let rank = 0;
  const size = entries.reduce((count, entry) => count + 1 + entry.variants.length + entry.abbreviations.length + (entry.notIn?.length ?? 0), 0);
  for (const entry of entries) {
    queueWithPlurals(caseInsensitive, entry.term, entry, rank++, size, false);
    for (const variant of entry.variants) queueWithPlurals(caseInsensitive, variant, entry, rank++, size, false);
    for (const abbreviation of entry.abbreviations) queueWithPlurals(caseSensitive, abbreviation, entry, rank++, size, false);
  }
  for (const entry of entries) {
    for (const phrase of entry.notIn ?? []) queueWithPlurals(caseInsensitive, phrase, entry, rank++, size, true);
  }
  return { caseInsensitive, caseSensitive, firstWords, caseSensitiveFirstWords, laterWords, firstWordBySlot, laterWordBySlot };
}
