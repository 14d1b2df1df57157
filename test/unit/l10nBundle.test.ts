import * as assert from 'assert';
import * as fs from 'fs';
import glossarySchema from '../../src/glossary/glossary.schema.json';

// The extractor is plain CommonJS shared with `npm run l10n`.
const l10n = require('../../../scripts/l10nBundle.js') as {
  extractMessages(): { bundle: Record<string, unknown>; problems: string[] };
  extractFromSource(fileName: string, text: string): { messages: Map<string, unknown>; problems: string[] };
  bundleText(bundle: Record<string, unknown>): string;
  BUNDLE_FILE: string;
};

describe('runtime strings (l10n)', () => {
  it('passes vscode.l10n.t string literals only, so every message can be translated', () => {
    assert.deepStrictEqual(l10n.extractMessages().problems, []);
  });

  it('ships the English bundle of exactly those messages, as `npm run l10n` writes it', () => {
    const { bundle } = l10n.extractMessages();
    assert.strictEqual(fs.readFileSync(l10n.BUNDLE_FILE, 'utf8'), l10n.bundleText(bundle), 'l10n/bundle.l10n.json is stale: run `npm run l10n`');
  });

  it('keys a message with a comment as VS Code looks it up ("message/comment"), and keeps the comment for translators', () => {
    const { messages, problems } = l10n.extractFromSource(
      'sample.ts',
      "vscode.l10n.t({ message: 'Next:', comment: 'Before a link' });\nl10n.t({ message: 'Open {0}', args: [file], comment: ['A file', ' name'] });\nvscode.l10n.t('Open {0}', file);",
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(Object.fromEntries(messages), {
      'Next:/Before a link': { message: 'Next:', comment: ['Before a link'] },
      'Open {0}/A file name': { message: 'Open {0}', comment: ['A file', ' name'] },
      'Open {0}': 'Open {0}',
    });
  });

  it('refuses arguments that do not fill the placeholders, and options it cannot read', () => {
    const problems = (code: string) => l10n.extractFromSource('sample.ts', code).problems;
    assert.deepStrictEqual(problems("vscode.l10n.t('{0} and {1}', a, b); vscode.l10n.t('{name}', { name }); vscode.l10n.t('{0}', ...rest);"), []);
    assert.match(problems("vscode.l10n.t('Added {0}.');").join(), /has placeholders \(0\) but is given no arguments/);
    assert.match(problems("vscode.l10n.t('Added {0} in {1}.', term);").join(), /\{1\} has no argument \(1 given\)/);
    assert.match(problems("vscode.l10n.t('Added.', term);").join(), /argument 0 fills no placeholder/);
    assert.match(problems("vscode.l10n.t('Grade {grade}', { grad: 1 });").join(), /no argument for \{grade\}.*grad fill no placeholder/);
    assert.match(problems("vscode.l10n.t({ message: 'Open {0}' });").join(), /no arguments/);
    assert.match(problems("vscode.l10n.t({ message: 'Open', comment });").join(), /written out/);
    assert.match(problems('vscode.l10n.t(`Open ${file}`);').join(), /not an expression/);
  });

  it('has the category pick describe each category as the glossary schema does', () => {
    const { bundle } = l10n.extractMessages();
    for (const description of glossarySchema.definitions.entry.properties.category.enumDescriptions) assert.ok(description in bundle, description);
  });
});
