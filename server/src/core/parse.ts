import type { Keyed } from '../messages';
import { Alias, Composer, CST, Document, isAlias, isMap, isScalar, isSeq, Node, Parser, visit, YAMLMap } from 'yaml';
import { deref, indexAnchors, isMergeKey, resolveAlias } from './anchors';
import type { Located } from './loc';
import { keyName, mergeSources, viewOf } from './merge';
import { tooDeepIn } from './nesting';
import { LineIndex, Range, stripBom, TextLike } from './text';

/** A YAML problem in the text, before any schema or rule runs. */
export type SyntaxProblem = { range: Range } & Keyed;

/** One text version as checked: its lines, and its YAML syntax problems (found by a parse of the whole text). */
export interface ParsedText {
  /** The text as checked: a byte-order mark removed, nothing else touched. */
  readonly text: TextLike;
  readonly lines: LineIndex;
  readonly syntaxProblems: SyntaxProblem[];
}

const lineEndings = new WeakMap<ParsedText, string>();

/** The text's own line break, for inserted lines: `\r\n` when it has one, else `\n` (looked for once per version). */
export function lineEnding(parsed: ParsedText): string {
  let eol = lineEndings.get(parsed);
  if (eol === undefined) lineEndings.set(parsed, (eol = parsed.text.indexOf('\r\n') !== -1 ? '\r\n' : '\n'));
  return eol;
}

/** A whole-text parse: the text, and its first YAML document (undefined when the text holds none). */
export interface ParsedDocument extends ParsedText {
  readonly doc: Document.Parsed | undefined;
}

/**
 * How every parse reads YAML, whole or in segments (segment-parse.ts), so that both read the same values.
 * A plain `<<` key is a merge key (YAML 1.1, see merge.ts): the parser reads it as a symbol, never as
 * the text `<<`, which a quoted `"<<"` stays.
 * YAML 1.1 types (`!!set`, `!!omap`, `!!timestamp`, …) are not resolved: a `!!set { a }` is then read as
 * the mapping it is written as, which the schema can judge, instead of a value no manifest key takes.
 */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false, merge: true } as const;

/** More parser errors than this on one text are noise: the rest are summarised in the last one. */
const MAX_SYNTAX_PROBLEMS = 100;
export { deref, MAX_ALIAS_VALUES, resolveAlias } from './anchors';

export function parseText(rawText: string): ParsedDocument {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  // Too deep for the parser to read the same way every time: not parsed, one finding where it gets too deep.
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeepIn(tokens);
  if (deep >= 0)
    return {
      text,
      lines,
      doc: undefined,
      syntaxProblems: [{ range: lineBoundRange(lines, deep, deep + 1), key: 'yaml-syntax.too-deep', args: {} }],
    };
  const all = composeQuietly(() => [...new Composer(PARSE_OPTIONS).compose(tokens)]);
  const problems: SyntaxProblem[] = [];
  const onLine = (start: number, end: number): Range => lineBoundRange(lines, start, end);

  // Broken text makes an error every few characters: past what can be shown, they are only counted.
  let uncounted = 0;
  for (const doc of all) {
    for (const error of doc.errors) {
      if (problems.length >= 2 * MAX_SYNTAX_PROBLEMS) {
        uncounted++;
        continue;
      }
      const range = onLine(error.pos[0], error.pos[1]);
      problems.push(
        error.code === 'TAB_AS_INDENT'
          ? { range, key: 'yaml-syntax.tab', args: {} }
          : { range, key: 'yaml-syntax', args: { detail: firstLine(error.message) } },
      );
    }
    // Read: the tree of a broken text is kept (for completion and hover), its errors need not be.
    doc.errors.length = 0;
  }
  collapseTabLines(problems, lines);
  moveEndOfFileErrorsToOpeners(text, lines, problems);
  for (const extra of all.slice(1)) {
    const start = documentStart(text, extra.range[0]);
    problems.push({ range: onLine(start, start + 3), key: 'yaml-syntax.multiple-documents', args: {} });
  }
  const doc = all[0];
  const unreadable = doc ? unreadableNodes(doc) : { duplicateKeys: [], complexKeys: [], unresolvedAliases: [], badMerges: [] };
  // The whole key, as a person would select it.
  for (const key of unreadable.duplicateKeys) {
    const [start, end] = key.range!;
    problems.push({ range: onLine(start, end), key: 'yaml-syntax.duplicate-key', args: { key: text.slice(start, end) } });
  }
  for (const key of unreadable.complexKeys)
    problems.push({ range: onLine(key.range![0], key.range![1]), key: 'yaml-syntax.complex-key', args: {} });
  for (const alias of unreadable.unresolvedAliases) {
    const [start, end] = alias.range ?? [0, 0];
    problems.push({ range: onLine(start, end), key: 'yaml-syntax.unresolved-alias', args: { alias: alias.source } });
  }
  for (const { node, cycle } of unreadable.badMerges) {
    const [start, end] = node.range ?? [0, 0];
    problems.push({ range: onLine(start, end), key: cycle ? 'yaml-syntax.merge-cycle' : 'yaml-syntax.merge-source', args: {} });
  }
  if (problems.length + uncounted > MAX_SYNTAX_PROBLEMS) {
    // (Tab lines collapsed above may have left fewer than can be shown: then all of them are.)
    const shown = Math.min(problems.length, MAX_SYNTAX_PROBLEMS - 1);
    const rest = problems.length + uncounted - shown;
    problems.length = shown;
    const last = problems[shown - 1]?.range ?? lines.range(0, 0);
    problems.push({ range: last, key: 'yaml-syntax.too-many', args: { count: rest } });
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { text, lines, doc, syntaxProblems: problems };
}

/**
 * Runs the parser's second stage without stack traces on its errors: they are never read, and broken
 * text makes one error per few characters (a megabyte of it took seconds and a gigabyte to record them).
 */
export function composeQuietly<T>(compose: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return compose();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A merge whose source is not a mapping (`cycle`: a mapping that holds the merge itself). */
export interface BadMerge {
  node: Node;
  cycle: boolean;
}

/**
 * What a parse may still hold that a manifest cannot, found in one walk:
 * - a key written twice in one mapping. The parser is told not to look (`uniqueKeys: false`): it compares
 *   each key with every key before it, which takes minutes on a mapping of tens of thousands of keys.
 *   A key that overrides a merged one is no duplicate, and neither are two merge keys (`yaml` and
 *   PyYAML read both; the earlier one wins, as in a list of sources);
 * - keys written as a list or a mapping (`? [a, b]`, `{[a]: 1}`: legal YAML, but no JSON object can hold
 *   them, and the `yaml` package would stringify them with a warning on the log);
 * - aliases with no anchor before them;
 * - merges whose source is not a mapping or a list of mappings (every YAML 1.1 loader rejects the
 *   document: `yaml` throws "Merge sources must be maps or map aliases"), or is a mapping that holds the
 *   merge (its keys would have no end), each reported where the source is written.
 */
export function unreadableNodes(doc: Document): {
  duplicateKeys: Node[];
  complexKeys: Node[];
  unresolvedAliases: Alias[];
  badMerges: BadMerge[];
} {
  indexAnchors(doc);
  const found = { duplicateKeys: [] as Node[], complexKeys: [] as Node[], unresolvedAliases: [] as Alias[], badMerges: [] as BadMerge[] };
  visit(doc, {
    Map(_key, map, path) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (isMap(key) || isSeq(key)) {
          if (key.range) found.complexKeys.push(key);
        } else if (isMergeKey(key)) {
          const reported = new Set<Node>();
          for (const { written, target } of mergeSources(pair, doc)) {
            // An alias that names nothing is reported as such.
            if (target === undefined || reported.has(written)) continue;
            const cycle = isMap(target) && (target === map || path.includes(target));
            if (isMap(target) && !cycle) continue;
            reported.add(written);
            found.badMerges.push({ node: written, cycle });
          }
        } else if (isScalar(key)) {
          if (seen.has(key.value)) found.duplicateKeys.push(key);
          else seen.add(key.value);
        }
      }
    },
    Alias(_key, alias: Alias) {
      if (!resolveAlias(alias, doc)) found.unresolvedAliases.push(alias);
    },
  });
  return found;
}

/**
 * A tab in a line's indentation makes the parser report several follow-on errors on that line, and
 * none names the tab when it comes after spaces. Keep one finding per such line: the tab itself.
 */
function collapseTabLines(problems: SyntaxProblem[], lines: LineIndex): void {
  const tabLines = new Map<number, SyntaxProblem>();
  for (const problem of problems) {
    const line = problem.range.start.line;
    if (tabLines.has(line)) continue;
    const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
    const tab = indent.indexOf('\t');
    if (tab < 0) continue;
    const start = lines.lineStart(line) + tab;
    tabLines.set(line, { range: lines.range(start, start + 1), key: 'yaml-syntax.tab', args: {} });
  }
  if (tabLines.size === 0) return;
  const kept = problems.filter((p) => !tabLines.has(p.range.start.line));
  problems.length = 0;
  problems.push(...kept, ...tabLines.values());
}

/**
 * An unclosed quote or bracket is reported where the text ends, far from the mistake. When an error sits
 * past the last content, point at each quote or bracket that opens and never closes instead.
 */
function moveEndOfFileErrorsToOpeners(text: string, lines: LineIndex, problems: SyntaxProblem[]): void {
  // Past the last line that holds more than a comment.
  let lastContent = lines.lineCount - 1;
  while (lastContent > 0 && /^\s*(#.*)?$/.test(lines.lineText(lastContent))) lastContent--;
  const contentEnd = lines.position(lines.lineEnd(lastContent));
  const atEnd = (p: SyntaxProblem) =>
    p.range.start.line > contentEnd.line || (p.range.start.line === contentEnd.line && p.range.start.character >= contentEnd.character);
  if (!problems.some(atEnd)) return;
  const openers: SyntaxProblem[] = [];
  const note = (offset: number, opener: string) => {
    const range = lines.range(offset, offset + 1);
    openers.push({ range, key: 'yaml-syntax.unclosed', args: { opener } });
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (!node) continue;
        if (node.type === 'flow-collection' && node.end.length === 0) note(node.offset, node.start.source);
        if (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') {
          const quote = node.source[0];
          const body = node.source.trimEnd();
          if (body.length < 2 || !body.endsWith(quote)) note(node.offset, quote);
        }
      }
    });
  }
  if (openers.length === 0) return;
  const kept = problems.filter((p) => !atEnd(p));
  problems.length = 0;
  problems.push(...kept, ...openers);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** The `---` that opens a later document, so the error sits on that marker. */
function documentStart(text: string, contentStart: number): number {
  const marker = text.lastIndexOf('---', contentStart);
  return marker >= 0 ? marker : contentStart;
}

/** A parser error range kept on the line where it starts, never running to end of file. */
function lineBoundRange(lines: LineIndex, start: number, end: number): Range {
  const line = lines.position(start).line;
  const lineEnd = lines.lineEnd(line);
  if (end <= start || end > lineEnd) end = lineEnd;
  if (end <= start) {
    const lineStart = lines.lineStart(line);
    if (lineEnd > lineStart) {
      start = Math.min(start, lineEnd - 1);
      end = lineEnd;
    }
  }
  return lines.range(start, end);
}

/** The value node of `key` in a mapping as read (merged keys included), aliases followed. */
export function valueNode(map: YAMLMap, key: string, doc?: Document): Node | undefined {
  return deref(viewOf(map, doc).entry(key)?.value, doc);
}

/** The key node of `key` in a mapping as read: where it is written (in a merge's source for a merged key). */
export function keyNode(map: YAMLMap, key: string, doc?: Document): Node | undefined {
  return viewOf(map, doc).entry(key)?.key ?? undefined;
}

export function nodeRange(lines: LineIndex, node: Located | undefined | null): Range | undefined {
  if (!node?.range) return undefined;
  return lines.range(node.range[0], node.range[1]);
}

export { isMap, isSeq, isScalar, keyName };

/** The node at a JSON path (keys and list indexes) below `node`, merges and aliases followed. */
export function nodeBelow(node: Node | null | undefined, path: readonly (string | number)[], doc?: Document): Node | undefined {
  let current = deref(node, doc);
  for (const segment of path) {
    if (isMap(current)) current = valueNode(current, String(segment), doc);
    else if (isSeq(current) && typeof segment === 'number') current = deref(current.items[segment], doc);
    else return undefined;
  }
  return current ?? undefined;
}

/**
 * The node at a JSON path below `node` when every step is written in place: no merged key and no alias
 * on the way (where a fix may change a value for this one entry, see docs/merge-keys.md); else undefined.
 */
export function writtenBelow(node: Node | null | undefined, path: readonly (string | number)[], doc?: Document): Node | undefined {
  let current = node;
  for (const segment of path) {
    if (isAlias(current)) return undefined;
    if (isMap(current)) {
      const entry = viewOf(current, doc).entry(String(segment));
      if (!entry || entry.via) return undefined;
      current = entry.value;
    } else if (isSeq(current) && typeof segment === 'number') current = current.items[segment] as Node | null;
    else return undefined;
  }
  return current && !isAlias(current) ? current : undefined;
}

/** The node at a JSON path (keys and list indexes), merges and aliases followed. */
export function nodeAtPath(doc: Document, path: readonly (string | number)[]): Node | undefined {
  return nodeBelow(doc.contents, path, doc);
}

/** The key node of the last segment of `path` (for fixes that rename a key), where it is written. */
export function keyNodeAtPath(doc: Document, path: readonly (string | number)[]): Node | undefined {
  const parent = nodeAtPath(doc, path.slice(0, -1));
  return isMap(parent) ? keyNode(parent, String(path[path.length - 1]), doc) : undefined;
}
