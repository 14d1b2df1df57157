import * as vscode from 'vscode';
import { INSERT_PLAIN_EXPLANATION_COMMAND, OPEN_SECTION_COMMAND } from '../../ids';
import type { GlossaryStore } from './store';
import { glossaryHoverMarkdown, type GuideSectionLink } from '../hoverContent';
import { codeAndFrontMatterLines, type LinePredicate } from '../matcher';

export const HOVER_ENABLED_SETTING = 'iliopsoas.hover.enabled';
export const HOVER_LANGUAGES_SETTING = 'iliopsoas.hover.languages';

/** A document's lines and which of them are code or front matter, for one version of it. */
interface LineIndex {
  readonly version: number;
  readonly lines: readonly string[];
  readonly isExcludedLine: LinePredicate;
}

/**
 * Splits and classifies each document once per version, so repeated hovers on an unchanged note
 * cost only the matcher's look around the hovered position, whatever the note's length.
 */
export class DocumentLineIndex implements vscode.Disposable {
  private readonly byUri = new Map<string, LineIndex>();
  private readonly onClose = vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString()));

  get(document: vscode.TextDocument): LineIndex {
    const key = document.uri.toString();
    const cached = this.byUri.get(key);
    if (cached?.version === document.version) return cached;
    const lines = document.getText().split(/\r?\n/);
    const index = { version: document.version, lines, isExcludedLine: codeAndFrontMatterLines(lines) };
    this.byUri.set(key, index);
    return index;
  }

  dispose(): void {
    this.onClose.dispose();
    this.byUri.clear();
  }
}

export class GlossaryHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: GlossaryStore,
    private readonly lineIndex: DocumentLineIndex,
    private readonly guideSection: (id: string) => GuideSectionLink | undefined,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.store.whenLoaded();
    const { lines, isExcludedLine } = this.lineIndex.get(document);
    const found = this.store.current().termAt(lines, position.line, position.character, isExcludedLine);
    if (!found) return undefined;
    const { entry, range } = found;
    const sections = entry.sections.map(this.guideSection).filter((section): section is GuideSectionLink => section !== undefined);
    const content = new vscode.MarkdownString(
      glossaryHoverMarkdown(entry, sections, { uri: document.uri.toString(), line: position.line, term: entry.term }),
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

/** The language ids that get glossary hovers and the Terms view (`iliopsoas.hover.languages`). */
export function noteLanguages(): string[] {
  const languages = vscode.workspace.getConfiguration().get<unknown>(HOVER_LANGUAGES_SETTING);
  return Array.isArray(languages) ? languages.filter((id): id is string => typeof id === 'string') : ['markdown'];
}

function hoverSelector(): vscode.DocumentSelector {
  return noteLanguages().map((language) => ({ language }));
}

/** Registers the hover for the configured languages, and again whenever the settings change. */
export function registerGlossaryHover(provider: GlossaryHoverProvider): vscode.Disposable {
  let registration: vscode.Disposable | undefined;
  const register = () => {
    registration?.dispose();
    registration = vscode.workspace.getConfiguration().get<boolean>(HOVER_ENABLED_SETTING, true)
      ? vscode.languages.registerHoverProvider(hoverSelector(), provider)
      : undefined;
  };
  register();
  const onSettings = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(HOVER_ENABLED_SETTING) || event.affectsConfiguration(HOVER_LANGUAGES_SETTING)) register();
  });
  return new vscode.Disposable(() => {
    onSettings.dispose();
    registration?.dispose();
  });
}
