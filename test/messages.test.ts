import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AREAS, keyedMessage, message, messageKeys } from '../server/src/messages';
import { rules } from '../server/src/core/rules';
import { repoRoot } from './support';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  for (const key of messageKeys()) {
    it(`${key}: English and Japanese, same placeholders`, () => {
      const en = keyedMessage('en', { key }),
        ja = keyedMessage('ja', { key });
      assert.ok(en.length > 0 && ja.length > 0);
      assert.notEqual(en, ja, 'the Japanese text is a copy of the English one');
      assert.deepEqual(placeholders(ja), placeholders(en));
    });
  }

  const areaFiles = Object.keys(AREAS).map((area) => path.join(repoRoot, 'server', 'src', 'messages', `${area}.ts`));

  it('is split by area, a key in one area only', () => {
    const seen = new Map<string, string>();
    for (const [area, entries] of Object.entries(AREAS)) {
      for (const key of Object.keys(entries)) {
        assert.equal(seen.get(key), undefined, `${key} is in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    assert.equal(seen.size, messageKeys().length);
  });

  it('is written one message per key, each language on its own line, Japanese right after English', () => {
    for (const file of areaFiles) {
      const source = readFileSync(file, 'utf8').split('\n');
      const english = source.flatMap((line, i) => (/^\s+en:( |$)/.test(line) ? [i] : []));
      assert.equal(english.length, Object.keys(AREAS[path.basename(file, '.ts') as keyof typeof AREAS]).length, file);
      /** The line after a value that starts at `i` (a long value is a list of parts, one per line). */
      const after = (i: number) => {
        if (!/\[$/.test(source[i])) return i + 1;
        let next = i + 1;
        while (!/^\s+\],$/.test(source[next])) next++;
        return next + 1;
      };
      for (const i of english) {
        const at = `${path.basename(file)}:${i + 1}`;
        assert.match(source[i - 1], /^\s+('[^']+'|[\w-]+): \{$/, `${at}: the key alone on the line before "en:"`);
        const ja = after(i);
        assert.match(source[ja], /^\s+ja:( |$)/, `${at}: "ja:" right after "en:"`);
        assert.match(source[after(ja)], /^\s+\},$/, `${at}: nothing else in the entry`);
      }
    }
  });

  it("keeps each rule's words together, in the rules' order: title, summary and its findings' messages", () => {
    // Adding a rule means one section of rules.ts (see docs/contributing.md), not edits across files.
    const source = readFileSync(path.join(repoRoot, 'server', 'src', 'messages', 'rules.ts'), 'utf8').split('\n');
    const sections = source.flatMap((line, i) => (/^ {2}\/\/ [\w-]+$/.test(line) ? [{ id: line.trim().slice(3), line: i }] : []));
    assert.deepEqual(
      sections.map((s) => s.id),
      rules.map((r) => r.id),
    );
    const keyLines = source.flatMap((line, i) => {
      const key = /^ {2}'([^']+)': \{$/.exec(line)?.[1];
      return key ? [{ key, line: i }] : [];
    });
    for (const [n, { id, line }] of sections.entries()) {
      const end = sections[n + 1]?.line ?? source.length;
      const own = (key: string) => key === id || key.startsWith(`${id}.`) || key === `title.${id}` || key === `summary.${id}`;
      const inside = keyLines.filter((k) => k.line > line && k.line < end).map((k) => k.key);
      assert.deepEqual(inside.slice(0, 2), [`title.${id}`, `summary.${id}`], `${id}: its title and summary first`);
      const elsewhere = keyLines.filter((k) => own(k.key) && (k.line < line || k.line >= end)).map((k) => k.key);
      assert.deepEqual(elsewhere, [], `${id}: messages outside its section`);
    }
  });

  it('keys and placeholders are types: a misspelt key, a missing or unknown argument does not compile', () => {
    // Never called: `tsc` (run by `npm test`) fails if any of these lines compiles.
    const _typeChecks = () => [
      // @ts-expect-error a key that is not in the catalogue
      message('en', 'fix.set-regoin', { value: 'europe' }),
      // @ts-expect-error an argument the template does not name
      message('en', 'fix.set-region', { value: 'europe', region: 'europe' }),
      // @ts-expect-error a placeholder without its argument
      message('en', 'fix.set-region', {}),
      // @ts-expect-error a message with placeholders and no arguments
      message('en', 'fix.set-region'),
    ];
    assert.equal(typeof _typeChecks, 'function');
  });

  it('every rule has a title', () => {
    for (const rule of rules) assert.ok((messageKeys() as string[]).includes(`title.${rule.id}`), rule.id);
  });

  it('fills placeholders, including nested catalogue entries', () => {
    assert.equal(message('en', 'fix.set-region', { value: 'europe' }), 'Set region to "europe"');
    assert.equal(
      message('ja', 'reference-kind.partner', { field: 'soldBy', id: 'x' }),
      'soldBy の「x」は顧客です。soldBy にはパートナーを指定してください。',
    );
    assert.match(message('en', 'duplicate-id', { id: 'a', otherKind: { key: 'kind.customer' }, line: 3 }), /customer "a" \(line 3\)/);
  });
});
