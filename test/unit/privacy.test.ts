import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
type BuildOptionsOf = (options: { production: boolean }) => esbuild.BuildOptions;
// The build script's own options, so this checks exactly what ships: the Node bundle with its lazy chunks, and the web bundle.
const { nodeBuildOptions, webBuildOptions } = require(path.join(REPO_ROOT, 'esbuild.js')) as { nodeBuildOptions: BuildOptionsOf; webBuildOptions: BuildOptionsOf };

// Notes may hold patient information: the shipped extension must have no way to reach the network.
describe('privacy: the bundled extension', () => {
  let bundle: esbuild.BuildResult<{ write: false; metafile: true }>;
  let webBundle: esbuild.BuildResult<{ write: false; metafile: true }>;

  before(async () => {
    const build = (options: esbuild.BuildOptions) => esbuild.build({ ...options, sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
    [bundle, webBundle] = await Promise.all([build(nodeBuildOptions({ production: false })), build(webBuildOptions({ production: false }))]);
  });

  it('imports nothing from outside the bundle but the vscode API and its own chunks in dist/', () => {
    const outputs = Object.entries(bundle.metafile.outputs);
    const chunkFiles = new Set(outputs.map(([file]) => `./${path.basename(file)}`));
    for (const [file, output] of outputs) {
      const external = output.imports.filter((imported) => imported.external).map((imported) => imported.path);
      // Only the main bundle may import the vscode API; a chunk may load another chunk (the phrase
      // code its templates), nothing else.
      const allowed = (imported: string) => (path.basename(file) === 'extension.js' && imported === 'vscode') || chunkFiles.has(imported);
      assert.deepStrictEqual(external.filter((imported) => !allowed(imported)), [], `${file} imports from outside the extension`);
    }
  });

  it('for the web is one file that imports nothing but the vscode API', () => {
    const outputs = Object.values(webBundle.metafile.outputs);
    assert.strictEqual(outputs.length, 1);
    assert.deepStrictEqual([...new Set(outputs[0].imports.filter((imported) => imported.external).map((imported) => imported.path))], ['vscode']);
  });

  it('contains no browser networking or telemetry calls', () => {
    assert.ok(bundle.outputFiles.length > 1, 'the main bundle and its chunks');
    for (const { path: file, text } of [...bundle.outputFiles, ...webBundle.outputFiles]) {
      for (const pattern of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /createTelemetryLogger/, /applicationinsights/i]) {
        assert.ok(!pattern.test(text), `${path.basename(file)} matches ${pattern}`);
      }
    }
  });
});
