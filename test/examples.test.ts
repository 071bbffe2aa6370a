import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/core/rules';
import { check, repoRoot } from './support';

const example = (name: string) => check(readFileSync(path.join(repoRoot, 'examples', name), 'utf8'));

describe('examples', () => {
  it('csp-partners.yaml is clean', () => {
    assert.deepEqual(
      example('csp-partners.yaml').findings.map((f) => `${f.range.start.line + 1} ${f.rule}`),
      [],
    );
  });

  it('merge-keys.csp-partners.yaml (blocks shared with merge keys) is clean', () => {
    assert.deepEqual(
      example('merge-keys.csp-partners.yaml').findings.map((f) => `${f.range.start.line + 1} ${f.rule}`),
      [],
    );
  });

  it('every-rule.csp-partners.yaml fires every rule but yaml-syntax', () => {
    const fired = new Set(example('every-rule.csp-partners.yaml').findings.map((f) => f.rule));
    const missing = rules.map((r) => r.id).filter((id) => id !== 'yaml-syntax' && !fired.has(id));
    // market-status-unverified is silenced by the file's own `# csp-disable`, which is the point of that line.
    assert.deepEqual(missing, ['market-status-unverified']);
  });

  it('broken.csp-partners.yaml reports only yaml-syntax, each on its own line', () => {
    const findings = example('broken.csp-partners.yaml').findings;
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.equal(f.rule, 'yaml-syntax');
      assert.equal(f.range.end.line, f.range.start.line);
    }
  });
});
