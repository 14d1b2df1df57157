import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// Every text the VS Code glue puts on screen goes through vscode.l10n.t: a string or template
// literal with words in it, in a place VS Code shows to the user (a notification and its buttons,
// a status bar message, a code action, a diagnostic, a tree item, a quick pick's or input box's
// title, placeholder, prompt, items and validation message, a status bar item's text and tooltip),
// is an English literal left behind. Found with the TypeScript parser, in src/extension.ts,
// src/*/vscode/ and src/util/.

const ROOT = path.join(__dirname, '..', '..', '..');

/** Converted by the lead once the work under way on them is merged (issue 13); until then their literals are not looked at. */
const NOT_YET_CONVERTED = [/^src\/guide\/vscode\/reader\.ts$/];

/** Calls whose arguments are all shown: the message and the buttons. */
const SHOWN_ARGUMENTS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
/** Constructors whose first argument (the Diagnostic's second) is shown. */
const SHOWN_CONSTRUCTOR_ARGUMENT: Readonly<Record<string, number>> = { CodeAction: 0, TreeItem: 0, MarkdownString: 0, Diagnostic: 1 };
/** Properties shown where an object literal gives them (quick pick items, input box and pick options, commands, accessibility). */
const SHOWN_PROPERTIES = new Set(['title', 'placeholder', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'message', 'saveLabel', 'openLabel', 'validationMessage']);
/** Properties shown where they are assigned (status bar items, tree items and views, quick picks). */
const SHOWN_ASSIGNED = new Set(['text', 'tooltip', 'name', 'message', 'title', 'description', 'placeholder', 'prompt', 'validationMessage']);

function glueFiles(): string[] {
  const files: string[] = ['src/extension.ts'];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) files.push(file);
    }
  };
  walk('src/util');
  for (const feature of fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })) {
    if (feature.isDirectory() && fs.existsSync(path.join(ROOT, 'src', feature.name, 'vscode'))) walk(`src/${feature.name}/vscode`);
  }
  return files.sort();
}

/** The text of a literal if it holds words (a letter outside `${…}`), else undefined. */
function wordsOf(node: ts.Node): string | undefined {
  let text: string | undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
  // `$(book)` and the like are icons, not words.
  return text !== undefined && /\p{L}/u.test(text.replace(/\$\([\w-]+\)/g, '')) ? text : undefined;
}

/** The English literals a file shows, as "file:line: text". */
function literalsShown(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node | undefined): void => {
    if (node === undefined) return;
    const words = wordsOf(node);
    if (words !== undefined) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${words}`);
  };
  const nameOf = (expression: ts.Expression): string | undefined =>
    ts.isPropertyAccessExpression(expression) ? expression.name.text : ts.isIdentifier(expression) ? expression.text : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && SHOWN_ARGUMENTS.has(nameOf(node.expression) ?? '')) node.arguments.forEach(report);
    if (ts.isNewExpression(node)) {
      const index = SHOWN_CONSTRUCTOR_ARGUMENT[nameOf(node.expression) ?? ''];
      if (index !== undefined) report(node.arguments?.[index]);
    }
    if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText(source)) && !isL10nOptions(node.parent)) report(node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SHOWN_ASSIGNED.has(node.left.name.text)) {
      report(node.right);
    }
    // Either branch of a conditional in one of those places is shown too.
    if (ts.isConditionalExpression(node) && isShownPlace(node)) {
      report(node.whenTrue);
      report(node.whenFalse);
    }
    ts.forEachChild(node, visit);
  };
  /** Whether an object literal is the `{ message, args, comment }` of a `vscode.l10n.t` call. */
  const isL10nOptions = (node: ts.Node): boolean => {
    const call = node.parent;
    return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 't' && nameOf(call.expression.expression) === 'l10n';
  };
  /** Whether a conditional expression is itself in one of the places above. */
  const isShownPlace = (node: ts.ConditionalExpression): boolean => {
    const parent = node.parent;
    if (ts.isPropertyAssignment(parent)) return SHOWN_PROPERTIES.has(parent.name.getText(source));
    if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return SHOWN_ASSIGNED.has(parent.left.name.text);
    if (ts.isCallExpression(parent)) return SHOWN_ARGUMENTS.has(nameOf(parent.expression) ?? '');
    return false;
  };
  visit(source);
  return found;
}

describe('runtime strings (l10n): the glue', () => {
  it('finds the glue files, and the English literals a file shows', () => {
    const files = glueFiles();
    for (const expected of ['src/extension.ts', 'src/util/commands.ts', 'src/glossary/vscode/addToTeamGlossary.ts', 'src/guide/vscode/tree.ts']) assert.ok(files.includes(expected), expected);
    // The checker itself, on what it must catch and what it must let through.
    const sample = [
      "vscode.window.showWarningMessage(`Lost ${x}.`, 'Open File');",
      "void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', name), openFile);",
      "const action = new vscode.CodeAction('Fix it', kind);",
      "item.tooltip = count > 1 ? 'Many' : vscode.l10n.t('One');",
      "item.text = '$(book)'; item.description = `${count}`;",
      "pick({ title: 'Pick one', placeholder: vscode.l10n.t('Type'), prompt: vscode.l10n.t({ message: 'Say', comment: 'c' }) });",
    ].join('\n');
    assert.deepStrictEqual(literalsShown('sample.ts', sample), ['sample.ts:1: Lost ….', 'sample.ts:1: Open File', 'sample.ts:3: Fix it', 'sample.ts:4: Many', 'sample.ts:6: Pick one']);
  });

  it('shows no English literal: every text on screen goes through vscode.l10n.t', () => {
    const left = glueFiles()
      .filter((file) => !NOT_YET_CONVERTED.some((pattern) => pattern.test(file)))
      .flatMap((file) => literalsShown(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepStrictEqual(left, []);
  });
});
