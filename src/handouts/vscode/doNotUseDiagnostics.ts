import * as vscode from 'vscode';
import { changedLinesOfEvent, type NoteModel } from '../../markdown/noteModel';
import { DoNotUseIndex, type PositionedFinding } from '../doNotUseIndex';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import type { NoteModels, NoteModelUpdate } from '../../util/noteModels';
import { affectsNoteLanguages, isNote, registerForNotes } from '../../util/notes';

const DO_NOT_USE_SETTING = 'iliopsoas.doNotUse.enabled';
const DIAGNOSTIC_SOURCE = 'Do Not Use';
/** The index follows every keystroke; the squiggles are redrawn after a pause in typing. */
const PUBLISH_DELAY_MS = 300;

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(DO_NOT_USE_SETTING, true);
}

function rangeOf(finding: PositionedFinding): vscode.Range {
  return new vscode.Range(finding.line, finding.character, finding.endLine, finding.endCharacter);
}

/**
 * Warns about the Joint Commission "Do Not Use" abbreviations in notes, each with the risk
 * explained and, where there is one right answer, a quick fix to the spelled-out form. Each
 * note's findings follow its shared model edit by edit: a keystroke rechecks its paragraph.
 */
class DoNotUseDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('iliopsoas-do-not-use');
  private readonly indexes = new Map<string, { readonly model: NoteModel; readonly index: DoNotUseIndex }>();
  private readonly pending = new Delayer(PUBLISH_DELAY_MS, 'showing "Do Not Use" warnings');

  constructor(private readonly noteModels: NoteModels) {}

  /** Checks a note now (or clears it when it is not a note or the check is off). */
  check(document: vscode.TextDocument): void {
    this.pending.cancel(document.uri.toString());
    if (!isNote(document) || !enabled()) {
      this.forget(document);
      return;
    }
    this.publish(document);
  }

  /** Follows an edit of a note whose findings are kept; shows them after a pause in typing. */
  follow({ document, model, changes }: NoteModelUpdate): void {
    const key = document.uri.toString();
    const known = this.indexes.get(key);
    if (!known) return;
    // The event's changes as windows of the final lines: each change's lines are those the change
    // before it left, while the model read here is the note after all of them.
    const windows = changes && known.model === model ? changedLinesOfEvent(changes) : undefined;
    if (!windows) this.indexes.set(key, { model, index: new DoNotUseIndex(model) });
    else for (const changed of windows) known.index.update(model, changed);
    this.pending.trigger(key, () => this.check(document));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.pending.cancel(key);
    this.indexes.delete(key);
    this.collection.delete(document.uri);
  }

  recheckAll(): void {
    vscode.workspace.textDocuments.forEach((document) => this.check(document));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    for (const finding of this.findings(document)) {
      if (finding.replacement === undefined) continue;
      const range = rangeOf(finding);
      const diagnostic = ours.find((candidate) => candidate.range.isEqual(range));
      if (!diagnostic) continue;
      const action = new vscode.CodeAction(`Write “${finding.replacement}” instead of “${finding.text}”`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, range, finding.replacement);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  private publish(document: vscode.TextDocument): void {
    this.collection.set(
      document.uri,
      this.findings(document).map((finding) => {
        const diagnostic = new vscode.Diagnostic(rangeOf(finding), finding.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = finding.rule;
        return diagnostic;
      }),
    );
  }

  /** The findings of a note, from its index (made from the shared model on first use). */
  private findings(document: vscode.TextDocument): readonly PositionedFinding[] {
    const key = document.uri.toString();
    const model = this.noteModels.get(document);
    let known = this.indexes.get(key);
    if (!known || known.model !== model) {
      known = { model, index: new DoNotUseIndex(model) };
      this.indexes.set(key, known);
    }
    return known.index.findings;
  }

  dispose(): void {
    disposeAll([this.pending, this.collection]);
    this.indexes.clear();
  }
}

export function registerDoNotUseDiagnostics(noteModels: NoteModels): vscode.Disposable {
  const diagnostics = new DoNotUseDiagnostics(noteModels);
  const subscriptions = [
    diagnostics,
    registerForNotes((selector) =>
      vscode.languages.registerCodeActionsProvider(selector, diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    ),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.check(document)),
    // After the shared model has followed the edit: listening to the document event could read it stale.
    noteModels.onDidUpdate((update) => diagnostics.follow(update)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(DO_NOT_USE_SETTING) || affectsNoteLanguages(event)) diagnostics.recheckAll();
    }),
  ];
  diagnostics.recheckAll();
  return new vscode.Disposable(() => disposeAll(subscriptions));
}
