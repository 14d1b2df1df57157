import * as vscode from 'vscode';
import { commandUri, SHOW_DO_NOT_USE_RULES_COMMAND } from '../../ids';
import { registerCommand } from '../../util/commands';
import { disposeAll } from '../../util/dispose';
import { doNotUseRulesMarkdown, headingLine, SETTINGS_SECTION } from '../doNotUseDoc';
import { isDoNotUseRuleId, type DoNotUseRuleId } from '../doNotUseRules';

/** The page's scheme: a read-only document served from memory, so it opens offline and in the browser alike. */
export const RULES_PAGE_SCHEME = 'iliopsoas-do-not-use';
/** The page's name is its tab's title (a translation's slashes would make folders of it). */
const rulesPage = (): vscode.Uri =>
  vscode.Uri.from({ scheme: RULES_PAGE_SCHEME, path: `/${vscode.l10n.t({ message: 'Do Not Use rules', comment: 'The name of the page that explains the Do Not Use abbreviations, shown as its tab title' }).replace(/[\\/]/g, '-')}.md` });

/** What the page's command takes: a rule's part, or the part on settings and comments. */
export type RulesPagePart = DoNotUseRuleId | 'settings';

/**
 * A diagnostic code's target: a `command:` link to the page at a rule. VS Code opens a code's
 * target with commands allowed, from the hover and from the Problems view; a link to a file of
 * the extension would instead open in a browser where the extension is served over https.
 */
export function rulesPageTarget(part: RulesPagePart): vscode.Uri {
  return vscode.Uri.parse(commandUri(SHOW_DO_NOT_USE_RULES_COMMAND, part));
}

async function showRulesPage(part: unknown): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(rulesPage());
  const heading = isDoNotUseRuleId(part) ? part : part === 'settings' ? SETTINGS_SECTION : undefined;
  const line = heading === undefined ? 0 : headingLine(document.getText(), heading);
  const range = document.lineAt(line).range;
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection: new vscode.Selection(range.start, range.end) });
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  return editor;
}

/** The page that explains the rules, and the command that opens it (from a diagnostic's code, or the Command Palette). */
export function registerDoNotUseRulesPage(): vscode.Disposable {
  const subscriptions = [
    vscode.workspace.registerTextDocumentContentProvider(RULES_PAGE_SCHEME, { provideTextDocumentContent: () => doNotUseRulesMarkdown() }),
    registerCommand(SHOW_DO_NOT_USE_RULES_COMMAND, (part?: unknown) => showRulesPage(part)),
  ];
  return new vscode.Disposable(() => disposeAll(subscriptions));
}
