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
    }
  | { error: string };
