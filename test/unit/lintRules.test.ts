import * as assert from 'assert';
import { ESLint } from 'eslint';
import * as fs from 'fs';
import * as path from 'path';
import tseslint from 'typescript-eslint';

const REPO_ROOT = path.resolve(__dirname, '../../..');

// The architecture rule in eslint.config.mjs: pure modules never import `vscode`, in any form; glue may.
describe('lint: no `vscode` in pure modules, no feature importing another', function () {
  this.timeout(20_000);
  // The repo's config without the type-checked rules: the rule under test needs no types, and this skips
  // starting the TypeScript project service (seconds).
  const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

  /** The rule ids reported when `file` (repo-relative, existing) gets `extra` appended to its own text. */
  async function ruleIdsWith(file: string, extra: string): Promise<string[]> {
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8') + extra;
    const [result] = await eslint.lintText(text, { filePath: path.join(REPO_ROOT, file) });
    return result.messages.map((message) => message.ruleId ?? message.message);
  }

  it('reports an import of vscode in a pure module, and in a unit test', async () => {
    const snippet = "\nimport * as vscode from 'vscode';\nexport const probe = vscode;\n";
    assert.deepStrictEqual(await ruleIdsWith('src/guide/outline.ts', snippet), ['@typescript-eslint/no-restricted-imports']);
    assert.deepStrictEqual(await ruleIdsWith('test/unit/outline.test.ts', snippet), ['@typescript-eslint/no-restricted-imports']);
  });

  it("reports require('vscode') and import('vscode') in a pure module", async () => {
    const snippet = "\nexport const probe = [require('vscode') as unknown, import('vscode')];\n";
    assert.deepStrictEqual(await ruleIdsWith('src/glossary/matcher.ts', snippet), ['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('allows vscode in the glue, found by folder (a feature\'s vscode/, src/util/)', async () => {
    const snippet = "\nimport * as vscodeAgain from 'vscode';\nexport const probe = vscodeAgain;\n";
    assert.deepStrictEqual(await ruleIdsWith('src/guide/vscode/tree.ts', snippet), []);
    assert.deepStrictEqual(await ruleIdsWith('src/extension.ts', snippet), []);
  });

  it('reports a feature that imports another feature, pure or glue, and the shared core importing a feature', async () => {
    const restricted = ['@typescript-eslint/no-restricted-imports'];
    assert.deepStrictEqual(await ruleIdsWith('src/handouts/handouts.ts', "\nexport { parseGuide } from '../guide/outline';\n"), restricted);
    assert.deepStrictEqual(await ruleIdsWith('src/glossary/vscode/hover.ts', "\nexport { loadHandouts } from '../../handouts/handouts';\n"), restricted);
    assert.deepStrictEqual(await ruleIdsWith('src/markdown/engine.ts', "\nexport { compileGlossary } from '../glossary/matcher';\n"), restricted);
    // Within a feature, and from a feature into the shared core, imports are free.
    assert.deepStrictEqual(await ruleIdsWith('src/glossary/vscode/hover.ts', "\nexport { compileGlossary as again } from '../matcher';\n"), []);
    assert.deepStrictEqual(await ruleIdsWith('src/handouts/handouts.ts', "\nexport { markdownIt as engine } from '../markdown/engine';\n"), []);
  });
});
