import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

/** Every string in the manifest, with where it sits (e.g. `contributes.commands.0.title`). */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${at}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, at ? `${at}.${key}` : key));
  return [];
}

// What people read in VS Code comes from package.nls.json, as in VS Code's own extensions, so the
// manifest can be translated (package.nls.<locale>.json) without touching it.
describe('manifest strings (package.nls.json)', () => {
  const manifestStrings = strings(readJson('package.json'));
  const nls = readJson('package.nls.json') as Record<string, string>;
  const placeholders = manifestStrings.filter(([, text]) => /^%[\w.-]+%$/.test(text));

  it('resolves every %placeholder% in package.json', () => {
    assert.ok(placeholders.length >= 40, `only ${placeholders.length} placeholders`);
    const missing = placeholders.filter(([, text]) => !(text.slice(1, -1) in nls)).map(([at, text]) => `${at}: ${text}`);
    assert.deepStrictEqual(missing, []);
  });

  it('has no entry that package.json does not use', () => {
    const used = new Set(placeholders.map(([, text]) => text.slice(1, -1)));
    assert.deepStrictEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('leaves no title, name or description in package.json itself', () => {
    const readable = /(^|\.)(displayName|description|markdownDescription|title|name|contextualTitle|contents|altText)$/;
    const exempt = new Set(['name']); // the package name, an id
    const literal = manifestStrings
      .filter(([at, text]) => readable.test(at) && !exempt.has(at) && !/^%[\w.-]+%$/.test(text))
      .map(([at, text]) => `${at}: ${text}`);
    assert.deepStrictEqual(literal, []);
  });
});
