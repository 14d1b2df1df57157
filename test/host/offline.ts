// Runs the host stages (integration, web, UI) with outbound connections refused: in a new network
// namespace whose only interface is loopback, where code-server and Chromium still reach each
// other on 127.0.0.1 and every other address is unreachable. Notes may hold patient information;
// the suite proves the extension works with no network at all.
import { spawnSync } from 'child_process';

/** Set to 1 to run the host stages with the machine's network (where user namespaces are not allowed). */
export const ALLOW_NETWORK_ENV = 'ILIOPSOAS_ALLOW_NETWORK';

/** `argv` (a command and its arguments) wrapped to run with loopback only. */
export function offlineCommand(argv: readonly string[]): { command: string; args: string[] } {
  // --map-root-user: an unprivileged user may create the namespace; `ip` then brings loopback up in it.
  return { command: 'unshare', args: ['--net', '--map-root-user', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', ...argv] };
}

/**
 * Proves the wrapper refuses the network here: from inside it, a connection to a public address
 * must fail at once. Returns the error seen (e.g. ENETUNREACH), or throws saying why it cannot.
 */
export function checkOutboundRefused(): string {
  const probe = `require('net').connect(443, '1.1.1.1')
    .on('connect', () => { console.log('connected'); process.exit(1); })
    .on('error', (error) => { console.log(error.code); process.exit(0); });`;
  const { command, args } = offlineCommand([process.execPath, '-e', probe]);
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 15_000 });
  const seen = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  if (run.error) throw new Error(`cannot start ${command}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`the network namespace did not refuse 1.1.1.1:443 (exit ${run.status}): ${seen}`);
  return seen;
}
