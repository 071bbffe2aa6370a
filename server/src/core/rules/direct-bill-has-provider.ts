import { removeKey } from '../edits';
import { idOf, partnerOf, subscriptionAt, subscriptionName } from '../queries';
import { defineRule } from './rule';

/** A direct-bill partner buys from Microsoft: its subscriptions have no provider. */
export const directBillHasProvider = defineRule({
  id: 'direct-bill-has-provider',
  scenarios: [1],
  dependsOn: ['partner', 'subscription', 'references'],
  severity: 'error',
  category: 'paths',
  checkCustomer(customer, { report }) {
    for (const subscription of customer.subscriptions) {
      const seller = partnerOf(subscription.soldBy);
      const provider = subscription.provider;
      // A provider that names no entity is `unknown-reference`'s finding alone (spec §4).
      if (seller?.type !== 'direct-bill' || !provider?.target) continue;
      report({
        node: provider.node,
        path: provider.path,
        key: 'direct-bill-has-provider',
        args: { subscription: subscriptionName(subscription), partner: idOf(seller), provider: provider.value },
      });
    }
  },
  fixes(finding, { model, parsed, syntax, title }) {
    const subscription = subscriptionAt(model, finding.data!.path);
    // A provider merged from a shared block cannot be removed from this subscription alone: no fix then.
    const map = subscription && syntax.ownMap(subscription);
    const edit = map && removeKey(parsed, map, 'provider');
    return edit
      ? [
          {
            id: 'fix.remove-provider',
            title: title('fix.remove-provider', { value: subscription.provider?.value ?? '' }),
            edits: [edit],
            isPreferred: true,
          },
        ]
      : [];
  },
});
