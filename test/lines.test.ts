import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/check';
import { Lines, listSections } from '../server/src/lsp/completion';
import { repoRoot } from './support';

/** Every manifest the repository has: the examples and the rule fixtures. */
function manifests(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.yaml')) out.push({ name: relative, text: readFileSync(path.join(repoRoot, relative), 'utf8') });
    }
  };
  walk('examples');
  walk('test/fixtures/rules');
  return out;
}

describe('reading the lines around a position', () => {
  it('the keys above a position are the same when the walk jumps over the entries of a list', () => {
    let jumped = 0;
    for (const { name, text } of manifests()) {
      const result = check(text);
      const sections = listSections(result);
      if (sections.length) jumped++;
      const walked = new Lines(result.parsed.lines);
      const jumping = new Lines(result.parsed.lines, sections);
      for (let line = 0; line < walked.count; line++) {
        for (const col of [0, 1, 2, 3, 4, 6, 8]) {
          for (const kind of ['key', '-'] as const) {
            const at = { line, col, kind };
            assert.deepEqual(jumping.chainOf(at), walked.chainOf(at), `${name}: line ${line}, column ${col}, ${kind}`);
          }
        }
      }
    }
    assert.ok(jumped > 10, `texts with entry lists: ${jumped}`);
  });
});
