// Writes the rule ids of the core into package.json (`cspPartners.rules` properties, for completion
// and validation in settings.json, with the core's severity settings) and their descriptions into
// package.nls.json / package.nls.ja.json.
// Run after `tsc -p .` (it reads the compiled core in out/): `npm run contributes`.
// test/package.test.ts fails when package.json and the core's rule list disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { rules } = require('../out/server/src/core/rules/index.js');
const { message } = require('../out/server/src/messages/index.js');
const { SEVERITY_SETTINGS } = require('../out/server/src/core/finding.js');
/** The rule's description in settings: its title and its default severity. */
const DESCRIBE = {
  en: (title, severity) => `${title} Default: \`${severity}\`.`,
  ja: (title, severity) => `${title}既定: \`${severity}\``,
};

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const pkg = readJson('package.json');
const setting = pkg.contributes.configuration.properties['cspPartners.rules'];
// A rule not listed yet (a typo, a rule of a newer version) takes any severity setting.
setting.additionalProperties = { type: 'string', enum: [...SEVERITY_SETTINGS] };
setting.properties = Object.fromEntries(
  rules.map((rule) => {
    // A rule that cannot be switched off (yaml-syntax) does not offer `off` in settings.json.
    const levels = rule.canBeOff ? [...SEVERITY_SETTINGS] : SEVERITY_SETTINGS.filter((s) => s !== 'off');
    return [
      rule.id,
      {
        type: 'string',
        enum: levels,
        enumDescriptions: levels.map((level) => `%config.severity.${level}%`),
        markdownDescription: `%config.rules.rule.${rule.id}%`,
      },
    ];
  }),
);
writeJson('package.json', pkg);

for (const [file, locale] of [
  ['package.nls.json', 'en'],
  ['package.nls.ja.json', 'ja'],
]) {
  const nls = readJson(file);
  for (const key of Object.keys(nls)) if (key.startsWith('config.rules.rule.')) delete nls[key];
  for (const rule of rules) nls[`config.rules.rule.${rule.id}`] = DESCRIBE[locale](message(locale, rule.title), rule.severity);
  writeJson(file, nls);
}

console.log(`cspPartners.rules: ${rules.length} rules`);
