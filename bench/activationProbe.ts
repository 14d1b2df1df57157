// Runs inside the extension host (loaded as extensionTestsPath by bench/activation.ts): activates
// the extension (nothing in the window has: no note, view or command was used yet), and writes
// what the extension measured of its own activation to the file named by ILIOPSOAS_BENCH_ACTIVATION.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ACTIVATION_RESULT_ENV, PHRASE_FILES, type ActivationProbeResult } from './activationProtocol';

const EXTENSION_ID = 'clinicnotes.iliopsoas-notes';
const DOT_PHRASE_ROUNDS = 21;

/**
 * The dot-phrase list with the clinic's phrase files in the workspace: our provider's first answer
 * (which may come before the files are read, marked incomplete), how long until a list offers
 * them all (from the first ask), and the median of later answers.
 */
async function dotPhraseTimes(answerMs: () => readonly number[] | undefined): Promise<{ first: number; ready: number; median: number }> {
  const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Visit\n\n.' });
  const end = new vscode.Position(2, 1);
  const offered = async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', note.uri, end, '.');
    return list.items.filter((item) => (typeof item.label === 'string' ? item.label : item.label.label).startsWith('.bench-phrase-')).length;
  };
  const asked = performance.now();
  const deadline = Date.now() + 60_000;
  while ((await offered()) < PHRASE_FILES) {
    if (Date.now() > deadline) throw new Error(`the dot-phrase list did not offer the ${PHRASE_FILES} clinic phrases within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ready = performance.now() - asked;
  const answered = answerMs()?.length ?? 0;
  for (let round = 0; round < DOT_PHRASE_ROUNDS; round++) {
    if ((await offered()) !== PHRASE_FILES) throw new Error('a later dot-phrase list lost clinic phrases');
  }
  const times = answerMs();
  if (!times || times.length < answered + DOT_PHRASE_ROUNDS) throw new Error('the extension exports no handouts.dotPhraseAnswerMs');
  const later = times.slice(answered).sort((a, b) => a - b);
  return { first: times[0], ready, median: later[Math.floor(later.length / 2)] };
}

export async function run(): Promise<void> {
  const output = process.env[ACTIVATION_RESULT_ENV];
  if (!output) throw new Error(`${ACTIVATION_RESULT_ENV} is not set`);
  let result: ActivationProbeResult;
  try {
    const extension = vscode.extensions.getExtension<{
      performance?: { activationMs?: unknown; markdownItLoadedAtActivation?: unknown; glossaryLoadedAtActivation?: unknown };
      glossary?: { hover?: { firstAnswerMs?: unknown; firstAnswerTeamFilesWaitMs?: unknown }; store?: { preparationMs?: unknown } };
      handouts?: { dotPhraseAnswerMs?: readonly number[] };
    }>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    const api = extension.isActive ? extension.exports : await extension.activate();
    const performance = api?.performance;
    if (typeof performance?.activationMs !== 'number' || typeof performance.markdownItLoadedAtActivation !== 'boolean' || typeof performance.glossaryLoadedAtActivation !== 'boolean') {
      throw new Error(`the extension exports no performance { activationMs, markdownItLoadedAtActivation, glossaryLoadedAtActivation } (got ${JSON.stringify(performance)})`);
    }
    // The first hover pays for reading, checking and compiling the glossary: asked for at once,
    // before the store prepares it in the background. Our provider times its own answer (the
    // command also waits for the built-in Markdown extension's hover, which starts its server).
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Mild spinal stenosis at L4-5.' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, new vscode.Position(0, 7));
    if (!hovers.some((hover) => hover.contents.some((part) => (typeof part === 'string' ? part : part.value).includes('spinal stenosis')))) {
      throw new Error('the first hover did not explain "spinal stenosis"');
    }
    const firstHoverMs = api?.glossary?.hover?.firstAnswerMs;
    if (typeof firstHoverMs !== 'number') throw new Error('the extension exports no glossary.hover.firstAnswerMs');
    const teamFilesWaitMs = api?.glossary?.hover?.firstAnswerTeamFilesWaitMs;
    const preparationMs = api?.glossary?.store?.preparationMs;
    if (typeof teamFilesWaitMs !== 'number' || typeof preparationMs !== 'number') throw new Error('the extension exports no glossary.hover.firstAnswerTeamFilesWaitMs or glossary.store.preparationMs');
    const dotPhrases = await dotPhraseTimes(() => api?.handouts?.dotPhraseAnswerMs);
    result = {
      firstDotPhraseMs: dotPhrases.first,
      phrasesReadyMs: dotPhrases.ready,
      dotPhraseMs: dotPhrases.median,
      activationMs: performance.activationMs,
      markdownItLoadedAtActivation: performance.markdownItLoadedAtActivation,
      glossaryLoadedAtActivation: performance.glossaryLoadedAtActivation,
      firstHoverMs,
      firstHoverTeamFilesWaitMs: teamFilesWaitMs,
      glossaryPreparationMs: preparationMs,
    };
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  // Written whole, then renamed: the driver polls for the file and must never read half of it.
  fs.writeFileSync(`${output}.tmp`, JSON.stringify(result));
  fs.renameSync(`${output}.tmp`, output);
}
