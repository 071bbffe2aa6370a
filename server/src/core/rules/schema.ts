import { isMap, isScalar } from 'yaml';
import { renameKey, replaceScalar } from '../edits';
import type { Fix } from '../finding';
import { defineRule } from './rule';

interface Suggestions {
  replace: 'value' | 'key';
  values: string[];
}

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
    // A key the mapping already has is no rename: the result would hold that key twice (a YAML error).
    const parent = byKey ? syntax.at(path.slice(0, -1)) : undefined;
    const taken = (key: string) => isMap(parent) && parent.items.some((pair) => isScalar(pair.key) && pair.key.value === key);
    const values = suggestions.values.filter((value) => !byKey || !taken(value));
    return values.flatMap((value, i): Fix[] => {
      const edit = byKey ? renameKey(parsed, node, value) : replaceScalar(parsed, node, value);
      return edit ? [{ id, title: title(id, { value }), edits: [edit], isPreferred: i === 0 }] : [];
    });
  },
});
