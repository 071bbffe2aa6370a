import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { message, messageKeys } from '../server/src/core/messages';
import { rules } from '../server/src/core/rules';
import { repoRoot } from './support';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  for (const key of messageKeys()) {
    it(`${key}: English and Japanese, same placeholders`, () => {
      const en = message('en', key),
        ja = message('ja', key);
      assert.ok(en.length > 0 && ja.length > 0);
      assert.notEqual(en, ja, 'the Japanese text is a copy of the English one');
      assert.deepEqual(placeholders(ja), placeholders(en));
    });
  }

  it('is written one message per key, each language on its own line, Japanese right after English', () => {
    const source = readFileSync(path.join(repoRoot, 'server', 'src', 'core', 'messages.ts'), 'utf8').split('\n');
    const english = source.flatMap((line, i) => (/^\s+en:( |$)/.test(line) ? [i] : []));
    assert.equal(english.length, messageKeys().length);
    /** The line after a value that starts at `i` (a long value goes on over indented `+` lines). */
    const after = (i: number) => {
      let next = i + 1;
      while (/^\s+'.*' \+$|^\s+'.*',$|^\s+".*",$|^\s+".*" \+$/.test(source[next]) && !/^\s+(en|ja):/.test(source[next])) next++;
      return next;
    };
    for (const i of english) {
      assert.match(source[i - 1], /^\s+('[^']+'|[\w-]+): \{$/, `line ${i}: the key alone on the line before "en:"`);
      const ja = after(i);
      assert.match(source[ja], /^\s+ja:( |$)/, `line ${ja + 1}: "ja:" right after "en:"`);
      assert.match(source[after(ja)], /^\s+\},$/, `line ${after(ja) + 1}: nothing else in the entry`);
    }
  });

  it('every rule has a title', () => {
    for (const rule of rules) assert.ok(messageKeys().includes(`title.${rule.id}`), rule.id);
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
