// Runs the same integration suite under desktop VS Code with @vscode/test-electron, the
// ecosystem's standard path. It downloads VS Code into .vscode-test/, so it needs internet
// access (and a display on Linux, e.g. `xvfb-run -a npm run test:desktop`); on machines
// without either use `npm run test:integration` (code-server), which runs the same run().
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { copyFixtureWorkspace, repoRoot } from './codeServer';

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: process.env.VSCODE_TEST_VERSION ?? 'stable', timeout: 30_000 });
  } catch (err) {
    console.error(
      `test:desktop: could not download desktop VS Code (${(err as Error).message}).\n` +
        'It needs internet access to update.code.visualstudio.com. Without it, run `npm run test:integration`: ' +
        'the same suite in code-server, a real VS Code installed from the npm registry.',
    );
    return 1;
  }
  // The suite writes into its workspace: a fresh copy, as in the code-server runs, never the fixture.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-desktop-'));
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [copyFixtureWorkspace(tmp), '--disable-extensions'],
    });
  } catch (err) {
    console.error(`test:desktop: the integration suite failed in desktop VS Code: ${(err as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

void main().then((code) => process.exit(code));
