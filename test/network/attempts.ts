// What the network guards saw during a run of the integration suite, shared by the guard a host's
// runner installs (nodeGuard.ts or webGuard.ts) and the suite's last test (integration/privacy.test).
// No Node built-ins and no vscode: both hosts and the unit tests load it.

export interface NetworkAttempt {
  /** The API called, e.g. `net.Socket.connect`, `fetch`, `WebSocket`. */
  call: string;
  /** Where to, as given to the call. */
  target: string;
}

export const networkWatch: {
  installed: boolean;
  /** Whether the extension had already activated when the guard went in (then activation went unwatched). */
  extensionWasActive?: boolean;
  readonly attempts: NetworkAttempt[];
} = { installed: false, attempts: [] };

/** Records an attempt if the call stack passes through one of the watched files or folders. */
export function recordIfWatched(watched: readonly string[], call: string, target: unknown): void {
  // The whole stack: the extension's frame may sit below the default ten (http → net → dns).
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  if (!watched.some((marker) => stack.includes(marker))) return;
  networkWatch.attempts.push({ call, target: describeTarget(target) });
}

function describeTarget(target: unknown): string {
  if (Array.isArray(target)) return describeTarget(target[0]); // net.connect passes [options, callback] on
  if (typeof target === 'string') return target;
  if (target instanceof URL) return target.href;
  if (target && typeof target === 'object' && 'url' in target && typeof target.url === 'string') return target.url; // a Request
  try {
    return JSON.stringify(target) ?? String(target);
  } catch {
    return String(target);
  }
}
