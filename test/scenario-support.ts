// Shared by test/scenarios.test.ts and test/tools/update-scenario-baselines.ts: the scenario fixtures
// under test/data/scenarios/ and their expected results (`<name>.expected.json`).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/check';
import { runAllScenarios, runScenario, ScenarioNumber } from '../server/src/core/scenarios';
import { RenderedScenario, renderScenario } from '../server/src/present/scenarios';
import { fixtureOptions, repoRoot } from './support';

export const scenarioDataDir = path.join(repoRoot, 'test', 'data', 'scenarios');

/** A question asked about one customer or partner: `# scenario-subjects: [{"scenario": 1, "customer": "x"}]`. */
export interface SubjectQuery {
  scenario: ScenarioNumber;
  customer?: string;
  partner?: string;
}

/** What `<name>.expected.json` holds: the seven answers on the whole manifest, then the subject questions. */
export interface ScenarioBaseline {
  file: string;
  all: RenderedScenario[];
  subjects: (SubjectQuery & { result: RenderedScenario })[];
}

/** The fixture manifests, file names in a stable order. */
export function scenarioFixtures(): string[] {
  return readdirSync(scenarioDataDir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
}

export function expectedPath(file: string): string {
  return path.join(scenarioDataDir, file.replace(/\.ya?ml$/, '.expected.json'));
}

export function subjectQueries(text: string): SubjectQuery[] {
  const match = /^# scenario-subjects: (.*)$/m.exec(text);
  return match ? (JSON.parse(match[1]) as SubjectQuery[]) : [];
}

/** The answers the core gives now, in words, as plain JSON (what the expected file is compared with). */
export function scenarioBaseline(file: string): ScenarioBaseline {
  const text = readFileSync(path.join(scenarioDataDir, file), 'utf8');
  const result = check(text, fixtureOptions(text));
  const subjects = subjectQueries(text).map((q) => ({
    ...q,
    result: renderScenario(runScenario(result, q.scenario, { customer: q.customer, partner: q.partner }), result.locale),
  }));
  const all = runAllScenarios(result).map((r) => renderScenario(r, result.locale));
  return JSON.parse(JSON.stringify({ file, all, subjects })) as ScenarioBaseline;
}

export function renderScenarioBaseline(baseline: ScenarioBaseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
