import { insertIntoMap } from '../edits';
import type { Fix } from '../finding';
import { idOf, partnerOf, subscriptionAt, subscriptionName } from './helpers';
import type { Rule } from './rule';

/** `soldBy` is an indirect reseller and the subscription names no provider. */
export const resellerNeedsProvider: Rule = {
  id: 'reseller-needs-provider',
  severity: 'error',
  category: 'paths',
  check({ model, report }) {
    for (const customer of model.customers) {
      for (const subscription of customer.subscriptions) {
        const reseller = partnerOf(subscription.soldBy);
        if (reseller?.type !== 'indirect-reseller' || subscription.node.has('provider')) continue;
        report({
          node: subscription.soldBy!.node, path: subscription.soldBy!.path, key: 'reseller-needs-provider',
          args: { subscription: subscriptionName(subscription), reseller: idOf(reseller) },
          data: { providers: reseller.providers.filter((p) => partnerOf(p)?.type === 'indirect-provider').map((p) => p.value) },
        });
      }
    }
  },
  fixes(finding, { model, parsed, title }) {
    const subscription = subscriptionAt(model, finding.data!.path);
    if (!subscription) return [];
    return ((finding.data?.providers as string[]) ?? []).flatMap((value, i): Fix[] => {
      const inserted = insertIntoMap(parsed, subscription.node, [`provider: ${value}`], 'soldBy');
      return inserted ? [{ id: 'fix.set-provider', title: title('fix.set-provider', { value }), edits: [inserted.edit], isPreferred: i === 0 }] : [];
    });
  },
};
