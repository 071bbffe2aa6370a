import * as assert from 'node:assert/strict';
import { check, resultOf } from '../server/src/core/check';
import { Manifest } from '../server/src/core/manifest';
import { MAX_NESTING } from '../server/src/core/nesting';

const HEAD = 'manifestVersion: 1\npartners: []\n';
/** A mapping under `x-deep` (a free key), `levels` deep in block style. */
const nestedKeys = (levels: number, indent: number) =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(indent + 2 * i)}level${i}:`).join('\n');
const blockMapping = (levels: number) => `${HEAD}customers: []\nx-deep:\n${nestedKeys(levels, 2)} end\n`;
/** The same inside a customer entry, so that it is read as a segment of its own. */
const inEntry = (levels: number) =>
  `${HEAD}customers:\n  - id: c\n    name: C\n    country: FR\n    x-deep:\n${nestedKeys(levels, 6)} end\n`;
const flowSequence = (levels: number) => `${HEAD}customers: []\nx-seq: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;

const asData = (text: string) => check(text).findings.map((f) => [f.rule, f.range, f.message]);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('nesting deeper than a manifest needs', () => {
  it('is one finding where the depth passes the limit, and the text is not parsed (no stack error)', () => {
    for (const text of [
      blockMapping(5000),
      inEntry(3000),
      flowSequence(20_000),
      `${HEAD}customers: []\nx-list:\n  ${'- '.repeat(3000)}x\n`,
    ]) {
      const findings = check(text).findings;
      assert.equal(findings.length, 1, text.slice(0, 80));
      assert.equal(findings[0].rule, 'yaml-syntax');
      assert.match(findings[0].message, /nested too deeply/);
    }
    // `x-deep` opens a level, each `levelN:` one more: the limit is passed at the line of level MAX_NESTING - 1.
    const text = blockMapping(1000);
    assert.equal(check(text).findings[0].range.start.line, lineOf(text, `level${MAX_NESTING - 1}:`));
  });

  it('just below the limit the text is read as usual (an x- key is free), one level more it is not', () => {
    // Levels: `x-deep` at the top, then one per `levelN:`; in an entry, also the list and the entry's marker.
    assert.deepEqual(asData(blockMapping(MAX_NESTING - 1)), []);
    assert.deepEqual(
      asData(blockMapping(MAX_NESTING)).map(([rule]) => rule),
      ['yaml-syntax'],
    );
    assert.deepEqual(asData(inEntry(MAX_NESTING - 3)), []);
    assert.deepEqual(
      asData(inEntry(MAX_NESTING - 2)).map(([rule]) => rule),
      ['yaml-syntax'],
    );
  });

  it('gives the same answer for a text edited into that depth as for the text opened whole, and back', () => {
    for (const levels of [MAX_NESTING - 3, MAX_NESTING - 2, 2000]) {
      const shallow = inEntry(2);
      const deep = inEntry(levels);
      const manifest = new Manifest(shallow);
      const start = shallow.indexOf('      level0:');
      manifest.edit(start, shallow.length, deep.slice(start));
      assert.deepEqual(
        resultOf(manifest).findings.map((f) => [f.rule, f.range, f.message]),
        asData(deep),
        `${levels} levels, edited in`,
      );
      manifest.edit(start, deep.length, shallow.slice(start));
      assert.deepEqual(
        resultOf(manifest).findings.map((f) => [f.rule, f.range, f.message]),
        asData(shallow),
        `${levels} levels, edited out`,
      );
    }
  });
});
