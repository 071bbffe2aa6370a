/**
 * How deep a text nests, found before the `yaml` parser sees it. The parser recurses once per level and
 * runs out of stack somewhere past a thousand levels, at a depth that depends on how deep the caller's
 * stack already is: the same text would read differently from one call to the next. A text nested
 * deeper than `MAX_NESTING` is therefore not parsed at all, and says so in one finding.
 *
 * The count is made line by line, without recursion: open block levels (a line indented further than
 * the one before, each `- ` list marker) plus open flow brackets. It may count a level that YAML would
 * not (it does not know every rule of the language), never fewer than the parser will recurse for.
 */

/** A manifest needs about six levels; past this many, a text is nested too deeply to read. */
export const MAX_NESTING = 400;

const SPACE = 32, TAB = 9, LF = 10, CR = 13, DASH = 45, HASH = 35, BACKSLASH = 92;
const DOUBLE = 34, SINGLE = 39, OPEN_SEQ = 91, OPEN_MAP = 123, CLOSE_SEQ = 93, CLOSE_MAP = 125;
/** Characters after which a quote opens a scalar: `:` `-` `[` `{` `,` `?`. */
const BEFORE_SCALAR = new Set([58, 45, 91, 123, 44, 63]);
const BLOCK_SCALAR_HEADER = /[|>][-+0-9]*[ \t]*(#.*)?$/;

/**
 * The offset where the nesting of `text` first goes past `limit` levels, or -1. `openLevels` holds the
 * columns of the block levels open where `text` starts (a list entry read on its own starts under its
 * list's key, at column 0).
 */
export function tooDeepAt(text: string, limit = MAX_NESTING, openLevels: readonly number[] = []): number {
  const levels = [...openLevels];
  let flow = 0;
  let quote = 0; // the open quote character, 0 outside quotes
  /** While set: lines indented more than this are the content of a block scalar (`|` or `>`). */
  let blockScalar = -1;
  for (let at = 0; at < text.length;) {
    // Lines end at `\n`, `\r\n` or a lone `\r`.
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    const next = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    let i = at;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - at;
    const blank = i === end || text.charCodeAt(i) === HASH;
    if (blockScalar >= 0 && (blank || indent > blockScalar)) { at = next; continue; }
    blockScalar = -1;
    if (quote === 0 && flow === 0 && !blank) {
      while (levels.length && levels[levels.length - 1] >= indent) levels.pop();
      levels.push(indent);
      while (text.charCodeAt(i) === DASH && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) {
        i++;
        while (text.charCodeAt(i) === SPACE) i++;
        levels.push(i - at);
      }
      if (levels.length > limit) return at + indent;
    }
    const lineStart = i;
    let last = 0; // the last character of content before `i`, outside quotes and comments
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (quote === DOUBLE && c === BACKSLASH) i++;
        else if (c === quote && quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) i++;
        else if (c === quote) { quote = 0; last = c; }
        continue;
      }
      if (c === HASH && (i === at || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
      // A quote opens a scalar only where a scalar may start: an apostrophe inside `O'Brien` is a letter.
      if ((c === DOUBLE || c === SINGLE) && (i === lineStart || BEFORE_SCALAR.has(last))) { quote = c; continue; }
      if (c === OPEN_SEQ || c === OPEN_MAP) {
        flow++;
        if (levels.length + flow > limit) return i;
      } else if ((c === CLOSE_SEQ || c === CLOSE_MAP) && flow > 0) {
        flow--;
      }
      if (c !== SPACE && c !== TAB) last = c;
    }
    // A `|` or `>` (with its indicators) ending a line opens a block scalar on the lines below.
    if (quote === 0 && flow === 0 && BLOCK_SCALAR_HEADER.test(text.slice(Math.max(at, end - 12), end))) blockScalar = indent;
    at = next;
  }
  return -1;
}
