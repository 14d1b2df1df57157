import * as assert from 'assert';
import * as fs from 'fs';
import { buildVsix, type BuiltVsix } from '../host/packageVsix';

/** What the .vsix may hold: the bundles, the manifest and its strings, the licences, media, snippets, the glossary schema. */
const SHIPPED = [
  /^package\.json$/,
  /^package\.nls\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^THIRD-PARTY-NOTICES\.md$/,
  /^l10n\/bundle\.l10n\.json$/,
  /^dist\/(extension\.js|markdown-it\.js|jsonc-parser\.js|guide\.js|glossary\.json|glossary-index\.json|glossary-schema\.json|handouts\.json|evidence-notes\.json|phrases\.js|phrase-templates\.json)$/,
  /^dist\/web\/extension\.js$/,
  /^media\/(icon\.png|iliopsoas\.svg|reader\.css|preview\.css)$/,
  /^media\/walkthrough\/[\w-]+\.(jpg|md)$/,
  /^snippets\/handouts\.code-snippets$/,
  /^src\/glossary\/glossary\.schema\.json$/,
];

// `npm run package` for real, in a copy of the repository (see buildVsix).
describe('packaging: the .vsix', function () {
  this.timeout(120_000);
  let built: BuiltVsix;
  let vsix: string;
  let files: readonly string[];

  before(async () => {
    built = await buildVsix();
    ({ vsix, files } = built);
  });

  after(() => built?.remove());

  // The glossary of about 600 entries is most of it (about 160 KB compressed, once as the Node
  // host's lazy chunk and once inside the single-file web bundle), then the walkthrough's pictures
  // (and, since 0.3.0, the note templates and phrase code, also twice).
  it('stays under 1,100 KB', () => {
    const kb = fs.statSync(vsix).size / 1024;
    assert.ok(kb < 1100, `${kb.toFixed(1)} KB`);
  });

  it('ships only what runs: no sources, tests, source maps or screenshots', () => {
    assert.deepStrictEqual(files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file))), []);
  });

  it('ships everything the manifest points at', () => {
    for (const needed of ['dist/extension.js', 'dist/web/extension.js', 'dist/markdown-it.js', 'dist/jsonc-parser.js', 'dist/glossary.json', 'dist/handouts.json', 'package.nls.json', 'media/icon.png', 'snippets/handouts.code-snippets', 'src/glossary/glossary.schema.json']) {
      assert.ok(files.includes(needed), `${needed} is missing from ${files.join(', ')}`);
    }
  });
});
