import * as vscode from 'vscode';
import guideMarkdown from './guide/iliopsoas-back-pain.md';
import { registerGuide, type GuideFeature } from './guide';
import { parseGuide, type GuideOutline } from './guide/outline';

/** What the extension exports: its parts that the integration tests inspect. */
export interface IliopsoasNotesApi {
  readonly guide: Pick<GuideFeature, 'tree' | 'treeView' | 'reader'>;
}

export function activate(context: vscode.ExtensionContext): IliopsoasNotesApi {
  // Parsed on first use (the tree's first render or a command), not during activation.
  let outline: GuideOutline | undefined;
  const guideOutline = () => (outline ??= parseGuide(guideMarkdown));

  const guide = registerGuide(context.extensionUri, guideOutline);
  context.subscriptions.push(guide);
  return { guide };
}

export function deactivate(): void {}
