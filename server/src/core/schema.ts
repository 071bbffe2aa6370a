import type { Keyed } from '../messages';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import schemaJson from '../../../schemas/csp-partners.schema.json';
import { aliasGrowth, deref, isMergeKey, MAX_ALIAS_VALUES, resolveAlias } from './anchors';
import { Base, Loc, locOf } from './loc';
import { eachEntry, MapEntry, valueOf, viewOf } from './merge';
import type { EntrySlot, ListName, Path } from './model';
import { nearest } from './similar';

/** One schema violation, already narrowed to the node a person would edit. */
export type SchemaProblem = ProblemAt<Loc>;

/** A schema problem at a place (a Loc, or a node of the parse it came from), with its `schema.*` message. */
type ProblemAt<Place> = {
  /** Undefined only when the text holds no YAML node at all (an empty file). */
  node?: Place;
  /** For a node merged into the entry (`<<: *defaults`): the merge it comes through (see `Loc.via`). */
  via?: Place;
  path: Path;
  /** Replacements the quick fix offers, nearest first: for a value or for a key. */
  suggestions?: { replace: 'value' | 'key'; values: string[] };
} & Keyed;

/** A problem while its node is still a node of the parse it came from. */
type NodeProblem = ProblemAt<Node>;

export const schema = schemaJson;

const ID_PATTERN = new RegExp(schema.definitions.id.pattern);

/** Whether a text is an id as the schema's `definitions.id` has it: what a rename must give, what completion offers. */
export function isId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** Words people use for the partner types, mapped to the value they mean. */
const synonyms: Record<string, string> = {
  'distributor': 'indirect-provider',
  'indirect-distributor': 'indirect-provider',
  'provider': 'indirect-provider',
  'reseller': 'indirect-reseller',
  'direct': 'direct-bill',
  'direct-reseller': 'direct-bill',
};

const BOOLEAN_WORDS: Record<string, string> = { yes: 'true', y: 'true', on: 'true', no: 'false', n: 'false', off: 'false' };

let validators: { root: ValidateFunction; partner: ValidateFunction; customer: ValidateFunction } | undefined;

/** Compiled once per process: the root without its lists, and one validator per list entry. */
function compiled() {
  if (validators) return validators;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date']);
  ajv.addSchema(schemaJson);
  const id = schemaJson.$id;
  const shallowRoot = {
    ...schemaJson,
    $id: `${id}#root`,
    properties: { ...schemaJson.properties, partners: { type: 'array' }, customers: { type: 'array' } },
  };
  validators = {
    root: ajv.compile(shallowRoot),
    partner: ajv.getSchema(`${id}#/definitions/partner`)!,
    customer: ajv.getSchema(`${id}#/definitions/customer`)!,
  };
  return validators;
}

/**
 * Converts one node to plain data for ajv. Aliases are followed through the document's anchor table
 * (`resolveAlias`, a lookup), merges through each mapping's view (merge.ts), and an anchored value is
 * converted once and shared, so the conversion costs the text. What an alias bomb makes explode is the
 * walk ajv then makes over the shared values: a value that grows by more than `MAX_ALIAS_VALUES` values
 * through aliases and merges is an error instead of a hang.
 */
function toData(node: Node, doc: Document): { data?: unknown; error?: string } {
  if (aliasGrowth(node, doc) > MAX_ALIAS_VALUES) return { error: 'too many aliases' };
  try {
    return { data: dataOf(node, doc, new Map()) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Values of one node as plain data; `done` holds the data of nodes already converted (anchors, shared). */
function dataOf(node: Node | null | undefined, doc: Document, done: Map<Node, unknown>): unknown {
  if (!node) return null;
  if (isAlias(node)) {
    const target = resolveAlias(node, doc);
    if (!target) throw new ReferenceError(`Unresolved alias: ${node.source}`);
    return dataOf(target, doc, done);
  }
  if (done.has(node)) return done.get(node);
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    const list: unknown[] = [];
    done.set(node, list);
    for (const item of node.items) list.push(dataOf(item as Node | null, doc, done));
    return list;
  }
  if (isMap(node)) {
    const map: Record<string, unknown> = {};
    done.set(node, map);
    eachEntry(node, doc, (name, _key, written) => {
      // Defined, not assigned: a key named `__proto__` stays an own, ordinary key.
      const value = dataOf(written, doc, done);
      Object.defineProperty(map, name, { value, enumerable: true, writable: true, configurable: true });
    });
    return map;
  }
  return null;
}

/**
 * Validates a whole parsed document (a text that is not segmented): the root, then each entry of the
 * two lists. Problems are placed relative to `base`, which starts at 0 and never moves.
 */
export function validateDocument(doc: Document | undefined, base: Base = { start: 0 }): SchemaProblem[] {
  const problems: NodeProblem[] = [];
  const root = doc && deref(doc.contents, doc);
  if (!doc || !isMap(root)) {
    problems.push({ node: root ?? undefined, path: [], key: 'schema.root-not-mapping', args: {} });
    return problems.map((p) => placed(p, base, base.start));
  }
  validateRootMap(root, () => doc, problems);
  for (const list of ['partners', 'customers'] as const) {
    const seq = deref(root.get(list, true), doc);
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, index) => validateItem(list, index, item as Node | null, doc, problems));
  }
  return problems.map((p) => placed(p, base, base.start));
}

/** One top-level pair as the root validation needs it: its parsed pair and where its segment started then. */
export interface RootPair {
  pair: Pair;
  doc: Document;
  base: Base;
  parsedAt: number;
}

/**
 * Validates the root of a segmented text: its pairs (a list header stands as an empty list, since its
 * entries are validated on their own). Each problem is placed relative to the pair it is in.
 */
export function validateRootPairs(pairs: readonly RootPair[]): SchemaProblem[] {
  // No pair parsed (they are all broken): the text is judged by a whole parse meanwhile.
  if (pairs.length === 0) return [];
  const root = new YAMLMap();
  for (const { pair } of pairs) root.items.push(pair);
  const problems: NodeProblem[] = [];
  const docs = new Map<unknown, Document>(pairs.map((p) => [p.pair, p.doc]));
  validateRootMap(root, (pair) => docs.get(pair) ?? pairs[0].doc, problems);
  // Each pair was parsed on its own, at its own time: a problem belongs to the pair whose key or value it
  // is (root problems are about a key or a value), never found by offsets, which differ between parses.
  return problems.map((problem) => {
    const owner =
      pairs.find(({ pair, doc }) => pair.key === problem.node || deref(pair.value, doc) === problem.node || pair.value === problem.node) ??
      pairs[0];
    return placed(problem, owner.base, owner.parsedAt);
  });
}

/**
 * Validates one entry of `partners` or `customers` (the item as written, perhaps not a mapping).
 * Paths are made by `entry` (so they move with it); places are relative to its segment.
 */
export function validateEntry(list: ListName, item: Node | null, doc: Document, entry: EntrySlot, parsedAt: number): SchemaProblem[] {
  const problems: NodeProblem[] = [];
  validateItem(list, entry.index, item, doc, problems);
  return problems.map((problem) => {
    const placedProblem = placed(problem, entry.base, parsedAt);
    const path = [...placedProblem.path];
    entry.paths.push(path);
    return { ...placedProblem, path };
  });
}

function placed(problem: NodeProblem, base: Base, parsedAt: number): SchemaProblem {
  const { via, ...rest } = problem;
  const node = locOf(problem.node, base, parsedAt);
  if (node && via) node.via = locOf(via, base, parsedAt);
  return { ...rest, node };
}

/** Root: scalars as they are, the two lists as empty placeholders (their entries are checked on their own). */
function validateRootMap(root: YAMLMap, docOf: (pair: Pair) => Document, problems: NodeProblem[]): void {
  // No prototype: a key named `__proto__` stays an ordinary (unknown) key.
  const shallow = Object.create(null) as Record<string, unknown>;
  const unreadable: NodeProblem[] = [];
  for (const { name: key, key: keyNode, value: written, pair } of viewOf(root, root.items[0] && docOf(root.items[0])).entries) {
    const doc = docOf(pair);
    const value = deref(written, doc);
    if (isSeq(value) || !value) {
      shallow[key] = isSeq(value) ? [] : null;
      continue;
    }
    shallow[key] = readData(written!, doc, [key], unreadable, keyNode ?? value);
  }
  problems.push(...unreadable);
  // Aliases in a problem's node are followed within the first pair's document; each pair's value was read in its own.
  const first = root.items[0];
  validate(
    compiled().root,
    shallow,
    root,
    [],
    first ? docOf(first) : new Document(),
    problems,
    unreadable.map((u) => u.path),
  );
}

function validateItem(list: ListName, index: number, item: Node | null, doc: Document, problems: NodeProblem[]): void {
  const v = compiled();
  const entry = deref(item, doc);
  if (!entry) return;
  const unreadable: NodeProblem[] = [];
  const data = readData(item!, doc, [list, index], unreadable);
  if (unreadable[0]?.path.length === 2 && unreadable[0].node === item) {
    // The entry itself (an alias, or a list) expands too far: nothing of it can be checked.
    const id = isMap(entry) ? valueOf(entry, 'id', doc) : undefined;
    const first = unreadable[0];
    const node = id ?? entry;
    problems.push(
      first.key === 'schema.too-many-aliases'
        ? { ...first, node }
        : {
            node,
            path: first.path,
            key: 'schema.unreadable',
            args: { detail: first.key === 'schema.unreadable-value' ? first.args.detail : '' },
          },
    );
    return;
  }
  problems.push(...unreadable);
  validate(
    list === 'partners' ? v.partner : v.customer,
    data,
    entry,
    [list, index],
    doc,
    problems,
    unreadable.map((u) => u.path),
  );
}

/**
 * The data of `node` for ajv. A value that expands more aliases than the budget (`toData`) is read as
 * null and reported once where it is written: the key of its pair, or the list item. The rest of the
 * entry is read as usual, and the model leaves out what the schema rejects, so that every consumer
 * (schema, model, rules, navigation) sees the same readable entry.
 */
function readData(node: Node, doc: Document, path: Path, unreadable: NodeProblem[], at: Node = node): unknown {
  const { data, error } = toData(node, doc);
  if (error === undefined) return data;
  // The value of an `x-` key is the user's own: never looked into, it is reported whole.
  const free = typeof path[path.length - 1] === 'string' && String(path[path.length - 1]).startsWith('x-');
  if (isMap(node) && !free) {
    const out = Object.create(null) as Record<string, unknown>;
    // A merge that grows past the budget is left out of every reading of the mapping (see merge.ts): said once, on its source.
    for (const pair of node.items) {
      if (isMergeKey(pair.key) && pair.value && aliasGrowth(pair.value as Node, doc) > MAX_ALIAS_VALUES)
        unreadable.push({ node: pair.value as Node, path, key: 'schema.too-many-aliases', args: { limit: MAX_ALIAS_VALUES } });
    }
    for (const { name, key, value } of viewOf(node, doc).entries) {
      out[name] = value ? readData(value, doc, [...path, name], unreadable, key ?? value) : null;
    }
    return out;
  }
  if (isSeq(node) && !free) return node.items.map((item, i) => (item ? readData(item as Node, doc, [...path, i], unreadable) : null));
  unreadable.push(
    error === 'too many aliases'
      ? { node: at, path, key: 'schema.too-many-aliases', args: { limit: MAX_ALIAS_VALUES } }
      : { node: at, path, key: 'schema.unreadable-value', args: { detail: error } },
  );
  return null;
}

function validate(
  fn: ValidateFunction,
  data: unknown,
  base: Node,
  basePath: Path,
  doc: Document,
  out: NodeProblem[],
  unreadable: Path[] = [],
): void {
  if (fn(data)) return;
  const found: NodeProblem[] = [];
  const seen = new Map<Node | undefined, NodeProblem>();
  // A value that could not be read was reported as such, and stands as null: no type errors on it.
  // (A mapping whose merge was left out, say the entry's own, skips every error at it and below it.)
  const skipped = unreadable.map((path) =>
    path
      .slice(basePath.length)
      .map((s) => `/${s}`)
      .join(''),
  );
  const isSkipped = (error: ErrorObject) => skipped.some((p) => error.instancePath === p || error.instancePath.startsWith(`${p}/`));
  for (const error of prioritise(fn.errors ?? [])) {
    if (isSkipped(error)) continue;
    const problem = describe(error, base, basePath, doc);
    if (!problem) continue;
    const earlier = seen.get(problem.node);
    // Several missing properties of one entry make one finding that names them all.
    if (earlier?.key === 'schema.required' && problem.key === 'schema.required')
      earlier.args.property = [...missingNames(earlier), ...missingNames(problem)].join(', ');
    if (earlier) continue;
    seen.set(problem.node, problem);
    found.push(problem);
  }
  dropRenamedRequirements(found);
  out.push(...found);
}

/** The properties a `schema.required` problem names (comma-separated in its `property`). */
function missingNames(problem: NodeProblem & { key: 'schema.required' }): string[] {
  const { property } = problem.args;
  return typeof property === 'string' ? property.split(', ') : [];
}

/**
 * `partner:` where `partners:` is required: the rename fix of the unknown key supplies the missing
 * property, so the "missing" half is dropped rather than reported twice.
 */
function dropRenamedRequirements(problems: NodeProblem[]): void {
  const renamed = new Set(
    problems.flatMap((p) =>
      p.key === 'schema.unknown-key' && p.suggestions ? [[...p.path.slice(0, -1), p.suggestions.values[0]].join('/')] : [],
    ),
  );
  if (renamed.size === 0) return;
  for (let i = problems.length - 1; i >= 0; i--) {
    const p = problems[i];
    if (p.key !== 'schema.required') continue;
    const missing = missingNames(p).filter((name) => !renamed.has([...p.path, name].join('/')));
    if (missing.length === 0) problems.splice(i, 1);
    else p.args.property = missing.join(', ');
  }
}

/** Errors about a missing or unknown key read better than the type errors they cause. */
function prioritise(errors: ErrorObject[]): ErrorObject[] {
  const rank = (e: ErrorObject) => (e.keyword === 'required' || e.keyword === 'additionalProperties' ? 0 : e.keyword === 'type' ? 1 : 2);
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

function decodePointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Walks an instance path from `base`, merges and aliases followed. A value that is not written at all
 * (`{ a }`, or `- ` alone) has no node: its key, or its list, stands for it. `via`: the first merge on
 * the way (see `MapEntry.via`), for a node written in a merge's source.
 */
function nodeAt(base: Node, segments: string[], doc: Document): { node: Node; via?: Node } | undefined {
  let node: Node | undefined = base;
  let via: Node | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const entry: MapEntry | undefined = viewOf(node, doc).entry(segment);
      via ??= entry?.via;
      node = deref(entry?.value, doc) ?? entry?.key ?? undefined;
    } else if (isSeq(node)) node = deref(node.items[Number(segment)], doc) ?? node;
    else return undefined;
  }
  return node && { node, via };
}

function describe(error: ErrorObject, base: Node, basePath: Path, doc: Document): NodeProblem | undefined {
  const segments = decodePointer(error.instancePath);
  const at = nodeAt(base, segments, doc);
  if (!at) return undefined;
  const problem = describeAt(error, at.node, [...basePath, ...segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s))], doc);
  const via = problem && (at.via ?? problem.via);
  return via ? { ...problem, via } : problem;
}

function describeAt(error: ErrorObject, node: Node, path: Path, doc: Document): NodeProblem | undefined {
  // Name the field, also for an entry of a list (`managedBy`, not `0`).
  const property = String([...path].reverse().find((s) => typeof s === 'string') ?? '');
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema;
  const value = isScalar(node) ? String(node.value) : '';

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      // The entry's id names it; without one, its first key.
      const anchor = isMap(node) ? (valueOf(node, 'id', doc) ?? node.items[0]?.key ?? node) : node;
      return { node: anchor as Node, path, key: 'schema.required', args: { property: missing } };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const entry = isMap(node) ? viewOf(node, doc).entry(unknown) : undefined;
      const key = entry?.key ?? undefined;
      const allowed = Object.keys((parent?.properties as object) ?? {});
      const values = nearest(unknown, allowed);
      return {
        node: key ?? node,
        via: entry?.via,
        path: [...path, unknown],
        key: 'schema.unknown-key',
        args: { property: unknown, allowed: allowed.join(', ') },
        suggestions: values.length ? { replace: 'key', values } : undefined,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const values = synonyms[value.toLowerCase()] ? [synonyms[value.toLowerCase()]] : nearest(value, allowed);
      return {
        node,
        path,
        key: 'schema.enum',
        args: { property, value, allowed: allowed.join(', ') },
        suggestions: values.length ? { replace: 'value', values } : undefined,
      };
    }
    case 'const':
      return { node, path, key: 'schema.const', args: { property, allowed: String(params.allowedValue) } };
    case 'type': {
      // YAML 1.1 habits (yes/no/on/off) are strings in YAML 1.2: offer the boolean they meant.
      const meant = params.type === 'boolean' ? BOOLEAN_WORDS[value.toLowerCase()] : undefined;
      return {
        node,
        path,
        key: `schema.type.${typeWord(String(params.type))}`,
        args: { property },
        suggestions: meant ? { replace: 'value', values: [meant] } : undefined,
      };
    }
    case 'format':
      return { node, path, key: 'schema.date', args: { property, value } };
    case 'pattern':
    case 'minimum':
      return { node, path, key: `schema.pattern.${patternKind(error.schemaPath, property)}`, args: { value } };
    case 'minLength':
      return { node, path, key: 'schema.empty', args: { property } };
    default:
      return { node, path, key: 'schema.other', args: { property, detail: error.message ?? error.keyword } };
  }
}

function typeWord(type: string): 'partner-id' | 'list' | 'mapping' | 'boolean' | 'number' | 'null' | 'string' {
  if (type.includes('integer')) return 'partner-id';
  if (type === 'array') return 'list';
  if (type === 'object') return 'mapping';
  if (type === 'boolean' || type === 'number' || type === 'null') return type;
  return 'string';
}

/** Which shared definition a pattern belongs to, for a message that says what the value should look like. */
function patternKind(schemaPath: string, property: string): 'id' | 'tenant' | 'country' | 'partner-id' {
  for (const def of ['id', 'tenant', 'country'] as const) if (schemaPath.includes(`/definitions/${def}/`)) return def;
  if (property === 'partnerId') return 'partner-id';
  return 'id';
}
