// The "Terms in this Note" view's top level: a note's terms grouped by their entry's category, in
// the order a clinician reads a note (what is wrong, where, how it was examined and imaged, what
// was done and given, the exercise plan), then the terms without one (pure: no `vscode`).
import type { TermCount } from './matcher';
import type { GlossaryCategory } from './types';

/** A category, or "other" for entries without one (team glossary entries may have none). */
export type TermGroupKey = GlossaryCategory | 'other';

interface GroupDescription {
  /** The English name (see TermGroupWording). */
  readonly label: string;
  /** A codicon id (https://microsoft.github.io/vscode-codicons/), for the view's ThemeIcon. */
  readonly icon: string;
}

const GROUPS: Readonly<Record<TermGroupKey, GroupDescription>> = {
  condition: { label: 'Conditions', icon: 'pulse' },
  anatomy: { label: 'Anatomy', icon: 'person' },
  examination: { label: 'Examination', icon: 'checklist' },
  imaging: { label: 'Imaging and tests', icon: 'device-camera' },
  procedure: { label: 'Procedures', icon: 'tools' },
  medicine: { label: 'Medicines', icon: 'beaker' },
  exercise: { label: 'Exercise and rehabilitation', icon: 'heart' },
  other: { label: 'Other', icon: 'symbol-misc' },
};

/** The groups in the order the view shows them. */
export const TERM_GROUP_ORDER: readonly TermGroupKey[] = ['condition', 'anatomy', 'examination', 'imaging', 'procedure', 'medicine', 'exercise', 'other'];

/** One top-level row: a category present in the note and its terms, in order of first use. */
export interface TermGroup {
  readonly key: TermGroupKey;
  readonly terms: readonly TermCount[];
}

/**
 * The view's words for the groups: English here, the user's language from the glue
 * (vscode/termsView.ts passes `vscode.l10n.t` ones).
 */
export interface TermGroupWording {
  readonly name: (key: TermGroupKey) => string;
  /** A group's name with its number of terms, as a screen reader says it: "Conditions, 4 terms". */
  readonly withCount: (name: string, count: number) => string;
}

export const TERM_GROUP_WORDING: TermGroupWording = {
  name: (key) => GROUPS[key].label,
  withCount: (name, count) => `${name}, ${count} term${count === 1 ? '' : 's'}`,
};

/** A group's English name. */
export function termGroupLabel(key: TermGroupKey): string {
  return TERM_GROUP_WORDING.name(key);
}

export function termGroupIcon(key: TermGroupKey): string {
  return GROUPS[key].icon;
}

/** What a screen reader says for a group row: "Conditions, 4 terms". */
export function termGroupAccessibilityLabel(group: TermGroup, wording: TermGroupWording = TERM_GROUP_WORDING): string {
  return wording.withCount(wording.name(group.key), group.terms.length);
}

/** The group an entry's terms go in. */
export function termGroupOf(count: TermCount): TermGroupKey {
  return count.entry.category ?? 'other';
}

/**
 * The note's terms (in order of first use, as TermIndex.terms() gives them) grouped by category:
 * only the categories present, in {@link TERM_GROUP_ORDER}, each keeping the terms' order.
 */
export function groupTermsByCategory(terms: readonly TermCount[]): TermGroup[] {
  const byKey = new Map<TermGroupKey, TermCount[]>();
  for (const count of terms) {
    const key = termGroupOf(count);
    const group = byKey.get(key);
    if (group) group.push(count);
    else byKey.set(key, [count]);
  }
  return TERM_GROUP_ORDER.flatMap((key) => {
    const group = byKey.get(key);
    return group ? [{ key, terms: group }] : [];
  });
}
