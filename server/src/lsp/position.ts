// The position a request names, checked against the text it is about.
import type { CheckResult } from '../core/check';
import type { Position } from '../core/text';

/** A position of a request, checked: undefined when it lies outside the text or is not a position at all. */
export function positionIn(
  result: CheckResult,
  position: Position | undefined,
): { line: number; character: number; text: string; offset: number } | undefined {
  if (!position) return undefined;
  const { line, character } = position;
  const lines = result.parsed.lines;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= lines.lineCount) return undefined;
  const text = lines.lineText(line);
  if (character > text.length) return undefined;
  return { line, character, text, offset: lines.lineStart(line) + character };
}
