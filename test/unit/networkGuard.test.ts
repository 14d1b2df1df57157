import * as assert from 'assert';
import * as net from 'net';
import * as path from 'path';
import { networkWatch } from '../network/attempts';
import { watchNodeNetwork } from '../network/nodeGuard';
import { patchWebNetworkApis } from '../network/webGuard';
import { viaCaller } from './fixtures/networkCaller';

// The guards behind integration/privacy.test: they must see a call made through the watched code,
// and only such calls, or that test would pass whatever the extension did.
describe('network guards', () => {
  const watched = [path.join(__dirname, 'fixtures', 'networkCaller.js')];
  const calls = () => networkWatch.attempts.map(({ call, target }) => `${call} ${target}`);

  beforeEach(() => networkWatch.attempts.splice(0));

  describe('in Node', () => {
    let closedPort: number;

    before(async () => {
      watchNodeNetwork(watched);
      closedPort = await new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as net.AddressInfo;
          server.close(() => resolve(port));
        });
      });
    });

    it('records a connection, a DNS lookup and a fetch made through the watched code', async () => {
      const socket = viaCaller.connect(closedPort);
      await new Promise((resolve) => socket.once('error', resolve).once('connect', resolve));
      socket.destroy();
      await viaCaller.lookup('localhost');
      await viaCaller.fetch(`http://127.0.0.1:${closedPort}/`);
      const seen = calls();
      assert.ok(seen.includes(`net.Socket.connect {"port":${closedPort},"host":"127.0.0.1"}`), seen.join('\n'));
      assert.ok(seen.includes('dns.lookup localhost'), seen.join('\n'));
      assert.ok(seen.includes(`fetch http://127.0.0.1:${closedPort}/`), seen.join('\n'));
    });

    it('ignores calls that do not pass through the watched code', async () => {
      const socket = net.connect({ port: closedPort, host: '127.0.0.1' });
      await new Promise((resolve) => socket.once('error', resolve).once('connect', resolve));
      socket.destroy();
      await fetch(`http://127.0.0.1:${closedPort}/`).catch(() => undefined);
      assert.deepStrictEqual(calls(), []);
    });
  });

  describe('in a browser', () => {
    it('records fetch, WebSocket, EventSource, XMLHttpRequest and sendBeacon calls made through the watched code, and lets them through', () => {
      const reached: string[] = [];
      const scope = {
        fetch: (url: string) => reached.push(`fetch ${url}`),
        WebSocket: class {
          constructor(url: string) {
            reached.push(`WebSocket ${url}`);
          }
        },
        EventSource: class {
          constructor(url: string) {
            reached.push(`EventSource ${url}`);
          }
        },
        XMLHttpRequest: class {
          open(method: string, url: string) {
            reached.push(`XMLHttpRequest ${method} ${url}`);
          }
        },
        navigator: { sendBeacon: (url: string) => reached.push(`sendBeacon ${url}`) },
      };
      patchWebNetworkApis(watched, scope);
      const api = scope as unknown as {
        fetch(url: string): void;
        WebSocket: new (url: string) => object;
        EventSource: new (url: string) => object;
        XMLHttpRequest: new () => { open(method: string, url: string): void };
        navigator: { sendBeacon(url: string): void };
      };
      viaCaller.call(() => api.fetch('https://a.example/'));
      viaCaller.call(() => new api.WebSocket('wss://b.example/'));
      viaCaller.call(() => new api.EventSource('https://c.example/'));
      viaCaller.call(() => new api.XMLHttpRequest().open('POST', 'https://d.example/'));
      viaCaller.call(() => api.navigator.sendBeacon('https://e.example/'));
      api.fetch('https://not-watched.example/');
      assert.deepStrictEqual(calls(), [
        'fetch https://a.example/',
        'WebSocket wss://b.example/',
        'EventSource https://c.example/',
        'XMLHttpRequest.open https://d.example/',
        'navigator.sendBeacon https://e.example/',
      ]);
      assert.strictEqual(reached.length, 6, 'a patched API did not call through');
    });
  });
});
