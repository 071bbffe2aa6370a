import { idOf, partnerOf, subscriptionName } from '../queries';
import { defineRule } from './rule';

/**
 * The Azure Partner Shared Services tenant belongs to one partner (its owner) and holds only
 * Microsoft Azure, bought by that owner.
 */
export const sharedServicesMisuse = defineRule({
  id: 'shared-services-misuse',
  // Says who may sell to (and what may go into) a shared services tenant.
  scenarios: [1, 2, 4],
  blocksEverySaleOf: ['customer'],
  dependsOn: ['customer', 'subscription', 'references'],
  severity: 'error',
  category: 'own-use',
  checkCustomer(customer, { report }) {
    const flag = customer.sharedServices;
    if (flag?.value !== true) return;
    if (!customer.node.has('owner')) {
      // A partner that sells here is the likely owner (its own shared services tenant): name it.
      const sold = customer.subscriptions.find((s) => partnerOf(s.soldBy));
      report({
        node: flag.node,
        path: flag.path,
        ...(sold
          ? {
              key: 'shared-services-misuse.no-owner-seller',
              args: { customer: idOf(customer), partner: sold.soldBy!.value, subscription: subscriptionName(sold) },
            }
          : { key: 'shared-services-misuse.no-owner', args: { customer: idOf(customer) } }),
      });
      return;
    }
    const owner = partnerOf(customer.owner);
    if (!owner) return; // unknown or malformed owner: reported by its own rule
    for (const subscription of customer.subscriptions) {
      const args = { subscription: subscriptionName(subscription), owner: idOf(owner), kind: subscription.kind };
      if (subscription.kind !== 'azure') {
        const kind = subscription.node.value('kind') ?? subscription.id?.node ?? subscription.node.node;
        report({ node: kind, path: subscription.pathTo('kind'), key: 'shared-services-misuse.kind', args });
      }
      if (subscription.publisher === 'third-party') {
        report({
          node: subscription.node.value('publisher'),
          path: subscription.pathTo('publisher'),
          key: 'shared-services-misuse.publisher',
          args,
        });
      }
      const seller = subscription.soldBy;
      if (seller && seller.target && seller.target !== owner) {
        report({ node: seller.node, path: seller.path, key: 'shared-services-misuse.seller', args: { ...args, partner: seller.value } });
      }
    }
  },
});
