import * as vscode from 'vscode';
import type { FieldWording, UnfinishedField } from '../phrases/completeness';
import { CHECK_NOTE_COMPLETE_COMMAND, GO_TO_NEXT_UNFINISHED_FIELD_COMMAND, GO_TO_PREVIOUS_UNFINISHED_FIELD_COMMAND } from '../../ids';
import { registerCommand } from '../../util/commands';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import { quotedForMessage } from '../../util/messageText';
import { affectsNoteLanguages, isNote } from '../../util/notes';
import { showPick } from '../../util/quickPick';
import { isClinicPhraseFile, PHRASE_FOLDERS_SETTING } from './clinicPhrases';
import { phrases } from './phrasesModule';

const SECTION = 'iliopsoas';
const ENABLED_KEY = 'phrases.checkUnfinishedFields';
const ENABLED_SETTING = `${SECTION}.${ENABLED_KEY}`;
const DIAGNOSTIC_SOURCE = 'Iliopsoas Notes';
export const UNFINISHED_FIELD_CODE = 'unfinished-field';
/** True while the active editor is a note with unfinished fields: F2 goes to the next one only then (it renames elsewhere). */
const HAS_UNFINISHED_FIELDS_CONTEXT = 'iliopsoas.noteHasUnfinishedFields';
/** A note is checked again after this pause in typing. */
const CHECK_DELAY_MS = 300;
/** The line shown under a field in Check Note Is Complete is cut here. */
const MAX_LINE_SHOWN = 200;

/** The fields' names in the user's language (read when shown, not while the bundle loads). */
export const fieldWording: FieldWording = {
  blank: () => vscode.l10n.t('a blank (***) to fill in'),
  variable: (name) => vscode.l10n.t('@{0}@ to fill in', name),
  pickOne: (options) => vscode.l10n.t('a choice to make ({0})', options),
  pickMany: (options) => vscode.l10n.t('a list to pick from ({0})', options),
};

/** Whether unfinished fields are checked in this note (the setting, read with the note's folder; never in a phrase file). */
export function checksUnfinishedFields(document: vscode.TextDocument): boolean {
  return isNote(document) && vscode.workspace.getConfiguration(SECTION, document).get<unknown>(ENABLED_KEY, true) !== false && !isClinicPhraseFile(document.uri);
}

/**
 * The unfinished fields of a text. The phrase code is a chunk loaded on first use: a note without
 * `***`, `{` or `@` (most notes) is settled by this one scan without loading it.
 */
function fieldsIn(text: string): readonly UnfinishedField[] {
  return /\*\*\*|[{@]/.test(text) ? phrases().unfinishedFields(text) : [];
}

const fieldName = (field: UnfinishedField): string => phrases().describeField(field, fieldWording);

function rangeOf(field: UnfinishedField): vscode.Range {
  return new vscode.Range(field.line, field.character, field.endLine, field.endCharacter);
}

/** Selects a range in the editor (anchor at its start, so typing replaces it) and brings it into view. */
function select(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

type FieldPickItem = vscode.QuickPickItem & { readonly field: UnfinishedField };

export interface UnfinishedFieldsFeature extends vscode.Disposable {
  /** What the `iliopsoas.noteHasUnfinishedFields` context key was last set to (tests read it: VS Code offers no way to). */
  readonly activeNoteHasUnfinishedFields: () => boolean;
}

/**
 * The unfinished fields of the open notes: a warning at each, the context key that gives F2 its
 * meaning, and the commands that go to them. A note is read whole after a pause in typing (the
 * search is linear, and one scan settles a note without `***`, `{` or `@`), so it needs no
 * per-edit model; its fields are kept by document version, and the commands read them fresh.
 * (Closures rather than a class: the bundle's budget, and local names minify.)
 */
export function registerUnfinishedFields(): UnfinishedFieldsFeature {
  const collection = vscode.languages.createDiagnosticCollection('iliopsoas-unfinished-fields');
  const pending = new Delayer(CHECK_DELAY_MS, 'showing unfinished fields');
  /** The notes checked (by Uri string), with their fields at the version they were found. */
  const checked = new Map<string, { version: number; fields: readonly UnfinishedField[] }>();
  let context: boolean | undefined;

  /** The note's fields now (found again if it changed since; kept only for the notes checked). */
  const fieldsOf = (document: vscode.TextDocument): readonly UnfinishedField[] => {
    const key = document.uri.toString();
    const known = checked.get(key);
    if (known?.version === document.version) return known.fields;
    const fields = fieldsIn(document.getText());
    if (known) checked.set(key, { version: document.version, fields });
    return fields;
  };

  /** Sets the context key for the active editor, from the fields last found (only when it changes). */
  const updateContext = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && checked.has(document.uri.toString()) && fieldsOf(document).length > 0;
    if (value === context) return;
    context = value;
    void vscode.commands.executeCommand('setContext', HAS_UNFINISHED_FIELDS_CONTEXT, value);
  };

  const forget = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    pending.cancel(key);
    checked.delete(key);
    collection.delete(document.uri);
    if (vscode.window.activeTextEditor?.document === document) updateContext();
  };

  /** Checks a note now, or clears it when it is not a note or the check is off for it. */
  const check = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    pending.cancel(key);
    if (!checksUnfinishedFields(document)) return forget(document);
    if (!checked.has(key)) checked.set(key, { version: -1, fields: [] });
    const diagnostics = fieldsOf(document).map((field) => {
      const diagnostic = new vscode.Diagnostic(rangeOf(field), vscode.l10n.t('Unfinished: {0}', fieldName(field)), vscode.DiagnosticSeverity.Warning);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = UNFINISHED_FIELD_CODE;
      return diagnostic;
    });
    collection.set(document.uri, diagnostics);
    if (vscode.window.activeTextEditor?.document === document) updateContext();
  };

  const recheckAll = (): void => {
    vscode.workspace.textDocuments.forEach(check);
    updateContext();
  };

  /** The active note's editor, or undefined after saying what to open. */
  const activeNote = (message: () => string): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor && isNote(editor.document)) return editor;
    void vscode.window.showInformationMessage(message());
    return undefined;
  };

  /** Selects the next (or previous) unfinished field from the selection, wrapping at the end (the status bar says so). */
  const goTo = (direction: 'next' | 'previous'): { range: vscode.Range; wrapped: boolean } | undefined => {
    const editor = activeNote(() => vscode.l10n.t('Open a note to go to its unfinished fields.'));
    if (!editor) return undefined;
    const { selection } = editor;
    const found = phrases().adjacentField(fieldsOf(editor.document), selection.start, selection.end, direction);
    if (!found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No unfinished fields in this note.'));
      return undefined;
    }
    const range = rangeOf(found.field);
    select(editor, range);
    if (found.wrapped) {
      vscode.window.setStatusBarMessage(
        direction === 'next' ? vscode.l10n.t('Unfinished fields: back to the first one, at the top of the note.') : vscode.l10n.t('Unfinished fields: back to the last one, at the bottom of the note.'),
        3000,
      );
    }
    return { range, wrapped: found.wrapped };
  };

  /** Says the note is complete, or lists its unfinished fields in a pick that goes to the one chosen (returned for tests). */
  const checkComplete = (): vscode.QuickPick<FieldPickItem> | undefined => {
    const editor = activeNote(() => vscode.l10n.t('Open a note to check that it is complete.'));
    if (!editor) return undefined;
    const { document } = editor;
    const fields = fieldsOf(document);
    if (fields.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This note is complete: no unfinished fields.'));
      return undefined;
    }
    const items = fields.map((field): FieldPickItem => {
      const line = document.lineAt(field.line).text.trim();
      return {
        label: fieldName(field),
        description: vscode.l10n.t('line {0}', field.line + 1),
        detail: line.length > MAX_LINE_SHOWN ? `${line.slice(0, MAX_LINE_SHOWN)}…` : line,
        field,
      };
    });
    // The first field at or after the cursor is the one offered first.
    const next = phrases().adjacentField(fields, editor.selection.start, editor.selection.start, 'next');
    return showPick({
      title: fields.length === 1 ? vscode.l10n.t('This note has 1 unfinished field') : vscode.l10n.t('This note has {0} unfinished fields', fields.length),
      placeholder: vscode.l10n.t('Choose a field to go to it (type to filter by its line)'),
      items,
      active: items.find((item) => item.field === next?.field),
      matchOnDescription: true,
      matchOnDetail: true,
      accept: async (chosen) => select(await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn }), document.validateRange(rangeOf(chosen.field))),
    });
  };

  const subscriptions = [
    collection,
    pending,
    registerCommand(GO_TO_NEXT_UNFINISHED_FIELD_COMMAND, () => goTo('next')),
    registerCommand(GO_TO_PREVIOUS_UNFINISHED_FIELD_COMMAND, () => goTo('previous')),
    registerCommand(CHECK_NOTE_COMPLETE_COMMAND, checkComplete),
    vscode.workspace.onDidOpenTextDocument(check),
    // A keystroke in a checked note: checked again after a pause (in another document it costs a lookup).
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      const key = document.uri.toString();
      if (contentChanges.length > 0 && checked.has(key)) pending.trigger(key, () => check(document));
    }),
    vscode.workspace.onDidCloseTextDocument(forget),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsNoteLanguages(event)) return recheckAll();
      for (const document of vscode.workspace.textDocuments) if (event.affectsConfiguration(ENABLED_SETTING, document) || event.affectsConfiguration(PHRASE_FOLDERS_SETTING, document)) check(document);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
  ];
  // The notes already open, just after activation rather than inside it (as Do Not Use does).
  const firstCheck = setTimeout(recheckAll, 0);
  return {
    activeNoteHasUnfinishedFields: () => context === true,
    dispose: () => {
      clearTimeout(firstCheck);
      disposeAll(subscriptions);
      checked.clear();
      if (context) void vscode.commands.executeCommand('setContext', HAS_UNFINISHED_FIELDS_CONTEXT, false);
    },
  };
}

export type ExportWithUnfinishedFields = 'export' | 'goToFirst';

/**
 * Before a handout with unfinished fields is exported: asks (a modal warning) whether to export
 * it anyway or go to its first field, which is then selected. `answer` answers for tests.
 * Resolves to whether to export. `start` is where the handout's `markdown` begins in the note.
 */
export async function confirmExportOfUnfinished(editor: vscode.TextEditor, markdown: string, start: vscode.Position, answer?: ExportWithUnfinishedFields): Promise<boolean> {
  const { document } = editor;
  if (!checksUnfinishedFields(document)) return true;
  const fields = fieldsIn(markdown);
  if (fields.length === 0) return true;
  const [first] = fields;
  const firstShown = quotedForMessage(fieldName(first));
  const chosen =
    answer ??
    (
      await vscode.window.showWarningMessage(
        fields.length === 1
          ? vscode.l10n.t('This handout has an unfinished field ({0}). Export it anyway?', firstShown)
          : vscode.l10n.t('This handout has {0} unfinished fields (the first: {1}). Export it anyway?', fields.length, firstShown),
        { modal: true },
        { title: vscode.l10n.t('Export Anyway'), action: 'export' as const },
        { title: vscode.l10n.t('Go to First Field'), action: 'goToFirst' as const },
      )
    )?.action;
  if (chosen === 'goToFirst') {
    const offset = document.offsetAt(start);
    select(editor, new vscode.Range(document.positionAt(offset + first.start), document.positionAt(offset + first.end)));
  }
  return chosen === 'export';
}
