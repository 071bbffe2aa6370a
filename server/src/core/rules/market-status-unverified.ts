import { market } from '../regions';
import type { Entity } from '../model';
import type { Rule, UnitContext } from './rule';

/** Markets where Microsoft suspended new sales in 2022; whether they transact today is not verified. */
const SUSPENDED = new Set(['RU', 'BY']);

export const marketStatusUnverified: Rule = {
  id: 'market-status-unverified',
  title: 'title.market-status-unverified',
  summary: 'summary.market-status-unverified',
  docs: 'docs/rules/market-status-unverified.md',
  canBeOff: true,
  suppressible: true,
  offersSuppressFix: true,
  confirmFixes: [],
  scenarios: [],
  blocksEverySaleOf: [],
  dependsOn: ['partner', 'customer'],
  severity: 'info',
  category: 'structure',
  checkPartner: (partner, context) => reportSuspended(partner, context),
  checkCustomer: (customer, context) => reportSuspended(customer, context),
};

function reportSuspended(entity: Entity, { report }: UnitContext): void {
  const country = entity.country;
  if (!country || !SUSPENDED.has(country.value)) return;
  report({ node: country.node, path: country.path, key: 'market-status-unverified', args: { country: country.value, countryName: market(country.value)!.name } });
}
