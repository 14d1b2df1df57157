// Measures activate() in the real VS Code host: code-server with the extension under development
// (dist/extension.js, as built before the run), one fresh server and extension host per start,
// in one headless Chromium. The extension times its own activate() and reports it through its
// exports; bench/activationProbe.ts reads them inside the extension host.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exitOnSignals, launchChromium, openWorkbench, repoRoot, startCodeServer } from '../test/host/codeServer';
import { ACTIVATION_RESULT_ENV, PHRASE_FILES, PHRASE_FOLDER, type ActivationProbeResult } from './activationProtocol';

const START_TIMEOUT_MS = 120_000;

export interface ActivationStart {
  readonly activationMs: number;
  readonly markdownItLoadedAtActivation: boolean;
  readonly glossaryLoadedAtActivation: boolean;
  readonly firstHoverMs: number;
  readonly firstHoverTeamFilesWaitMs: number;
  readonly glossaryPreparationMs: number;
  readonly firstDotPhraseMs: number;
  readonly phrasesReadyMs: number;
  readonly dotPhraseMs: number;
  /** Wall time of the whole start: code-server, workbench, extension host. */
  readonly wallSeconds: number;
}

/** A clinic's phrase folder of `PHRASE_FILES` templates, each a page with every kind of field. */
function writePhraseFiles(workspace: string): void {
  const folder = path.join(workspace, PHRASE_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < PHRASE_FILES; i++) {
    const body = Array.from({ length: 20 }, (_, line) => `**Item ${line}:** {left|right|both} ***, eased by {+walking|cycling|rest}. Seen by @CLINICIAN@ on @DATE@.`).join('\n\n');
    fs.writeFileSync(path.join(folder, `bench-phrase-${i}.md`), `---\nname: bench-phrase-${i}\ntitle: Bench template ${i}\ndescription: One of ${PHRASE_FILES}\nkind: template\n---\n# Template ${i}\n\n${body}\n`);
  }
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no activation result after ${timeoutMs / 1000}s`);
}

/** `starts` fresh starts of the extension in code-server, one after the other. */
export async function measureActivation(starts: number, log: (line: string) => void): Promise<ActivationStart[]> {
  exitOnSignals();
  const probe = path.join(__dirname, 'activationProbe.js');
  const results: ActivationStart[] = [];
  const chromium = await launchChromium();
  try {
    for (let i = 0; i < starts; i++) {
      const began = Date.now();
      const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-bench-')), 'activation.json');
      // Opens a fresh copy of the sample workspace, as the tests do.
      const server = await startCodeServer({ env: { [ACTIVATION_RESULT_ENV]: output } });
      try {
        // Before the workbench opens: the extension must not read them until a dot-phrase asks.
        writePhraseFiles(server.workspace);
        const page = await openWorkbench(chromium.browser, server.workbenchUrl({ extensionDevelopmentPath: repoRoot, extensionTestsPath: probe }));
        const result = JSON.parse(await waitForFile(output, START_TIMEOUT_MS)) as ActivationProbeResult;
        await page.context().close();
        if ('error' in result) throw new Error(`activation probe: ${result.error}`);
        results.push({ ...result, wallSeconds: (Date.now() - began) / 1000 });
        log(`  start ${i + 1}/${starts}: activate() ${result.activationMs.toFixed(2)} ms, markdown-it loaded: ${result.markdownItLoadedAtActivation}, glossary loaded: ${result.glossaryLoadedAtActivation}, first hover ${result.firstHoverMs.toFixed(1)} ms (of which waiting for team files ${result.firstHoverTeamFilesWaitMs.toFixed(1)} ms), glossary preparation ${result.glossaryPreparationMs.toFixed(1)} ms, with ${PHRASE_FILES} phrase files: first dot-phrase list ${result.firstDotPhraseMs.toFixed(1)} ms, all offered ${result.phrasesReadyMs.toFixed(0)} ms after the first ask, later lists ${result.dotPhraseMs.toFixed(2)} ms (${((Date.now() - began) / 1000).toFixed(1)} s)`);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- code-server log (tail) ---\n${server.logTail(30)}`);
      } finally {
        await server.stop();
        fs.rmSync(path.dirname(output), { recursive: true, force: true });
      }
    }
  } finally {
    await chromium.close();
  }
  return results;
}
