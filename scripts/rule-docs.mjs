// Writes the generated regions of the docs from the rules' own metadata: the rule index and the rules of
// each scenario question in docs/rules/README.md, between `<!-- rules:start -->`/`<!-- rules:end -->`
// and `<!-- scenarios:start -->`/`<!-- scenarios:end -->`. The prose around them is left as it is.
// Run after `tsc -p .` (it reads the compiled core in out/): `npm run rule-docs`; `--check` writes
// nothing and exits with 1 when a region is out of date. test/rule-docs.test.ts fails in that case too.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { rules } = require('../out/server/src/core/rules/index.js');
const { message } = require('../out/server/src/messages/index.js');
const { SCENARIOS, decidingRules } = require('../out/server/src/core/scenarios.js');

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The Markdown files with generated regions, from the repository root. */
export const GENERATED_FILES = ['docs/rules/README.md'];

/** Region name → its Markdown, for a file at `file` (links are relative to it). */
const REGIONS = {
  rules: ruleIndex,
  scenarios: scenarioRules,
};

/** Where a region sits: its start comment may carry a note after the name. */
const regionPattern = (name) => new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);

/** A link from `file` to the rule's page. */
function ruleLink(file, rule, code = false) {
  const target = path.posix.relative(path.posix.dirname(file), rule.docs);
  return `[${code ? `\`${rule.id}\`` : rule.id}](${target})`;
}

/** Table cells cannot hold a `|`. */
const cell = (text) => text.replace(/\|/g, '\\|');

function ruleIndex(file) {
  const rows = rules.map((rule) => {
    const severity = rule.canBeOff ? rule.severity : `${rule.severity} (cannot be turned off)`;
    return `| ${ruleLink(file, rule, true)} | ${severity} | ${rule.category} | ${cell(message('en', rule.summary))} |`;
  });
  return ['| id | default severity | category | summary |', '|---|---|---|---|', ...rows].join('\n');
}

function scenarioRules(file) {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const links = (ids) => ids.map((id) => ruleLink(file, byId.get(id))).join(', ');
  const rows = SCENARIOS.map((n) => `| ${n} | ${cell(message('en', `scenario.${n}.question`))} | ${links(decidingRules(n))} |`);
  const wide = (scope) => rules.filter((rule) => rule.blocksEverySaleOf.includes(scope)).map((rule) => rule.id);
  return [
    '| # | question | rules |',
    '|---|---|---|',
    ...rows,
    '',
    'Findings that count beyond the subscription they are on:',
    '',
    `- scenario 1: ${links(wide('partner'))} on a seller or provider, against every subscription it sells or provides;`,
    `- scenarios 1 and 2: ${links(wide('customer'))} on the customer entry itself (not within a subscription),` +
      ' against every subscription of that customer.',
  ].join('\n');
}

/** `text` with every region it has rewritten for `file`; a missing region is left missing. */
export function regenerate(file, text) {
  let out = text;
  for (const [name, render] of Object.entries(REGIONS)) {
    out = out.replace(regionPattern(name), (_whole, start, end) => `${start}${render(file)}\n${end}`);
  }
  return out;
}

/** The names of the regions `text` has. */
export function regionsIn(text) {
  return Object.keys(REGIONS).filter((name) => regionPattern(name).test(text));
}

function main() {
  const checkOnly = process.argv.includes('--check');
  const stale = [];
  for (const file of GENERATED_FILES) {
    const absolute = path.join(repoRoot, file);
    const text = readFileSync(absolute, 'utf8');
    const updated = regenerate(file, text);
    if (updated === text) continue;
    stale.push(file);
    if (!checkOnly) writeFileSync(absolute, updated);
  }
  if (checkOnly && stale.length) {
    console.error(`out of date (run \`npm run rule-docs\`): ${stale.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`rule docs: ${rules.length} rules; ${stale.length ? `rewrote ${stale.join(', ')}` : 'up to date'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
