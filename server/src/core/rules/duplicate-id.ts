import type { Field } from '../model';
import { allEntities, idOf } from './helpers';
import type { Rule } from './rule';

/** Partners and customers share one id namespace; subscription ids are per customer. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  title: 'title.duplicate-id',
  summary: 'summary.duplicate-id',
  docs: 'docs/rules/duplicate-id.md',
  canBeOff: true,
  suppressible: true,
  offersSuppressFix: true,
  confirmFixes: [],
  scenarios: [],
  blocksEverySaleOf: [],
  dependsOn: ['partner', 'customer', 'subscription', 'line-numbers'],
  severity: 'error',
  category: 'structure',
  check({ model, parsed, report }) {
    const lineOf = (field: Field<string>) => parsed.lines.position(field.node.range![0]).line + 1;
    for (const entity of allEntities(model)) {
      const first = entity.id && model.byId.get(entity.id.value);
      if (!entity.id || !first || first === entity) continue;
      report({
        node: entity.id.node, path: entity.id.path, key: 'duplicate-id',
        args: { id: entity.id.value, otherKind: { key: `kind.${first.kind}` }, line: lineOf(first.id!) },
        related: [{ node: first.id!.node, key: 'duplicate-id.related', args: {} }],
      });
    }
    for (const customer of model.customers) {
      const seen = new Map<string, Field<string>>();
      for (const subscription of customer.subscriptions) {
        const id = subscription.id;
        if (!id) continue;
        const first = seen.get(id.value);
        if (!first) { seen.set(id.value, id); continue; }
        report({
          node: id.node, path: id.path, key: 'duplicate-id.subscription',
          args: { id: id.value, customer: idOf(customer), line: lineOf(first) },
          related: [{ node: first.node, key: 'duplicate-id.related', args: {} }],
        });
      }
    }
  },
};
