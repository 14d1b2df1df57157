import * as assert from 'assert';
import { quotedForMessage } from '../../src/util/messageText';

// VS Code's notifications make a link of `[label](target)` for these targets (its parseLinkedText).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('text quoted in a notification', () => {
  it('can form no link, whatever a team file says', () => {
    for (const hostile of [
      '[Repair glossary](command:workbench.action.files.newUntitledFile)',
      'unknown property "[x](command:workbench.action.terminal.new?%5B%5D)"',
      '[click](https://example.org) and [file](file:///etc/passwd)',
      '[[nested](command:a)](command:b)',
    ]) {
      const quoted = quotedForMessage(hostile);
      assert.deepStrictEqual([...quoted.matchAll(NOTIFICATION_LINK)], [], quoted);
      assert.ok(quoted.includes('Repair glossary') || quoted.includes('click') || quoted.includes('x') || quoted.includes('nested'), 'the words stay readable');
    }
  });

  it('leaves ordinary text as it is and drops bidirectional controls', () => {
    assert.strictEqual(quotedForMessage('entries[2] ("bird dog") has no "definition"'), 'entries［2］ ("bird dog") has no "definition"');
    assert.strictEqual(quotedForMessage('psoas\u202e sama'), 'psoas sama');
    assert.strictEqual(quotedForMessage('Hip (2 weeks)'), 'Hip (2 weeks)');
  });
});
