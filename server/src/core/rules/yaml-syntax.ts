import type { Rule } from './rule';

/** The text is not YAML the manifest can be read from: one finding per parser error. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  category: 'structure',
  check({ parsed, report }) {
    for (const problem of parsed.syntaxProblems) report({ range: problem.range, key: problem.key, args: problem.args, path: [] });
  },
};
