import type { Partner } from '../model';
import { idOf } from './helpers';
import type { Rule } from './rule';

/** Two partners share a location PartnerID, which maps to exactly one CSP tenant. */
export const duplicatePartnerId: Rule = {
  id: 'duplicate-partner-id',
  title: 'title.duplicate-partner-id',
  summary: 'summary.duplicate-partner-id',
  docs: 'docs/rules/duplicate-partner-id.md',
  canBeOff: true,
  suppressible: true,
  offersSuppressFix: true,
  confirmFixes: [],
  scenarios: [],
  blocksEverySaleOf: [],
  dependsOn: ['partner'],
  severity: 'error',
  category: 'structure',
  check({ model, report }) {
    const first = new Map<string, Partner>();
    for (const partner of model.partners) {
      const partnerId = partner.partnerId;
      if (!partnerId) continue;
      const other = first.get(partnerId.value);
      if (!other) { first.set(partnerId.value, partner); continue; }
      const args = { partnerId: partnerId.value, other: idOf(other) };
      report({ node: partnerId.node, path: partnerId.path, key: 'duplicate-partner-id', args, related: [{ node: other.partnerId!.node, key: 'duplicate-partner-id.related', args }] });
    }
  },
};
