// Runs the stages (lint, unit in plain Node, integration in code-server's Node extension host and, as `web`, in its web worker one, UI on
// the real workbench), each writing its counts as JSON into .test-results/, and prints the
// totals as the very last line: `N passed, N failed`. A stage that crashes or writes no
// results counts as a failure, never as zero tests.
//
// Usage: node out/test/host/runAll.js [lint] [unit] [integration] [web] [ui]   (default: all, in that order)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot, resultsDir } from './codeServer';
import type { TestResults } from './results';

const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const reporter = path.join(__dirname, 'countingReporter.js');

/** Mocha CLI with our counting reporter (spec output + JSON). */
const mochaStage = (config: string) => (out: string) => [mocha, '--config', config, '--reporter', reporter, '--reporter-option', `output=${out}`];

const STAGES: Record<string, (out: string) => string[]> = {
  lint: (out) => [path.join(__dirname, 'runLint.js'), '--out', out],
  unit: mochaStage('test/unit/.mocharc.json'),
  integration: (out) => [path.join(__dirname, 'runIntegration.js'), '--out', out],
  web: (out) => [path.join(__dirname, 'runIntegration.js'), '--web', '--out', out],
  ui: mochaStage('test/ui/.mocharc.json'),
};
const STAGE_TIMEOUT_MS = 20 * 60_000; // a hung stage is ended (SIGTERM lets it kill code-server/Chromium)

interface StageOutcome {
  name: string;
  passed: number;
  failed: number;
  note: string;
}

function runStage(name: string): StageOutcome {
  const out = path.join(resultsDir, `${name}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const run = spawnSync(process.execPath, STAGES[name](out), {
    cwd: repoRoot,
    stdio: 'inherit',
    timeout: STAGE_TIMEOUT_MS,
    killSignal: 'SIGTERM',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const exit = run.error ? run.error.message : run.signal ? `signal ${run.signal}` : `exit code ${run.status}`;

  let results: TestResults | undefined;
  try {
    results = JSON.parse(fs.readFileSync(out, 'utf8')) as TestResults;
  } catch {
    results = undefined;
  }
  if (!results) {
    return { name, passed: 0, failed: 1, note: `crashed: no results (${exit}) after ${seconds}s` };
  }
  // A non-zero exit that no failing test explains (e.g. an error after the run) still fails the stage.
  const unexplained = run.status !== 0 && results.failed === 0;
  if (results.passed + results.failed === 0) {
    return { name, passed: 0, failed: 1, note: `ran no test (${exit}) in ${seconds}s` };
  }
  return {
    name,
    passed: results.passed,
    failed: results.failed + (unexplained ? 1 : 0),
    note: `${unexplained ? `crashed (${exit}) ` : ''}in ${seconds}s`,
  };
}

function main(): number {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((s) => !(s in STAGES));
  if (unknown.length) {
    console.error(`unknown stage(s): ${unknown.join(', ')}; known: ${Object.keys(STAGES).join(', ')}`);
    return 2;
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  const outcomes = (requested.length ? requested : Object.keys(STAGES)).map(runStage);

  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  fs.writeFileSync(path.join(resultsDir, 'summary.json'), JSON.stringify({ passed, failed, stages: outcomes }, null, 2));
  console.log('\n━━ summary ━━');
  // Stage lines say passing/failing so that only the last line reads `N passed, N failed`.
  for (const o of outcomes) console.log(`  ${o.name.padEnd(12)} ${o.passed} passing, ${o.failed} failing  ${o.note}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
