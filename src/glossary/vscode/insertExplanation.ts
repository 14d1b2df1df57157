import * as vscode from 'vscode';
import type { GlossaryStore } from './store';
import { plainExplanationBlock, type InsertExplanationArgs } from '../hoverContent';
import { paragraphEndLine } from '../../markdown/regions';
import { quotedForMessage } from '../../util/messageText';
import type { NoteModels } from '../../util/noteModels';

function isInsertArgs(value: unknown): value is InsertExplanationArgs {
  const args = value as Partial<InsertExplanationArgs> | undefined;
  return typeof args?.uri === 'string' && typeof args.term === 'string' && typeof args.line === 'number';
}

/** Adds a term's plain-language explanation as a quoted paragraph below the paragraph it was hovered in. */
export async function insertPlainExplanation(store: GlossaryStore, noteModels: NoteModels, args: unknown): Promise<boolean> {
  if (!isInsertArgs(args)) return false;
  const uri = vscode.Uri.parse(args.uri);
  const entry = store.current(uri).entries.find((candidate) => candidate.term === args.term);
  if (!entry) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The glossary no longer has "{0}".', quotedForMessage(args.term)));
    return false;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const { lines } = noteModels.get(document);
  const endLine = paragraphEndLine(lines, Math.min(Math.max(args.line, 0), document.lineCount - 1));
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(endLine).range.end, `${eol}${eol}${plainExplanationBlock(entry)}`);
  return vscode.workspace.applyEdit(edit);
}
