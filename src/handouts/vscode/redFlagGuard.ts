import * as vscode from 'vscode';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import { quotedForMessage } from '../../util/messageText';
import type { NoteModels } from '../../util/noteModels';
import { affectsNoteLanguages, isNote, registerForNotes } from '../../util/notes';
import { redFlagBlockText } from '../handouts';
import { findRedFlagProblemsInLines, restoreRedFlagBlockEdit, type RedFlagProblem } from '../redFlagMarkers';
import { clinicSettingsFor } from './clinicSettings';

export const RED_FLAGS_DIAGNOSTIC_SOURCE = 'Iliopsoas Notes';
export const RED_FLAGS_REMOVED_CODE = 'red-flags-removed';
/** Checked after a pause in typing: deleting a block line by line warns once, at the end. */
const PUBLISH_DELAY_MS = 300;

function messageOf(problem: RedFlagProblem, title: string): string {
  switch (problem.kind) {
    case 'missing':
      return vscode.l10n.t('The warning signs (red flags) of the handout “{0}” were deleted from this note. Patients need them: use the quick fix to put them back.', title);
    case 'empty':
      return vscode.l10n.t('The warning signs (red flags) of the handout “{0}” are empty in this note. Patients need them: use the quick fix to put them back.', title);
    case 'noEmergency':
      return vscode.l10n.t(
        'The warning signs (red flags) of the handout “{0}” no longer say when to call 911 or go to the emergency department. Patients need that: use the quick fix to put the warning signs back.',
        title,
      );
  }
}

const rangeOf = (problem: RedFlagProblem) => new vscode.Range(problem.line, problem.character, problem.line, problem.endCharacter);

/**
 * Warns where a handout inserted into a note has lost its warning signs (its red-flag block
 * deleted, emptied, or without its 911 part; see redFlagMarkers.ts), with a quick fix that puts
 * the current block back, the clinic's details of the note's folder written in.
 */
class RedFlagGuard implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('iliopsoas-red-flags');
  private readonly pending = new Delayer(PUBLISH_DELAY_MS, 'checking the warning signs of handouts');

  constructor(
    private readonly noteModels: NoteModels,
    private readonly titleOf: (sourceId: string) => string | undefined,
  ) {}

  private problemsOf(document: vscode.TextDocument): RedFlagProblem[] {
    const model = this.noteModels.get(document);
    return findRedFlagProblemsInLines(model.lines, model.isExcludedLine);
  }

  check(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.pending.cancel(key);
    if (!isNote(document)) {
      this.collection.delete(document.uri);
      return;
    }
    const diagnostics = this.problemsOf(document).map((problem) => {
      // A marker written by hand (or a clinic phrase's) names what it names: quoted so it forms no link.
      const diagnostic = new vscode.Diagnostic(rangeOf(problem), messageOf(problem, this.titleOf(problem.sourceId) ?? quotedForMessage(problem.sourceId)), vscode.DiagnosticSeverity.Warning);
      diagnostic.source = RED_FLAGS_DIAGNOSTIC_SOURCE;
      diagnostic.code = RED_FLAGS_REMOVED_CODE;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
  }

  schedule(document: vscode.TextDocument): void {
    this.pending.trigger(document.uri.toString(), () => this.check(document));
  }

  forget(document: vscode.TextDocument): void {
    this.pending.cancel(document.uri.toString());
    this.collection.delete(document.uri);
  }

  recheckAll(): void {
    vscode.workspace.textDocuments.forEach((document) => this.check(document));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === RED_FLAGS_DIAGNOSTIC_SOURCE && diagnostic.code === RED_FLAGS_REMOVED_CODE);
    if (ours.length === 0 || !isNote(document)) return [];
    // The note as it is now (the diagnostics may be a pause in typing behind it).
    const problems = this.problemsOf(document);
    const actions: vscode.CodeAction[] = [];
    let text: string | undefined;
    let block: string | undefined;
    for (const diagnostic of ours) {
      const problem = problems.find((candidate) => rangeOf(candidate).isEqual(diagnostic.range));
      if (!problem) continue;
      text ??= document.getText();
      // The block as it is now, not as the handout had it when inserted; plain text: an edit inserts no snippet.
      block ??= redFlagBlockText(clinicSettingsFor(document.uri).details);
      const edit = restoreRedFlagBlockEdit(text, problem, block);
      const action = new vscode.CodeAction(vscode.l10n.t('Put the warning signs back'), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    disposeAll([this.pending, this.collection]);
  }
}

/**
 * The red-flag safety net in notes. `titleOf` names a handout by the id its marker gives (the
 * registration passes the built-in handouts' titles); an unknown id is named as written.
 */
export function registerRedFlagGuard(noteModels: NoteModels, titleOf: (sourceId: string) => string | undefined): vscode.Disposable {
  const guard = new RedFlagGuard(noteModels, titleOf);
  const subscriptions = [
    guard,
    registerForNotes((selector) => vscode.languages.registerCodeActionsProvider(selector, guard, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] })),
    vscode.workspace.onDidOpenTextDocument((document) => guard.check(document)),
    // After the shared model has followed the edit.
    noteModels.onDidUpdate(({ document }) => guard.schedule(document)),
    vscode.workspace.onDidCloseTextDocument((document) => guard.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsNoteLanguages(event)) guard.recheckAll();
    }),
  ];
  // The notes already open, just after activation rather than inside it.
  const firstCheck = setTimeout(() => guard.recheckAll(), 0);
  return new vscode.Disposable(() => {
    clearTimeout(firstCheck);
    disposeAll(subscriptions);
  });
}
