import { replaceScalar } from '../edits';
import type { Fix } from '../finding';
import { nodeAtPath } from '../parse';
import { nearest } from '../similar';
import type { Rule } from './rule';

/** `soldBy`, `provider`, `providers[]`, `managedBy[]` or `owner` names no entity at all. */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  category: 'structure',
  check({ model, report }) {
    const partnerIds = model.partners.flatMap((p) => (p.id ? [p.id.value] : []));
    for (const ref of model.references) {
      if (ref.target) continue;
      report({
        node: ref.node, path: ref.path, key: 'unknown-reference', args: { field: ref.field, id: ref.value },
        data: { candidates: nearest(ref.value, partnerIds) },
      });
    }
  },
  fixes(finding, { parsed, title }) {
    const node = parsed.doc && nodeAtPath(parsed.doc, finding.data!.path);
    const candidates = (finding.data?.candidates as string[] | undefined) ?? [];
    if (!node) return [];
    return candidates.flatMap((value, i): Fix[] => {
      const edit = replaceScalar(parsed, node, value);
      return edit ? [{ id: 'fix.replace-value', title: title('fix.replace-value', { value }), edits: [edit], isPreferred: i === 0 }] : [];
    });
  },
};
