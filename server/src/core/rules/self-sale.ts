import { removeKey, setKey } from '../edits';
import type { Fix } from '../finding';
import type { Model, Partner, Subscription } from '../model';
import type { TextEdit } from '../text';
import { affiliation, eligibleSalesPaths, idOf, organizationOf, partnerOf, providerOf, subscriptionAt, subscriptionName } from '../queries';
import { salesPathEdits } from './helpers';
import { defineRule, FixContext } from './rule';

/** The seller or provider is the customer's owner or affiliated with the customer. */
export const selfSale = defineRule({
  id: 'self-sale',
  scenarios: [1, 2, 4, 5],
  dependsOn: ['partner', 'customer', 'subscription', 'references'],
  severity: 'error',
  category: 'own-use',
  checkCustomer(customer, { report }) {
    for (const subscription of customer.subscriptions) {
      for (const ref of [subscription.soldBy, providerOf(subscription) && subscription.provider]) {
        const partner = partnerOf(ref || undefined);
        const relation = partner && affiliation(partner, customer);
        if (!relation) continue;
        // The owner buying for its Azure Partner Shared Services tenant is the sanctioned own use;
        // what that tenant may hold is `shared-services-misuse`'s concern.
        if (relation === 'owner' && ref === subscription.soldBy && customer.sharedServices?.value === true) continue;
        const seller = ref === subscription.soldBy;
        const names = { partner: idOf(partner), customer: idOf(customer), subscription: subscriptionName(subscription) };
        report({
          node: ref!.node,
          path: ref!.path,
          ...(relation === 'owner'
            ? { key: seller ? 'self-sale.owner' : 'self-sale.provider-owner', args: names }
            : {
                key: seller ? 'self-sale.affiliate' : 'self-sale.provider-affiliate',
                args: { ...names, organization: organizationOf(partner, customer) },
              }),
        });
        break; // one finding per subscription: the seller when both are affiliated
      }
    }
  },
  fixes(finding, context) {
    const { model, title } = context;
    const subscription = subscriptionAt(model, finding.data!.path);
    if (!subscription) return [];
    const seller = partnerOf(subscription.soldBy);
    const fixes = eligibleSalesPaths(model, subscription.customer).flatMap((path): Fix[] => {
      const edits = salesPathEdits(context, subscription, path);
      if (!edits) return [];
      // Only the provider was affiliated and the seller stays: say which provider replaces it.
      if (path.seller === seller && path.provider) {
        return [{ id: 'fix.set-provider', title: title('fix.set-provider', { value: idOf(path.provider) }), edits, isPreferred: false }];
      }
      return [{ id: 'fix.buy-through', title: title('fix.buy-through', { value: idOf(path.seller) }), edits, isPreferred: false }];
    });
    const shared = sharedServicesEdits(context, subscription);
    if (shared) fixes.push({ id: 'fix.use-shared-services', title: title('fix.use-shared-services'), edits: shared });
    if (fixes[0]) fixes[0].isPreferred = true;
    return fixes;
  },
});

/**
 * "Use Azure Partner Shared Services": only for an owned tenant whose subscriptions are all Microsoft
 * Azure, and whose owner has no shared services tenant yet, so the result breaks no other rule.
 */
function sharedServicesEdits({ model, parsed, syntax }: FixContext, subscription: Subscription): TextEdit[] | undefined {
  const customer = subscription.customer;
  const owner = partnerOf(customer.owner);
  if (!owner || customer.sharedServices?.value === true) return undefined;
  if (!customer.subscriptions.every((s) => s.kind === 'azure' && s.publisher === 'microsoft')) return undefined;
  if (ownsSharedServices(model, owner)) return undefined;
  // In the customer's own entry; a seller or provider merged from a shared block cannot be dropped from it: no fix then.
  const customerNode = syntax.ownMap(customer);
  if (!customerNode) return undefined;
  const edits: (TextEdit | undefined)[] = [setKey(parsed, customerNode, 'sharedServices', 'true', 'owner')];
  for (const s of customer.subscriptions) {
    const map = syntax.ownMap(s);
    for (const key of ['soldBy', 'provider'] as const) if (s.node.has(key)) edits.push(map && removeKey(parsed, map, key));
  }
  return edits.every((e) => e) ? (edits as TextEdit[]) : undefined;
}

function ownsSharedServices(model: Model, owner: Partner): boolean {
  return model.customers.some((c) => c.sharedServices?.value === true && partnerOf(c.owner) === owner);
}
