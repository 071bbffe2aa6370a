/**
 * The text of a manifest as its top-level pieces, so that an edit re-parses only the pieces it touches.
 *
 * A piece (segment) is one of: the prelude (comments and a leading `---` before the first key), a
 * top-level `key: value` pair, the header line of the `partners`/`customers` list, or one entry of such
 * a block list. Segments cover the text without gaps; trailing comments and blank lines belong to the
 * segment before them. Only text whose top level is this plain is segmented; anything else (flow
 * lists at the top, quoted or complex keys, several documents, tab indentation, lone `\r` line breaks,
 * a `---` after the first key) returns undefined and is parsed whole, where the `yaml` package alone
 * knows what it means.
 */

import type { TextLike } from './text';

export type ListName = 'partners' | 'customers';

export type SegmentKind = 'prelude' | 'pair' | 'header' | 'entry';

export interface Segment {
  kind: SegmentKind;
  /** Offset of the segment's first character; moves when text before it is edited. */
  start: number;
  end: number;
  /** The top-level key of a pair or header. */
  key?: string;
  /** The list an entry belongs to (and, for a header, the list it opens). */
  list?: ListName;
  /** Column of the entry's `-` (every entry of one list has the same). */
  indent?: number;
}

/** What the scanner expects at a segment boundary: it follows from the segment before. */
interface ScanState {
  kind: 'start' | 'top' | 'list';
  list?: ListName;
  indent?: number;
}

const START: ScanState = { kind: 'start' };

function stateAfter(segment: Segment | undefined): ScanState {
  if (!segment || segment.kind === 'prelude') return START;
  if (segment.kind === 'pair') return { kind: 'top' };
  return { kind: 'list', list: segment.list, indent: segment.indent };
}

const sameState = (a: ScanState, b: ScanState) => a.kind === b.kind && a.list === b.list && a.indent === b.indent;

/** A plain top-level key followed by `:` and a space or the end of the line. */
const KEY_LINE = /^([A-Za-z0-9_$][A-Za-z0-9_$.-]*) *:(?=[ ]|$)/;
const LIST_HEADER = /^(partners|customers) *:[ ]*(#.*)?$/;
const DOCUMENT_START = /^---[ ]*(#.*)?$/;

class Unsegmentable extends Error {}

/** The scan reached text that a later edit of the same batch changes (see `resegment`'s `limit`). */
class Overrun extends Error {}

interface Line {
  start: number;
  end: number;
  next: number;
  indent: number;
  blank: boolean;
  comment: boolean;
  text: string;
}

function readLine(text: TextLike, start: number): Line {
  const newline = text.indexOf('\n', start);
  const next = newline === -1 ? text.length : newline + 1;
  let end = newline === -1 ? text.length : newline;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  const body = text.slice(start, end);
  // A lone carriage return is a line break to some readers and not to others: leave such text whole.
  if (body.includes('\r')) throw new Unsegmentable();
  let indent = 0;
  while (indent < body.length && body.charCodeAt(indent) === 32) indent++;
  if (body.charCodeAt(indent) === 9) throw new Unsegmentable(); // a tab in the indentation is a YAML error
  const rest = body.slice(indent);
  return { start, end, next, indent, blank: rest.trim() === '', comment: rest.startsWith('#'), text: body };
}

const isDash = (line: Line, indent: number) =>
  line.indent === indent &&
  line.text.charCodeAt(indent) === 45 /* - */ &&
  (line.text.length === indent + 1 || line.text[indent + 1] === ' ');

/**
 * Scans lines from `from` in `state`, emitting segments. `stopAt(boundary, state)` is asked at every
 * segment boundary after the first segment and ends the scan when it returns true. `from` must be
 * the first line of a segment (or 0).
 */
function scan(
  text: TextLike,
  from: number,
  state: ScanState,
  stopAt: (boundary: number, state: ScanState) => boolean,
  limit = Infinity,
): Segment[] {
  const segments: Segment[] = [];
  let open: Segment | undefined;
  // A header whose first content line decides whether it opens a block list or is a plain pair.
  let pendingHeader: Segment | undefined;
  /** Closes the open segment at `next.start` and opens `next`; true when the scan should stop there. */
  const begin = (next: Segment): boolean => {
    if (open) {
      open.end = next.start;
      segments.push(open);
      if (stopAt(next.start, stateAfter(open))) {
        open = undefined;
        return true;
      }
    }
    open = next;
    return false;
  };
  for (let at = from; at < text.length;) {
    const line = readLine(text, at);
    if (line.next > limit) throw new Overrun();
    const here = at;
    at = line.next;
    if (line.blank || line.comment) {
      if (!open) {
        if (state.kind !== 'start') throw new Unsegmentable();
        open = { kind: 'prelude', start: here, end: here };
      }
      continue;
    }
    if (pendingHeader) {
      const header = pendingHeader;
      pendingHeader = undefined;
      if (isDash(line, line.indent)) {
        header.indent = line.indent;
        state = stateAfter(header);
        if (begin({ kind: 'entry', start: here, end: here, list: header.list, indent: line.indent })) return segments;
        continue;
      }
      // Anything else under the header makes it an ordinary pair: a mapping, a scalar, or an empty value.
      toPair(header);
      state = { kind: 'top' };
      if (line.indent > 0) continue;
    }
    if (state.kind === 'list') {
      const indent = state.indent!;
      if (line.indent > indent) {
        if (!open) throw new Unsegmentable();
        continue;
      }
      if (isDash(line, indent)) {
        if (begin({ kind: 'entry', start: here, end: here, list: state.list, indent })) return segments;
        continue;
      }
      if (line.indent !== 0) throw new Unsegmentable();
      state = { kind: 'top' };
    }
    if (line.indent > 0) {
      // Content indented under a pair continues it; before any key it is not plain top-level text.
      if (state.kind === 'top' && open) continue;
      throw new Unsegmentable();
    }
    if (state.kind === 'start' && DOCUMENT_START.test(line.text)) {
      open ??= { kind: 'prelude', start: here, end: here };
      continue;
    }
    const key = KEY_LINE.exec(line.text);
    if (!key) throw new Unsegmentable();
    const header = LIST_HEADER.exec(line.text);
    const next: Segment = header
      ? { kind: 'header', start: here, end: here, key: key[1], list: header[1] as ListName }
      : { kind: 'pair', start: here, end: here, key: key[1] };
    if (begin(next)) return segments;
    state = { kind: 'top' };
    if (header) pendingHeader = next;
  }
  if (pendingHeader) toPair(pendingHeader);
  if (open) {
    open.end = text.length;
    segments.push(open);
  }
  return segments;
}

function toPair(header: Segment): void {
  header.kind = 'pair';
  delete header.list;
}

/** The segments of a whole text, or undefined when its top level is not plain enough to segment. */
export function segment(text: TextLike): Segment[] | undefined {
  try {
    const segments = scan(text, 0, START, () => false);
    return validTopLevel(segments) ? segments : undefined;
  } catch (error) {
    if (error instanceof Unsegmentable) return undefined;
    throw error;
  }
}

/**
 * `segment` in slices, for a large text read while other work waits: at a segment boundary where `due()`
 * says a slice is over, the scan stops, `pause()` is awaited, and the scan resumes there in the state
 * the segment before it leaves. The result is `segment(text)`'s.
 */
export async function segmentInSlices(text: TextLike, due: () => boolean, pause: () => Promise<void>): Promise<Segment[] | undefined> {
  const segments: Segment[] = [];
  let from = 0;
  let state = START;
  try {
    for (;;) {
      let stopped = false;
      for (const s of scan(text, from, state, () => (stopped = due()))) segments.push(s);
      if (!stopped) break;
      const last = segments[segments.length - 1];
      from = last.end;
      state = stateAfter(last);
      await pause();
    }
  } catch (error) {
    if (error instanceof Unsegmentable) return undefined;
    throw error;
  }
  return validTopLevel(segments) ? segments : undefined;
}

/** One key twice at the top level is a YAML error, and a text without any key is no manifest: parse those whole. */
function validTopLevel(segments: readonly Segment[]): boolean {
  const keys = new Set<string>();
  for (const s of segments) {
    if (s.key === undefined) continue;
    if (keys.has(s.key)) return false;
    keys.add(s.key);
  }
  return keys.size > 0;
}

/** An edit in the coordinates of the text before it: [start, end) replaced by `length` characters. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

export interface Resegmented {
  segments: Segment[];
  /** Segments of the old list that are gone (their parse results can be dropped). */
  removed: Segment[];
  /** New segments (to be parsed). */
  added: Segment[];
}

/**
 * The segments of `text` after `edit`, reusing every old segment the edit cannot have changed: the scan
 * restarts at the segment before the edit and stops at the first boundary past it where the old
 * segmentation resumes in the same state. Segments after that move by the edit's length difference. `old` is
 * updated in place (and returned as `segments`) unless the result is undefined or 'overrun'.
 * Undefined when the new text cannot be segmented. In a batch of edits applied at once to `text`, only
 * the text before `limit` (where the next edit starts) is as this edit left it: a scan that would read
 * past it returns 'overrun' (and changes nothing), and the caller takes the two edits as one.
 */
export function resegment(old: Segment[], text: TextLike, edit: Edit, limit = Infinity): Resegmented | undefined | 'overrun' {
  const delta = edit.length - (edit.end - edit.start);
  // The first segment that reaches the edit (or ends where it starts: an insertion there may extend it).
  let first = lowerBound(old, (s) => s.end >= edit.start);
  if (first >= old.length) first = old.length - 1;
  if (first > 0) first--; // the segment before decides the state, and a deleted `-` merges into it
  const from = Math.max(0, old[first]?.start ?? 0);
  const editEnd = edit.start + edit.length;
  let next = lowerBound(old, (s) => s.start >= edit.end && s.start + delta > editEnd);
  let resumeAt = -1;
  const stopAt = (boundary: number, state: ScanState): boolean => {
    if (boundary <= editEnd) return false;
    while (next < old.length && old[next].start + delta < boundary) next++;
    if (next < old.length && old[next].start + delta === boundary && sameState(state, stateAfter(old[next - 1]))) {
      resumeAt = next;
      return true;
    }
    return false;
  };
  try {
    const scanned = scan(text, from, stateAfter(old[first - 1]), stopAt, limit);
    const upTo = resumeAt >= 0 ? resumeAt : old.length;
    const replaced = old.slice(first, upTo);
    // The old segments had distinct top-level keys: only an edit that adds or removes a key can change that.
    const keyed = (s: Segment) => s.key !== undefined;
    if ((replaced.some(keyed) || scanned.some(keyed)) && !validTopLevel([...old.slice(0, first), ...scanned, ...old.slice(upTo)]))
      return undefined;
    for (let i = upTo; i < old.length; i++) {
      old[i].start += delta;
      old[i].end += delta;
    }
    // A scanned segment identical to a replaced one (an edit that only touched its neighbour) keeps its parse.
    const byNewStart = new Map<number, Segment>();
    for (const r of replaced) {
      if (r.end <= edit.start) byNewStart.set(r.start, r);
      else if (r.start >= edit.end) byNewStart.set(r.start + delta, r);
    }
    const added: Segment[] = [];
    const reused = new Set<Segment>();
    const kept = scanned.map((s) => {
      const same = byNewStart.get(s.start);
      if (same && unchangedBy(same, s, edit, delta)) {
        same.start = s.start;
        same.end = s.end;
        reused.add(same);
        return same;
      }
      added.push(s);
      return s;
    });
    // In place: a copy of tens of thousands of segments per keystroke would cost more than the edit (a
    // very long run of new segments is joined by copying instead, as spread arguments have a limit).
    const segments = kept.length < 10_000 ? old : old.slice(0, first).concat(kept, old.slice(upTo));
    if (segments === old) old.splice(first, upTo - first, ...kept);
    return { segments, removed: replaced.filter((r) => !reused.has(r)), added };
  } catch (error) {
    if (error instanceof Unsegmentable) return undefined;
    if (error instanceof Overrun) return 'overrun';
    throw error;
  }
}

/**
 * The segments of `text` after many `edits` at once (ascending, apart, in the old text's offsets): the
 * text is cut afresh, and each old segment whose text no edit touched is kept in place of the new one
 * it became, so that only the others are parsed again. One pass, where re-cutting edit by edit would
 * move every later segment once per edit (fix-all applies hundreds of edits to a large manifest).
 */
export function recut(old: readonly Segment[], text: TextLike, edits: readonly Edit[]): Resegmented | undefined {
  const fresh = segment(text);
  if (!fresh) return undefined;
  const byStart = new Map<number, number>();
  fresh.forEach((s, i) => byStart.set(s.start, i));
  const removed: Segment[] = [];
  const reused = new Set<Segment>();
  let e = 0;
  let shift = 0;
  for (const s of old) {
    // Edits wholly before the segment move it; one that reaches into it (or inserts inside it) changes its text.
    while (e < edits.length && edits[e].end <= s.start) {
      shift += edits[e].length - (edits[e].end - edits[e].start);
      e++;
    }
    let touched = false;
    for (let k = e; k < edits.length && edits[k].start < s.end && !touched; k++) {
      touched = edits[k].end > s.start || (edits[k].start === edits[k].end && edits[k].start > s.start);
    }
    const at = touched ? undefined : byStart.get(s.start + shift);
    const same = at === undefined ? undefined : fresh[at];
    if (
      same &&
      same.end === s.end + shift &&
      same.kind === s.kind &&
      same.key === s.key &&
      same.list === s.list &&
      same.indent === s.indent
    ) {
      s.start = same.start;
      s.end = same.end;
      fresh[at!] = s;
      reused.add(s);
    } else {
      removed.push(s);
    }
  }
  return { segments: fresh, removed, added: fresh.filter((s) => !reused.has(s)) };
}

/** The old segment `r` became `s` without its text changing: it lies wholly before or after the edit. */
function unchangedBy(r: Segment, s: Segment, edit: Edit, delta: number): boolean {
  if (r.kind !== s.kind || r.key !== s.key || r.list !== s.list || r.indent !== s.indent) return false;
  if (r.end <= edit.start) return r.start === s.start && r.end === s.end && s.end <= edit.start;
  if (r.start >= edit.end) return r.start + delta === s.start && r.end + delta === s.end;
  return false;
}

/** Index of the first segment for which `test` holds (segments are in text order and `test` is monotone). */
function lowerBound(segments: readonly Segment[], test: (s: Segment) => boolean): number {
  let low = 0,
    high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(segments[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}
