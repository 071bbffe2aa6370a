// Hostile inputs through the one pipeline, `check()`. Every input is generated here (nothing big is
// committed). Each must come back with findings (or none) without throwing. No timing is asserted
// (speed is for the benchmarks): mocha's per-test timeout (.mocharc.json) is the guard against a hang.

import * as assert from 'node:assert/strict';
import { check, CheckResult, fixesFor } from '../server/src/core/check';
import { Finding, SEVERITIES } from '../server/src/core/finding';
import { ruleById } from '../server/src/core/rules';
import { applyEdits } from '../server/src/core/text';

const HEAD = 'manifestVersion: 1\npartners: []\n';
const SEVERITY_NAMES = new Set<string>(SEVERITIES);

/** 0-based line of the first line that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${JSON.stringify(needle)} is in the text`);
  return text.slice(0, index).split('\n').length - 1;
}

/**
 * Runs `check` and asserts what holds for any input: known rule ids and severities, a message,
 * ranges inside the text with start <= end, and yaml-syntax findings kept on one line.
 */
function checked(text: string): CheckResult {
  const result = check(text);
  // Lines as LSP counts them: a line break is '\r\n', '\n' or a lone '\r'.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const f of result.findings) {
    const where = `${f.rule} ${JSON.stringify(f.range)}`;
    assert.ok(ruleById.has(f.rule), `known rule: ${where}`);
    assert.ok(SEVERITY_NAMES.has(f.severity), `severity: ${where}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `message: ${where}`);
    assert.doesNotMatch(f.message, /internal error/, `no rule crashed: ${f.message.slice(0, 200)}`);
    const { start, end } = f.range;
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `start <= end: ${where}`);
    assert.ok(end.line < lines.length, `end line inside the text: ${where}`);
    assert.ok(
      start.character <= lines[start.line].length && end.character <= lines[end.line].length,
      `characters inside their lines: ${where}`,
    );
    if (f.rule === 'yaml-syntax') assert.equal(start.line, end.line, `yaml-syntax stays on its line: ${where}`);
  }
  return result;
}

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** "Billion laughs": 9 nested anchors, each a list of 9 aliases of the one before (9^9 leaves). */
function aliasBomb(indent: string, keyPrefix = ''): string {
  const names = 'abcdefghi';
  const out = [`${indent}${keyPrefix}a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    out.push(
      `${indent}${keyPrefix}${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return out.join('\n') + '\n';
}

/** A mapping nested `depth` levels deep in block style, each level indented two more spaces. */
function deepBlockMapping(indent: number, depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(indent + 2 * i)}level${i}:`).join('\n') + ' bottom\n';
}

/** A small seeded generator, so a failing input can be rebuilt from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIVE_MB = 5 * 1024 * 1024;

describe('hostile inputs through check()', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
  afterEach(() => {
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames, 'Object.prototype is untouched');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no polluted property on plain objects');
  });

  describe('malformed YAML', () => {
    // Each case: text, the line its yaml-syntax findings must sit on, and what the message says.
    // 40 comment lines follow each, so a range that ran to the end of the file would show.
    const tail = Array.from({ length: 40 }, (_, i) => `# trailing comment ${i}`).join('\n') + '\n';
    const cases: { name: string; text: string; lines: number[]; message?: RegExp }[] = [
      { name: 'an unclosed flow sequence in a block entry', text: `${HEAD}customers:\n  - id: [unclosed\n    name: x\n`, lines: [3, 4] },
      { name: 'a tab in the indentation', text: `${HEAD}customers:\n\t- id: a\n`, lines: [3], message: /tab/i },
      { name: 'a duplicate key', text: `${HEAD}customers: []\ncustomers: []\n`, lines: [3], message: /twice/ },
      { name: 'a second document', text: `${HEAD}customers: []\n---\nfoo: 1\n`, lines: [3], message: /one YAML document/ },
      { name: 'an alias with no anchor', text: `${HEAD}customers: *nope\n`, lines: [2], message: /\*nope/ },
      { name: 'a key indented one space too few', text: `${HEAD}customers:\n  - id: a\n   name: b\n`, lines: [4] },
      { name: 'stray colons', text: `${HEAD}customers: []\n: : :\n`, lines: [3] },
    ];
    for (const c of cases) {
      it(`${c.name}: only yaml-syntax findings, on the line of the error`, () => {
        const { findings } = checked(c.text + tail);
        assert.ok(findings.length > 0);
        for (const f of findings) {
          assert.equal(f.rule, 'yaml-syntax', 'no cascade of other rules');
          assert.ok(c.lines.includes(f.range.start.line), `line ${f.range.start.line} is one of ${c.lines.join(', ')}: ${f.message}`);
          assert.equal(f.range.end.line, f.range.start.line);
          if (c.message) assert.match(f.message, c.message);
        }
      });
    }

    it('exact ranges: the duplicate key and the alias with no anchor', () => {
      assert.deepEqual(
        checked(`${HEAD}customers: []\ncustomers: []\n`).findings.map((f) => f.range),
        [{ start: { line: 3, character: 0 }, end: { line: 3, character: 9 } }],
      );
      assert.deepEqual(
        checked(`${HEAD}customers: *nope\n`).findings.map((f) => f.range),
        [{ start: { line: 2, character: 11 }, end: { line: 2, character: 16 } }],
      );
    });

    it('an unclosed quote or flow mapping: yaml-syntax on one line, no throw', () => {
      for (const text of [
        `${HEAD}customers:\n  - id: a\n    name: "abc\n    country: FR\n${tail}`,
        `{ manifestVersion: 1,\npartners: [],\ncustomers: []\n${tail}`,
      ]) {
        const { findings } = checked(text);
        assert.ok(findings.length > 0);
        assert.ok(findings.every((f) => f.rule === 'yaml-syntax'));
      }
    });

    // Regression (yaml-syntax position of unterminated constructs, fixed): parse.ts places the error where the
    // parser gave up, the empty last line of the file (zero-width), instead of where the quote or the
    // flow mapping opens, so the squiggle is far from the cause.
    it('an unclosed quote or flow mapping is reported on the line where it opens', () => {
      const quote = `${HEAD}customers:\n  - id: a\n    name: "abc\n    country: FR\n${tail}`;
      assert.deepEqual(
        checked(quote).findings.map((f) => f.range.start.line),
        [lineOf(quote, '"abc')],
      );
      const flow = `{ manifestVersion: 1,\npartners: [],\ncustomers: []\n${tail}`;
      assert.deepEqual(
        checked(flow).findings.map((f) => f.range.start.line),
        [0],
      );
    });
  });

  describe('alias bomb (billion laughs: 9 anchors x 9 aliases)', () => {
    it('inside a customer entry: a finding on the key that holds it, naming the alias limit; the other entries are still checked', () => {
      const text =
        `${HEAD}customers:\n  - id: boom\n    name: Boom\n    country: FR\n    x-bomb:\n` +
        `${aliasBomb('      ')}  - id: after\n    name: After\n    country: UK\n`;
      const { findings } = checked(text);
      const bomb = findings.filter((f) => /alias/i.test(f.message));
      assert.equal(bomb.length, 1, 'one finding for the bomb');
      assert.equal(bomb[0].rule, 'schema');
      assert.match(bomb[0].message, /Through aliases this value grows by more than 10000 values/);
      assert.equal(bomb[0].range.start.line, lineOf(text, 'x-bomb:'), 'on the key that holds the bomb');
      const uk = only(findings, 'unknown-country');
      assert.equal(uk.length, 1, 'the next customer is still checked');
      assert.equal(uk[0].range.start.line, lineOf(text, 'country: UK'));
    });

    it('at the root (under one key, and as root keys): returns without throwing', () => {
      checked(`${HEAD}customers: []\nx-bomb:\n${aliasBomb('  ')}`);
      checked(`${HEAD}customers: []\n${aliasBomb('', 'x-')}`);
    });

    // Anchors spread over several root keys are shared by reference when converted, so they do not
    // expand; a bomb nested under one key does, and is reported on that key.
    it('at the root: a finding on the key that holds the bomb, naming the alias exhaustion', () => {
      const under = `${HEAD}customers: []\nx-bomb:\n${aliasBomb('  ')}`;
      const a = checked(under).findings.filter((f) => /alias/i.test(f.message));
      assert.equal(a.length, 1);
      assert.equal(a[0].range.start.line, lineOf(under, 'x-bomb:'));
    });

    it('an anchor that contains its own alias (a cycle) returns without throwing', () => {
      assert.deepEqual(checked(`${HEAD}customers: []\nx-loop: &a [*a]\n`).findings, []);
      assert.deepEqual(checked(`${HEAD}customers:\n  - &c {id: a, name: A, country: FR, x-self: *c}\n`).findings, []);
    });
  });

  describe('100-level nesting', () => {
    it('a 100-level mapping under an x- key of a customer: no finding (x- keys are free)', () => {
      const text = `${HEAD}customers:\n  - id: deep\n    name: Deep\n    country: FR\n    x-deep:\n${deepBlockMapping(6, 100)}`;
      assert.equal(lineOf(text, 'level99:'), 106);
      assert.deepEqual(checked(text).findings, []);
    });

    it('a 100-level mapping under an unknown key of a customer: one schema finding on that key', () => {
      const text = `${HEAD}customers:\n  - id: deep\n    name: Deep\n    country: FR\n    deep:\n${deepBlockMapping(6, 100)}`;
      const { findings } = checked(text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'schema');
      assert.match(findings[0].message, /Unknown property "deep"/);
      const line = lineOf(text, '    deep:');
      assert.deepEqual(findings[0].range, { start: { line, character: 4 }, end: { line, character: 8 } });
    });

    it('100 nested flow sequences and flow mappings under root x- keys: no finding', () => {
      const text = `${HEAD}customers: []\nx-seq: ${'['.repeat(100)}1${']'.repeat(100)}\nx-map: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`;
      assert.deepEqual(checked(text).findings, []);
    });

    it('100 nested flow sequences as a managedBy value: schema findings on that line only', () => {
      const text =
        `${HEAD}customers:\n  - id: deep\n    name: Deep\n    country: FR\n    subscriptions:\n` +
        `      - id: s\n        offer: o\n        managedBy: ${'['.repeat(100)}x${']'.repeat(100)}\n`;
      const { findings } = checked(text);
      assert.ok(findings.length > 0);
      const line = lineOf(text, 'managedBy:');
      for (const f of findings) {
        assert.equal(f.rule, 'schema');
        assert.equal(f.range.start.line, line);
        assert.equal(f.range.end.line, line);
      }
    });

    // Where the parser's stack runs out depends on the stack size, so this only asks for no throw and,
    // if anything is reported, yaml-syntax findings on one line each (the values sit under x- keys).
    it("5000 nested flow sequences and 1000 nested mappings (past the parser's stack): no throw", () => {
      for (const text of [
        `${HEAD}customers: []\nx-seq: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
        `${HEAD}customers: []\nx-deep:\n${deepBlockMapping(2, 1000)}`,
      ]) {
        const { findings } = checked(text);
        assert.ok(findings.every((f) => f.rule === 'yaml-syntax'));
      }
    });

    // Whether 1000 levels overflow the parser's stack depends on how deep the caller's stack already is.
    // When they do, the parser's RangeError (once per level) becomes one finding that says so; when they
    // don't, the x- key is free and there is none.
    it('1000 levels: at most one finding, saying the nesting is too deep, never a JS stack error', () => {
      const { findings } = checked(`${HEAD}customers: []\nx-seq: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
      assert.ok(findings.length <= 1);
      for (const f of findings) assert.match(f.message, /nested too deeply/);
    });
  });

  describe('a 5 MB single line', () => {
    it('a 5 MB scalar as a customer name: no finding', () => {
      const text = `${HEAD}customers:\n  - id: big\n    name: ${'A'.repeat(FIVE_MB)}\n    country: FR\n`;
      assert.deepEqual(checked(text).findings, []);
    });

    it('a 5 MB scalar as a country: one schema finding on that value', () => {
      const text = `${HEAD}customers:\n  - id: big\n    name: Big\n    country: ${'A'.repeat(FIVE_MB)}\n`;
      const { findings } = checked(text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'schema');
      const line = lineOf(text, 'country:');
      assert.deepEqual(findings[0].range, { start: { line, character: 13 }, end: { line, character: 13 + FIVE_MB } });
    });

    // Regression (messages quote values whole, fixed): the schema message for a 5 MB country is 5 MB long (the
    // same for unknown-reference and every message with {value}/{id}); CLI output, LSP traffic and
    // SARIF uploads carry it per finding. Expected: long values shortened in messages.
    it('a 5 MB value is shortened in the message', () => {
      const text = `${HEAD}customers:\n  - id: big\n    name: Big\n    country: ${'A'.repeat(FIVE_MB)}\n`;
      for (const f of checked(text).findings) assert.ok(f.message.length < 1000, `message of ${f.message.length} characters`);
    });

    it('a 5 MB flow sequence on one line under a root x- key: no finding', () => {
      const item = 'abcdefghijklmnopqrstuvwxyz0123456789';
      const count = Math.ceil(FIVE_MB / (item.length + 2));
      const text = `${HEAD}customers: []\nx-big: [${Array(count).fill(item).join(', ')}]\n`;
      assert.ok(text.length > FIVE_MB);
      assert.deepEqual(checked(text).findings, []);
    });

    // Regression (was quadratic: candidateIds() rebuilt the sibling list of every unknown entry, so a
    // 5 MB list ran for more than 11 minutes; fixed in 877299f by computing candidates only for a fix).
    it('a 5 MB managedBy list of unknown ids on one line: one unknown-reference per entry, on that line', function () {
      // Half a million findings take about 10 s on an idle machine: a wider hang guard than the default.
      this.timeout(60_000);
      const count = Math.ceil(FIVE_MB / 10);
      const ids = Array.from({ length: count }, (_, i) => `p${String(i).padStart(7, '0')}`);
      const text =
        `${HEAD}customers:\n  - id: c\n    name: C\n    country: FR\n    subscriptions:\n` +
        `      - id: s\n        offer: o\n        managedBy: [${ids.join(', ')}]\n`;
      const line = lineOf(text, 'managedBy:');
      assert.ok(text.split('\n')[line].length > FIVE_MB);
      const { findings } = checked(text);
      const unknown = only(findings, 'unknown-reference');
      assert.equal(unknown.length, count);
      assert.equal(findings.length, count);
      assert.ok(unknown.every((f) => f.range.start.line === line));
      assert.match(unknown[count - 1].message, new RegExp(`"${ids[count - 1]}"`));
    });
  });

  describe('__proto__ and other prototype names', () => {
    it('__proto__ as a key in a partner: schema "Unknown property" on that key', () => {
      const text =
        'manifestVersion: 1\ncustomers: []\npartners:\n  - id: p\n    name: P\n' +
        '    type: direct-bill\n    country: FR\n    __proto__:\n      polluted: true\n';
      const { findings } = checked(text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'schema');
      assert.match(findings[0].message, /Unknown property "__proto__"/);
      const line = lineOf(text, '__proto__:');
      assert.deepEqual(findings[0].range, { start: { line, character: 4 }, end: { line, character: 13 } });
    });

    it('__proto__ as a key in a subscription flow mapping: schema "Unknown property" on that key', () => {
      const text =
        `${HEAD}customers:\n  - id: a\n    name: A\n    country: FR\n` +
        `    subscriptions:\n      - {id: s, offer: o, __proto__: {soldBy: x, polluted: true}}\n`;
      const { findings } = checked(text);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /Unknown property "__proto__"/);
      assert.equal(findings[0].range.start.line, lineOf(text, '__proto__'));
    });

    it('__proto__ as an id and as references: schema findings on those values', () => {
      const text =
        'manifestVersion: 1\npartners:\n  - id: __proto__\n    name: P\n    type: direct-bill\n    country: FR\ncustomers:\n' +
        '  - id: c\n    name: C\n    country: FR\n' +
        '    owner: __proto__\n    subscriptions:\n      - {id: s, offer: o, soldBy: __proto__, managedBy: [__proto__]}\n';
      const { findings } = checked(text);
      const protoValues = findings.filter((f) => f.rule === 'schema' && /"__proto__" is not a valid id/.test(f.message));
      assert.equal(protoValues.length, 4, 'id, owner, soldBy and managedBy[0]');
      assert.deepEqual(
        protoValues.map((f) => f.range.start.line),
        [2, 10, 12, 12],
      );
      assert.equal(only(findings, 'unknown-reference').length, 0, 'a rejected value is not also an unknown reference');
    });

    it('ids named like Object.prototype members (constructor, toString, valueOf) are plain ids', () => {
      const text = [
        'manifestVersion: 1',
        'partners:',
        '  - {id: constructor, name: C, type: direct-bill, country: FR, mpa: {accepted: true, acceptedOn: 2024-01-01}, ' +
          'directBill: {apiIntegration: true, billingAndSupport: true, securityCompliance: true}}',
        'customers:',
        '  - id: toString',
        '    name: T',
        '    country: FR',
        '    subscriptions:',
        '      - {id: hasOwnProperty, offer: o, soldBy: constructor}',
        '      - {id: s2, offer: o, soldBy: toString}',
        '      - {id: s3, offer: o, soldBy: constructor, managedBy: [valueOf]}',
        '',
      ].join('\n');
      const { findings } = checked(text);
      assert.deepEqual(
        findings.map((f) => [f.rule, f.range.start.line]),
        [
          ['reference-kind', 9],
          ['unknown-reference', 10],
        ],
      );
      assert.match(findings[0].message, /"toString" is a customer/);
      assert.match(findings[1].message, /"valueOf"/);
    });

    it('__proto__ as a root key (mapping, null, list or scalar value): returns without throwing or polluting', () => {
      for (const value of ['{polluted: true}', 'null', '[1]', '5']) checked(`${HEAD}customers: []\n__proto__: ${value}\n`);
    });

    // Regression (__proto__ at the root, fixed): schema.ts validateDocument builds the shallow root object with
    // `shallow[key] = ...`, so the key `__proto__` sets that object's prototype instead of a property.
    // `__proto__: {polluted: true}` is reported as Unknown property "polluted" over the whole document;
    // with null, [1] or 5 as its value there is no finding at all.
    it('__proto__ as a root key: schema "Unknown property \\"__proto__\\"" on that key', () => {
      for (const value of ['{polluted: true}', 'null', '[1]', '5']) {
        const { findings } = checked(`${HEAD}customers: []\n__proto__: ${value}\n`);
        assert.equal(findings.length, 1, value);
        assert.equal(findings[0].rule, 'schema', value);
        assert.match(findings[0].message, /Unknown property "__proto__"/, value);
        assert.deepEqual(findings[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } }, value);
      }
    });
  });

  describe('binary garbage', () => {
    it('random bytes decoded as latin1 (16 seeds of 16 KB): findings, no throw', () => {
      for (let seed = 1; seed <= 16; seed++) {
        const random = mulberry32(seed);
        const bytes = Buffer.alloc(16 * 1024);
        for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
        const { findings } = checked(bytes.toString('latin1'));
        assert.ok(findings.length > 0, `seed ${seed}: garbage is never a valid manifest`);
      }
    });

    it('YAML-shaped garbage (40 seeds of random YAML tokens): findings, no throw', () => {
      const tokens = [
        '-',
        ': ',
        '[',
        ']',
        '{',
        '}',
        '&a ',
        '*a',
        '&b ',
        '*b',
        '!',
        '!!str ',
        '|',
        '>',
        '"',
        "'",
        '#',
        ' ',
        '  ',
        '\n',
        '\n  ',
        '\n- ',
        '\t',
        'x',
        'id',
        'partners',
        'customers',
        '?',
        ',',
        '%',
        '@',
        '`',
        '\0',
        '\r',
        '---',
        '...',
        '<<',
        '__proto__',
        '1',
        'FR',
        '\uFEFF',
        '🍣',
        '\u2028',
      ];
      for (let seed = 1; seed <= 40; seed++) {
        const random = mulberry32(seed);
        const parts = Array.from({ length: 800 }, () => tokens[Math.floor(random() * tokens.length)]);
        checked(`manifestVersion: 1\npartners:\n${parts.join('')}`);
      }
    });

    it('NUL bytes only: the root is not a mapping', () => {
      const { findings } = checked('\0'.repeat(1000));
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'schema');
      assert.match(findings[0].message, /must be a mapping/);
    });

    it('a NUL inside an id: a schema finding on that value', () => {
      const text = `${HEAD}customers:\n  - id: a\0b\n    name: x\n    country: FR\n`;
      const { findings } = checked(text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'schema');
      assert.deepEqual(findings[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
    });
  });

  describe('empty and odd roots', () => {
    const rootNotMapping = (text: string) => {
      const { findings } = checked(text);
      assert.equal(findings.length, 1, JSON.stringify(text));
      assert.equal(findings[0].rule, 'schema');
      assert.equal(findings[0].severity, 'error');
      assert.match(findings[0].message, /must be a mapping with manifestVersion, partners and customers/);
      assert.equal(findings[0].range.start.line, 0);
      return findings[0];
    };

    it('an empty file: one finding, at the start', () => {
      assert.deepEqual(rootNotMapping('').range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });

    it('whitespace only, and a UTF-8 BOM only: one finding', () => {
      rootNotMapping('\n\n   \n');
      rootNotMapping('\uFEFF');
    });

    it('a file that is only comments: one finding', () => {
      rootNotMapping('# csp-partners.yaml\n# nothing yet\n');
    });

    it('a root that is a list: one finding over the list', () => {
      assert.deepEqual(rootNotMapping('- a\n- b\n').range.end, { line: 2, character: 0 });
    });

    it('a root that is a scalar: one finding over the scalar', () => {
      assert.deepEqual(rootNotMapping('hello\n').range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    });

    it('partners: null, and customers: null: "must be a list" on the null', () => {
      let { findings } = checked('manifestVersion: 1\npartners: null\ncustomers: []\n');
      assert.deepEqual(
        findings.map((f) => [f.rule, f.message, f.range]),
        [['schema', '"partners" must be a list.', { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } }]],
      );
      ({ findings } = checked('manifestVersion: 1\npartners: []\ncustomers: ~\n'));
      assert.deepEqual(
        findings.map((f) => [f.rule, f.message, f.range.start.line]),
        [['schema', '"customers" must be a list.', 2]],
      );
    });

    it('partners with no value at all: "must be a list" on that line', () => {
      const { findings } = checked('manifestVersion: 1\npartners:\ncustomers: []\n');
      assert.deepEqual(
        findings.map((f) => [f.rule, f.message, f.range.start.line]),
        [['schema', '"partners" must be a list.', 1]],
      );
    });
  });
});

describe('keys written as a list or a mapping', () => {
  it('are one yaml-syntax finding each, on the key, also under x- keys, and nothing reaches the log', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const text = `${HEAD}customers:\n  - id: a\n    name: A\n    country: FR\n    ? [x, y]\n    : 1\nx-top:\n  {[a]: 1, b: 2}\n`;
      const findings = checked(text).findings;
      assert.deepEqual(
        findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]),
        [
          ['yaml-syntax', 6, 6],
          ['yaml-syntax', 9, 3],
        ],
      );
      assert.match(findings[0].message, /plain value/);
      // Node emits warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });
});

describe('quick fixes that would break the text', () => {
  it('"Rename to <key>" is not offered when the mapping already has that key (the result would hold it twice)', () => {
    const partner = (keys: string) =>
      `manifestVersion: 1\npartners:\n  - id: r\n    name: R\n    type: indirect-reseller\n    country: DE\n${keys}customers: []\n`;
    const fixTitles = (text: string) => {
      const result = check(text);
      const finding = result.findings.find((f) => f.rule === 'schema' && /provders/.test(f.message));
      assert.ok(finding, 'the misspelt key is reported');
      return fixesFor(result, finding).map((f) => f.title);
    };
    // Alone, the misspelt key is renamed; beside the key it would become, it is not.
    assert.ok(fixTitles(partner('    provders: [p]\n')).some((t) => /providers/.test(t)));
    assert.ok(!fixTitles(partner('    providers: [q]\n    provders: [p]\n')).some((t) => /providers/.test(t)));
  });

  it('"Confirm onboarding" writes into a plain mapping, not into a tagged `!!set { }` (where `key: true` is an error)', () => {
    const reseller = (onboarding: string) =>
      'manifestVersion: 1\npartners:\n  - id: d\n    name: D\n    type: indirect-provider\n' +
      '    country: DE\n    mpa: { accepted: true, acceptedOn: 2024-01-15 }\n  - id: r\n    name: R\n    type: indirect-reseller\n' +
      `    country: FR\n    mpa: { accepted: true, acceptedOn: 2024-02-01 }\n` +
      `    onboarding: ${onboarding}\n    providers: [d]\ncustomers: []\n`;
    const onboardingFixes = (text: string) => {
      const result = check(text);
      const finding = result.findings.find((f) => f.rule === 'reseller-onboarding-incomplete');
      assert.ok(finding, 'the incomplete onboarding is reported');
      return fixesFor(result, finding).filter((f) => f.id === 'fix.insert-flags');
    };
    const [plain] = onboardingFixes(reseller('{ aiCloudPartnerProgram: false }'));
    assert.deepEqual(findingRules(applyEdits(reseller('{ aiCloudPartnerProgram: false }'), plain.edits)), []);
    assert.deepEqual(onboardingFixes(reseller('!!set { x }')), []);
  });

  it('a key written without a value (`{ flag }`, also in a `!!set`) is a schema finding on the key', () => {
    for (const onboarding of ['{ aiCloudPartnerProgram }', '!!set { aiCloudPartnerProgram }']) {
      const text =
        'manifestVersion: 1\npartners:\n  - id: r\n    name: R\n    type: direct-bill\n    country: FR\n' +
        `    onboarding: ${onboarding}\ncustomers: []\n`;
      const [finding, ...others] = check(text).findings;
      assert.deepEqual(others, []);
      assert.equal(finding.rule, 'schema');
      assert.match(finding.message, /"aiCloudPartnerProgram" must be true or false/);
      const at = text.indexOf('aiCloudPartnerProgram');
      assert.deepEqual(finding.range, {
        start: { line: 6, character: at - text.lastIndexOf('\n', at) - 1 },
        end: { line: 6, character: at - text.lastIndexOf('\n', at) - 1 + 21 },
      });
    }
  });
});

const findingRules = (text: string) => check(text).findings.map((f) => f.rule);

describe('duplicate keys', () => {
  it('the finding covers the second key itself, also after an empty value (the parser reports the line break before it)', () => {
    for (const text of ['partners: \npartners:', 'partners:\n\n  \npartners: []\n', 'a: 1\n"a": 2\n']) {
      const findings = checked(text).findings;
      assert.equal(findings.length, 1, text);
      const lines = text.split('\n');
      const line = lines.length - 1 - [...lines].reverse().findIndex((l) => /^("a"|partners|a)/.test(l));
      const key = /^("a"|partners|a)/.exec(lines[line])![0];
      assert.deepEqual(findings[0].range, { start: { line, character: 0 }, end: { line, character: key.length } }, text);
      assert.match(findings[0].message, new RegExp(`The key ${key} appears twice`));
    }
  });
});
