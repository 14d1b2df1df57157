import * as vscode from 'vscode';
import { findDoNotUse, type DoNotUseFinding } from '../doNotUse';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import { DocumentCache } from '../../util/documentCache';
import { affectsNoteLanguages, isNote, registerForNotes } from '../../util/notes';

export const DO_NOT_USE_SETTING = 'iliopsoas.doNotUse.enabled';
const DIAGNOSTIC_SOURCE = 'Do Not Use';
const UPDATE_DELAY_MS = 300;

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(DO_NOT_USE_SETTING, true);
}

/**
 * Warns about the Joint Commission "Do Not Use" abbreviations in notes, each with the
 * risk explained and, where there is one right answer, a quick fix to the spelled-out form.
 */
export class DoNotUseDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('iliopsoas-do-not-use');
  private readonly checked = new DocumentCache<readonly DoNotUseFinding[]>((document) => findDoNotUse(document.getText()));
  private readonly pending = new Delayer(UPDATE_DELAY_MS, 'checking a note for "Do Not Use" abbreviations');

  /** Checks a note now (or clears it when it is not a note or the check is off). */
  check(document: vscode.TextDocument): void {
    this.pending.cancel(document.uri.toString());
    if (!isNote(document) || !enabled()) {
      this.forget(document);
      return;
    }
    const findings = this.findings(document);
    this.collection.set(
      document.uri,
      findings.map((finding) => {
        const diagnostic = new vscode.Diagnostic(this.range(document, finding), finding.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = finding.rule;
        return diagnostic;
      }),
    );
  }

  /** Checks a note after a pause in typing; other documents (output, settings…) start no timer. */
  checkSoon(document: vscode.TextDocument): void {
    if (isNote(document)) this.pending.trigger(document.uri.toString(), () => this.check(document));
  }

  forget(document: vscode.TextDocument): void {
    this.pending.cancel(document.uri.toString());
    this.checked.delete(document);
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
      const range = this.range(document, finding);
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

  private findings(document: vscode.TextDocument): readonly DoNotUseFinding[] {
    return this.checked.get(document);
  }

  private range(document: vscode.TextDocument, finding: DoNotUseFinding): vscode.Range {
    return new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  }

  dispose(): void {
    disposeAll([this.pending, this.checked, this.collection]);
  }
}

export function registerDoNotUseDiagnostics(): vscode.Disposable {
  const diagnostics = new DoNotUseDiagnostics();
  const subscriptions = [
    diagnostics,
    registerForNotes((selector) =>
      vscode.languages.registerCodeActionsProvider(selector, diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    ),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.check(document)),
    vscode.workspace.onDidChangeTextDocument((event) => diagnostics.checkSoon(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(DO_NOT_USE_SETTING) || affectsNoteLanguages(event)) diagnostics.recheckAll();
    }),
  ];
  diagnostics.recheckAll();
  return new vscode.Disposable(() => disposeAll(subscriptions));
}
