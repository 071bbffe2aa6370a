import { removeKey } from '../edits';
import type { Fix } from '../finding';
import type { Partner } from '../model';
import { entityAt, idOf } from '../queries';
import { typeKey } from './helpers';
import { defineRule, FixContext } from './rule';

/** A direct-bill partner or an indirect provider has a `providers` list, which only indirect resellers have. */
export const providersNotReseller = defineRule({
  id: 'providers-not-reseller',
  dependsOn: ['partner'],
  severity: 'error',
  category: 'structure',
  checkPartner(partner, { report }) {
    // Without a valid `type` the schema's finding stands alone: what the list means cannot be told.
    if (!partner.type || partner.type === 'indirect-reseller') return;
    const key = partner.node.key('providers');
    if (!key) return;
    const type = partner.node.value('type');
    report({
      node: key,
      // The entry's own path: it is kept up to date as entries move (a copy would not be).
      path: partner.path,
      key: 'providers-not-reseller',
      args: { partner: idOf(partner), actual: { key: typeKey(partner) } },
      related: type ? [{ node: type, key: 'providers-not-reseller.related', args: { partner: idOf(partner) } }] : [],
    });
  },
  fixes(finding, context) {
    const partner = entityAt(context.model, finding.data!.path);
    const fix = partner?.kind === 'partner' ? removeProvidersFix(context, partner) : undefined;
    return fix ? [fix] : [];
  },
});

/**
 * "Remove providers from X": the key with its whole value. Shared with `cross-region-relationship`, whose
 * finding on an entry of such a list goes with the list. Only a key the entry writes itself can go: a
 * merged one cannot be dropped from one entry (docs/merge-keys.md), and one that overrides a merged key
 * would bring the merged one back.
 */
export function removeProvidersFix({ parsed, syntax, title }: FixContext, partner: Partner): Fix | undefined {
  const map = syntax.ownMap(partner);
  const edit = map && removeKey(parsed, map, 'providers');
  return edit
    ? { id: 'fix.remove-providers', title: title('fix.remove-providers', { partner: idOf(partner) }), edits: [edit], isPreferred: true }
    : undefined;
}
