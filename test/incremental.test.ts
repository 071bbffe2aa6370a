import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, CheckOptions, fixesFor, resultOf } from '../server/src/core/check';
import { Manifest } from '../server/src/core/manifest';
import { rules } from '../server/src/core/rules';
import { applyEdits, TextEdit } from '../server/src/core/text';
import { generateManifest } from './bench/generate';
import { fixtureFiles, fixturesDir, repoRoot, TEST_TODAY } from './support';

/**
 * The property the incremental checker rests on: after any sequence of edits, the findings (and the
 * fixes they offer) equal those of a check of the resulting text from scratch. Seeded random edits of
 * the kinds people make: typing, deleting lines, moving entries, changing ids, countries and sellers,
 * indentation, breaking the YAML and repairing it. INCREMENTAL_SEED and INCREMENTAL_STEPS replay or
 * extend a run (npm run soak runs many more).
 */

const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261202);
const STEPS = Number(process.env.INCREMENTAL_STEPS ?? 30);
const FIX_EVERY = Number(process.env.INCREMENTAL_FIX_EVERY ?? 7);
const RECUT_FROM = Manifest.recutFrom;

const texts: { name: string; text: string }[] = [
  ...fixtureFiles().map((file) => ({ name: file, text: readFileSync(path.join(fixturesDir, file), 'utf8').replace(/^\uFEFF/, '') })),
  ...['csp-partners.yaml', 'every-rule.csp-partners.yaml', 'broken.csp-partners.yaml', 'merge-keys.csp-partners.yaml'].map((file) => ({
    name: `examples/${file}`,
    text: readFileSync(path.join(repoRoot, 'examples', file), 'utf8'),
  })),
  { name: 'generated 120 customers', text: generateManifest(120) },
];

function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: small, fast, and the same sequence on every machine.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

type Rnd = ReturnType<typeof random>;
interface Edit {
  start: number;
  end: number;
  text: string;
  kind: string;
}

const COUNTRIES = ['DE', 'US', 'FR', 'JP', 'UK', 'BR', 'RU', 'GB', 'de', 'CN', 'AU'];
const WORDS = [
  'x',
  '-',
  ' ',
  ':',
  '"',
  "'",
  '#',
  '\n',
  '  ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '\t',
  'true',
  'azure',
  'third-party',
  '# csp-disable-next-line unknown-country, schema\n',
  '# csp-disable unknown-reference\n',
  'csp-disable',
];

/** Line starts of a text, for edits that work on whole lines. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A random edit of `text` of one of the kinds people make. */
function randomEdit(text: string, rnd: Rnd): Edit {
  const starts = lineStarts(text);
  const line = rnd.int(starts.length);
  const lineStart = starts[line];
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  const values = [
    ...text.matchAll(/(id|soldBy|provider|owner|country|type|tenant|partnerId|organization|kind|publisher|orderedOn): *([^\n#]*)/g),
  ];
  const ids = [...text.matchAll(/\bid: *([\w-]+)/g)].map((m) => m[1]);
  const kind = rnd.pick([
    'type',
    'type',
    'delete-line',
    'delete-range',
    'move-entry',
    'value',
    'value',
    'value',
    'indent',
    'break',
    'paste',
  ]);
  switch (kind) {
    case 'type': {
      const at = lineStart + rnd.int(lineEnd - lineStart + 1);
      return { start: at, end: at, text: rnd.pick(WORDS), kind };
    }
    case 'delete-line':
      return { start: lineStart, end: lineEnd, text: '', kind };
    case 'delete-range': {
      const start = rnd.int(text.length + 1);
      return { start, end: Math.min(text.length, start + rnd.int(80)), text: '', kind };
    }
    case 'move-entry': {
      // Cut the entry (list item) that starts on some "- " line and paste it before another one.
      const dashes = starts.filter((s) => /^ *- /.test(text.slice(s, s + 40)));
      if (dashes.length < 2) return { start: lineStart, end: lineStart, text: '\n', kind };
      const from = rnd.pick(dashes);
      const indent = /^ */.exec(text.slice(from))![0].length;
      let to = from + 1;
      for (const s of starts)
        if (s > from) {
          const m = /^( *)(\S)/.exec(text.slice(s, s + 200));
          if (m && m[1].length <= indent) {
            to = s;
            break;
          }
        }
      if (to <= from) to = text.length;
      const entry = text.slice(from, to);
      const target = rnd.pick(dashes);
      // One edit: replace the span between the two places with the moved text.
      if (target < from) return { start: target, end: to, text: entry + text.slice(target, from), kind };
      if (target > to) return { start: from, end: target, text: text.slice(to, target) + entry, kind };
      return { start: from, end: from, text: entry, kind };
    }
    case 'value': {
      if (values.length === 0) return { start: lineStart, end: lineStart, text: 'x', kind };
      const m = rnd.pick(values);
      const start = m.index + m[0].length - m[2].length;
      const field = m[1];
      const replacement =
        field === 'country'
          ? rnd.pick(COUNTRIES)
          : ['soldBy', 'provider', 'owner', 'id'].includes(field) && ids.length
            ? rnd.pick([...ids, 'nobody', `${rnd.pick(ids)}x`])
            : field === 'type'
              ? rnd.pick(['indirect-provider', 'indirect-reseller', 'direct-bill', 'distributor'])
              : field === 'kind'
                ? rnd.pick(['azure', 'license', 'software'])
                : `${m[2]}${rnd.pick(['1', 'x', ''])}`;
      return { start, end: start + m[2].length, text: replacement, kind };
    }
    case 'indent':
      return rnd.next() < 0.5 || !text.startsWith('  ', lineStart)
        ? { start: lineStart, end: lineStart, text: '  ', kind }
        : { start: lineStart, end: lineStart + 2, text: '', kind };
    case 'break':
      return { start: lineStart, end: lineStart, text: rnd.pick(['"', '\t', ': : x\n', '- [\n', '---\n', 'partners: []\n', '{']), kind };
    default: {
      const others = [...text.matchAll(/\n( +- id: [^\n]*\n(?: {4,}[^\n]*\n)*)/g)];
      const pasted = others.length ? rnd.pick(others)[1].replace(/id: ([\w-]+)/, 'id: $1-copy') : '  - id: pasted\n    name: P\n';
      const at = rnd.pick(starts);
      return { start: at, end: at, text: pasted, kind };
    }
  }
}

/** Two edits that touch (then only the first of them is tried). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
}

/** 1 to 8 random edits of `text`, apart from one another, in text order. */
function randomBatch(text: string, rnd: Rnd): { start: number; end: number; text: string }[] {
  const edits: { start: number; end: number; text: string }[] = [];
  for (let n = 1 + rnd.int(8); n > 0; n--) {
    const e = randomEdit(text, rnd);
    if (e.kind === 'move-entry') continue; // spans most of the text: it would overlap the others
    if (edits.every((o) => e.end < o.start || e.start > o.end)) edits.push({ start: e.start, end: e.end, text: e.text });
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Findings as plain data, for comparison. */
const asData = (findings: unknown): unknown => JSON.parse(JSON.stringify(findings));

function fixesAsData(result: ReturnType<typeof check>) {
  return result.findings.map((finding) => fixesFor(result, finding, TEST_TODAY).map((fix) => ({ title: fix.title, edits: fix.edits })));
}

describe('incremental checking equals a check from scratch', () => {
  const options: CheckOptions = {};
  const fired = new Set<string>();
  const modes = new Set<string>();
  const kinds = new Map<string, number>();

  it(`after every edit of ${texts.length} texts × ${STEPS} random edits (INCREMENTAL_SEED=${SEED})`, function () {
    this.timeout(0); // a property run; its length is set by INCREMENTAL_STEPS
    const rnd = random(SEED);
    for (const { name, text: original } of texts) {
      let text = original;
      const manifest = new Manifest(text);
      for (const f of check(text, options).findings) fired.add(f.rule);
      for (let step = 0; step < STEPS; step++) {
        const edit = randomEdit(text, rnd);
        const next = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
        manifest.edit(edit.start, edit.end, edit.text);
        text = next;
        const incremental = resultOf(manifest, options);
        const scratch = check(text, options);
        const where =
          `${name}, step ${step} (${edit.kind} ${JSON.stringify({ start: edit.start, end: edit.end, text: edit.text.slice(0, 60) })}), ` +
          `INCREMENTAL_SEED=${SEED}`;
        assert.deepEqual(asData(incremental.findings), asData(scratch.findings), where);
        assert.equal(manifest.text.length, text.length, `${where}: text`);
        const { partners, customers } = scratch.model;
        const subscriptions = customers.reduce((n, c) => n + c.subscriptions.length, 0);
        assert.deepEqual(
          incremental.counts(),
          { partners: partners.length, customers: customers.length, subscriptions },
          `${where}: counts`,
        );
        if (step % FIX_EVERY === 0) {
          // Half the time, edits at once (the trial's, the batch's) are cut afresh, as hundreds of fixes are; else edit by edit.
          Manifest.recutFrom = rnd.int(2) ? 1 : Infinity;
          assert.equal(manifest.text.toString(), text, `${where}: text`);
          assert.deepEqual(fixesAsData(incremental), fixesAsData(scratch), `${where}: fixes`);
          // Fix-all's trial: the fixed text as checked from this state equals its check from scratch, and the state comes back.
          const fixes = incremental.findings.flatMap((f) => fixesFor(incremental, f, TEST_TODAY).slice(0, 1)).slice(0, 12);
          const edits = fixes.flatMap((fix) => fix.edits).filter((e, i, all) => all.findIndex((o) => overlaps(o, e)) === i);
          const tried = incremental.trial(edits, (after) => asData(after.findings));
          assert.deepEqual(tried, asData(check(applyEdits(text, edits), options).findings), `${where}: trial`);
          assert.deepEqual(asData(resultOf(manifest, options).findings), asData(scratch.findings), `${where}: after the trial`);
          // A batch of random edits at once (as fix-all applies them), then its undo.
          const batch = randomBatch(text, rnd);
          const undo = manifest.applyEdits(batch);
          const batched = batch.reduceRight((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
          assert.deepEqual(
            asData(resultOf(manifest, options).findings),
            asData(check(batched, options).findings),
            `${where}: batch ${JSON.stringify(batch)}`,
          );
          manifest.applyEdits(undo);
          assert.deepEqual(asData(resultOf(manifest, options).findings), asData(scratch.findings), `${where}: batch undone`);
          Manifest.recutFrom = RECUT_FROM;
        }
        for (const f of scratch.findings) fired.add(f.rule);
        modes.add(manifest.mode);
        kinds.set(edit.kind, (kinds.get(edit.kind) ?? 0) + 1);
      }
    }
  });

  // Regression (found by the fuzzer): an entry read again with the same content twice in a row. The second
  // reading moved the places of the first one, not the older ones that another entry's finding still held.
  it("a place held by another entry's finding follows every later reading of its entry", () => {
    let text =
      'manifestVersion: 1\npartners:\n  - id: d\n    name: D\n    type: indirect-provider\n    country: DE\n' +
      '    mpa: { accepted: true, acceptedOn: 2024-01-01 }\n  - id: r\n    name: R\n    type: indirect-reseller\n    country: FR\n' +
      '    mpa: { accepted: true, acceptedOn: 2024-01-01 }\n' +
      '    onboarding: { aiCloudPartnerProgram: true, registeredAsIndirectReseller: true }\n' +
      '    providers: x\ncustomers:\n  - id: c\n    name: C\n    country: FR\n    subscriptions:\n' +
      '      - id: s\n        offer: o\n        soldBy: r\n        provider: d\n';
    const manifest = new Manifest(text);
    resultOf(manifest);
    for (const typed of ['v', 'i', 'z']) {
      const at = text.indexOf('providers: x') + 'providers: x'.length;
      text = text.slice(0, at) + typed + text.slice(at);
      manifest.edit(at, at, typed);
      const findings = resultOf(manifest).findings;
      assert.ok(findings.some((f) => f.rule === 'provider-not-linked' && f.related?.length));
      assert.deepEqual(asData(findings), asData(check(text).findings), `after typing ${typed}`);
    }
  });

  it('a manifest read in slices (as the language server reads one) equals one read at once', async () => {
    let pauses = 0;
    const pause = () =>
      new Promise<void>((resolve) => {
        pauses++;
        setImmediate(resolve);
      });
    for (const { name, text } of texts) {
      // A slice of 0 ms pauses after every piece: the most interleaved read there is.
      const sliced = await Manifest.open(text, pause, 0);
      assert.deepEqual(asData(resultOf(sliced, options).findings), asData(check(text, options).findings), name);
    }
    assert.ok(pauses > texts.length, 'the reads paused');
  });

  it('covered every rule, every kind of edit, and every way of holding the text', () => {
    const expected = rules.map((r) => r.id).filter((id) => id !== 'market-status-unverified' || fired.has(id));
    assert.deepEqual(
      expected.filter((id) => !fired.has(id)),
      [],
      'rules that never fired during the run',
    );
    assert.deepEqual([...modes].sort(), ['broken', 'segmented', 'whole']);
    assert.equal(kinds.size, 8, `edit kinds: ${[...kinds.keys()].join(', ')}`);
  });
});
