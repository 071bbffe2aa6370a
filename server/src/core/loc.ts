import type { Node } from 'yaml';

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

/** The Loc of a node parsed while `base` started at `baseStart`. */
export function locOf(node: Node | null | undefined, base: Base, baseStart: number): Loc | undefined {
  const range = node?.range;
  return range ? new Loc(base, range[0] - baseStart, range[1] - baseStart) : undefined;
}
