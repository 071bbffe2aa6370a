import { Alias, Document, isAlias, isMap, isScalar, isSeq, Node, visit } from 'yaml';

/**
 * Anchors and aliases, resolved once per parse: what an alias refers to, across the documents of a text
 * parsed in pieces, and how much a value grows through its aliases (and merges).
 */

/**
 * Values a value may grow by through aliases (and merges) before we call it an alias bomb: sharing a
 * record (an MPA, a provider list) between thousands of entries adds a few values to each.
 */
export const MAX_ALIAS_VALUES = 10_000;

/**
 * Anchors written before a document that was parsed on its own (a piece of a text held in segments,
 * see manifest.ts): the node an alias names when its document has no anchor of that name before it.
 */
export type OuterAnchors = (name: string) => Node | undefined;

/**
 * A document's anchored nodes and aliases in document order, listed once: yaml's own `Alias.resolve`
 * walks the whole document for every alias it resolves, which makes a manifest whose partners share one
 * anchored record quadratic (1,000 partners took 33 s).
 */
interface AnchorTable {
  position: Map<Node, number>;
  byName: Map<string, number[]>;
  nodes: Node[];
  /** How many of the nodes are aliases: without any, no value of the document grows. */
  aliases: number;
}
const anchorTables = new WeakMap<Document, AnchorTable>();
/** The document each alias was parsed in: a node of one piece may be read from another (see `OuterAnchors`). */
const homes = new WeakMap<Alias, Document>();
const outers = new WeakMap<Document, OuterAnchors>();

/** Lets the aliases of `doc` name anchors written before it, elsewhere in the text. */
export function setOuterAnchors(doc: Document, outer: OuterAnchors): void {
  outers.set(doc, outer);
}

function anchorTable(doc: Document): AnchorTable {
  let table = anchorTables.get(doc);
  if (!table) {
    const built: AnchorTable = { position: new Map(), byName: new Map(), nodes: [], aliases: 0 };
    visit(doc, {
      Node(_key, node) {
        const anchor = (node as { anchor?: string }).anchor;
        if (isAlias(node)) {
          homes.set(node, doc);
          built.aliases++;
        } else if (!anchor) return;
        built.position.set(node, built.nodes.length);
        if (anchor) (built.byName.get(anchor) ?? built.byName.set(anchor, []).get(anchor)!).push(built.nodes.length);
        built.nodes.push(node);
      },
    });
    anchorTables.set(doc, (table = built));
  }
  return table;
}

/** Makes the anchor table of a new parse, so that each of its aliases knows its document. */
export function indexAnchors(doc: Document): void {
  anchorTable(doc);
}

/** The anchor names a document defines. */
export function anchorNames(doc: Document): string[] {
  return [...anchorTable(doc).byName.keys()];
}

/** Every node anchored `name` in a document, in document order. */
export function anchoredNodes(doc: Document, name: string): Node[] {
  const table = anchorTable(doc);
  return (table.byName.get(name) ?? []).map((at) => table.nodes[at]);
}

/** The last node anchored `name` in a document (what an alias after it names), if any. */
export function lastAnchored(doc: Document, name: string): Node | undefined {
  const table = anchorTable(doc);
  const named = table.byName.get(name);
  return named ? table.nodes[named[named.length - 1]] : undefined;
}

/**
 * What an alias refers to, as yaml has it: the last node anchored with its name before it in its
 * document, else (for a piece of a text parsed on its own) the last one before that piece. `doc` is the
 * document the alias was read from when it has not been indexed (a parse of this module always is).
 */
export function resolveAlias(alias: Alias, doc?: Document): Node | undefined {
  const home = homes.get(alias) ?? doc;
  if (!home) return undefined;
  const table = anchorTable(home);
  const at = table.position.get(alias) ?? table.nodes.length;
  const named = table.byName.get(alias.source);
  if (named) {
    let low = 0,
      high = named.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (named[mid] < at) low = mid + 1;
      else high = mid;
    }
    if (low > 0) return table.nodes[named[low - 1]];
  }
  return outers.get(home)?.(alias.source);
}

/** Follows an alias to its anchored node; leaves other nodes as they are. */
export function deref(node: unknown, doc?: Document): Node | undefined {
  if (isAlias(node)) return resolveAlias(node, doc);
  return node as Node | undefined;
}

/** A merge key: `<<` written plain (or tagged `!!merge`), which the parser reads with `merge: true` as a symbol. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/**
 * How many values a node holds as written (an alias is one) and once its aliases are followed (a merge
 * counts its sources whole, overridden keys included: an upper bound). Remembered per document (what
 * an alias names is fixed for the life of its parse); a node another document's alias names is counted
 * in the memo of the document that asks.
 */
interface Sizes {
  written: Map<Node, number>;
  expanded: Map<Node, number>;
}
const sizesOf = new WeakMap<Document, Sizes>();

function count(node: Node | null | undefined, follow: boolean, memo: Map<Node, number>, doc?: Document): number {
  if (!node) return 1;
  if (isAlias(node)) {
    const target = follow ? resolveAlias(node, doc) : undefined;
    return target ? count(target, follow, memo, doc) : 1;
  }
  const known = memo.get(node);
  if (known !== undefined) return known;
  // An anchor whose alias sits inside it (a cycle) counts once: its data refers to itself.
  memo.set(node, 1);
  let total = 1;
  if (isSeq(node)) for (const item of node.items) total += count(item as Node | null, follow, memo, doc);
  if (isMap(node)) for (const pair of node.items) total += 1 + count(pair.value as Node | null, follow, memo, doc);
  // Past the limit the exact number does not matter, and it could grow past what a number holds.
  total = Math.min(total, Number.MAX_SAFE_INTEGER);
  memo.set(node, total);
  return total;
}

/** How many values `node` grows by through its aliases and merges (`doc`: the document it is read from, whose memo is used). */
export function aliasGrowth(node: Node, doc?: Document): number {
  // A document without aliases (most entries) grows nothing: its values are not walked at all.
  if (doc && anchorTable(doc).aliases === 0) return 0;
  let sizes = doc && sizesOf.get(doc);
  if (!sizes) {
    sizes = { written: new Map(), expanded: new Map() };
    if (doc) sizesOf.set(doc, sizes);
  }
  return count(node, true, sizes.expanded, doc) - count(node, false, sizes.written, doc);
}
