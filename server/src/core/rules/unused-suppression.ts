import { defineRule } from './rule';

/**
 * A `# csp-disable…` comment that silenced nothing. Reported by the suppression stage
 * (`suppress.ts`), which runs after every other rule; this entry carries its id and severity.
 */
export const unusedSuppression = defineRule({
  id: 'unused-suppression',
  // The fix for an unused suppression is to delete it.
  offersSuppressFix: false,
  dependsOn: ['suppressions', 'findings'],
  severity: 'hint',
  category: 'structure',
});
