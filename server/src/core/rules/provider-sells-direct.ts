import type { Fix } from '../finding';
import { affiliation, idOf, partnerOf, readyToTransact, resellersOf, subscriptionAt, subscriptionName } from '../queries';
import { salesPathEdits } from './helpers';
import { defineRule } from './rule';

/**
 * `soldBy` is an indirect provider. Providers sell through indirect resellers, which are the
 * partner of record; the fix moves the sale to a reseller linked to this provider in the customer's region.
 */
export const providerSellsDirect = defineRule({
  id: 'provider-sells-direct',
  scenarios: [1],
  dependsOn: ['partner', 'customer', 'subscription', 'references'],
  severity: 'warning',
  category: 'paths',
  checkCustomer(customer, { model, report }) {
    for (const subscription of customer.subscriptions) {
      const provider = partnerOf(subscription.soldBy);
      if (provider?.type !== 'indirect-provider') continue;
      // The provider buying Azure for its own shared services tenant is not a sale (`shared-services-misuse`).
      if (customer.sharedServices?.value === true && partnerOf(customer.owner) === provider) continue;
      const resellers =
        customer.region === undefined
          ? []
          : resellersOf(model, provider).filter(
              (r) => r.id && r.region === customer.region && !affiliation(r, customer) && readyToTransact(r),
            );
      report({
        node: subscription.soldBy!.node,
        path: subscription.soldBy!.path,
        key: 'provider-sells-direct',
        args: { provider: idOf(provider), subscription: subscriptionName(subscription) },
        data: { resellers: resellers.map((r) => r.id!.value) },
      });
    }
  },
  fixes(finding, context) {
    const { model, title } = context;
    const subscription = subscriptionAt(model, finding.data!.path);
    const provider = partnerOf(subscription?.soldBy);
    if (!subscription || !provider) return [];
    return ((finding.data?.resellers as string[]) ?? []).flatMap((value, i): Fix[] => {
      const seller = model.byId.get(value);
      const edits = seller?.kind === 'partner' ? salesPathEdits(context, subscription, { seller, provider }) : undefined;
      return edits
        ? [{ id: 'fix.sell-through-reseller', title: title('fix.sell-through-reseller', { value }), edits, isPreferred: i === 0 }]
        : [];
    });
  },
});
