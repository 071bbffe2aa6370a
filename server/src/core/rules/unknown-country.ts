import { replaceScalar } from '../edits';
import type { Fix } from '../finding';
import { market, suggestCountries, whyNotMarket } from '../regions';
import type { Keyed } from '../../messages';
import { defineRule, UnitContext } from './rule';
import type { Entity } from '../model';

/** `country` is not a CSP market: an alias (`UK`), lower case, a country outside CSP (`CN`), or unknown. */
export const unknownCountry = defineRule({
  id: 'unknown-country',
  // A party whose country is no CSP market has no region: no sale to it (1, 2) or through it (1) can be valid.
  scenarios: [1, 2],
  blocksEverySaleOf: ['partner', 'customer'],
  dependsOn: ['partner', 'customer'],
  severity: 'error',
  category: 'structure',
  checkPartner: (partner, context) => reportCountry(partner, context),
  checkCustomer: (customer, context) => reportCountry(customer, context),
  fixes(finding, { parsed, syntax, title }) {
    const node = syntax.at(finding.data!.path);
    if (!node) return [];
    return ((finding.data?.suggestions as string[]) ?? []).flatMap((value, i): Fix[] => {
      const edit = replaceScalar(parsed, node, value);
      return edit
        ? [
            {
              id: 'fix.change-country',
              title: title('fix.change-country', { value, name: market(value)?.name ?? '' }),
              edits: [edit],
              isPreferred: i === 0,
            },
          ]
        : [];
    });
  },
});

/** Why a written code is not a market, as a message key and its arguments. */
export function notAMarketMessage(code: string, shown = code): Keyed<string> & { key: `unknown-country${string}` } {
  const upper = code.toUpperCase();
  const { alias, reason } = whyNotMarket(upper);
  if (alias) return { key: 'unknown-country.alias', args: { code: shown, alias, name: market(alias)?.name ?? alias } };
  if (upper !== code && market(upper)) return { key: 'unknown-country.case', args: { alias: upper, name: market(upper)!.name } };
  if (reason) return { key: `unknown-country.${reason}`, args: { code: shown } };
  return { key: 'unknown-country', args: { code: shown } };
}

function reportCountry(entity: Entity, { report }: UnitContext): void {
  const country = entity.country;
  if (!country || entity.region) return;
  report({
    node: country.node,
    path: country.path,
    ...notAMarketMessage(country.value),
    data: { suggestions: suggestCountries(country.value) },
  });
}
