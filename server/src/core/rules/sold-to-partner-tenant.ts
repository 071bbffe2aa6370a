import { idOf, partnerOf } from '../queries';
import { defineRule } from './rule';

/** A customer's tenant is the CSP tenant of a partner that does not own it. */
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
    report({
      node: customer.tenant!.node,
      path: customer.tenant!.path,
      key: 'sold-to-partner-tenant',
      args: { customer: idOf(customer), tenant: customer.tenant!.value, partner: idOf(partner) },
      related: [{ node: partner.tenant!.node, key: 'sold-to-partner-tenant.related', args: { partner: idOf(partner) } }],
    });
  },
});
