import { editList } from '../edits';
import type { Fix } from '../finding';
import { entityAt, idOf, partnerOf, usageOf } from '../queries';
import { regionNote } from './helpers';
import { removeProvidersFix } from './providers-not-reseller';
import { defineRule } from './rule';

/**
 * A partner lists an indirect provider of another CSP region. Only indirect resellers list providers
 * (`providers-not-reseller`), but while a list stands on another partner its regions are checked too:
 * a partner works only with partners of its own CSP region, whatever its type.
 */
export const crossRegionRelationship = defineRule({
  id: 'cross-region-relationship',
  scenarios: [7],
  dependsOn: ['partner', 'references'],
  severity: 'error',
  category: 'regions',
  checkPartner(partner, { report }) {
    if (!partner.region) return;
    const reseller = partner.type === 'indirect-reseller';
    for (const ref of partner.providers) {
      const provider = partnerOf(ref);
      if (provider?.type !== 'indirect-provider' || !provider.region || provider.region === partner.region) continue;
      report({
        node: ref.node,
        path: ref.path,
        ...(reseller
          ? {
              key: 'cross-region-relationship',
              args: { reseller: idOf(partner), resellerRegion: partner.region, provider: idOf(provider), providerRegion: provider.region },
            }
          : {
              key: 'cross-region-relationship.partner',
              args: { partner: idOf(partner), partnerRegion: partner.region, provider: idOf(provider), providerRegion: provider.region },
            }),
        related: [regionNote(provider)],
      });
    }
  },
  fixes(finding, context) {
    const { model, parsed, syntax, title } = context;
    const path = finding.data!.path;
    const partner = entityAt(model, path);
    const index = path[path.length - 1] as number;
    const ref = partner?.kind === 'partner' ? partner.providers.find((r) => r.path[r.path.length - 1] === index) : undefined;
    if (partner?.kind !== 'partner' || !ref) return [];
    // Only a reseller's list says whom it buys through; on a partner of another type the list itself goes
    // (replacing or dropping one entry would leave `providers-not-reseller`). Without a valid type the
    // list may be a reseller's: the entry is handled as one.
    if (partner.type && partner.type !== 'indirect-reseller') {
      const fix = removeProvidersFix(context, partner);
      return fix ? [fix] : [];
    }
    // While the reseller still sells through this provider, dropping the link would leave those
    // subscriptions unlinked (`provider-not-linked`): their `cross-region-sale` fix moves them first.
    if (usageOf(model, partner).sells.some((s) => s.provider?.target === ref.target)) return [];
    const fixes: Fix[] = [];
    // The partner's own list: a list it shares (merged, or an alias) is written anew in its entry, changed.
    const map = syntax.ownMap(partner);
    const listed = new Set(partner.providers.map((r) => r.value));
    for (const provider of model.partners) {
      if (provider.type !== 'indirect-provider' || provider.region !== partner.region || !provider.id || listed.has(provider.id.value))
        continue;
      const edit = map && editList(parsed, map, 'providers', { replace: index, value: provider.id.value });
      if (edit)
        fixes.push({
          id: 'fix.replace-relationship',
          title: title('fix.replace-relationship', { value: provider.id.value }),
          edits: [edit],
          isPreferred: fixes.length === 0,
        });
    }
    const removal = map && editList(parsed, map, 'providers', { remove: index });
    if (removal)
      fixes.push({ id: 'fix.remove-relationship', title: title('fix.remove-relationship', { value: ref.value }), edits: [removal] });
    return fixes;
  },
});
