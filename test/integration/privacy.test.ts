// Runs last (the runners load it after every other file): over the whole session so far, from
// activation through hovers, the reader, handouts and export, the extension made no network call.
// The runner installed a guard (test/network/) before the suite; the host stages also run with
// outbound connections refused (test/host/offline.ts).
import * as assert from 'assert';
import { networkWatch } from '../network/attempts';
import { extensionApi } from './helpers';

describe('privacy: the whole session', () => {
  it('made no network call from the extension, from activation to the last test', async () => {
    assert.ok(networkWatch.installed, 'the runner installed no network guard');
    assert.strictEqual(networkWatch.extensionWasActive, false, 'the extension activated before the guard went in: its activation went unwatched');
    await extensionApi(); // activated by now, in a run of this file alone too
    assert.deepStrictEqual(networkWatch.attempts, []);
  });
});
