// Rewrites test/data/scenarios/*.expected.json from the current core (runAllScenarios, and runScenario
// for the subjects a fixture names in `# scenario-subjects:`), in words (present/scenarios.ts). Read the diff, verdict by verdict, before
// keeping it: the expected files are the answers a CSP practitioner would give.
// Usage: npx tsc -p . && node out/test/tools/update-scenario-baselines.js [filter]
import { writeFileSync } from 'node:fs';
import { expectedPath, renderScenarioBaseline, scenarioBaseline, scenarioFixtures } from '../scenario-support';

const filter = process.argv[2] ?? '';
let written = 0;
for (const file of scenarioFixtures().filter((f) => f.includes(filter))) {
  writeFileSync(expectedPath(file), renderScenarioBaseline(scenarioBaseline(file)));
  written++;
}
console.log(`${written} scenario baselines written`);
