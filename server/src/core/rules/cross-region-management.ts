import { editList } from '../edits';
import { idOf, partnerOf, subscriptionAt, subscriptionName } from '../queries';
import { regionNote } from './helpers';
import { defineRule } from './rule';

/** A `managedBy` partner is in another CSP region than the customer. */
export const crossRegionManagement = defineRule({
  id: 'cross-region-management',
  scenarios: [3],
  dependsOn: ['partner', 'customer', 'subscription', 'references'],
  severity: 'error',
  category: 'regions',
  checkCustomer(customer, { report }) {
    if (!customer.region) return;
    for (const subscription of customer.subscriptions) {
      for (const ref of subscription.managedBy) {
        const partner = partnerOf(ref);
        if (!partner?.region || partner.region === customer.region) continue;
        report({
          node: ref.node,
          path: ref.path,
          key: 'cross-region-management',
          args: {
            partner: idOf(partner),
            partnerRegion: partner.region,
            subscription: subscriptionName(subscription),
            customer: idOf(customer),
            customerRegion: customer.region,
          },
          related: [regionNote(partner), regionNote(customer)],
        });
      }
    }
  },
  fixes(finding, { model, parsed, syntax, title }) {
    const path = finding.data!.path;
    const subscription = subscriptionAt(model, path);
    const index = path[path.length - 1] as number;
    // The subscription's own list: a list it shares (merged, or an alias) is written anew in it, without the manager.
    const map = subscription && syntax.ownMap(subscription);
    const edit = map && editList(parsed, map, 'managedBy', { remove: index });
    const value = subscription?.managedBy.find((r) => r.path[r.path.length - 1] === index)?.value ?? '';
    return edit ? [{ id: 'fix.remove-manager', title: title('fix.remove-manager', { value }), edits: [edit], isPreferred: true }] : [];
  },
});
