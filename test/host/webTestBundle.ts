// Bundles test/web/index.ts (mocha's browser build, the integration tests, Node's `assert` from
// its npm port, with a `process` shim for it) into one CommonJS file that VS Code's web worker extension host can load.
import * as esbuild from 'esbuild';
import * as path from 'path';
import { repoRoot } from './codeServer';

export interface WebTestBundle {
  /** The bundle, to pass as extensionTestsPath. */
  file: string;
}

export async function buildWebTestBundle(resultsPath: string, grep = ''): Promise<WebTestBundle> {
  const file = path.join(repoRoot, 'out', 'test', 'web', 'bundle.js');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'web', 'index.ts')],
    outfile: file,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    loader: { '.md': 'text' },
    sourcemap: 'inline',
    logLevel: 'warning',
    inject: [path.join(repoRoot, 'test', 'web', 'processShim.ts')],
    define: {
      ILIOPSOAS_WEB_RESULTS_PATH: JSON.stringify(resultsPath),
      ILIOPSOAS_TEST_GREP: JSON.stringify(grep),
    },
  });
  return { file };
}
