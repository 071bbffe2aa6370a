import type { Fix } from '../finding';
import type { Customer, Partner } from '../model';
import { affiliation, eligibleSalesPaths, idOf, partnerOf, providerOf, readyToTransact, SalesPath, subscriptionAt } from '../queries';
import { regionNote, salesPathEdits } from './helpers';
import { defineRule } from './rule';

/**
 * The seller (or the provider) is in another CSP region than the customer. One finding per
 * subscription: on `soldBy`, or on `provider` when only the provider is elsewhere.
 */
export const crossRegionSale = defineRule({
  id: 'cross-region-sale',
  scenarios: [1, 2, 6],
  dependsOn: ['partner', 'customer', 'subscription', 'references'],
  severity: 'error',
  category: 'regions',
  checkCustomer(customer, { report }) {
    if (!customer.region) return;
    for (const subscription of customer.subscriptions) {
      const seller = partnerOf(subscription.soldBy);
      const provider = providerOf(subscription);
      const sellerAway = seller?.region !== undefined && seller.region !== customer.region;
      const providerAway = provider?.region !== undefined && provider.region !== customer.region;
      if (!sellerAway && !providerAway) continue;
      const [partner, ref] = sellerAway ? [seller, subscription.soldBy!] : [provider!, subscription.provider!];
      report({
        node: ref.node,
        path: ref.path,
        key: 'cross-region-sale',
        args: {
          partner: idOf(partner),
          partnerRegion: partner.region!,
          partnerCountry: partner.country!.value,
          customer: idOf(customer),
          customerRegion: customer.region,
          customerCountry: customer.country!.value,
        },
        related: [regionNote(partner), regionNote(customer)],
        data: { on: sellerAway ? 'soldBy' : 'provider' },
      });
    }
  },
  fixes(finding, context) {
    const { model, title } = context;
    const subscription = subscriptionAt(model, finding.data!.path);
    if (!subscription) return [];
    const seller = partnerOf(subscription.soldBy);
    const customer = subscription.customer;
    // Only the provider is elsewhere: keep the seller (a reseller), offer its providers in the customer's
    // region; when it has none, the other eligible paths. A direct-bill seller takes no provider at all:
    // that is `direct-bill-has-provider`'s fix.
    let candidates: SalesPath[] = eligibleSalesPaths(model, customer);
    let byProvider = false;
    if (finding.data?.on === 'provider') {
      const own = seller?.type === 'indirect-reseller' ? inRegionProviders(seller, customer).map((provider) => ({ seller, provider })) : [];
      byProvider = own.length > 0;
      candidates = byProvider ? own : seller?.type === 'indirect-reseller' ? candidates : [];
    }
    const seen = new Set<string>();
    const fixes: Fix[] = [];
    for (const path of candidates) {
      const value = byProvider ? idOf(path.provider) : idOf(path.seller);
      if (seen.has(value)) continue;
      seen.add(value);
      const edits = salesPathEdits(context, subscription, path);
      if (edits)
        fixes.push({ id: 'fix.sell-through', title: title('fix.sell-through', { value }), edits, isPreferred: fixes.length === 0 });
    }
    return fixes;
  },
});

/** The reseller's linked indirect providers in the customer's region that are not affiliated with it. */
function inRegionProviders(reseller: Partner, customer: Customer): Partner[] {
  return reseller.providers
    .map(partnerOf)
    .filter(
      (p): p is Partner =>
        p?.type === 'indirect-provider' && p.region === customer.region && !affiliation(p, customer) && readyToTransact(p),
    );
}
