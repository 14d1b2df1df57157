// Injected into the web test bundle (test/host/webTestBundle.ts): the npm port of Node's `assert`
// reads a few fields of a global `process`, which a web worker does not have.
export const process = {
  env: {} as Record<string, string | undefined>,
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]): void => queueMicrotask(() => callback(...args)),
};
