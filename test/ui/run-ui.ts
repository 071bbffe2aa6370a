// `npm run test:ui`: UI tests of the packaged extension in a real VS Code (the one code-server ships),
// driven through the keyboard by Debian's chromium (playwright-core), as a user would.
//
// 1. The packaged csp-partners.vsix (`npm run package`, which the npm script runs first) is installed
//    with `code-server --install-extension` into a temporary extensions folder: the way a user
//    installs it, and the only copy of the extension this VS Code knows (no development path).
// 2. code-server starts on 127.0.0.1 (a free port) on a temporary workspace: a copy of examples/ plus
//    test/ui/ui.csp-partners.yaml, a small manifest with three known problems.
// 3. The steps, each with a screenshot in test-results/ui/NN-name.png:
//    01 open the manifest (Ctrl+P): an error squiggle, and the Problems panel (Ctrl+Shift+M) lists
//       the findings with their rule ids;
//    02 F8 (to the first problem, `country: UK`), Escape, Ctrl+.: the Quick Fix menu offers
//       'Change to "GB" (UK)'; Enter applies it, the editor shows `country: GB`, Ctrl+S writes it and
//       the finding leaves the Problems panel;
//    03 F1 ">CSP: Check All Scenarios" Enter: the report opens beside the editor as a Markdown
//       preview (a webview) with the seven questions and ✓/✗ answers, the fixed customer now ✓;
//    05 F1 ">CSP: Show Partner Network" Enter: the graph opens beside the editor (a webview) and says
//       what it drew;
//    06 a click on a partner's node in the graph selects its id in the manifest (status bar Ln/Col);
//    07 a letter typed in the manifest (Ctrl+G to `fabrkam`, `i`) makes the graph draw the new sale;
//    08 the Explorer's CSP Channel view lists the partners by region, those with problems badged.
// 4. Prints each step, then `N passed, N failed`, and exits 0 only when every step passed. A step
//    that cannot run because an earlier one failed counts as failed.
//
// Temporary folders are removed after a passing run; after a failure they stay with the logs
// (code-server, browser console, extension host) and the path is printed. Screenshots always stay.
//
// Needs `bash e2e/install.sh` (code-server, chromium). Environment: CSP_UI_VSIX=<path> tests another
// package; CSP_E2E_KEEP=1 keeps the sandbox; CSP_E2E_VERBOSE=1 prints the browser console;
// CSP_UI_TIMEOUT=<s> bounds the whole run (default 420); CSP_UI_HEADED=1 shows the browser.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { repoRoot } from '../support';
import {
  assertInstalled,
  CodeServer,
  codeServerVersion,
  createSandbox,
  delay,
  installExtension,
  endOfRun,
  launchChromium,
  Sandbox,
  startCodeServer,
} from '../editor/code-server';

const TIMEOUT_S = Number(process.env.CSP_UI_TIMEOUT ?? 420);
/** How long one wait for the workbench may take: the first Quick Open and the server's first check are slow on 2 busy cores. */
const WAIT_MS = 90_000;
const verbose = process.env.CSP_E2E_VERBOSE === '1';
const vsix = path.resolve(process.env.CSP_UI_VSIX ?? path.join(repoRoot, 'csp-partners.vsix'));
const resultsDir = path.join(repoRoot, 'test-results', 'ui');
/** The manifest the steps work on, copied into the workspace next to the examples. */
const MANIFEST = 'ui.csp-partners.yaml';
const manifestSource = path.join(repoRoot, 'test', 'ui', MANIFEST);

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
function say(line: string): void {
  process.stdout.write(`[test:ui ${elapsed()}] ${line}\n`);
}

interface Step {
  name: string;
  /** The screenshot's file name: test-results/ui/<shot>.png */
  shot: string;
  run(ctx: Context): Promise<void>;
}

interface Context {
  page: Page;
  sandbox: Sandbox;
  /** Takes an extra screenshot in the middle of a step. */
  screenshot: (name: string) => Promise<void>;
}

// --- helpers -----------------------------------------------------------------------------------

/** The text of a locator with the editor's non-breaking spaces made plain. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

/** Polls `probe` until it returns a value other than undefined; fails with `what` after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
    }
    await delay(250);
  }
}

function fail(message: string): never {
  throw new Error(message);
}

/** The editor of the active editor group's manifest tab. */
function manifestEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** The lines the manifest's editor shows now (only the visible ones: the editor renders no others). */
async function visibleLines(page: Page): Promise<string> {
  return textOf(manifestEditor(page).locator('.view-lines'));
}

/** The text of the Problems panel's list. */
async function problemsText(page: Page): Promise<string> {
  return textOf(page.locator('.markers-panel .monaco-list').first());
}

/** Clicks into the manifest's text, away from the lines under test, so keys go to the editor. */
async function focusEditor(page: Page): Promise<void> {
  await manifestEditor(page)
    .locator('.view-lines')
    .click({ position: { x: 300, y: 10 } });
}

/** Opens a file of the workspace through Quick Open (Ctrl+P) and waits for its tab to be the active one. */
async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: file }).waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: file }).waitFor({ timeout: WAIT_MS });
}

/** Runs a command from the palette: F1, the `>` query, Enter on the row with exactly that title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: title });
  await row.waitFor({ timeout: WAIT_MS });
  const label = (await row.innerText()).trim();
  if (label !== title) fail(`the palette's first entry is "${label}", not "${title}"`);
  await page.keyboard.press('Enter');
}

/** The text of the webview frame whose document contains `marker` (webviews are iframes in iframes). */
async function webviewText(page: Page, marker: string): Promise<string | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await bodyText(frame);
    if (text?.includes(marker)) return text;
  }
  return undefined;
}

async function bodyText(frame: Frame): Promise<string | undefined> {
  try {
    // A string: this project compiles without the DOM's types.
    return await frame.evaluate<string>('document.body ? document.body.innerText : ""');
  } catch {
    return undefined; // detached or not loaded yet
  }
}

/** The manifest's text on disk, in the workspace. */
function manifestOnDisk(sandbox: Sandbox): string {
  return readFileSync(path.join(sandbox.workspace, MANIFEST), 'utf8');
}

// --- the steps ---------------------------------------------------------------------------------

const NLS = JSON.parse(readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const COMMAND_TITLE = `CSP: ${NLS['command.checkAllScenarios.title']}`;
const UK_MESSAGE = '"UK" is not an ISO 3166-1 code';
const FIX_TITLE = 'Change to "GB" (UK)';
/** The manifest's line with the finding, and the line the fix makes of it (the header comment mentions both). */
const BAD_LINE = /^ *country: UK *$/m;
const FIXED_LINE = /^ *country: GB *$/m;
const RULES = ['unknown-country', 'unknown-reference', 'cross-region-sale'];
const NETWORK_TITLE = `CSP: ${NLS['command.showPartnerNetwork.title']}`;
const CHANNEL_VIEW = NLS['view.channel.name'];

const steps: Step[] = [
  {
    name: 'opening the manifest shows an error squiggle and the findings with their rule ids in the Problems panel',
    shot: '01-manifest-problems',
    async run({ page }) {
      // The workbench is usable once the Explorer lists the workspace.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: MANIFEST }).waitFor({ timeout: WAIT_MS });
      await quickOpen(page, MANIFEST);
      const editor = manifestEditor(page);
      // The language server's first check: an error squiggle in the manifest's editor.
      await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
      await page.keyboard.press('Control+Shift+M');
      const problems = await waitFor('the Problems panel to list the three findings', async () => {
        const text = await problemsText(page);
        return RULES.every((rule) => text.includes(rule)) && text.includes(UK_MESSAGE) ? text : undefined;
      });
      if (!problems.includes(MANIFEST)) fail(`the Problems panel does not name ${MANIFEST}:\n${problems}`);
      say(
        `  Problems panel: ${problems.split('\n').filter((l) => RULES.some((r) => l.includes(r))).length} findings (${RULES.join(', ')})`,
      );
    },
  },
  {
    name: 'F8, Escape, Ctrl+. on `country: UK` offers "Change to "GB" (UK)"; Enter applies it, Ctrl+S saves it',
    shot: '03-quick-fix-applied',
    async run({ page, sandbox, screenshot }) {
      await focusEditor(page);
      await page.keyboard.press('Control+Home');
      // F8: the first problem from the top, with its peek; the cursor is now on `UK`.
      await page.keyboard.press('F8');
      await page.locator('.marker-widget', { hasText: UK_MESSAGE }).waitFor({ timeout: WAIT_MS });
      await page.keyboard.press('Escape');
      await page.locator('.marker-widget').waitFor({ state: 'hidden' });
      await page.keyboard.press('Control+.');
      // The menu's rows swallow mouse clicks (a pointer block covers them); the preferred fix is focused.
      const menu = page.locator('.action-widget');
      await menu.locator('.monaco-list-row.action', { hasText: FIX_TITLE }).waitFor({ timeout: WAIT_MS });
      const focused = (await textOf(menu.locator('.monaco-list-row.action.focused').first())).trim();
      if (!focused.includes(FIX_TITLE)) fail(`the focused quick fix is "${focused}", not "${FIX_TITLE}"`);
      await screenshot('02-quick-fix-menu');
      await page.keyboard.press('Enter');
      await waitFor('the editor to show `country: GB`', async () => {
        const lines = await visibleLines(page);
        return FIXED_LINE.test(lines) && !BAD_LINE.test(lines) ? true : undefined;
      });
      if (!BAD_LINE.test(manifestOnDisk(sandbox))) fail('the file on disk changed before Ctrl+S');
      await page.keyboard.press('Control+S');
      await waitFor(
        'the file on disk to say `country: GB`',
        () => {
          const text = manifestOnDisk(sandbox);
          return FIXED_LINE.test(text) && !BAD_LINE.test(text) ? true : undefined;
        },
        30_000,
      );
      await waitFor('the unknown-country finding to leave the Problems panel', async () => {
        const text = await problemsText(page);
        return !text.includes('unknown-country') && text.includes('unknown-reference') && text.includes('cross-region-sale')
          ? true
          : undefined;
      });
      await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
    },
  },
  {
    name: `"${COMMAND_TITLE}" from the palette opens the report beside the editor with ✓ and ✗ answers`,
    shot: '04-scenario-report',
    async run({ page }) {
      await focusEditor(page);
      await runCommand(page, COMMAND_TITLE);
      // The report is a Markdown file named after the manifest, shown as a (locked) preview to the side.
      const tab = page.locator('.tab', { hasText: `${MANIFEST}.scenarios.md` });
      await tab.first().waitFor({ timeout: WAIT_MS });
      const tabLabel = (await tab.first().getAttribute('aria-label')) ?? (await tab.first().innerText());
      if (!/preview/i.test(tabLabel)) fail(`the report's tab is not a preview: "${tabLabel}"`);
      const groups = await page.locator('.editor-group-container').count();
      if (groups < 2) fail(`the report did not open beside the manifest (${groups} editor group)`);
      const report = await waitFor('the preview webview to show the report', () => webviewText(page, `CSP scenario checks: ${MANIFEST}`));
      const expected = [
        '1. How is this customer served end to end?',
        '6. Does anyone sell across regions?',
        // Supported now that the quick fix made the country GB…
        '✓ supported — tokyo-trading / m365',
        // …while the other two subscriptions still fail.
        '✗ not supported — woodgrove / teams',
        '✗ not supported — woodgrove / visio',
      ];
      const missing = expected.filter((line) => !report.includes(line));
      if (missing.length) fail(`the report lacks ${missing.map((m) => `"${m}"`).join(', ')}:\n${report.slice(0, 3000)}`);
      const summary = /\d+ supported, \d+ not supported, \d+ not applicable/.exec(report)?.[0];
      say(`  report tab "${tabLabel}"; summary: ${summary ?? '(none)'}`);
    },
  },
  {
    name: `"${NETWORK_TITLE}" from the palette draws the channel beside the editor`,
    shot: '05-partner-network',
    async run({ page }) {
      // Back to the manifest's group (the report's preview has the focus).
      await page.keyboard.press('Control+1');
      const manifestTab = new RegExp(`^${MANIFEST.replace(/\./g, '\\.')}$`);
      await page.locator('.editor-group-container.active .tab.active .label-name', { hasText: manifestTab }).waitFor({ timeout: WAIT_MS });
      await focusEditor(page);
      await runCommand(page, NETWORK_TITLE);
      await page
        .locator('.tab', { hasText: `Partner Network: ${MANIFEST}` })
        .first()
        .waitFor({ timeout: WAIT_MS });
      const text = await waitFor('the partner network to say what it drew', async () => {
        const body = await webviewText(page, 'nodes and');
        return body && /\d+ partners, \d+ customers in the manifest; \d+ nodes and \d+ edges drawn/.test(body) ? body : undefined;
      });
      say(`  ${/\d+ partners, .* edges drawn/.exec(text)?.[0] ?? ''}`);
    },
  },
  {
    name: "a click on Wingtip's node in the graph puts the editor's selection on its id",
    shot: '06-graph-click-reveals',
    async run({ page, sandbox }) {
      const frame = await waitFor('the graph to be drawn', () => graphFrame(page));
      const at = await waitFor('the node partner:wingtip on the canvas', () => nodeOnPage(frame, 'partner:wingtip'));
      await page.mouse.click(at.x, at.y);
      const line = lineOf(manifestOnDisk(sandbox), '  - id: wingtip') + 1;
      // The id is selected: `wingtip`, columns 9 to 16, the cursor at its end.
      const status = await waitFor(`the editor's selection on line ${line}`, async () => {
        const text = await textOf(page.locator('[id="status.editor.selection"]'));
        return text.includes(`Ln ${line}, Col 16 (7 selected)`) ? text : undefined;
      });
      say(`  status bar: ${status.trim()}`);
    },
  },
  {
    name: 'correcting `soldBy: fabrkam` in the editor draws the sale from Fabrikam to Woodgrove',
    shot: '07-graph-follows-edit',
    async run({ page, sandbox }) {
      const frame = await waitFor('the graph to be drawn', () => graphFrame(page));
      const sale = 'sells:partner:fabrikam->customer:woodgrove';
      if (await hasElement(frame, sale)) fail(`${sale} is drawn before the edit`);
      const text = manifestOnDisk(sandbox);
      const line = lineOf(text, 'id: visio');
      const column = text.split('\n')[line].indexOf('fabrkam') + 'fabr'.length + 1;
      // Ctrl+G line:column, then the missing letter.
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`:${line + 1}:${column}`);
      await page.keyboard.press('Enter');
      await page.keyboard.type('i');
      await waitFor('the editor to show `soldBy: fabrikam` on the visio line', async () =>
        /id: visio, offer: Visio Plan 2, soldBy: fabrikam,/.test(await visibleLines(page)) ? true : undefined,
      );
      await waitFor(`the graph to draw ${sale}`, async () => ((await hasElement(frame, sale)) ? true : undefined));
      say(`  ${sale} drawn`);
    },
  },
  {
    name: 'the CSP Channel view in the Explorer lists the partners, those with problems badged',
    shot: '08-channel-tree',
    async run({ page }) {
      await page.keyboard.press('Control+Shift+E');
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: CHANNEL_VIEW }) });
      const header = pane.locator('.pane-header');
      await header.waitFor({ timeout: WAIT_MS });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      // Room for the tree: the workspace's file list folds away.
      const files = page.locator('.pane-header', { hasText: /^workspace$/i }).first();
      if ((await files.getAttribute('aria-expanded')) === 'true') await files.click();
      // Regions, then the providers in them, so that the resellers under the providers show.
      for (const label of ['europe', 'united-states', 'Contoso Distribution GmbH', 'Litware Distribution US']) {
        const row = pane.locator('.monaco-list-row', { hasText: label }).first();
        await row.waitFor({ timeout: WAIT_MS });
        if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
      }
      const rows = await waitFor('the partners in the CSP Channel view', async () => {
        const found = await channelRows(pane);
        const names = ['Contoso Distribution GmbH', 'Fabrikam IT Services', 'Litware Distribution US', 'Wingtip Toys'];
        return names.every((name) => found.some((r) => r.text.includes(name))) ? found : undefined;
      });
      // Wingtip sells across regions: the finding is on its sale, under it, and europe (the customer's region) counts it.
      const badged = rows.filter((r) => r.badge);
      if (!badged.length) fail(`no item has a problem badge:\n${rows.map((r) => r.text).join('\n')}`);
      say(`  ${rows.length} items; badged: ${badged.map((r) => `${r.text.split('\n')[0]} (${r.badge})`).join(', ')}`);
    },
  },
];

/** The frame of the partner-network webview (an iframe in an iframe), once its canvas is there. */
async function graphFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    try {
      if (await frame.evaluate<boolean>(`Boolean(${CY})`)) return frame;
    } catch {
      // detached or not loaded yet
    }
  }
  return undefined;
}

/** The cytoscape instance of the page: cytoscape keeps itself on its container (`_cyreg`). Strings: no DOM types here. */
const CY = '(document.getElementById("graph") && document.getElementById("graph")._cyreg && document.getElementById("graph")._cyreg.cy)';

/** Where a graph element is drawn, in the page's coordinates. */
async function nodeOnPage(frame: Frame, id: string): Promise<{ x: number; y: number } | undefined> {
  const node = `(${CY} || null) && ${CY}.getElementById(${JSON.stringify(id)})`;
  const at = await frame.evaluate<{ x: number; y: number } | null>(
    `(() => { const n = ${node}; return n && n.length ? n.renderedPosition() : null; })()`,
  );
  const canvas = await frame.$('#graph');
  const box = canvas && (await canvas.boundingBox());
  return at && box ? { x: box.x + at.x, y: box.y + at.y } : undefined;
}

async function hasElement(frame: Frame, id: string): Promise<boolean> {
  return frame.evaluate<boolean>(`(() => { const cy = ${CY}; return Boolean(cy && cy.getElementById(${JSON.stringify(id)}).length); })()`);
}

/** The rows of a tree view with their text and the badge a file decoration draws after the label (CSS `::after`). */
async function channelRows(pane: Locator): Promise<{ text: string; badge: string }[]> {
  const rows = pane.locator('.monaco-list-row');
  const found: { text: string; badge: string }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const after = await row
      .locator('.monaco-icon-label')
      .first()
      .evaluate((label) => (globalThis as unknown as { getComputedStyle: GetStyle }).getComputedStyle(label, '::after').content);
    found.push({ text: await textOf(row), badge: after === 'none' || after === 'normal' ? '' : after.replace(/"/g, '') });
  }
  return found;
}

type GetStyle = (element: unknown, pseudo: string) => { content: string };

/** The 0-based line of the first line that contains `fragment`. */
function lineOf(text: string, fragment: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(fragment));
  if (line < 0) fail(`no line contains "${fragment}"`);
  return line;
}

// --- the run -----------------------------------------------------------------------------------

interface Outcome {
  name: string;
  state: 'passed' | 'failed' | 'not run';
  ms: number;
  error?: string;
  shots: string[];
}

/** Set once the closing `N passed, N failed` line is out. */
let summarized = false;

async function main(): Promise<number> {
  assertInstalled();
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (npm run test:ui does)`);
  // Old screenshots would pass for this run's.
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  const sandbox = createSandbox({ prefix: 'csp-ui-', workspaceFrom: path.join(repoRoot, 'examples') });
  copyFileSync(manifestSource, path.join(sandbox.workspace, MANIFEST));
  const consoleLog = path.join(sandbox.logs, 'browser-console.log');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let passed = false;
  const outcomes: Outcome[] = steps.map((s) => ({ name: s.name, state: 'not run', ms: 0, shots: [] }));

  const { finish } = endOfRun(sandbox, () => ({ browser, server, passed }), { say, printLogs });

  let overall: NodeJS.Timeout | undefined;
  try {
    say(`installing ${path.relative(repoRoot, vsix)} with code-server --install-extension`);
    const installed = await installExtension(sandbox, vsix);
    const present = readdirSync(sandbox.extensions);
    const folders = present.filter((name) => name.startsWith('csp-partners.csp-partners-'));
    if (folders.length !== 1) {
      const found = present.join(', ') || 'nothing';
      throw new Error(`the extension is not in the extensions folder after --install-extension (found: ${found}):\n${installed}`);
    }
    say(`  installed ${folders[0]}`);

    server = await startCodeServer(sandbox);
    say(`code-server ${codeServerVersion} listening on ${server.origin} (sandbox ${sandbox.root})`);
    browser = await launchChromium({ sandbox, headless: process.env.CSP_UI_HEADED !== '1' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    page.on('console', (m) => {
      const line = `[${m.type()}] ${m.text()}\n`;
      appendFileSync(consoleLog, line);
      if (verbose) process.stdout.write(`  browser ${line}`);
    });
    page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
    const stopped = server.exited.then((code) => {
      throw new Error(`code-server exited (${code}) during the run`);
    });
    stopped.catch(() => undefined);
    const timedOut = new Promise<never>((_, reject) => {
      overall = setTimeout(() => reject(new Error(`the UI tests did not finish within ${TIMEOUT_S} s`)), TIMEOUT_S * 1000);
    });
    timedOut.catch(() => undefined);
    await page.goto(server.url());
    say('workbench loading');

    const shoot = async (name: string, outcome: Outcome) => {
      const file = path.join(resultsDir, `${name}.png`);
      try {
        await page.screenshot({ path: file, timeout: 30_000 });
        outcome.shots.push(path.relative(repoRoot, file));
      } catch (error) {
        say(`  screenshot ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    for (const [i, step] of steps.entries()) {
      const outcome = outcomes[i];
      const t0 = Date.now();
      say(`step ${i + 1}: ${step.name}`);
      try {
        await Promise.race([step.run({ page, sandbox, screenshot: (name) => shoot(name, outcome) }), stopped, timedOut]);
        outcome.state = 'passed';
      } catch (error) {
        outcome.state = 'failed';
        outcome.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
      outcome.ms = Date.now() - t0;
      await shoot(outcome.state === 'passed' ? step.shot : `${step.shot}-FAILED`, outcome);
      say(`  ${outcome.state} in ${(outcome.ms / 1000).toFixed(1)} s; screenshots: ${outcome.shots.join(', ') || 'none'}`);
      if (outcome.state === 'failed') break;
    }
  } finally {
    clearTimeout(overall);
    const failed = outcomes.filter((o) => o.state !== 'passed').length;
    passed = outcomes.length > 0 && failed === 0;
    printOutcomes(outcomes);
    await finish();
  }
  return passed ? 0 : 1;
}

function printOutcomes(outcomes: Outcome[]): void {
  const lines: string[] = [''];
  for (const o of outcomes) {
    const mark = o.state === 'passed' ? '✓' : o.state === 'failed' ? '✗' : '-';
    lines.push(`  ${mark} ${o.name}${o.state === 'not run' ? ' (not run: an earlier step failed)' : ` (${(o.ms / 1000).toFixed(1)} s)`}`);
  }
  const failures = outcomes.filter((o) => o.state === 'failed');
  if (failures.length) {
    lines.push('', 'Failures:');
    failures.forEach((o, i) => lines.push('', `  ${i + 1}) ${o.name}`, ...(o.error ?? '').split('\n').map((l) => `     ${l}`)));
  }
  const ok = outcomes.filter((o) => o.state === 'passed').length;
  const notRun = outcomes.filter((o) => o.state === 'not run').length;
  const screenshots = path.relative(repoRoot, resultsDir);
  lines.push('', `${ok} passed, ${outcomes.length - ok} failed${notRun ? ` (${notRun} not run)` : ''} (screenshots in ${screenshots}/)`);
  process.stdout.write(`${lines.join('\n')}\n`);
  summarized = true;
}

function printLogs(sandbox: Sandbox): void {
  say(`kept for inspection: ${sandbox.root}`);
  say(`  code-server: ${path.join(sandbox.logs, 'code-server.log')}`);
  say(`  --install-extension: ${path.join(sandbox.logs, 'install-extension.log')}`);
  say(`  browser console: ${path.join(sandbox.logs, 'browser-console.log')}`);
  say(`  extension host: ${path.join(sandbox.userData, 'logs', '<date>', 'exthost1', 'remoteexthost.log')}`);
}

main().then(
  (code) => {
    say(`done, exit ${code}`);
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // A run that could not start still ends with the closing line CI looks for.
    if (!summarized) process.stdout.write(`0 passed, ${steps.length} failed (${steps.length} not run)\n`);
    process.exitCode = 1;
  },
);
