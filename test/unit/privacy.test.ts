import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

// Notes may hold patient information: the shipped extension must have no way to reach the network.
describe('privacy: the bundled extension', () => {
  let bundle: esbuild.BuildResult<{ write: false; metafile: true }>;

  before(async () => {
    bundle = await esbuild.build({
      absWorkingDir: REPO_ROOT,
      entryPoints: ['src/extension.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      loader: { '.md': 'text' },
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
  });

  it('imports nothing from outside the bundle but the vscode API', () => {
    const external = new Set(
      Object.values(bundle.metafile.inputs)
        .flatMap((input) => input.imports)
        .filter((imported) => imported.external)
        .map((imported) => imported.path),
    );
    assert.deepStrictEqual([...external], ['vscode']);
  });

  it('contains no browser networking or telemetry calls', () => {
    const code = bundle.outputFiles[0].text;
    for (const pattern of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /createTelemetryLogger/, /applicationinsights/i]) {
      assert.ok(!pattern.test(code), `the bundle matches ${pattern}`);
    }
  });
});
