import * as vscode from 'vscode';
import { INSERT_PHRASE_COMMAND } from '../../ids';
import { handoutBody, type Handout } from '../handouts';
import { isNote } from '../../util/notes';
import { clinicSettingsFor } from './clinicSettings';
import { phraseKindLabel, type InsertPhraseArgs, type PhraseChoice } from './insertPhrase';

/** How long the dot-phrase list waits for the clinic's phrases on their first read before answering without them. */
export const CLINIC_PHRASES_WAIT_MS = 25;

// A dot-phrase starts a line or follows a space: ".stretching". A full stop ending a sentence
// ("daily.") follows a letter, so it never offers handouts.
const DOT_PHRASE = /(?:^|\s)(\.[\w-]*)$/;

/**
 * Offers the handouts, the note templates and the clinic's phrases as completions after a "." in
 * a note, like an EHR's dot-phrases. A handout is inserted as it stands, with the clinic's details
 * of the note's folder written in (an unusable setting leaves its blank; Insert Handout… says
 * why); a template or clinic phrase through the Insert Phrase command, which asks for its
 * pick-many lists first: the typed `.name` is replaced by nothing, then the command inserts.
 */
export class HandoutDotPhrases implements vscode.CompletionItemProvider {
  /** How long each answer took, first one first (the clinic phrases are read by it): `npm run bench` reports them. */
  readonly answerMs: number[] = [];
  private readonly handoutOf = new WeakMap<vscode.CompletionItem, Handout>();

  constructor(
    private readonly handouts: () => readonly Handout[],
    private readonly detail: (handout: Handout) => string,
    private readonly phrases: (resource: vscode.Uri) => Promise<{ readonly choices: readonly PhraseChoice[]; readonly complete: boolean }>,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    // Registered for every language that is a note in some folder: this document's folder decides.
    if (!isNote(document)) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = DOT_PHRASE.exec(before)?.[1];
    if (typed === undefined) return undefined;
    const started = performance.now();
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const clinic = clinicSettingsFor(document.uri).details;
    const handoutItems = this.handouts().map((handout, index) => {
      const item = new vscode.CompletionItem({ label: `.${handout.id}`, description: handout.title }, vscode.CompletionItemKind.Snippet);
      // Its detail (with the reading grade, which takes a while to compute the first time) is filled in when the item is shown.
      this.handoutOf.set(item, handout);
      item.documentation = new vscode.MarkdownString().appendText(handout.description);
      item.insertText = new vscode.SnippetString(handoutBody(handout, clinic));
      item.range = range;
      item.filterText = `.${handout.id}`;
      item.sortText = `2${String(index).padStart(4, '0')}`;
      return item;
    });
    // The clinic's own first, then the built-in templates (the handouts are listed as handouts).
    const { choices, complete } = await this.phrases(document.uri);
    const phraseItems = choices
      .filter((choice) => !(choice.origin === 'built-in' && choice.kind === 'handout'))
      .map((choice, index) => {
        const item = new vscode.CompletionItem({ label: `.${choice.name}`, description: choice.title }, vscode.CompletionItemKind.Snippet);
        item.detail = `${choice.title} · ${phraseKindLabel(choice)}`;
        // Plain text: a phrase's description is the clinic's file text, never Markdown to render.
        item.documentation = new vscode.MarkdownString().appendText(choice.file ? `${choice.description}\n\n${choice.file}` : choice.description);
        item.insertText = '';
        item.range = range;
        item.filterText = `.${choice.name}`;
        item.sortText = `${choice.origin === 'clinic' ? 0 : 1}${String(index).padStart(4, '0')}`;
        const args: InsertPhraseArgs = { name: choice.name, origin: choice.origin };
        item.command = { command: INSERT_PHRASE_COMMAND, title: choice.title, arguments: [args] };
        return item;
      });
    // Kept short: the bench asks a few dozen times; a long session should not grow it.
    if (this.answerMs.length < 1_000) this.answerMs.push(performance.now() - started);
    // Incomplete while the clinic's phrases are still being read: asked again at the next keystroke.
    return new vscode.CompletionList([...phraseItems, ...handoutItems], !complete);
  }

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const handout = this.handoutOf.get(item);
    if (handout) item.detail = this.detail(handout);
    return item;
  }
}
