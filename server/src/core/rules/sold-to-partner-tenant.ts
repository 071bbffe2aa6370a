import { idOf, partnerOf, subscriptionName } from '../queries';
import { defineRule } from './rule';

/**
 * A customer's tenant is the CSP tenant of a partner that does not own it: another partner's CSP tenant, or
 * (when that partner sells to it and no owner is written) the seller's own.
 */
export const soldToPartnerTenant = defineRule({
  id: 'sold-to-partner-tenant',
  // A customer's tenant that cannot receive the sale makes every path to it invalid.
  scenarios: [1, 2, 4],
  blocksEverySaleOf: ['customer'],
  dependsOn: ['partner', 'customer', 'references'],
  severity: 'error',
  category: 'paths',
  checkCustomer(customer, { indexes, report }) {
    const partner = customer.tenant && indexes.partnerByTenant(customer.tenant.value);
    // The owner's own tenant is `own-use-tenant`'s case.
    if (!partner || partner === partnerOf(customer.owner)) return;
    // An owner that names no partner (or is malformed) is reported on its own: whether this is own use
    // on the owner's CSP tenant or a sale to another partner's cannot be told.
    if (customer.node.has('owner') && !partnerOf(customer.owner)) return;
    const args = { customer: idOf(customer), tenant: customer.tenant!.value, partner: idOf(partner) };
    const related = [{ node: partner.tenant!.node, key: 'sold-to-partner-tenant.related' as const, args: { partner: idOf(partner) } }];
    // The partner sells into its own CSP tenant (no owner says otherwise): its own use, written on the wrong
    // tenant, not a sale to another partner.
    const own = customer.node.has('owner') ? undefined : customer.subscriptions.find((s) => partnerOf(s.soldBy) === partner);
    if (own) {
      report({
        node: customer.tenant!.node,
        path: customer.tenant!.path,
        key: 'sold-to-partner-tenant.own',
        args: { ...args, subscription: subscriptionName(own) },
        related: [
          ...related,
          {
            node: own.soldBy!.node,
            key: 'sold-to-partner-tenant.seller',
            args: { partner: idOf(partner), subscription: subscriptionName(own) },
          },
        ],
      });
      return;
    }
    report({ node: customer.tenant!.node, path: customer.tenant!.path, key: 'sold-to-partner-tenant', args, related });
  },
});
