import { Entity, referencesOf } from '../model';
import { typeKey } from './helpers';
import { defineRule, entityAnchor, UnitContext } from './rule';

/** A reference names an entity of the wrong kind: a provider that is not an indirect provider, a customer as a partner. */
export const referenceKind = defineRule({
  id: 'reference-kind',
  scenarios: [1, 2, 3],
  dependsOn: ['partner', 'references'],
  severity: 'error',
  category: 'structure',
  checkPartner: (partner, context) => reportWrongKinds(partner, context),
  checkCustomer: (customer, context) => reportWrongKinds(customer, context),
});

function reportWrongKinds(entity: Entity, { report }: UnitContext): void {
  for (const ref of referencesOf(entity)) {
    const target = ref.target;
    if (!target) continue;
    const field = ref.field;
    const wantsProvider = field === 'provider' || field === 'providers';
    const related = [{ node: entityAnchor(target), key: 'reference-kind.related' as const, args: { id: ref.value } }];
    if (target.kind === 'customer') {
      report({
        node: ref.node,
        path: ref.path,
        ...(wantsProvider
          ? { key: 'reference-kind.provider', args: { field, id: ref.value, actual: { key: 'type.customer' } } }
          : { key: 'reference-kind.partner', args: { field, id: ref.value } }),
        related,
      });
    } else if (wantsProvider && target.type && target.type !== 'indirect-provider') {
      report({
        node: ref.node,
        path: ref.path,
        key: 'reference-kind.provider',
        args: { field, id: ref.value, actual: { key: typeKey(target) } },
        related,
      });
    }
  }
}
