import * as assert from 'assert';
import fc from 'fast-check';
import {
  findRedFlagProblems,
  handoutStartMarker,
  markedRedFlagBlock,
  RED_FLAGS_END_MARKER,
  RED_FLAGS_START_MARKER,
  restoreRedFlagBlockEdit,
  withoutHandoutMarkers,
  type RedFlagProblem,
} from '../../src/handouts/redFlagMarkers';
import { handoutBody, loadHandouts, redFlagBlock, redFlagBlockText } from '../../src/handouts/handouts';
import { snippetPlainText } from '../../src/markdown/snippets';

const BLOCK = '## Warning signs\n\n**Call 911 or go to the emergency department now** if:\n\n- You cannot pee';
const handout = (id: string, block = markedRedFlagBlock(BLOCK)) => `${handoutStartMarker(id)}\n# Title of ${id}\n\nSome advice.\n\n${block}\n\nThis handout does not replace care.`;
const kinds = (note: string) => findRedFlagProblems(note).map((problem) => [problem.kind, problem.sourceId, problem.line]);

function applyFix(note: string, problem: RedFlagProblem, block = BLOCK): string {
  const edit = restoreRedFlagBlockEdit(note, problem, block);
  return note.slice(0, edit.start) + edit.text + note.slice(edit.end);
}

describe('red-flag markers', () => {
  it('writes the markers as HTML comments on their own lines', () => {
    assert.strictEqual(handoutStartMarker('low-back-pain'), '<!-- iliopsoas-handout: low-back-pain -->');
    assert.strictEqual(RED_FLAGS_START_MARKER, '<!-- iliopsoas-red-flags -->');
    assert.strictEqual(RED_FLAGS_END_MARKER, '<!-- /iliopsoas-red-flags -->');
    assert.strictEqual(markedRedFlagBlock('A\nB'), '<!-- iliopsoas-red-flags -->\nA\nB\n<!-- /iliopsoas-red-flags -->');
  });

  it('refuses a source id that could close the comment or span lines', () => {
    for (const bad of ['', 'a -->', 'a\nb', 'a b', '-x', 'x'.repeat(101)]) assert.throws(() => handoutStartMarker(bad), /Not a handout source id/, JSON.stringify(bad));
    assert.strictEqual(handoutStartMarker('lbp.assess_2'), '<!-- iliopsoas-handout: lbp.assess_2 -->');
  });

  it('finds no problem in a whole handout, nor in a note without markers', () => {
    assert.deepStrictEqual(kinds(handout('a') + '\n\n' + handout('b')), []);
    assert.deepStrictEqual(kinds('# Note\n\n## Warning signs\n\nNothing about 911 here? Yes: 911.\n'), []);
    assert.deepStrictEqual(kinds(''), []);
    assert.deepStrictEqual(kinds(RED_FLAGS_START_MARKER + '\n' + RED_FLAGS_END_MARKER), [], 'block markers without a handout marker are not ours to judge');
  });

  it('says the block is missing when its markers are gone, warning at the handout marker line', () => {
    const note = `Plan.\n\n${handout('a', 'Red flags were here.')}`;
    const problems = findRedFlagProblems(note);
    assert.deepStrictEqual(problems.map((problem) => [problem.kind, problem.sourceId, problem.line, problem.character, problem.endCharacter]), [['missing', 'a', 2, 0, handoutStartMarker('a').length]]);
  });

  it('says the block is empty when only blank lines are between its markers, warning at the start marker', () => {
    assert.deepStrictEqual(kinds(handout('a', `${RED_FLAGS_START_MARKER}\n\n   \n${RED_FLAGS_END_MARKER}`)), [['empty', 'a', 5]]);
    assert.deepStrictEqual(kinds(handout('a', `${RED_FLAGS_START_MARKER}\n${RED_FLAGS_END_MARKER}`)), [['empty', 'a', 5]]);
  });

  it('says the emergency part is gone when no line of the block names 911 or the emergency department', () => {
    assert.deepStrictEqual(kinds(handout('a', markedRedFlagBlock('## Warning signs\n\n**Call us the same day** if:\n\n- Fever'))), [['noEmergency', 'a', 5]]);
    assert.deepStrictEqual(kinds(handout('a', markedRedFlagBlock('Go to the Emergency department.'))), []);
    assert.deepStrictEqual(kinds(handout('a', markedRedFlagBlock('Call 911.'))), []);
    assert.deepStrictEqual(kinds(handout('a', markedRedFlagBlock('Call 9110.'))), [['noEmergency', 'a', 5]]);
    // A same-day sign that names the 911 list is not the 911 part.
    assert.deepStrictEqual(kinds(handout('a', markedRedFlagBlock('**Call us the same day** if:\n\n- A fever, and no sign from the 911 list'))), [['noEmergency', 'a', 5]]);
  });

  it('judges each handout by the block between its marker and the next handout marker', () => {
    const note = [handout('a'), handout('b', ''), handout('c', markedRedFlagBlock(''))].join('\n\n');
    assert.deepStrictEqual(
      findRedFlagProblems(note).map((problem) => [problem.kind, problem.sourceId]),
      [
        ['missing', 'b'],
        ['empty', 'c'],
      ],
    );
  });

  it('reads markers in code blocks and front matter as text', () => {
    const fenced = '```\n' + handout('a', '') + '\n```\n';
    assert.deepStrictEqual(kinds(fenced), []);
    assert.deepStrictEqual(kinds(`---\nnote: ${handoutStartMarker('a')}\n---\n`), []);
    // A block marker shown in a code block does not stand for the handout's block.
    assert.deepStrictEqual(kinds(handout('a', '```\n' + markedRedFlagBlock(BLOCK) + '\n```')), [['missing', 'a', 0]]);
  });

  it('accepts markers indented or in a quote, and CRLF lines', () => {
    assert.deepStrictEqual(kinds(handout('a').split('\n').map((line) => `  ${line}`).join('\n')), []);
    assert.deepStrictEqual(kinds(handout('a').split('\n').map((line) => `> ${line}`).join('\n')), []);
    assert.deepStrictEqual(kinds(handout('a', '').replace(/\n/g, '\r\n')), [['missing', 'a', 0]]);
    assert.deepStrictEqual(kinds(handout('a').replace(/\n/g, '\r\n')), []);
  });

  it('is not fooled by a marker inside a line of text', () => {
    assert.deepStrictEqual(kinds(`See ${handoutStartMarker('a')} here.`), []);
  });

  describe('the quick fix edit', () => {
    const whole = handout('a');

    it('puts the block back between its markers when it was emptied', () => {
      const emptied = handout('a', `${RED_FLAGS_START_MARKER}\n\n${RED_FLAGS_END_MARKER}`);
      const [problem] = findRedFlagProblems(emptied);
      assert.strictEqual(applyFix(emptied, problem), whole);
      const adjacent = handout('a', `${RED_FLAGS_START_MARKER}\n${RED_FLAGS_END_MARKER}`);
      assert.strictEqual(applyFix(adjacent, findRedFlagProblems(adjacent)[0]), whole);
    });

    it('replaces a block that lost its emergency part', () => {
      const cut = handout('a', markedRedFlagBlock('## Warning signs\n\n- Fever'));
      assert.strictEqual(applyFix(cut, findRedFlagProblems(cut)[0]), whole);
    });

    it('puts the block with its markers after the title when both markers are gone', () => {
      const gone = handout('a', '');
      const fixed = applyFix(gone, findRedFlagProblems(gone)[0]);
      assert.strictEqual(fixed, `${handoutStartMarker('a')}\n# Title of a\n\n${markedRedFlagBlock(BLOCK)}\n\nSome advice.\n\n\n\nThis handout does not replace care.`);
      assert.deepStrictEqual(findRedFlagProblems(fixed), []);
    });

    it('puts the block where a marker was left alone', () => {
      for (const lone of [RED_FLAGS_START_MARKER, RED_FLAGS_END_MARKER]) {
        const note = handout('a', `${lone}`);
        assert.strictEqual(applyFix(note, findRedFlagProblems(note)[0]), whole, lone);
      }
      const startOnly = handout('a', `${RED_FLAGS_START_MARKER}\n## Warning signs`);
      assert.strictEqual(findRedFlagProblems(startOnly)[0].kind, 'missing');
    });

    it('puts it before the next handout, or at the end of the note, when the handout has no title', () => {
      const untitled = `${handoutStartMarker('a')}\nAdvice.\n${handout('b')}`;
      const fixed = applyFix(untitled, findRedFlagProblems(untitled)[0]);
      assert.strictEqual(fixed, `${handoutStartMarker('a')}\nAdvice.\n\n${markedRedFlagBlock(BLOCK)}\n${handout('b')}`);
      assert.deepStrictEqual(findRedFlagProblems(fixed), []);
      const atEnd = `${handoutStartMarker('a')}\nAdvice.`;
      assert.strictEqual(applyFix(atEnd, findRedFlagProblems(atEnd)[0]), `${handoutStartMarker('a')}\nAdvice.\n\n${markedRedFlagBlock(BLOCK)}\n`);
    });

    it('keeps the note\'s line breaks and the markers\' indentation and quote markers', () => {
      const crlf = handout('a', `${RED_FLAGS_START_MARKER}\n${RED_FLAGS_END_MARKER}`).replace(/\n/g, '\r\n');
      assert.strictEqual(applyFix(crlf, findRedFlagProblems(crlf)[0]), whole.replace(/\n/g, '\r\n'));
      const quoted = (text: string) => text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
      const inQuote = quoted(handout('a', `${RED_FLAGS_START_MARKER}\n${RED_FLAGS_END_MARKER}`));
      assert.strictEqual(applyFix(inQuote, findRedFlagProblems(inQuote)[0]), quoted(whole));
    });

    it('always leaves a note without problems, whatever was cut from a handout (property)', () => {
      const note = [handout('a'), handout('b')].join('\n\n');
      fc.assert(
        fc.property(fc.nat(note.length), fc.nat(note.length), (from, to) => {
          const [start, end] = from <= to ? [from, to] : [to, from];
          let cut = note.slice(0, start) + note.slice(end);
          for (let round = 0; round < 4; round++) {
            const [problem] = findRedFlagProblems(cut);
            if (!problem) return;
            cut = applyFix(cut, problem);
          }
          assert.deepStrictEqual(findRedFlagProblems(cut), [], cut);
        }),
        { numRuns: 300 },
      );
    });
  });

  it('drops the marker lines for the export, outside code only', () => {
    assert.strictEqual(withoutHandoutMarkers(handout('a')), handout('a').split('\n').filter((line) => !line.includes('<!--')).join('\n'));
    const fenced = '```\n<!-- iliopsoas-red-flags -->\n```';
    assert.strictEqual(withoutHandoutMarkers(fenced), fenced);
    assert.strictEqual(withoutHandoutMarkers('<!-- other comment -->\nText'), '<!-- other comment -->\nText');
  });

  it('checks a 10 MB note of prose and many handouts', () => {
    const prose = 'The patient walked in with pain in the low back, worse on bending. '.repeat(20);
    const note = Array.from({ length: 2000 }, (_, index) => (index % 100 === 0 ? handout(`h${index}`, index % 200 === 0 ? '' : undefined) : prose)).join('\n\n');
    assert.ok(note.length > 2_000_000);
    const big = Array(5).fill(note).join('\n\n');
    assert.strictEqual(findRedFlagProblems(big).length, 50);
  });
});

describe('handouts carry the markers', () => {
  const handouts = loadHandouts();

  it('opens each shipped handout with its marker, then its title, and wraps its red-flag block', () => {
    for (const item of handouts) {
      const lines = item.body.split('\n');
      assert.strictEqual(lines[0], handoutStartMarker(item.id), item.id);
      assert.strictEqual(lines[1], `# ${item.title}`, item.id);
      assert.strictEqual(lines.filter((line) => line === RED_FLAGS_START_MARKER).length, 1, item.id);
      assert.strictEqual(lines.filter((line) => line === RED_FLAGS_END_MARKER).length, 1, item.id);
      const inserted = snippetPlainText(handoutBody(item, {}));
      assert.deepStrictEqual(findRedFlagProblems(inserted), [], item.id);
    }
  });

  it('puts back the current block as plain text, the clinic details of the note filled in', () => {
    const text = redFlagBlockText({ phone: '555-0100', afterHoursPhone: '555 $1 }' });
    assert.ok(!text.includes('${'), text);
    assert.match(text, /Clinic phone: 555-0100\. After hours: 555 \\\$1 \}\./, 'written as Markdown that reads as itself');
    assert.strictEqual(redFlagBlockText({}), snippetPlainText(redFlagBlock()));
    assert.match(redFlagBlockText({}), /Clinic phone: clinic phone\. After hours: after-hours phone\./);
    // The restored block reads as the block of a freshly inserted handout.
    const [first] = handouts;
    const inserted = snippetPlainText(handoutBody(first, { phone: '555-0100' }));
    assert.ok(inserted.includes(markedRedFlagBlock(redFlagBlockText({ phone: '555-0100' }))), 'the block text differs from an inserted handout\'s');
  });
});
