import * as assert from 'node:assert/strict';
import { message, messageKeys } from '../server/src/core/messages';
import { rules } from '../server/src/core/rules';

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
