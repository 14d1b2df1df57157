import * as vscode from 'vscode';
import { INSERT_PLAIN_EXPLANATION_COMMAND, OPEN_SECTION_COMMAND } from '../../ids';
import type { GlossaryStore } from './store';
import { glossaryHoverMarkdown, type GuideSectionLink, type HoverLabels } from '../hoverContent';
import type { NoteModels } from '../../util/noteModels';
import { isNote, registerForNotes } from '../../util/notes';

const HOVER_ENABLED_SETTING = 'iliopsoas.hover.enabled';
/** How long a hover waits for the team glossaries still being read. */
const TEAM_FILES_WAIT_MS = 30;

/** The hover's own words in the user's language (the glossary's text stays as written). */
function hoverLabels(): HoverLabels {
  return {
    forPatients: vscode.l10n.t('For patients:'),
    guide: vscode.l10n.t('Guide:'),
    guideLinkTitle: vscode.l10n.t('Read in the Iliopsoas Guide'),
    insertExplanation: vscode.l10n.t('Insert patient explanation'),
    insertExplanationTitle: vscode.l10n.t('Add the plain-language explanation below this paragraph'),
    teamGlossary: (file) => vscode.l10n.t('team glossary: {0}', file),
  };
}

export class GlossaryHoverProvider implements vscode.HoverProvider {
  /** How long the first hover took to answer, glossary read and compiled included (`npm run bench` reports it). */
  firstAnswerMs: number | undefined;
  /** Of the first answer, how long it waited for the team files. */
  firstAnswerTeamFilesWaitMs: number | undefined;
  private labels: HoverLabels | undefined;

  constructor(
    private readonly store: GlossaryStore,
    private readonly noteModels: NoteModels,
    private readonly guideSection: (id: string) => GuideSectionLink | undefined,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    // Per note: a folder may switch hovers off, or not count this language as notes.
    if (!isNote(document) || !vscode.workspace.getConfiguration(undefined, document).get<boolean>(HOVER_ENABLED_SETTING, true)) return undefined;
    const started = performance.now();
    try {
      return await this.answer(document, position);
    } finally {
      this.firstAnswerMs ??= performance.now() - started;
    }
  }

  private async answer(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    // Built while the team files are still being read (they usually change nothing, and then it is kept).
    this.store.prepare();
    const waiting = performance.now();
    await this.store.whenLoadedOrAfter(TEAM_FILES_WAIT_MS);
    this.firstAnswerTeamFilesWaitMs ??= performance.now() - waiting;
    // The shared model follows edits, so the first hover after one does no whole-note work.
    const { lines, isExcludedLine } = this.noteModels.get(document);
    const found = this.store.current(document.uri).termAt(lines, position.line, position.character, isExcludedLine);
    if (!found) return undefined;
    const { entry, range, text } = found;
    const sections = entry.sections.map(this.guideSection).filter((section): section is GuideSectionLink => section !== undefined);
    const content = new vscode.MarkdownString(
      glossaryHoverMarkdown(entry, sections, { uri: document.uri.toString(), line: position.line, term: entry.term }, text, (this.labels ??= hoverLabels())),
    );
    // Command links run only our own two commands; any other command: link stays inert.
    content.isTrusted = { enabledCommands: [OPEN_SECTION_COMMAND, INSERT_PLAIN_EXPLANATION_COMMAND] };
    content.supportHtml = false;
    return new vscode.Hover(
      content,
      new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
    );
  }
}

/** Registers the hover for notes, and again whenever the note languages change. */
export function registerGlossaryHover(provider: GlossaryHoverProvider): vscode.Disposable {
  return registerForNotes((selector) => vscode.languages.registerHoverProvider(selector, provider));
}
