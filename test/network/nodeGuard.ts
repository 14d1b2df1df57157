// Installed by the Node extension host's test runner before the suite: records every network
// attempt (a TCP/TLS connection or a DNS query) whose call stack passes through the watched paths,
// the extension's dist/. With the loopback-only namespace (test/host/offline.ts), this shows not
// only that nothing got out, but that the extension never tried.
// `import x = require()`: the module objects themselves, whose functions can be replaced.
import dns = require('dns');
import net = require('net');
import { networkWatch, recordIfWatched } from './attempts';
import { patchWebNetworkApis } from './webGuard';

export function watchNodeNetwork(watched: readonly string[]): void {
  if (networkWatch.installed) return;
  networkWatch.installed = true;
  // Every TCP or TLS connection in Node goes through here: net, tls, http, https, fetch, WebSocket.
  const connect = Reflect.get(net.Socket.prototype, 'connect') as (this: net.Socket, ...a: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    recordIfWatched(watched, 'net.Socket.connect', args[0]);
    return connect.apply(this, args);
  };
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6'] as const) {
    const original = dns[name] as (...a: unknown[]) => unknown;
    (dns as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      recordIfWatched(watched, `dns.${name}`, args[0]);
      return original.apply(this, args);
    };
  }
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = function (this: unknown, ...args: Parameters<typeof lookupPromise>) {
    recordIfWatched(watched, 'dns.promises.lookup', args[0]);
    return lookupPromise.apply(this, args);
  } as typeof lookupPromise;
  // fetch connects a tick later, when the caller is no longer on the stack: catch the call itself.
  patchWebNetworkApis(watched, globalThis);
}
