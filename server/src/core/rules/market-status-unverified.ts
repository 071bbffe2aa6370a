import { market } from '../regions';
import type { Entity } from '../model';
import { defineRule, UnitContext } from './rule';

/** Markets where Microsoft suspended new sales in 2022; whether they transact today is not verified. */
const SUSPENDED = new Set(['RU', 'BY']);

export const marketStatusUnverified = defineRule({
  id: 'market-status-unverified',
  dependsOn: ['partner', 'customer'],
  severity: 'info',
  category: 'structure',
  checkPartner: (partner, context) => reportSuspended(partner, context),
  checkCustomer: (customer, context) => reportSuspended(customer, context),
});

function reportSuspended(entity: Entity, { report }: UnitContext): void {
  const country = entity.country;
  if (!country || !SUSPENDED.has(country.value)) return;
  report({
    node: country.node,
    path: country.path,
    key: 'market-status-unverified',
    args: { country: country.value, countryName: market(country.value)!.name },
  });
}
