// The readers of merge keys in the text as typed (server/src/lsp/shared-blocks.ts, merges.ts): which
// mappings merge a shared block and the schema it is read with, where an alias is being typed, the
// sources a `<<` writes. Lines alone, no parse: what completion and hover see while the user types.
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text';
import { Lines } from '../../server/src/lsp/half-typed-yaml';
import { aliasAt, aliasSiteAt, mergeSourcesOn, yamlBlock } from '../../server/src/lsp/merges';
import { childSchema, rootSchemaAt, SchemaAt } from '../../server/src/lsp/schema-walk';
import { commonSchema, SchemaReader } from '../../server/src/lsp/shared-blocks';

const linesIn = (...text: string[]) => new Lines(new LineIndex(text.join('\n')));
/** The line of the first line that starts with `start` (after its indentation). */
const lineOf = (lines: Lines, start: string) => {
  for (let l = 0; l < lines.count; l++) if (lines.index.lineText(l).trimStart().startsWith(start)) return l;
  throw new Error(`no line starts with ${start}`);
};
const blockAt = (lines: Lines, start: string) => {
  const block = new SchemaReader(lines).blockAt(lineOf(lines, start));
  return block && { anchor: block.anchor, schema: block.schema.name, count: block.count, places: block.places };
};

describe('shared blocks in the text as typed', () => {
  it('a block merged by partners and subscriptions, through another block, in a block list of sources', () => {
    const lines = linesIn(
      'x-mpa: &mpa',
      '  mpa: { accepted: true }',
      'x-reseller: &reseller   # merges the MPA record',
      '  <<: *mpa',
      '  type: indirect-reseller',
      'x-path: &path',
      '  soldBy: fabrikam',
      'partners:',
      '  - <<: [*reseller]',
      '    id: a',
      '  - <<:',
      '      - *reseller',
      '    id: b',
      '  - <<: *mpa',
      '    id: c',
      'customers:',
      '  - id: w',
      '    subscriptions:',
      '      - <<: *path',
      '        id: s',
    );
    assert.deepEqual(blockAt(lines, 'x-reseller'), { anchor: 'reseller', schema: 'partner', count: 2, places: ['partners[]'] });
    // Two partners through the reseller block, one directly.
    assert.deepEqual(blockAt(lines, 'x-mpa'), { anchor: 'mpa', schema: 'partner', count: 3, places: ['partners[]'] });
    assert.deepEqual(blockAt(lines, 'x-path'), {
      anchor: 'path',
      schema: 'subscription',
      count: 1,
      places: ['customers[].subscriptions[]'],
    });
    // The chain into a shared block takes its schema: `mpa` below it is a partner's.
    const reader = new SchemaReader(lines);
    const mpaKey = lineOf(lines, 'mpa: {');
    const chain = lines.chainOf({ line: mpaKey, col: 2, kind: 'key' })!;
    assert.equal(reader.along(chain)?.name, 'partner');
    assert.equal(reader.isSharedBlock(chain), true);
    assert.equal(reader.along([...chain, { kind: 'key', line: mpaKey, col: 2, name: 'mpa' }])?.name, 'mpa');
  });

  it('no block: an anchor nothing merges, an alias that is a plain value, a comment, a quoted "<<", a mapping written in place', () => {
    const lines = linesIn(
      'x-a: &a',
      '  type: direct-bill',
      'x-b: &b',
      '  type: direct-bill',
      'x-c: &c',
      '  type: direct-bill',
      'x-d: &d',
      '  type: direct-bill',
      'partners:',
      '  - id: p   # <<: *a',
      '    name: *b',
      '    "<<": *c',
      '    <<: { mpa: *d }',
    );
    for (const key of ['x-a', 'x-b', 'x-c', 'x-d']) assert.equal(blockAt(lines, key), undefined, key);
  });

  it('an anchor written again: the aliases after it name the new block; a block that merges itself is none', () => {
    const lines = linesIn(
      'x-old: &m',
      '  type: direct-bill',
      'x-new: &m',
      '  type: indirect-reseller',
      'x-loop: &loop',
      '  <<: *loop',
      'partners:',
      '  - <<: [*m, *loop]',
      '    id: p',
    );
    assert.equal(blockAt(lines, 'x-old'), undefined);
    assert.equal(blockAt(lines, 'x-new')?.count, 1);
    assert.equal(blockAt(lines, 'x-loop')?.count, 1, 'read in the partner, not in itself');
  });

  it('merged into different kinds: the keys every kind accepts, with the first kind as its name', () => {
    const at = (name: string) => childSchema(childSchema(rootSchemaAt(), name)!, '-')!;
    const common = commonSchema([at('partners'), at('customers'), at('partners')]);
    assert.equal(common.name, 'partner');
    assert.deepEqual(Object.keys(common.schema.properties!), ['id', 'name', 'tenant', 'country', 'region', 'organization']);
    assert.deepEqual(common.schema.required, ['id', 'name', 'country']);
    const partner: SchemaAt = at('partners');
    assert.equal(commonSchema([partner, partner]), partner);
  });
});

describe('aliases and merge sources in the text as typed', () => {
  it('where an alias is typed, or a merge key waits for its source', () => {
    const site = (line: string) => {
      const at = line.indexOf('¦');
      return aliasSiteAt(linesIn(line.replace('¦', '')), 0, at);
    };
    assert.deepEqual(site('  - <<: *mp¦'), { start: 8, end: 11, merge: true, inList: false, space: false });
    assert.deepEqual(site('<<: [*a, *¦b]'), { start: 9, end: 11, merge: true, inList: true, space: false });
    assert.deepEqual(site('<<:¦'), { start: 3, end: 3, merge: true, inList: false, space: true });
    assert.deepEqual(site('<<: ¦'), { start: 4, end: 4, merge: true, inList: false, space: false });
    assert.deepEqual(site('<<: [*a, ¦]'), { start: 9, end: 9, merge: true, inList: true, space: false });
    assert.deepEqual(site('soldBy: *¦'), { start: 8, end: 9, merge: false, inList: false, space: false });
    for (const none of ['name: "A *¦"', 'name: Fabrikam *gold¦', 'soldBy: ¦', 'x: &¦', '<<: { a: ¦ }', '<<: *a # *¦', '"<<": ¦', '¦*a'])
      assert.equal(site(none), undefined, none);
    // `- ` under a merge key.
    const lines = linesIn('partners:', '  - <<:', '      - *a', '      - ', '    id: p');
    assert.deepEqual(aliasSiteAt(lines, 3, 8), { start: 8, end: 8, merge: true, inList: true, space: false });
  });

  it('the alias under a column, and the sources a merge key writes', () => {
    const lines = linesIn('- <<: [*a, *b-c]  # *d', '  <<:', '    - *e', '    - *f', '  id: x', '  <<: { k: *g }');
    const shape = lines.shape(0);
    assert.deepEqual(aliasAt(shape, 12), { name: 'b-c', start: 11, end: 15 });
    assert.deepEqual(aliasAt(shape, 15), { name: 'b-c', start: 11, end: 15 });
    assert.equal(aliasAt(shape, 3), undefined);
    assert.equal(aliasAt(shape, 21), undefined);
    assert.deepEqual(
      mergeSourcesOn(lines, 0).map((s) => [s.name, s.offset]),
      [
        ['a', 7],
        ['b-c', 11],
      ],
    );
    assert.deepEqual(
      mergeSourcesOn(lines, 1).map((s) => s.name),
      ['e', 'f'],
    );
    assert.deepEqual(mergeSourcesOn(lines, 5), []);
  });

  it('a YAML preview is fenced longer than any backticks it holds', () => {
    assert.equal(yamlBlock('a: 1'), '```yaml\na: 1\n```');
    assert.equal(yamlBlock('a: "```"'), '````yaml\na: "```"\n````');
  });
});
