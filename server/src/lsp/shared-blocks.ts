// Shared blocks: a mapping anchored `&name` (under a top-level `x-` key, usually) that other mappings
// merge with `<<: *name` (docs/merge-keys.md). The schema never looks into an `x-` value, but what a
// shared block holds is read in every mapping that merges it: completion and hover read the block with
// the schema of those mappings. Found in the text as typed, as the rest of completion is (the YAML is
// often invalid while the user types): the anchor on the block's key line, the `<<` values that name it.
import type { TextLike } from '../core/text';
import type { Lines, LineShape, Point } from './half-typed-yaml';
import { childSchema, isMapping, rootSchemaAt, SchemaAt } from './schema-walk';

/** A shared block: its anchor, where it is, and the mappings that read it. */
export interface SharedBlock {
  anchor: string;
  /** The line of the key whose value the block is (`x-mpa: &mpa`). */
  line: number;
  /** The schema the block is read with: that of the mappings that merge it (see `commonSchema`). */
  schema: SchemaAt;
  /** How many mappings merge it, through other shared blocks too. */
  count: number;
  /** Where those mappings are (`partners[]`, `customers[].subscriptions[]`), each once, in text order. */
  places: string[];
}

/** What a walk along a chain found: the schema at its end, and the innermost shared block on the way (at `sharedAt` in the chain). */
interface Walk {
  schema?: SchemaAt;
  shared?: SharedBlock;
  sharedAt?: number;
}

/** Shared blocks merged into shared blocks deeper than this are not followed (each level reads the text again). */
const MAX_DEPTH = 8;
/** Aliases of one anchor looked at, at most: thousands of entries may merge one block. */
const MAX_ALIASES = 20_000;

/** The merge key as written: a plain `<<` (a quoted `"<<"` is an ordinary key). */
export function isMergeKeyLine(shape: LineShape): boolean {
  return shape.key !== undefined && shape.text.slice(shape.key.start, shape.key.end) === '<<';
}

/** The anchor a key line gives its block value: `x-mpa: &mpa` (nothing else after the colon but a comment). */
export function anchorOfKeyLine(shape: LineShape): string | undefined {
  if (!shape.key) return undefined;
  return /^&([^\s,[\]{}]+)$/.exec(shape.text.slice(shape.valueStart, shape.end))?.[1];
}

/** What ends an anchor or alias name: spaces, line breaks and flow indicators (and the end of the text). */
const NAME_ENDS = new Set([...' \t\r\n,[]{}'].map((c) => c.charCodeAt(0)));

/** Whether a character (a code from `charCodeAt`, NaN past either end) may be part of an anchor or alias name. */
export const isNameChar = (code: number) => !Number.isNaN(code) && !NAME_ENDS.has(code);

/** Whether `token` (`*name`, `&name`) at `at` stands alone: nothing of a name right before or after it. */
function isTokenAt(text: TextLike, at: number, length: number): boolean {
  return (at === 0 || !isNameChar(text.charCodeAt(at - 1))) && !isNameChar(text.charCodeAt(at + length));
}

/** Offsets of `token` standing alone in [from, until). */
function* tokens(text: TextLike, token: string, from: number, until: number): Generator<number> {
  let seen = 0;
  for (let at = text.indexOf(token, from); at !== -1 && at < until && seen < MAX_ALIASES; at = text.indexOf(token, at + 1), seen++)
    if (isTokenAt(text, at, token.length)) yield at;
}

/** The offset of the first `token` standing alone from `from`, or the text's end. */
function firstToken(text: TextLike, token: string, from: number): number {
  for (const at of tokens(text, token, from, text.length)) return at;
  return text.length;
}

/**
 * The schema along chains of the text as typed, where a shared block is read with the schema of the
 * mappings that merge it. Made per request: it remembers the blocks it has read.
 */
export class SchemaReader {
  private readonly blocks = new Map<number, SharedBlock | null>();

  constructor(private readonly lines: Lines) {}

  /** The schema of the node a chain leads to. */
  along(chain: readonly Point[]): SchemaAt | undefined {
    return this.walk(chain).schema;
  }

  /** The innermost shared block a chain runs through, if any. */
  sharedBlockOf(chain: readonly Point[]): SharedBlock | undefined {
    return this.walk(chain).shared;
  }

  /** Whether a chain leads to a shared block itself (not to a mapping inside one). */
  isSharedBlock(chain: readonly Point[]): boolean {
    const sharedAt = this.walk(chain).sharedAt;
    return sharedAt !== undefined && sharedAt === chain.length - 1;
  }

  /** The shared block whose key is on `line` (`x-mpa: &mpa`, merged somewhere), if any. */
  blockAt(line: number, depth = 0): SharedBlock | undefined {
    const known = this.blocks.get(line);
    if (known !== undefined) return known ?? undefined;
    // Asked again while it is being read: the block merges itself (a YAML error), which reads as no block.
    this.blocks.set(line, null);
    const block = depth < MAX_DEPTH ? this.readBlock(line, depth) : undefined;
    this.blocks.set(line, block ?? null);
    return block;
  }

  private walk(chain: readonly Point[], depth = 0): Walk {
    let schema: SchemaAt | undefined = rootSchemaAt();
    const found: Walk = {};
    chain.forEach((point, i) => {
      schema = schema && childSchema(schema, point.kind === '-' ? '-' : point.name!);
      // The schema says what a value is wherever it knows (a partner's own `mpa: &m` block): a free
      // `x-` value, or a place below one, is what the mappings that merge it make it.
      if (point.kind !== 'key' || (schema && schema.schema.type !== undefined)) return;
      const block = this.blockAt(point.line, depth);
      if (!block) return;
      schema = block.schema;
      found.shared = block;
      found.sharedAt = i;
    });
    found.schema = schema;
    return found;
  }

  private readBlock(line: number, depth: number): SharedBlock | undefined {
    const shape = this.lines.shape(line);
    const anchor = anchorOfKeyLine(shape);
    if (!anchor) return undefined;
    const text = this.lines.index.text;
    const from = this.lines.index.lineStart(line) + shape.end;
    // An anchor written again with the same name: the aliases after it name the new one.
    const until = firstToken(text, `&${anchor}`, from);
    const schemas: SchemaAt[] = [];
    const places = new Set<string>();
    let count = 0;
    for (const at of tokens(text, `*${anchor}`, from, until)) {
      const merge = this.mergeKeyAt(at);
      const chain = merge && this.lines.chainOf(merge);
      if (!chain) continue;
      const walk = this.walk(chain, depth + 1);
      if (!isMapping(walk.schema)) continue;
      schemas.push(walk.schema!);
      const rest = chain.slice(walk.sharedAt === undefined ? 0 : walk.sharedAt + 1);
      if (walk.shared) {
        count += walk.shared.count;
        for (const place of walk.shared.places) places.add(pathOf(rest, place));
      } else {
        count++;
        places.add(pathOf(rest, ''));
      }
    }
    return schemas.length ? { anchor, line, schema: commonSchema(schemas), count, places: [...places] } : undefined;
  }

  /** The `<<` key an alias at `offset` is a source of: on its line (`<<: *a`, `<<: [*a, *b]`), or above it (`<<:` then `- *a`). */
  private mergeKeyAt(offset: number): Point | undefined {
    const { line, character: col } = this.lines.index.position(offset);
    const shape = this.lines.shape(line);
    if (col >= shape.comment) return undefined;
    if (isMergeKeyLine(shape)) {
      // An alias inside a mapping written in place (`<<: { a: *x }`) is a value of that mapping, not a source.
      const source = col >= shape.valueStart && shape.text[shape.valueStart] !== '{';
      return source ? { kind: 'key', line, col: shape.key!.start, name: '<<' } : undefined;
    }
    if (shape.key || shape.dashes.length === 0 || col !== shape.body) return undefined;
    const parent = this.lines.parentOf({ line, col: shape.dashes[shape.dashes.length - 1], kind: '-' });
    return parent?.kind === 'key' && isMergeKeyLine(this.lines.shape(parent.line)) ? parent : undefined;
  }
}

/** A chain written as a path after `prefix`: `partners[]`, `customers[].subscriptions[]`, `partners[].mpa`. */
function pathOf(chain: readonly Point[], prefix: string): string {
  let path = prefix;
  for (const point of chain) path += point.kind === '-' ? '[]' : `${path ? '.' : ''}${point.name}`;
  return path;
}

/**
 * The schema of a block merged into mappings of different kinds (partners and customers, say): the
 * first kind's, with only the keys every kind accepts, as a key written in the block lands in each of
 * them and the schema checks it there.
 */
export function commonSchema(schemas: readonly SchemaAt[]): SchemaAt {
  const kinds = schemas.filter((s, i) => schemas.findIndex((other) => other.name === s.name) === i);
  const [first, ...others] = kinds;
  if (others.length === 0) return first;
  const accepted = (key: string) => others.every((other) => Object.prototype.hasOwnProperty.call(other.schema.properties ?? {}, key));
  const properties = Object.fromEntries(Object.entries(first.schema.properties ?? {}).filter(([key]) => accepted(key)));
  const required = (first.schema.required ?? []).filter(accepted);
  return { ...first, schema: { ...first.schema, properties, required } };
}
