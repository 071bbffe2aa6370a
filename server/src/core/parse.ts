import type { Keyed } from '../messages';
import { Alias, Composer, CST, Document, isAlias, isMap, isScalar, isSeq, Node, Parser, visit, YAMLMap } from 'yaml';
import type { Located } from './loc';
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
 * YAML 1.1 types (`!!set`, `!!omap`, `!!timestamp`, …) are not resolved: a `!!set { a }` is then read as
 * the mapping it is written as, which the schema can judge, instead of a value no manifest key takes.
 */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false } as const;

/** More parser errors than this on one text are noise: the rest are summarised in the last one. */
const MAX_SYNTAX_PROBLEMS = 100;
/**
 * Values a value may grow by through aliases before we call it an alias bomb: sharing a record (an MPA,
 * a provider list) between thousands of entries adds a few values to each.
 */
export const MAX_ALIAS_VALUES = 10_000;

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
  const unreadable = doc ? unreadableNodes(doc) : { duplicateKeys: [], complexKeys: [], unresolvedAliases: [] };
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

/**
 * What a parse may still hold that a manifest cannot, found in one walk:
 * - a key written twice in one mapping. The parser is told not to look (`uniqueKeys: false`): it compares
 *   each key with every key before it, which takes minutes on a mapping of tens of thousands of keys;
 * - keys written as a list or a mapping (`? [a, b]`, `{[a]: 1}`: legal YAML, but no JSON object can hold
 *   them, and the `yaml` package would stringify them with a warning on the log);
 * - aliases with no anchor before them.
 */
export function unreadableNodes(doc: Document): { duplicateKeys: Node[]; complexKeys: Node[]; unresolvedAliases: Alias[] } {
  const found = { duplicateKeys: [] as Node[], complexKeys: [] as Node[], unresolvedAliases: [] as Alias[] };
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (isMap(key) || isSeq(key)) {
          if (key.range) found.complexKeys.push(key);
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

/** Follows an alias to its anchored node; leaves other nodes as they are. */
export function deref(node: unknown, doc: Document): Node | undefined {
  if (isAlias(node)) return resolveAlias(node, doc);
  return node as Node | undefined;
}

/**
 * A document's anchored nodes and aliases in document order, listed once: yaml's own `Alias.resolve`
 * walks the whole document for every alias it resolves, which makes a manifest whose partners share one
 * anchored record quadratic (1,000 partners took 33 s).
 */
interface AnchorTable {
  position: Map<Node, number>;
  byName: Map<string, number[]>;
  nodes: Node[];
}
const anchorTables = new WeakMap<Document, AnchorTable>();

function anchorTable(doc: Document): AnchorTable {
  let table = anchorTables.get(doc);
  if (!table) {
    const built: AnchorTable = { position: new Map(), byName: new Map(), nodes: [] };
    visit(doc, {
      Node(_key, node) {
        const anchor = (node as { anchor?: string }).anchor;
        if (!isAlias(node) && !anchor) return;
        built.position.set(node, built.nodes.length);
        if (anchor) (built.byName.get(anchor) ?? built.byName.set(anchor, []).get(anchor)!).push(built.nodes.length);
        built.nodes.push(node);
      },
    });
    anchorTables.set(doc, (table = built));
  }
  return table;
}

/** What an alias refers to, as yaml has it: the last node anchored with its name before it in the document. */
export function resolveAlias(alias: Alias, doc: Document): Node | undefined {
  const table = anchorTable(doc);
  const at = table.position.get(alias) ?? table.nodes.length;
  const named = table.byName.get(alias.source);
  if (!named) return undefined;
  let low = 0,
    high = named.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (named[mid] < at) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? table.nodes[named[low - 1]] : undefined;
}

/** The value node of `key` in a mapping, aliases followed. */
export function valueNode(map: YAMLMap, key: string, doc: Document): Node | undefined {
  return deref(map.get(key, true), doc);
}

/** The key node of `key` in a mapping. */
export function keyNode(map: YAMLMap, key: string): Node | undefined {
  for (const pair of map.items) if (isScalar(pair.key) && pair.key.value === key) return pair.key;
  return undefined;
}

export function nodeRange(lines: LineIndex, node: Located | undefined | null): Range | undefined {
  if (!node?.range) return undefined;
  return lines.range(node.range[0], node.range[1]);
}

export { isMap, isSeq, isScalar };

/** The node at a JSON path (keys and list indexes), aliases followed. */
export function nodeAtPath(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node = deref(doc.contents, doc);
  for (const segment of path) {
    if (isMap(node)) node = deref(node.get(segment, true), doc);
    else if (isSeq(node) && typeof segment === 'number') node = deref(node.items[segment], doc);
    else return undefined;
  }
  return node ?? undefined;
}

/** The key node of the last segment of `path` (for fixes that rename a key). */
export function keyNodeAtPath(doc: Document, path: readonly (string | number)[]): Node | undefined {
  const parent = nodeAtPath(doc, path.slice(0, -1));
  return isMap(parent) ? keyNode(parent, String(path[path.length - 1])) : undefined;
}
