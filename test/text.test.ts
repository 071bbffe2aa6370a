import * as assert from 'node:assert/strict';
import { applyEdits, LineIndex } from '../server/src/core/text';
import { check } from './support';

const manifest = [
  'manifestVersion: 1',
  'partners: []',
  'customers:',
  '  - id: woodgrove',
  '    name: 株式会社ウッドグローブ 🏦',
  '    country: UK',
  '',
].join('\n');

const ranges = (text: string) => check(text).findings.map((f) => [f.rule, f.range]);

describe('positions', () => {
  it('maps offsets to UTF-16 line/character and back', () => {
    const lines = new LineIndex('ab\r\n🏦x\nlast');
    assert.deepEqual(lines.position(4), { line: 1, character: 0 });
    assert.deepEqual(lines.position(7), { line: 1, character: 3 });
    assert.equal(lines.offset({ line: 2, character: 2 }), 10);
    assert.equal(lines.lineText(0), 'ab');
    assert.equal(lines.lineCount, 3);
  });

  it('a UTF-8 byte-order mark does not shift positions', () => {
    assert.deepEqual(ranges('\uFEFF' + manifest), ranges(manifest));
  });

  it('CRLF line endings give the same positions as LF', () => {
    assert.deepEqual(ranges(manifest.replace(/\n/g, '\r\n')), ranges(manifest));
  });

  it('counts characters after non-ASCII text in UTF-16 code units', () => {
    const text = manifest.replace('    country: UK', '    name2: 🏦🏦\n    country: UK').replace('name2', 'x-note');
    const [rule, range] = ranges(text)[0] as [string, { start: { character: number } }];
    assert.equal(rule, 'unknown-country');
    assert.equal(range.start.character, 13);
  });

  it('applies edits from the end so earlier positions stay valid', () => {
    const text = 'a: 1\nb: 2\n';
    const out = applyEdits(text, [
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: '10' },
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: '20' },
    ]);
    assert.equal(out, 'a: 10\nb: 20\n');
  });
});
