import {
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionParams,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
} from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { message } from '../messages';
import type { Model } from '../core/model';
import { allMarkets, regionOf } from '../core/regions';
import { schema } from '../core/schema';
import type { LineIndex, Position } from '../core/text';

// ---------------------------------------------------------------------------------------------
// The manifest around a position, read from the text lines and their indentation. Completion runs
// while the user types, when the YAML is often invalid; hover shares the same reading.
// ---------------------------------------------------------------------------------------------

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

const hasContent = (s: LineShape) => s.dashes.length > 0 || s.end > s.body;
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
    const keys = new Set<string>();
    if (!parentOnLine) {
      for (let l = line - 1; l >= 0; l--) {
        const s = this.shape(l);
        if (!hasContent(s)) continue;
        if (s.key?.start === col) keys.add(s.key.name);
        if (firstColumn(s) < col) break;
      }
    }
    for (let l = line + 1; l < this.count; l++) {
      const s = this.shape(l);
      if (!hasContent(s)) continue;
      if (firstColumn(s) < col) break;
      if (s.key?.start === col && s.dashes.length === 0) keys.add(s.key.name);
    }
    return keys;
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

// ---------------------------------------------------------------------------------------------
// The schema along a chain of keys and list markers.
// ---------------------------------------------------------------------------------------------

/** The values the manifest schema allows in `enum` and `const`: scalars, which completion writes as they are. */
type Scalar = string | number | boolean | null;

/** The parts of a JSON Schema (draft-07) that the walk and the completions read. */
interface Json {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Json>;
  patternProperties?: Record<string, Json>;
  items?: Json;
  required?: string[];
  enum?: Scalar[];
  const?: Scalar;
  default?: unknown;
  description?: string;
}
const rootSchema: Json = schema;
const definitions: Record<string, Json> = schema.definitions;

/** A schema reached by walking the manifest: `def` names the shared definition it came from (partner, id, country…). */
export interface SchemaAt {
  schema: Json;
  def?: string;
  name: string;
}

function resolve(s: Json | undefined, name: string): SchemaAt | undefined {
  if (!s || typeof s !== 'object') return undefined;
  if (typeof s.$ref === 'string') {
    const def = s.$ref.replace('#/definitions/', '');
    const target = definitions[def];
    if (!target) return undefined;
    const { $ref: _ref, ...own } = s;
    return { schema: { ...target, ...own }, def, name: def };
  }
  return { schema: s, name };
}

/** The schema of a key's value or of a list's items; `x-` keys are the user's own annotations. */
export function childSchema(at: SchemaAt, step: string): SchemaAt | undefined {
  const s = at.schema;
  if (step === '-') return s.type === 'array' ? resolve(s.items, at.name) : undefined;
  if (s.type !== 'object') return undefined;
  if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, step)) return resolve(s.properties[step], step);
  if (step.startsWith('x-') && s.patternProperties?.['^x-']) return resolve(s.patternProperties['^x-'], step);
  return undefined;
}

export function schemaAlong(chain: Point[]): SchemaAt | undefined {
  let at: SchemaAt | undefined = { schema: rootSchema, name: 'root' };
  for (const point of chain) {
    at = childSchema(at, point.kind === '-' ? '-' : point.name!);
    if (!at) return undefined;
  }
  return at;
}

const isObject = (at: SchemaAt | undefined) => at?.schema.type === 'object';

// ---------------------------------------------------------------------------------------------
// Shared by completion and hover.
// ---------------------------------------------------------------------------------------------

const lenientModels = new WeakMap<CheckResult, Model>();

/**
 * The model to read partners from. A text with a YAML error has an empty model (no rule runs on it), but
 * the parser recovers most of it while the user types: read that, unvalidated.
 */
export function usableModel(result: CheckResult): Model {
  if (result.parsed.syntaxProblems.length === 0) return result.model;
  let model = lenientModels.get(result);
  if (!model) {
    try {
      model = result.lenientModel() ?? result.model;
    } catch {
      model = result.model;
    }
    lenientModels.set(result, model);
  }
  return model;
}

/** A position of a request, checked: undefined when it lies outside the text or is not a position at all. */
export function positionIn(
  result: CheckResult,
  position: Position | undefined,
): { line: number; character: number; text: string; offset: number } | undefined {
  if (!position) return undefined;
  const { line, character } = position;
  const lines = result.parsed.lines;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= lines.lineCount) return undefined;
  const text = lines.lineText(line);
  if (character > text.length) return undefined;
  return { line, character, text, offset: lines.lineStart(line) + character };
}

/** True when `character` sits inside a comment of the line. */
export function inComment(shape: LineShape, character: number): boolean {
  const comment = commentStart(shape.text, 0);
  return character > comment;
}

/** Which partners a reference field accepts. */
type Wanted = 'seller' | 'provider' | 'partner';
const REFERENCE_FIELDS: Record<string, Record<string, Wanted>> = {
  subscription: { soldBy: 'seller', provider: 'provider', managedBy: 'partner' },
  partner: { providers: 'provider' },
  customer: { owner: 'partner' },
};

/** The partner or customer a chain runs through (its list marker under `partners:` or `customers:`). */
export function entryOf(chain: Point[]): Point | undefined {
  const [list, dash] = chain;
  return list?.kind === 'key' && (list.name === 'partners' || list.name === 'customers') && dash?.kind === '-' ? dash : undefined;
}

// ---------------------------------------------------------------------------------------------
// Completion.
// ---------------------------------------------------------------------------------------------

const ID_PATTERN = new RegExp(schema.definitions.id.pattern);
const TRIGGER_SUGGEST: Command = { title: '', command: 'editor.action.triggerSuggest' };

/** Where the cursor is: a key being written in a mapping, or a value (of a key, or an item of a list). */
type Site =
  | { kind: 'key'; chain: Point[]; col: number; range: Range; hasColon: boolean; parentOnLine: boolean }
  | {
      kind: 'value';
      chain: Point[];
      holder: SchemaAt;
      field: string;
      value: SchemaAt;
      inList: boolean;
      listed: string[];
      partial: string;
      range: Range;
      space: boolean;
    };

/** Completion: partner ids, enum values, booleans, country codes and schema keys. */
export function completion(_document: TextDocument, result: CheckResult, params: CompletionParams): CompletionItem[] | null {
  const at = positionIn(result, params.position);
  if (!at) return null;
  const typedSpace = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ';
  // A space typed in the indentation is indentation, not a request.
  if (typedSpace && at.text.slice(0, at.character).trim() === '') return null;
  const lines = new Lines(result.parsed.lines, listSections(result));
  const site = siteAt(lines, at.line, at.character);
  if (!site) return null;
  const items = site.kind === 'key' ? keyItems(lines, result, site, at.line) : valueItems(lines, result, site);
  return items && items.length ? items : null;
}

function siteAt(lines: Lines, line: number, character: number): Site | undefined {
  const full = lines.shape(line);
  if (inComment(full, character)) return undefined;
  const text = full.text;
  const prefix = shapeOf(text.slice(0, character));
  const range = (start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

  if (prefix.key) {
    // A value: `key: |`, `key: [a, |]`, `key: "|"`.
    if (!full.key || full.key.start !== prefix.key.start) return undefined;
    const chain = lines.chainOf({ line, col: full.key.start, kind: 'key' });
    const holder = chain && schemaAlong(chain);
    const value = holder && childSchema(holder, full.key.name);
    if (!chain || !holder || !value) return undefined;
    const field = full.key.name;
    const start = full.valueStart;
    if (character < start) {
      if (start < full.end) return undefined; // the cursor is before a written value
      return {
        kind: 'value',
        chain,
        holder,
        field,
        value,
        inList: false,
        listed: [],
        partial: '',
        range: range(character, character),
        space: text[character - 1] === ':',
      };
    }
    const first = text[start];
    if (first === '[') {
      const items = value.schema.type === 'array' ? resolve(value.schema.items, field) : undefined;
      const flow = flowItemAt(text, start, full.end, character);
      if (!items || !flow) return undefined;
      return {
        kind: 'value',
        chain,
        holder,
        field,
        value: items,
        inList: true,
        listed: flow.others,
        partial: flow.partial,
        range: range(flow.start, flow.end),
        space: false,
      };
    }
    if (first === '{') return undefined;
    const token = scalarAt(text, start, full.end, character);
    if (!token) return undefined;
    const space = token.start === character && text[character - 1] === ':';
    return {
      kind: 'value',
      chain,
      holder,
      field,
      value,
      inList: false,
      listed: [],
      partial: token.partial,
      range: range(token.start, token.end),
      space,
    };
  }

  // Before the content of the line: in its indentation or its list markers; or right after a `-` just typed.
  if (character < full.body && hasContent(full)) return undefined;
  if (prefix.dashes[prefix.dashes.length - 1] === character - 1) return undefined;
  const rest = text.slice(prefix.body, character);
  const quoted = /^["']/.test(rest);
  if (!quoted && !/^[^\s:#'"[\]{},-][^\s:#'"[\]{},]*$|^$/.test(rest)) return undefined;
  const col = prefix.body;
  const chain = lines.chainOf({ line, col, kind: 'key' });
  const target = chain && schemaAlong(chain);
  if (!chain || !target) return undefined;
  const parent = chain[chain.length - 1];
  const parentOnLine = prefix.dashes.length > 0;

  if (isObject(target) && !quoted) {
    const wordEnd = character + /^[^\s:#'"[\]{},]*/.exec(text.slice(character))![0].length;
    const hasColon = /^[ \t]*:(?:[ \t]|$)/.test(text.slice(wordEnd));
    return { kind: 'key', chain, col, range: range(col, wordEnd), hasColon, parentOnLine };
  }
  // An item of a block list, on its own `- ` line: `providers:` then `- |`.
  const listKey = chain[chain.length - 2];
  if (parent?.kind !== '-' || parent.line !== line || prefix.dashes[prefix.dashes.length - 1] !== parent.col || listKey?.kind !== 'key')
    return undefined;
  const holder = schemaAlong(chain.slice(0, -2));
  if (!holder) return undefined;
  const token = scalarAt(text, col, full.end, character);
  if (!token) return undefined;
  return {
    kind: 'value',
    chain,
    holder,
    field: listKey.name!,
    value: target,
    inList: true,
    listed: lines.listItems(line, parent.col),
    partial: token.partial,
    range: range(token.start, token.end),
    space: false,
  };
}

/** The scalar being typed from `start`: plain or quoted; undefined when the cursor is not in it. */
function scalarAt(
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
function flowItemAt(
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

function sortKey(index: number): string {
  return String(index).padStart(5, '0');
}

function valueItems(lines: Lines, result: CheckResult, site: Extract<Site, { kind: 'value' }>): CompletionItem[] | undefined {
  const locale = result.locale;
  const prefix = site.space ? ' ' : '';
  const item = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind,
    textEdit: { range: site.range, newText: prefix + label },
    ...extra,
  });
  const wanted = REFERENCE_FIELDS[site.holder.name]?.[site.field];
  const listField = site.field === 'providers' || site.field === 'managedBy';
  if (wanted) {
    if (listField !== site.inList || /\s/.test(site.partial)) return undefined;
    return idItems(lines, result, site, wanted, prefix);
  }
  if (site.inList) return undefined;
  if (site.field === 'country' && (site.holder.name === 'partner' || site.holder.name === 'customer')) {
    return [...allMarkets()]
      .sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1))
      .map((m, i) =>
        item(m.iso2, CompletionItemKind.Value, {
          detail: `${m.name} · ${m.region}`,
          filterText: `${m.iso2} ${m.name}`,
          sortText: sortKey(i),
        }),
      );
  }
  if (/\s/.test(site.partial)) return undefined;
  const s = site.value.schema;
  if (s.const !== undefined) return [item(String(s.const), CompletionItemKind.Value, { sortText: sortKey(0) })];
  if (Array.isArray(s.enum)) {
    let values = s.enum.map(String);
    let derived: { region: string; country: string } | undefined;
    if (site.field === 'region') {
      const entry = entryOf(site.chain);
      const country = entry && lines.entryFields(entry).get('country');
      const region = regionOf(country);
      if (country && region && values.includes(region)) {
        derived = { region, country };
        values = [region, ...values.filter((v) => v !== region)];
      }
    }
    return values.map((v, i) =>
      item(v, CompletionItemKind.EnumMember, {
        sortText: sortKey(i),
        detail:
          derived?.region === v
            ? message(locale, 'lsp.completion.derived-region', { country: derived.country })
            : s.default === v
              ? message(locale, 'lsp.completion.default')
              : undefined,
      }),
    );
  }
  if (s.type === 'boolean') return ['true', 'false'].map((v, i) => item(v, CompletionItemKind.Value, { sortText: sortKey(i) }));
  return undefined;
}

/** Partner ids a reference field accepts: those in the region of the entry being edited first. */
function idItems(
  lines: Lines,
  result: CheckResult,
  site: Extract<Site, { kind: 'value' }>,
  wanted: Wanted,
  prefix: string,
): CompletionItem[] {
  const model = usableModel(result);
  const entry = entryOf(site.chain);
  const region = regionOf(entry && lines.entryFields(entry).get('country'));
  const seen = new Set(site.listed);
  const candidates: { id: string; same: boolean; partner: Model['partners'][number] }[] = [];
  for (const partner of model.partners) {
    const id = partner.id?.value;
    if (id === undefined || seen.has(id) || !ID_PATTERN.test(id)) continue;
    seen.add(id);
    if (wanted === 'seller' && partner.type !== 'indirect-reseller' && partner.type !== 'direct-bill') continue;
    if (wanted === 'provider' && partner.type !== 'indirect-provider') continue;
    candidates.push({ id, same: region !== undefined && partner.region === region, partner });
  }
  candidates.sort((a, b) => Number(b.same) - Number(a.same) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return candidates.map(({ id, partner }, i) => {
    const item: CompletionItem = {
      label: id,
      kind: CompletionItemKind.Reference,
      detail: [partner.type, partner.country?.value, partner.region].filter(Boolean).join(' · ') || undefined,
      sortText: sortKey(i),
      textEdit: { range: site.range, newText: prefix + id },
    };
    if (partner.name) item.documentation = partner.name;
    return item;
  });
}

/** What a key's value is, for the detail of its completion. */
function valueKind(locale: CheckResult['locale'], holder: SchemaAt, key: string, value: SchemaAt): string {
  const s = value.schema;
  if (REFERENCE_FIELDS[holder.name]?.[key]) return message(locale, s.type === 'array' ? 'lsp.value.partner-ids' : 'lsp.value.partner-id');
  if (s.const !== undefined) return String(s.const);
  if (value.def === 'region') return message(locale, 'lsp.value.region');
  if (Array.isArray(s.enum)) return s.enum.join(' | ');
  switch (value.def) {
    case 'id':
      return message(locale, 'lsp.value.id');
    case 'date':
      return message(locale, 'lsp.value.date');
    case 'tenant':
      return message(locale, 'lsp.value.tenant');
    case 'country':
      return message(locale, 'lsp.value.country');
  }
  if (Array.isArray(s.type)) return message(locale, 'lsp.value.partner-number');
  if (s.type === 'boolean') return message(locale, 'lsp.value.boolean');
  if (s.type === 'object') return message(locale, 'lsp.value.mapping');
  if (s.type === 'array') return message(locale, 'lsp.value.list');
  return message(locale, 'lsp.value.text');
}

/** Does completing the value of this key offer something (so the suggestions open again after the key)? */
function hasValueItems(holder: SchemaAt, key: string, value: SchemaAt): boolean {
  const s = value.schema;
  return (
    Boolean(REFERENCE_FIELDS[holder.name]?.[key]) ||
    (key === 'country' && value.def === 'country') ||
    s.const !== undefined ||
    Array.isArray(s.enum) ||
    s.type === 'boolean'
  );
}

function keyItems(lines: Lines, result: CheckResult, site: Extract<Site, { kind: 'key' }>, line: number): CompletionItem[] | undefined {
  const holder = schemaAlong(site.chain);
  const properties = holder?.schema.properties;
  if (!holder || !properties) return undefined;
  const present = lines.siblingKeys(line, site.col, site.parentOnLine);
  const required = new Set<string>(holder.schema.required ?? []);
  // Lines after the first are indented by the editor as the line is (InsertTextMode.adjustIndentation).
  const lineIndent = /^ */.exec(lines.shape(line).text)![0].length;
  const pad = ' '.repeat(Math.max(0, site.col + 2 - lineIndent));
  const items: CompletionItem[] = [];
  for (const key of Object.keys(properties)) {
    if (present.has(key)) continue;
    const value = childSchema(holder, key)!;
    const kind = valueKind(result.locale, holder, key, value);
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Property,
      detail: required.has(key) ? message(result.locale, 'lsp.completion.required', { detail: kind }) : kind,
      sortText: sortKey(items.length),
    };
    if (typeof value.schema.description === 'string') item.documentation = { kind: MarkupKind.Markdown, value: value.schema.description };
    const insert = site.hasColon ? { text: key } : keyInsert(holder, key, value, pad);
    item.textEdit = { range: site.range, newText: insert.text };
    if (insert.snippet) {
      item.insertTextFormat = InsertTextFormat.Snippet;
      item.insertTextMode = InsertTextMode.adjustIndentation;
    }
    if (insert.suggest) item.command = TRIGGER_SUGGEST;
    items.push(item);
  }
  return items;
}

/** What a key completion inserts: `key: ` for a scalar, a snippet that opens a mapping or a list. */
function keyInsert(holder: SchemaAt, key: string, value: SchemaAt, pad: string): { text: string; snippet?: boolean; suggest?: boolean } {
  const s = value.schema;
  if (s.const !== undefined) return { text: `${key}: ${String(s.const)}` };
  if (s.type === 'object') return { text: `${key}:\n${pad}$0`, snippet: true, suggest: true };
  if (s.type === 'array') {
    const items = resolve(s.items, key);
    if (!isObject(items)) return { text: `${key}: [$0]`, snippet: true, suggest: true };
    // A list of entries: the first entry with its required keys.
    const required = items!.schema.required ?? [];
    const entry = required.map((name, i) => {
      const choices = childSchema(items!, name)?.schema.enum;
      const stop = choices ? `\${${i + 1}|${choices.join(',')}|}` : `$${i + 1}`;
      return `${i === 0 ? '- ' : '  '}${name}: ${stop}`;
    });
    return { text: `${key}:\n${entry.map((l) => pad + l).join('\n')}`, snippet: true };
  }
  return { text: `${key}: `, suggest: hasValueItems(holder, key, value) };
}
