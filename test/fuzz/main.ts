/**
 * `npm run fuzz [-- --seed N] [--first N] [--documents N] [--edits N] [--positions N] [--fixes N|all] [--out DIR] [--minimize-seconds N]`
 * `npm run fuzz -- --replay DIR`
 *
 * Mutated fixtures and random edit sessions against the bundled language server over stdio; see
 * campaign.ts for the run and driver.ts for the checks. Exit status 1 when a check failed.
 */
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import { CampaignReport, runCampaign } from './campaign';
import { editCount, loadCase } from './case';
import { emptyTally, runCase } from './driver';
import { Random } from './random';
import { Session } from './session';

interface Options {
  seed: number;
  /** The index of the first document: a campaign's document N again is `--seed S --first N --documents 1`. */
  first: number;
  documents: number;
  edits: number;
  positions: number;
  fixes: number | 'all';
  out: string;
  minimizeSeconds: number;
  replay?: string;
}

function parse(args: string[]): Options {
  const options: Options = {
    seed: randomInt(2 ** 31),
    first: 0,
    documents: 1000,
    edits: 15,
    positions: 2,
    fixes: 3,
    out: 'fuzz-failures',
    minimizeSeconds: 60,
  };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const number = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} wants a whole number, not ${value}`);
      return n;
    };
    switch (flag) {
      case '--seed':
        options.seed = number();
        break;
      case '--first':
        options.first = number();
        break;
      case '--documents':
        options.documents = number();
        break;
      case '--edits':
        options.edits = number();
        break;
      case '--positions':
        options.positions = number();
        break;
      case '--fixes':
        options.fixes = value === 'all' ? 'all' : number();
        break;
      case '--out':
        options.out = value;
        break;
      case '--minimize-seconds':
        options.minimizeSeconds = number();
        break;
      case '--replay':
        options.replay = value;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return options;
}

async function replay(dir: string): Promise<number> {
  const { fuzzCase, cls } = loadCase(dir);
  const session = await Session.start();
  const tally = emptyTally();
  try {
    const failures = await runCase(session, fuzzCase, { timed: true, fixesPerStep: 'all', rnd: new Random(0) }, tally);
    console.log(
      `replay ${dir} (saved as ${cls}): ${fuzzCase.document.length} characters, ${editCount(fuzzCase)} edits, ` +
        `${tally.requests} requests, ${tally.fixesChecked} fixes checked (${tally.fixesApplied} applied and re-checked)`,
    );
    for (const f of failures) console.log(`  FAIL ${f.cls} (step ${f.step}): ${f.detail}`);
    console.log(failures.length ? `${failures.length} checks failed` : 'all checks passed');
    return failures.length ? 1 : 0;
  } finally {
    await session.stop();
  }
}

function print(options: Options, report: CampaignReport): void {
  const { tally, classes } = report;
  console.log('');
  console.log(
    `seed ${options.seed}: ${tally.documents} documents, ${tally.edits} edits, ${tally.requests} requests, ` +
      `${tally.fixesChecked} fixes checked (${tally.fixesApplied} applied and re-checked) in ${(report.ms / 1000).toFixed(1)} s`,
  );
  console.log(`server peak RSS ${(report.peakRssKb / 1024).toFixed(0)} MB, ${report.restarts} restarts`);
  if (!classes.length) {
    console.log('no defects found');
    return;
  }
  console.log(`${classes.length} failure classes:`);
  for (const c of classes.sort((a, b) => b.count - a.count)) {
    const { document, source, mutators } = c.origin;
    console.log(`  ${c.cls} ×${c.count} (first: document ${document}, ${source}, mutators [${mutators.join(', ')}])`);
    console.log(`    ${c.first.detail.slice(0, 400)}`);
    if (c.folder) console.log(`    ${path.relative(process.cwd(), c.folder)}`);
  }
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  if (options.replay) return replay(options.replay);
  console.log(`fuzz: seed ${options.seed}, ${options.documents} documents × ${options.edits} edits, failures to ${options.out}/`);
  const report = await runCampaign({
    seed: options.seed,
    first: options.first,
    documents: options.documents,
    edits: options.edits,
    positions: options.positions,
    fixesPerStep: options.fixes,
    timed: true,
    outDir: options.out,
    minimizeSeconds: options.minimizeSeconds,
    progress: (line) => console.log(line),
  });
  print(options, report);
  return report.classes.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
