// ESLint flat config (`npm run lint`, also run by `bash test/host/test.sh` before the tests).
// typescript-eslint's recommended type-checked rules (about 10 s on 2 cores), no stylistic rules
// (formatting is left as it is), plus the architecture rule: pure modules never import `vscode`
// (the architecture sketch: "Nothing under a pure module imports vscode").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The VS Code glue: the only files under src/ that may import `vscode`. Everything else under src/
// is a pure module and is checked by default, so a new pure file needs no change here; a new glue
// file (one that registers providers, commands, views…) must be added to this list.
const GLUE_FILES = [
  'src/extension.ts',
  'src/guide/index.ts',
  'src/guide/tree.ts',
  'src/guide/reader.ts',
  'src/guide/findInGuide.ts',
  'src/glossary/index.ts',
  'src/glossary/glossaryStore.ts',
  'src/glossary/hover.ts',
  'src/glossary/insertExplanation.ts',
  'src/glossary/termsView.ts',
  'src/glossary/teamGlossaryFile.ts',
  'src/handouts/index.ts',
  'src/handouts/insertHandout.ts',
  'src/handouts/dotPhrases.ts',
  'src/handouts/readingStatus.ts',
  'src/handouts/doNotUseDiagnostics.ts',
  'src/handouts/exportHandout.ts',
  'src/walkthrough.ts',
];

// Outside src/, the files that run without VS Code and so must not import it either:
// unit tests (plain Node mocha) and the benchmarks — except the probe that runs in the extension host.
const NO_VSCODE_OUTSIDE_SRC = ['test/unit/**/*.ts', 'bench/**/*.ts'];
const VSCODE_HOST_FILES_OUTSIDE_SRC = ['bench/activationProbe.ts'];

const NO_VSCODE_MESSAGE =
  'Pure modules must not import `vscode`: they run in plain Node (unit tests, bench, the preview plugin). ' +
  'Move the VS Code part into a glue file, or if this file is glue, add it to GLUE_FILES in eslint.config.mjs.';

export default defineConfig(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.test-results/**'] },

  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      // Each file is type-checked with its nearest tsconfig.json (root for src/, test/ and bench/ their own).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Off: the `any`s they flag come from the vscode and mocha typings (Disposable.dispose(): any,
      // Command.arguments: any[], reporterOptions: any), not from this code, which tsc --strict already checks.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Off: require() is deliberate here — lazy loads that keep activation fast and let esbuild split
      // chunks (markdown-it, the JSON data), and `import type X = require(…)` for CommonJS modules.
      '@typescript-eslint/no-require-imports': 'off',
      // Unused names are already errors in tsc (noUnusedLocals/noUnusedParameters); keep the lint
      // rule for what tsc misses, with the usual `_` escape hatch.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    files: ['esbuild.js'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: globals.node,
    },
  },

  // The architecture rule: no `vscode` in pure modules, in any import form.
  {
    files: ['src/**/*.ts', ...NO_VSCODE_OUTSIDE_SRC],
    ignores: [...GLUE_FILES, ...VSCODE_HOST_FILES_OUTSIDE_SRC],
    rules: {
      // import … from 'vscode', import type …, export … from 'vscode', import x = require('vscode')
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: NO_VSCODE_MESSAGE }] },
      ],
      // require('vscode'), import('vscode'), typeof import('vscode')
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']",
          message: NO_VSCODE_MESSAGE,
        },
        { selector: "ImportExpression[source.value='vscode']", message: NO_VSCODE_MESSAGE },
        { selector: "TSImportType[argument.literal.value='vscode']", message: NO_VSCODE_MESSAGE },
      ],
    },
  },
);
