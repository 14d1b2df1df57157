// Writes docs/do-not-use.md, the page that explains the Do Not Use rules, from DO_NOT_USE_RULES
// (src/handouts/doNotUseRules.ts, the one source of the rules), or with --check fails when the
// committed file is not what it would write. The extension shows the same text from memory.
//   node scripts/generateDoNotUseDoc.mjs           (npm run docs)
//   node scripts/generateDoNotUseDoc.mjs --check
// The pure module is bundled in memory with esbuild and evaluated, as scripts/generateSnippets.mjs does.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC_FILE = path.join(root, 'docs', 'do-not-use.md');

const { outputFiles } = await esbuild.build({
  entryPoints: [path.join(root, 'src/handouts/doNotUseDoc.ts')],
  bundle: true,
  write: false,
  platform: 'node',
  format: 'cjs',
  logLevel: 'silent',
});
const docModule = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(docModule, docModule.exports, createRequire(import.meta.url));
const expected = docModule.exports.doNotUseRulesMarkdown();
const onDisk = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : undefined;
const relative = path.relative(root, DOC_FILE);
if (process.argv.includes('--check')) {
  if (onDisk !== expected) {
    console.error(`${relative} is not what src/handouts/doNotUseRules.ts makes: run npm run docs and commit it.`);
    process.exitCode = 1;
  } else {
    console.log(`${relative} is current.`);
  }
} else if (onDisk !== expected) {
  fs.mkdirSync(path.dirname(DOC_FILE), { recursive: true });
  fs.writeFileSync(DOC_FILE, expected);
  console.log(`wrote ${relative}`);
}
