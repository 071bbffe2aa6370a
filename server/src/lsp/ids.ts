import type { Located } from '../core/loc';
import type { CheckResult } from '../core/check';
import { Entity, Reference, referencesOf } from '../core/model';
import type { TextLike } from '../core/text';

/** An id written in the manifest: where an entity declares it, or where a reference names it. */
export interface IdOccurrence {
  id: string;
  start: number;
  end: number;
  /** The declaring entity (for a declaration), or the entity the reference resolves to. */
  entity?: Entity;
  reference?: Reference;
  /** Written in quotes: `start`..`end` is the text between them. */
  quoted: boolean;
}

/**
 * Where the id itself is written: inside the quotes of a quoted scalar, after the anchor of an
 * anchored one (`&a fabrikam`), on the content line of a block scalar.
 */
function spanOf(text: TextLike, node: Located, id: string): { start: number; end: number; quoted: boolean } | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const type = (node as { type?: string }).type;
  const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  const within = text.slice(start, end).lastIndexOf(id);
  if (within >= 0) return { start: start + within, end: start + within + id.length, quoted };
  // A double-quoted id written with escapes: the text between the quotes.
  if (quoted && end - start >= 2) return { start: start + 1, end: end - 1, quoted };
  return { start, end, quoted };
}

const indexes = new WeakMap<CheckResult, IdOccurrence[]>();

/**
 * The ids written by `entities` (given in text order), sorted by offset. Declarations come first, so that
 * where an alias (`*a`) makes two occurrences share one written id, the declaration is the one kept:
 * every id is written once, and a rename edits it once.
 */
function occurrencesIn(text: TextLike, entities: readonly Entity[]): IdOccurrence[] {
  const all: IdOccurrence[] = [];
  for (const entity of entities) {
    const span = entity.id && spanOf(text, entity.id.node, entity.id.value);
    if (entity.id && span) all.push({ id: entity.id.value, ...span, entity });
  }
  for (const entity of entities) {
    for (const reference of referencesOf(entity)) {
      const span = spanOf(text, reference.node, reference.value);
      if (span) all.push({ id: reference.value, ...span, entity: reference.target, reference });
    }
  }
  all.sort((a, b) => a.start - b.start);
  return all.filter((o, i) => i === 0 || o.start !== all[i - 1].start);
}

/**
 * Every id occurrence of a checked text, sorted by offset; built once per check, on first use. Only for
 * texts parsed whole (see `Model.entitiesAt`): otherwise a request reads the entries it is about.
 */
function idOccurrences(result: CheckResult): IdOccurrence[] {
  let index = indexes.get(result);
  if (!index) {
    index = occurrencesIn(result.parsed.text, [...result.model.partners, ...result.model.customers]);
    indexes.set(result, index);
  }
  return index;
}

/** The id under the cursor (the cursor may sit right after its last character). */
export function idAt(result: CheckResult, offset: number): IdOccurrence | undefined {
  const near = result.model.entitiesAt(offset);
  const index = near ? occurrencesIn(result.parsed.text, near) : idOccurrences(result);
  let low = 0,
    high = index.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const o = index[mid];
    if (offset < o.start) high = mid - 1;
    else if (offset > o.end) low = mid + 1;
    else return o;
  }
  return undefined;
}

/** Every occurrence of one id: its declaration(s) and its references, read from the entities that write it. */
export function occurrencesOf(result: CheckResult, id: string): IdOccurrence[] {
  // While the text has YAML errors its model is empty (and its indexes still hold the last good reading).
  if (result.parsed.syntaxProblems.length) return [];
  return occurrencesIn(result.parsed.text, result.model.lookup.writersOf(id)).filter((o) => o.id === id);
}
