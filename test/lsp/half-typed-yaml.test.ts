// The reader of half-typed YAML (server/src/lsp/half-typed-yaml.ts) that completion and hover read the
// manifest around the cursor with: each line's shape, the keys and list markers above a place, the keys,
// items and fields around it, the scalar or flow item being typed. Exact results on real inputs, including
// what it does not understand (it reads lines, not YAML: anchors before keys, block scalars' contents).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/check';
import { LineIndex } from '../../server/src/core/text';
import { flowItemAt, inComment, Lines, linesOf, listSections, scalarAt, shapeOf } from '../../server/src/lsp/half-typed-yaml';
import { repoRoot } from '../support';

/** Every manifest the repository has: the examples and the rule fixtures. */
function manifests(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.yaml')) out.push({ name: relative, text: readFileSync(path.join(repoRoot, relative), 'utf8') });
    }
  };
  walk('examples');
  walk('test/fixtures/rules');
  return out;
}

/** Reads a text's lines as completion does, with no entry list to jump over. */
const linesIn = (...text: string[]) => new Lines(new LineIndex(text.join('\n')));

describe('half-typed YAML: the shape of one line', () => {
  it('reads list markers, a key, where its value starts, and a trailing comment', () => {
    assert.deepEqual(shapeOf('  - id: fabrikam  # the distributor'), {
      text: '  - id: fabrikam  # the distributor',
      dashes: [2],
      body: 4,
      key: { name: 'id', start: 4, end: 6 },
      valueStart: 8,
      comment: 18,
      end: 16,
    });
  });

  it('reads a key just typed, with or without its colon, and a key with no value yet', () => {
    assert.deepEqual(shapeOf('    sold'), { text: '    sold', dashes: [], body: 4, valueStart: 4, comment: 8, end: 8 });
    assert.deepEqual(shapeOf('    soldBy:'), {
      text: '    soldBy:',
      dashes: [],
      body: 4,
      key: { name: 'soldBy', start: 4, end: 10 },
      valueStart: 11,
      comment: 11,
      end: 11,
    });
    // Spaces before the colon belong to neither the key nor the value.
    assert.deepEqual(shapeOf('a : b').key, { name: 'a', start: 0, end: 1 });
    assert.equal(shapeOf('a : b').valueStart, 4);
  });

  it('reads nested list markers, a marker alone and a marker followed by a tab', () => {
    assert.deepEqual(shapeOf('- - a'), { text: '- - a', dashes: [0, 2], body: 4, valueStart: 4, comment: 5, end: 5 });
    assert.deepEqual(shapeOf('-'), { text: '-', dashes: [0], body: 1, valueStart: 1, comment: 1, end: 1 });
    assert.deepEqual(shapeOf('-\tid: x'), {
      text: '-\tid: x',
      dashes: [0],
      body: 2,
      key: { name: 'id', start: 2, end: 4 },
      valueStart: 6,
      comment: 7,
      end: 7,
    });
    // A dash that starts a word is no list marker: `-id` is a key, `-x` a scalar.
    assert.deepEqual(shapeOf('-id: x').key, { name: '-id', start: 0, end: 3 });
    assert.deepEqual([shapeOf('- -x').dashes, shapeOf('- -x').key], [[0], undefined]);
  });

  it('reads quoted keys by their names, and their columns as written', () => {
    assert.deepEqual(shapeOf('"sold by": x').key, { name: 'sold by', start: 0, end: 9 });
    assert.deepEqual(shapeOf("'it''s': x").key, { name: "it's", start: 0, end: 7 });
    assert.deepEqual(shapeOf('"a\\"b": 1').key, { name: 'a"b', start: 0, end: 6 });
  });

  it("takes a colon as a key's only before a space or the end of the line", () => {
    assert.deepEqual(shapeOf('url: http://x').key, { name: 'url', start: 0, end: 3 });
    assert.equal(shapeOf('url: http://x').valueStart, 5);
    assert.equal(shapeOf('- http://x').key, undefined);
    assert.equal(shapeOf('key:value').key, undefined);
  });

  it('starts a comment at a # after a space, outside quotes', () => {
    const quoted = shapeOf('name: "a # b" # c');
    assert.deepEqual([quoted.comment, quoted.end], [14, 13]);
    const inWord = shapeOf('id: a#b');
    assert.deepEqual([inWord.comment, inWord.end], [7, 7]);
    const whole = shapeOf('# csp-disable-next-line self-sale');
    assert.deepEqual([whole.body, whole.comment, whole.end, whole.key], [0, 0, 0, undefined]);
    // Inside a comment: after the #, not on it.
    const shape = shapeOf('id: a # note');
    assert.deepEqual(
      [5, 6, 7, 12].map((c) => inComment(shape, c)),
      [false, false, true, true],
    );
    assert.equal(inComment(shapeOf('id: a'), 5), false);
  });

  it('reads flow collections and block scalar indicators as values, and an anchor before a key as no key', () => {
    assert.deepEqual(shapeOf('providers: [a, "b", c]').key, { name: 'providers', start: 0, end: 9 });
    assert.equal(shapeOf('providers: [a, "b", c]').valueStart, 11);
    assert.deepEqual([shapeOf('notes: |').key?.name, shapeOf('notes: |').valueStart, shapeOf('notes: |').end], ['notes', 7, 8]);
    // It reads lines, not YAML: `&a id:` is an anchored key to the parser, and no key to this reader.
    assert.deepEqual(shapeOf('- &a id: x'), { text: '- &a id: x', dashes: [0], body: 2, valueStart: 2, comment: 10, end: 10 });
  });

  it('reads a blank line as no content', () => {
    assert.deepEqual(shapeOf('  '), { text: '  ', dashes: [], body: 2, valueStart: 2, comment: 2, end: 2 });
  });
});

describe('half-typed YAML: the lines around a place', () => {
  const manifest = [
    'manifestVersion: 1', // 0
    'partners:', // 1
    '  - id: fabrikam', // 2
    '    type: indirect-reseller', // 3
    '    country: DE', // 4
    '    providers:', // 5
    '      - contoso-dist', // 6
    '      - "adatum"', // 7
    '    # a comment', // 8
    '', // 9
    '  - id: contoso-dist', // 10
    'customers:', // 11
    '  - id: woodgrove', // 12
    '    subscriptions:', // 13
    '      - id: m365', // 14
    '        soldBy: fab', // 15
    '        managedBy: [adatum, ', // 16
  ];
  const lines = linesIn(...manifest);

  it('finds the keys and list markers from the root down to a place', () => {
    assert.deepEqual(lines.chainOf({ line: 15, col: 8, kind: 'key' }), [
      { kind: 'key', line: 11, col: 0, name: 'customers' },
      { kind: '-', line: 12, col: 2 },
      { kind: 'key', line: 13, col: 4, name: 'subscriptions' },
      { kind: '-', line: 14, col: 6 },
    ]);
    // Comments and blank lines in between are passed over.
    assert.deepEqual(lines.chainOf({ line: 10, col: 2, kind: '-' }), [{ kind: 'key', line: 1, col: 0, name: 'partners' }]);
    assert.deepEqual(lines.chainOf({ line: 0, col: 0, kind: 'key' }), []);
    // The key of the same line holds a place after it.
    assert.deepEqual(lines.parentOf({ line: 4, col: 13, kind: 'key' }), { kind: 'key', line: 4, col: 4, name: 'country' });
  });

  it("takes a list at its key's own indent as the key's value", () => {
    const flat = linesIn('partners:', '- id: a', '  providers:', '  - b');
    assert.deepEqual(flat.parentOf({ line: 3, col: 2, kind: '-' }), { kind: 'key', line: 2, col: 2, name: 'providers' });
    assert.deepEqual(flat.parentOf({ line: 1, col: 0, kind: '-' }), { kind: 'key', line: 0, col: 0, name: 'partners' });
    // A key at that indent is a sibling, not a child.
    assert.deepEqual(flat.parentOf({ line: 2, col: 2, kind: 'key' }), { kind: '-', line: 1, col: 0 });
  });

  it('gives up on a place deeper than any in a manifest', () => {
    const nested = (depth: number) => linesIn(...Array.from({ length: depth + 1 }, (_, i) => `${' '.repeat(i)}k${i}:`));
    assert.equal(nested(12).chainOf({ line: 12, col: 12, kind: 'key' })?.length, 12);
    assert.equal(nested(13).chainOf({ line: 13, col: 13, kind: 'key' }), undefined);
  });

  it('lists the keys already written in a mapping, above and below the line', () => {
    assert.deepEqual([...lines.siblingKeys(4, 4, false)].sort(), ['id', 'providers', 'type']);
    assert.deepEqual([...lines.siblingKeys(15, 8, false)].sort(), ['id', 'managedBy']);
    // On the line of its list marker, a mapping has nothing above it.
    assert.deepEqual([...lines.siblingKeys(2, 4, true)].sort(), ['country', 'providers', 'type']);
  });

  it('lists the items of a block list, quotes removed', () => {
    assert.deepEqual(lines.listItems(6, 6), ['adatum']);
    assert.deepEqual(lines.listItems(7, 6), ['contoso-dist']);
  });

  it("reads an entry's fields as written, its nested lists left out", () => {
    assert.deepEqual(
      [...lines.entryFields({ kind: '-', line: 2, col: 2 })],
      [
        ['id', 'fabrikam'],
        ['type', 'indirect-reseller'],
        ['country', 'DE'],
        ['providers', ''],
      ],
    );
  });

  it('counts the indent in spaces; a blank line has none', () => {
    assert.deepEqual(
      [2, 8, 9].map((l) => lines.indent(l)),
      [2, 4, -1],
    );
    assert.equal(linesIn('\tid: x').indent(0), 0);
  });

  it("reads a block scalar's lines as lines: a key there has the scalar's key above it", () => {
    const block = linesIn('customers:', '  - id: c', '    notes: |', '      soldBy: x');
    assert.deepEqual(block.chainOf({ line: 3, col: 6, kind: 'key' }), [
      { kind: 'key', line: 0, col: 0, name: 'customers' },
      { kind: '-', line: 1, col: 2 },
      { kind: 'key', line: 2, col: 4, name: 'notes' },
    ]);
  });

  it('splits lines as LSP does: at \\r\\n, \\n and a lone \\r', () => {
    const mixed = new Lines(new LineIndex('partners:\r\n  - id: a\r    type: direct-bill\r\n'));
    assert.equal(mixed.count, 4);
    assert.deepEqual(mixed.shape(1).key, { name: 'id', start: 4, end: 6 });
    assert.equal(mixed.shape(2).text, '    type: direct-bill');
    assert.deepEqual(mixed.chainOf({ line: 2, col: 4, kind: 'key' }), [
      { kind: 'key', line: 0, col: 0, name: 'partners' },
      { kind: '-', line: 1, col: 2 },
    ]);
    assert.deepEqual([mixed.indent(2), mixed.indent(3)], [4, -1]);
  });
});

describe('half-typed YAML: the value being typed', () => {
  it('reads a plain scalar up to the cursor', () => {
    assert.deepEqual(scalarAt('soldBy: fab', 8, 11, 11), { start: 8, end: 11, partial: 'fab' });
    assert.deepEqual(scalarAt('soldBy: fabrikam', 8, 16, 10), { start: 8, end: 16, partial: 'fa' });
    // Nothing typed yet: the cursor past the end of the content.
    assert.deepEqual(scalarAt('soldBy: ', 8, 7, 8), { start: 8, end: 8, partial: '' });
  });

  it('reads a quoted scalar between its quotes, closed or not', () => {
    assert.deepEqual(scalarAt('soldBy: "fab"', 8, 13, 10), { start: 9, end: 12, partial: 'f' });
    assert.deepEqual(scalarAt('soldBy: "fab', 8, 12, 12), { start: 9, end: 12, partial: 'fab' });
    assert.equal(scalarAt('soldBy: "fab"', 8, 13, 8), undefined, 'before the opening quote');
    assert.equal(scalarAt('soldBy: "fab"', 8, 13, 13), undefined, 'after the closing quote');
  });

  it('reads the item of a flow list under the cursor, with the other items', () => {
    assert.deepEqual(flowItemAt('managedBy: [adatum, rel', 11, 23, 23), { start: 20, end: 23, partial: 'rel', others: ['adatum'] });
    assert.deepEqual(flowItemAt('managedBy: [adatum, "rel", x]', 11, 29, 22), {
      start: 21,
      end: 24,
      partial: 'r',
      others: ['adatum', 'x'],
    });
    assert.deepEqual(flowItemAt('k: [a, ]', 3, 8, 6), { start: 6, end: 6, partial: '', others: ['a'] });
    // A comma inside quotes separates nothing.
    assert.deepEqual(flowItemAt('k: ["a,b", c]', 3, 13, 12), { start: 11, end: 12, partial: 'c', others: ['a,b'] });
    assert.equal(flowItemAt('managedBy: [adatum]', 11, 19, 19), undefined, 'after the closing bracket');
    assert.equal(flowItemAt('managedBy: [adatum]', 11, 19, 11), undefined, 'before the opening bracket');
  });
});

describe('half-typed YAML: the entry lists of a checked text', () => {
  it('knows where each list starts and ends, and nothing while the text has YAML errors', () => {
    const text = ['partners:', '  - id: a', '    type: direct-bill', 'customers:', '  - id: c', ''].join('\n');
    assert.deepEqual(listSections(check(text)), [
      { headerLine: 0, endLine: 2 },
      { headerLine: 3, endLine: 4 },
    ]);
    assert.deepEqual(listSections(check(`${text}  - [\n`)), []);
    assert.equal(linesOf(check(text)).count, 6);
  });
});

describe('half-typed YAML: reading the lines around a position', () => {
  it('the keys above a position are the same when the walk jumps over the entries of a list', () => {
    let jumped = 0;
    for (const { name, text } of manifests()) {
      const result = check(text);
      const sections = listSections(result);
      if (sections.length) jumped++;
      const walked = new Lines(result.parsed.lines);
      const jumping = new Lines(result.parsed.lines, sections);
      for (let line = 0; line < walked.count; line++) {
        for (const col of [0, 1, 2, 3, 4, 6, 8]) {
          for (const kind of ['key', '-'] as const) {
            const at = { line, col, kind };
            assert.deepEqual(jumping.chainOf(at), walked.chainOf(at), `${name}: line ${line}, column ${col}, ${kind}`);
          }
        }
      }
    }
    assert.ok(jumped > 10, `texts with entry lists: ${jumped}`);
  });
});
