import { insertIntoMap, overrideBlock, overrideEntries, pairOf, removeKey, setKey } from '../edits';
import type { TextEdit } from '../text';
import { entityAnchor, FixContext, idOf } from './rule';
import type { Customer, Entity, Model, Partner, PartnerType, Reference, Subscription } from '../model';

/** Orders before this date predate the MPA requirement (research F0.2: "Starting February 1, 2020"). */
export const MPA_REQUIRED_FROM = '2020-02-01';

/** The partner a reference resolves to, or undefined for a customer or an unknown id. */
export function partnerOf(ref: Reference | undefined): Partner | undefined {
  return ref?.target?.kind === 'partner' ? ref.target : undefined;
}

/**
 * The subscription's provider when it can be one: an indirect provider, behind a seller that is not
 * direct-bill. Anything else is already `reference-kind`'s or `direct-bill-has-provider`'s finding.
 */
export function providerOf(subscription: Subscription): Partner | undefined {
  const provider = partnerOf(subscription.provider);
  if (provider?.type !== 'indirect-provider' || partnerOf(subscription.soldBy)?.type === 'direct-bill') return undefined;
  return provider;
}

/** A partner a fix may send a sale to: it has accepted the MPA and meets its type's requirements. */
export function readyToTransact(partner: Partner): boolean {
  if (partner.mpa.accepted?.value !== true) return false;
  if (partner.type === 'indirect-reseller')
    return partner.onboarding.aiCloudPartnerProgram === true && partner.onboarding.registeredAsIndirectReseller === true;
  if (partner.type === 'direct-bill') {
    const d = partner.directBill;
    return d.apiIntegration === true && d.billingAndSupport === true && d.securityCompliance === true;
  }
  return true;
}

/** The indirect resellers that list `provider` (once per listing), in text order. */
export function resellersOf(model: Model, provider: Partner): Partner[] {
  const id = provider.id?.value;
  if (!id) return [];
  const resellers: Partner[] = [];
  for (const user of model.lookup.usersOf(id)) {
    if (user.kind !== 'partner' || user.type !== 'indirect-reseller') continue;
    for (const ref of user.providers) if (partnerOf(ref) === provider) resellers.push(user);
  }
  return resellers;
}

export interface Usage {
  sells: Subscription[];
  provides: Subscription[];
}

/** Where a partner transacts: the subscriptions it sells and those it provides, in text order. */
export function usageOf(model: Model, partner: Partner): Usage {
  const usage: Usage = { sells: [], provides: [] };
  const id = partner.id?.value;
  if (!id) return usage;
  for (const user of model.lookup.usersOf(id)) {
    if (user.kind !== 'customer') continue;
    for (const subscription of user.subscriptions) {
      if (partnerOf(subscription.soldBy) === partner) usage.sells.push(subscription);
      if (providerOf(subscription) === partner) usage.provides.push(subscription);
    }
  }
  return usage;
}

/** A partner transacts when it sells or provides a subscription, or is a reseller linked to providers. */
export function transacts(model: Model, partner: Partner): { yes: boolean; first?: Subscription } {
  const usage = usageOf(model, partner);
  const first = usage.sells[0] ?? usage.provides[0];
  const linked = partner.type === 'indirect-reseller' && partner.providers.length > 0;
  return { yes: first !== undefined || linked, first };
}

/** Same legal organization, or the customer's owner is (or is affiliated with) the partner. */
export function affiliation(partner: Partner, customer: Customer): 'owner' | 'affiliate' | undefined {
  const owner = partnerOf(customer.owner);
  if (owner === partner) return 'owner';
  const sameOrg = (a: Entity | undefined, b: Entity) => a?.organization !== undefined && a.organization === b.organization;
  if (sameOrg(partner, customer) || sameOrg(owner, partner)) return 'affiliate';
  return undefined;
}

export function organizationOf(partner: Partner, customer: Customer): string {
  return customer.organization ?? partnerOf(customer.owner)?.organization ?? partner.organization ?? '';
}

/** A way to sell to a customer: a direct-bill partner alone, or a reseller with one of its providers. */
export interface SalesPath {
  seller: Partner;
  provider?: Partner;
}

/**
 * Partners that could transact with `customer` instead: in the customer's region, not affiliated with it,
 * direct-bill partners, or resellers with a linked indirect provider of the same region.
 */
export function eligibleSalesPaths(model: Model, customer: Customer): SalesPath[] {
  if (!customer.region) return [];
  const paths: SalesPath[] = [];
  for (const partner of model.partners) {
    if (!partner.id || partner.region !== customer.region || affiliation(partner, customer) || !readyToTransact(partner)) continue;
    if (partner.type === 'direct-bill') paths.push({ seller: partner });
    if (partner.type === 'indirect-reseller') {
      const provider = partner.providers
        .map(partnerOf)
        .find((p) => p?.type === 'indirect-provider' && p.region === customer.region && !affiliation(p, customer) && readyToTransact(p));
      if (provider) paths.push({ seller: partner, provider });
    }
  }
  return paths;
}

export { idOf };

export function typeKey(entity: Entity | undefined): `type.${PartnerType | 'customer' | 'unknown'}` {
  if (!entity) return 'type.unknown';
  if (entity.kind === 'customer') return 'type.customer';
  return entity.type ? `type.${entity.type}` : 'type.unknown';
}

/**
 * Edits that make `subscription` go through `path`: soldBy set, provider set or removed, in the
 * subscription's own mapping (an override of a merged value; a merged provider cannot be removed).
 */
export function salesPathEdits({ parsed, syntax }: FixContext, subscription: Subscription, path: SalesPath): TextEdit[] | undefined {
  const map = syntax.ownMap(subscription);
  if (!map) return undefined;
  const edits: (TextEdit | undefined)[] = [setKey(parsed, map, 'soldBy', path.seller.id!.value)];
  if (path.provider) edits.push(setKey(parsed, map, 'provider', path.provider.id!.value, 'soldBy'));
  else if (subscription.node.has('provider')) edits.push(removeKey(parsed, map, 'provider'));
  return edits.every((e) => e !== undefined) ? edits : undefined;
}

export function entityAt(model: Model, path: (string | number)[]): Entity | undefined {
  const list: Entity[] | undefined = path[0] === 'partners' ? model.partners : path[0] === 'customers' ? model.customers : undefined;
  const index = path[1] as number;
  return list?.[index]?.index === index ? list[index] : list?.find((e) => e.index === index);
}

export function subscriptionAt(model: Model, path: (string | number)[]): Subscription | undefined {
  const customer = entityAt(model, path);
  if (customer?.kind !== 'customer' || path[2] !== 'subscriptions') return undefined;
  const index = path[3] as number;
  const subscriptions = customer.subscriptions;
  return subscriptions[index]?.index === index ? subscriptions[index] : subscriptions.find((s) => s.index === index);
}

export function allEntities(model: Model): Entity[] {
  return [...model.partners, ...model.customers];
}

/**
 * Edits that set boolean flags of a block (`onboarding`, `directBill`) to true: a false value is
 * replaced, a missing key inserted, a missing block inserted whole; a block shared with other entries
 * (merged, or an alias) is written anew in the partner's own entry, with the flags set.
 */
export function confirmFlagsEdits(
  { parsed, syntax }: FixContext,
  partner: Partner,
  block: 'onboarding' | 'directBill',
  missing: string[],
): TextEdit[] | undefined {
  const partnerNode = syntax.ownMap(partner);
  if (!partnerNode) return undefined;
  if (!partner[block].node) {
    if (partner.node.has(block)) return undefined;
    const inserted = insertIntoMap(parsed, partnerNode, [`${block}:`, ...missing.map((flag) => `  ${flag}: true`)]);
    return inserted && [inserted.edit];
  }
  const blockNode = syntax.ownMap(partner, block);
  if (!blockNode) {
    const lines = overrideEntries(parsed, syntax.map(partner, block), Object.fromEntries(missing.map((flag) => [flag, 'true'])));
    const edit = lines && overrideBlock(parsed, partnerNode, block, lines);
    return edit && [edit];
  }
  const edits: (TextEdit | undefined)[] = [];
  const toInsert: string[] = [];
  for (const flag of missing) {
    // Written here: replaced; merged or missing: inserted (an override of a merged flag).
    if (pairOf(blockNode, flag)) edits.push(setKey(parsed, blockNode, flag, 'true'));
    else toInsert.push(`${flag}: true`);
  }
  if (toInsert.length) edits.push(insertIntoMap(parsed, blockNode, toInsert)?.edit);
  return edits.every((e) => e !== undefined) ? edits : undefined;
}

/** A subscription's id for messages (its position when the id is missing). */
export function subscriptionName(subscription: Subscription): string {
  return subscription.id?.value ?? `#${subscription.index + 1}`;
}

/** Related location: where an entity is and which region that makes it. */
export function regionNote(entity: Entity) {
  return {
    node: entityAnchor(entity),
    key: 'region.related' as const,
    args: { entity: idOf(entity), country: entity.country?.value ?? '', region: entity.region ?? '' },
  };
}

/** The reference written at a JSON path (`…/soldBy`, `…/providers/2`, `…/owner`). */
export function referenceAt(model: Model, path: (string | number)[]): Reference | undefined {
  const last = path[path.length - 1];
  // A list's references usually sit at their own index (entries that are not ids are left out, shifting the rest).
  const at = (r: Reference | undefined) => r && r.path[r.path.length - 1] === last;
  const inList = (refs: Reference[]) => (typeof last === 'number' && at(refs[last]) ? refs[last] : refs.find(at));
  if (path[0] === 'partners') {
    const partner = entityAt(model, path);
    return partner?.kind === 'partner' && path[2] === 'providers' ? inList(partner.providers) : undefined;
  }
  if (path.length === 3 && last === 'owner') {
    const customer = entityAt(model, path);
    return customer?.kind === 'customer' ? customer.owner : undefined;
  }
  const subscription = subscriptionAt(model, path);
  if (!subscription) return undefined;
  if (last === 'soldBy' || last === 'provider') return subscription[last];
  return path[4] === 'managedBy' ? inList(subscription.managedBy) : undefined;
}
