import * as assert from 'assert';
import * as fs from 'fs';

// The generator is plain CommonJS shared with `npm run notices`.
const notices = require('../../../scripts/thirdPartyNotices.js') as {
  bundledPackages(): Promise<{ name: string; version: string; license: string; text: string }[]>;
  noticesText(packages: unknown[]): string;
  NOTICES_FILE: string;
};

describe('third-party notices', () => {
  it('name every package the production bundles contain, with its licence, as `npm run notices` writes them', async function () {
    this.timeout(60_000);
    const packages = await notices.bundledPackages();
    assert.ok(packages.some((pkg) => pkg.name === 'markdown-it'), 'markdown-it is not found in the bundle: the metafile walk is broken');
    for (const pkg of packages) assert.match(pkg.text, /permission|licen[cs]e|redistribution/i, `${pkg.name}'s licence text looks empty`);
    assert.strictEqual(fs.readFileSync(notices.NOTICES_FILE, 'utf8'), notices.noticesText(packages), 'THIRD-PARTY-NOTICES.md is stale: run `npm run notices`');
  });
});
