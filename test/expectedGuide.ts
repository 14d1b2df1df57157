// The guide's headings as its text has them, written out by hand: what the parser, the tree and
// the workbench must all show. Shared by the unit, integration and UI tests.

/** Every heading below the title, in order, with its level. */
export const EXPECTED_HEADINGS: readonly (readonly [level: number, title: string])[] = [
  [2, '1. What is the Iliopsoas Muscle?'],
  [2, '2. Causes of Iliopsoas Back Pain'],
  [3, 'Muscle Strain or Overuse'],
  [3, 'Hip Arthritis'],
  [3, 'Spinal Stenosis'],
  [3, 'Nerve Compression'],
  [2, '3. Symptoms of Iliopsoas Back Pain'],
  [3, 'Location and Radiation'],
  [3, 'Intensity and Duration'],
  [3, 'Aggravating and Relieving Factors'],
  [2, '4. Treatment Options for Iliopsoas Back Pain'],
  [3, 'Conservative Treatment'],
  [3, 'Injections'],
  [3, 'Surgery'],
  [2, '5. Tips for Preventing Iliopsoas Back Pain'],
  [3, 'Warm-Up and Stretching'],
  [3, 'Proper Technique'],
  [3, 'Strengthening Exercises'],
  [3, 'Weight Management'],
  [2, 'Quiz'],
  [3, 'Multiple Choice Questions'],
  [3, 'True/False Questions'],
  [3, 'Answer Key'],
];

/** The tree's top level: the five numbered sections and the quiz. */
export const TOP_LEVEL_SECTIONS = EXPECTED_HEADINGS.filter(([level]) => level === 2).map(([, title]) => title);

export const CAUSES_SUBSECTIONS = ['Muscle Strain or Overuse', 'Hip Arthritis', 'Spinal Stenosis', 'Nerve Compression'];
