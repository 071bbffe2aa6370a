import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Rope } from '../server/src/core/rope';
import { LineIndex } from '../server/src/core/text';

/** A small seeded generator, so that a failure names the seed that replays it. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 0x100000000;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '🏦', 'partners:\n', '# csp-disable\n', 'x'.repeat(40)];

function randomText(rnd: ReturnType<typeof random>, length: number): string {
  let text = '';
  while (text.length < length) text += rnd.pick(PIECES);
  return text;
}

describe('rope', () => {
  it('reads like the string it holds after random edits (slice, charCodeAt, indexOf, toString)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = random(seed);
      let text = randomText(rnd, rnd.int(200_000));
      let rope = Rope.of(text);
      for (let step = 0; step < 60; step++) {
        const start = rnd.int(text.length + 1);
        const end = Math.min(text.length, start + (rnd.next() < 0.3 ? rnd.int(80_000) : rnd.int(20)));
        const inserted = rnd.next() < 0.1 ? randomText(rnd, rnd.int(100_000)) : randomText(rnd, rnd.int(8));
        text = text.slice(0, start) + inserted + text.slice(end);
        rope = rope.edit(start, end, inserted);
        const where = `seed ${seed}, step ${step}`;
        assert.equal(rope.length, text.length, where);
        for (let probe = 0; probe < 20; probe++) {
          const a = rnd.int(text.length + 1);
          const b = a + rnd.int(70_000);
          assert.equal(rope.slice(a, b), text.slice(a, b), `${where}: slice(${a}, ${b})`);
          assert.equal(rope.charCodeAt(a), text.charCodeAt(a), `${where}: charCodeAt(${a})`);
          for (const search of ['\n', 'partners:', 'csp-disable', 'zz']) {
            assert.equal(rope.indexOf(search, a), text.indexOf(search, a), `${where}: indexOf(${JSON.stringify(search)}, ${a})`);
          }
        }
      }
      assert.equal(rope.toString(), text);
    }
  });

  it('shares the chunks an edit did not touch', () => {
    const text = 'line\n'.repeat(100_000);
    const before = Rope.of(text);
    const after = before.edit(250_000, 250_001, 'L');
    const chunks = (rope: Rope) => (rope as unknown as { chunks: string[] }).chunks;
    const shared = chunks(after).filter((chunk) => chunks(before).includes(chunk)).length;
    assert.ok(shared >= chunks(before).length - 1, `${shared} of ${chunks(before).length} chunks shared`);
  });
});

describe('line index', () => {
  it('counts lines as LSP does (\\n, \\r\\n and a lone \\r), also when derived edit by edit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      let text = randomText(rnd, rnd.int(3_000));
      let lines = new LineIndex(text);
      let document: TextDocument;
      for (let step = 0; step < 40; step++) {
        const start = rnd.int(text.length + 1);
        const end = Math.min(text.length, start + rnd.int(12));
        const inserted = randomText(rnd, rnd.int(6));
        text = text.slice(0, start) + inserted + text.slice(end);
        // Made afresh: the package's own incremental update misses a `\r\n` pair that an edit joins.
        document = TextDocument.create('file:///a', 'yaml', step + 1, text);
        lines = step % 2 ? lines.edited(Rope.of(text), start, end, inserted) : lines.edited(text, start, end, inserted);
        const fresh = new LineIndex(text);
        const where = `seed ${seed}, step ${step}`;
        assert.equal(lines.lineCount, document.lineCount, where);
        assert.equal(fresh.lineCount, document.lineCount, where);
        for (let line = 0; line < document.lineCount; line++) {
          assert.equal(lines.lineStart(line), document.offsetAt({ line, character: 0 }), `${where}: start of line ${line}`);
          const content = document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
          assert.equal(lines.lineText(line), content.replace(/\r?\n$|\r$/, ''), `${where}: text of line ${line}`);
        }
        for (let probe = 0; probe < 10; probe++) {
          const offset = rnd.int(text.length + 1);
          assert.deepEqual(lines.position(offset), document.positionAt(offset), `${where}: position of ${offset}`);
        }
      }
    }
  });

  it('derived from several edits at once equals one made afresh', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = random(seed);
      const text = randomText(rnd, rnd.int(400));
      // Ascending edits, apart or touching, some at the very start or end.
      const edits: { start: number; end: number; inserted: string }[] = [];
      for (let at = rnd.int(3); at <= text.length && edits.length < 8; at += rnd.int(30)) {
        const end = Math.min(text.length, at + rnd.int(5));
        edits.push({ start: at, end, inserted: randomText(rnd, rnd.int(4)) });
        at = end;
      }
      let edited = text;
      for (const e of [...edits].reverse()) edited = edited.slice(0, e.start) + e.inserted + edited.slice(e.end);
      const lines = new LineIndex(text).editedMany(edited, edits);
      const fresh = new LineIndex(edited);
      const starts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
      assert.deepEqual(starts(lines), starts(fresh), `seed ${seed}: ${JSON.stringify({ text, edits })}`);
    }
  });
});
