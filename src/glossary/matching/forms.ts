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
 * What must be known of a glossary's forms before any lookup, as plain data: each first word's
 * forms (by priority, see {@link FormNode.priority}) and the filter slots of the first words.
 * Computing it reads every form (about 20 ms for the shipped glossary, paid by the first hover),
 * so the build computes the shipped glossary's once (dist/glossary-index.json, see esbuild.js).
 */
export interface FormIndexPlan {
  /** How many forms the entries list (term, variants, abbreviations, then notIn phrases): a plan fits only entries with as many. */
  readonly size: number;
  /** First word (lower-cased) → the priorities of the forms that start with it, for terms, variants and notIn phrases. */
  readonly caseInsensitive: readonly (readonly [string, readonly number[]])[];
  /** The same for abbreviations, first word as written. */
  readonly caseSensitive: readonly (readonly [string, readonly number[]])[];
  readonly firstWordSlots: readonly number[];
  readonly caseSensitiveFirstWordSlots: readonly number[];
  readonly firstWordBySlot: readonly (readonly [number, string | null])[];
}

/** A form of the listing: its text and entry, by rank (see {@link formsByRank}). */
interface ListedForm {
  readonly form: string;
  readonly entry: GlossaryEntry;
  /** An abbreviation: matched as written. */
  readonly sensitive: boolean;
  /** A phrase the entry does not apply in. */
  readonly silent: boolean;
}

/** Every form in listing order: each entry's term, variants and abbreviations, then every entry's notIn phrases. */
function formsByRank(entries: readonly GlossaryEntry[]): ListedForm[] {
  const forms: ListedForm[] = [];
  for (const entry of entries) {
    forms.push({ form: entry.term, entry, sensitive: false, silent: false });
    for (const form of entry.variants) forms.push({ form, entry, sensitive: false, silent: false });
    for (const form of entry.abbreviations) forms.push({ form, entry, sensitive: true, silent: false });
  }
  for (const entry of entries) for (const form of entry.notIn ?? []) forms.push({ form, entry, sensitive: false, silent: true });
  return forms;
}

/**
 * Priorities (lower wins a tie, and goes in first): listed forms in listing order (`rank`, below
 * `size`), then every plural (a generated plural never displaces a form someone wrote down), then
 * the phrases an entry does not apply in with their plurals (they never displace a form of any
 * entry). A word has at most two plurals, so a priority also says which form and which plural.
 */
function listedPriority(rank: number, size: number, silent: boolean): number {
  return silent ? 3 * size + 3 * rank : rank;
}
function pluralPriority(rank: number, plural: number, size: number, silent: boolean): number {
  return silent ? 3 * size + 3 * rank + 1 + plural : size + 2 * rank + plural;
}
function decodePriority(priority: number, size: number): { rank: number; plural: number | undefined; silent: boolean } {
  if (priority < size) return { rank: priority, plural: undefined, silent: false };
  if (priority < 3 * size) return { rank: (priority - size) >> 1, plural: (priority - size) & 1, silent: false };
  const within = (priority - 3 * size) % 3;
  return { rank: Math.floor((priority - 3 * size) / 3), plural: within === 0 ? undefined : within - 1, silent: true };
}

/**
 * The roots of one trie, each first word's forms built on its first lookup: a hover looks up
 * only the first words of one paragraph, so it builds only the forms that start with them.
 */
export class FormRoots {
  private readonly built = new Map<string, FormNode>();
  private readonly pending: Map<string, readonly number[]>;

  constructor(
    pending: readonly (readonly [string, readonly number[]])[],
    private readonly foldCase: boolean,
    private readonly size: number,
    private readonly listed: () => readonly ListedForm[],
    private readonly noteLaterWord: (word: string) => void,
  ) {
    this.pending = new Map(pending);
  }

  /** The node of a first word (lower-cased for a case-folding trie), building its forms if not yet done. */
  get(firstWord: string): FormNode | undefined {
    const queued = this.pending.get(firstWord);
    if (queued) {
      this.pending.delete(firstWord);
      // In priority order, as if every form had been built at once: the first to reach a node owns it.
      for (const priority of [...queued].sort((a, b) => a - b)) this.insert(priority);
    }
    return this.built.get(firstWord);
  }

  private insert(priority: number): void {
    const { rank, plural, silent } = decodePriority(priority, this.size);
    const { form, entry } = this.listed()[rank];
    const { words, separators } = splitForm(form);
    if (plural !== undefined) {
      const last = pluralsOf(words[words.length - 1], this.foldCase)[plural];
      if (last === undefined) return; // a longer form's last word with fewer plurals than planned
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

/** The plan of a glossary's index (see {@link FormIndexPlan}): reads every form's first word. */
export function planFormIndex(entries: readonly GlossaryEntry[]): FormIndexPlan {
  const listed = formsByRank(entries);
  const size = listed.length;
  const caseInsensitive = new Map<string, number[]>();
  const caseSensitive = new Map<string, number[]>();
  const firstWordSlots = new Set<number>();
  const caseSensitiveFirstWordSlots = new Set<number>();
  const firstWordBySlot = new Map<number, string | null>();
  const read: WordSlot = { slot: -1 };

  const queue = (sensitive: boolean, firstWord: string, priority: number): void => {
    const lower = firstWord.toLowerCase();
    readWord(lower, 0, lower.length, read);
    // A word without a slot is not ASCII: only a non-ASCII word of text can match it, and those are always looked up.
    if (read.slot >= 0) {
      firstWordSlots.add(read.slot);
      if (sensitive) caseSensitiveFirstWordSlots.add(read.slot);
      const kept = firstWordBySlot.get(read.slot);
      if (kept === undefined) firstWordBySlot.set(read.slot, lower);
      else if (kept !== lower) firstWordBySlot.set(read.slot, null);
    }
    const roots = sensitive ? caseSensitive : caseInsensitive;
    const key = sensitive ? firstWord : lower;
    const queued = roots.get(key);
    if (queued) queued.push(priority);
    else roots.set(key, [priority]);
  };

  listed.forEach(({ form, sensitive, silent }, rank) => {
    const first = firstWordOf(form);
    if (!first) return;
    const firstWord = normalizeApostrophes(form.slice(first.start, first.end));
    queue(sensitive, firstWord, listedPriority(rank, size, silent));
    if (first.more) {
      // A longer form's plurals start with its first word; planned as two, built as many as its last word has.
      for (const j of [0, 1]) queue(sensitive, firstWord, pluralPriority(rank, j, size, silent));
    } else {
      // A one-word form's plurals start with a word of their own.
      pluralsOf(firstWord, !sensitive).forEach((word, j) => queue(sensitive, word, pluralPriority(rank, j, size, silent)));
    }
  });
  return {
    size,
    caseInsensitive: [...caseInsensitive],
    caseSensitive: [...caseSensitive],
    firstWordSlots: [...firstWordSlots],
    caseSensitiveFirstWordSlots: [...caseSensitiveFirstWordSlots],
    firstWordBySlot: [...firstWordBySlot],
  };
}

/**
 * The index of a glossary's forms. `plan` is {@link planFormIndex} of these entries, computed now
 * unless given (the build's plan of the shipped glossary); a plan for another number of forms is
 * not used.
 */
export function buildFormIndex(entries: readonly GlossaryEntry[], plan?: FormIndexPlan): FormIndex {
  let listed: ListedForm[] | undefined;
  const listedForms = (): ListedForm[] => (listed ??= formsByRank(entries));
  const fitting = plan && plan.size === listedForms().length ? plan : planFormIndex(entries);
  const laterWords = new SlotSet();
  const laterWordBySlot: WordsBySlot = new Map();
  const read: WordSlot = { slot: -1 };
  const noteLaterWord = (word: string): void => {
    const lower = word.toLowerCase();
    readWord(lower, 0, lower.length, read);
    if (read.slot < 0) return;
    laterWords.add(read.slot);
    const kept = laterWordBySlot.get(read.slot);
    if (kept === undefined) laterWordBySlot.set(read.slot, lower);
    else if (kept !== lower) laterWordBySlot.set(read.slot, null);
  };
  const firstWords = new SlotSet();
  for (const slot of fitting.firstWordSlots) firstWords.add(slot);
  const caseSensitiveFirstWords = new SlotSet();
  for (const slot of fitting.caseSensitiveFirstWordSlots) caseSensitiveFirstWords.add(slot);
  return {
    caseInsensitive: new FormRoots(fitting.caseInsensitive, true, fitting.size, listedForms, noteLaterWord),
    caseSensitive: new FormRoots(fitting.caseSensitive, false, fitting.size, listedForms, noteLaterWord),
    firstWords,
    caseSensitiveFirstWords,
    laterWords,
    firstWordBySlot: new Map(fitting.firstWordBySlot),
    laterWordBySlot,
  };
}
