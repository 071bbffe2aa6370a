/**
 * Text as an LSP client sees it, written apart from the server's LineIndex on purpose (an oracle must
 * not share the code it checks): lines end at `\r\n`, `\n` or a lone `\r`; a position is a line and a
 * UTF-16 character within that line's content (never between a `\r` and its `\n`).
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { isPosition } from '../../server/src/core/text';

export interface TextChange {
  range: Range;
  text: string;
}

export class LspText {
  /** Offset where each line starts. */
  readonly starts: number[] = [0];
  /** Offset where each line's content ends, before its line break. */
  readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      this.ends.push(i);
      if (c === '\r' && text[i + 1] === '\n') i++;
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineLength(line: number): number {
    return this.ends[line] - this.starts[line];
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** A position (whole numbers, not below 0) of a place in this text: on one of its lines, not past its end. */
  isPosition(p: unknown): p is Position {
    return isPosition(p) && p.line < this.lineCount && p.character <= this.lineLength(p.line);
  }

  /** The offset of a position, clamped as LSP servers do: past a line's end is its end, past the last line the text's end. */
  offsetAt(p: Position): number {
    if (p.line >= this.lineCount) return this.text.length;
    if (p.line < 0) return 0;
    return this.starts[p.line] + Math.max(0, Math.min(p.character, this.lineLength(p.line)));
  }

  /** The position of an offset; an offset inside a line break counts as the end of that line's content. */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0,
      high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(at, this.ends[low]) - this.starts[low] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The offset a position-addressable place nearest to `offset` (not inside a line break or a surrogate pair). */
  snap(offset: number): number {
    const at = this.offsetAt(this.positionAt(offset));
    return isLowSurrogateAt(this.text, at) ? at - 1 : at;
  }
}

const isLowSurrogateAt = (text: string, offset: number) => {
  const code = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
};

export const comparePositions = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;

/** Whether `inner` lies within `outer`. */
export const rangeContains = (outer: Range, inner: Range): boolean =>
  comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

/** One incremental change of a `didChange`, applied as the server must apply it (an end before the start is the start). */
export function applyChange(text: string, change: TextChange): string {
  const lines = new LspText(text);
  const start = lines.offsetAt(change.range.start);
  const end = Math.max(start, lines.offsetAt(change.range.end));
  return text.slice(0, start) + change.text + text.slice(end);
}

export function applyChanges(text: string, changes: readonly TextChange[]): string {
  return changes.reduce(applyChange, text);
}

/**
 * The edits of one WorkspaceEdit, all in positions of `text`: applied from the last to the first, and
 * insertions at one place in the order given (as LSP says). The caller checks first that they are apart.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LspText(text);
  const byStart = edits
    .map((edit, index) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText, index }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  let out = text;
  for (let i = byStart.length - 1; i >= 0; i--) out = out.slice(0, byStart[i].start) + byStart[i].text + out.slice(byStart[i].end);
  return out;
}
