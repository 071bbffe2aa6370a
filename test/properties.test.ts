// Property tests (fast-check) for the pieces every answer rests on: the line index, the check that a
// fix can be applied, and the nesting guard. Fixed seeds, so that a failure replays the same way.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isCollection, isPair, Node, parseAllDocuments, Parser } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../server/src/core/check';
import { editSpans, soundFix } from '../server/src/core/fix-check';
import { tooDeepIn } from '../server/src/core/nesting';
import { LineIndex, TextEdit } from '../server/src/core/text';

const RUNS = { seed: 20261202, numRuns: 300 };

/** Texts full of every kind of line break, including `\r\n` pairs that edits split or join. */
const textWithBreaks = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀'), maxLength: 120 });
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 20 }) });

describe('properties: line index', () => {
  it('agrees with LSP (vscode-languageserver-textdocument) on lines and positions', () => {
    fc.assert(
      fc.property(textWithBreaks, (text) => {
        const lines = new LineIndex(text);
        const document = TextDocument.create('file:///p', 'yaml', 1, text);
        assert.equal(lines.lineCount, document.lineCount);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.position(offset), { ...document.positionAt(offset) });
      }),
      RUNS,
    );
  });

  it('names exactly the positions inside the text, and maps them back to their offsets', () => {
    fc.assert(
      fc.property(textWithBreaks, position, (text, at) => {
        const lines = new LineIndex(text);
        const document = TextDocument.create('file:///p', 'yaml', 1, text);
        const offset = lines.exactOffset(at);
        const lineLength = at.line >= 0 && at.line < lines.lineCount ? lines.lineText(at.line).length : -1;
        assert.equal(offset !== undefined, at.character >= 0 && at.character <= lineLength);
        if (offset !== undefined) {
          assert.equal(offset, document.offsetAt(at));
          assert.deepEqual(lines.position(offset), { line: at.line, character: at.character });
        }
      }),
      RUNS,
    );
  });

  it('derived from an edit equals one made afresh', () => {
    fc.assert(
      fc.property(textWithBreaks, fc.nat(), fc.nat(6), textWithBreaks, (text, from, length, inserted) => {
        const start = from % (text.length + 1);
        const end = Math.min(text.length, start + length);
        const edited = text.slice(0, start) + inserted + text.slice(end);
        const derived = new LineIndex(text).edited(edited, start, end, inserted);
        const fresh = new LineIndex(edited);
        const starts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
        assert.deepEqual(starts(derived), starts(fresh));
      }),
      RUNS,
    );
  });
});

describe('properties: a fix can be applied', () => {
  const edit = fc.record({ range: fc.record({ start: position, end: position }), newText: fc.string({ maxLength: 4 }) });

  it('accepts edits exactly when every range is inside the text and no two overlap; applies them as LSP does', () => {
    fc.assert(
      fc.property(textWithBreaks, fc.array(edit, { maxLength: 4 }), (text, edits: TextEdit[]) => {
        const lines = new LineIndex(text);
        const offsets = edits.map((e) => [lines.exactOffset(e.range.start), lines.exactOffset(e.range.end)]);
        const inside = offsets.every(([start, end]) => start !== undefined && end !== undefined && start <= end);
        // Overlap, checked pair by pair: two ranges share a character, or an insertion falls inside the other range.
        const overlap =
          inside &&
          offsets.some(([aStart, aEnd], i) =>
            offsets.some(
              ([bStart, bEnd], j) =>
                (i < j && aStart! < bEnd! && bStart! < aEnd!) || (i !== j && aStart === aEnd && bStart! < aStart! && aStart! < bEnd!),
            ),
          );
        const spans = editSpans(lines, edits);
        assert.equal(spans !== undefined, inside && !overlap);
        if (!spans) return;
        for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start);
        // The same result as a document that applies them one by one, from the last.
        let expected = text;
        for (const span of [...spans].reverse()) expected = expected.slice(0, span.start) + span.text + expected.slice(span.end);
        const document = TextDocument.create('file:///p', 'yaml', 1, text);
        assert.equal(TextDocument.applyEdits(document, edits), expected);
      }),
      RUNS,
    );
  });

  it("puts a fix's edits in text order and keeps its selection on the edit it named", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }), fc.nat(), (starts, pick) => {
        const text = 'x'.repeat(60);
        const lines = new LineIndex(text);
        const unique = [...new Set(starts)];
        const edits = unique.map((at) => ({ range: lines.range(at, at + 1), newText: String(at) }));
        const selected = pick % edits.length;
        const fix = soundFix(lines, { id: 'fix.p', title: 'p', edits, select: { edit: selected, start: 0, length: 1 } })!;
        assert.deepEqual(
          fix.edits.map((e) => e.range.start.character),
          [...unique].sort((a, b) => a - b),
        );
        assert.equal(fix.edits[fix.select!.edit], edits[selected]);
      }),
      RUNS,
    );
  });

  it('is not offered when its result does not parse', () => {
    const text = 'manifestVersion: 1\npartners: []\ncustomers: []\n';
    const lines = new LineIndex(text);
    const result = check(text);
    const broken = { id: 'fix.p', title: 'p', edits: [{ range: lines.range(0, 0), newText: '[' }] };
    const harmless = { id: 'fix.p', title: 'p', edits: [{ range: lines.range(0, 0), newText: '# note\n' }] };
    assert.equal(
      soundFix(lines, broken, (spans) => result.parsesAfter(spans)),
      undefined,
    );
    assert.equal(
      soundFix(lines, harmless, (spans) => result.parsesAfter(spans)),
      harmless,
    );
    // The trial leaves the text as it was.
    assert.deepEqual(check(text).findings, result.findings);
    assert.equal(result.parsed.text.toString(), text);
  });
});

describe('properties: nesting guard', () => {
  /** Lines built from what opens levels: indentation, list markers, keys, flow brackets, quotes, comments. */
  const piece = fc.constantFrom(
    '  ',
    '- ',
    'a: ',
    'a:',
    '? ',
    '[',
    ']',
    '{',
    '}',
    'b, ',
    '"',
    "'",
    '# c',
    '|',
    '&a ',
    '*a',
    '!t ',
    '\n',
    '\r\n',
    '\r',
    'x',
  );
  const nested = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

  /** How deep the parser's tree goes: a lower bound of how deep it recursed. */
  function treeDepth(node: unknown): number {
    if (isPair(node)) return Math.max(treeDepth(node.key), treeDepth(node.value));
    if (!isCollection(node)) return 0;
    let deepest = 0;
    for (const item of node.items as Node[]) deepest = Math.max(deepest, treeDepth(item));
    return 1 + deepest;
  }

  it('lets through no text whose tree would be deeper than the limit; on valid YAML it measures the depth exactly', () => {
    fc.assert(
      fc.property(nested, fc.integer({ min: 0, max: 6 }), (text, limit) => {
        let depth = 0;
        let valid = true;
        for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
          if ('contents' in doc) depth = Math.max(depth, treeDepth(doc.contents));
          valid &&= doc.errors.length === 0;
        }
        const tooDeep = tooDeepIn(new Parser().parse(text), limit) >= 0;
        if (!tooDeep) assert.ok(depth <= limit, `tree depth ${depth}, limit ${limit}`);
        // (Broken YAML may build fewer levels than its tokens hold: counting more is the safe side.)
        if (valid) assert.equal(tooDeep, depth > limit, `tree depth ${depth}, limit ${limit}`);
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it('gives the same answer twice for deeply nested text, without throwing', () => {
    const deep = fc.array(piece, { minLength: 300, maxLength: 1500 }).map((parts) => `manifestVersion: 1\nx: ${parts.join('')}`);
    fc.assert(
      fc.property(deep, (text) => {
        const first = check(text).findings.map((f) => [f.rule, f.range, f.message]);
        assert.deepEqual(
          check(text).findings.map((f) => [f.rule, f.range, f.message]),
          first,
        );
      }),
      { ...RUNS, numRuns: 40 },
    );
  });
});
