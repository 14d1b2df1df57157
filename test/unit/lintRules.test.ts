import * as assert from 'assert';
import { ESLint } from 'eslint';
import * as fs from 'fs';
import * as path from 'path';
import tseslint from 'typescript-eslint';

const REPO_ROOT = path.resolve(__dirname, '../../..');

// The architecture rule in eslint.config.mjs: pure modules never import `vscode`, in any form; glue may.
describe('lint: no `vscode` in pure modules', function () {
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

  it('allows vscode in the glue', async () => {
    assert.deepStrictEqual(await ruleIdsWith('src/guide/tree.ts', "\nimport * as vscodeAgain from 'vscode';\nexport const probe = vscodeAgain;\n"), []);
  });
});
