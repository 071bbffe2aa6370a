import type { Rule } from './rule';

/**
 * A `# csp-disable…` comment that silenced nothing. Reported by the suppression stage
 * (`suppress.ts`), which runs after every other rule; this entry carries its id and severity.
 */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  severity: 'hint',
  category: 'structure',
};
