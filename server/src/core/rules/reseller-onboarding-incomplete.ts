import { flagRule } from './flag-rule';

/** A transacting indirect reseller has not confirmed both onboarding prerequisites. */
export const resellerOnboardingIncomplete = flagRule({
  id: 'reseller-onboarding-incomplete',
  scenarios: [1],
  blocksEverySaleOf: ['partner'],
  appliesTo: 'indirect-reseller',
  block: 'onboarding',
  flags: ['aiCloudPartnerProgram', 'registeredAsIndirectReseller'],
});
