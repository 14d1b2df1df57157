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
  const drafts: Drafts = new Map();
  const previewEnabled = () => vscode.workspace.getConfiguration().get<boolean>(PREVIEW_ENABLED_SETTING, true);

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
      glossaryMarkdownItPlugin(md, () => (previewEnabled() ? store.current() : undefined));
      return md;
    },
    dispose: () => disposeAll(disposables),
  };
}
