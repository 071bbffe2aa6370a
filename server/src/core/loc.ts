import { isMap, isPair, isSeq, Node } from 'yaml';

/** Where a piece of the text starts; a segment's start moves when the text before it is edited. */
export interface Base {
  start: number;
}

/**
 * A place in the text, kept relative to the segment it was read from, so that moving the segment
 * moves every place in it without touching them. `range` has the shape of a `yaml` node's range.
 */
export class Loc {
  // Mutable so that an entry read again with the same content can move its old places onto the new text
  // (see Manifest): whatever holds one of them then sees the new position.
  constructor(
    public base: Base,
    public from: number,
    public to: number,
  ) {}

  /**
   * For a value merged into its entry (`<<: *defaults`), which is written in the merge's source and may be
   * shared by many entries: the place in the entry it comes through (the source as the merge writes it).
   */
  via?: Loc;

  /** Moves this place (see `moveOnto` in model.ts). */
  moveTo(base: Base, from: number, to: number): void {
    this.base = base;
    this.from = from;
    this.to = to;
  }

  get range(): [number, number] {
    const start = this.base.start;
    return [start + this.from, start + this.to];
  }
}

/** Anything with a range in the text: a Loc, or a `yaml` node of an on-demand parse. */
export interface Located {
  readonly range?: readonly number[] | null;
}

/** Where the nodes of one parse are: the piece of text (a segment) it read, and where that piece started then. */
export interface Placement {
  base: Base;
  parsedAt: number;
}

/**
 * Nodes read from a parse other than the one being read: the anchored value of another segment that an
 * alias or a merge of this one names (see manifest.ts). Their places are relative to their own segment.
 */
const placements = new WeakMap<Node, Placement>();

/** Notes that `node` and everything under it belong to the parse placed at `placement`. */
export function placeNodes(node: Node, placement: Placement): void {
  if (placements.has(node)) return;
  const pending: unknown[] = [node];
  while (pending.length) {
    const next = pending.pop();
    if (isPair(next)) {
      pending.push(next.key, next.value);
      continue;
    }
    if (!next || typeof next !== 'object' || placements.has(next as Node)) continue;
    placements.set(next as Node, placement);
    if (isMap(next) || isSeq(next)) for (const item of next.items) pending.push(item);
  }
}

/** Where a node of another parse is (see `placeNodes`); undefined for a node of the parse being read. */
export function placementOf(node: Node): Placement | undefined {
  return placements.get(node);
}

/** The Loc of a node parsed while `base` started at `baseStart` (or of a node of another parse, at its own place). */
export function locOf(node: Node | null | undefined, base: Base, baseStart: number): Loc | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const placed = placements.get(node);
  return placed
    ? new Loc(placed.base, range[0] - placed.parsedAt, range[1] - placed.parsedAt)
    : new Loc(base, range[0] - baseStart, range[1] - baseStart);
}

/** Where a node is relative to its segment: its base and offsets, for readers that keep offsets packed. */
export function spanOf(node: Node | null | undefined, base: Base, baseStart: number): { base: Base; from: number; to: number } | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const placed = placements.get(node);
  return placed
    ? { base: placed.base, from: range[0] - placed.parsedAt, to: range[1] - placed.parsedAt }
    : { base, from: range[0] - baseStart, to: range[1] - baseStart };
}
