import { Document, isAlias, isMap, isNode, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import { aliasGrowth, deref, isMergeKey, MAX_ALIAS_VALUES } from './anchors';

/**
 * YAML merge keys (`<<: *defaults`), read as YAML 1.1 defines them and as the `yaml` package does with
 * `merge: true`: the pairs of the source mapping are added to the mapping that merges it, except keys
 * the mapping writes itself, which override merged ones wherever they are written; with a list of
 * sources (`<<: [*a, *b]`) an earlier source wins over a later one. Every reader of the manifest (the
 * schema, the model, fixes, navigation) sees a mapping through `viewOf`, so they all agree on what an
 * entry holds and where each of its values is written.
 */

export { isMergeKey };

/** One key of a mapping as read: written in it, or merged into it. */
export interface MapEntry {
  /** The key as the data has it (a JSON object key). */
  readonly name: string;
  /** The key node, where it is written (in the source mapping for a merged key). */
  readonly key: Node | null;
  /** The value as written: an alias is not followed. */
  readonly value: Node | null;
  readonly pair: Pair;
  /**
   * For a merged key: the source as this mapping's merge writes it (`*defaults`, one item of
   * `[*a, *b]`, or a mapping written in place), the place in this mapping the value comes through.
   */
  readonly via?: Node;
}

/** A mapping as read: its keys, merged ones included, in order (a merge's keys stand where it is written). */
export interface MapView {
  readonly entries: readonly MapEntry[];
  /** The entry of a key (the first, where a text writes one twice). */
  entry(name: string): MapEntry | undefined;
  /** Keys written in the mapping that override a merged one: removing one would bring the merged value back. */
  readonly overrides: ReadonlySet<string>;
  /** A merge of this mapping (or of a source it merges) was left out: it expands past the alias budget. */
  readonly unread: boolean;
}

/** The key of a pair as the data has it. */
export function keyName(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  // A mapping, a list or an alias as a key (a complex key, a YAML error of its own) is named by its place:
  // turned into data, it could throw (a merge in it whose source is not a mapping).
  if (isNode(key)) return `\u0000${key.range?.[0] ?? ''}`;
  return String(key);
}

/** One source of a merge: the node as the merge writes it, and what it names. */
export interface MergeSource {
  written: Node;
  /** The node the source names; null where nothing is written (`<<:` alone), undefined for an alias that names nothing. */
  target: Node | null | undefined;
}

/**
 * The sources of a merge pair: one for `<<: *a` or `<<: {…}`, one per item of a list written in place
 * (`<<: [*a, *b]`) or named by an alias (`<<: *list`, whose items are then reported on the alias).
 */
export function mergeSources(pair: Pair, doc?: Document): MergeSource[] {
  const value = pair.value as Node | null;
  // Nothing written after `<<:` (the parser makes an empty scalar there): the key stands for it.
  if (!value || (isScalar(value) && value.range?.[0] === value.range?.[1])) return [{ written: pair.key as Node, target: null }];
  const target = deref(value, doc);
  if (!isSeq(target)) return [{ written: value, target }];
  const inPlace = !isAlias(value);
  return target.items.map((item) => ({
    written: inPlace && item ? (item as Node) : value,
    target: item ? deref(item, doc) : null,
  }));
}

const views = new WeakMap<YAMLMap, MapView>();
/** Mappings whose view is being made: a merge of one of them again is a cycle (a syntax error, see parse.ts). */
const making = new Set<YAMLMap>();
let cycles = 0;

const NONE: ReadonlySet<string> = new Set();

/**
 * The view of a mapping (remembered per mapping: what its aliases name is fixed for the life of its
 * parse). A merge whose source is not a mapping, or that merges a mapping holding it, is a YAML error
 * reported by the parse and adds nothing here; a merge that expands past the alias budget is left out
 * (the schema reports it) and makes the view `unread`.
 */
export function viewOf(map: YAMLMap, doc?: Document): MapView {
  // A reader asks one mapping for its keys one after another: the last view answers at once.
  if (map === last.map) return last.view!;
  const view = makeView(map, doc);
  // (A view with merges is kept per mapping when it can be, see below.)
  if (view instanceof PlainView) {
    last.map = map;
    last.view = view;
  }
  return view;
}

const last: { map?: YAMLMap; view?: MapView } = {};

function makeView(map: YAMLMap, doc?: Document): MapView {
  const known = views.get(map);
  if (known) return known;
  if (!map.items.some((pair) => isMergeKey(pair.key))) {
    // Most mappings merge nothing: a view of a short one is made per use and dropped (nothing kept per
    // mapping of a large manifest); a long one keeps its index (a mapping of thousands of unknown keys is
    // asked about each of them).
    const view = new PlainView(map);
    if (map.items.length > 16) views.set(map, view);
    return view;
  }
  if (making.has(map)) {
    cycles++;
    return { entries: [], entry: () => undefined, overrides: NONE, unread: false };
  }
  const cyclesBefore = cycles;
  making.add(map);
  try {
    const own = new Set<string>();
    for (const pair of map.items) if (!isMergeKey(pair.key)) own.add(keyName(pair.key));
    const entries: MapEntry[] = [];
    const byName = new Map<string, MapEntry>();
    const overrides = new Set<string>();
    let unread = false;
    const add = (entry: MapEntry) => {
      if (byName.has(entry.name)) return;
      byName.set(entry.name, entry);
      entries.push(entry);
    };
    for (const pair of map.items) {
      if (!isMergeKey(pair.key)) {
        add({ name: keyName(pair.key), key: pair.key as Node | null, value: pair.value as Node | null, pair });
        continue;
      }
      if (pair.value && aliasGrowth(pair.value as Node, doc) > MAX_ALIAS_VALUES) {
        unread = true;
        continue;
      }
      const seen = new Set<Node>();
      for (const { written, target } of mergeSources(pair, doc)) {
        if (!isMap(target) || seen.has(target)) continue;
        seen.add(target);
        const source = viewOf(target, doc);
        if (source.unread) unread = true;
        for (const entry of source.entries) {
          if (own.has(entry.name)) overrides.add(entry.name);
          else add({ name: entry.name, key: entry.key, value: entry.value, pair: entry.pair, via: written });
        }
      }
    }
    const view: MapView = { entries, entry: (name) => byName.get(name), overrides, unread };
    // A view made across a cycle depends on where the cycle was entered: not kept.
    if (cycles === cyclesBefore) views.set(map, view);
    return view;
  } finally {
    making.delete(map);
  }
}

const entryOfPair = (pair: Pair): MapEntry => ({
  name: keyName(pair.key),
  key: pair.key as Node | null,
  value: pair.value as Node | null,
  pair,
});

/** The view of a mapping without a merge key: its own pairs. */
class PlainView implements MapView {
  private made: MapEntry[] | undefined;
  private byName: Map<string, MapEntry> | undefined;
  readonly overrides = NONE;
  readonly unread = false;

  constructor(private readonly map: YAMLMap) {}

  get entries(): readonly MapEntry[] {
    return (this.made ??= this.map.items.map(entryOfPair));
  }

  entry(name: string): MapEntry | undefined {
    const items = this.map.items;
    if (items.length <= 16) {
      for (const pair of items) if (keyName(pair.key) === name) return entryOfPair(pair);
      return undefined;
    }
    if (!this.byName) {
      this.byName = new Map();
      for (const e of this.entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
    }
    return this.byName.get(name);
  }
}

/**
 * Calls `visit` with each key of a mapping as read (`viewOf`), in order, without making a list of them
 * for a mapping that merges nothing (the model and the schema read every mapping of a manifest).
 */
export function eachEntry(
  map: YAMLMap,
  doc: Document | undefined,
  visit: (name: string, key: Node | null, value: Node | null, via: Node | undefined) => void,
): MapView {
  const view = viewOf(map, doc);
  if (view instanceof PlainView)
    for (const pair of map.items) visit(keyName(pair.key), pair.key as Node | null, pair.value as Node | null, undefined);
  else for (const e of view.entries) visit(e.name, e.key, e.value, e.via);
  return view;
}

/** The value node of `name` in a mapping as read (merged keys included), aliases followed. */
export function valueOf(map: YAMLMap, name: string, doc?: Document): Node | undefined {
  return deref(viewOf(map, doc).entry(name)?.value, doc);
}

/** Whether a mapping writes a merge key. */
export function hasMerge(map: YAMLMap): boolean {
  return map.items.some((pair) => isMergeKey(pair.key));
}
