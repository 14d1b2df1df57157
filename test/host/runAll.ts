// Runs the stages, each writing its counts as JSON into .test-results/: lint; unit, in plain Node;
// integration, in code-server's Node extension host; multiroot, the same host on a two-folder
// workspace; web, the integration suite in its web worker extension host; ui, Playwright on the
// real workbench. The last four run with outbound
// connections refused. Prints the totals as the very last line: `N passed, N failed`, followed by
// `, N skipped` and the grep when there are any (a skipped test fails the run). A stage that
// crashes, writes no results or runs fewer tests than it declared counts as a failure.
//
// Usage: node out/test/host/runAll.js [lint] [unit] [integration] [multiroot] [web] [ui]   (default: all, in that order)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot, resultsDir } from './codeServer';
import { ALLOW_NETWORK_ENV, checkOutboundRefused, offlineCommand } from './offline';
import type { TestResults } from './results';
import { stageOutcome, summaryLine, summaryTotals, type StageOutcome } from './outcome';

const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const reporter = path.join(__dirname, 'countingReporter.js');

/** Mocha CLI with our counting reporter (spec output + JSON). */
const mochaStage = (config: string) => (out: string) => [mocha, '--config', config, '--reporter', reporter, '--reporter-option', `output=${out}`];

const STAGES: Record<string, (out: string) => string[]> = {
  lint: (out) => [path.join(__dirname, 'runLint.js'), '--out', out],
  unit: mochaStage('test/unit/.mocharc.json'),
  integration: (out) => [path.join(__dirname, 'runIntegration.js'), '--out', out],
  // A two-folder workspace, each folder with its own settings and team glossary.
  multiroot: (out) => [path.join(__dirname, 'runIntegration.js'), '--fixture', 'multiroot', '--open', 'clinics.code-workspace', '--tests', path.join(repoRoot, 'out', 'test', 'multiroot', 'index.js'), '--out', out],
  web: (out) => [path.join(__dirname, 'runIntegration.js'), '--web', '--out', out],
  ui: mochaStage('test/ui/.mocharc.json'),
};
/** Stages in a real VS Code: run with outbound connections refused (see offline.ts). */
const OFFLINE_STAGES = new Set(['integration', 'multiroot', 'web', 'ui']);
const STAGE_TIMEOUT_MS = 20 * 60_000; // a hung stage is ended (SIGTERM lets it kill code-server/Chromium)

let networkRefusal: string | undefined;
let networkAllowed = false;

/** How a stage is started: offline stages in the loopback-only namespace, unless allowed the network. */
function stageCommand(name: string, out: string): { command: string; args: string[] } | string {
  const argv = [process.execPath, ...STAGES[name](out)];
  if (!OFFLINE_STAGES.has(name)) return { command: argv[0], args: argv.slice(1) };
  if (process.env[ALLOW_NETWORK_ENV] === '1') {
    console.log(`network: allowed (${ALLOW_NETWORK_ENV}=1), not refused for this stage`);
    networkAllowed = true;
    return { command: argv[0], args: argv.slice(1) };
  }
  try {
    networkRefusal ??= checkOutboundRefused();
  } catch (err) {
    return `cannot refuse outbound connections: ${(err as Error).message} (set ${ALLOW_NETWORK_ENV}=1 to run with the network)`;
  }
  console.log(`network: loopback only (a connection to 1.1.1.1:443 fails with ${networkRefusal})`);
  return offlineCommand(argv);
}

function runStage(name: string): StageOutcome {
  const out = path.join(resultsDir, `${name}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const stage = stageCommand(name, out);
  if (typeof stage === 'string') {
    console.error(stage);
    return { name, passed: 0, failed: 1, skipped: 0, note: stage };
  }
  const run = spawnSync(stage.command, stage.args, {
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
    return { name, passed: 0, failed: 1, skipped: 0, note: `crashed: no results (${exit}) after ${seconds}s` };
  }
  return stageOutcome(name, results, run.status, exit, seconds);
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

  const totals = summaryTotals(outcomes);
  fs.writeFileSync(path.join(resultsDir, 'summary.json'), JSON.stringify({ ...totals, stages: outcomes }, null, 2));
  console.log('\n━━ summary ━━');
  // Stage lines say passing/failing so that only the last line reads `N passed, N failed`.
  for (const o of outcomes) console.log(`  ${o.name.padEnd(12)} ${o.passed} passing, ${o.failed} failing  ${o.note}`);
  console.log(summaryLine(outcomes, networkAllowed ? `network allowed by ${ALLOW_NETWORK_ENV}=1` : undefined));
  // A skipped test is a defect too.
  return totals.failed > 0 || totals.skipped > 0 ? 1 : 0;
}

process.exitCode = main();
