import type { Rule } from './rule';

/**
 * A `# csp-disable…` comment that silenced nothing. Reported by the suppression stage
 * (`suppress.ts`), which runs after every other rule; this entry carries its id and severity.
 */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  title: 'title.unused-suppression',
  summary: 'summary.unused-suppression',
  docs: 'docs/rules/unused-suppression.md',
  canBeOff: true,
  suppressible: true,
  // The fix for an unused suppression is to delete it.
  offersSuppressFix: false,
  confirmFixes: [],
  scenarios: [],
  blocksEverySaleOf: [],
  dependsOn: ['suppressions', 'findings'],
  severity: 'hint',
  category: 'structure',
};
