import * as vscode from 'vscode';

/**
 * A value computed from a document once per version (its lines, its findings…), forgotten when
 * the document closes, so repeated requests on an unchanged note cost nothing.
 */
export class DocumentCache<T> implements vscode.Disposable {
  private readonly byUri = new Map<string, { readonly version: number; readonly value: T }>();
  private readonly onClose = vscode.workspace.onDidCloseTextDocument((document) => this.delete(document));

  constructor(private readonly compute: (document: vscode.TextDocument) => T) {}

  get(document: vscode.TextDocument): T {
    const key = document.uri.toString();
    const cached = this.byUri.get(key);
    if (cached?.version === document.version) return cached.value;
    const value = this.compute(document);
    this.byUri.set(key, { version: document.version, value });
    return value;
  }

  delete(document: vscode.TextDocument): void {
    this.byUri.delete(document.uri.toString());
  }

  dispose(): void {
    this.onClose.dispose();
    this.byUri.clear();
  }
}
