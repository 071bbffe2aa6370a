// The metadata every rule declares in its own file: consistent in itself, obeyed by the checker, and
// agreeing with the generated regions of the docs (scripts/rule-docs.mjs, run after the build).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, fixesFor, SUPPRESS_LINE_FIX } from '../server/src/core/check';
import type { RuleSettings } from '../server/src/core/finding';
import { hasMessage, message, messageKeys } from '../server/src/messages';
import { rules } from '../server/src/core/rules';
import { defineRule, RULE_INPUTS } from '../server/src/core/rules/rule';
import { decidingRules, SCENARIOS } from '../server/src/core/scenarios';
import { repoRoot } from './support';

/** What scripts/rule-docs.mjs exports. */
interface RuleDocs {
  GENERATED_FILES: string[];
  regenerate(file: string, text: string): string;
  regionsIn(text: string): string[];
}

const read = (relative: string) => readFileSync(path.join(repoRoot, relative), 'utf8');
const example = (name: string) => read(path.join('examples', name));
const allOff = (): RuleSettings => Object.fromEntries(rules.map((rule) => [rule.id, 'off']));

describe('rule metadata', () => {
  it('names its own title and summary messages and its own page, which exists', () => {
    for (const rule of rules) {
      assert.equal(rule.title, `title.${rule.id}`);
      assert.equal(rule.summary, `summary.${rule.id}`);
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
      assert.ok(existsSync(path.join(repoRoot, rule.docs)), `${rule.docs} does not exist`);
    }
    // No title or summary of a rule that is gone.
    const ids = new Set(rules.map((rule) => rule.id));
    const stale = messageKeys().filter((key) => /^(title|summary)\./.test(key) && !ids.has(key.slice(key.indexOf('.') + 1)));
    assert.deepEqual(stale, []);
  });

  it('is registered: every file of rules/ that exports a rule is in the list of rules/index.ts', () => {
    const dir = path.join(repoRoot, 'server', 'src', 'core', 'rules');
    const exportsRule = /^export const \w+ = (defineRule|flagRule)\(/m;
    const defining = readdirSync(dir).filter((file) => exportsRule.test(readFileSync(path.join(dir, file), 'utf8')));
    assert.deepEqual(defining.map((file) => path.basename(file, '.ts')).sort(), rules.map((rule) => rule.id).sort());
  });

  it('offers the suppress quick fix only where a comment can suppress, and lists confirm fixes that exist', () => {
    for (const rule of rules) {
      if (rule.offersSuppressFix) assert.ok(rule.suppressible, rule.id);
      for (const fix of rule.confirmFixes) assert.ok(fix.startsWith('fix.') && hasMessage(fix), `${rule.id}: ${fix}`);
    }
  });

  it('names scenarios 1–7 once each, and spreads findings only in the scenarios that read them', () => {
    for (const rule of rules) {
      assert.deepEqual([...rule.scenarios].sort(), [...new Set(rule.scenarios)], `${rule.id}: sorted, no repeats`);
      for (const n of rule.scenarios) assert.ok(SCENARIOS.includes(n), `${rule.id}: ${n}`);
      if (rule.blocksEverySaleOf.includes('partner')) assert.ok(rule.scenarios.includes(1), rule.id);
      if (rule.blocksEverySaleOf.includes('customer')) assert.ok(rule.scenarios.includes(1) && rule.scenarios.includes(2), rule.id);
    }
    for (const n of SCENARIOS) assert.ok(decidingRules(n).length > 0, `scenario ${n} has no rule`);
  });

  it('lists what it reads from the closed vocabulary, in its order', () => {
    for (const rule of rules) {
      assert.ok(rule.dependsOn.length > 0, rule.id);
      const positions = rule.dependsOn.map((input) => RULE_INPUTS.indexOf(input));
      assert.ok(
        positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])),
        `${rule.id}: ${rule.dependsOn.join(', ')}`,
      );
    }
  });

  it('`off` silences exactly the rules that can be off', () => {
    // every-rule fires every rule but yaml-syntax; broken fires only yaml-syntax.
    for (const name of ['every-rule.csp-partners.yaml', 'broken.csp-partners.yaml']) {
      const before = new Set(check(example(name)).findings.map((f) => f.rule));
      const after = new Set(check(example(name), { rules: allOff() }).findings.map((f) => f.rule));
      const expected = rules.filter((rule) => !rule.canBeOff && before.has(rule.id)).map((rule) => rule.id);
      assert.deepEqual([...after].sort(), expected.sort(), name);
    }
  });

  it('a finding offers "Suppress <id> for this line" exactly when its rule says so', () => {
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const seen = new Set<string>();
    for (const name of ['every-rule.csp-partners.yaml', 'broken.csp-partners.yaml']) {
      const result = check(example(name));
      for (const finding of result.findings) {
        seen.add(finding.rule);
        const offered = fixesFor(result, finding).some((fix) => fix.id === SUPPRESS_LINE_FIX);
        assert.equal(offered, byId.get(finding.rule)!.offersSuppressFix, `${name}: ${finding.rule}`);
      }
    }
    assert.ok(seen.has('yaml-syntax') && seen.has('schema') && seen.has('unused-suppression') && seen.has('self-sale'));
  });
});

describe('defineRule', () => {
  const minimal = { id: 'schema', dependsOn: ['schema'], severity: 'error', category: 'structure' } as const;

  it('derives the messages and the page from the id and fills in what most rules share', () => {
    assert.deepEqual(defineRule(minimal), {
      id: 'schema',
      title: 'title.schema',
      summary: 'summary.schema',
      docs: 'docs/rules/schema.md',
      canBeOff: true,
      suppressible: true,
      offersSuppressFix: true,
      confirmFixes: [],
      scenarios: [],
      blocksEverySaleOf: [],
      dependsOn: ['schema'],
      severity: 'error',
      category: 'structure',
    });
  });

  it('keeps what the definition gives, and offers no suppress fix for a rule no comment can suppress', () => {
    const rule = defineRule({ ...minimal, docs: 'docs/elsewhere.md', suppressible: false, scenarios: [3] });
    assert.equal(rule.docs, 'docs/elsewhere.md');
    assert.equal(rule.offersSuppressFix, false);
    assert.deepEqual(rule.scenarios, [3]);
    assert.equal(defineRule({ ...minimal, suppressible: false, offersSuppressFix: true }).offersSuppressFix, true);
  });

  it('gives every rule lists of its own', () => {
    assert.notEqual(defineRule(minimal).confirmFixes, defineRule(minimal).confirmFixes);
  });
});

describe('docs: regions generated from the rules', () => {
  let docs: RuleDocs;
  before(async () => {
    docs = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'rule-docs.mjs')).href)) as RuleDocs;
  });

  it('has the rule index and the scenario rules in docs/rules/README.md', () => {
    assert.deepEqual(docs.GENERATED_FILES, ['docs/rules/README.md']);
    assert.deepEqual(docs.regionsIn(read('docs/rules/README.md')), ['rules', 'scenarios']);
  });

  it('matches what the rules say (run `npm run rule-docs` after changing a rule)', () => {
    for (const file of docs.GENERATED_FILES) {
      const text = read(file);
      assert.equal(text, docs.regenerate(file, text), `${file} is out of date: run \`npm run rule-docs\``);
    }
  });

  it('lists every rule once, in order, with its page, default severity, category and English summary', () => {
    const text = read('docs/rules/README.md');
    const region = text.slice(text.indexOf('<!-- rules:start'), text.indexOf('<!-- rules:end -->'));
    const rows = region.split('\n').filter((line) => line.startsWith('| ['));
    const linked = rows.map((row) => /^\| \[`([\w-]+)`\]\(([\w.-]+)\)/.exec(row)?.slice(1));
    assert.deepEqual(
      linked,
      rules.map((rule) => [rule.id, `${rule.id}.md`]),
    );
    rows.forEach((row, i) => {
      const rule = rules[i];
      const cells = row.split(' | ');
      assert.equal(cells[1].split(' ')[0], rule.severity, rule.id);
      assert.equal(cells[2], rule.category, rule.id);
      assert.equal(cells[3], `${message('en', rule.summary)} |`, rule.id);
    });
  });

  it('links nothing outside the repository folder a user has (no shared/)', () => {
    assert.doesNotMatch(read('docs/rules/README.md'), /\]\([^)]*shared\//);
  });
});
