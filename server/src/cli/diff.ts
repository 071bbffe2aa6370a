/**
 * A unified diff of two texts, for `check --fix-dry-run`. Lines are matched by patience diff: lines that
 * occur once on each side anchor the match (ids and names make most manifest lines unique), and the short
 * stretches between anchors are matched by a longest common subsequence. Fast enough for manifests of
 * tens of megabytes with thousands of fixed lines.
 */

/** A run of lines both texts have (`equal`), or that only the old (`delete`) or the new (`insert`) has. */
export interface Op {
  kind: 'equal' | 'delete' | 'insert';
  /** Where the run starts in the old text and in the new one, as line indexes. */
  a: number;
  b: number;
  count: number;
}

/**
 * Lines with their line breaks, so that a changed line break (or a missing last one) shows. Split at `\n`
 * as `diff` and `patch` do: a `\r` before it stays part of the line, and a lone `\r` does not end one.
 */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A stretch with no line unique on both sides is matched cell by cell up to this size, else shown replaced. */
const MAX_LCS_CELLS = 4_000_000;
/** Anchors within anchors this deep at most; past it, stretches are matched cell by cell. */
const MAX_DEPTH = 64;

export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  const push = (kind: Op['kind'], at: number, bAt: number, count: number) => {
    if (count <= 0) return;
    const last = ops[ops.length - 1];
    if (
      last?.kind === kind &&
      last.a + (kind === 'insert' ? 0 : last.count) === at &&
      last.b + (kind === 'delete' ? 0 : last.count) === bAt
    )
      last.count += count;
    else ops.push({ kind, a: at, b: bAt, count });
  };
  const match = (aLo: number, aHi: number, bLo: number, bHi: number, depth: number): void => {
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
    let suffix = 0;
    while (aHi - suffix > aLo + prefix && bHi - suffix > bLo + prefix && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
    push('equal', aLo, bLo, prefix);
    const [from, to, bFrom, bTo] = [aLo + prefix, aHi - suffix, bLo + prefix, bHi - suffix];
    const anchors = from < to && bFrom < bTo && depth < MAX_DEPTH ? uniqueAnchors(a, from, to, b, bFrom, bTo) : [];
    if (anchors.length) {
      let [i, j] = [from, bFrom];
      for (const [ai, bj] of anchors) {
        match(i, ai, j, bj, depth + 1);
        push('equal', ai, bj, 1);
        [i, j] = [ai + 1, bj + 1];
      }
      match(i, to, j, bTo, depth + 1);
    } else commonSubsequence(a, from, to, b, bFrom, bTo, push);
    push('equal', to, bTo, suffix);
  };
  match(0, a.length, 0, b.length, 0);
  return ops;
}

/**
 * Pairs of lines that occur exactly once in each stretch, in an order both sides agree on (the longest
 * increasing run of their new positions, by patience sorting).
 */
function uniqueAnchors(a: readonly string[], aLo: number, aHi: number, b: readonly string[], bLo: number, bHi: number): [number, number][] {
  const seen = new Map<string, { inA: number; inB: number; at: number; bAt: number }>();
  for (let i = aLo; i < aHi; i++) {
    const entry = seen.get(a[i]);
    if (entry) entry.inA++;
    else seen.set(a[i], { inA: 1, inB: 0, at: i, bAt: -1 });
  }
  for (let j = bLo; j < bHi; j++) {
    const entry = seen.get(b[j]);
    if (!entry) continue;
    entry.inB++;
    entry.bAt = j;
  }
  const pairs: [number, number][] = [];
  for (const entry of seen.values()) if (entry.inA === 1 && entry.inB === 1) pairs.push([entry.at, entry.bAt]);
  pairs.sort((x, y) => x[0] - y[0]);
  // Patience sorting: `tops[k]` ends the best run of length k + 1 found so far; `previous` links each pair back.
  const tops: number[] = [];
  const previous: number[] = [];
  for (let n = 0; n < pairs.length; n++) {
    let [low, high] = [0, tops.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tops[middle]][1] < pairs[n][1]) low = middle + 1;
      else high = middle;
    }
    previous[n] = low > 0 ? tops[low - 1] : -1;
    tops[low] = n;
  }
  const run: [number, number][] = [];
  for (let n = tops.length ? tops[tops.length - 1] : -1; n >= 0; n = previous[n]) run.push(pairs[n]);
  return run.reverse();
}

/** A longest common subsequence of two short stretches, as equal, deleted and inserted runs. */
function commonSubsequence(
  a: readonly string[],
  aLo: number,
  aHi: number,
  b: readonly string[],
  bLo: number,
  bHi: number,
  push: (kind: Op['kind'], at: number, bAt: number, count: number) => void,
): void {
  const [n, m] = [aHi - aLo, bHi - bLo];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    push('delete', aLo, bLo, n);
    push('insert', aHi, bLo, m);
    return;
  }
  // `rest[i * (m + 1) + j]`: the length of a longest common subsequence of a[aLo + i..] and b[bLo + j..].
  const width = m + 1;
  const rest = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      rest[i * width + j] =
        a[aLo + i] === b[bLo + j] ? rest[(i + 1) * width + j + 1] + 1 : Math.max(rest[(i + 1) * width + j], rest[i * width + j + 1]);
  let [i, j] = [0, 0];
  while (i < n || j < m) {
    if (i < n && j < m && a[aLo + i] === b[bLo + j]) push('equal', aLo + i++, bLo + j++, 1);
    else if (j === m || (i < n && rest[(i + 1) * width + j] >= rest[i * width + j + 1])) push('delete', aLo + i++, bLo + j, 1);
    else push('insert', aLo + i, bLo + j++, 1);
  }
}

/** Lines of unchanged text shown around each change. */
const CONTEXT = 3;

/** The unified diff of `before` and `after` under the name `file`; empty when they are the same. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = linesOf(before),
    b = linesOf(after);
  const ops = diffLines(a, b);
  const out = [`--- ${file}\n`, `+++ ${file}\n`];
  // Hunks: changes with at most twice the context between them share one.
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === 'equal') {
      k++;
      continue;
    }
    let end = k;
    for (let next = k + 1; next < ops.length; next++) {
      if (ops[next].kind !== 'equal') end = next;
      else if (ops[next].count > 2 * CONTEXT || next + 1 === ops.length) break;
    }
    const before = k > 0 ? Math.min(CONTEXT, ops[k - 1].count) : 0;
    const after = end + 1 < ops.length ? Math.min(CONTEXT, ops[end + 1].count) : 0;
    const [first, last] = [ops[k], ops[end]];
    const [aFrom, bFrom] = [first.a - before, first.b - before];
    const aTo = (last.kind === 'insert' ? last.a : last.a + last.count) + after;
    const bTo = (last.kind === 'delete' ? last.b : last.b + last.count) + after;
    out.push(`@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bTo - bFrom)} @@\n`);
    for (let i = aFrom; i < first.a; i++) out.push(line(' ', a[i]));
    for (const op of ops.slice(k, end + 1))
      for (let i = 0; i < op.count; i++)
        out.push(op.kind === 'equal' ? line(' ', a[op.a + i]) : op.kind === 'delete' ? line('-', a[op.a + i]) : line('+', b[op.b + i]));
    for (let i = aTo - after; i < aTo; i++) out.push(line(' ', a[i]));
    k = end + 1;
  }
  return out.join('');
}

/** `start,count` as unified diffs write it: 1-based, and an empty range names the line before it. */
function range(start: number, count: number): string {
  return count === 0 ? `${start},0` : `${start + 1},${count}`;
}

/** One diff line: the marker, the line as written, and a note when the text ends without a line break. */
function line(marker: string, text: string): string {
  return text.endsWith('\n') ? `${marker}${text}` : `${marker}${text}\n\\ No newline at end of file\n`;
}
