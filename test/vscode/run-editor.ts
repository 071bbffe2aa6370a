// `npm run test:editor`: runs the extension-host suite (test/vscode/suite) in a real VS Code, the
// one code-server ships, with this repository as the extension under development.
//
// 1. code-server starts on 127.0.0.1 (a free port) in a temporary sandbox with an empty workspace
//    folder (the suite copies examples/ into it);
// 2. headless chromium (Debian's, through playwright-core) opens the workbench with a `payload` that
//    names the extension development path and the tests (out/test/vscode/index.js), as VS Code's own
//    `--extensionDevelopmentPath`/`--extensionTestsPath` do;
// 3. the remote (Node) extension host loads the extension, runs the suite's `run()` and, when it
//    settles, the workbench calls `window.codeAutomationExit(code)`, which the driver provides;
// 4. the driver prints each test from the JSON the suite wrote, then `N passed, N failed`, and exits
//    with the suite's code. Temporary folders are removed unless the run failed (the logs stay).
//
// Needs `bash e2e/install.sh` (code-server, chromium) and the build (`npm run build`).
// Environment: CSP_VSCODE_GREP=<regexp> runs some tests only; CSP_E2E_VERBOSE=1 prints the browser
// console (mocha's spec output among it); CSP_E2E_KEEP=1 keeps the sandbox; CSP_E2E_TIMEOUT=<s>.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../support';
import {
  assertInstalled,
  CodeServer,
  codeServerVersion,
  createSandbox,
  endOfRun,
  launchChromium,
  Sandbox,
  startCodeServer,
} from '../editor/code-server';
import { GREP_ENV, RESULTS_ENV, SuiteResults } from './index';

const TIMEOUT_S = Number(process.env.CSP_E2E_TIMEOUT ?? 600);
const verbose = process.env.CSP_E2E_VERBOSE === '1';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function say(line: string): void {
  process.stdout.write(`[test:editor ${elapsed()}] ${line}\n`);
}

/** What the build must have produced: the extension's bundles and the compiled suite. */
const BUILT = ['client/out/extension.js', 'server/out/server.js', 'out/test/vscode/index.js'];

async function main(): Promise<number> {
  assertInstalled();
  for (const file of BUILT) {
    if (!existsSync(path.join(repoRoot, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const sandbox = createSandbox({ prefix: 'csp-vscode-' });
  const resultsFile = path.join(sandbox.root, 'results.json');
  const consoleLog = path.join(sandbox.logs, 'browser-console.log');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let passed = false;

  const { finish } = endOfRun(sandbox, () => ({ browser, server, passed }), { say, printLogs });

  try {
    const env: Record<string, string> = { [RESULTS_ENV]: resultsFile };
    if (process.env[GREP_ENV]) env[GREP_ENV] = process.env[GREP_ENV]!;
    server = await startCodeServer(sandbox, { env });
    say(`code-server ${codeServerVersion} listening on ${server.origin} (sandbox ${sandbox.root})`);
    const authority = await server.remoteAuthority();
    const remote = (p: string) => `vscode-remote://${authority}${p}`;
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(path.join(repoRoot, 'out', 'test', 'vscode', 'index'))],
    ];

    browser = await launchChromium({ sandbox });
    const page = await browser.newPage();
    page.on('console', (m) => {
      const line = `[${m.type()}] ${m.text()}\n`;
      appendFileSync(consoleLog, line);
      if (verbose) process.stdout.write(`  browser ${line}`);
    });
    page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
    let exited: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => {
      exited = resolve;
    });
    // In place before any script of the page runs: the workbench calls it when the suite settles.
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      exited(code);
    });
    await page.goto(server.url({ payload }));
    say('workbench loading; the extension host runs the suite');

    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exit,
      server.exited.then((c) => {
        throw new Error(`code-server exited (${c}) before the suite finished`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the suite did not finish within ${TIMEOUT_S} s`)), TIMEOUT_S * 1000);
      }),
    ]).finally(() => clearTimeout(timer));
    const results = readResults(resultsFile);
    printResults(results);
    say(`extension host exit code ${code}`);
    passed = code === 0 && results !== undefined && results.failures === 0 && results.passes > 0;
    return passed ? 0 : code || 1;
  } finally {
    await finish();
  }
}

function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) {
    say(`the suite wrote no results (${path.basename(file)}): it did not load; see the logs below`);
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
}

function printResults(results: SuiteResults | undefined): void {
  if (!results) return;
  const lines: string[] = [];
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    const time = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
    lines.push(`  ${mark} ${t.fullTitle}${t.state === 'pending' ? ' (pending)' : time}`);
  }
  const failed = results.tests.filter((t) => t.state === 'failed');
  if (failed.length) {
    lines.push('', 'Failures:');
    failed.forEach((t, i) => lines.push('', `  ${i + 1}) ${t.fullTitle}`, indent(t.stack ?? t.error ?? '(no error)', '     ')));
  }
  const pending = results.pending ? `, ${results.pending} pending` : '';
  lines.push('', `${results.passes} passed, ${results.failures} failed${pending} (suite ${(results.durationMs / 1000).toFixed(1)} s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => by + l)
    .join('\n');

function printLogs(sandbox: Sandbox): void {
  say(`kept for inspection: ${sandbox.root}`);
  say(`  code-server: ${path.join(sandbox.logs, 'code-server.log')}`);
  say(`  browser console: ${path.join(sandbox.logs, 'browser-console.log')}`);
  say(`  code-server's server side: ${path.join(sandbox.userData, 'logs', '<date>', 'remoteagent.log')}`);
  const extensionHostLog = path.join(sandbox.userData, 'logs', '<date>', 'exthost1', 'remoteexthost.log');
  say(`  extension host: ${extensionHostLog} (and the extensions' output channels there)`);
  say(`  suite results: ${path.join(sandbox.root, 'results.json')}`);
}

main().then(
  (code) => {
    say(`done, exit ${code}`);
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
