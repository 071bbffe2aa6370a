import type { Customer } from '../model';
import { idOf, partnerOf } from '../queries';
import { defineRule, entityAnchor } from './rule';

/** One partner owns more than one shared services tenant; Partner Center creates one per partner. */
export const sharedServicesDuplicate = defineRule({
  id: 'shared-services-duplicate',
  scenarios: [4],
  dependsOn: ['customer', 'references'],
  severity: 'info',
  category: 'own-use',
  checkCustomer(customer, { model, report }) {
    const owner = partnerOf(customer.owner);
    if (customer.sharedServices?.value !== true || !owner) return;
    const earlier = model.lookup
      .usersOf(owner.id!.value)
      .find((other) => other.kind === 'customer' && other.sharedServices?.value === true && partnerOf(other.owner) === owner) as
      Customer | undefined;
    if (!earlier || earlier === customer) return;
    report({
      node: customer.sharedServices.node,
      path: customer.sharedServices.path,
      key: 'shared-services-duplicate',
      args: { owner: idOf(owner), first: idOf(earlier) },
      related: [{ node: entityAnchor(earlier), key: 'shared-services-duplicate.related', args: { owner: idOf(owner) } }],
    });
  },
});
