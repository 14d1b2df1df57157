// Offsets ↔ VS Code positions (0-based line, UTF-16 character) for pure modules that scan whole texts.

/** The offset at which each line of `text` starts ("\n"-separated; a "\r" stays on its line). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line and character of an offset, by binary search over {@link lineStartsOf}. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}
