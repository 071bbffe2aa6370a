import type { Fix } from './finding';
import type { LineIndex, TextEdit } from './text';

/** An edit in offsets of the text it applies to; `index` is its place in the edits it came from. */
export interface EditSpan {
  start: number;
  end: number;
  text: string;
  index: number;
}

/**
 * The edits as offsets in text order, when they can be applied as LSP requires: every range names
 * places in the text, starts before it ends, and no two ranges overlap (an insertion may touch its
 * neighbour; insertions at one place keep their order). Undefined otherwise.
 */
export function editSpans(lines: LineIndex, edits: readonly TextEdit[]): EditSpan[] | undefined {
  const spans: EditSpan[] = [];
  for (const [index, edit] of edits.entries()) {
    const start = lines.exactOffset(edit.range.start);
    const end = lines.exactOffset(edit.range.end);
    if (start === undefined || end === undefined || end < start || typeof edit.newText !== 'string') return undefined;
    spans.push({ start, end, text: edit.newText, index });
  }
  spans.sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) return undefined;
  return spans;
}

/**
 * The fix with its edits in text order (its selection follows its edit), or undefined when its edits
 * cannot be applied as they are (see `editSpans`) or `parses` says their result has a new YAML error.
 */
export function soundFix(lines: LineIndex, fix: Fix, parses?: (spans: EditSpan[]) => boolean): Fix | undefined {
  const spans = editSpans(lines, fix.edits);
  if (!spans || (parses && !parses(spans))) return undefined;
  const order = spans.map((span) => span.index);
  if (order.every((original, i) => original === i)) return fix;
  const sorted: Fix = { ...fix, edits: order.map((i) => fix.edits[i]) };
  if (fix.select) sorted.select = { ...fix.select, edit: order.indexOf(fix.select.edit) };
  return sorted;
}
