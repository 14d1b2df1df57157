// Starts code-server on a fresh copy of test/fixtures/workspace with the extension loaded, for a
// person to try in a browser, and stays up until Ctrl-C (the copy goes with it: the fixture stays
// as committed). Preferred: the packaged .vsix installed into the temp extensions dir (a normal
// window); else the development payload URL. The window opens on a sample note with the guide's
// tree beside it and offers the walkthrough (test/host/tryItHost.ts).
//
// Usage: node out/test/host/try.js [--vsix FILE]     (PORT=NNNN to choose the port; default 8080 or a free one)
import { parseArgs } from 'util';
import { exitOnSignals, freePort, isPortFree } from './codeServer';
import { SAMPLE_NOTE, startTryIt } from './tryItHost';

const { values: argv } = parseArgs({ options: { vsix: { type: 'string' } } });

async function choosePort(): Promise<number> {
  if (process.env.PORT) return Number(process.env.PORT);
  return (await isPortFree(8080)) ? 8080 : freePort();
}

async function main(): Promise<void> {
  exitOnSignals((signal) => console.log(`\n${signal}: stopping code-server`));
  const { server, url, how } = await startTryIt({ vsix: argv.vsix, port: await choosePort() });
  console.log(how);
  console.log(`\ncode-server is running (pid ${server.pid}; its log: ${server.logFile}).`);
  console.log(`Its workspace is a copy of test/fixtures/workspace, deleted at Ctrl-C: ${server.workspace}`);
  // The URL names 127.0.0.1:PORT inside (the note to open): a tunnel must keep that host and port.
  console.log(`Open this in a browser on this machine (or through an SSH tunnel from the same port, ssh -L ${server.port}:127.0.0.1:${server.port}):\n\n  ${url}\n`);
  console.log(`It opens on the sample note ${SAMPLE_NOTE} with the guide in the side bar; the notification's "Take the Tour" opens the walkthrough. Press Ctrl-C to stop.`);
  const stopped = await server.exited;
  console.error(`code-server stopped by itself (${stopped}). Log tail:\n${server.logTail()}`);
  process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
