// Starts code-server on a fresh copy of test/fixtures/workspace with the extension loaded, for a
// person to try in a browser, and stays up until Ctrl-C (the copy goes with it: the fixture stays
// as committed). Preferred: the packaged .vsix installed into the temp extensions dir (a normal
// window); else the development payload URL.
//
// Usage: node out/test/host/try.js [--vsix FILE]     (PORT=NNNN to choose the port; default 8080 or a free one)
import { parseArgs } from 'util';
import { exitOnSignals, freePort, isPortFree, repoRoot, startCodeServer, type CodeServer } from './codeServer';

const { values: argv } = parseArgs({ options: { vsix: { type: 'string' } } });

async function choosePort(): Promise<number> {
  if (process.env.PORT) return Number(process.env.PORT);
  return (await isPortFree(8080)) ? 8080 : freePort();
}

async function main(): Promise<void> {
  exitOnSignals((signal) => console.log(`\n${signal}: stopping code-server`));
  const port = await choosePort();
  let server: CodeServer;
  let url: string;
  try {
    if (!argv.vsix) throw new Error('no .vsix given');
    server = await startCodeServer({ port, installVsix: [argv.vsix] });
    url = server.workbenchUrl();
    console.log(`Installed ${argv.vsix} into a temporary extensions folder.`);
  } catch (err) {
    console.log(`Using the Extension Development Host instead of a .vsix (${(err as Error).message.split('\n')[0]}).`);
    server = await startCodeServer({ port });
    url = server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  }
  console.log(`\ncode-server is running (pid ${server.pid}; its log: ${server.logFile}).`);
  console.log(`Its workspace is a copy of test/fixtures/workspace, deleted at Ctrl-C: ${server.workspace}`);
  console.log(`Open this in a browser on this machine (or through an SSH tunnel to port ${server.port}):\n\n  ${url}\n`);
  console.log('Look for "Iliopsoas Guide" in the activity bar. Press Ctrl-C to stop.');
  const how = await server.exited;
  console.error(`code-server stopped by itself (${how}). Log tail:\n${server.logTail()}`);
  process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
