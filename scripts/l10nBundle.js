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

/** Every message of `l10n.t` calls in src/, with where a call's message is not a literal. */
function extractMessages() {
  const messages = new Map();
  const problems = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (isL10nCall(node)) {
        const [first] = node.arguments;
        const where = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          messages.set(first.text, first.text);
        } else if (first && ts.isObjectLiteralExpression(first)) {
          const property = (name) => first.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === name)?.initializer;
          const message = property('message');
          const comment = property('comment');
          if (!message || !ts.isStringLiteral(message)) problems.push(`${where}: l10n.t({ message }) needs a string literal`);
          else messages.set(message.text, comment && ts.isStringLiteral(comment) ? { message: message.text, comment: [comment.text] } : message.text);
        } else {
          problems.push(`${where}: l10n.t needs a string literal message (with {0} for what varies), not an expression`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
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

module.exports = { extractMessages, bundleText, BUNDLE_FILE };
