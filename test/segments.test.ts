import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, Node, parseAllDocuments, YAMLMap } from 'yaml';
import { anchorNames, lastAnchored } from '../server/src/core/anchors';
import { PARSE_OPTIONS } from '../server/src/core/parse';
import { parseSegment } from '../server/src/core/segment-parse';
import { recut, resegment, Segment, segment } from '../server/src/core/segments';
import { generateManifest } from './bench/generate';
import { fixtureFiles, fixturesDir, repoRoot } from './support';

/** Every manifest the tests know, with its text: fixtures, examples and a generated one. */
const texts: { name: string; text: string }[] = [
  ...fixtureFiles().map((file) => ({ name: file, text: readFileSync(path.join(fixturesDir, file), 'utf8') })),
  ...['csp-partners.yaml', 'every-rule.csp-partners.yaml', 'broken.csp-partners.yaml', 'merge-keys.csp-partners.yaml'].map((file) => ({
    name: `examples/${file}`,
    text: readFileSync(path.join(repoRoot, 'examples', file), 'utf8'),
  })),
  { name: 'generated 300 customers', text: generateManifest(300) },
];

/** Texts whose top level is not plain YAML on purpose: they are parsed whole. */
const WHOLE = new Set([
  'rules/yaml-syntax/fires-tab.yaml',
  'rules/yaml-syntax/fires-two-documents.yaml',
  'examples/broken.csp-partners.yaml',
  // A merge key at the top level (`<<: *base`) is no plain key.
  'merge-keys/free-keys.yaml',
]);

const describeSegments = (segments: readonly Segment[] | undefined) =>
  segments?.map((s) => `${s.kind} ${s.start}-${s.end} ${s.key ?? ''}${s.list ?? ''}${s.indent ?? ''}`);

/** Nodes equal in kind, range, value, style and children (aliases by name). */
function assertSameNode(a: unknown, b: unknown, where: string): void {
  if (a === null || a === undefined || b === null || b === undefined) {
    assert.equal(a ?? null, b ?? null, where);
    return;
  }
  const x = a as Node,
    y = b as Node;
  assert.deepEqual(y.range, x.range, `${where}: range`);
  if (isScalar(x)) {
    assert.ok(isScalar(y), `${where}: scalar`);
    // A merge key is a symbol, made afresh by each parse.
    const value = (n: typeof x) => (typeof n.value === 'symbol' ? n.value.description : n.value);
    assert.deepEqual([value(y), y.type], [value(x), x.type], `${where}: value`);
  } else if (isAlias(x)) {
    assert.ok(isAlias(y) && y.source === x.source, `${where}: alias`);
  } else if (isMap(x) || isSeq(x)) {
    assert.ok((isMap(y) || isSeq(y)) && y.constructor === x.constructor && y.flow === x.flow, `${where}: collection`);
    assert.equal(y.items.length, x.items.length, `${where}: items`);
    x.items.forEach((item, i) => {
      const other = y.items[i];
      if (isPair(item) && isPair(other)) {
        assertSameNode(item.key, other.key, `${where}/${i}:key`);
        assertSameNode(item.value, other.value, `${where}/${i}`);
      } else assertSameNode(item, other, `${where}/${i}`);
    });
  } else assert.fail(`${where}: unexpected node`);
}

describe('segments: the text as top-level pieces', () => {
  it('segments every fixture but those whose top level is not plain on purpose', () => {
    const unsegmented = texts.filter((t) => !segment(t.text.replace(/^\uFEFF/, ''))).map((t) => t.name);
    assert.deepEqual(unsegmented.sort(), [...WHOLE].sort());
  });

  it('cuts a manifest into prelude, pairs, headers and entries', () => {
    const text =
      '# top\n---\nmanifestVersion: 1\npartners:\n  # first\n  - id: a\n    name: A\n\n  - id: b\ncustomers: []\nx-notes: |\n  text\n';
    assert.deepEqual(describeSegments(segment(text)), [
      'prelude 0-10 ',
      'pair 10-29 manifestVersion',
      'header 29-49 partnerspartners2',
      'entry 49-72 partners2',
      'entry 72-82 partners2',
      'pair 82-96 customers',
      'pair 96-114 x-notes',
    ]);
  });

  it('reads entries at column 0 and a header with a mapping under it as a pair', () => {
    assert.deepEqual(describeSegments(segment('partners:\n- id: a\n- id: b\ncustomers:\n  x: 1\n')), [
      'header 0-10 partnerspartners0',
      'entry 10-18 partners0',
      'entry 18-26 partners0',
      'pair 26-44 customers',
    ]);
  });

  for (const [name, text] of Object.entries({
    'a second document': 'a: 1\n---\nb: 2\n',
    'a tab in the indentation': 'partners:\n\t- id: a\n',
    'a key twice': 'partners: []\npartners: []\n',
    'a lone carriage return': 'a: 1\rb: 2\n',
    'a quoted key': '"partners": []\n',
    'a flow mapping at the top': '{ partners: [] }\n',
    'an entry less indented than the list': 'partners:\n    - id: a\n  - id: b\n',
    'only comments': '# nothing\n',
  })) {
    it(`parses ${name} whole`, () => assert.equal(segment(text), undefined));
  }

  it('per-segment parses equal the parse of the whole text, node for node', () => {
    let compared = 0;
    for (const { name, text: raw } of texts) {
      const text = raw.replace(/^\uFEFF/, '');
      const segments = segment(text);
      if (!segments) continue;
      const docs = parseAllDocuments(text, PARSE_OPTIONS);
      const root = (Array.isArray(docs) ? docs[0] : docs).contents as YAMLMap<Node, Node>;
      // An alias to an anchor of an earlier segment names that segment's node, as the manifest resolves it.
      const anchors = new Map<string, Node>();
      const parsed = segments.map((s) => {
        const node = parseSegment(text, s, (name) => anchors.get(name));
        if (node && node.kind !== 'prelude') for (const name of anchorNames(node.doc)) anchors.set(name, lastAnchored(node.doc, name)!);
        return node;
      });
      // A segment that does not parse cleanly alone (a syntax error, say) sends the text to a whole parse.
      if (parsed.some((p) => p === undefined)) continue;
      const seen = { partners: 0, customers: 0 };
      let pair = 0;
      segments.forEach((s, i) => {
        const node = parsed[i]!;
        if (node.kind === 'entry') {
          const list = root.get(s.list!, true) as unknown as { items: unknown[] };
          assertSameNode(list.items[seen[s.list!]++], node.item, `${name} ${s.list}[${seen[s.list!] - 1}]`);
        } else if (node.kind === 'pair') {
          const whole = root.items[pair++];
          assertSameNode(whole.key, node.pair.key, `${name} ${s.key}`);
          if (s.kind === 'pair') assertSameNode(whole.value, node.pair.value, `${name} ${s.key}`);
        }
      });
      assert.equal(pair, root.items.length, `${name}: top-level keys`);
      compared++;
    }
    assert.ok(compared >= texts.length - 10, `only ${compared} of ${texts.length} texts compared`);
  });
});

/** A seeded generator (a linear congruential one): the same seed gives the same edits. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

const SNIPPETS = [
  '\n',
  '\n  - id: added\n    name: Added\n',
  '- ',
  '  ',
  '#',
  'x',
  'customers:\n',
  'partners:\n',
  '\n\n',
  '    - a\n',
  '\r\n',
  '\t',
  '---\n',
  'z: 1\n',
  ': ',
  '\n- id: q\n',
  'partners: []\n',
  '  -\n',
];

describe('segments after an edit', () => {
  const SEED = Number(process.env.SEGMENTS_SEED ?? 20261202);
  const EDITS_PER_TEXT = Number(process.env.SEGMENTS_EDITS ?? 60);

  it(`equal the segments of the edited text, and keep only segments whose text is unchanged (seed ${SEED})`, () => {
    const rnd = random(SEED);
    let resegmented = 0;
    for (const { name, text: original } of texts) {
      let text = original.replace(/^\uFEFF/, '');
      let segments = segment(text);
      for (let i = 0; i < EDITS_PER_TEXT; i++) {
        const start = rnd.int(text.length + 1);
        const end = Math.min(text.length, start + (rnd.next() < 0.5 ? 0 : rnd.int(40)));
        const inserted = rnd.next() < 0.3 ? '' : rnd.pick(SNIPPETS);
        const next = text.slice(0, start) + inserted + text.slice(end);
        const expected = segment(next);
        if (segments) {
          const before = new Map(segments.map((s) => [s, text.slice(s.start, s.end)]));
          const result = resegment(segments, next, { start, end, length: inserted.length });
          assert.notEqual(result, 'overrun', 'a single edit has no limit');
          if (result === 'overrun') continue;
          const context = `${name}, edit ${i}: ${JSON.stringify({ start, end, inserted })} (SEGMENTS_SEED=${SEED})`;
          assert.deepEqual(describeSegments(result?.segments), describeSegments(expected), context);
          for (const s of result?.segments ?? []) {
            if (before.has(s)) assert.equal(next.slice(s.start, s.end), before.get(s), `${context}: a kept segment changed`);
          }
          resegmented++;
        }
        // Mostly stay with texts that segment, so that long sequences of incremental edits are covered.
        if (expected || rnd.next() < 0.05) {
          text = next;
          segments = expected;
        } else if (!segments) {
          text = original;
          segments = segment(text);
        }
      }
    }
    assert.ok(resegmented > texts.length * EDITS_PER_TEXT * 0.5, `only ${resegmented} incremental edits checked`);
  });

  it(`after many edits at once, cut afresh: equal the segments of the edited text, kept ones unchanged (seed ${SEED})`, () => {
    const rnd = random(SEED);
    let kept = 0;
    for (const { name, text: original } of texts) {
      const text = original.replace(/^\uFEFF/, '');
      for (let round = 0; round < 10; round++) {
        const segments = segment(text);
        if (!segments) break;
        // Ascending edits, apart or touching, sometimes at a segment's very start or end.
        const edits: { start: number; end: number; inserted: string }[] = [];
        for (let at = rnd.int(20); at <= text.length && edits.length < 12; at += rnd.int(120)) {
          const start = rnd.next() < 0.3 ? rnd.pick(segments).start : at;
          if (start < (edits.at(-1)?.end ?? 0)) continue;
          const end = Math.min(text.length, start + (rnd.next() < 0.5 ? 0 : rnd.int(40)));
          edits.push({ start, end, inserted: rnd.next() < 0.3 ? '' : rnd.pick(SNIPPETS) });
          at = end;
        }
        const next = edits.reduceRight((t, e) => t.slice(0, e.start) + e.inserted + t.slice(e.end), text);
        const before = new Map(segments.map((s) => [s, text.slice(s.start, s.end)]));
        const result = recut(
          segments,
          next,
          edits.map((e) => ({ start: e.start, end: e.end, length: e.inserted.length })),
        );
        const context = `${name}, round ${round}: ${JSON.stringify(edits)} (SEGMENTS_SEED=${SEED})`;
        assert.deepEqual(describeSegments(result?.segments), describeSegments(segment(next)), context);
        for (const s of result?.segments ?? []) {
          if (!before.has(s)) continue;
          assert.equal(next.slice(s.start, s.end), before.get(s), `${context}: a kept segment changed`);
          kept++;
        }
        assert.equal(
          (result?.added.length ?? 0) + before.size - (result?.removed.length ?? 0),
          result?.segments.length ?? before.size,
          context,
        );
      }
    }
    assert.ok(kept > 200, `only ${kept} segments kept`);
  });
});
