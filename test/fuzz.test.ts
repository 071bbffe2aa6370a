// The fuzzer's own run inside `npm test` (test/fuzz/): every saved regression case replays clean, and a
// short run with a fixed seed finds nothing. `npm run fuzz` runs the long, random-seeded campaign.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runCampaign } from './fuzz/campaign';
import { loadCase } from './fuzz/case';
import { emptyTally, runCase } from './fuzz/driver';
import { Random } from './fuzz/random';
import { Session } from './fuzz/session';
import { repoRoot } from './support';

const regressions = path.join(repoRoot, 'test', 'fuzz', 'regressions');
/** The short run: its seed is fixed so that a failure here is the same failure on every machine. */
const SHORT_RUN = { seed: 20261203, first: 0, documents: 25, edits: 15 };

describe('fuzz', function () {
  // A hang guard for the whole server session, not a timed assertion: no request is held to a budget here.
  this.timeout(120_000);

  describe('regression cases (test/fuzz/regressions) replay with every check passing', () => {
    let session: Session;
    before(async () => {
      session = await Session.start();
    });
    after(async () => {
      await session.stop();
    });

    const cases = existsSync(regressions) ? readdirSync(regressions).sort() : [];
    for (const name of cases) {
      it(name, async () => {
        const { fuzzCase } = loadCase(path.join(regressions, name));
        const failures = await runCase(session, fuzzCase, { timed: false, fixesPerStep: 'all', rnd: new Random(0) }, emptyTally());
        assert.deepEqual(
          failures.map((f) => `${f.cls}: ${f.detail}`),
          [],
        );
      });
    }
  });

  const { seed, documents, edits } = SHORT_RUN;
  it(`a short run (seed ${seed}, ${documents} documents × ${edits} edits, every fix applied) finds nothing`, async () => {
    const report = await runCampaign({ ...SHORT_RUN, positions: 2, fixesPerStep: 'all', timed: false, minimizeSeconds: 0 });
    assert.equal(report.tally.documents, SHORT_RUN.documents);
    assert.ok(report.tally.fixesApplied > 0, 'fixes were applied and checked');
    const found = report.classes.map((c) => `${c.cls} ×${c.count} (document ${c.origin.document}): ${c.first.detail}`);
    const again = `npm run fuzz -- --seed ${seed} --documents ${documents} --edits ${edits} --fixes all`;
    assert.deepEqual(found, [], `\`${again}\` runs the same cases, minimizes and saves them`);
  });
});
