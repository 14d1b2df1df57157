import * as assert from 'assert';
import { quotedForMessage, withoutInvisibles } from '../../src/util/messageText';

describe('text quoted in a notification, invisible characters', () => {
  it('drops zero-width characters as well as bidirectional controls', () => {
    assert.strictEqual(quotedForMessage('psoas\u200b \u200cma\u200djor\u2060\ufeff'), 'psoas major');
    assert.strictEqual(quotedForMessage('\u2066[x]\u2069(command:a)\u200e'), '［x］(command:a)');
  });

  it('gives the same text without its invisible characters, brackets and all, for messages that are not notifications', () => {
    assert.strictEqual(withoutInvisibles('entries[0] ("\u202ec++\u202c\u200b")'), 'entries[0] ("c++")');
    assert.strictEqual(withoutInvisibles('Hip (2 weeks)'), 'Hip (2 weeks)');
  });
});
