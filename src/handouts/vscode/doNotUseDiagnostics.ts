import * as vscode from 'vscode';
import { findDoNotUse, type DoNotUseFinding } from '../doNotUse';

export const DO_NOT_USE_SETTING = 'iliopsoas.doNotUse.enabled';
const DIAGNOSTIC_SOURCE = 'Do Not Use';
const UPDATE_DELAY_MS = 300;

interface Checked {
  readonly version: number;
  readonly findings: readonly DoNotUseFinding[];
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(DO_NOT_USE_SETTING, true);
}

/**
 * Warns about the Joint Commission "Do Not Use" abbreviations in Markdown notes, each with the
 * risk explained and, where there is one right answer, a quick fix to the spelled-out form.
 */
export class DoNotUseDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('iliopsoas-do-not-use');
  private readonly checked = new Map<string, Checked>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  /** Checks a note now (or clears it when it is not Markdown or the check is off). */
  check(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    if (document.languageId !== 'markdown' || !enabled()) {
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

  /** Checks a note after a pause in typing. */
  checkSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => this.check(document), UPDATE_DELAY_MS));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.checked.delete(key);
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
    const key = document.uri.toString();
    const cached = this.checked.get(key);
    if (cached?.version === document.version) return cached.findings;
    const findings = findDoNotUse(document.getText());
    this.checked.set(key, { version: document.version, findings });
    return findings;
  }

  private range(document: vscode.TextDocument, finding: DoNotUseFinding): vscode.Range {
    return new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  }

  dispose(): void {
    this.pending.forEach((timer) => clearTimeout(timer));
    this.collection.dispose();
  }
}

export function registerDoNotUseDiagnostics(): vscode.Disposable {
  const diagnostics = new DoNotUseDiagnostics();
  const subscriptions = [
    diagnostics,
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, diagnostics, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.check(document)),
    vscode.workspace.onDidChangeTextDocument((event) => diagnostics.checkSoon(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(DO_NOT_USE_SETTING)) diagnostics.recheckAll();
    }),
  ];
  diagnostics.recheckAll();
  return new vscode.Disposable(() => subscriptions.forEach((subscription) => subscription.dispose()));
}
