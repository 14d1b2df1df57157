import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findDoNotUse } from '../../src/handouts/doNotUse';
import { doNotUseReadmeTable, doNotUseRulesMarkdown, headingLine, SETTINGS_SECTION } from '../../src/handouts/doNotUseDoc';
import { DO_NOT_USE_LEVELS, DO_NOT_USE_RULE_IDS, disableRuleTitle, disableScope, ruleLevels, withRuleOff } from '../../src/handouts/doNotUseRules';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('Do Not Use rule settings', () => {
  it('gives every rule "warning" unless the setting names it with a level', () => {
    for (const value of [undefined, null, 'off', ['cc'], 7, {}]) {
      assert.deepStrictEqual([...ruleLevels(value).values()], DO_NOT_USE_RULE_IDS.map(() => 'warning'), JSON.stringify(value));
    }
    const levels = ruleLevels({ cc: 'off', daily: 'error', 'trailing-zero': 'warning' });
    assert.deepStrictEqual([levels.get('cc'), levels.get('daily'), levels.get('trailing-zero'), levels.get('unit')], ['off', 'error', 'warning', 'warning']);
    assert.deepStrictEqual([...levels.keys()], DO_NOT_USE_RULE_IDS);
  });

  it('never switches a rule off for a typo: an unknown level or rule name changes nothing', () => {
    const levels = ruleLevels({ cc: 'of', daily: 'Off', unit: false, 'trailing zero': 'off', __proto__: { ms: 'off' } });
    assert.ok([...levels.values()].every((level) => level === 'warning'));
  });

  it('writes "off" for one rule and keeps everything else the level held, even names it does not know', () => {
    assert.deepStrictEqual(withRuleOff(undefined, 'cc'), { cc: 'off' });
    assert.deepStrictEqual(withRuleOff('broken', 'cc'), { cc: 'off' });
    assert.deepStrictEqual(withRuleOff({ daily: 'error', typo: 'off', cc: 'warning' }, 'cc'), { daily: 'error', typo: 'off', cc: 'off' });
  });

  it('disables in the note’s folder, else the workspace, else the user’s settings, and says which', () => {
    assert.strictEqual(disableScope(true, true), 'folder');
    assert.strictEqual(disableScope(false, true), 'workspace');
    assert.strictEqual(disableScope(false, false), 'user');
    assert.strictEqual(disableRuleTitle('cc', 'folder'), 'Disable “cc” in this folder');
    assert.strictEqual(disableRuleTitle('cc', 'workspace'), 'Disable “cc” in this workspace');
    assert.strictEqual(disableRuleTitle('cc', 'user'), 'Disable “cc” in your user settings');
  });

  it('declares the setting with one property per rule, each an enum of the levels, in the manifest', () => {
    const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const setting = manifest.contributes.configuration.properties['iliopsoas.doNotUse.rules'] as {
      type: string;
      scope: string;
      additionalProperties: boolean;
      default: Record<string, string>;
      properties: Record<string, { enum: string[]; enumDescriptions: string[]; default: string; description: string }>;
    };
    assert.strictEqual(setting.type, 'object');
    assert.strictEqual(setting.scope, 'resource');
    // The Settings editor shows an object of enums as rows of drop-downs only when nothing else may be added.
    assert.strictEqual(setting.additionalProperties, false);
    assert.deepStrictEqual(Object.keys(setting.properties), DO_NOT_USE_RULE_IDS);
    assert.deepStrictEqual(setting.default, Object.fromEntries(DO_NOT_USE_RULE_IDS.map((id) => [id, 'warning'])));
    for (const [id, property] of Object.entries(setting.properties)) {
      assert.deepStrictEqual(property.enum, DO_NOT_USE_LEVELS, id);
      assert.strictEqual(property.default, 'warning', id);
      assert.strictEqual(property.enumDescriptions.length, DO_NOT_USE_LEVELS.length, id);
      assert.ok(nls[property.description.slice(1, -1)], `${id}: no description`);
    }
    assert.strictEqual(manifest.contributes.configuration.properties['iliopsoas.doNotUse.enabled'].scope, 'resource');
  });
});

describe('Do Not Use explanation page and README table', () => {
  const page = doNotUseRulesMarkdown();

  it('is docs/do-not-use.md as committed', () => {
    // npm run docs writes it (scripts/generateDoNotUseDoc.mjs).
    assert.strictEqual(read('docs/do-not-use.md'), page);
  });

  it('has one part per rule, with its forms, risk, fix, example, what it leaves alone and its source', () => {
    const lines = page.split('\n');
    for (const id of DO_NOT_USE_RULE_IDS) {
      const line = headingLine(page, id);
      assert.strictEqual(lines[line], `## \`${id}\``);
      const part = lines.slice(line, lines.indexOf('', line + 4)).join('\n');
      for (const label of ['Flags', 'Risk:', 'Write instead:', 'Example:', 'Left alone:', 'Source:']) assert.ok(part.includes(label), `${id}: no ${label}`);
      assert.match(part, /Joint Commission/);
    }
    assert.strictEqual(lines[headingLine(page, SETTINGS_SECTION)], `## ${SETTINGS_SECTION}`);
    assert.ok(page.includes('`<!-- iliopsoas-disable-next-line -->`') && page.includes('iliopsoas.doNotUse.rules'));
  });

  it('raises no finding itself: it is Markdown, and opens as a note', () => {
    assert.deepStrictEqual(findDoNotUse(page), []);
  });

  it('is the README’s table, whose links reach the page’s headings', () => {
    const table = doNotUseReadmeTable();
    assert.ok(read('README.md').includes(`${table}\n`), `README.md does not have the table:\n${table}`);
    for (const id of DO_NOT_USE_RULE_IDS) assert.ok(table.includes(`](docs/do-not-use.md#${id})`), id);
  });
});
