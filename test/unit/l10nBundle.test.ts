import * as assert from 'assert';
import * as fs from 'fs';

// The extractor is plain CommonJS shared with `npm run l10n`.
const l10n = require('../../../scripts/l10nBundle.js') as {
  extractMessages(): { bundle: Record<string, unknown>; problems: string[] };
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
});
