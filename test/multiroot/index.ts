// Entry point of the multi-root suite inside the extension host: the integration suite's runner
// over this folder's tests, in a window with two workspace folders (test/fixtures/multiroot).
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
