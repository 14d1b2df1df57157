import * as fs from 'fs';
import * as path from 'path';
import { parseGuide, type GuideOutline } from '../../src/guide/outline';

// Compiled to out/test/unit/, three levels below the repository root.
export const GUIDE_PATH = path.resolve(__dirname, '../../../src/guide/iliopsoas-back-pain.md');

let outline: GuideOutline | undefined;

/** The shipped guide, parsed once for all unit tests. */
export function guideOutline(): GuideOutline {
  return (outline ??= parseGuide(fs.readFileSync(GUIDE_PATH, 'utf8')));
}
