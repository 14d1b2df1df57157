import * as vscode from 'vscode';
import { registerGlossary, type GlossaryFeature } from './glossary/vscode/register';
import { registerGuide, type GuideFeature } from './guide/vscode/register';
import { isBuiltInGlossaryLoaded } from './glossary/entries';
import { isMarkdownItLoaded } from './markdown/engine';
import { parseGuide, type GuideOutline } from './guide/outline';
import { registerHandouts, type HandoutsFeature } from './handouts/vscode/register';
import { registerWalkthrough } from './walkthrough/vscode/register';
import { disposeLog } from './util/log';
import { NoteModels } from './util/noteModels';
import { registerNoteLanguagesContext } from './util/notes';

/** What the extension exports: the preview hook VS Code calls, and the parts tests and the benchmark inspect. */
export interface IliopsoasNotesApi {
  readonly guide: Pick<GuideFeature, 'tree' | 'treeView' | 'reader'>;
  readonly glossary: Pick<GlossaryFeature, 'store' | 'termsInNote' | 'hover'>;
  readonly handouts: Pick<HandoutsFeature, 'handouts' | 'clinicPhrases' | 'dotPhraseAnswerMs' | 'exportDefaultUri' | 'exportActions' | 'activeNoteHasUnfinishedFields'>;
  readonly performance: { readonly activationMs: number; readonly markdownItLoadedAtActivation: boolean; readonly glossaryLoadedAtActivation: boolean };
  extendMarkdownIt: GlossaryFeature['extendMarkdownIt'];
}

export function activate(context: vscode.ExtensionContext): IliopsoasNotesApi {
  const started = performance.now();
  // Parsed on first use (the tree's first render, a command or a hover's links), not during activation.
  let outline: GuideOutline | undefined;
  // The guide's text is read then too (the production build loads it from its own file in dist/, see esbuild.js).
  const guideOutline = () => (outline ??= parseGuide(require('./guide/iliopsoas-back-pain.md') as string));

  // One model per open note, shared by the features that follow edits (hover, Do Not Use).
  const noteModels = new NoteModels();
  const handouts = registerHandouts((id) => guideOutline().get(id)?.title, noteModels, context.workspaceState);
  const guide = registerGuide(context.extensionUri, guideOutline, (id) => handouts.sectionHasHandout(id));
  const glossary = registerGlossary((id) => guideOutline().get(id), noteModels);
  context.subscriptions.push(noteModels, handouts, guide, glossary, registerWalkthrough(context.extensionUri), registerNoteLanguagesContext(), { dispose: disposeLog });
  return {
    guide,
    glossary,
    handouts,
    performance: { activationMs: performance.now() - started, markdownItLoadedAtActivation: isMarkdownItLoaded(), glossaryLoadedAtActivation: isBuiltInGlossaryLoaded() },
    extendMarkdownIt: (md) => glossary.extendMarkdownIt(md),
  };
}

export function deactivate(): void {}
