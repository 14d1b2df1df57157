import * as vscode from 'vscode';
import { handoutBody, type Handout } from '../handouts';
import { isNote } from '../../util/notes';
import { clinicSettingsFor } from './clinicSettings';

// A dot-phrase starts a line or follows a space: ".stretching". A full stop ending a sentence
// ("daily.") follows a letter, so it never offers handouts.
const DOT_PHRASE = /(?:^|\s)(\.[\w-]*)$/;

/**
 * Offers the handouts as completions after a "." in a Markdown note, like an EHR's dot-phrases,
 * with the clinic's details of the note's folder written in (an unusable setting leaves its
 * blank; Insert Handout… says why).
 */
export class HandoutDotPhrases implements vscode.CompletionItemProvider {
  constructor(
    private readonly handouts: () => readonly Handout[],
    private readonly detail: (handout: Handout) => string,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    // Registered for every language that is a note in some folder: this document's folder decides.
    if (!isNote(document)) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = DOT_PHRASE.exec(before)?.[1];
    if (typed === undefined) return undefined;
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const clinic = clinicSettingsFor(document.uri).details;
    return this.handouts().map((handout, index) => {
      const item = new vscode.CompletionItem({ label: `.${handout.id}`, description: handout.title }, vscode.CompletionItemKind.Snippet);
      item.detail = this.detail(handout);
      item.documentation = new vscode.MarkdownString().appendText(handout.description);
      item.insertText = new vscode.SnippetString(handoutBody(handout, clinic));
      item.range = range;
      item.filterText = `.${handout.id}`;
      item.sortText = String(index).padStart(3, '0');
      return item;
    });
  }
}
