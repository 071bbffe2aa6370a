// The scenario checks of spec §5 (server/src/core/scenarios.ts) on the manifests under
// test/data/scenarios/: each answer is compared exactly with `<name>.expected.json` (rewritten by
// test/tools/update-scenario-baselines.ts, reviewed by hand), and the verdicts that decide the CSP
// questions are also stated here, so a careless rewrite of the baselines cannot turn them around.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/check';
import { runAllScenarios, runScenario, SCENARIOS, ScenarioNumber, UnknownSubjectError, Verdict } from '../server/src/core/scenarios';
import { RenderedScenario, renderScenario } from '../server/src/present/scenarios';
import { expectedPath, ScenarioBaseline, scenarioBaseline, scenarioDataDir, scenarioFixtures } from './scenario-support';

const readExpected = (file: string) => JSON.parse(readFileSync(expectedPath(file), 'utf8')) as ScenarioBaseline;
const manifest = (file: string) => check(readFileSync(path.join(scenarioDataDir, file), 'utf8'));

/** The one item whose subject starts with `subject` in scenario `n` of `file` (whole manifest). */
function itemOf(file: string, n: ScenarioNumber, subject: string) {
  const result = readExpected(file).all.find((r) => r.scenario === n)!;
  const matches = result.items.filter((i) => i.subject.startsWith(subject));
  assert.equal(
    matches.length,
    1,
    `one item "${subject}…" in scenario ${n} of ${file}: ${JSON.stringify(result.items.map((i) => i.subject))}`,
  );
  return matches[0];
}

describe('scenario checks (test/data/scenarios)', () => {
  describe('answers equal the reviewed baselines', () => {
    for (const file of scenarioFixtures()) {
      it(file, () => {
        assert.ok(existsSync(expectedPath(file)), `${expectedPath(file)} is missing: node out/test/tools/update-scenario-baselines.js`);
        assert.deepEqual(scenarioBaseline(file), readExpected(file));
      });
    }

    it('has no expected file without its manifest', () => {
      const manifests = new Set(scenarioFixtures().map((f) => f.replace(/\.ya?ml$/, '')));
      const orphans = readdirSync(scenarioDataDir).filter(
        (n) => n.endsWith('.expected.json') && !manifests.has(n.replace(/\.expected\.json$/, '')),
      );
      assert.deepEqual(orphans, []);
    });
  });

  it('covers every scenario with every verdict it can give', () => {
    const seen = new Map<ScenarioNumber, Set<Verdict>>(SCENARIOS.map((n) => [n, new Set()]));
    for (const file of scenarioFixtures()) {
      const { all, subjects } = readExpected(file);
      for (const result of [...all, ...subjects.map((s) => s.result)])
        for (const item of result.items) seen.get(result.scenario)!.add(item.verdict);
    }
    for (const n of SCENARIOS) {
      // 5–7 list findings; with none, the manifest itself is the one (supported) item: never "not applicable".
      const expected: Verdict[] = n <= 4 ? ['not-applicable', 'not-supported', 'supported'] : ['not-supported', 'supported'];
      assert.deepEqual([...seen.get(n)!].sort(), expected, `scenario ${n}`);
    }
  });

  describe('verdicts a CSP practitioner expects', () => {
    const cases: [file: string, n: ScenarioNumber, subject: string, verdict: Verdict, rules: string[]][] = [
      // 1: transaction paths.
      ['paths.yaml', 1, 'woodgrove / direct:', 'supported', []],
      ['paths.yaml', 1, 'woodgrove / two-tier:', 'supported', []],
      ['paths.yaml', 1, 'woodgrove / no-provider:', 'not-supported', ['reseller-needs-provider']],
      ['paths.yaml', 1, 'woodgrove / unlinked-provider:', 'not-supported', ['provider-not-linked']],
      ['paths.yaml', 1, 'woodgrove / no-mpa:', 'not-supported', ['mpa-not-accepted']],
      ['paths.yaml', 1, 'woodgrove / no-onboarding:', 'not-supported', ['reseller-onboarding-incomplete']],
      ['paths.yaml', 1, 'woodgrove / cross-region:', 'not-supported', ['cross-region-sale']],
      ['paths.yaml', 1, 'woodgrove / direct-bill-with-provider:', 'not-supported', ['direct-bill-has-provider']],
      ['paths.yaml', 1, 'woodgrove / distributor-sells:', 'supported', ['provider-sells-direct']], // a warning: a note, not a block
      ['paths.yaml', 1, 'woodgrove / unrecorded', 'not-applicable', []],
      ['paths.yaml', 1, 'bellows', 'not-applicable', []],
      ['own-use.yaml', 1, 'adatum-shared / internal-azure:', 'supported', []],
      ['own-use.yaml', 1, 'tailwind-shared / m365-e3:', 'not-supported', ['shared-services-misuse']],
      ['own-use.yaml', 1, 'tailwind-shared / azure-plan:', 'not-supported', ['shared-services-misuse']],
      ['own-use.yaml', 1, 'lamna-internal / m365-e3:', 'not-supported', ['own-use-tenant']],
      ['multipartner.yaml', 1, 'fabrikam-corp / m365-e3:', 'not-supported', ['sold-to-partner-tenant']],
      ['multipartner.yaml', 1, 'woodgrove / azure-plan:', 'supported', []], // its managedBy problem is scenario 3's
      // 2: multipartner.
      ['multipartner.yaml', 2, 'woodgrove / m365-e3:', 'supported', []],
      ['multipartner.yaml', 2, 'woodgrove / azure-plan:', 'supported', []],
      ['multipartner.yaml', 2, 'bellows / m365-a3:', 'supported', []],
      ['multipartner.yaml', 2, 'fabrikam-corp / m365-e3:', 'not-supported', ['sold-to-partner-tenant']],
      ['own-use.yaml', 2, 'adatum-shared / internal-azure: adatum', 'supported', []],
      ['own-use.yaml', 2, 'lamna-internal / m365-e3:', 'not-supported', ['own-use-tenant']],
      ['own-use.yaml', 2, 'tailwind-shared / azure-plan: northwind', 'not-supported', ['shared-services-misuse']],
      ['paths.yaml', 2, 'woodgrove / unrecorded: —', 'not-applicable', []],
      // 3: multichannel.
      ['multipartner.yaml', 3, 'woodgrove / m365-e3: adatum', 'supported', []],
      ['multipartner.yaml', 3, 'woodgrove / m365-e3: relecloud-us', 'not-supported', ['cross-region-management']],
      ['multipartner.yaml', 3, 'woodgrove / azure-plan: adatum-msp', 'not-supported', ['unknown-reference']],
      ['multipartner.yaml', 3, 'woodgrove / azure-plan: tailspin-cn', 'not-applicable', []],
      ['multipartner.yaml', 3, 'bellows', 'not-applicable', []],
      // 4: own use.
      ['own-use.yaml', 4, 'adatum → adatum-shared', 'supported', []],
      ['own-use.yaml', 4, 'adatum → adatum-internal', 'supported', []],
      ['own-use.yaml', 4, 'tailwind → tailwind-shared', 'not-supported', ['shared-services-misuse']],
      ['own-use.yaml', 4, 'lamna → lamna-internal', 'not-supported', ['own-use-tenant']],
      ['self-sale.yaml', 4, 'fabrikam → fabrikam-internal', 'not-supported', ['self-sale']],
      ['paths.yaml', 4, 'The manifest', 'not-applicable', []],
      // 5: self-sales.
      ['self-sale.yaml', 5, 'fabrikam-internal / m365-e3', 'not-supported', ['self-sale']],
      ['self-sale.yaml', 5, 'northwind-retail / azure-plan', 'not-supported', ['self-sale']],
      ['self-sale.yaml', 5, 'contoso-retail / m365-e3', 'not-supported', ['self-sale']],
      ['clean.yaml', 5, 'The manifest', 'supported', []],
      // 6 and 7: regions.
      ['regions.yaml', 6, 'woodgrove / azure-plan', 'not-supported', ['cross-region-sale']],
      ['regions.yaml', 6, 'woodgrove / m365-e3', 'not-supported', ['cross-region-sale']],
      ['regions.yaml', 7, 'fabrikam', 'not-supported', ['cross-region-relationship']],
      ['clean.yaml', 6, 'The manifest', 'supported', []],
      ['clean.yaml', 7, 'The manifest', 'supported', []],
    ];
    for (const [file, n, subject, verdict, rules] of cases) {
      it(`${file} ${n}: ${subject} → ${verdict}${rules.length ? ` (${rules.join(', ')})` : ''}`, () => {
        const item = itemOf(file, n, subject);
        assert.equal(item.verdict, verdict, item.reason);
        assert.deepEqual(item.rules, rules, item.reason);
      });
    }

    it('names the multipartner sellers, and each option of own use', () => {
      assert.match(itemOf('clean.yaml', 2, 'woodgrove / azure-plan:').reason, /2 partners \(fabrikam, northwind\)/);
      assert.match(itemOf('own-use.yaml', 4, 'adatum → adatum-shared').reason, /^Option A:/);
      assert.match(itemOf('own-use.yaml', 4, 'adatum → adatum-internal').reason, /^Option B:/);
    });

    it('finds nothing "not supported" in the clean manifest', () => {
      for (const result of readExpected('clean.yaml').all) {
        for (const item of result.items)
          assert.notEqual(item.verdict, 'not-supported', `${result.scenario}: ${item.subject}: ${item.reason}`);
      }
    });

    it('answers in Japanese when the check is in Japanese', () => {
      const { all } = readExpected('ja.yaml');
      assert.equal(all[0].question, 'この顧客はどのような経路でサービスを受けていますか?');
      assert.match(all[5].items[0].reason, /リージョン/);
    });
  });

  describe('every answer', () => {
    const results: [string, RenderedScenario][] = scenarioFixtures().flatMap((file) => {
      const { all, subjects } = readExpected(file);
      return [...all, ...subjects.map((s) => s.result)].map((r): [string, RenderedScenario] => [file, r]);
    });

    it('has at least one item; a not-supported item names its rules and a location; a not-applicable one no rule', () => {
      for (const [file, result] of results) {
        assert.ok(result.items.length > 0, `${file} ${result.scenario}`);
        for (const item of result.items) {
          const where = `${file} ${result.scenario} ${item.subject}`;
          assert.ok(item.subject && item.reason, where);
          if (item.verdict === 'not-supported') assert.ok(item.rules.length > 0 && item.locations.length > 0, where);
          if (item.verdict === 'not-applicable') assert.deepEqual(item.rules, [], where);
        }
      }
    });

    it('points at lines of its manifest', () => {
      for (const [file, result] of results) {
        const lines = readFileSync(path.join(scenarioDataDir, file), 'utf8').split('\n');
        for (const item of result.items) {
          for (const r of item.locations) {
            assert.ok(r.start.line < lines.length && r.start.character <= lines[r.start.line].length, `${file} ${item.subject}`);
            assert.ok(
              r.end.line > r.start.line || (r.end.line === r.start.line && r.end.character >= r.start.character),
              `${file} ${item.subject}`,
            );
          }
        }
      }
    });
  });

  describe('runScenario', () => {
    it('over the whole manifest equals the matching answer of runAllScenarios', () => {
      const result = manifest('paths.yaml');
      assert.deepEqual(
        runAllScenarios(result),
        SCENARIOS.map((n) => runScenario(result, n)),
      );
    });

    it("for one customer keeps only that customer's items", () => {
      const result = manifest('multipartner.yaml');
      const one = renderScenario(runScenario(result, 2, { customer: 'bellows' }), 'en');
      assert.deepEqual(
        one.items.map((i) => i.subject),
        ['bellows / m365-a3: northwind'],
      );
      const all = renderScenario(runScenario(result, 2), 'en');
      assert.deepEqual(
        one.items,
        all.items.filter((i) => i.subject.startsWith('bellows ')),
      );
    });

    it('for a partner without own-use tenants says so (not applicable)', () => {
      const { items } = renderScenario(runScenario(manifest('own-use.yaml'), 4, { partner: 'northwind' }), 'en');
      assert.equal(items.length, 1);
      assert.equal(items[0].verdict, 'not-applicable');
      assert.match(items[0].reason, /"northwind" has no own-use tenant/);
    });

    it('throws UnknownSubjectError for an unknown customer or partner id, and for a partner id given as a customer', () => {
      const result = manifest('clean.yaml');
      const throwsFor = (n: ScenarioNumber, subject: { customer?: string; partner?: string }, kind: string, id: string) =>
        assert.throws(
          () => runScenario(result, n, subject),
          (e: unknown) => e instanceof UnknownSubjectError && e.kind === kind && e.id === id,
        );
      throwsFor(1, { customer: 'nobody' }, 'customer', 'nobody');
      throwsFor(4, { partner: 'nobody' }, 'partner', 'nobody');
      throwsFor(2, { customer: 'fabrikam' }, 'customer', 'fabrikam');
      throwsFor(4, { partner: 'woodgrove' }, 'partner', 'woodgrove');
    });

    it('gives no answer to cascade from when the manifest has YAML syntax errors (no customers, nothing found)', () => {
      const result = check('manifestVersion: 1\npartners: [\ncustomers:\n\t- id: x\n');
      assert.ok(result.findings.length > 0 && result.findings.every((f) => f.rule === 'yaml-syntax'));
      for (const answer of runAllScenarios(result)) {
        assert.ok(
          answer.items.every((i) => i.verdict !== 'not-supported'),
          `scenario ${answer.scenario}`,
        );
      }
    });
  });
});
