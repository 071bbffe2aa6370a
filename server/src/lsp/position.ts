// The position a request names, checked against the text it is about.
import type { CheckResult } from '../core/check';
import type { Position } from '../core/text';

/** A position of a request, checked: undefined when it lies outside the text or is not a position at all. */
export function positionIn(
  result: CheckResult,
  position: Position | undefined,
): { line: number; character: number; text: string; offset: number } | undefined {
  const lines = result.parsed.lines;
  const offset = lines.exactOffset(position);
  if (offset === undefined || !position) return undefined;
  const { line, character } = position;
  return { line, character, text: lines.lineText(line), offset };
}
