import * as assert from 'assert';
import fc from 'fast-check';
import type MarkdownIt = require('markdown-it');
import { checkDoNotUse, findDoNotUse } from '../../src/handouts/doNotUse';
import { disableCommentEdit, parseDisableComment, type LineEdit } from '../../src/handouts/doNotUseComments';
import { DO_NOT_USE_RULE_IDS, type DoNotUseRuleId } from '../../src/handouts/doNotUseRules';
import { DoNotUseIndex } from '../../src/handouts/doNotUseIndex';
import { NoteModel } from '../../src/markdown/noteModel';
import { lineChange } from './noteEdits';

const rulesOf = (line: string): string[] | 'all' | undefined => {
  const comment = parseDisableComment(line);
  return comment === undefined ? undefined : comment.rules === undefined ? 'all' : [...comment.rules].sort();
};
const found = (note: string): [DoNotUseRuleId, number, string][] => findDoNotUse(note).map((finding) => [finding.rule, finding.line, finding.text]);

/** A note with one edit applied (lines joined with "\n", as the edit's line numbers count them). */
function applied(note: string, edit: LineEdit): string {
  const lines = note.split('\n');
  const text = lines[edit.line];
  lines[edit.line] = text.slice(0, edit.startCharacter) + edit.text + text.slice(edit.endCharacter);
  return lines.join('\n');
}

describe('Do Not Use disable comments', () => {
  describe('parsing', () => {
    it('silences every rule when the comment names none', () => {
      assert.strictEqual(rulesOf('<!-- iliopsoas-disable-next-line -->'), 'all');
      assert.strictEqual(rulesOf('<!--iliopsoas-disable-next-line-->'), 'all');
      assert.strictEqual(rulesOf('   <!-- iliopsoas-disable-next-line -->  '), 'all');
      assert.strictEqual(rulesOf('> > <!-- iliopsoas-disable-next-line -->'), 'all');
    });

    it('silences only the rules it names, separated by spaces or commas, in any case', () => {
      assert.deepStrictEqual(rulesOf('<!-- iliopsoas-disable-next-line daily trailing-zero -->'), ['daily', 'trailing-zero']);
      assert.deepStrictEqual(rulesOf('\t<!-- iliopsoas-disable-next-line daily,cc , MSO4 -->'), ['cc', 'daily', 'mso4']);
    });

    it('is a comment alone on its line, and nothing else', () => {
      for (const line of [
        'Give 10 U <!-- iliopsoas-disable-next-line -->',
        '<!-- iliopsoas-disable-next-line --> Give 10 U',
        '<!-- note --> <!-- iliopsoas-disable-next-line -->',
        '<!-- iliopsoas-disable-next-line --> <!-- note -->',
        '<!-- iliopsoas-disable-next-lines -->',
        '<!-- iliopsoas-disable-next-line: daily -->',
        '<!-- note: iliopsoas-disable-next-line -->',
        '<!-- iliopsoas-disable-next-line',
        '`<!-- iliopsoas-disable-next-line -->`',
        '- <!-- iliopsoas-disable-next-line -->',
        '<!-- ILIOPSOAS-DISABLE-NEXT-LINE -->',
      ]) {
        assert.strictEqual(parseDisableComment(line), undefined, line);
      }
    });

    it('reports names that are no rule where they stand, and a comment of only those silences nothing', () => {
      const line = '<!-- iliopsoas-disable-next-line dialy, unit QD -->';
      const comment = parseDisableComment(line)!;
      assert.deepStrictEqual([...comment.rules!], ['unit']);
      assert.deepStrictEqual(
        comment.unknown.map(({ name, start, end }) => [name, line.slice(start, end)]),
        [
          ['dialy', 'dialy'],
          ['QD', 'QD'],
        ],
      );
      assert.deepStrictEqual(rulesOf('<!-- iliopsoas-disable-next-line dialy -->'), []);
    });
  });

  describe('in a note', () => {
    it('silences every rule on the next line only', () => {
      const note = 'Give 10 U qd.\n<!-- iliopsoas-disable-next-line -->\nGive 10 U qd.\nGive 10 U qd.';
      assert.deepStrictEqual(found(note), [
        ['unit', 0, 'U'],
        ['daily', 0, 'qd'],
        ['unit', 3, 'U'],
        ['daily', 3, 'qd'],
      ]);
    });

    it('silences only the rules it names', () => {
      const note = '<!-- iliopsoas-disable-next-line daily trailing-zero -->\nWarfarin 1.0 mg qd, insulin 10 U.';
      assert.deepStrictEqual(found(note), [['unit', 1, 'U']]);
    });

    it('silences nothing over a blank line, in code, or when its names are no rules; and says which names', () => {
      assert.deepStrictEqual(found('<!-- iliopsoas-disable-next-line -->\n\nTake it qd.').length, 1);
      assert.deepStrictEqual(found('```\n<!-- iliopsoas-disable-next-line -->\n```\nTake it qd.').length, 1);
      assert.deepStrictEqual(found('Text.\n\n    <!-- iliopsoas-disable-next-line -->\nTake it qd.').length, 1);
      const check = checkDoNotUse('Plan:\n<!-- iliopsoas-disable-next-line dialy -->\nTake it qd.');
      assert.deepStrictEqual(check.findings.map((finding) => finding.text), ['qd']);
      assert.deepStrictEqual(
        check.notices.map(({ line, character, endCharacter, text }) => [line, character, endCharacter, text]),
        [[1, 33, 38, 'dialy']],
      );
      assert.match(check.notices[0].message, /^“dialy” is not a Do Not Use rule, so this comment does not silence it; the rules are unit, .*, cc\.$/);
    });

    it('works inside list items and blockquotes, and never flags the rule names it holds', () => {
      const note = ['- Aspirin 75 mg QD', '  <!-- iliopsoas-disable-next-line mso4 ms -->', '- MSO4 2 mg IV, then MS 2 mg', '> <!-- iliopsoas-disable-next-line -->', '> Warfarin 1.0 mg'].join('\n');
      assert.deepStrictEqual(found(note), [['daily', 0, 'QD']]);
    });

    it('is a block of its own: a code span does not pair across it', () => {
      // Markdown starts an HTML block at a comment line, so the backtick above cannot open a span that hides "qd".
      assert.deepStrictEqual(found('Open ` here\n<!-- note -->\nTake qd `x`'), [['daily', 2, 'qd']]);
    });

    // The property: a disable comment changes nothing but the findings it silences. The same note
    // with each disable comment replaced by a neutral comment (also a block of its own) finds the
    // same, plus what the comments silence.
    it('silences exactly the findings of its rules on the next line, over random notes', () => {
      const ruleNames = fc.subarray([...DO_NOT_USE_RULE_IDS, 'dialy', 'QD'], { maxLength: 3 });
      const comment = fc.tuple(fc.constantFrom('', '  ', '> ', '   '), ruleNames, fc.constantFrom(' ', ', ')).map(([indent, names, separator]) => `${indent}<!-- iliopsoas-disable-next-line${names.length ? ' ' + names.join(separator) : ''} -->`);
      const prose = fc.constantFrom('Give 10 U qd.', 'Warfarin 1.0 mg QOD', '- MS 2 mg IV', '  .5 cc and 1000 IU', '> MSO4 2 mg', 'Walk daily.', 'TSH 2.8 IU/ML', '', '```', '    10 U qd', '# Insulin 10 U', 'Open `', '` qd');
      const note = fc.array(fc.oneof({ weight: 1, arbitrary: comment }, { weight: 3, arbitrary: prose }), { maxLength: 30 }).map((lines) => lines.join('\n'));
      fc.assert(
        fc.property(note, (text) => {
          const lines = text.split('\n');
          const comments = lines.map((line) => parseDisableComment(line));
          const neutral = lines.map((line, i) => (comments[i] ? line.replace(/<!--.*-->/, '<!-- neutral -->') : line)).join('\n');
          const codeLines = new NoteModel(text);
          const silences = (rule: DoNotUseRuleId, line: number): boolean => {
            const above = line > 0 && !codeLines.isExcludedLine(line - 1) ? comments[line - 1] : undefined;
            return above !== undefined && (above.rules === undefined || above.rules.has(rule));
          };
          const expected = findDoNotUse(neutral)
            .filter((finding) => !silences(finding.rule, finding.line))
            .map((finding) => [finding.rule, finding.line, finding.character]);
          assert.deepStrictEqual(
            findDoNotUse(text).map((finding) => [finding.rule, finding.line, finding.character]),
            expected,
          );
        }),
        { numRuns: 1000 },
      );
    });

    it('is followed edit by edit: adding and removing the comment rechecks the line below it', () => {
      let text = 'Plan\n\nGive 10 U qd.\nWalk daily.\n';
      const model = new NoteModel(text);
      const index = new DoNotUseIndex(model);
      const edit = (start: number, end: number, inserted: string): void => {
        index.update(model, model.applyChange(lineChange(text, start, end, inserted))!);
        text = text.slice(0, start) + inserted + text.slice(end);
        assert.deepStrictEqual(
          index.findings.map(({ rule, line }) => [rule, line]),
          findDoNotUse(text).map(({ rule, line }) => [rule, line]),
        );
      };
      assert.strictEqual(index.findings.length, 2);
      const at = text.indexOf('Give');
      edit(at, at, '<!-- iliopsoas-disable-next-line unit -->\n');
      assert.deepStrictEqual(index.findings.map(({ rule }) => rule), ['daily']);
      // Naming the other rule as it is typed, a letter at a time.
      for (const letter of ' daily') {
        const close = text.indexOf(' -->');
        edit(close, close, letter);
      }
      assert.deepStrictEqual(index.findings, []);
      // Breaking the comment (deleting its "-->") brings both back; typing it again silences them.
      const close = text.indexOf('-->');
      edit(close, close + 3, '');
      assert.strictEqual(index.findings.length, 2);
      edit(close, close, '-->');
      assert.strictEqual(index.findings.length, 0);
      // Deleting the whole comment line, and so making it blank first.
      const start = text.indexOf('<!--');
      edit(start, text.indexOf('\n', start), '');
      assert.strictEqual(index.findings.length, 2);
      edit(start, start + 1, '');
      assert.strictEqual(index.findings.length, 2);
      assert.strictEqual(index.notices.length, 0);
    });
  });

  describe('the edit that silences a line', () => {
    const insertion = (note: string, line: number, rule: DoNotUseRuleId): string => {
      const model = new NoteModel(note);
      const edit = disableCommentEdit(model.lines, line, rule, model.isExcludedLine)!;
      assert.strictEqual(edit.line, line);
      assert.strictEqual(edit.startCharacter, 0);
      assert.strictEqual(edit.endCharacter, 0);
      return edit.text;
    };

    it('inserts the comment above the line, at its indentation and inside its blockquote', () => {
      assert.strictEqual(insertion('Give 10 U.', 0, 'unit'), '<!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('- Give insulin\n  10 U at night', 1, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('> Aspirin QD', 0, 'daily'), '> <!-- iliopsoas-disable-next-line daily -->\n');
      assert.strictEqual(insertion('\tWarfarin 1.0 mg', 0, 'trailing-zero'), '\t<!-- iliopsoas-disable-next-line trailing-zero -->\n');
    });

    it('puts it at the text column of the item above a list item of the same list, so it belongs to that item', () => {
      assert.strictEqual(insertion('- Aspirin 75 mg\n- Insulin 10 U', 1, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('1. Aspirin 75 mg\n2. Insulin 10 U', 1, 'unit'), '   <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('- Aspirin\n\n- Insulin 10 U', 2, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('> - Aspirin\n> - Insulin 10 U', 1, 'unit'), '>   <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('10. Aspirin 75 mg\n11. Insulin 10 U', 1, 'unit'), '    <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('- Meds\n  - Aspirin\n- Insulin 10 U', 2, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('  2. Aspirin\n2. Insulin 10 U', 1, 'unit'), '     <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('- Aspirin\nstill about aspirin\n- Insulin 10 U', 2, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      // Code above is skipped: a comment at a code line's indentation would continue the code.
      assert.strictEqual(insertion('- Aspirin\n\n      code\n- Insulin 10 U', 3, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('1. Aspirin\n   ```\n       x\n   ```\n2. Insulin 10 U', 4, 'unit'), '   <!-- iliopsoas-disable-next-line unit -->\n');
    });

    it('puts it at the marker of the first item of a list', () => {
      assert.strictEqual(insertion('Plan:\n- Insulin 10 U', 1, 'unit'), '<!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('- Aspirin\n\n1. Insulin 10 U', 2, 'unit'), '<!-- iliopsoas-disable-next-line unit -->\n'); // another list
      assert.strictEqual(insertion('- Aspirin\n# Plan\n- Insulin 10 U', 2, 'unit'), '<!-- iliopsoas-disable-next-line unit -->\n'); // the heading ended the list
      assert.strictEqual(insertion('- Meds\n  - Insulin 10 U', 1, 'unit'), '  <!-- iliopsoas-disable-next-line unit -->\n');
      assert.strictEqual(insertion('- Insulin 10 U', 0, 'unit'), '<!-- iliopsoas-disable-next-line unit -->\n');
    });

    it('adds the rule to a comment already above the line, and offers nothing when that one silences every rule', () => {
      const note = '<!-- iliopsoas-disable-next-line unit -->\nGive 10 U qd.';
      const edit = disableCommentEdit(note.split('\n'), 1, 'daily')!;
      assert.strictEqual(applied(note, edit), '<!-- iliopsoas-disable-next-line unit daily -->\nGive 10 U qd.');
      assert.deepStrictEqual(found(applied(note, edit)), []);
      assert.strictEqual(disableCommentEdit(['<!-- iliopsoas-disable-next-line -->', 'x'], 1, 'daily'), undefined);
    });

    it('silences the finding it was made for and no other', () => {
      const note = 'Plan:\n- Aspirin 75 mg QD\n- Insulin 10 U qd\n\n> Warfarin 1.0 mg QOD';
      for (const finding of findDoNotUse(note)) {
        const after = applied(note, disableCommentEdit(note.split('\n'), finding.line, finding.rule)!);
        const before = found(note).filter(([rule, line]) => !(rule === finding.rule && line === finding.line));
        // The findings below the inserted comment moved down a line.
        assert.deepStrictEqual(found(after), before.map(([rule, line, text]) => [rule, line >= finding.line ? line + 1 : line, text]));
      }
    });

    // What Markdown makes of the note: the comment is invisible, and the note renders as before.
    describe('keeps the rendered note as it was', () => {
      const createMarkdownIt = require('markdown-it') as typeof MarkdownIt;
      const md = createMarkdownIt({ html: true });
      const rendered = (note: string): string => md.render(note).replace(/<!--[^]*?-->/g, '').replace(/\s+/g, '');

      it('around lists, nested lists, loose lists and quotes, over random notes', () => {
        // (Not four spaces: a list marker indented four columns past its container is indented code to
        // Markdown, which the note model's line classification does not know yet.)
        const item = fc.tuple(fc.constantFrom('', '  ', '   ', '> '), fc.constantFrom('- ', '* ', '1. ', '2. ', '10. '), fc.constantFrom('Insulin 10 U', 'Aspirin QD', 'Warfarin 1.0 mg')).map((parts) => parts.join(''));
        // (Fences closed where they open: the note model does not end a fence where its list item ends.)
        const other = fc.constantFrom('', 'Plan:', '# Meds 10 U', '> Aspirin QD', 'Give 10 U.', '      code', '  ```\n  10 U\n  ```', '```\nqd\n```', '  continued 10 U', '---');
        const note = fc.array(fc.oneof({ weight: 3, arbitrary: item }, { weight: 1, arbitrary: other }), { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
        fc.assert(
          fc.property(note, (text) => {
            const lines = text.split('\n');
            // The lines where a block starts, as markdown-it parses the note: inside a paragraph the
            // comment necessarily ends it (see disableCommentEdit), so only these are checked.
            const blockStarts = new Set(md.parse(text, {}).filter((token) => token.block && token.map && token.nesting >= 0).map((token) => token.map![0]));
            for (const finding of findDoNotUse(text)) {
              if (!blockStarts.has(finding.line)) continue;
              const model = new NoteModel(text);
              const edit = disableCommentEdit(lines, finding.line, finding.rule, model.isExcludedLine);
              if (!edit) continue;
              const after = applied(text, edit);
              assert.strictEqual(rendered(after), rendered(text), `${JSON.stringify(text)} → ${JSON.stringify(after)}`);
              assert.ok(!found(after).some(([rule, line]) => rule === finding.rule && line === finding.line + 1), `not silenced: ${JSON.stringify(after)}`);
            }
          }),
          { numRuns: 1000 },
        );
      });

      it('where the comment at the marker’s column would split the list in two', () => {
        const note = '- Aspirin 75 mg\n- Insulin 10 U';
        const ours = applied(note, disableCommentEdit(note.split('\n'), 1, 'unit')!);
        assert.strictEqual(rendered(ours), rendered(note));
        const atMarker = '- Aspirin 75 mg\n<!-- iliopsoas-disable-next-line unit -->\n- Insulin 10 U';
        assert.strictEqual((md.render(atMarker).match(/<ul>/g) ?? []).length, 2, 'an HTML block at column 0 ends the list');
        assert.strictEqual((md.render(ours).match(/<ul>/g) ?? []).length, 1);
      });
    });
  });
});
