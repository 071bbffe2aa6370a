/**
 * A text kept as a list of chunks, so that an edit makes a new version by replacing the chunks it
 * touches instead of copying the whole text: a 30 MB manifest edited character by character must not
 * allocate 30 MB per keystroke. Versions are immutable and share their unchanged chunks.
 *
 * It reads like a string where the core reads text (`length`, `slice`, `charCodeAt`, `indexOf`);
 * `toString()` makes the whole string once, for the few readers that need it (a whole-text parse).
 */

/** The size chunks are cut to; an edit's chunk is re-cut when it grows past twice this. */
const CHUNK = 1 << 15;

export class Rope {
  private flat: string | undefined;

  /** `ends[i]` is the offset where chunk `i` ends. */
  private constructor(
    private readonly chunks: readonly string[],
    private readonly ends: Uint32Array,
    flat?: string,
  ) {
    this.flat = flat;
  }

  static of(text: string): Rope {
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));
    return new Rope(chunks, endsOf(chunks, 0, new Uint32Array(chunks.length)), text);
  }

  get length(): number {
    return this.ends.length ? this.ends[this.ends.length - 1] : 0;
  }

  /** The chunk found last: reads mostly go forward through the text, so the next one is usually in it or the one after. */
  private recent = 0;

  /** The chunk that holds `offset` (the last one for the end of the text). */
  private chunkAt(offset: number): number {
    const recent = this.recent;
    if (recent < this.ends.length && offset < this.ends[recent] && offset >= this.startOf(recent)) return recent;
    if (recent + 1 < this.ends.length && offset < this.ends[recent + 1] && offset >= this.ends[recent]) return (this.recent = recent + 1);
    return (this.recent = this.search(offset));
  }

  private search(offset: number): number {
    let low = 0,
      high = this.ends.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private startOf(chunk: number): number {
    return chunk > 0 ? this.ends[chunk - 1] : 0;
  }

  charCodeAt(index: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(index);
    if (index < 0 || index >= this.length) return NaN;
    const chunk = this.chunkAt(index);
    return this.chunks[chunk].charCodeAt(index - this.startOf(chunk));
  }

  slice(start = 0, end = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    const length = this.length;
    start = clamp(start < 0 ? length + start : start, length);
    end = clamp(end < 0 ? length + end : end, length);
    if (end <= start) return '';
    const first = this.chunkAt(start);
    const last = this.chunkAt(end - 1);
    if (first === last) return this.chunks[first].slice(start - this.startOf(first), end - this.startOf(first));
    const parts = [this.chunks[first].slice(start - this.startOf(first))];
    for (let i = first + 1; i < last; i++) parts.push(this.chunks[i]);
    parts.push(this.chunks[last].slice(0, end - this.startOf(last)));
    return parts.join('');
  }

  indexOf(search: string, from = 0): number {
    if (this.flat !== undefined) return this.flat.indexOf(search, from);
    from = Math.max(0, from);
    if (from >= this.length) return search === '' ? this.length : -1;
    for (let i = this.chunkAt(from); i < this.chunks.length; i++) {
      const start = this.startOf(i);
      const found = this.chunks[i].indexOf(search, Math.max(0, from - start));
      if (found !== -1) return start + found;
      // A match that starts in this chunk and ends in the next ones.
      if (search.length > 1) {
        const tailStart = Math.max(from, this.ends[i] - search.length + 1);
        const across = this.slice(tailStart, this.ends[i] + search.length - 1).indexOf(search);
        if (across !== -1) return tailStart + across;
      }
    }
    return -1;
  }

  /** The text with [start, end) replaced by `inserted`: a new version that shares every chunk the edit did not touch. */
  edit(start: number, end: number, inserted: string): Rope {
    if (this.chunks.length === 0) return Rope.of(inserted);
    const first = this.chunkAt(start);
    const last = Math.max(first, this.chunkAt(Math.max(start, end - 1)));
    const firstStart = this.startOf(first);
    const lastStart = this.startOf(last);
    let merged = this.chunks[first].slice(0, start - firstStart) + inserted + this.chunks[last].slice(end - lastStart);
    let from = first;
    let to = last + 1;
    // A chunk that shrank to little is joined to its neighbour, so that deletions do not fragment the text.
    if (merged.length < CHUNK / 4) {
      if (to < this.chunks.length) merged += this.chunks[to++];
      else if (from > 0) merged = this.chunks[--from] + merged;
    }
    const pieces: string[] = [];
    if (merged.length <= 2 * CHUNK) pieces.push(flatten(merged));
    else for (let at = 0; at < merged.length; at += CHUNK) pieces.push(flatten(merged.slice(at, at + CHUNK)));
    const chunks = [...this.chunks.slice(0, from), ...pieces, ...this.chunks.slice(to)].filter((c) => c.length > 0);
    const ends = new Uint32Array(chunks.length);
    ends.set(this.ends.subarray(0, from));
    return new Rope(chunks, endsOf(chunks, from, ends));
  }

  /** The whole text as one string, made once per version. */
  toString(): string {
    return (this.flat ??= this.chunks.join(''));
  }
}

/** Fills `ends` from chunk `from` on. */
function endsOf(chunks: readonly string[], from: number, ends: Uint32Array): Uint32Array {
  let at = from > 0 ? ends[from - 1] : 0;
  for (let i = from; i < chunks.length; i++) ends[i] = at += chunks[i].length;
  return ends;
}

const clamp = (n: number, length: number) => Math.max(0, Math.min(n, length));

/**
 * A string of its own: joined pieces and slices otherwise refer to the strings they were made from,
 * and a chunk must not keep an old version's chunks alive.
 */
function flatten(text: string): string {
  return ` ${text}`.slice(1);
}
