// What bench/activation.ts (the driver, plain Node) and bench/activationProbe.ts (inside the
// extension host, where `vscode` exists) agree on. No `vscode` import here.

/** Env var naming the file the probe writes its result to (code-server passes its env to the extension host). */
export const ACTIVATION_RESULT_ENV = 'ILIOPSOAS_BENCH_ACTIVATION';

/** What the extension exports as `performance`, or why it could not be read. */
export type ActivationProbeResult =
  | {
      activationMs: number;
      markdownItLoadedAtActivation: boolean;
      glossaryLoadedAtActivation: boolean;
      /** The first hover after activation, from the hover request to its answer: the glossary read, checked and compiled. */
      firstHoverMs: number;
      /** Of the first hover, the wait for the team files. */
      firstHoverTeamFilesWaitMs: number;
      /** The built-in glossary read and its tables built: in the background after activation, or by the first hover if sooner. */
      glossaryPreparationMs: number;
      /** Our provider's first dot-phrase answer (the driver writes PHRASE_FILES clinic phrase files into the workspace). */
      firstDotPhraseMs: number;
      /** From the first dot-phrase asked until a list offers all the clinic phrases (they are read in the background). */
      phrasesReadyMs: number;
      /** Later dot-phrase lists, median. */
      dotPhraseMs: number;
    }
  | { error: string };

/** How many clinic phrase files the driver writes into the workspace before each start. */
export const PHRASE_FILES = 500;
/** Where they go: the default phrase folder. */
export const PHRASE_FOLDER = '.vscode/iliopsoas-phrases';
