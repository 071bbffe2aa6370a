import { idOf, partnerOf, providerOf, subscriptionName } from '../queries';
import { MPA_REQUIRED_FROM } from './helpers';
import { defineRule } from './rule';

/**
 * A subscription was ordered before its seller or provider accepted the MPA. Documented for resellers
 * (error); for providers and direct-bill partners inferred from "all partners who transact" (warning).
 */
export const mpaAfterOrder = defineRule({
  id: 'mpa-after-order',
  scenarios: [1],
  dependsOn: ['partner', 'subscription', 'references'],
  severity: 'error',
  category: 'program',
  checkCustomer(customer, { report }) {
    for (const subscription of customer.subscriptions) {
      const orderedOn = subscription.orderedOn;
      if (!orderedOn || orderedOn.value < MPA_REQUIRED_FROM) continue;
      const seller = partnerOf(subscription.soldBy);
      const provider = providerOf(subscription);
      for (const [role, partner] of [
        ['soldBy', seller],
        ['provider', provider !== seller ? provider : undefined],
      ] as const) {
        const acceptedOn = partner?.mpa.acceptedOn;
        if (!partner || !acceptedOn || orderedOn.value >= acceptedOn.value) continue;
        const reseller = role === 'soldBy' && partner.type === 'indirect-reseller';
        const args = {
          partner: idOf(partner),
          acceptedOn: acceptedOn.value,
          subscription: subscriptionName(subscription),
          orderedOn: orderedOn.value,
        };
        report({
          node: orderedOn.node,
          path: orderedOn.path,
          ...(reseller
            ? { key: 'mpa-after-order', severity: 'error', args }
            : { key: 'mpa-after-order.other', severity: 'warning', args: { ...args, role: { key: `role.${role}` } } }),
          related: [{ node: acceptedOn.node, key: 'mpa-after-order.related', args: { acceptedOn: acceptedOn.value } }],
        });
      }
    }
  },
});
