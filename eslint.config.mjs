// ESLint flat config (`npm run lint`, also run by `bash test/host/test.sh` before the tests).
// typescript-eslint's recommended type-checked rules (about 10 s on 2 cores), no stylistic rules
// (formatting is left as it is), plus the architecture rule: pure modules never import `vscode`
// (the architecture sketch: "Nothing under a pure module imports vscode").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layout (README "Architecture"): each feature is a folder of src/ with its pure modules at
// the top and its VS Code glue in a `vscode/` folder; src/util/ holds the VS Code helpers every
// feature shares; src/markdown/ and src/readability/ the pure core they share. The glue is found
// by folder, so a new file needs no change here: put it where it belongs.
const GLUE_FILES = ['src/extension.ts', 'src/*/vscode/**/*.ts', 'src/util/**/*.ts'];

// Features reach each other only through commands (src/ids.ts), never through each other's code.
const FEATURES = ['guide', 'glossary', 'handouts', 'walkthrough'];
const CORE_FOLDERS = ['markdown', 'readability', 'paths'];

// Outside src/, the files that run without VS Code and so must not import it either:
// unit tests (plain Node mocha) and the benchmarks — except the probe that runs in the extension host.
const NO_VSCODE_OUTSIDE_SRC = ['test/unit/**/*.ts', 'test/content/**/*.ts', 'bench/**/*.ts'];
const VSCODE_HOST_FILES_OUTSIDE_SRC = ['bench/activationProbe.ts'];

const NO_VSCODE_MESSAGE =
  'Pure modules must not import `vscode`: they run in plain Node (unit tests, bench, the preview plugin). ' +
  "Move the VS Code part into the feature's vscode/ folder.";
const NO_VSCODE_IMPORT = { name: 'vscode', message: NO_VSCODE_MESSAGE };

/** Import patterns that reach into another feature's folder, or from the shared core into any feature. */
function foreignFeaturePatterns(own) {
  return FEATURES.filter((feature) => feature !== own).map((feature) => ({
    group: [`**/${feature}`, `**/${feature}/**`],
    message:
      own === undefined
        ? `The shared core (src/markdown, src/readability, src/paths, src/util) must not import a feature ("${feature}").`
        : `A feature never imports another feature ("${feature}"): share the code through src/markdown, src/readability, src/paths or src/util, or reach it through a command in src/ids.ts.`,
  }));
}

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

  // The architecture rules. No `vscode` in pure modules, in any import form…
  {
    files: ['src/**/*.ts', ...NO_VSCODE_OUTSIDE_SRC],
    ignores: [...GLUE_FILES, ...VSCODE_HOST_FILES_OUTSIDE_SRC],
    rules: {
      // import … from 'vscode', import type …, export … from 'vscode', import x = require('vscode')
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [NO_VSCODE_IMPORT] }],
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

  // …and no feature imports another, nor the shared core a feature (one block per folder, with the
  // `vscode` ban above repeated for its pure files, since a later block replaces a rule's options).
  ...[...FEATURES, ...CORE_FOLDERS, 'util'].flatMap((folder) => {
    const own = FEATURES.includes(folder) ? folder : undefined;
    const patterns = foreignFeaturePatterns(own);
    const isPureFolder = folder !== 'util';
    return [
      {
        files: [`src/${folder}/**/*.ts`],
        ignores: GLUE_FILES,
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: isPureFolder ? [NO_VSCODE_IMPORT] : [], patterns }] },
      },
      {
        files: [`src/${folder}/vscode/**/*.ts`, ...(folder === 'util' ? ['src/util/**/*.ts'] : [])],
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
      },
    ];
  }),
);
