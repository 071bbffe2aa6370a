import type { CheckResult } from '../core/check';
import type { Entity, Reference } from '../core/model';

/** An id written in the manifest: where an entity declares it, or where a reference names it. */
export interface IdOccurrence {
  id: string;
  start: number;
  end: number;
  /** The declaring entity (for a declaration), or the entity the reference resolves to. */
  entity?: Entity;
  reference?: Reference;
}

const indexes = new WeakMap<CheckResult, IdOccurrence[]>();

/** Every id occurrence of a checked text, sorted by offset; built once per check, on first use. */
export function idOccurrences(result: CheckResult): IdOccurrence[] {
  let index = indexes.get(result);
  if (index) return index;
  index = [];
  for (const entity of [...result.model.partners, ...result.model.customers]) {
    const node = entity.id?.node;
    if (entity.id && node?.range) index.push({ id: entity.id.value, start: node.range[0], end: node.range[1], entity });
  }
  for (const reference of result.model.references) {
    const range = reference.node.range;
    if (range) index.push({ id: reference.value, start: range[0], end: range[1], entity: reference.target, reference });
  }
  index.sort((a, b) => a.start - b.start);
  indexes.set(result, index);
  return index;
}

/** The id under the cursor (the cursor may sit right after its last character). */
export function idAt(result: CheckResult, offset: number): IdOccurrence | undefined {
  const index = idOccurrences(result);
  let low = 0, high = index.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const o = index[mid];
    if (offset < o.start) high = mid - 1;
    else if (offset > o.end) low = mid + 1;
    else return o;
  }
  return undefined;
}

/** Every occurrence of one id: its declaration(s) and its references. */
export function occurrencesOf(result: CheckResult, id: string): IdOccurrence[] {
  return idOccurrences(result).filter((o) => o.id === id);
}
