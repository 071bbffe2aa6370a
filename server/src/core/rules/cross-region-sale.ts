import type { Fix } from '../finding';
import type { Partner } from '../model';
import { eligibleSalesPaths, idOf, partnerOf, regionNote, salesPathEdits, subscriptionAt } from './helpers';
import type { Rule } from './rule';

/**
 * The seller (or the provider) is in another CSP region than the customer. One finding per
 * subscription: on `soldBy`, or on `provider` when only the provider is elsewhere.
 */
export const crossRegionSale: Rule = {
  id: 'cross-region-sale',
  severity: 'error',
  category: 'regions',
  check({ model, report }) {
    for (const customer of model.customers) {
      if (!customer.region) continue;
      for (const subscription of customer.subscriptions) {
        const seller = partnerOf(subscription.soldBy);
        const provider = partnerOf(subscription.provider);
        const sellerAway = seller?.region !== undefined && seller.region !== customer.region;
        const providerAway = provider?.region !== undefined && provider.region !== customer.region;
        if (!sellerAway && !providerAway) continue;
        const [partner, ref] = sellerAway ? [seller!, subscription.soldBy!] : [provider!, subscription.provider!];
        report({
          node: ref.node, path: ref.path, key: 'cross-region-sale',
          args: {
            partner: idOf(partner), partnerRegion: partner.region!, partnerCountry: partner.country!.value,
            customer: idOf(customer), customerRegion: customer.region, customerCountry: customer.country!.value,
          },
          related: [regionNote(partner), regionNote(customer)],
          data: { on: sellerAway ? 'soldBy' : 'provider' },
        });
      }
    }
  },
  fixes(finding, { model, parsed, title }) {
    const subscription = subscriptionAt(model, finding.data!.path);
    if (!subscription) return [];
    const seller = partnerOf(subscription.soldBy);
    const customer = subscription.customer;
    const paths = eligibleSalesPaths(model, customer);
    // Only the provider is elsewhere: keep the seller, offer its providers in the customer's region.
    const candidates = finding.data?.on === 'provider'
      ? paths.filter((p) => p.seller === seller)
        .concat(seller ? inRegionProviders(seller, customer.region!).map((provider) => ({ seller, provider })) : [])
      : paths;
    const seen = new Set<string>();
    return candidates.flatMap((path, i): Fix[] => {
      const value = finding.data?.on === 'provider' ? idOf(path.provider) : idOf(path.seller);
      if (seen.has(value)) return [];
      seen.add(value);
      const edits = salesPathEdits(parsed, subscription, path);
      return edits ? [{ id: 'fix.sell-through', title: title('fix.sell-through', { value }), edits, isPreferred: i === 0 }] : [];
    });
  },
};

function inRegionProviders(reseller: Partner, region: string): Partner[] {
  return reseller.providers.map(partnerOf).filter((p): p is Partner => p?.type === 'indirect-provider' && p.region === region);
}
