// Installed by the web worker extension host's test runner before the suite: records every network
// API call (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon) whose call stack passes
// through the watched paths, the extension's browser bundle.
import { networkWatch, recordIfWatched } from './attempts';

type Scope = Record<string, unknown> & { navigator?: Record<string, unknown> };

export function watchWebNetwork(watched: readonly string[], scope: Scope = globalThis): void {
  if (networkWatch.installed) return;
  networkWatch.installed = true;
  patchWebNetworkApis(watched, scope);
}

/** The browser's network APIs, recording; also the globals Node has (fetch, WebSocket, EventSource). */
export function patchWebNetworkApis(watched: readonly string[], scope: Scope): void {
  const fetch = scope.fetch;
  if (typeof fetch === 'function') {
    scope.fetch = function (this: unknown, ...args: unknown[]) {
      recordIfWatched(watched, 'fetch', args[0]);
      return (fetch as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  for (const name of ['WebSocket', 'EventSource']) {
    const Original = scope[name] as (new (...a: unknown[]) => object) | undefined;
    if (typeof Original !== 'function') continue;
    scope[name] = class extends Original {
      constructor(...args: unknown[]) {
        recordIfWatched(watched, name, args[0]);
        super(...args);
      }
    };
  }
  const xhr = scope.XMLHttpRequest as { prototype: { open: (...a: unknown[]) => unknown } } | undefined;
  if (xhr) {
    const open = xhr.prototype.open;
    xhr.prototype.open = function (this: unknown, ...args: unknown[]) {
      recordIfWatched(watched, 'XMLHttpRequest.open', args[1]);
      return open.apply(this, args);
    };
  }
  const navigator = scope.navigator;
  const sendBeacon = navigator?.sendBeacon;
  if (navigator && typeof sendBeacon === 'function') {
    navigator.sendBeacon = function (this: unknown, ...args: unknown[]) {
      recordIfWatched(watched, 'navigator.sendBeacon', args[0]);
      return (sendBeacon as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}
