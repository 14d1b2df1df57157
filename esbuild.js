// Bundles the extension into dist/extension.js. `--production` minifies; `--watch` rebuilds on change
// and prints the "[watch] build started/finished" lines the esbuild problem matcher in .vscode/tasks.json reads.
const esbuild = require('esbuild');

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
        const fs = require('fs');
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

async function main() {
  const context = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    loader: { '.md': 'text' },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [handoutSnippetsPlugin, problemMatcherPlugin],
  });
  if (watch) {
    await context.watch();
  } else {
    const result = await context.rebuild();
    await context.dispose();
    if (result.errors.length > 0) process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
