import { isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isMergeKey, valueOf, viewOf } from './merge';
import { lineEnding, ParsedText } from './parse';
import type { TextEdit } from './text';

/**
 * Text edits on the YAML source that keep the user's layout: values are replaced in place,
 * block entries are added or removed as whole lines, flow entries with their commas.
 * A helper returns undefined when it cannot edit safely; the fix is then not offered.
 *
 * The pairs a helper edits are those written in the mapping it is given: a key merged into it
 * (`<<: *defaults`) is written in the merge's source, shared by every mapping that merges it. Setting
 * such a key writes an override into the mapping; removing one cannot be written (YAML has no way to
 * drop a merged key from one mapping), and neither can removing a written key that overrides a merged
 * one (the merged value would come back). `editList` and `overrideBlock` write a shared list or block
 * anew in the mapping, changed. See docs/merge-keys.md for which fixes edit the shared text instead.
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

/** The pair of `key` written in the mapping itself (not a merged one). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && !isMergeKey(p.key) && p.key.value === key);
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

/** Deletes `key: value` from a mapping (not a merged key, nor one that overrides a merged key: see above). */
export function removeKey(parsed: ParsedText, map: YAMLMap, key: string): TextEdit | undefined {
  if (viewOf(map).overrides.has(key)) return undefined;
  const index = map.items.findIndex((p) => isScalar(p.key) && !isMergeKey(p.key) && p.key.value === key);
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
  // After `after` when it is written here (merged, it is written elsewhere): else after the last pair.
  const anchor = (after && pairOf(map, after)) || map.items[map.items.length - 1];
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
  const anchor = (after && pairOf(map, after)) || map.items[map.items.length - 1];
  const end = anchor && pairEnd(anchor);
  if (end === undefined) return undefined;
  return { edit: edit(parsed, end, end, lines.map((line) => `, ${line}`).join('')), offset: 2 };
}

/** A mapping without a tag other than `!!map`: under `!!set` or `!!omap` a written `key: value` means something else. */
function plainMap(map: YAMLMap): boolean {
  return !map.tag || map.tag === 'tag:yaml.org,2002:map';
}

/** Sets `key` to a scalar value: replaces it (or an alias) when written here, inserts it otherwise (an override of a merged key). */
export function setKey(parsed: ParsedText, map: YAMLMap, key: string, value: string, after?: string): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (pair && (isScalar(pair.value) || isAlias(pair.value))) return replaceScalar(parsed, pair.value, value);
  if (pair) return undefined;
  return insertIntoMap(parsed, map, [`${key}: ${value}`], after)?.edit;
}

/**
 * A value as written, to be copied into an override: an alias or a one-line scalar as it stands (its
 * anchor left out, which a copy must not define again), a tagged scalar as the plain value it reads as.
 * Undefined for anything else (a list, a mapping, a block scalar), which an override then cannot copy.
 */
export function copyText(parsed: ParsedText, node: Node | null | undefined): string | undefined {
  if (!node?.range) return undefined;
  const text = parsed.text.slice(node.range[0], node.range[1]);
  if (isAlias(node)) return text;
  if (!isScalar(node) || /[\r\n]/.test(text) || node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return undefined;
  if (!node.tag) return text;
  return typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
}

/**
 * The `name: value` lines of a shared mapping with `set` applied, for an override of it: each of its
 * keys (merged ones included) copied as written, those of `set` replaced or added. Undefined when one
 * of its values cannot be copied (see `copyText`).
 */
export function overrideEntries(parsed: ParsedText, shared: YAMLMap | undefined, set: Record<string, string>): string[] | undefined {
  const lines: string[] = [];
  const done = new Set<string>();
  for (const entry of shared ? viewOf(shared).entries : []) {
    const value = entry.name in set ? set[entry.name] : copyText(parsed, entry.value);
    if (value === undefined || !isScalar(entry.key)) return undefined;
    lines.push(`${entry.name}: ${value}`);
    done.add(entry.name);
  }
  for (const [name, value] of Object.entries(set)) if (!done.has(name)) lines.push(`${name}: ${value}`);
  return lines;
}

/**
 * Writes the block under `key` of `map` (a mapping written in its entry) anew, holding `lines`
 * (`name: value`, see `overrideEntries`), where `map` shares it: in place of an alias (`mpa: *m` →
 * `mpa: { … }`), or inserted as an override of a merged block. Undefined where `map` writes the block
 * itself (edit that instead).
 */
export function overrideBlock(parsed: ParsedText, map: YAMLMap, key: string, lines: string[]): TextEdit | undefined {
  const pair = pairOf(map, key);
  const flow = `{ ${lines.join(', ')} }`;
  if (pair) return isAlias(pair.value) ? replaceScalar(parsed, pair.value, flow) : undefined;
  return insertIntoMap(parsed, map, map.flow ? [`${key}: ${flow}`] : [`${key}:`, ...lines.map((line) => `  ${line}`)])?.edit;
}

/** A change of one list: an id added, or the item at an index removed or replaced. */
export type ListChange = { append: string } | { remove: number } | { replace: number; value: string };

/**
 * Changes the list under `key` of `map` (a mapping written in its entry): in place where `map` writes
 * the list; where it shares one (merged, or an alias) the list is written anew in `map`, changed, so
 * that the shared list stays as it is for every other entry.
 */
export function editList(parsed: ParsedText, map: YAMLMap, key: string, change: ListChange): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (pair && isSeq(pair.value)) {
    if ('append' in change) return appendToList(parsed, map, key, change.append);
    if ('remove' in change) return removeSeqItem(parsed, map, key, change.remove);
    const item = pair.value.items[change.replace] as Node | undefined;
    return item && (isScalar(item) || isAlias(item)) ? replaceScalar(parsed, item, change.value) : undefined;
  }
  const shared = valueOf(map, key);
  if (!shared && !pair) return 'append' in change ? insertIntoMap(parsed, map, [`${key}: [${change.append}]`])?.edit : undefined;
  if (!isSeq(shared)) return undefined;
  const items = shared.items.map((item) => copyText(parsed, item as Node | null));
  if (items.some((item) => item === undefined)) return undefined;
  if ('append' in change) items.push(change.append);
  else if ('remove' in change && change.remove < items.length) items.splice(change.remove, 1);
  else if ('replace' in change && change.replace < items.length) items[change.replace] = change.value;
  else return undefined;
  const list = `[${items.join(', ')}]`;
  if (pair) return isAlias(pair.value) ? replaceScalar(parsed, pair.value, list) : undefined;
  return insertIntoMap(parsed, map, [`${key}: ${list}`])?.edit;
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
