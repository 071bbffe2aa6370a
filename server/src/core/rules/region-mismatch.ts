import { replaceScalar, setKey } from '../edits';
import { market } from '../regions';
import { entityAt, idOf } from '../queries';
import { defineRule, UnitContext } from './rule';
import type { Entity } from '../model';

/** `region` is given and differs from the region of `country`. */
export const regionMismatch = defineRule({
  id: 'region-mismatch',
  dependsOn: ['partner', 'customer'],
  severity: 'error',
  category: 'structure',
  checkPartner: (partner, context) => reportMismatch(partner, context),
  checkCustomer: (customer, context) => reportMismatch(customer, context),
  fixes(finding, { model, parsed, syntax, title }) {
    const path = finding.data!.path;
    const value = finding.data?.region as string;
    const entity = entityAt(model, path);
    // A region merged from a shared block while the entity writes its own country is this entity's to
    // override; a region written here, or shared along with the country, is corrected where it is written.
    const override = entity?.regionField?.node.via && !entity.country?.node.via ? syntax.ownMap(entity) : undefined;
    const node = override ? undefined : syntax.at(path);
    const edit = override ? setKey(parsed, override, 'region', value) : node && replaceScalar(parsed, node, value);
    return edit ? [{ id: 'fix.set-region', title: title('fix.set-region', { value }), edits: [edit], isPreferred: true }] : [];
  },
});

function reportMismatch(entity: Entity, { report }: UnitContext): void {
  const given = entity.regionField;
  if (!given || !entity.region || !entity.country || given.value === entity.region) return;
  report({
    node: given.node,
    path: given.path,
    key: 'region-mismatch',
    args: {
      entity: idOf(entity),
      country: entity.country.value,
      countryName: market(entity.country.value)!.name,
      derived: entity.region,
      given: given.value,
    },
    data: { region: entity.region },
  });
}
