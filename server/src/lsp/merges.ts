// Anchors, aliases and merge keys for completion and hover: the anchors an alias may name, what an
// alias names, the keys a `<<` brings into its mapping. Where they are written comes from the text as
// typed (half-typed-yaml.ts); what an anchor holds comes from the parse, read as every other reader
// reads it (core/anchors.ts for what an alias names, core/merge.ts for a mapping's keys with its merges).
import { isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { deref } from '../core/anchors';
import type { CheckResult } from '../core/check';
import type { Anchored } from '../core/manifest';
import { viewOf } from '../core/merge';
import { flowItemAt, hasContent, Lines, LineShape } from './half-typed-yaml';
import { isMergeKeyLine, isNameChar } from './shared-blocks';

/** The anchor or alias token (`*name`, `&name`, or any run of name characters) around a column. */
function tokenAround(text: string, character: number): { start: number; end: number } {
  let start = character;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  let end = character;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Whether a column is inside a quoted scalar of the line (an odd number of quotes of one kind before it). */
function inQuotes(text: string, column: number): boolean {
  const before = text.slice(0, column);
  return (before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1;
}

/**
 * Whether a `*` at `column` starts a node: the line's value or item, or an item or value of a flow
 * collection. Inside a plain scalar (`name: Fabrikam *gold`) it is text.
 */
function startsNode(shape: LineShape, column: number): boolean {
  if (column === shape.valueStart || column === shape.body) return true;
  const before = shape.text.slice(0, column).trimEnd();
  return /[[{,:]$/.test(before) && !inQuotes(shape.text, column);
}

/** An alias written on a line: its name and columns (`start` at the `*`). */
export interface AliasToken {
  name: string;
  start: number;
  end: number;
}

/** The alias under a column of a line (the column may sit right after it), if any. */
export function aliasAt(shape: LineShape, character: number): AliasToken | undefined {
  const text = shape.text;
  if (character > shape.comment) return undefined;
  const { start, end } = tokenAround(text, character);
  if (text[start] !== '*' || end - start < 2 || !startsNode(shape, start)) return undefined;
  return { name: text.slice(start + 1, end), start, end };
}

/** Where completion writes an alias: the `*name` being typed, or the empty value of a merge key (`<<: `). */
export interface AliasSite {
  /** Columns the completion replaces (from the `*` when one is typed). */
  start: number;
  end: number;
  /** In a merge key's value: only mappings (or lists of mappings) can be merged. */
  merge: boolean;
  /** In a list (`<<: [*a, *b]`, `- *a`): a list of mappings cannot be an item. */
  inList: boolean;
  /** Right after the colon: the alias brings its space. */
  space: boolean;
}

/** The alias completion site at a column of a line, if it is one. */
export function aliasSiteAt(lines: Lines, line: number, character: number): AliasSite | undefined {
  const shape = lines.shape(line);
  const text = shape.text;
  if (character > shape.comment) return undefined;
  const { start, end } = tokenAround(text, character);
  if (text[start] === '*' && start < character) {
    if (!startsNode(shape, start)) return undefined;
    const merge = mergeValueAt(lines, shape, line, start);
    return { start, end, merge: merge !== undefined, inList: merge === 'list', space: false };
  }
  // Nothing typed yet: only a merge key's value asks for an alias.
  const here = { start: character, end: character, merge: true };
  if (isMergeKeyLine(shape) && character > shape.key!.end) {
    if (shape.end <= shape.key!.end + 1) return { ...here, inList: false, space: text[character - 1] === ':' };
    if (text[shape.valueStart] !== '[' || character <= shape.valueStart) return undefined;
    const item = flowItemAt(text, shape.valueStart, shape.end, character);
    return item?.partial === '' ? { ...here, inList: true, space: false } : undefined;
  }
  const blockItem = !shape.key && shape.dashes.length > 0 && character === shape.body && shape.end <= shape.body;
  return blockItem && mergeValueAt(lines, shape, line, character) ? { ...here, inList: true, space: false } : undefined;
}

/** Whether a column holds a merge source: in the value of a `<<` on its line, or an item of a list under one. */
function mergeValueAt(lines: Lines, shape: LineShape, line: number, column: number): 'value' | 'list' | undefined {
  if (isMergeKeyLine(shape)) {
    const first = shape.text[shape.valueStart];
    if (column < shape.valueStart || first === '{') return undefined;
    return first === '[' ? 'list' : 'value';
  }
  if (shape.key || shape.dashes.length === 0 || column !== shape.body) return undefined;
  const parent = lines.parentOf({ line, col: shape.dashes[shape.dashes.length - 1], kind: '-' });
  return parent?.kind === 'key' && isMergeKeyLine(lines.shape(parent.line)) ? 'list' : undefined;
}

/** The mappings an anchored value gives a merge: itself, or each mapping of a list of them. */
export function mappingsOf(anchored: Anchored): YAMLMap[] {
  const node = anchored.node;
  if (isMap(node)) return [node];
  if (!isSeq(node)) return [];
  const maps: YAMLMap[] = [];
  for (const item of node.items) {
    const target = deref(item, anchored.doc);
    if (isMap(target)) maps.push(target);
  }
  return maps;
}

/** Whether an anchored value can be a merge source there: a mapping, or (not as a list item) a list of mappings. */
export function mergeable(anchored: Anchored, inList: boolean): boolean {
  const node = anchored.node;
  return isMap(node) || (!inList && isSeq(node) && node.items.length > 0 && mappingsOf(anchored).length === node.items.length);
}

/** The keys of an anchored value with its own merges (`{ mpa, type }`), a list's first items, or a scalar's text: one short line. */
export function summaryOf(anchored: Anchored): string {
  const node = anchored.node;
  if (isMap(node)) return `{ ${shortened(viewOf(node, anchored.doc).entries.map((e) => e.name))} }`;
  if (isSeq(node)) return `[ ${shortened(node.items.map((item) => itemSummary(item, anchored)))} ]`;
  return isScalar(node) ? shortened([String(node.value)]) : '';
}

/** An item of an anchored list in its summary: a scalar's text, `{…}` for a mapping. */
function itemSummary(item: unknown, anchored: Anchored): string {
  if (isScalar(item)) return String(item.value);
  return isMap(deref(item, anchored.doc)) ? '{…}' : '…';
}

function shortened(parts: string[], max = 60): string {
  const joined = parts.join(', ');
  return joined.length <= max ? joined : `${joined.slice(0, max - 1)}…`;
}

/** Lines of an anchored value shown in a preview, at most. */
const PREVIEW_LINES = 8;
const PREVIEW_WIDTH = 100;

/** Where an anchor is written (0-based line of its `&name`) and the first lines of its value, unindented. */
export function previewOf(lines: Lines, anchored: Anchored): { line: number; yaml: string } {
  const index = lines.index;
  const startLine = index.position(anchored.start).line;
  // The `&name` stands before the node: on its line, or on a line above (`x-mpa: &mpa` above a block).
  const from = index.lineStart(Math.max(0, startLine - 2));
  const written = index.text.slice(from, anchored.start).lastIndexOf(`&${anchored.name}`);
  const line = written >= 0 ? index.position(from + written).line : startLine;
  const lastLine = index.position(Math.max(anchored.start, anchored.end - 1)).line;
  const shown: string[] = [];
  for (let l = line; l <= lastLine && shown.length < PREVIEW_LINES; l++) shown.push(index.lineText(l).replace(/\s+$/, ''));
  while (shown.length > 1 && shown[shown.length - 1] === '') shown.pop();
  const indent = Math.min(...shown.filter((l) => l !== '').map((l) => /^ */.exec(l)![0].length));
  const out = shown.map((l) => {
    const text = l.slice(Math.min(indent, l.length));
    return text.length > PREVIEW_WIDTH ? `${text.slice(0, PREVIEW_WIDTH - 1)}…` : text;
  });
  if (lastLine - line + 1 > PREVIEW_LINES) out.push('…');
  return { line, yaml: out.join('\n') };
}

/** A Markdown code block of YAML, fenced longer than any run of backticks it holds. */
export function yamlBlock(yaml: string): string {
  const longest = Math.max(2, ...[...yaml.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}yaml\n${yaml}\n${fence}`;
}

/** One alias a `<<` writes: its name and offset in the text. */
interface SourceToken {
  name: string;
  offset: number;
}

/** The aliases the `<<` on `line` merges, in order: `<<: *a`, `<<: [*a, *b]`, or a block list below it (`- *a`). */
export function mergeSourcesOn(lines: Lines, line: number): SourceToken[] {
  const shape = lines.shape(line);
  const lineStart = lines.index.lineStart(line);
  const value = shape.text.slice(shape.valueStart, shape.end);
  // A mapping written in place (`<<: { a: 1 }`): the text as typed does not say its keys.
  if (value.startsWith('{')) return [];
  if (value !== '')
    return [...value.matchAll(/(^|[\s[,])\*([^\s,[\]{}]+)/g)].map((m) => ({
      name: m[2],
      offset: lineStart + shape.valueStart + m.index + m[1].length,
    }));
  const sources: SourceToken[] = [];
  let dash: number | undefined;
  for (let l = line + 1; l < lines.count; l++) {
    const s = lines.shape(l);
    if (!hasContent(s)) continue;
    if (s.key || s.dashes.length !== 1 || s.dashes[0] < shape.key!.start || (dash !== undefined && s.dashes[0] !== dash)) break;
    dash = s.dashes[0];
    const alias = /^\*([^\s,[\]{}]+)$/.exec(s.text.slice(s.body, s.end));
    if (alias) sources.push({ name: alias[1], offset: lines.index.lineStart(l) + s.body });
  }
  return sources;
}

/** What one source of a merge brings: the keys no earlier source of the mapping brings (written ones included). */
export interface SourceKeys {
  /** The line of the `<<` that writes the source. */
  line: number;
  source: string;
  /** What the alias names, when known. */
  anchored?: Anchored;
  keys: string[];
}

/**
 * The keys that the merge keys of one mapping (on `mergeLines`, in text order) bring, each from the
 * first source that has it: an earlier source wins over a later one, as `viewOf` reads a merge.
 */
export function keysFromMerges(result: CheckResult, lines: Lines, mergeLines: readonly number[]): SourceKeys[] {
  const seen = new Set<string>();
  const out: SourceKeys[] = [];
  for (const line of mergeLines) {
    const sources = mergeSourcesOn(lines, line);
    if (sources.length === 0) continue;
    const anchors = result.anchorsBefore(sources[0].offset);
    for (const { name } of sources) {
      const anchored = anchors.find((a) => a.name === name);
      const keys: string[] = [];
      for (const map of anchored ? mappingsOf(anchored) : [])
        for (const { name: key } of viewOf(map, anchored?.doc).entries) {
          if (seen.has(key)) continue;
          seen.add(key);
          keys.push(key);
        }
      out.push({ line, source: name, anchored, keys });
    }
  }
  return out;
}

/** The lines of the merge keys among a mapping's keys (from `Lines.siblingKeyLines`, with the line asked about when it is one). */
export function mergeLinesOf(lines: Lines, keys: readonly { name: string; line: number }[]): number[] {
  return keys
    .filter((k) => k.name === '<<' && isMergeKeyLine(lines.shape(k.line)))
    .map((k) => k.line)
    .sort((a, b) => a - b);
}
