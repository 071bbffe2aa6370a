/**
 * `npm run soak [-- SEEDS] [--steps N]`: the incremental-checking property test (test/incremental.test.ts)
 * and the segmentation one (test/segments.test.ts) with many more random edits, over several seeds.
 * Without seeds it draws five at random and prints them, so a failing run can be replayed exactly:
 * `INCREMENTAL_SEED=<seed> npx mocha out/test/incremental.test.js`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../support';

const args = process.argv.slice(2);
const stepsAt = args.indexOf('--steps');
const steps = stepsAt >= 0 ? args.splice(stepsAt, 2)[1] : '300';
const seeds = args.length ? args : Array.from({ length: 5 }, () => String(1 + Math.floor(Math.random() * 2 ** 31)));
const mocha = path.join(repoRoot, 'node_modules', '.bin', 'mocha');
const specs = ['incremental.test.js', 'segments.test.js'].map((file) => path.join(repoRoot, 'out', 'test', file));

const failed: string[] = [];
for (const seed of seeds) {
  console.log(`seed ${seed}: ${steps} edits per text ...`);
  const run = spawnSync(mocha, ['--no-config', '--timeout', '0', '--reporter', 'dot', ...specs], {
    stdio: 'inherit',
    env: {
      ...process.env,
      INCREMENTAL_SEED: seed,
      INCREMENTAL_STEPS: steps,
      INCREMENTAL_FIX_EVERY: '3',
      SEGMENTS_SEED: seed,
      SEGMENTS_EDITS: steps,
    },
  });
  if (run.status !== 0) failed.push(seed);
}
console.log(failed.length ? `failing seeds: ${failed.join(' ')}` : `all ${seeds.length} seeds passed`);
process.exitCode = failed.length ? 1 : 0;
