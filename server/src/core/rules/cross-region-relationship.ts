import { editList } from '../edits';
import type { Fix } from '../finding';
import { entityAt, idOf, partnerOf, regionNote, usageOf } from './helpers';
import { defineRule } from './rule';

/** A reseller lists an indirect provider of another CSP region. */
export const crossRegionRelationship = defineRule({
  id: 'cross-region-relationship',
  scenarios: [7],
  dependsOn: ['partner', 'references'],
  severity: 'error',
  category: 'regions',
  checkPartner(reseller, { report }) {
    if (reseller.type !== 'indirect-reseller' || !reseller.region) return;
    for (const ref of reseller.providers) {
      const provider = partnerOf(ref);
      if (provider?.type !== 'indirect-provider' || !provider.region || provider.region === reseller.region) continue;
      report({
        node: ref.node,
        path: ref.path,
        key: 'cross-region-relationship',
        args: { reseller: idOf(reseller), resellerRegion: reseller.region, provider: idOf(provider), providerRegion: provider.region },
        related: [regionNote(provider)],
      });
    }
  },
  fixes(finding, { model, parsed, syntax, title }) {
    const path = finding.data!.path;
    const reseller = entityAt(model, path);
    const index = path[path.length - 1] as number;
    const ref = reseller?.kind === 'partner' ? reseller.providers.find((r) => r.path[r.path.length - 1] === index) : undefined;
    if (reseller?.kind !== 'partner' || !ref) return [];
    // While the reseller still sells through this provider, dropping the link would leave those
    // subscriptions unlinked (`provider-not-linked`): their `cross-region-sale` fix moves them first.
    if (usageOf(model, reseller).sells.some((s) => s.provider?.target === ref.target)) return [];
    const fixes: Fix[] = [];
    // The reseller's own list: a list it shares (merged, or an alias) is written anew in its entry, changed.
    const map = syntax.ownMap(reseller);
    const listed = new Set(reseller.providers.map((r) => r.value));
    for (const provider of model.partners) {
      if (provider.type !== 'indirect-provider' || provider.region !== reseller.region || !provider.id || listed.has(provider.id.value))
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
