import * as vscode from 'vscode';
import { quotedForMessage } from '../../util/messageText';
import { showPick } from '../../util/quickPick';
import { redFlagBlockFor, type Handout } from '../handouts';
import { handoutStartMarker, markedRedFlagBlock } from '../redFlagMarkers';
import { isoLocalDate } from '../exportHtml';
import type { Phrase, PhraseKind } from '../phrases';
import { phrases } from './phrasesModule';
import type { ClinicPhraseStore } from './clinicPhrases';
import { clinicSettingsFor } from './clinicSettings';
import { insertHandout, markdownEditor } from './insertHandout';

/** Where a phrase comes from: shipped with the extension, or a clinic's file in the workspace. */
export type PhraseOrigin = 'built-in' | 'clinic';

/** One thing Insert Phrase… and the dot-phrases offer: a built-in handout or template, or a clinic phrase. */
export interface PhraseChoice {
  /** The dot-phrase without its dot. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly kind: PhraseKind;
  readonly origin: PhraseOrigin;
  /** The clinic phrase's file, as the workspace names it. */
  readonly file?: string;
  /** Inserts it at the cursor of the active note (or a new one); `picked` answers its pick-many lists without asking. */
  insert(picked?: readonly (readonly string[] | undefined)[]): Promise<boolean>;
}

/** What the Insert Phrase command takes (a dot-phrase passes it; tests give `picked` instead of ticking boxes). */
export interface InsertPhraseArgs {
  readonly name: string;
  readonly origin?: PhraseOrigin;
  readonly picked?: readonly (readonly string[] | undefined)[];
}

/** More pick-many lists than this are not asked one by one: the rest stay fields to fill. */
const MAX_PICK_MANY_ASKED = 20;

/**
 * The options ticked for each pick-many list, asked one list at a time. Escape leaves that list
 * and every one after it in the note, as fields to fill later.
 */
async function askPickMany(phrase: Phrase): Promise<(readonly string[] | undefined)[]> {
  const lists = phrases().pickManyLists(phrase).slice(0, MAX_PICK_MANY_ASKED);
  const answers: (readonly string[] | undefined)[] = [];
  for (const [index, options] of lists.entries()) {
    const chosen = await vscode.window.showQuickPick(
      options.map((label) => ({ label })),
      {
        canPickMany: true,
        ignoreFocusOut: true,
        title: lists.length === 1 ? phrase.title : vscode.l10n.t({ message: '{0} ({1} of {2})', args: [phrase.title, index + 1, lists.length], comment: 'A phrase’s title, then which of its pick-many lists this is' }),
        placeHolder: vscode.l10n.t('Tick every option that applies (Space), then press Enter. Escape leaves this list and the rest in the note to fill in later.'),
      },
    );
    if (!chosen) break;
    answers.push(chosen.map((item) => item.label));
  }
  return answers;
}

/**
 * Inserts a phrase as a snippet at the cursor of the note it was asked for in, so Tab walks
 * through its fields: variables known from the note's front matter, today and the clinic
 * settings are written in; pick-many lists are asked for first (or answered by `picked`); a
 * clinic handout's `{{red-flags}}` becomes the current warning-signs block. A phrase inserted
 * after text on a line starts on a line of its own (its markers must be).
 */
export async function insertPhrase(phrase: Phrase, picked?: readonly (readonly string[] | undefined)[]): Promise<boolean> {
  // The note and place first: the lists asked for next must not move the phrase elsewhere.
  const editor = await markdownEditor();
  const { document } = editor;
  const at = editor.selection;
  const version = document.version;
  const answers = picked ?? (await askPickMany(phrase));
  if (document.isClosed || document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The note changed while the lists were asked for: insert the phrase again.'));
    return false;
  }
  const settings = clinicSettingsFor(document.uri);
  const clinic = settings.details;
  const variables = phrases().phraseVariables(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 200), 0)), isoLocalDate(new Date()), clinic);
  const withBlock = phrases().hasRedFlagLine(phrase);
  const snippet = phrases().phraseSnippet(phrase, { variables, picked: answers }, () => markedRedFlagBlock(redFlagBlockFor(clinic)));
  // A handout with the warning signs keeps the mark of where it came from, so the note warns if they go.
  const marked = phrase.kind === 'handout' && withBlock ? `${handoutStartMarker(phrase.name)}\n${snippet}` : snippet;
  const textBefore = document.lineAt(at.start.line).text.slice(0, at.start.character);
  const placed = textBefore.trim() === '' ? marked : `\n${marked}`;
  const inserted = await editor.insertSnippet(new vscode.SnippetString(placed), at);
  if (settings.problems.length > 0 && (withBlock || /@CLINIC(?:_PHONE)?@/.test(phrase.body))) {
    // The problems are the clinic settings' own sentences (English, from the pure module).
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} The phrase has a blank to fill in there instead.', settings.problems.join(' ')));
  }
  return inserted;
}

function phraseChoice(phrase: Phrase, origin: PhraseOrigin, file?: string): PhraseChoice {
  return { name: phrase.name, title: phrase.title, description: phrase.description, kind: phrase.kind, origin, file, insert: (picked) => insertPhrase(phrase, picked) };
}

function handoutChoice(handout: Handout): PhraseChoice {
  return { name: handout.id, title: handout.title, description: handout.description, kind: 'handout', origin: 'built-in', insert: () => insertHandout(handout) };
}

/** Every phrase for a note: the clinic's first, then the built-in templates and handouts. */
export async function phraseChoices(store: ClinicPhraseStore, handouts: () => readonly Handout[], resource: vscode.Uri | undefined): Promise<PhraseChoice[]> {
  const clinic = (await store.phrasesFor(resource)).map((phrase) => phraseChoice(phrase, 'clinic', phrase.file));
  return [...clinic, ...phrases().builtInPhrases().map((phrase) => phraseChoice(phrase, 'built-in')), ...handouts().map(handoutChoice)];
}

/**
 * The phrases for a note as soon as can be: the clinic's if they are read within `waitMs` (the
 * first read of a large phrase folder takes a while), else the built-in ones alone, with
 * `complete: false` so the dot-phrase list asks again as the clinician types on.
 */
export async function phraseChoicesWithin(
  store: ClinicPhraseStore,
  handouts: () => readonly Handout[],
  resource: vscode.Uri | undefined,
  waitMs: number,
): Promise<{ choices: PhraseChoice[]; complete: boolean }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
  const clinic = await Promise.race([store.phrasesFor(resource), late]).finally(() => clearTimeout(timer));
  const builtIn = [...phrases().builtInPhrases().map((phrase) => phraseChoice(phrase, 'built-in')), ...handouts().map(handoutChoice)];
  if (!clinic) return { choices: builtIn, complete: false };
  return { choices: [...clinic.map((phrase) => phraseChoice(phrase, 'clinic', phrase.file)), ...builtIn], complete: true };
}

/** A phrase's kind and origin as the pick and the dot-phrases show them. */
export function phraseKindLabel(choice: Pick<PhraseChoice, 'kind' | 'origin'>): string {
  if (choice.origin === 'clinic') return choice.kind === 'handout' ? vscode.l10n.t('clinic handout') : vscode.l10n.t('clinic template');
  return choice.kind === 'handout' ? vscode.l10n.t('handout') : vscode.l10n.t('note template');
}

interface PhrasePickItem extends vscode.QuickPickItem {
  readonly choice?: PhraseChoice;
}

/** Insert Phrase…: every phrase for the active note, grouped (clinic, templates, handouts), filterable by name, title and description. */
export async function showPhrasePick(store: ClinicPhraseStore, handouts: () => readonly Handout[]): Promise<vscode.QuickPick<PhrasePickItem>> {
  const choices = await phraseChoices(store, handouts, vscode.window.activeTextEditor?.document.uri);
  const groups: [string, PhraseChoice[]][] = [
    [vscode.l10n.t('Clinic phrases'), choices.filter((choice) => choice.origin === 'clinic')],
    [vscode.l10n.t('Note templates'), choices.filter((choice) => choice.origin === 'built-in' && choice.kind === 'template')],
    [vscode.l10n.t('Patient handouts'), choices.filter((choice) => choice.origin === 'built-in' && choice.kind === 'handout')],
  ];
  const items: PhrasePickItem[] = groups.flatMap(([label, group]) =>
    group.length === 0
      ? []
      : [
          { label, kind: vscode.QuickPickItemKind.Separator },
          ...group.map((choice) => ({
            label: choice.title,
            description: `.${choice.name} · ${phraseKindLabel(choice)}`,
            detail: choice.file ? `${choice.description} (${choice.file})` : choice.description,
            choice,
          })),
        ],
  );
  return showPick<PhrasePickItem>({
    title: vscode.l10n.t('Insert Phrase'),
    placeholder: vscode.l10n.t('Phrase to insert (type to filter by name, title or description)'),
    matchOnDescription: true,
    matchOnDetail: true,
    items,
    accept: (chosen) => chosen.choice?.insert(),
  });
}

/** The Insert Phrase command: the named phrase (a dot-phrase's), or the pick. */
export async function runInsertPhrase(store: ClinicPhraseStore, handouts: () => readonly Handout[], args: unknown): Promise<unknown> {
  const given = typeof args === 'object' && args !== null ? (args as Partial<InsertPhraseArgs>) : typeof args === 'string' ? { name: args } : undefined;
  if (typeof given?.name !== 'string') return showPhrasePick(store, handouts);
  const choices = await phraseChoices(store, handouts, vscode.window.activeTextEditor?.document.uri);
  const chosen = choices.find((choice) => choice.name === given.name && (given.origin === undefined || choice.origin === given.origin));
  if (!chosen) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no phrase named {0} here.', quotedForMessage(given.name)));
    return false;
  }
  const picked = Array.isArray(given.picked) ? given.picked.map((list) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : undefined)) : undefined;
  return chosen.insert(picked);
}
