// Shared by the integration suites: the extension's API, waiting on a condition, fresh notes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';

export const EXTENSION_ID = 'clinicnotes.iliopsoas-notes';

export async function extensionApi(): Promise<IliopsoasNotesApi> {
  const extension = vscode.extensions.getExtension<IliopsoasNotesApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Polls a condition (sync or async) until it holds, or fails naming what it waited for. */
export async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let notesOpened = 0;

/**
 * A new untitled Markdown note with its own name. (Untitled-N names are reused once a note is
 * closed, and a reused name can briefly show a provider the previous note's text.)
 */
export async function newNote(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`untitled:test-note-${++notesOpened}.md`));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  assert.strictEqual(document.languageId, 'markdown');
  return document;
}

/** A new note shown in an editor, with the cursor at its start. */
export async function openNote(content: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await newNote(content));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

/** Runs the command behind a `command:` link (of the reader or a hover), as a click on it would. */
export async function followCommandLink(href: string): Promise<void> {
  const uri = vscode.Uri.parse(href.replace(/&amp;/g, '&'));
  assert.strictEqual(uri.scheme, 'command');
  await vscode.commands.executeCommand(uri.path, ...(JSON.parse(decodeURIComponent(uri.query)) as unknown[]));
}

/** The hover text VS Code shows at the first occurrence of `text` (offset `within` characters into it), unescaped. */
export async function hoverAt(document: vscode.TextDocument, text: string, within = 1): Promise<string> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in the note`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + within));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}
