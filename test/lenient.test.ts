import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/check';
import { Manifest } from '../server/src/core/manifest';
import { repoRoot } from './support';

describe('the lenient model of a text with a YAML error', () => {
  const clean = readFileSync(path.join(repoRoot, 'examples', 'csp-partners.yaml'), 'utf8');
  const ids = (entities: { id?: { value: string } }[]) => entities.map((e) => e.id?.value);

  it('is read from the entries that still parse, without a parse of the whole text', () => {
    // An unclosed quote in the last customer's name: that entry no longer parses alone.
    const at = clean.lastIndexOf('name: ') + 'name: '.length;
    const broken = `${clean.slice(0, at)}"${clean.slice(at)}`;
    const manifest = new Manifest(broken);
    assert.equal(manifest.mode, 'broken');
    const result = check(broken);
    assert.ok(result.findings.length > 0 && result.findings.every((f) => f.rule === 'yaml-syntax'));
    assert.deepEqual(ids(result.model.partners), [], 'the checked model is empty while the text has errors');
    const lenient = result.lenientModel()!;
    const whole = check(clean).model;
    assert.deepEqual(ids(lenient.partners), ids(whole.partners));
    assert.deepEqual(ids(lenient.customers), ids(whole.customers).slice(0, -1));
    assert.equal(lenient.byId.get(ids(whole.partners)[0]!)?.id?.value, ids(whole.partners)[0]);
  });
});
