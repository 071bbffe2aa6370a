// The manifest around a position, read from the text lines and their indentation. Completion runs while the
// user types, when the YAML is often invalid, so it cannot wait for a parse; hover reads the same way. Nothing
// here knows the schema or the model: lines, list markers, keys, scalars, flow lists and comments.
import type { CheckResult } from '../core/check';
import type { LineIndex } from '../core/text';

/** One line as indentation sees it: list markers, then a key or a scalar; a trailing comment cut off. */
export interface LineShape {
  text: string;
  /** Columns of the `- ` list markers that open the line. */
  dashes: number[];
  /** Column of the content after the indentation and the markers. */
  body: number;
  /** `key:` at `body`: its name (quotes removed) and the columns of the key as written. */
  key?: { name: string; start: number; end: number };
  /** Column of the value: after `key:` and its spaces, or `body` for a scalar list item. */
  valueStart: number;
  /** Column where a comment begins, or the line's length. */
  comment: number;
  /** Column after the last character of content (before the comment and trailing spaces). */
  end: number;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|((?:[^\s#'"[\]{},:&*!|>%@`-]|-(?=\S))(?:[^:]|:(?=\S))*?))[ \t]*:(?=[ \t]|$)/;

/** Where a comment starts on a line (a `#` after a space, outside quotes), or the line's length. */
function commentStart(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
    if ((ch === '"' || ch === "'") && (i === from || /[\s[{,:]/.test(text[i - 1]))) quote = ch;
  }
  return text.length;
}

export function shapeOf(text: string): LineShape {
  let i = 0;
  while (text[i] === ' ') i++;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  const body = i;
  const comment = commentStart(text, body);
  let end = comment;
  while (end > body && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const shape: LineShape = { text, dashes, body, valueStart: body, comment, end };
  const m = KEY.exec(text.slice(body, end));
  if (m) {
    const written = m[1] !== undefined ? m[1].length + 2 : m[2] !== undefined ? m[2].length + 2 : m[3].length;
    const name = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3];
    shape.key = { name, start: body, end: body + written };
    let v = body + m[0].length;
    while (text[v] === ' ' || text[v] === '\t') v++;
    shape.valueStart = v;
  }
  return shape;
}

export const hasContent = (s: LineShape) => s.dashes.length > 0 || s.end > s.body;
/** Column of the first thing on a line with content: its first list marker, or its key or scalar. */
const firstColumn = (s: LineShape) => s.dashes[0] ?? s.body;

/** The written text of a scalar value, quotes removed. */
function unquote(raw: string): string {
  const t = raw.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}

/** A structural point of a line: a list marker, or a key. */
export interface Point {
  kind: 'key' | '-';
  line: number;
  col: number;
  name?: string;
}

/** A `partners:` or `customers:` block list: the line of its key and the last line of its entries. */
export interface ListSection {
  headerLine: number;
  endLine: number;
}

/** The entry lists of a text without YAML errors (with errors, their extent is not known for sure). */
export function listSections(result: CheckResult): ListSection[] {
  if (result.parsed.syntaxProblems.length) return [];
  const lines = result.parsed.lines;
  // A list's end is often the start of the line after it: its last character is what counts.
  return result
    .sections()
    .map((s) => ({ headerLine: lines.position(s.key0).line, endLine: lines.position(Math.max(s.key1, s.end - 1)).line }));
}

/** The lines of a checked text, with its entry lists to jump over. */
export function linesOf(result: CheckResult): Lines {
  return new Lines(result.parsed.lines, listSections(result));
}

/** The lines of one checked text, shaped on demand. */
export class Lines {
  private readonly shapes = new Map<number, LineShape>();
  /** Column of the list markers of each section's entries, found when first needed. */
  private readonly entryColumns = new Map<ListSection, number>();

  constructor(
    readonly index: LineIndex,
    private readonly sections: readonly ListSection[] = [],
  ) {}

  /**
   * The line of the list key above `line` when nothing in between can hold a node at `at`: every line of
   * a list's entries sits at or right of its markers, so a parent left of them is the list's key. This
   * spares a walk over every entry above the cursor (a hundred thousand lines in a large manifest).
   */
  private listKeyAbove(line: number, at: { col: number }): number | undefined {
    for (const section of this.sections) {
      if (line <= section.headerLine || line > section.endLine) continue;
      let column = this.entryColumns.get(section);
      if (column === undefined) {
        column = -1;
        for (let l = section.headerLine + 1; l <= section.endLine && column < 0; l++)
          if (hasContent(this.shape(l))) column = this.shape(l).dashes[0] ?? -1;
        this.entryColumns.set(section, column);
      }
      return column >= 0 && at.col <= column ? section.headerLine : undefined;
    }
    return undefined;
  }

  get count(): number {
    return this.index.lineCount;
  }

  shape(line: number): LineShape {
    let shape = this.shapes.get(line);
    if (!shape) {
      shape = shapeOf(this.index.lineText(line));
      this.shapes.set(line, shape);
    }
    return shape;
  }

  /** Spaces before the line's first character; -1 for a blank line. */
  indent(line: number): number {
    const text = this.index.text;
    const start = this.index.lineStart(line);
    const end = this.index.lineEnd(line);
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    return i === end ? -1 : i - start;
  }

  points(line: number): Point[] {
    const s = this.shape(line);
    const points: Point[] = s.dashes.map((col) => ({ kind: '-', line, col }));
    if (s.key) points.push({ kind: 'key', line, col: s.key.start, name: s.key.name });
    return points;
  }

  /**
   * The mapping key or list marker that holds the node at `at`: the nearest point above it with a
   * smaller indent. A list may sit at its key's own indent (`providers:` then `- a` below it).
   */
  parentOf(at: { line: number; col: number; kind: 'key' | '-' }): Point | undefined {
    const same = this.points(at.line).filter((p) => p.col < at.col);
    if (same.length) return same[same.length - 1];
    for (let line = at.line - 1; line >= 0; line--) {
      const listKey = this.listKeyAbove(line, at);
      if (listKey !== undefined) line = listKey;
      // Every point of a line sits at or after its indentation: most lines are skipped unread.
      const indent = this.indent(line);
      if (indent < 0 || indent > at.col || (indent === at.col && at.kind !== '-')) continue;
      const points = this.points(line);
      for (let k = points.length - 1; k >= 0; k--) {
        const p = points[k];
        if (p.col < at.col || (at.kind === '-' && p.kind === 'key' && p.col === at.col)) return p;
      }
    }
    return undefined;
  }

  /** Keys and list markers from the root down to the node at `at` (excluded); undefined when too deep to mean anything. */
  chainOf(at: { line: number; col: number; kind: 'key' | '-' }): Point[] | undefined {
    const chain: Point[] = [];
    let current = at;
    for (let depth = 0; ; depth++) {
      const parent = this.parentOf(current);
      if (!parent) return chain;
      if (depth >= MAX_DEPTH) return undefined;
      chain.unshift(parent);
      current = parent;
    }
  }

  /** Keys already written in the mapping whose keys sit at column `col` around `line` (that line excluded). */
  siblingKeys(line: number, col: number, parentOnLine: boolean): Set<string> {
    return new Set(this.siblingKeyLines(line, col, parentOnLine).map((k) => k.name));
  }

  /** As `siblingKeys`, with the line of each key, in text order. */
  siblingKeyLines(line: number, col: number, parentOnLine: boolean): { name: string; line: number }[] {
    const above: { name: string; line: number }[] = [];
    const below: { name: string; line: number }[] = [];
    if (!parentOnLine) {
      for (let l = line - 1; l >= 0; l--) {
        const s = this.shape(l);
        if (!hasContent(s)) continue;
        if (s.key?.start === col) above.push({ name: s.key.name, line: l });
        if (firstColumn(s) < col) break;
      }
    }
    for (let l = line + 1; l < this.count; l++) {
      const s = this.shape(l);
      if (!hasContent(s)) continue;
      if (firstColumn(s) < col) break;
      if (s.key?.start === col && s.dashes.length === 0) below.push({ name: s.key.name, line: l });
    }
    return [...above.reverse(), ...below];
  }

  /** The scalar items of the block list whose markers sit at `dashCol` around `line` (that line excluded). */
  listItems(line: number, dashCol: number): string[] {
    const items: string[] = [];
    const scan = (from: number, step: number) => {
      for (let l = from; l >= 0 && l < this.count; l += step) {
        const s = this.shape(l);
        if (!hasContent(s)) continue;
        const first = firstColumn(s);
        if (first > dashCol) continue;
        if (first < dashCol || s.dashes[0] !== dashCol) break;
        if (s.dashes.length === 1 && !s.key && s.end > s.body) items.push(unquote(s.text.slice(s.body, s.end)));
      }
    };
    scan(line - 1, -1);
    scan(line + 1, 1);
    return items;
  }

  /** The scalar values of the mapping that a list marker opens (a partner's or a customer's fields). */
  entryFields(dash: Point): Map<string, string> {
    const fields = new Map<string, string>();
    let keyCol: number | undefined;
    for (let l = dash.line; l < this.count; l++) {
      const s = this.shape(l);
      if (l === dash.line) {
        if (s.key && s.dashes[s.dashes.length - 1] === dash.col) keyCol = s.key.start;
        else continue;
      } else {
        if (!hasContent(s)) continue;
        if (firstColumn(s) <= dash.col) break;
        if (s.dashes.length > 0 || !s.key) continue;
        keyCol ??= s.key.start;
        if (s.key.start !== keyCol) continue;
      }
      if (s.key && !fields.has(s.key.name)) fields.set(s.key.name, unquote(s.text.slice(s.valueStart, s.end)));
    }
    return fields;
  }
}

/** Deeper than this, a position is nowhere in a manifest (whose deepest value is a subscription's list). */
const MAX_DEPTH = 12;

/** True when `character` sits inside a comment of the line. */
export function inComment(shape: LineShape, character: number): boolean {
  const comment = commentStart(shape.text, 0);
  return character > comment;
}

/** The scalar being typed from `start`: plain or quoted; undefined when the cursor is not in it. */
export function scalarAt(
  text: string,
  start: number,
  end: number,
  character: number,
): { start: number; end: number; partial: string } | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    if (character <= start) return undefined;
    const close = text.indexOf(quote, start + 1);
    const last = close < 0 ? Math.max(end, character) : close;
    if (character > last) return undefined;
    return { start: start + 1, end: last, partial: text.slice(start + 1, character) };
  }
  return { start, end: Math.max(end, character), partial: text.slice(start, character) };
}

/** The item of a one-line flow list (`[a, b]`) under the cursor, and the other items of that list. */
export function flowItemAt(
  text: string,
  open: number,
  end: number,
  character: number,
): { start: number; end: number; partial: string; others: string[] } | undefined {
  if (character <= open) return undefined;
  const segments: [number, number][] = [];
  let segmentStart = open + 1;
  let close = -1;
  let quote = '';
  for (let i = open + 1; i < end; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      segments.push([segmentStart, i]);
      segmentStart = i + 1;
    } else if (ch === ']') {
      close = i;
      break;
    }
  }
  segments.push([segmentStart, close < 0 ? Math.max(end, character) : close]);
  if (close >= 0 && character > close) return undefined;
  const current = segments.find(([s, e]) => character >= s && character <= e);
  if (!current) return undefined;
  const others = segments
    .filter((s) => s !== current)
    .map(([s, e]) => unquote(text.slice(s, e)))
    .filter((v) => v !== '');
  let start = current[0];
  while (start < current[1] && text[start] === ' ') start++;
  if (character < start) return { start: character, end: character, partial: '', others };
  let tokenEnd = current[1];
  while (tokenEnd > start && text[tokenEnd - 1] === ' ') tokenEnd--;
  if (text[start] === '"' || text[start] === "'") {
    const quoteChar = text[start];
    start++;
    const closeQuote = text.indexOf(quoteChar, start);
    if (closeQuote >= 0 && closeQuote < tokenEnd) tokenEnd = closeQuote;
  }
  if (character < start) return undefined;
  return { start, end: Math.max(tokenEnd, character), partial: text.slice(start, character), others };
}
