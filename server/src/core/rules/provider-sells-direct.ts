import type { Fix } from '../finding';
import { affiliation, idOf, partnerOf, salesPathEdits, subscriptionAt, subscriptionName } from './helpers';
import type { Rule } from './rule';

/**
 * `soldBy` is an indirect provider. Providers sell through indirect resellers, which are the
 * partner of record; the fix moves the sale to a reseller linked to this provider in the customer's region.
 */
export const providerSellsDirect: Rule = {
  id: 'provider-sells-direct',
  severity: 'warning',
  category: 'paths',
  check({ model, report }) {
    for (const customer of model.customers) {
      for (const subscription of customer.subscriptions) {
        const provider = partnerOf(subscription.soldBy);
        if (provider?.type !== 'indirect-provider') continue;
        // The provider buying Azure for its own shared services tenant is not a sale (`shared-services-misuse`).
        if (customer.sharedServices?.value === true && partnerOf(customer.owner) === provider) continue;
        const resellers = model.partners.filter((r) => r.type === 'indirect-reseller' && r.id && r.region === customer.region
          && r.providers.some((p) => p.target === provider) && !affiliation(r, customer));
        report({
          node: subscription.soldBy!.node, path: subscription.soldBy!.path, key: 'provider-sells-direct',
          args: { provider: idOf(provider), subscription: subscriptionName(subscription) },
          data: { resellers: resellers.map((r) => r.id!.value) },
        });
      }
    }
  },
  fixes(finding, { model, parsed, title }) {
    const subscription = subscriptionAt(model, finding.data!.path);
    const provider = partnerOf(subscription?.soldBy);
    if (!subscription || !provider) return [];
    return ((finding.data?.resellers as string[]) ?? []).flatMap((value, i): Fix[] => {
      const seller = model.byId.get(value);
      const edits = seller?.kind === 'partner' ? salesPathEdits(parsed, subscription, { seller, provider }) : undefined;
      return edits ? [{ id: 'fix.sell-through-reseller', title: title('fix.sell-through-reseller', { value }), edits, isPreferred: i === 0 }] : [];
    });
  },
};
