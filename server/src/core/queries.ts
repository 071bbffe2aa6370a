/**
 * Questions asked of the model: whom a reference names, what a partner sells and provides, who its
 * resellers are, how it is related to a customer, who else could sell to a customer, what sits at a JSON
 * path, and the names entities and subscriptions go by in messages and answers. The rules, the scenario
 * answers and the language server all ask them; nothing here reports, fixes or writes text for a person.
 */
import type { Customer, Entity, Model, Partner, Reference, Subscription } from './model';

/** An entity's id for messages and answers, never undefined. */
export function idOf(entity: Entity | undefined): string {
  return entity?.id?.value ?? '?';
}

/** A subscription's id for messages and answers (its position when the id is missing). */
export function subscriptionName(subscription: Subscription): string {
  return subscription.id?.value ?? `#${subscription.index + 1}`;
}

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

/** A partner ready to transact: it has accepted the MPA and meets its type's requirements (a fix may send a sale to it). */
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

/**
 * The reference of a list's item `item`. References sit at their own index unless entries that are not
 * ids were left out, shifting the rest: they are in item order, so a binary search finds it in any list.
 */
function referenceOfItem(refs: Reference[], item: number): Reference | undefined {
  const itemOf = (r: Reference) => r.path[r.path.length - 1] as number;
  if (refs[item] && itemOf(refs[item]) === item) return refs[item];
  let low = 0,
    high = Math.min(item, refs.length - 1);
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = itemOf(refs[middle]);
    if (at === item) return refs[middle];
    if (at < item) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** The reference written at a JSON path (`…/soldBy`, `…/providers/2`, `…/owner`). */
export function referenceAt(model: Model, path: (string | number)[]): Reference | undefined {
  const last = path[path.length - 1];
  const inList = (refs: Reference[]) => (typeof last === 'number' ? referenceOfItem(refs, last) : undefined);
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
