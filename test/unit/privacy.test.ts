import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
// The build script's own options, so this checks exactly what ships: the main bundle and its lazy chunks.
const { nodeBuildOptions } = require(path.join(REPO_ROOT, 'esbuild.js')) as { nodeBuildOptions: (options: { production: boolean }) => esbuild.BuildOptions };

// Notes may hold patient information: the shipped extension must have no way to reach the network.
describe('privacy: the bundled extension', () => {
  let bundle: esbuild.BuildResult<{ write: false; metafile: true }>;

  before(async () => {
    bundle = await esbuild.build({ ...nodeBuildOptions({ production: false }), sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
  });

  it('imports nothing from outside the bundle but the vscode API and its own chunks in dist/', () => {
    const outputs = Object.entries(bundle.metafile.outputs);
    const chunkFiles = new Set(outputs.map(([file]) => `./${path.basename(file)}`));
    for (const [file, output] of outputs) {
      const external = output.imports.filter((imported) => imported.external).map((imported) => imported.path);
      // Only the main bundle may reach outside itself; the chunks (markdown-it, data) import nothing.
      const allowed = path.basename(file) === 'extension.js' ? (imported: string) => imported === 'vscode' || chunkFiles.has(imported) : () => false;
      assert.deepStrictEqual(external.filter((imported) => !allowed(imported)), [], `${file} imports from outside the extension`);
    }
  });

  it('contains no browser networking or telemetry calls', () => {
    assert.ok(bundle.outputFiles.length > 1, 'the main bundle and its chunks');
    for (const { path: file, text } of bundle.outputFiles) {
      for (const pattern of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /createTelemetryLogger/, /applicationinsights/i]) {
        assert.ok(!pattern.test(text), `${path.basename(file)} matches ${pattern}`);
      }
    }
  });
});
