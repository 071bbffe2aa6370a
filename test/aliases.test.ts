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
    const findings = (list: string) =>
      check(`manifestVersion: 1\npartners:\n${list}customers: []\n`).findings.map((f) => [f.rule, f.message]);
    assert.deepEqual(findings(shared), findings(written));
  });
});

describe('the alias budget', () => {
  // "Billion laughs" under x- keys at the root: 9 anchors, each a list of 9 aliases of the one before.
  const names = 'abcdefghi';
  const bomb = [`x-a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    bomb.push(
      `x-${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  const text = [
    'manifestVersion: 1',
    ...bomb,
    'partners:',
    '  - id: p',
    '    name: P',
    '    type: indirect-reseller',
    '    country: XX',
    '    providers: *i',
    '    tenant: *f',
    'customers:',
    '  - id: c',
    '    name: C',
    '    country: FR',
    '    subscriptions:',
    '      - id: s',
    '        offer: o',
    '        soldBy: p',
    '        managedBy: *i',
    '',
  ].join('\n');
  const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

  it('is one finding on each value that expands past it, and the rest of its entry is checked as usual', () => {
    const result = check(text);
    const rows = result.findings.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.message.slice(0, 40)]);
    const tooMany = 'Through aliases this value grows by more';
    for (const key of ['providers:', 'tenant:', 'managedBy:']) {
      assert.ok(
        rows.some(([rule, line, , message]) => rule === 'schema' && line === lineOf(key) && message === tooMany),
        `${key}\n${rows.join('\n')}`,
      );
    }
    // The entry's other values still speak: its country, read as usual.
    assert.ok(rows.some(([rule, line]) => rule === 'unknown-country' && line === lineOf('country: XX')));
  });

  it('leaves the values it stopped out of the model, as every value the schema rejects', () => {
    const { model } = check(text);
    const [partner] = model.partners;
    assert.equal(partner.kind === 'partner' && partner.providers.length, 0);
    assert.equal(partner.tenant, undefined);
    assert.deepEqual(model.customers[0].subscriptions[0].managedBy, []);
    assert.equal(model.customers[0].subscriptions[0].soldBy?.value, 'p');
  });
});

describe('the syntax check of a fix on a text whose entries share an anchor (held whole)', () => {
  const text = [
    'manifestVersion: 1',
    'partners:',
    '  - id: &seller adatum',
    '    name: Adatum',
    '  - id: fabrikam',
    '    name: Fabrikam',
    'customers:',
    '  - id: woodgrove',
    '    name: Woodgrove',
    '    subscriptions:',
    '      - { id: s1, offer: E3, soldBy: *seller }',
    '',
  ].join('\n');
  const result = check(text);
  const span = (find: string, replacement: string) => {
    const start = text.indexOf(find);
    return [{ start, end: start + find.length, text: replacement, index: 0 }];
  };

  it('an edit inside one entry that keeps its anchors is answered by that entry', () => {
    assert.equal(result.parsesAfter(span('name: Adatum', 'name: Adatum Ltd')), true);
    assert.equal(result.parsesAfter(span('name: Fabrikam', 'name: Fabrikam SA')), true);
  });

  it('an edit that drops or renames an anchor another entry names is refused (the alias would not resolve)', () => {
    assert.equal(result.parsesAfter(span('&seller adatum', 'adatum')), false);
    assert.equal(result.parsesAfter(span('&seller', '&vendor')), false);
  });

  it('an edit that breaks its own entry is refused', () => {
    assert.equal(result.parsesAfter(span('name: Fabrikam', 'name: [Fabrikam')), false);
  });
});
