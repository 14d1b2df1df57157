import * as vscode from 'vscode';
import { NoteModel, type ChangedLines } from '../markdown/noteModel';
import { disposeAll } from './dispose';
import { isNote } from './notes';

/** A note's model after a change event: the lines each change changed, or undefined when the model was built anew. */
export interface NoteModelUpdate {
  readonly document: vscode.TextDocument;
  readonly model: NoteModel;
  readonly changes: readonly ChangedLines[] | undefined;
}

/**
 * The one document model of each open note, shared by the features that follow edits (the
 * hover, Do Not Use, the Terms view, the reading grade): made on first use, updated from every change event before any of them
 * reads it (they listen to `onDidUpdate`, not to the document events), dropped when the note
 * closes. A model out of step with its document (a change that does not fit) is built anew.
 */
export class NoteModels implements vscode.Disposable {
  private readonly byUri = new Map<string, { version: number; model: NoteModel }>();
  private readonly didUpdate = new vscode.EventEmitter<NoteModelUpdate>();
  /** Fires after a note's model has followed a change event. */
  readonly onDidUpdate = this.didUpdate.event;
  private readonly subscriptions: vscode.Disposable[] = [
    this.didUpdate,
    vscode.workspace.onDidChangeTextDocument((event) => this.follow(event)),
    vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString())),
  ];

  /** The model of a document, in step with its current version. */
  get(document: vscode.TextDocument): NoteModel {
    const key = document.uri.toString();
    const known = this.byUri.get(key);
    if (known?.version === document.version) return known.model;
    const model = new NoteModel(document.getText());
    this.byUri.set(key, { version: document.version, model });
    return model;
  }

  private follow(event: vscode.TextDocumentChangeEvent): void {
    const { document } = event;
    const key = document.uri.toString();
    const known = this.byUri.get(key);
    if (!known || event.contentChanges.length === 0) return; // made on first use; nothing to follow
    if (!isNote(document)) {
      this.byUri.delete(key);
      return;
    }
    const changes: ChangedLines[] = [];
    for (const change of event.contentChanges) {
      const { start, end } = change.range;
      const changed = known.model.applyChange({ startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character, text: change.text });
      if (!changed) {
        this.byUri.delete(key);
        this.didUpdate.fire({ document, model: this.get(document), changes: undefined });
        return;
      }
      changes.push(changed);
    }
    known.version = document.version;
    this.didUpdate.fire({ document, model: known.model, changes });
  }

  dispose(): void {
    disposeAll(this.subscriptions);
    this.byUri.clear();
  }
}
