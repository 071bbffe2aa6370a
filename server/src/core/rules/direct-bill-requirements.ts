import { flagRule } from './flag-rule';

/** A transacting direct-bill partner has not confirmed all three direct-bill requirements. */
export const directBillRequirements = flagRule({
  id: 'direct-bill-requirements',
  scenarios: [1],
  blocksEverySaleOf: ['partner'],
  appliesTo: 'direct-bill',
  block: 'directBill',
  flags: ['apiIntegration', 'billingAndSupport', 'securityCompliance'],
});
