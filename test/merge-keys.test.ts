import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Document, isMap, isScalar, isSeq, Node, parseAllDocuments } from 'yaml';
import { check, resultOf } from '../server/src/core/check';
import { Manifest } from '../server/src/core/manifest';
import { segment } from '../server/src/core/segments';
import { viewOf } from '../server/src/core/merge';
import type { Entity } from '../server/src/core/model';
import { deref, PARSE_OPTIONS, parseText } from '../server/src/core/parse';
import { fixtureFiles, fixturesDir } from './support';

/** The merge fixtures, and every other fixture that writes a merge key. */
const mergeTexts = fixtureFiles()
  .map((file) => ({ name: file, text: readFileSync(path.join(fixturesDir, file), 'utf8').replace(/^\uFEFF/, '') }))
  .filter(({ name, text }) => name.startsWith(`merge-keys${path.sep}`) || /<<\s*:/.test(text));

/** The same text, parsed whole: a quoted top-level key is more than the segmenter reads. */
const wholeTextOf = (text: string) => text.replace(/^manifestVersion:/m, '"manifestVersion":');

const asData = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A node as plain data through the merged view of each mapping (what the schema and the model read). */
function viewData(node: Node | null | undefined, doc: Document, seen = new Set<Node>()): unknown {
  const target = deref(node, doc);
  if (!target || seen.has(target)) return null;
  if (isScalar(target)) return target.value instanceof Date ? target.value.toISOString() : target.value;
  seen.add(target);
  try {
    if (isSeq(target)) return target.items.map((item) => viewData(item as Node | null, doc, seen));
    if (isMap(target)) {
      const out: Record<string, unknown> = {};
      for (const entry of viewOf(target, doc).entries) out[entry.name] = viewData(entry.value, doc, seen);
      return out;
    }
    return null;
  } finally {
    seen.delete(target);
  }
}

describe('merge keys', () => {
  it('read as the yaml package reads them with merge: true (written keys override, earlier sources win)', () => {
    let compared = 0;
    for (const { name, text } of mergeTexts) {
      const parsed = parseText(text);
      // (yaml expands an alias bomb whole, where the budget stops a reader.)
      if (parsed.syntaxProblems.length || !parsed.doc || name.includes('alias-bomb')) continue;
      const [reference] = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
      assert.deepEqual(viewData(parsed.doc.contents, parsed.doc), asData(reference.toJS({ maxAliasCount: -1 })), name);
      compared++;
    }
    assert.ok(compared >= 6, `${compared} texts compared`);
  });

  it('give the same findings held in segments and parsed whole', () => {
    for (const { name, text } of mergeTexts) {
      const whole = wholeTextOf(text);
      assert.equal(new Manifest(whole).mode, 'whole', name);
      const segmented = check(text).findings;
      assert.deepEqual(asData(segmented), asData(check(whole).findings), name);
    }
    // The shared blocks of these texts are top-level x- keys: the texts stay in segments.
    for (const name of ['shared-mpa', 'onboarding-flags', 'provider-list', 'subscriptions', 'overrides'])
      assert.equal(new Manifest(readFixture(name)).mode, 'segmented', name);
  });

  it('place a merged value where it is written, with the merge in its entry as `via`', () => {
    const text = readFixture('overrides');
    const { model, parsed } = check(text);
    const [northwind, fabrikam, tailspin] = model.partners;
    const line = (loc: { range: [number, number] } | undefined) => loc && parsed.lines.position(loc.range[0]).line + 1;
    const written = (loc: { range: [number, number] } | undefined) => loc && text.slice(...loc.range);
    // `<<: [*de, *us, *mpa]`: the country of the first source, the tenant only the second has.
    assert.equal(northwind.country?.value, 'DE');
    assert.equal(line(northwind.country?.node), 8);
    assert.equal(written(northwind.country?.node.via), '*de');
    assert.equal(northwind.tenant?.value, 'us.onmicrosoft.com');
    assert.equal(written(northwind.tenant?.node.via), '*us');
    // Written in the entry (even before the merge): its own value, no via.
    assert.equal(fabrikam.country?.value, 'FR');
    assert.equal(fabrikam.country?.node.via, undefined);
    assert.equal(written(fabrikam.node.firstKey), 'country');
    // Merges are shallow: the entry's own `mpa` replaces the merged one whole.
    const mpa = fabrikam.mpa;
    assert.equal(mpa.acceptedOn?.value, '2024-03-01');
    assert.equal(mpa.node?.node.via, undefined);
    // A key of a merged mapping is in the source, and comes through the merge too.
    assert.equal(written(tailspin.mpa.node?.key('accepted')), 'accepted');
    assert.equal(written(tailspin.mpa.accepted?.node.via), '*mpa');
    // Its keys in order: written before the merge, merged (those it does not write), written after it.
    assert.deepEqual(fabrikam.node.toJSON(), ['country', 'region', 'organization', 'directBill', 'id', 'name', 'type', 'mpa']);
  });

  it('are no duplicate keys: an override, two merge keys; a quoted "<<" is an ordinary (unknown) key', () => {
    const head = 'manifestVersion: 1\nx-a: &a { country: DE }\nx-b: &b { name: B }\npartners:\n';
    const entry = (body: string) => `${head}  - id: p\n    type: direct-bill\n${body}customers: []\n`;
    const rules = (text: string) => check(text).findings.map((f) => `${f.rule} ${f.message}`);
    assert.deepEqual(rules(entry('    <<: *a\n    <<: *b\n    country: FR\n')), []);
    assert.deepEqual(rules(entry('    country: FR\n    <<: [*a, *b]\n')), []);
    const quoted = rules(entry('    "<<": *a\n    name: B\n    country: FR\n'));
    assert.equal(quoted.length, 1);
    assert.match(quoted[0], /^schema Unknown property "<<"/);
    // A key written twice is still one.
    assert.match(rules(entry('    <<: *a\n    name: B\n    name: C\n    country: FR\n'))[0], /^yaml-syntax The key name appears twice/);
  });

  it('keep each edit proportional: an edit elsewhere reads no entry that merges, an edit of the shared block reads those that do', () => {
    let text = readFixture('shared-mpa');
    const manifest = new Manifest(text);
    resultOf(manifest);
    const readings = () => manifest.model.partners.map((p: Entity) => p);
    const edit = (needle: string, replacement: string) => {
      const at = text.indexOf(needle);
      assert.ok(at >= 0, needle);
      manifest.edit(at, at + needle.length, replacement);
      text = text.slice(0, at) + replacement + text.slice(at + needle.length);
      assert.deepEqual(asData(resultOf(manifest).findings), asData(check(text).findings), `after ${replacement}`);
      assert.deepEqual(asData(resultOf(manifest).findings), asData(check(wholeTextOf(text)).findings), `whole, after ${replacement}`);
      assert.equal(manifest.mode, 'segmented');
    };
    const before = readings();
    edit('name: Woodgrove Bank', 'name: Woodgrove Bank AG');
    assert.deepEqual(readings(), before, 'an edit of a customer reads no partner again');
    edit('name: Northwind Traders', 'name: Northwind');
    const afterNorthwind = readings();
    assert.notEqual(afterNorthwind[0], before[0]);
    assert.equal(afterNorthwind[1], before[1]);
    assert.equal(afterNorthwind[2], before[2]);
    edit('mpa: { accepted: false }', 'mpa: { accepted: true, acceptedOn: 2024-06-01 }');
    const afterShared = readings();
    assert.equal(afterShared[0], afterNorthwind[0], 'a partner that merges another block is not read again');
    assert.notEqual(afterShared[1], afterNorthwind[1]);
    assert.notEqual(afterShared[2], afterNorthwind[2]);
    assert.deepEqual(check(text).findings, []);
  });

  it('follow an anchor that is renamed, removed (an unresolved alias) and written again, edit by edit', () => {
    let text = readFixture('shared-mpa');
    const manifest = new Manifest(text);
    const steps: [string, string][] = [
      ['&pending', '&pend'],
      ['&pend', '&pending'],
      ['x-pending: &pending\n  mpa: { accepted: false }\n', ''],
      ['partners:\n', 'x-pending: &pending\n  mpa: { accepted: false }\npartners:\n'],
      ['- <<: *accepted\n    id: northwind', '- <<: *pending\n    id: northwind'],
      ['  - <<: *pending\n    id: tailspin', '  - <<: [*pending, *accepted]\n    id: tailspin'],
    ];
    for (const [needle, replacement] of steps) {
      const at = text.indexOf(needle);
      assert.ok(at >= 0, needle);
      manifest.edit(at, at + needle.length, replacement);
      text = text.slice(0, at) + replacement + text.slice(at + needle.length);
      const where = `${needle} → ${replacement}`;
      assert.deepEqual(asData(resultOf(manifest).findings), asData(check(text).findings), where);
      assert.deepEqual(asData(resultOf(manifest).findings), asData(check(wholeTextOf(text)).findings), `${where} (whole)`);
    }
  });

  it('list the anchors before a place with what an alias there names, where it is now written (segments, whole, edit by edit)', () => {
    let text = readFixture('shared-mpa').replace('  - <<: *pending\n    id: tailspin', '  - <<: *pending\n    id: &tail tailspin');
    const manifest = new Manifest(text);
    assert.equal(manifest.mode, 'segmented');
    /** Each anchor before the first `needle`: its name and the first line of its node as the text has it there. */
    const anchors = (held: Manifest, t: string, needle: string) =>
      held.anchorsBefore(t.indexOf(needle)).map((a) => {
        assert.ok(a.node.range, a.name);
        return `${a.name}: ${t.slice(a.start, a.end).split('\n')[0]}`;
      });
    const expect = (needle: string, expected: string[]) => {
      assert.deepEqual(anchors(manifest, text, needle), expected, `held in segments, before ${needle}`);
      assert.deepEqual(anchors(new Manifest(wholeTextOf(text)), wholeTextOf(text), needle), expected, `whole, before ${needle}`);
    };
    expect('x-accepted', []);
    expect('x-pending', ['accepted: mpa:']);
    expect('id: fabrikam', ['accepted: mpa:', 'pending: mpa: { accepted: false }']);
    expect('customers:', ['accepted: mpa:', 'pending: mpa: { accepted: false }', 'tail: tailspin']);
    // Lines added above the shared blocks move them; an anchor written again names its new node after it.
    const edit = (needle: string, replacement: string) => {
      const at = text.indexOf(needle);
      manifest.edit(at, at + needle.length, replacement);
      text = text.slice(0, at) + replacement + text.slice(at + needle.length);
    };
    edit('manifestVersion: 1\n', 'manifestVersion: 1\nx-note: written above\n');
    edit('customers:\n', 'x-late: &accepted\n  mpa: { accepted: true, acceptedOn: 2025-01-01 }\ncustomers:\n');
    expect('id: fabrikam', ['accepted: mpa:', 'pending: mpa: { accepted: false }']);
    expect('customers:', [
      'pending: mpa: { accepted: false }',
      'tail: tailspin',
      'accepted: mpa: { accepted: true, acceptedOn: 2025-01-01 }',
    ]);
  });

  it('read a merge of a mapping anchored in another entry in segments; that entry knows who reads it', () => {
    const base = readFixture('overrides');
    const text =
      base.replace('      - id: teams\n', '      - &teams\n        id: teams\n') +
      '  - id: alpine\n    name: Alpine Ski House\n    country: AT\n    subscriptions:\n      - <<: *teams\n        soldBy: northwind\n';
    const manifest = new Manifest(text);
    assert.equal(manifest.mode, 'segmented');
    const findings = asData(resultOf(manifest).findings);
    assert.deepEqual(findings, asData(check(wholeTextOf(text)).findings));
    const [, alpine] = manifest.model.customers;
    assert.equal(alpine.subscriptions[0].id?.value, 'teams');
    assert.equal(alpine.subscriptions[0].soldBy?.value, 'northwind');
    assert.equal(alpine.subscriptions[0].orderedOn?.value, '2025-03-10');
    // Where the shared subscription is written: its own customer, and the one that merges it.
    const near = (needle: string) => manifest.model.entitiesAt(text.indexOf(needle))!.map((e) => e.id?.value);
    assert.deepEqual(near('offer: Teams Essentials'), ['woodgrove', 'alpine']);
    // A shared block at the top: every entry that merges it.
    assert.deepEqual(near('mpa: { accepted: true'), ['northwind', 'fabrikam', 'tailspin']);
  });
});

describe('merge keys under random edits', () => {
  const SEED = Number(process.env.MERGE_SEED ?? 20261210);
  const STEPS = Number(process.env.MERGE_STEPS ?? 25);
  /** Edits that make, break, rename and move anchors, aliases and merges (and plain typing). */
  const SNIPPETS = [
    '<<: *mpa\n    ',
    '<<: [*de, *mpa]\n    ',
    '&mpa',
    '&de',
    '*mpa',
    '*de',
    'x',
    ' ',
    '\n',
    '<<: ',
    'accepted: false',
    '-',
    '&',
    '*',
    ':',
  ];

  it(`held in segments, edit by edit, equal the same text checked from scratch and parsed whole (seed ${SEED})`, function () {
    this.timeout(0);
    let state = SEED;
    const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const int = (n: number) => Math.floor(next() * n);
    const texts = [
      ...mergeTexts.map((t) => t.text),
      readFileSync(path.join(fixturesDir, '..', '..', 'examples', 'merge-keys.csp-partners.yaml'), 'utf8'),
    ];
    let segmentedSteps = 0;
    for (const original of texts) {
      let text = original;
      let manifest = new Manifest(text);
      for (let step = 0; step < STEPS; step++) {
        // A parser warning (`&a: b`, say) sends a text to a whole parse for good: start again from the original.
        if (manifest.mode === 'whole' && !manifest.hasSyntaxErrors && segment(text)) manifest = new Manifest((text = original));
        const lines = text.split('\n');
        const line = int(lines.length);
        const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
        const at = lineStart + int(lines[line].length + 1);
        const kind = int(4);
        // Insert a snippet, delete a few characters, delete a line, or replace an anchor name.
        let start = at,
          end = at,
          inserted = '';
        if (kind === 0) inserted = SNIPPETS[int(SNIPPETS.length)];
        else if (kind === 1) end = Math.min(text.length, at + 1 + int(6));
        else if (kind === 2) {
          start = lineStart;
          end = Math.min(text.length, lineStart + lines[line].length + 1);
        } else {
          const names = [...text.matchAll(/[&*]([\w-]+)/g)];
          if (names.length === 0) continue;
          const m = names[int(names.length)];
          start = m.index + 1;
          end = start + m[1].length;
          inserted = ['mpa', 'de', 'pending', 'shared', 'x'][int(5)];
        }
        const previous = text;
        manifest.edit(start, end, inserted);
        text = text.slice(0, start) + inserted + text.slice(end);
        const where = `step ${step}: ${JSON.stringify({ start, end, inserted })}\n${text}`;
        const incremental = asData(resultOf(manifest).findings);
        assert.deepEqual(incremental, asData(check(text).findings), where);
        // The whole parse of a text with YAML errors is what both give; quoting the key moves what is on its line.
        const versionLine = text.slice(0, text.search(/^manifestVersion:/m)).split('\n').length - 1;
        const comparable = /^manifestVersion:/m.test(text) && manifest.mode !== 'broken' && !manifest.hasSyntaxErrors;
        if (comparable && !check(text).findings.some((f) => f.range.start.line === versionLine))
          assert.deepEqual(incremental, asData(check(wholeTextOf(text)).findings), `${where} (whole)`);
        if (manifest.mode === 'segmented') segmentedSteps++;
        // A broken text is repaired at once (undone), so that the run stays among texts that read.
        if (manifest.hasSyntaxErrors) {
          manifest.edit(start, start + inserted.length, previous.slice(start, end));
          text = previous;
          assert.deepEqual(asData(resultOf(manifest).findings), asData(check(text).findings), `${where} (undone)`);
        }
      }
    }
    assert.ok(segmentedSteps > texts.length * 5, `${segmentedSteps} steps held in segments`);
  });
});

function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, 'merge-keys', `${name}.yaml`), 'utf8');
}
