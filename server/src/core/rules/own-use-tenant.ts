import { idOf, partnerOf } from './helpers';
import type { Rule } from './rule';

/** An owned (own-use) customer uses its owner's CSP tenant instead of a separate customer tenant. */
export const ownUseTenant: Rule = {
  id: 'own-use-tenant',
  severity: 'error',
  category: 'own-use',
  check({ model, report }) {
    for (const customer of model.customers) {
      const owner = partnerOf(customer.owner);
      const tenant = customer.tenant;
      if (!owner?.tenant || !tenant || customer.sharedServices?.value === true) continue;
      if (tenant.value.toLowerCase() !== owner.tenant.value.toLowerCase()) continue;
      report({
        node: tenant.node, path: tenant.path, key: 'own-use-tenant',
        args: { customer: idOf(customer), owner: idOf(owner), tenant: tenant.value },
        related: [{ node: owner.tenant.node, key: 'own-use-tenant.related', args: { owner: idOf(owner) } }],
      });
    }
  },
};
