import { idOf } from '../queries';
import { defineRule } from './rule';

/** Two partners share a location PartnerID, which maps to exactly one CSP tenant. */
export const duplicatePartnerId = defineRule({
  id: 'duplicate-partner-id',
  dependsOn: ['partner'],
  severity: 'error',
  category: 'structure',
  checkPartner(partner, { indexes, report }) {
    const partnerId = partner.partnerId;
    const other = partnerId && indexes.partnerByPartnerId(partnerId.value);
    if (!partnerId || !other || other === partner) return;
    const args = { partnerId: partnerId.value, other: idOf(other) };
    report({
      node: partnerId.node,
      path: partnerId.path,
      key: 'duplicate-partner-id',
      args,
      related: [{ node: other.partnerId!.node, key: 'duplicate-partner-id.related', args }],
    });
  },
});
