/** Positions as LSP counts them: 0-based line, 0-based UTF-16 character. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

const BOM = '\uFEFF';

/** Editors hide a UTF-8 byte-order mark; drop it so offsets match what the user sees. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Maps string offsets to positions and back. Built once per text version, or derived from the one before. */
export class LineIndex {
  /** Offsets where lines start (a typed array: hundreds of thousands of lines copy in one move). */
  private readonly starts: Uint32Array;

  constructor(readonly text: string, starts?: Uint32Array) {
    if (starts) { this.starts = starts; return; }
    const found = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    this.starts = Uint32Array.from(found);
  }

  /**
   * The index of `text`, which is this index's text with [start, end) replaced by `inserted`: line
   * starts before the edit are kept, those after it move, and only the inserted text is scanned.
   */
  edited(text: string, start: number, end: number, inserted: string): LineIndex {
    const delta = inserted.length - (end - start);
    const starts = this.starts;
    // Line starts at or before `start` stay; those after `end` move by delta; those inside the replaced text go.
    const keep = upperBound(starts, start);
    const from = upperBound(starts, end);
    const added: number[] = [];
    for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) added.push(start + i + 1);
    const next = new Uint32Array(keep + added.length + starts.length - from);
    next.set(starts.subarray(0, keep));
    next.set(added, keep);
    const moved = next.subarray(keep + added.length);
    moved.set(starts.subarray(from));
    if (delta !== 0) for (let i = 0; i < moved.length; i++) moved[i] += delta;
    return new LineIndex(text, next);
  }

  get lineCount(): number { return this.starts.length; }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0, high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid; else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  lineStart(line: number): number { return this.starts[line] ?? this.text.length; }

  /** Offset of the end of the line's content, before any '\r\n' or '\n'. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineText(line: number): string { return this.text.slice(this.lineStart(line), this.lineEnd(line)); }

  /** Range of a whole line's content, for findings that belong to a line rather than a node. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

/** Index of the first element greater than `value` in a sorted list. */
function upperBound(list: ArrayLike<number>, value: number): number {
  let low = 0, high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] <= value) low = mid + 1; else high = mid;
  }
  return low;
}

/** Applies non-overlapping edits given in positions of `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const byOffset = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let previousStart = Infinity;
  for (const edit of byOffset) {
    if (edit.end > previousStart) throw new Error('overlapping edits');
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    previousStart = edit.start;
  }
  return out;
}
