import { idOf, partnerOf } from '../queries';
import { defineRule } from './rule';

/** An owned (own-use or shared services) customer uses its owner's CSP tenant instead of a tenant of its own. */
export const ownUseTenant = defineRule({
  id: 'own-use-tenant',
  // `sold-to-partner-tenant` for the owner's own CSP tenant.
  scenarios: [1, 2, 4],
  blocksEverySaleOf: ['customer'],
  dependsOn: ['partner', 'customer', 'references'],
  severity: 'error',
  category: 'own-use',
  checkCustomer(customer, { report }) {
    const owner = partnerOf(customer.owner);
    const tenant = customer.tenant;
    // Also a shared services tenant: Partner Center creates it apart from the CSP tenant (our reading of the creation flow on
    // https://learn.microsoft.com/en-us/partner-center/shared-services).
    if (!owner?.tenant || !tenant) return;
    if (tenant.value.toLowerCase() !== owner.tenant.value.toLowerCase()) return;
    report({
      node: tenant.node,
      path: tenant.path,
      key: 'own-use-tenant',
      args: { customer: idOf(customer), owner: idOf(owner), tenant: tenant.value },
      related: [{ node: owner.tenant.node, key: 'own-use-tenant.related', args: { owner: idOf(owner) } }],
    });
  },
});
