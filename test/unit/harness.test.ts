// The test harness says exactly what it did: no `.only` gets through, a skipped test or a filter
// shows on the last line, and a stage that ran fewer tests than it declared fails.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stageOutcome, summaryLine } from '../host/outcome';
import type { TestResults } from '../host/results';

// Compiled to out/test/unit/, three levels below the repository root.
const repoRoot = path.resolve(__dirname, '../../..');

const results = (partial: Partial<TestResults>): TestResults => ({ passed: 0, failed: 0, pending: 0, failures: [], tests: [], ...partial });

describe('test harness', () => {
  for (const config of ['test/unit/.mocharc.json', 'test/ui/.mocharc.json']) {
    it(`${config} refuses a test file with .only`, () => {
      assert.strictEqual((JSON.parse(fs.readFileSync(path.join(repoRoot, config), 'utf8')) as Record<string, unknown>)['forbid-only'], true);
    });
  }

  it('fails a mocha run of a file with .only under the unit config', () => {
    // The unit config as it is, pointed at the one fixture file (so the suite does not run itself).
    const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/unit/.mocharc.json'), 'utf8')) as Record<string, unknown>;
    const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-mocharc-')), '.mocharc.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...config, spec: [path.join(repoRoot, 'out/test/unit/fixtures/exclusiveTest.js')] }));
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', configFile], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
    assert.notStrictEqual(run.status, 0, run.stdout);
    assert.match(run.stdout + run.stderr, /`\.only` forbidden/);
  });

  it('passes a whole, clean run as `N passed, N failed`', () => {
    const outcome = stageOutcome('unit', results({ passed: 3, declared: 3 }), 0, 'exit code 0', '1.0');
    assert.deepStrictEqual(outcome, { name: 'unit', passed: 3, failed: 0, skipped: 0, note: 'in 1.0s' });
    assert.strictEqual(summaryLine([outcome]), '3 passed, 0 failed');
  });

  it('fails a stage that ran fewer tests than it declared, or none, or crashed after its tests', () => {
    assert.strictEqual(stageOutcome('ui', results({ passed: 2, declared: 5 }), 0, 'exit code 0', '9.0').failed, 1);
    assert.match(stageOutcome('ui', results({ passed: 2, declared: 5 }), 1, 'exit code 1', '9.0').note, /ran 2 of the 5 tests it declared/);
    assert.strictEqual(stageOutcome('web', results({}), 0, 'exit code 0', '1.0').failed, 1);
    assert.strictEqual(stageOutcome('unit', results({ passed: 4, declared: 4 }), 1, 'exit code 1', '1.0').failed, 1);
  });

  it('shows skipped tests, a grep and an allowed network on the last line', () => {
    const skipped = stageOutcome('unit', results({ passed: 3, pending: 1, declared: 4 }), 0, 'exit code 0', '1.0');
    const filtered = stageOutcome('integration', results({ passed: 2, declared: 2, grep: 'handouts' }), 0, 'exit code 0', '5.0');
    assert.strictEqual(summaryLine([skipped, filtered], 'network allowed by ILIOPSOAS_ALLOW_NETWORK=1'), '5 passed, 0 failed, 1 skipped (filtered by "handouts"; network allowed by ILIOPSOAS_ALLOW_NETWORK=1)');
  });
});
