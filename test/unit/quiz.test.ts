import * as assert from 'assert';
import { parseGuide } from '../../src/guide/outline';
import { isQuizPart, quizQuestions } from '../../src/guide/quiz';
import { guideOutline } from './guideFixture';

describe('guide quiz', () => {
  it('treats the quiz parts, but not the answer key, as quizzes', () => {
    const quiz = guideOutline().get('quiz')!;
    assert.deepStrictEqual(
      quiz.children.map((part) => [part.title, isQuizPart(part)]),
      [['Multiple Choice Questions', true], ['True/False Questions', true], ['Answer Key', false]],
    );
    assert.strictEqual(isQuizPart(guideOutline().get('spinal-stenosis')!), false);
  });

  it('reads each question with its options and joins its answer from the key', () => {
    const questions = quizQuestions(guideOutline().get('multiple-choice-questions')!);
    assert.deepStrictEqual(questions[1], {
      number: 2,
      prompt: 'Which type of arthritis commonly affects the hip joint and can lead to iliopsoas pain?',
      options: [
        { letter: 'a', text: 'Rheumatoid arthritis' },
        { letter: 'b', text: 'Osteoarthritis' },
        { letter: 'c', text: 'Gout' },
        { letter: 'd', text: 'Lupus' },
      ],
      answer: { letter: 'b', text: 'Osteoarthritis' },
    });
    const trueFalse = quizQuestions(guideOutline().get('truefalse-questions')!);
    assert.deepStrictEqual(
      trueFalse.map((question) => question.answer?.text),
      ['False', 'True', 'False'],
    );
  });

  it('leaves a question without a key entry unanswered rather than guessing', () => {
    const outline = parseGuide('# T\n\nI.\n\n## Quiz\n\nQ.\n\n### Part\n\n1. Why?\n   - (a) Yes\n   - (b) No\n');
    const [question] = quizQuestions(outline.get('part')!);
    assert.strictEqual(question.answer, undefined);
    assert.strictEqual(question.options.length, 2);
  });
});
