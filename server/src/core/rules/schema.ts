import { isScalar } from 'yaml';
import { renameKey, replaceScalar } from '../edits';
import type { Fix } from '../finding';
import { defineRule } from './rule';

interface Suggestions { replace: 'value' | 'key'; values: string[] }

/** A node the JSON Schema rejects, with "did you mean" replacements for misspelt values and keys. */
export const schema = defineRule({
  id: 'schema',
  // A value the schema rejects is fixed, not silenced; a hand-written comment still works.
  offersSuppressFix: false,
  dependsOn: ['schema'],
  severity: 'error',
  category: 'structure',
  // Its findings are the schema problems of each entry and of the root, which the pipeline reports (check.ts).
  fixes(finding, { parsed, syntax, title }) {
    const suggestions = finding.data?.suggestions as Suggestions | undefined;
    if (!suggestions) return [];
    const path = finding.data!.path;
    const byKey = suggestions.replace === 'key';
    const node = byKey ? syntax.keyAt(path) : syntax.at(path);
    if (!isScalar(node)) return [];
    const id = byKey ? 'fix.rename-key' : 'fix.replace-value';
    return suggestions.values.flatMap((value, i): Fix[] => {
      const edit = byKey ? renameKey(parsed, node, value) : replaceScalar(parsed, node, value);
      return edit ? [{ id, title: title(id, { value }), edits: [edit], isPreferred: i === 0 }] : [];
    });
  },
});
