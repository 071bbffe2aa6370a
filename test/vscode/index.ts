// The extension-host suite's entry point (VS Code's `extensionTestsPath`): runs mocha over the
// compiled suite files (out/test/vscode/suite/*.e2e.js) inside the extension host, where `vscode` is
// the real API. VS Code calls `run()`; its promise settles the host's exit code (rejected → 1).
//
// Used by `npm run test:editor` (code-server, see run-editor.ts). `npm run test:vscode`
// (.vscode-test.mjs) loads the same files through @vscode/test-cli's own mocha runner instead, with
// the same options (MOCHA_OPTIONS; a unit test keeps the two in step).
//
// With CSP_VSCODE_RESULTS set, the outcome is also written there as JSON (`SuiteResults`): the
// extension host's console is not the driver's, and this is how the driver prints each test.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import Mocha from 'mocha';

/** The environment variable naming the JSON results file. */
export const RESULTS_ENV = 'CSP_VSCODE_RESULTS';
/** Runs only the tests whose full title matches this regular expression (like mocha's --grep). */
export const GREP_ENV = 'CSP_VSCODE_GREP';

/** The options both runners give mocha. Tests wait on editor events; the timeout only bounds a hang. */
export const MOCHA_OPTIONS = { ui: 'bdd', timeout: 60_000 } as const;

/** The suite files, compiled: `*.e2e.js` in ./suite, in name order. */
export const SUITE_DIR = path.join(__dirname, 'suite');
export const SUITE_PATTERN = /\.e2e\.js$/;

export function suiteFiles(): string[] {
  return readdirSync(SUITE_DIR)
    .filter((name) => SUITE_PATTERN.test(name))
    .sort()
    .map((name) => path.join(SUITE_DIR, name));
}

export interface TestOutcome {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
  stack?: string;
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  /** Every test (and failed hook), in the order mocha ran them. */
  tests: TestOutcome[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ...MOCHA_OPTIONS, color: false, reporter: 'spec' });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of suiteFiles()) mocha.addFile(file);

  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  const started = Date.now();
  const outcome = (test: Mocha.Runnable, state: TestOutcome['state'], error?: unknown): TestOutcome => {
    const entry: TestOutcome = { title: test.title, fullTitle: test.fullTitle(), state };
    if (test.duration !== undefined) entry.durationMs = test.duration;
    if (error !== undefined) {
      entry.error = error instanceof Error ? error.message : inspect(error);
      if (error instanceof Error && error.stack) entry.stack = error.stack;
    }
    return entry;
  };
  const write = () => {
    const file = process.env[RESULTS_ENV];
    results.durationMs = Date.now() - started;
    if (file) writeFileSync(file, JSON.stringify(results, null, 2));
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write();
        if (failures > 0) reject(new Error(`${failures} of ${results.passes + results.failures} tests failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passes++;
        results.tests.push(outcome(test, 'passed'));
      });
      runner.on('fail', (test, error) => {
        results.failures++;
        results.tests.push(outcome(test, 'failed', error));
      });
      runner.on('pending', (test) => {
        results.pending++;
        results.tests.push(outcome(test, 'pending'));
      });
    } catch (error) {
      // A suite file that does not load: report it like a failed test.
      results.failures++;
      results.tests.push({
        title: 'loading the suite',
        fullTitle: 'loading the suite',
        state: 'failed',
        error: String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
      write();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
