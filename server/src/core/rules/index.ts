import type { Rule } from './rule';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { duplicateId } from './duplicate-id';
import { unknownReference } from './unknown-reference';
import { referenceKind } from './reference-kind';
import { providersNotReseller } from './providers-not-reseller';
import { unknownCountry } from './unknown-country';
import { regionMismatch } from './region-mismatch';
import { duplicatePartnerId } from './duplicate-partner-id';
import { duplicatePartnerTenant } from './duplicate-partner-tenant';
import { marketStatusUnverified } from './market-status-unverified';
import { mpaNotAccepted } from './mpa-not-accepted';
import { mpaAfterOrder } from './mpa-after-order';
import { resellerOnboardingIncomplete } from './reseller-onboarding-incomplete';
import { directBillRequirements } from './direct-bill-requirements';
import { resellerNeedsProvider } from './reseller-needs-provider';
import { providerNotLinked } from './provider-not-linked';
import { providerSellsDirect } from './provider-sells-direct';
import { directBillHasProvider } from './direct-bill-has-provider';
import { soldToPartnerTenant } from './sold-to-partner-tenant';
import { crossRegionSale } from './cross-region-sale';
import { crossRegionRelationship } from './cross-region-relationship';
import { crossRegionManagement } from './cross-region-management';
import { selfSale } from './self-sale';
import { sharedServicesMisuse } from './shared-services-misuse';
import { sharedServicesDuplicate } from './shared-services-duplicate';
import { ownUseTenant } from './own-use-tenant';
import { unusedSuppression } from './unused-suppression';

/** Every rule, in the order of the spec's tables. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownReference,
  referenceKind,
  providersNotReseller,
  unknownCountry,
  regionMismatch,
  duplicatePartnerId,
  duplicatePartnerTenant,
  marketStatusUnverified,
  mpaNotAccepted,
  mpaAfterOrder,
  resellerOnboardingIncomplete,
  directBillRequirements,
  resellerNeedsProvider,
  providerNotLinked,
  providerSellsDirect,
  directBillHasProvider,
  soldToPartnerTenant,
  crossRegionSale,
  crossRegionRelationship,
  crossRegionManagement,
  selfSale,
  sharedServicesMisuse,
  sharedServicesDuplicate,
  ownUseTenant,
  unusedSuppression,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
