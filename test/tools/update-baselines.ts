// Rewrites test/fixtures/**/*.baseline.txt and *.graph.txt from the current engine. Review the diff before committing.
// Usage: npm run baselines [-- filter]
import { writeFileSync } from 'node:fs';
import { channelGraph } from '../../server/src/core/graph';
import { baselinePath, checkFixture, fixtureFiles, graphBaselinePath, renderBaseline, renderGraph } from '../support';

const filter = process.argv[2] ?? '';
let written = 0;
for (const file of fixtureFiles().filter((f) => f.includes(filter))) {
  const { result } = checkFixture(file);
  writeFileSync(baselinePath(file), renderBaseline(result));
  writeFileSync(graphBaselinePath(file), renderGraph(channelGraph(result, result.findings)));
  written++;
}
console.log(`${written} baselines and graphs written`);
