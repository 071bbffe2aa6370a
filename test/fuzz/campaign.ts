/**
 * A fuzz run: many generated cases against one server process. The first failure of each class is
 * minimized and saved; later ones of that class are only counted.
 */
import { caseFor, Failure, FuzzCase, saveCase } from './case';
import { emptyTally, runCase, RunOptions, Tally } from './driver';
import { generateCase, sources } from './generate';
import { minimize } from './minimize';
import { Random } from './random';
import { Session } from './session';

export interface CampaignOptions {
  seed: number;
  /** The index of the first document (each document is drawn from the seed and its index alone). */
  first: number;
  documents: number;
  edits: number;
  positions: number;
  fixesPerStep: number | 'all';
  timed: boolean;
  /** Where minimized cases are written; none: failures are only reported. */
  outDir?: string;
  minimizeSeconds: number;
  progress?: (line: string) => void;
}

export interface ClassReport {
  cls: string;
  count: number;
  /** The first failure of the class, as found (before minimizing). */
  first: Failure;
  origin: { document: number; source: string; mutators: string[] };
  /** The folder of its minimized case, when written. */
  folder?: string;
}

export interface CampaignReport {
  tally: Tally;
  ms: number;
  peakRssKb: number;
  restarts: number;
  classes: ClassReport[];
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = performance.now();
  const from = sources();
  const tally = emptyTally();
  const classes = new Map<string, ClassReport>();
  const session = await Session.start();
  try {
    for (let index = options.first; index < options.first + options.documents; index++) {
      const generated = generateCase(Random.derived(options.seed, index), from, options);
      const run: RunOptions = { timed: options.timed, fixesPerStep: options.fixesPerStep, rnd: Random.derived(~options.seed, index) };
      const failures = await runCase(session, generated.fuzzCase, run, tally);
      session.trim();
      for (const failure of failures) {
        const known = classes.get(failure.cls);
        if (known) {
          known.count++;
          continue;
        }
        const origin = { document: index, source: generated.source, mutators: generated.mutators };
        const report: ClassReport = { cls: failure.cls, count: 1, first: failure, origin };
        classes.set(failure.cls, report);
        options.progress?.(`document ${index}: ${failure.cls}: ${failure.detail.slice(0, 300)}`);
        if (options.outDir) report.folder = await minimizeAndSave(session, generated.fuzzCase, failure, report, options);
      }
      if ((index + 1 - options.first) % 50 === 0) {
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        options.progress?.(
          `${index + 1 - options.first}/${options.documents} documents, ${tally.edits} edits, ${tally.requests} requests, ` +
            `${classes.size} failure classes, ${seconds} s, fuzzer heap ${heapMb()} MB`,
        );
      }
    }
  } finally {
    await session.stop();
  }
  const ms = performance.now() - started;
  return { tally, ms, peakRssKb: session.peakRssKb, restarts: session.restarts, classes: [...classes.values()] };
}

/** The fuzzer's own heap: a long run must not grow it. */
const heapMb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);

async function minimizeAndSave(
  session: Session,
  fuzzCase: FuzzCase,
  failure: Failure,
  report: ClassReport,
  options: CampaignOptions,
): Promise<string> {
  // Every fix is applied while minimizing: a fix failure found in a sample must show again.
  const run: RunOptions = { timed: options.timed, fixesPerStep: 'all', rnd: new Random(0) };
  const failuresOf = (candidate: FuzzCase) => runCase(session, candidate, run, emptyTally());
  const stillFails = async (candidate: FuzzCase) => (await failuresOf(candidate)).some((f) => f.cls === failure.cls);
  const smallest = await minimize(caseFor(fuzzCase, failure), stillFails, performance.now() + options.minimizeSeconds * 1000);
  // The failure as the smallest case shows it (its request and detail), or the original one if it no longer does.
  const shown = (await failuresOf(smallest)).find((f) => f.cls === failure.cls);
  const saved = shown ? smallest : caseFor(fuzzCase, failure);
  const origin = { seed: options.seed, ...report.origin, minimized: Boolean(shown) };
  return saveCase(options.outDir!, { fuzzCase: saved, failure: shown ?? failure, origin });
}
