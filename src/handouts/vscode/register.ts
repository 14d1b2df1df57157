import * as vscode from 'vscode';
import { handoutProse } from '../../readability/prose';
import { registerCommand } from '../../util/commands';
import { disposeAll } from '../../util/dispose';
import { logError } from '../../util/log';
import type { NoteModels } from '../../util/noteModels';
import { isNote, registerForNotes } from '../../util/notes';
import { EXPORT_HANDOUT_COMMAND, INSERT_HANDOUT_COMMAND, INSERT_PHRASE_COMMAND, INSERT_SECTION_HANDOUT_COMMAND, NEW_CLINIC_PHRASE_COMMAND } from '../../ids';
import { ClinicPhraseStore } from './clinicPhrases';
import { phrases } from './phrasesModule';
import { insertPhrase, phraseChoicesWithin, runInsertPhrase } from './insertPhrase';
import { newClinicPhrase } from './newClinicPhrase';
import { CLINIC_PHRASES_WAIT_MS, HandoutDotPhrases } from './dotPhrases';
import { registerDoNotUseDiagnostics } from './doNotUseDiagnostics';
import { defaultExportUri, exportActionsFor, exportHandoutAsHtml } from './exportHandout';
import type { ExportAction } from '../exportChoices';
import { handoutReadingGrade, loadHandouts, type Handout } from '../handouts';
import { insertHandout, showHandoutPick, type HandoutPickItem } from './insertHandout';
import { registerReadingGradeStatus } from './readingStatus';
import { registerRedFlagGuard } from './redFlagGuard';
import { registerUnfinishedFields } from './unfinishedFields';

/** How long after activation the clinic phrases of the note in view are read. */
const READ_PHRASES_AFTER_MS = 1_000;

export interface HandoutsFeature extends vscode.Disposable {
  readonly handouts: () => readonly Handout[];
  /** The clinic phrases of the workspace folders (tests wait on it and read it). */
  readonly clinicPhrases: ClinicPhraseStore;
  /** How long each dot-phrase list took to answer, in ms, first one first (`npm run bench`). */
  readonly dotPhraseAnswerMs: readonly number[];
  /** Whether a handout draws on a guide section (the guide tree shows an inline insert action). */
  sectionHasHandout(sectionId: string): boolean;
  /** Where the export's save dialog opens for a handout of this title in this note (tests check it without a dialog). */
  exportDefaultUri(document: vscode.TextDocument, title: string): Promise<vscode.Uri | undefined>;
  /** The buttons the "exported" notification offers for this file, here. */
  exportActions(target: vscode.Uri): readonly ExportAction[];
  /** What the `iliopsoas.noteHasUnfinishedFields` context key (F2's meaning) was last set to. */
  activeNoteHasUnfinishedFields(): boolean;
}

/**
 * The handouts, the note-writing aids around them (grade in the status bar, "Do Not Use" checks)
 * and export, which remembers its last folder in `workspaceState`.
 */
export function registerHandouts(sectionTitle: (id: string) => string | undefined, noteModels: NoteModels, workspaceState: vscode.Memento): HandoutsFeature {
  let loaded: readonly Handout[] | undefined;
  const handouts = () => (loaded ??= loadHandouts());
  // A clinic's phrase files get the built-in handouts' checks (grade, Do Not Use, warning signs…).
  const clinicPhrases = new ClinicPhraseStore((phrase, text) => phrases().checkPhrase(phrase, text, handoutProse));
  const grades = new Map<string, string>();
  const gradeOf = (handout: Handout) => {
    let grade = grades.get(handout.id);
    if (grade === undefined) {
      grade = handoutReadingGrade(handout).toFixed(1);
      grades.set(handout.id, grade);
    }
    return grade;
  };
  const pickItem = (handout: Handout): HandoutPickItem => ({
    label: handout.title,
    description: vscode.l10n.t({ message: 'grade {0}', args: [gradeOf(handout)], comment: 'A handout’s reading grade, beside its title' }),
    detail: vscode.l10n.t({
      message: '{0} Based on: {1}.',
      args: [handout.description, handout.sections.map((id) => sectionTitle(id) ?? id).join(', ')],
      comment: 'A handout’s description, then the titles of the guide sections it draws on',
    }),
    insert: () => insertHandout(handout),
  });
  // The clinic's own handouts join the built-in ones, first.
  const clinicHandoutItems = async (): Promise<HandoutPickItem[]> =>
    (await clinicPhrases.phrasesFor(vscode.window.activeTextEditor?.document.uri))
      .filter((phrase) => phrase.kind === 'handout')
      .map((phrase) => ({
        label: phrase.title,
        description: vscode.l10n.t({ message: '.{0} · clinic handout', args: [phrase.name], comment: 'A clinic handout’s dot-phrase, beside its title' }),
        detail: `${phrase.description} (${phrase.file})`,
        insert: () => insertPhrase(phrase),
      }));
  const forSection = (sectionId: string) => handouts().filter((handout) => handout.sections.includes(sectionId));
  const unfinishedFields = registerUnfinishedFields();

  const dotPhrases = new HandoutDotPhrases(
    handouts,
    (handout) => vscode.l10n.t({ message: '{0} · grade {1}', args: [handout.title, gradeOf(handout)], comment: 'A handout’s title and reading grade' }),
    (resource) => phraseChoicesWithin(clinicPhrases, handouts, resource, CLINIC_PHRASES_WAIT_MS),
  );
  // A note in view is where dot-phrases are typed: its folder's clinic phrases (and the built-in
  // templates and handouts) are read then,
  // in the background, so the first "." finds them (a large folder takes a second to read).
  const readPhrasesOfNote = (editor: vscode.TextEditor | undefined) => {
    if (editor && isNote(editor.document)) void phraseChoicesWithin(clinicPhrases, handouts, editor.document.uri, 0).catch((error: unknown) => logError('reading the phrases', error));
  };
  // Not during activation: the note that activated the extension is read a moment later.
  const readSoon = setTimeout(() => readPhrasesOfNote(vscode.window.activeTextEditor), READ_PHRASES_AFTER_MS);
  const disposables: vscode.Disposable[] = [
    { dispose: () => clearTimeout(readSoon) },
    clinicPhrases,
    vscode.window.onDidChangeActiveTextEditor(readPhrasesOfNote),
    registerCommand(INSERT_PHRASE_COMMAND, (args?: unknown) => runInsertPhrase(clinicPhrases, handouts, args)),
    registerCommand(NEW_CLINIC_PHRASE_COMMAND, (name?: unknown) => newClinicPhrase(typeof name === 'string' ? name : undefined)),
    registerCommand(INSERT_HANDOUT_COMMAND, (handoutId?: unknown) => {
      const chosen = handouts().find((handout) => handout.id === handoutId);
      if (chosen) return insertHandout(chosen);
      return clinicHandoutItems().then((clinic) => showHandoutPick([...clinic, ...handouts().map(pickItem)], vscode.l10n.t('Handout to insert (type to filter by title, topic or section)')));
    }),
    registerCommand(INSERT_SECTION_HANDOUT_COMMAND, (section?: unknown) => {
      const sectionId = typeof section === 'string' ? section : (section as { id?: unknown } | undefined)?.id;
      const matching = typeof sectionId === 'string' ? forSection(sectionId) : [];
      if (matching.length === 1) return insertHandout(matching[0]);
      return showHandoutPick((matching.length > 0 ? matching : handouts()).map(pickItem), vscode.l10n.t('Handout drawn from this section'));
    }),
    // Only a real Uri: a command link's JSON argument is a plain object that merely looks like one.
    registerCommand(EXPORT_HANDOUT_COMMAND, (options?: { target?: unknown; unfinished?: unknown }) =>
      exportHandoutAsHtml(workspaceState, {
        target: options?.target instanceof vscode.Uri ? options.target : undefined,
        unfinished: options?.unfinished === 'export' || options?.unfinished === 'goToFirst' ? options.unfinished : undefined,
      }),
    ),
    registerForNotes((selector) => vscode.languages.registerCompletionItemProvider(selector, dotPhrases, '.')),
    registerReadingGradeStatus(noteModels),
    registerDoNotUseDiagnostics(noteModels),
    registerRedFlagGuard(noteModels, (sourceId) => handouts().find((handout) => handout.id === sourceId)?.title),
    unfinishedFields,
  ];

  return {
    handouts,
    clinicPhrases,
    dotPhraseAnswerMs: dotPhrases.answerMs,
    sectionHasHandout: (sectionId) => forSection(sectionId).length > 0,
    exportDefaultUri: (document, title) => defaultExportUri(document, title, workspaceState),
    exportActions: exportActionsFor,
    activeNoteHasUnfinishedFields: unfinishedFields.activeNoteHasUnfinishedFields,
    dispose: () => disposeAll(disposables),
  };
}
