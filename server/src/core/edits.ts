import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { lineEnding, ParsedText } from './parse';
import type { TextEdit } from './text';

/**
 * Text edits on the YAML source that keep the user's layout: values are replaced in place,
 * block entries are added or removed as whole lines, flow entries with their commas.
 * A helper returns undefined when it cannot edit safely; the fix is then not offered.
 */

function edit(parsed: ParsedText, start: number, end: number, newText: string): TextEdit {
  return { range: parsed.lines.range(start, end), newText };
}

/** A scalar written the way the original was quoted. */
function quoteLike(node: Node, value: string): string {
  if (isScalar(node) && node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (isScalar(node) && node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

export function replaceScalar(parsed: ParsedText, node: Node, value: string): TextEdit | undefined {
  if (!node.range) return undefined;
  return edit(parsed, node.range[0], node.range[1], quoteLike(node, value));
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** Last line that a node's text occupies (a range ending at a line start belongs to the line before). */
function lastLine(parsed: ParsedText, end: number): number {
  const position = parsed.lines.position(end);
  return position.character === 0 && position.line > 0 ? position.line - 1 : position.line;
}

function pairEnd(pair: Pair): number | undefined {
  const value = pair.value as Node | null;
  return value?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
}

/** Removes whole lines [firstLine, lastLine]. */
function removeLines(parsed: ParsedText, first: number, last: number): TextEdit {
  const start = parsed.lines.lineStart(first);
  const end = last + 1 < parsed.lines.lineCount ? parsed.lines.lineStart(last + 1) : parsed.text.length;
  return edit(parsed, start, end, '');
}

/** Deletes `key: value` from a mapping. */
export function removeKey(parsed: ParsedText, map: YAMLMap, key: string): TextEdit | undefined {
  const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const pair = map.items[index];
  const start = (pair?.key as Node | undefined)?.range?.[0];
  const end = pair && pairEnd(pair);
  if (start === undefined || end === undefined) return undefined;
  if (map.flow)
    return removeFlowItem(
      parsed,
      map.items.map((p) => [(p.key as Node).range?.[0], pairEnd(p)]),
      index,
    );
  if (map.items.length === 1) return undefined; // an empty block mapping would become null
  const first = parsed.lines.position(start).line;
  const keyColumn = parsed.lines.position(start).character;
  const lineText = parsed.lines.lineText(first);
  // In "- id: x" the first key shares its line with the dash: keep the dash, move the next key up.
  if (lineText.slice(0, keyColumn).trim() !== '') {
    const next = map.items[index + 1];
    const nextStart = (next?.key as Node | undefined)?.range?.[0];
    return nextStart === undefined ? undefined : edit(parsed, start, nextStart, '');
  }
  return removeLines(parsed, first, lastLine(parsed, end));
}

function removeFlowItem(parsed: ParsedText, spans: (number | undefined)[][], index: number): TextEdit | undefined {
  const [start, end] = spans[index];
  if (start === undefined || end === undefined) return undefined;
  const next = spans[index + 1]?.[0];
  const previousEnd = spans[index - 1]?.[1];
  if (next !== undefined) return edit(parsed, start, next, '');
  if (previousEnd !== undefined) return edit(parsed, previousEnd, end, '');
  return edit(parsed, start, end, '');
}

/** Deletes one entry of a sequence that is the value of `key` in `map`. */
export function removeSeqItem(parsed: ParsedText, map: YAMLMap, key: string, index: number): TextEdit | undefined {
  const pair = pairOf(map, key);
  const seq = pair?.value;
  if (!isSeq(seq)) return undefined;
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  if (seq.flow)
    return removeFlowItem(
      parsed,
      seq.items.map((n) => [(n as Node).range?.[0], (n as Node).range?.[1]]),
      index,
    );
  if (seq.items.length === 1) {
    // The last entry of a block list: the list becomes [] so the key keeps a list value.
    const keyEnd = (pair!.key as Node).range?.[1];
    return keyEnd === undefined ? undefined : edit(parsed, keyEnd, item.range[1], ': []');
  }
  return removeLines(parsed, parsed.lines.position(item.range[0]).line, lastLine(parsed, item.range[1]));
}

/** Indentation of a block mapping's keys. */
function keyIndent(parsed: ParsedText, map: YAMLMap): string | undefined {
  const first = (map.items[0]?.key as Node | undefined)?.range?.[0];
  if (first === undefined) return undefined;
  return ' '.repeat(parsed.lines.position(first).character);
}

/**
 * Inserts lines (already indented relative to the mapping's keys) after the pair `after`,
 * or after the mapping's last pair. Returns the edit and where the first inserted line starts in newText.
 */
export function insertIntoMap(
  parsed: ParsedText,
  map: YAMLMap,
  lines: string[],
  after?: string,
): { edit: TextEdit; offset: number } | undefined {
  if (!plainMap(map)) return undefined;
  if (map.flow) return insertIntoFlowMap(parsed, map, lines, after);
  if (map.items.length === 0) return undefined;
  const indent = keyIndent(parsed, map);
  const anchor = after ? pairOf(map, after) : map.items[map.items.length - 1];
  const end = anchor && pairEnd(anchor);
  if (indent === undefined || end === undefined) return undefined;
  const at = parsed.lines.lineEnd(lastLine(parsed, end));
  const nl = lineEnding(parsed);
  const newText = lines.map((line) => nl + indent + line).join('');
  return { edit: edit(parsed, at, at, newText), offset: nl.length + indent.length };
}

/**
 * `{ a: 1 }` + ["b: 2"] → `{ a: 1, b: 2 }`: flat `key: value` entries go after the pair `after` (or the
 * last pair), each preceded by ", ". Nested entries (a line ending in ":" or indented) cannot be written
 * in a flow mapping this way; the fix is then not offered.
 */
function insertIntoFlowMap(
  parsed: ParsedText,
  map: YAMLMap,
  lines: string[],
  after?: string,
): { edit: TextEdit; offset: number } | undefined {
  if (map.items.length === 0 || lines.some((line) => /^\s/.test(line) || /:\s*$/.test(line))) return undefined;
  const anchor = after ? pairOf(map, after) : map.items[map.items.length - 1];
  const end = anchor && pairEnd(anchor);
  if (end === undefined) return undefined;
  return { edit: edit(parsed, end, end, lines.map((line) => `, ${line}`).join('')), offset: 2 };
}

/** A mapping without a tag other than `!!map`: under `!!set` or `!!omap` a written `key: value` means something else. */
function plainMap(map: YAMLMap): boolean {
  return !map.tag || map.tag === 'tag:yaml.org,2002:map';
}

/** Sets `key` to a scalar value: replaces it when present, inserts it otherwise. */
export function setKey(parsed: ParsedText, map: YAMLMap, key: string, value: string, after?: string): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.value)) return replaceScalar(parsed, pair.value, value);
  if (pair) return undefined;
  return insertIntoMap(parsed, map, [`${key}: ${value}`], after)?.edit;
}

/** Appends a scalar to the list under `key`, creating `key: [value]` when absent. */
export function appendToList(parsed: ParsedText, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (!pair) return insertIntoMap(parsed, map, [`${key}: [${value}]`])?.edit;
  const seq = pair.value;
  if (!isSeq(seq) || !seq.range) return undefined;
  if (seq.flow) {
    const written = parsed.text.slice(seq.range[0], seq.range[1] + 1).lastIndexOf(']');
    if (written < 0) return undefined;
    const close = seq.range[0] + written;
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    return last?.range ? edit(parsed, last.range[1], last.range[1], `, ${value}`) : edit(parsed, close, close, value);
  }
  return appendBlockItem(parsed, seq, value);
}

function appendBlockItem(parsed: ParsedText, seq: YAMLSeq, value: string): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  const line = parsed.lines.position(last.range[0]).line;
  const dash = parsed.lines.lineText(line).indexOf('-');
  if (dash < 0) return undefined;
  const at = parsed.lines.lineEnd(lastLine(parsed, last.range[1]));
  return edit(parsed, at, at, `${lineEnding(parsed)}${' '.repeat(dash)}- ${value}`);
}

/** Renames a key in place. */
export function renameKey(parsed: ParsedText, keyNode: Node, name: string): TextEdit | undefined {
  return replaceScalar(parsed, keyNode, name);
}

export { isMap };
