// The lint stage of runAll: ESLint over the project (eslint.config.mjs), counted as one check so
// that a lint error shows in the `N passed, N failed` summary like any failing test.
// Usage: node out/test/host/runLint.js --out FILE
import { spawnSync } from 'child_process';
import * as path from 'path';
import { parseArgs } from 'util';
import { repoRoot } from './codeServer';
import { writeJsonAtomic } from './jsonFile';
import type { TestResults } from './results';

const { values: argv } = parseArgs({ options: { out: { type: 'string' } } });
const eslint = path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
const run = spawnSync(process.execPath, [eslint, '.'], { cwd: repoRoot, encoding: 'utf8' });
const report = `${run.stdout}${run.stderr}`.trim();
if (report) console.log(report);
const title = 'ESLint (typescript-eslint, no vscode in pure modules) reports no problem';
const clean = run.status === 0;
console.log(`  ${clean ? '✔' : '✘'} ${title}`);
const results: TestResults = {
  passed: clean ? 1 : 0,
  failed: clean ? 0 : 1,
  pending: 0,
  failures: clean ? [] : [{ title, error: report || `eslint exited with ${run.status ?? run.signal}` }],
  tests: [{ title, state: clean ? 'passed' : 'failed' }],
};
if (argv.out) writeJsonAtomic(argv.out, results);
process.exitCode = clean ? 0 : 1;
