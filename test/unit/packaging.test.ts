import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

interface Vsce {
  createVSIX(options: { cwd: string; packagePath: string; dependencies: boolean }): Promise<void>;
  listFiles(options: { cwd: string; packageManager: 'none' }): Promise<string[]>;
}

/** What the .vsix may hold: the bundles, the manifest and its strings, media, snippets, the glossary schema. */
const SHIPPED = [
  /^package\.json$/,
  /^package\.nls\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^dist\/(extension\.js|markdown-it\.js|glossary\.json|handouts\.json)$/,
  /^dist\/web\/extension\.js$/,
  /^media\/(icon\.png|iliopsoas\.svg|reader\.css|preview\.css)$/,
  /^media\/walkthrough\/[\w-]+\.(jpg|md)$/,
  /^snippets\/handouts\.code-snippets$/,
  /^src\/glossary\/glossary\.schema\.json$/,
];

// `npm run package` for real (vsce, its prepublish production build, .vscodeignore), in a copy of
// the repository so this run's dist/ is left alone.
describe('packaging: the .vsix', function () {
  this.timeout(120_000);
  let staging: string;
  let vsix: string;
  let files: string[];

  before(async () => {
    staging = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-package-'));
    const skipped = new Set(['.git', 'node_modules', 'out', 'dist', '.test-results', '.vscode-test']);
    fs.cpSync(REPO_ROOT, staging, {
      recursive: true,
      filter: (source) => !skipped.has(path.relative(REPO_ROOT, source).split(path.sep)[0]) && !source.endsWith('.vsix'),
    });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
    const vsce = require('@vscode/vsce') as Vsce;
    vsix = path.join(staging, 'iliopsoas-notes.vsix');
    // vsce prints the file tree: keep it for a failure only.
    const printed: unknown[][] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => printed.push(args);
    try {
      await vsce.createVSIX({ cwd: staging, packagePath: vsix, dependencies: false });
    } catch (err) {
      for (const args of printed) log(...args);
      throw err;
    } finally {
      console.log = log;
    }
    files = (await vsce.listFiles({ cwd: staging, packageManager: 'none' })).map((file) => file.split(path.sep).join('/')).sort();
  });

  after(() => {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  });

  it('stays under 500 KB', () => {
    const kb = fs.statSync(vsix).size / 1024;
    assert.ok(kb < 500, `${kb.toFixed(1)} KB`);
  });

  it('ships only what runs: no sources, tests, source maps or screenshots', () => {
    assert.deepStrictEqual(files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file))), []);
  });

  it('ships everything the manifest points at', () => {
    for (const needed of ['dist/extension.js', 'dist/web/extension.js', 'dist/markdown-it.js', 'dist/glossary.json', 'dist/handouts.json', 'package.nls.json', 'media/icon.png', 'snippets/handouts.code-snippets', 'src/glossary/glossary.schema.json']) {
      assert.ok(files.includes(needed), `${needed} is missing from ${files.join(', ')}`);
    }
  });
});
