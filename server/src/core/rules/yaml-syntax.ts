import { defineRule } from './rule';

/** The text is not YAML the manifest can be read from: one finding per parser error. */
export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  // Nothing else is checked while the text is not YAML: switched off, a broken file would pass.
  canBeOff: false,
  suppressible: false,
  dependsOn: ['syntax'],
  severity: 'error',
  category: 'structure',
  // Its findings are the parser's problems, which the pipeline reports (check.ts).
});
