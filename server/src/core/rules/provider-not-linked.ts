import { editList } from '../edits';
import { entityAt, idOf, partnerOf } from '../queries';
import { defineRule, entityAnchor } from './rule';

/** The subscription's provider is not among the providers its reseller works with. */
export const providerNotLinked = defineRule({
  id: 'provider-not-linked',
  scenarios: [1],
  dependsOn: ['partner', 'subscription', 'references'],
  severity: 'error',
  category: 'paths',
  checkCustomer(customer, { report }) {
    for (const subscription of customer.subscriptions) {
      const reseller = partnerOf(subscription.soldBy);
      const provider = partnerOf(subscription.provider);
      if (reseller?.type !== 'indirect-reseller' || provider?.type !== 'indirect-provider') continue;
      if (reseller.providers.some((p) => p.target === provider)) continue;
      // A malformed `providers` list is the schema's finding.
      if (reseller.node.has('providers') && !reseller.providersNode) continue;
      report({
        node: subscription.provider!.node,
        path: subscription.provider!.path,
        key: 'provider-not-linked',
        args: { provider: idOf(provider), reseller: idOf(reseller) },
        related: [
          {
            node: reseller.providersNode ?? entityAnchor(reseller),
            key: 'provider-not-linked.related',
            args: { reseller: idOf(reseller) },
          },
        ],
        data: { reseller: reseller.path, provider: idOf(provider) },
      });
    }
  },
  fixes(finding, { model, parsed, syntax, title }) {
    const reseller = entityAt(model, finding.data!.reseller as (string | number)[]);
    const provider = finding.data?.provider as string;
    // A relationship across CSP regions is not allowed (`cross-region-relationship`): no fix then.
    const target = model.byId.get(provider);
    if (reseller?.region && target?.region && reseller.region !== target.region) return [];
    // The reseller's own list: a list it shares (merged, or an alias) is written anew in its entry with the provider added.
    const map = reseller && syntax.ownMap(reseller);
    const edit = map && editList(parsed, map, 'providers', { append: provider });
    return edit
      ? [
          {
            id: 'fix.link-provider',
            title: title('fix.link-provider', { provider, reseller: idOf(reseller) }),
            edits: [edit],
            isPreferred: true,
          },
        ]
      : [];
  },
});
