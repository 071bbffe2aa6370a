import * as assert from 'node:assert/strict';
import { Alias, parseAllDocuments, visit } from 'yaml';
import { resolveAlias } from '../server/src/core/parse';
import { check } from '../server/src/core/check';

/** Texts with anchors used before, after and inside their aliases, names defined twice, and aliases that resolve to nothing. */
const TEXTS = [
  'a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: *y\n',
  'a: &r [1, *r]\nb: *r\n',
  'partners:\n  - &p { id: a, mpa: &m { accepted: true } }\n  - id: b\n    mpa: *m\n  - *p\ncustomers: [*p, *m, *q]\n',
  '- *early\n- &early x\n- *early\n- &early y\n- { k: *early, &early z: *early }\n',
];

describe('aliases', () => {
  it('resolve as yaml resolves them: the last node anchored with the name before the alias', () => {
    let aliases = 0;
    for (const text of TEXTS) {
      for (const doc of parseAllDocuments(text)) {
        visit(doc, {
          Alias(_key, alias: Alias) {
            assert.equal(resolveAlias(alias, doc), alias.resolve(doc), `${JSON.stringify(text)}: *${alias.source} at ${alias.range?.[0]}`);
            aliases++;
          },
        });
      }
    }
    assert.ok(aliases >= 14, `${aliases} aliases compared`);
  });

  it('a thousand partners sharing one anchored MPA record are read like written-out ones', () => {
    const partner = (i: number, mpa: string) =>
      `  - id: p${i}\n    name: P ${i}\n    type: direct-bill\n    country: DE\n    mpa: ${mpa}\n` +
      '    directBill: { apiIntegration: true, billingAndSupport: true, securityCompliance: true }\n';
    const record = '{ accepted: true, acceptedOn: 2024-01-01 }';
    const shared = Array.from({ length: 1000 }, (_, i) => partner(i, i === 0 ? `&mpa ${record}` : '*mpa')).join('');
    const written = Array.from({ length: 1000 }, (_, i) => partner(i, record)).join('');
    const findings = (list: string) => check(`manifestVersion: 1\npartners:\n${list}customers: []\n`).findings.map((f) => [f.rule, f.message]);
    assert.deepEqual(findings(shared), findings(written));
  });
});
