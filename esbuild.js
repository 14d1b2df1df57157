// Bundles the extension into dist/extension.js, plus the chunks it loads on first use (see lazyChunks).
// `--production` minifies; `--watch` rebuilds on change and prints the "[watch] build started/finished"
// lines the esbuild problem matcher in .vscode/tasks.json reads.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports errors in the file:line:column form VS Code's problem matcher understands. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Regenerates snippets/handouts.code-snippets from src/handouts/handouts.json, so the snippet
 * file can never drift from the one source of handout content. The pure handouts module is
 * bundled in memory and evaluated; nothing is written unless the content changed (no churn
 * for file watchers). Runs at the start of every build, including each watch-mode rebuild.
 */
const handoutSnippetsPlugin = {
  name: 'handout-snippets',
  setup(build) {
    build.onStart(async () => {
      try {
        const { outputFiles } = await esbuild.build({
          entryPoints: ['src/handouts/handouts.ts'],
          bundle: true,
          write: false,
          platform: 'node',
          format: 'cjs',
          logLevel: 'silent',
        });
        const handoutsModule = { exports: {} };
        new Function('module', 'exports', 'require', outputFiles[0].text)(handoutsModule, handoutsModule.exports, require);
        const { handoutSnippets, loadHandouts } = handoutsModule.exports;
        const snippetsFile = 'snippets/handouts.code-snippets';
        const json = JSON.stringify(handoutSnippets(loadHandouts()), null, 2) + '\n';
        if (!fs.existsSync(snippetsFile) || fs.readFileSync(snippetsFile, 'utf8') !== json) {
          fs.mkdirSync('snippets', { recursive: true });
          fs.writeFileSync(snippetsFile, json);
        }
        return {};
      } catch (error) {
        // Reported like a build error, so a broken handouts.json fails the build (and shows in watch mode).
        return { errors: [{ text: `snippets/handouts.code-snippets not generated: ${error.message}` }] };
      }
    });
  },
};

/**
 * What the extension needs only after activation, each built into its own file in dist/ that
 * the main bundle `require`s on first use: markdown-it (about 100 KB) and the shipped data.
 * Keeps dist/extension.js to what activation runs. The sources are unchanged (`require('markdown-it')`,
 * `require('./glossary.json')` inside functions), so the unit tests run them in plain Node, and a
 * single-file build (e.g. a future `platform: 'browser'` one) just leaves this plugin out.
 */
const lazyChunks = {
  // The CommonJS build, as `require('markdown-it')` resolves it.
  'markdown-it': require.resolve('markdown-it'),
  glossary: path.join(__dirname, 'src/glossary/glossary.json'),
  handouts: path.join(__dirname, 'src/handouts/handouts.json'),
};

/**
 * Turns imports of a lazy chunk's source into a `require('./<chunk>.js|json')` of the file in
 * dist/, and writes data chunks as (minified) JSON, which Node's `require` parses natively.
 */
const lazyChunksPlugin = {
  name: 'lazy-chunks',
  setup(build) {
    const chunkOfSource = new Map(Object.entries(lazyChunks).map(([chunk, source]) => [source, chunk]));
    build.onResolve({ filter: /^markdown-it$|\.json$/ }, async (args) => {
      // Chunks' own entry points, and this plugin's nested resolve below, resolve as usual.
      if (args.kind === 'entry-point' || args.pluginData === lazyChunksPlugin) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: lazyChunksPlugin });
      const chunk = chunkOfSource.get(resolved.path);
      if (!chunk) return undefined;
      // A top-level import would load the chunk with the bundle, defeating the split. (esbuild reports
      // `import x = require()` as a require call too: test/unit/bundle.test.ts checks what loading the bundle requires.)
      if (args.kind !== 'require-call') return { errors: [{ text: `${args.path} must be loaded with require() inside the function that needs it, not imported` }] };
      return { path: `./${chunk}${path.extname(resolved.path) === '.json' ? '.json' : '.js'}`, external: true };
    });
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      if (!chunkOfSource.has(args.path)) return undefined;
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: build.initialOptions.minify ? JSON.stringify(JSON.parse(text)) : text, loader: 'copy' };
    });
  },
};

/** The Node bundle and its lazy chunks; test/unit/privacy.test.ts and bundle.test.ts build the same. */
function nodeBuildOptions({ production }) {
  return {
    entryPoints: { extension: path.join(__dirname, 'src/extension.ts'), ...lazyChunks },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    outdir: path.join(__dirname, 'dist'),
    external: ['vscode'],
    loader: { '.md': 'text' },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    plugins: [lazyChunksPlugin],
  };
}

/**
 * The same extension for VS Code for the Web (package.json `browser`): one file, since the web
 * worker extension host can `require` nothing but `vscode`, so markdown-it and the data are inlined.
 * The shared code uses no Node built-ins; with platform `browser` a stray one fails the build.
 */
function webBuildOptions({ production }) {
  return {
    entryPoints: { extension: path.join(__dirname, 'src/extension.ts') },
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outdir: path.join(__dirname, 'dist', 'web'),
    external: ['vscode'],
    loader: { '.md': 'text' },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  };
}

async function main() {
  const node = nodeBuildOptions({ production });
  const contexts = await Promise.all([
    // The snippets are generated once, by the Node build.
    esbuild.context({ ...node, logLevel: 'silent', plugins: [handoutSnippetsPlugin, ...node.plugins, problemMatcherPlugin] }),
    esbuild.context({ ...webBuildOptions({ production }), logLevel: 'silent', plugins: [problemMatcherPlugin] }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
  } else {
    const results = await Promise.all(contexts.map((context) => context.rebuild()));
    await Promise.all(contexts.map((context) => context.dispose()));
    if (results.some((result) => result.errors.length > 0)) process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { nodeBuildOptions, webBuildOptions };
