// Builds the .vsix as `npm run package` does (vsce, its prepublish production build,
// .vscodeignore), in a copy of the repository so that the run's own dist/ is left alone. Used by
// the packaging unit test and by the UI test that installs the package in code-server.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

interface Vsce {
  createVSIX(options: { cwd: string; packagePath: string; dependencies: boolean }): Promise<void>;
  listFiles(options: { cwd: string; packageManager: 'none' }): Promise<string[]>;
}

export interface BuiltVsix {
  /** The .vsix file. */
  readonly vsix: string;
  /** What it holds, as vsce lists it: repository-relative paths with forward slashes, sorted. */
  readonly files: readonly string[];
  /** Removes the copy and the .vsix. */
  remove(): void;
}

export async function buildVsix(): Promise<BuiltVsix> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-package-'));
  const remove = () => fs.rmSync(staging, { recursive: true, force: true });
  try {
    const skipped = new Set(['.git', 'node_modules', 'out', 'dist', '.test-results', '.vscode-test']);
    fs.cpSync(REPO_ROOT, staging, {
      recursive: true,
      filter: (source) => !skipped.has(path.relative(REPO_ROOT, source).split(path.sep)[0]) && !source.endsWith('.vsix'),
    });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
    const vsce = require('@vscode/vsce') as Vsce;
    const vsix = path.join(staging, 'iliopsoas-notes.vsix');
    // vsce prints the file tree: keep it for a failure only.
    const printed: unknown[][] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => printed.push(args);
    try {
      await vsce.createVSIX({ cwd: staging, packagePath: vsix, dependencies: false });
    } catch (err) {
      for (const args of printed) log(...args);
      throw err;
    } finally {
      console.log = log;
    }
    const files = (await vsce.listFiles({ cwd: staging, packageManager: 'none' })).map((file) => file.split(path.sep).join('/')).sort();
    return { vsix, files, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
