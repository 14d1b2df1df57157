// Writes l10n/bundle.l10n.json, the English bundle of the runtime strings: every message the
// code passes to `vscode.l10n.t` (a string literal, or `{ message, comment }`), found with the
// TypeScript parser so that none is missed or invented. VS Code looks up the translations of
// these keys in l10n/bundle.l10n.<locale>.json. `npm run l10n` rewrites it; a unit test keeps it current.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
const BUNDLE_FILE = path.join(ROOT, 'l10n', 'bundle.l10n.json');

function sourceFiles(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Whether a call is `l10n.t(...)` or `vscode.l10n.t(...)`. */
function isL10nCall(node) {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') return false;
  const target = node.expression.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

const isLiteral = (node) => node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));

/** The placeholders of a message: `{0}`, `{1}` or `{name}` (as VS Code's l10n.t fills them). */
function placeholdersOf(message) {
  return [...message.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

/**
 * What is wrong with the arguments given for a message's placeholders: positional ones must be
 * `{0}`…`{n-1}`, each used; named ones (an object literal) must name every placeholder. Spread
 * or computed arguments are not checked.
 */
function argumentProblems(message, args) {
  const placeholders = placeholdersOf(message);
  if (args === undefined || args.length === 0) {
    return placeholders.length > 0 ? [`"${message}" has placeholders (${placeholders.join(', ')}) but is given no arguments`] : [];
  }
  if (args.some((arg) => ts.isSpreadElement(arg))) return [];
  if (args.length === 1 && ts.isObjectLiteralExpression(args[0])) {
    if (args[0].properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return [];
    const names = args[0].properties.map((p) => p.name.getText());
    const missing = placeholders.filter((name) => !names.includes(name));
    const unused = names.filter((name) => !placeholders.includes(name));
    return [
      ...(missing.length > 0 ? [`"${message}": no argument for {${missing.join('}, {')}}`] : []),
      ...(unused.length > 0 ? [`"${message}": arguments ${unused.join(', ')} fill no placeholder`] : []),
    ];
  }
  const problems = [];
  const indices = new Set(placeholders);
  for (const placeholder of indices) {
    if (!/^\d+$/.test(placeholder) || Number(placeholder) >= args.length) problems.push(`"${message}": {${placeholder}} has no argument (${args.length} given)`);
  }
  for (let index = 0; index < args.length; index++) {
    if (!indices.has(String(index))) problems.push(`"${message}": argument ${index} fills no placeholder`);
  }
  return problems;
}

/** The texts of a comment: a string literal, or an array of them (undefined if it is neither). */
function commentTexts(node) {
  if (isLiteral(node)) return [node.text];
  if (node && ts.isArrayLiteralExpression(node) && node.elements.every(isLiteral)) return node.elements.map((element) => element.text);
  return undefined;
}

/**
 * The messages of the `l10n.t` calls in one file, keyed as VS Code looks them up: the message,
 * or with a comment "message/comment" (the comments joined), as @vscode/l10n-dev writes them.
 */
function extractFromSource(fileName, text) {
  const messages = new Map();
  const problems = [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (isL10nCall(node)) {
      const [first, ...rest] = node.arguments;
      const where = `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (isLiteral(first)) {
        messages.set(first.text, first.text);
        problems.push(...argumentProblems(first.text, rest).map((problem) => `${where}: ${problem}`));
      } else if (first && ts.isObjectLiteralExpression(first)) {
        const property = (name) => first.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === name)?.initializer;
        // `{ comment }` or `{ ...options }` would hide what the key is made of.
        const hidden = first.properties.some((p) => !ts.isPropertyAssignment(p));
        const message = property('message');
        const comment = property('comment');
        const args = property('args');
        const comments = comment === undefined ? [] : commentTexts(comment);
        if (hidden) problems.push(`${where}: l10n.t({ ... }) needs its message, args and comment written out (message: '…')`);
        else if (!isLiteral(message)) problems.push(`${where}: l10n.t({ message }) needs a string literal`);
        else if (comments === undefined) problems.push(`${where}: l10n.t({ comment }) needs a string literal or an array of them`);
        else {
          messages.set(comments.length > 0 ? `${message.text}/${comments.join('')}` : message.text, comments.length > 0 ? { message: message.text, comment: comments } : message.text);
          const argList = args === undefined ? [] : ts.isArrayLiteralExpression(args) ? [...args.elements] : [args];
          problems.push(...argumentProblems(message.text, argList).map((problem) => `${where}: ${problem}`));
        }
      } else {
        problems.push(`${where}: l10n.t needs a string literal message (with {0} for what varies), not an expression`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, problems };
}

/** Every message of `l10n.t` calls in src/, with where a call's message is not a literal or its arguments do not fit it. */
function extractMessages() {
  const messages = new Map();
  const problems = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const found = extractFromSource(path.relative(ROOT, file), fs.readFileSync(file, 'utf8'));
    found.messages.forEach((value, key) => messages.set(key, value));
    problems.push(...found.problems);
  }
  const sorted = Object.fromEntries([...messages.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { bundle: sorted, problems };
}

function bundleText(bundle) {
  return JSON.stringify(bundle, null, 2) + '\n';
}

if (require.main === module) {
  const { bundle, problems } = extractMessages();
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
  fs.writeFileSync(BUNDLE_FILE, bundleText(bundle));
  console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages`);
}

module.exports = { extractMessages, extractFromSource, bundleText, BUNDLE_FILE };
