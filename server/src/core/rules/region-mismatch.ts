import { replaceScalar } from '../edits';
import { nodeAtPath } from '../parse';
import { market } from '../regions';
import { allEntities, idOf } from './helpers';
import type { Rule } from './rule';

/** `region` is given and differs from the region of `country`. */
export const regionMismatch: Rule = {
  id: 'region-mismatch',
  title: 'title.region-mismatch',
  summary: 'summary.region-mismatch',
  docs: 'docs/rules/region-mismatch.md',
  canBeOff: true,
  suppressible: true,
  offersSuppressFix: true,
  confirmFixes: [],
  scenarios: [],
  blocksEverySaleOf: [],
  dependsOn: ['partner', 'customer'],
  severity: 'error',
  category: 'structure',
  check({ model, report }) {
    for (const entity of allEntities(model)) {
      const given = entity.regionField;
      if (!given || !entity.region || !entity.country || given.value === entity.region) continue;
      report({
        node: given.node, path: given.path, key: 'region-mismatch',
        args: { entity: idOf(entity), country: entity.country.value, countryName: market(entity.country.value)!.name, derived: entity.region, given: given.value },
        data: { region: entity.region },
      });
    }
  },
  fixes(finding, { parsed, title }) {
    const node = parsed.doc && nodeAtPath(parsed.doc, finding.data!.path);
    const value = finding.data?.region as string;
    const edit = node && replaceScalar(parsed, node, value);
    return edit ? [{ id: 'fix.set-region', title: title('fix.set-region', { value }), edits: [edit], isPreferred: true }] : [];
  },
};
