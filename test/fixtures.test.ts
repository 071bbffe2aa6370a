import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/core/rules';
import {
  applyFix,
  baselinePath,
  check,
  checkFixture,
  fixesFor,
  fixtureFiles,
  fixtureOptions,
  repoRoot,
  renderBaseline,
  TEST_TODAY,
} from './support';

const files = fixtureFiles();

describe('fixture baselines (npm run baselines rewrites them)', () => {
  for (const file of files) {
    it(file, () => {
      const expected = existsSync(baselinePath(file)) ? readFileSync(baselinePath(file), 'utf8') : '(no baseline file)';
      assert.equal(renderBaseline(checkFixture(file).result), expected);
    });
  }
});

describe('every quick fix, applied to its fixture', () => {
  for (const file of files) {
    const { text, result } = checkFixture(file);
    const options = fixtureOptions(text);
    const count = (findings: { rule: string; message: string }[], key: string) =>
      findings.filter((f) => `${f.rule}|${f.message}` === key).length;
    for (const finding of result.findings) {
      for (const fix of fixesFor(result, finding, TEST_TODAY)) {
        it(`${file}:${finding.range.start.line + 1} ${finding.rule} — ${fix.title}`, () => {
          const after = check(applyFix(text, fix), options).findings;
          const key = `${finding.rule}|${finding.message}`;
          assert.ok(count(after, key) < count(result.findings, key), `the finding is still there:\n${applyFix(text, fix)}`);
          const newErrors = after.filter(
            (f) => f.severity === 'error' && count(after, `${f.rule}|${f.message}`) > count(result.findings, `${f.rule}|${f.message}`),
          );
          assert.deepEqual(
            newErrors.map((f) => `${f.rule}: ${f.message}`),
            [],
            'the fix introduced new errors',
          );
        });
      }
    }
  }
});

describe('every rule has fixtures and a doc page', () => {
  const fired = (dir: string, rule: string, wanted: boolean) =>
    files
      .filter((f) => f.startsWith(`rules${path.sep}${dir}${path.sep}`) && path.basename(f).startsWith(wanted ? 'fires' : 'near-miss'))
      .filter((f) => checkFixture(f).result.findings.some((x) => x.rule === rule) === wanted);
  for (const rule of rules) {
    it(`${rule.id}: fires in rules/${rule.id}/fires*.yaml, silent in near-miss*.yaml, documented`, () => {
      assert.ok(fired(rule.id, rule.id, true).length > 0, `no firing fixture for ${rule.id}`);
      assert.ok(fired(rule.id, rule.id, false).length > 0, `no near-miss fixture for ${rule.id}`);
      assert.ok(existsSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`)), `no docs/rules/${rule.id}.md`);
    });
  }
});
