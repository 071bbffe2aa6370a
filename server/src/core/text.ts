/** Positions as LSP counts them: 0-based line, 0-based UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Whether a value is a position at all: a line and a character, whole numbers not below 0 (LSP's `uinteger`). */
export function isPosition(value: unknown): value is Position {
  const { line, character } = (value ?? {}) as { line?: unknown; character?: unknown };
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

/** Whether a value is a range at all: two positions (in any order). */
export function isRange(value: unknown): value is Range {
  const { start, end } = (value ?? {}) as { start?: unknown; end?: unknown };
  return isPosition(start) && isPosition(end);
}
export interface TextEdit {
  range: Range;
  newText: string;
}

const BOM = '\uFEFF';

/** Editors hide a UTF-8 byte-order mark; drop it so offsets match what the user sees. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** What reading a text needs: a string, or a Rope (rope.ts), a text edited without being copied whole. */
export interface TextLike {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  indexOf(search: string, from?: number): number;
  /** The whole text. */
  toString(): string;
}

const LF = 10;
const CR = 13;

/**
 * Whether a line starts at `offset`: after a line feed, or after a carriage return that is not the
 * first half of a `\r\n` pair. LSP counts lines this way, so every position agrees with the editor's.
 */
function startsLine(text: TextLike, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return before === LF || (before === CR && text.charCodeAt(offset) !== LF);
}

/** Offsets from `first` (at least 1) to `last` where lines start, in a typed array (a large text has a million lines). */
function lineStartsOf(text: string, first: number, last: number): Uint32Array {
  let found = new Uint32Array(16);
  let count = 0;
  const add = (at: number) => {
    if (count === found.length) {
      const grown = new Uint32Array(found.length * 2);
      grown.set(found);
      found = grown;
    }
    found[count++] = at;
  };
  // Most texts have no carriage return but in `\r\n` pairs: searching line feeds alone is then enough.
  const cr = text.indexOf('\r', first - 1);
  if (cr === -1 || cr > last || !/\r(?!\n)/.test(text.slice(cr, last + 1))) {
    for (let i = text.indexOf('\n', first - 1); i !== -1 && i < last; i = text.indexOf('\n', i + 1)) add(i + 1);
  } else {
    for (let at = first; at <= last; at++) if (startsLine(text, at)) add(at);
  }
  return found.subarray(0, count);
}

/** Maps string offsets to positions and back. Built once per text version, or derived from the one before. */
export class LineIndex {
  /** Offsets where lines start (a typed array: hundreds of thousands of lines copy in one move). */
  private readonly starts: Uint32Array;

  constructor(
    readonly text: TextLike,
    starts?: Uint32Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    const whole = typeof text === 'string' ? text : text.toString();
    const found = lineStartsOf(whole, 1, whole.length);
    this.starts = new Uint32Array(found.length + 1);
    this.starts.set(found, 1);
  }

  /**
   * The index of `text`, which is this index's text with [start, end) replaced by `inserted`: line
   * starts before the edit are kept, those after it move, and only the inserted text is scanned (with
   * a character on each side, as an edit may join or split a `\r\n` pair).
   */
  edited(text: TextLike, start: number, end: number, inserted: string): LineIndex {
    return this.editedMany(text, [{ start, end, inserted }]);
  }

  /** `edited` for several edits at once: ascending and apart, in this index's offsets; `text` has them all. */
  editedMany(text: TextLike, edits: readonly { start: number; end: number; inserted: string }[]): LineIndex {
    const starts = this.starts;
    // The new starts as runs: old starts moved by `shift`, or starts found in the edited text (shift 0).
    const runs: { from: Uint32Array; shift: number }[] = [];
    let size = 0;
    let shift = 0;
    let next = 0; // the first old start not yet kept or dropped
    let last = -1; // the last start taken, so that adjacent edits do not take one twice
    const take = (from: Uint32Array, by: number) => {
      if (from.length === 0) return;
      runs.push({ from, shift: by });
      size += from.length;
      last = from[from.length - 1] + by;
    };
    // Old starts up to `limit` depend only on text no edit touched: they move by the edits before them.
    const keepUpTo = (limit: number) => {
      const to = upperBound(starts, limit);
      if (to > next) take(starts.subarray(next, to), shift);
      next = Math.max(next, to);
    };
    for (const { start, end, inserted } of edits) {
      keepUpTo(start - 1);
      next = Math.max(next, upperBound(starts, end));
      const at = start + shift;
      const windowStart = Math.max(0, at - 1);
      const window = text.slice(windowStart, Math.min(text.length, at + inserted.length + 1));
      take(
        lineStartsOf(window, Math.max(1, at, last + 1) - windowStart, Math.min(text.length, at + inserted.length) - windowStart),
        windowStart,
      );
      shift += inserted.length - (end - start);
    }
    keepUpTo(Infinity);
    const all = new Uint32Array(Math.max(1, size));
    let at = 0;
    for (const run of runs) {
      all.set(run.from, at);
      if (run.shift !== 0) for (let i = at; i < at + run.from.length; i++) all[i] += run.shift;
      at += run.from.length;
    }
    // Line 0 starts at 0 whatever the edits (the first run holds it unless an edit began at 0).
    if (at > 0 && all[0] === 0) return new LineIndex(text, all);
    const withFirst = new Uint32Array(at + 1);
    withFirst.set(all.subarray(0, at), 1);
    return new LineIndex(text, withFirst);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0,
      high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // Between the halves of a `\r\n` pair is the end of the line's content, as LSP has it.
    const inPair = clamped > this.starts[low] && this.text.charCodeAt(clamped - 1) === CR;
    return { line: low, character: clamped - this.starts[low] - (inPair ? 1 : 0) };
  }

  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  /** The offset of a position that names a place in the text (no clamping), else undefined. */
  exactOffset(position: unknown): number | undefined {
    if (!isPosition(position) || position.line >= this.starts.length) return undefined;
    const at = this.starts[position.line] + position.character;
    return at <= this.lineEnd(position.line) ? at : undefined;
  }

  /**
   * The offset of a position on a line of the text; a character past the end of the line is the line's
   * end, as LSP reads it. Undefined for what is not a position, or lies past the last line.
   */
  offsetOnLine(position: unknown): number | undefined {
    if (!isPosition(position) || position.line >= this.starts.length) return undefined;
    return this.offset(position);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** Offset of the end of the line's content, before its line break ('\r\n', '\n' or '\r'). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === LF && next - 2 >= this.lineStart(line) && this.text.charCodeAt(next - 2) === CR
      ? next - 2
      : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Range of a whole line's content, for findings that belong to a line rather than a node. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

/** Index of the first element greater than `value` in a sorted list. */
function upperBound(list: ArrayLike<number>, value: number): number {
  let low = 0,
    high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Applies non-overlapping edits given in positions of `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  // From the last edit back; insertions at one place appear in the order they are given (as LSP has it), so the later goes first.
  const byOffset = edits
    .map((e, index) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText, index }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let out = text;
  let previousStart = Infinity;
  for (const edit of byOffset) {
    if (edit.end > previousStart) throw new Error('overlapping edits');
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    previousStart = edit.start;
  }
  return out;
}
