// Rewrites test/fixtures/**/*.baseline.txt from the current engine. Review the diff before committing.
// Usage: npm run baselines [-- filter]
import { writeFileSync } from 'node:fs';
import { baselinePath, checkFixture, fixtureFiles, renderBaseline } from '../support';

const filter = process.argv[2] ?? '';
let written = 0;
for (const file of fixtureFiles().filter((f) => f.includes(filter))) {
  writeFileSync(baselinePath(file), renderBaseline(checkFixture(file).result));
  written++;
}
console.log(`${written} baselines written`);
