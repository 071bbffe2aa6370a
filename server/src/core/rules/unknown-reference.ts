import { replaceScalar } from '../edits';
import type { Fix } from '../finding';
import { Entity, Model, Reference, referencesOf } from '../model';
import { nearest } from '../similar';
import { entityAt, referenceAt, subscriptionAt } from '../queries';
import { defineRule, UnitContext } from './rule';

/** `soldBy`, `provider`, `providers[]`, `managedBy[]` or `owner` names no entity at all. */
export const unknownReference = defineRule({
  id: 'unknown-reference',
  scenarios: [1, 2, 3],
  dependsOn: ['partner', 'references'],
  severity: 'error',
  category: 'structure',
  checkPartner: (partner, context) => reportUnknown(partner, context),
  checkCustomer: (customer, context) => reportUnknown(customer, context),
  // Candidates are computed here, when a fix is asked for, not for every unknown reference of a check.
  fixes(finding, { model, parsed, syntax, title }) {
    const ref = referenceAt(model, finding.data!.path);
    if (!ref) return [];
    const node = syntax.at(ref.path);
    if (!node) return [];
    return nearest(ref.value, candidateIds(model, ref)).flatMap((value, i): Fix[] => {
      const edit = replaceScalar(parsed, node, value);
      return edit ? [{ id: 'fix.replace-value', title: title('fix.replace-value', { value }), edits: [edit], isPreferred: i === 0 }] : [];
    });
  },
});

/**
 * The partner ids a fix may offer for `ref`: for `provider`/`providers` only indirect providers (or partners
 * whose type is itself unreadable), since any other kind would trade this finding for `reference-kind`;
 * for a list, never an id the list already holds.
 */
function candidateIds(model: Model, ref: Reference): string[] {
  const wantsProvider = ref.field === 'provider' || ref.field === 'providers';
  const list = listOf(model, ref);
  const listed = list ? idsIn(list) : undefined;
  return model.partners.flatMap((p) => {
    // Another entry of the list may hold the id; this one (unknown) never does.
    if (!p.id || listed?.has(p.id.value)) return [];
    if (wantsProvider && p.type !== undefined && p.type !== 'indirect-provider') return [];
    return [p.id.value];
  });
}

/** The `providers` or `managedBy` list `ref` is an entry of. */
function listOf(model: Model, ref: Reference): Reference[] | undefined {
  const entity = ref.field === 'providers' ? entityAt(model, ref.path) : undefined;
  return entity?.kind === 'partner' ? entity.providers : ref.field === 'managedBy' ? subscriptionAt(model, ref.path)?.managedBy : undefined;
}

/** The ids a list holds, once per list: fix-all asks for every unknown entry of a list that may hold thousands. */
function idsIn(list: Reference[]): Set<string> {
  let ids = idsOfList.get(list);
  if (!ids) idsOfList.set(list, (ids = new Set(list.map((r) => r.value))));
  return ids;
}
const idsOfList = new WeakMap<Reference[], Set<string>>();

function reportUnknown(entity: Entity, { indexes, report }: UnitContext): void {
  // Without a `partners` list (a misspelt key, say) every reference would be unknown: one schema finding says it.
  if (!indexes.hasPartnerList) return;
  for (const ref of referencesOf(entity)) {
    if (ref.target) continue;
    report({ node: ref.node, path: ref.path, key: 'unknown-reference', args: { field: ref.field, id: ref.value } });
  }
}
