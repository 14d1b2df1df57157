import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';
import { disposeAll } from '../../util/dispose';
import { ADD_TO_TEAM_GLOSSARY_COMMAND, INSERT_PLAIN_EXPLANATION_COMMAND, OPEN_TEAM_GLOSSARY_COMMAND } from '../../ids';
import { GlossaryStore } from './store';
import { GlossaryHoverProvider, registerGlossaryHover } from './hover';
import type { NoteModels } from '../../util/noteModels';
import type { GuideSectionLink } from '../hoverContent';
import { insertPlainExplanation } from './insertExplanation';
import { glossaryMarkdownItPlugin } from '../previewPlugin';
import { openTeamGlossary } from './teamGlossaryFile';
import { registerTermsView, type TermsInNoteProvider } from './termsView';
import { registerTermActions } from './termActions';
import { addToTeamGlossary, type Drafts } from './addToTeamGlossary';
import type MarkdownIt = require('markdown-it');

const PREVIEW_ENABLED_SETTING = 'iliopsoas.preview.enabled';

export interface GlossaryFeature extends vscode.Disposable {
  readonly store: GlossaryStore;
  readonly termsInNote: TermsInNoteProvider;
  readonly hover: GlossaryHoverProvider;
  /** For VS Code's Markdown preview (`markdown.markdownItPlugins`): marks terms with their definitions. */
  extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt;
}

function refreshMarkdownPreview(): void {
  // The built-in Markdown extension may be disabled: then there is no preview to refresh.
  void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined);
}

/** Glossary hovers, the "Terms in this Note" view, team glossaries and the preview plugin. */
export function registerGlossary(guideSection: (id: string) => GuideSectionLink | undefined, noteModels: NoteModels): GlossaryFeature {
  const store = new GlossaryStore();
  const hover = new GlossaryHoverProvider(store, noteModels, guideSection);
  const termsView = registerTermsView(store, noteModels);
  // The note a preview renders, from markdown-it's env (VS Code's preview puts its Uri there); undefined for other renders.
  const renderedNote = (env: unknown): vscode.Uri | undefined => {
    const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    if (current instanceof vscode.Uri) return current;
    // Another copy of the class: rebuilt from its parts, never trusting its methods.
    const parts = current as Partial<Record<'scheme' | 'authority' | 'path' | 'query' | 'fragment', unknown>> | undefined;
    if (typeof parts !== 'object' || parts === null || typeof parts.scheme !== 'string' || typeof parts.path !== 'string') return undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    try {
      return vscode.Uri.from({ scheme: parts.scheme, authority: text(parts.authority), path: parts.path, query: text(parts.query), fragment: text(parts.fragment) });
    } catch {
      return undefined;
    }
  };

  const drafts: Drafts = new Map();

  const disposables: vscode.Disposable[] = [
    store,
    termsView,
    registerGlossaryHover(hover),
    registerCommand(INSERT_PLAIN_EXPLANATION_COMMAND, (args: unknown) => insertPlainExplanation(store, noteModels, args)),
    registerCommand(OPEN_TEAM_GLOSSARY_COMMAND, openTeamGlossary),
    registerTermActions(store, noteModels, termsView.provider, guideSection),
    registerCommand(ADD_TO_TEAM_GLOSSARY_COMMAND, (args: unknown) => addToTeamGlossary(store, drafts, args)),
    store.onDidChange(refreshMarkdownPreview),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(PREVIEW_ENABLED_SETTING)) refreshMarkdownPreview();
    }),
  ];

  return {
    store,
    termsInNote: termsView.provider,
    hover,
    extendMarkdownIt(md) {
      glossaryMarkdownItPlugin(md, (env) => {
        const note = renderedNote(env);
        // Per note: its folder may switch the preview's terms off, and has its own team glossary.
        return vscode.workspace.getConfiguration(undefined, note).get<boolean>(PREVIEW_ENABLED_SETTING, true) ? store.current(note) : undefined;
      });
      return md;
    },
    dispose: () => disposeAll(disposables),
  };
}
