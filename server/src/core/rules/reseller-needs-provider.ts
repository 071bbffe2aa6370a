import { insertIntoMap } from '../edits';
import type { Fix } from '../finding';
import type { Customer, Partner } from '../model';
import { affiliation, idOf, partnerOf, subscriptionAt, subscriptionName } from '../queries';
import { defineRule } from './rule';

/** `soldBy` is an indirect reseller and the subscription names no provider. */
export const resellerNeedsProvider = defineRule({
  id: 'reseller-needs-provider',
  scenarios: [1],
  dependsOn: ['partner', 'customer', 'subscription', 'references'],
  severity: 'error',
  category: 'paths',
  checkCustomer(customer, { report }) {
    for (const subscription of customer.subscriptions) {
      const reseller = partnerOf(subscription.soldBy);
      if (reseller?.type !== 'indirect-reseller' || subscription.node.has('provider')) continue;
      report({
        node: subscription.soldBy!.node,
        path: subscription.soldBy!.path,
        key: 'reseller-needs-provider',
        args: { subscription: subscriptionName(subscription), reseller: idOf(reseller) },
        data: { providers: candidates(reseller, customer).map((p) => p.id!.value) },
      });
    }
  },
  fixes(finding, { model, parsed, syntax, title }) {
    const subscription = subscriptionAt(model, finding.data!.path);
    // Set in the subscription itself (after its `soldBy` when written there), even when `soldBy` comes from a shared block.
    const map = subscription && syntax.ownMap(subscription);
    if (!map) return [];
    return ((finding.data?.providers as string[]) ?? []).flatMap((value, i): Fix[] => {
      const inserted = insertIntoMap(parsed, map, [`provider: ${value}`], 'soldBy');
      return inserted
        ? [{ id: 'fix.set-provider', title: title('fix.set-provider', { value }), edits: [inserted.edit], isPreferred: i === 0 }]
        : [];
    });
  },
});

/**
 * The reseller's providers that can serve this customer: indirect providers not known to be in another
 * CSP region than the customer and not affiliated with it (either would trade this finding for
 * `cross-region-sale` or `self-sale`).
 */
function candidates(reseller: Partner, customer: Customer): Partner[] {
  const seen = new Set<Partner>();
  return reseller.providers.map(partnerOf).filter((p): p is Partner => {
    if (p?.type !== 'indirect-provider' || !p.id || seen.has(p)) return false;
    seen.add(p);
    const otherRegion = p.region !== undefined && customer.region !== undefined && p.region !== customer.region;
    return !otherRegion && !affiliation(p, customer);
  });
}
