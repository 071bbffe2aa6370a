// What completion and hover read of a text that may have YAML errors while the user types: the model of
// what the parser recovered (the checked model is empty then), and the ids written in it by place.
import type { CheckResult } from '../core/check';
import type { Located } from '../core/loc';
import type { Entity, Model, Reference } from '../core/model';
import { idAt } from './ids';

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

/** An id under the cursor: the node it is written in, and the entity it declares or names. */
export interface FoundId {
  id: string;
  node: Located;
  entity?: Entity;
  reference?: Reference;
}

export function idUnder(result: CheckResult, model: Model, offset: number): FoundId | undefined {
  if (model === result.model) {
    const o = idAt(result, offset);
    const node = o?.reference?.node ?? o?.entity?.id?.node;
    return o && node ? { id: o.id, node, entity: o.entity, reference: o.reference } : undefined;
  }
  // A text with YAML errors: ids.ts reads the checked (empty) model; look through the recovered one.
  const index = recoveredIds(model);
  let low = 0,
    high = index.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = index[mid].node.range!;
    if (offset < start) high = mid - 1;
    else if (offset > end) low = mid + 1;
    else return index[mid];
  }
  return undefined;
}

const recoveredIndexes = new WeakMap<Model, FoundId[]>();

/**
 * The ids and references of a recovered model sorted by place, each place once (an id before a reference
 * that an alias places on it): made once per text version, not per hover.
 */
function recoveredIds(model: Model): FoundId[] {
  let index = recoveredIndexes.get(model);
  if (index) return index;
  const all: FoundId[] = [];
  for (const entity of [...model.partners, ...model.customers]) {
    if (entity.id?.node.range) all.push({ id: entity.id.value, node: entity.id.node, entity });
  }
  for (const reference of model.references) {
    if (reference.node.range) all.push({ id: reference.value, node: reference.node, entity: reference.target, reference });
  }
  const start = (found: FoundId) => found.node.range![0];
  all.sort((a, b) => start(a) - start(b));
  index = all.filter((found, i) => i === 0 || start(found) !== start(all[i - 1]));
  recoveredIndexes.set(model, index);
  return index;
}
