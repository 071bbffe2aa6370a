import { idOf } from '../queries';
import { defineRule } from './rule';

/** Two partners share a CSP tenant (compared without case, as tenant domains are). */
export const duplicatePartnerTenant = defineRule({
  id: 'duplicate-partner-tenant',
  dependsOn: ['partner'],
  severity: 'warning',
  category: 'structure',
  checkPartner(partner, { indexes, report }) {
    const tenant = partner.tenant;
    const other = tenant && indexes.partnerByTenant(tenant.value);
    if (!tenant || !other || other === partner) return;
    const args = { tenant: tenant.value, other: idOf(other) };
    // A restricted direct-bill tenant may re-enrol as an indirect reseller ("Transition from Cloud Solution Provider direct-bill
    // partner to indirect reseller", https://learn.microsoft.com/en-us/partner-center/transition-direct-to-indirect): say so, as info.
    const types = new Set([partner.type, other.type]);
    const reenrolled = types.has('direct-bill') && types.has('indirect-reseller');
    report({
      node: tenant.node,
      path: tenant.path,
      args,
      key: reenrolled ? 'duplicate-partner-tenant.reenrolled' : 'duplicate-partner-tenant',
      severity: reenrolled ? 'info' : undefined,
      related: [{ node: other.tenant!.node, key: 'duplicate-partner-tenant.related', args }],
    });
  },
});
