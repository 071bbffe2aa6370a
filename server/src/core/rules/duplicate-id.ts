import type { Entity, Field } from '../model';
import { idOf } from '../queries';
import { defineRule, UnitContext } from './rule';

/** Partners and customers share one id namespace; subscription ids are per customer. */
export const duplicateId = defineRule({
  id: 'duplicate-id',
  dependsOn: ['partner', 'customer', 'subscription', 'line-numbers'],
  severity: 'error',
  category: 'structure',
  checkPartner(partner, context) {
    reportDuplicateId(partner, context);
  },
  checkCustomer(customer, context) {
    reportDuplicateId(customer, context);
    const seen = new Map<string, Field<string>>();
    for (const subscription of customer.subscriptions) {
      const id = subscription.id;
      if (!id) continue;
      const first = seen.get(id.value);
      if (!first) {
        seen.set(id.value, id);
        continue;
      }
      context.report({
        node: id.node,
        path: id.path,
        key: 'duplicate-id.subscription',
        args: { id: id.value, customer: idOf(customer), line: first.node },
        related: [{ node: first.node, key: 'duplicate-id.related', args: {} }],
      });
    }
  },
});

/** An entity whose id an earlier entity (partner or customer) already declares. */
function reportDuplicateId(entity: Entity, { indexes, report }: UnitContext): void {
  const first = entity.id && indexes.entity(entity.id.value);
  if (!entity.id || !first || first === entity) return;
  report({
    node: entity.id.node,
    path: entity.id.path,
    key: 'duplicate-id',
    // The line is written from the place when the message is: it moves with the text.
    args: { id: entity.id.value, otherKind: { key: `kind.${first.kind}` }, line: first.id!.node },
    related: [{ node: first.id!.node, key: 'duplicate-id.related', args: {} }],
  });
}
