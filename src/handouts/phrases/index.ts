// The clinic phrases' pure code, as one module: the build makes it a chunk of its own (esbuild.js
// lazyChunks), which the glue loads on first use through vscode/phrasesModule.ts, so activation
// does not pay for it. Its own state (the built-in templates, read once) lives in the chunk alone.
export * from './fields';
export * from './completeness';
export * from './phraseFile';
export * from './insertion';
export * from './builtInPhrases';
export * from './phraseChecks';
