// The partner-network webview in a browser (Debian's chromium, headless, through playwright-core): the
// page the extension host sets (graphViewHtml, its Content-Security-Policy included) served from
// 127.0.0.1 with the built bundles of client/out/webview, and a stand-in for VS Code's side: an
// `acquireVsCodeApi()` that records what the page posts, graphs of the core posted to the page as the
// extension host posts them. Screenshots go to test-results/graph-view/.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { graphViewHtml } from '../client/src/graph-view-html';
import type { GraphFilters, HostMessage, PartnerNetworkStrings, RenderReport, WebviewMessage } from '../client/src/graph-view-messages';
import { channelGraph, GraphOptions } from '../server/src/core/graph';
import type { GraphAnswer } from '../server/src/protocol';
import { generateManifest } from './bench/generate';
import { chromiumPath, launchChromium } from './editor/code-server';
import { check, repoRoot } from './support';

const bundleDir = path.join(repoRoot, 'client', 'out', 'webview');
const shots = path.join(repoRoot, 'test-results', 'graph-view');
const everyRule = readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml'), 'utf8');

/** The theme the page gets: VS Code's Dark Modern colours, as the webview host sets them on <html>. */
const THEME: Record<string, string> = {
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-charts-lines': '#808080',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-green': '#89d185',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-editor-selectionBackground': '#264f78',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-foreground': '#cccccc',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-editorHoverWidget-background': '#202020',
  '--vscode-editorHoverWidget-border': '#454545',
  '--vscode-list-activeSelectionBackground': '#04395e',
};
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
const ERROR = rgb(THEME['--vscode-errorForeground']);
const WARNING = rgb(THEME['--vscode-editorWarning-foreground']);

const STRINGS: PartnerNetworkStrings = {
  region: 'CSP region',
  allRegions: 'All CSP regions',
  partner: 'Partner',
  allPartners: 'All partners',
  onlyFindings: 'Only what has findings',
  search: 'Search',
  searchPlaceholder: 'Search by id or name (Enter)',
  fit: 'Fit',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  graphLabel: 'Partner network',
  elements: 'Nodes',
  unplacedFindings: 'Findings about no node',
  noUnplacedFindings: 'None',
  customersCount: '{0} customers',
  subscriptionsCount: '{0} subscriptions',
  summary: '{0} partners, {1} customers in the manifest; {2} nodes and {3} edges drawn',
  layingOut: 'Laying out the graph…',
  layoutFailed: 'The graph could not be laid out: {0}',
  noMatch: 'Nothing matches the search.',
  matches: 'Matches: {0}',
  expandHint: 'Click to show each customer',
  kinds: {
    'microsoft': 'Microsoft',
    'indirect-provider': 'Indirect provider',
    'indirect-reseller': 'Indirect reseller',
    'direct-bill': 'Direct-bill partner',
    'partner': 'Partner (type unknown)',
    'customer': 'Customer',
    'customers': 'Customers (collapsed)',
  },
  edgeKinds: {
    supplies: 'Buys from Microsoft',
    provides: 'Partnership (providers)',
    providesUnlinked: 'Provider named by a subscription only',
    sells: 'Sells to',
    manages: 'Manages',
    owns: 'Owns (own-use tenant)',
  },
  severities: { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' },
};

/** The graph the server would answer for this text (its findings as checked, no settings). */
function graphOf(text: string, version: number, options: GraphOptions = {}): GraphAnswer {
  const result = check(text, { locale: 'en' });
  return { ...channelGraph(result, result.findings, options), version };
}

/** Serves the page and the bundles; the theme's variables come first in the stylesheet (no inline style is allowed). */
function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const origin = `http://${request.headers.host}`;
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      const html = graphViewHtml({
        cspSource: origin,
        nonce: 'dGVzdC1ub25jZQ==',
        scriptUri: `${origin}/webview/graph-view.js`,
        styleUri: `${origin}/webview/graph-view.css`,
        language: 'en',
        initial: {
          strings: STRINGS,
          layoutScript: `${origin}/webview/elk-layout.js`,
          state: { manifest: 'file:///every-rule.yaml', filters: {} },
        },
      });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = path.join(bundleDir, path.basename(url.pathname));
    if (!url.pathname.startsWith('/webview/') || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    let body = readFileSync(file, 'utf8');
    if (file.endsWith('.css'))
      body = `:root {\n${Object.entries(THEME)
        .map(([k, v]) => `  ${k}: ${v};`)
        .join('\n')}\n}\n${body}`;
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

// What the tests read of the page, without the DOM's types (this project compiles without them).
interface Position {
  x: number;
  y: number;
}
interface PageElement {
  id(): string;
  hasClass(name: string): boolean;
  style(name: string): string;
  renderedPosition(): Position;
}
interface PageCollection {
  map<T>(f: (element: PageElement) => T): T[];
}
interface PageCy {
  nodes(selector?: string): PageCollection;
  edges(): PageCollection;
  zoom(level?: number): number;
  pan(position?: Position): Position;
  getElementById(id: string): PageElement;
  container(): { getBoundingClientRect(): { left: number; top: number } };
}
interface PageGlobals {
  cspPartnersTestHooks: { cy: PageCy; idle(): Promise<void> };
  posted: WebviewMessage[];
  postMessage(message: HostMessage, target: string): void;
}

/** Defines what VS Code gives a webview, before the page's script runs. */
function stubVsCode(): void {
  const page = globalThis as unknown as PageGlobals & { acquireVsCodeApi: () => unknown; savedState: unknown };
  page.cspPartnersTestHooks = {} as PageGlobals['cspPartnersTestHooks'];
  page.posted = [];
  page.acquireVsCodeApi = () => ({
    postMessage: (message: WebviewMessage) => page.posted.push(message),
    getState: () => page.savedState,
    setState: (state: unknown) => {
      page.savedState = state;
    },
  });
}

describe('partner-network webview (chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let server: Server;
  let origin: string;
  let page: Page;
  let errors: string[];

  before(async function () {
    if (!existsSync(chromiumPath)) this.skip(); // `bash e2e/install.sh` installs Debian's chromium
    assert.ok(existsSync(path.join(bundleDir, 'graph-view.js')), 'client/out/webview/graph-view.js: run `npm run build` first');
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    ({ server, origin } = await serve());
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.addInitScript(stubVsCode);
    await page.goto(origin);
  });

  afterEach(async () => {
    await page.close();
    assert.deepEqual(errors, [], 'errors on the page');
  });

  const posted = () => page.evaluate(() => (globalThis as unknown as PageGlobals).posted);
  const clearPosted = () => page.evaluate(() => void ((globalThis as unknown as PageGlobals).posted.length = 0));

  /** Posts a graph as the extension host does and resolves with the page's report once it is drawn. */
  async function sendGraph(graph: GraphAnswer, filters: GraphFilters = {}): Promise<RenderReport> {
    const message: HostMessage = { type: 'graph', graph, filters };
    // As JSON text: Playwright passes a large object to the page far slower than VS Code posts it.
    await page.evaluate(
      (json) => (globalThis as unknown as PageGlobals).postMessage(JSON.parse(json) as HostMessage, '*'),
      JSON.stringify(message),
    );
    const handle = await page.waitForFunction(
      (version) =>
        (globalThis as unknown as PageGlobals).posted.find(
          (m): m is Extract<WebviewMessage, { type: 'rendered' }> => m.type === 'rendered' && m.report.version === version,
        )?.report,
      graph.version,
      { timeout: 110_000, polling: 50 },
    );
    return (await handle.jsonValue()) as RenderReport;
  }

  const ids = (what: 'nodes' | 'edges') =>
    page.evaluate((w) => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      return (w === 'nodes' ? cy.nodes() : cy.edges()).map((e) => e.id());
    }, what);

  /** Each element's colour: a node's border, an edge's line. */
  const colours = () =>
    page.evaluate(() => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      return Object.fromEntries([
        ...cy.nodes().map((n) => [n.id(), n.style('border-color')]),
        ...cy.edges().map((e) => [e.id(), e.style('line-color')]),
      ]) as Record<string, string>;
    });

  /** The nodes highlighted as under the manifest's cursor, once the page has taken a cursor message. */
  async function atCursor(line: number): Promise<string[]> {
    const message: HostMessage = { type: 'cursor', line };
    await page.evaluate((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*'), message);
    // Messages to a window arrive in order: once this one is in, the page has handled the cursor.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const page = globalThis as unknown as PageGlobals & {
            addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
          };
          page.addEventListener('message', (event) => {
            if (event.data === 'flushed') resolve();
          });
          page.postMessage('flushed' as unknown as HostMessage, '*');
        }),
    );
    return page.evaluate(() => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      return cy
        .nodes()
        .map((n) => (n.hasClass('cursor') ? n.id() : ''))
        .filter(Boolean);
    });
  }

  /** Clicks a node where it is drawn. */
  async function clickNode(id: string): Promise<void> {
    const at = await page.evaluate((nodeId) => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      const box = cy.container().getBoundingClientRect();
      const position = cy.getElementById(nodeId).renderedPosition();
      return { x: box.left + position.x, y: box.top + position.y };
    }, id);
    await page.mouse.click(at.x, at.y);
  }

  it('draws every node and edge of the every-rule example, laid out in the worker, under its CSP', async () => {
    const started = await page.waitForFunction(() => (globalThis as unknown as PageGlobals).posted.find((m) => m.type === 'ready'));
    assert.deepEqual(await started.jsonValue(), { type: 'ready', filters: {} });
    const graph = graphOf(everyRule, 1);
    const report = await sendGraph(graph);
    assert.equal(report.layout, 'worker');
    assert.deepEqual(report.cspViolations, []);
    const nodes = await ids('nodes');
    assert.deepEqual(nodes.filter((id) => !id.startsWith('region:')).sort(), graph.nodes.map((n) => n.id).sort());
    assert.deepEqual(nodes.filter((id) => id.startsWith('region:')).sort(), graph.groups.map((g) => `region:${g.id}`).sort());
    assert.deepEqual((await ids('edges')).sort(), graph.edges.map((e) => e.id).sort());
    // Microsoft on top.
    const tops = await page.evaluate(() => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      return cy.nodes(':childless').map((n) => [n.id(), n.renderedPosition().y] as const);
    });
    const microsoft = tops.find(([id]) => id === 'microsoft')![1];
    assert.ok(
      tops.every(([id, y]) => id === 'microsoft' || y > microsoft),
      'Microsoft is above every other node',
    );
    // The finding about no element is listed beside the graph.
    assert.match(await page.locator('#unplaced').innerText(), /unused-suppression/);
    await page.screenshot({ path: path.join(shots, '01-every-rule.png') });
  });

  it('draws in the error and warning colours exactly the elements with errors and warnings', async () => {
    const graph = graphOf(everyRule, 1);
    await sendGraph(graph);
    const drawn = await colours();
    const elements = [...graph.nodes, ...graph.edges];
    for (const [severity, colour] of [
      ['error', ERROR],
      ['warning', WARNING],
    ]) {
      const inColour = Object.keys(drawn).filter((id) => drawn[id] === colour);
      const withSeverity = elements.filter((e) => e.severity === severity).map((e) => e.id);
      assert.deepEqual(inColour.sort(), withSeverity.sort(), severity);
    }
    assert.ok(elements.some((e) => e.severity === 'warning') && elements.some((e) => e.severity === 'error'));
    // Hovering a node shows its findings with their rule ids.
    const at = await page.evaluate(() => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      const box = cy.container().getBoundingClientRect();
      const position = cy.getElementById('partner:northwind-copy').renderedPosition();
      return { x: box.left + position.x, y: box.top + position.y };
    });
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('#tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.innerText();
    assert.match(text, /duplicate-partner-tenant/);
    assert.match(text, /providers-not-reseller/);
    await page.screenshot({ path: path.join(shots, '02-tooltip.png') });
  });

  it('posts a reveal of the node a click is on, and the next graph updates it in place, keeping the viewport', async () => {
    const graph = graphOf(everyRule, 1);
    await sendGraph(graph);
    await clearPosted();
    const northwind = graph.nodes.find((n) => n.id === 'partner:northwind')!;
    assert.equal(northwind.severity, 'error');
    await clickNode(northwind.id);
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'reveal'),
      [{ type: 'reveal', range: northwind.range }],
    );
    // The cursor in northwind's entry highlights it; on a line of no entry, nothing.
    assert.deepEqual(await atCursor(northwind.lines![0] + 2), [northwind.id]);
    assert.deepEqual(await atCursor(0), []);
    // A viewport of the person's own, then the fix of northwind's finding arrives.
    const viewport = await page.evaluate(() => {
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
      cy.zoom(0.8);
      cy.pan({ x: 57, y: 33 });
      return { zoom: cy.zoom(), pan: cy.pan() };
    });
    const fixed = everyRule.replace(
      'billingAndSupport: true         # securityCompliance missing',
      'billingAndSupport: true\n      securityCompliance: true',
    );
    assert.notEqual(fixed, everyRule);
    const next = graphOf(fixed, 2);
    assert.equal(next.nodes.find((n) => n.id === northwind.id)!.severity, undefined);
    const report = await sendGraph(next);
    assert.equal(report.layout, 'none', 'the same nodes: no layout');
    const drawn = await colours();
    assert.notEqual(drawn[northwind.id], ERROR);
    assert.equal(drawn['partner:northwind-copy'], ERROR, 'the other findings stay');
    assert.deepEqual(
      await page.evaluate(() => {
        const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy;
        return { zoom: cy.zoom(), pan: cy.pan() };
      }),
      viewport,
    );
    await page.screenshot({ path: path.join(shots, '03-fixed-in-place.png') });
  });

  it('asks to expand a collapsed customers node when it is clicked, and shows it as "N customers"', async () => {
    const graph = graphOf(generateManifest(300), 1, { collapseAbove: 2 });
    const collapsed = graph.nodes.find((n) => n.kind === 'customers');
    assert.ok(collapsed, 'the generated channel has a collapsed customers node');
    await sendGraph(graph);
    await clearPosted();
    await page.evaluate((id) => {
      // In sight, whatever the layout made of the whole.
      const cy = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy as unknown as {
        center(e: unknown): void;
        zoom(l: number): void;
      };
      const node = (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy.getElementById(id);
      cy.zoom(1);
      cy.center(node);
    }, collapsed.id);
    await clickNode(collapsed.id);
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'expand'),
      [{ type: 'expand', id: collapsed.id }],
    );
    // The cursor on a collapsed customer's entry highlights the node that counts it.
    assert.deepEqual(await atCursor(collapsed.memberLines![1][0]), [collapsed.id]);
    const label = await page.evaluate(
      (id) => (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy.getElementById(id).style('label'),
      collapsed.id,
    );
    assert.equal(label, `${collapsed.count} customers`);
    await page.screenshot({ path: path.join(shots, '04-collapsed.png') });
  });

  it('works from the keyboard: Enter in the search box asks for the search, the match is revealed; the node list reveals too', async () => {
    await sendGraph(graphOf(everyRule, 1));
    await clearPosted();
    await page.locator('#search').focus();
    await page.keyboard.type('tokyo');
    await page.keyboard.press('Enter');
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'filters'),
      [{ type: 'filters', filters: { search: 'tokyo' } }],
    );
    const searched = graphOf(everyRule, 2, { search: 'tokyo' });
    const match = searched.nodes.find((n) => n.matched)!;
    assert.equal(match.id, 'customer:tokyo-trading');
    await sendGraph(searched, { search: 'tokyo' });
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'reveal'),
      [{ type: 'reveal', range: match.range, preserveFocus: true }],
    );
    // The node list: Tab from the controls reaches it; arrows move, Enter reveals.
    await clearPosted();
    const first = page.locator('#elements li[tabindex="0"]');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = searched.nodes[1];
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'reveal'),
      [{ type: 'reveal', range: second.range }],
    );
    await page.screenshot({ path: path.join(shots, '05-search.png') });
  });

  it('asks for the graph again with the filters the controls set, and offers the regions and partners of the whole graph', async () => {
    const graph = graphOf(everyRule, 1);
    await sendGraph(graph);
    const regionOptions = await page
      .locator('#region option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    assert.deepEqual(regionOptions, ['', ...graph.groups.map((g) => g.id).sort()]);
    assert.equal(await page.locator('#partner option').count(), 1 + graph.totals.partners);
    await clearPosted();
    await page.locator('#region').selectOption('europe');
    await page.locator('#only-findings').focus();
    await page.keyboard.press('Space');
    await page.locator('#partner').selectOption('fabrikam');
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'filters'),
      [
        { type: 'filters', filters: { region: 'europe' } },
        { type: 'filters', filters: { region: 'europe', onlyFindings: true } },
        { type: 'filters', filters: { region: 'europe', onlyFindings: true, partner: 'fabrikam' } },
      ],
    );
    // The narrowed graph keeps every choice in the lists.
    const filters = { region: 'europe', onlyFindings: true, partner: 'fabrikam' };
    await sendGraph(graphOf(everyRule, 2, filters), filters);
    assert.equal(await page.locator('#partner option').count(), 1 + graph.totals.partners);
    assert.equal(await page.locator('#region').inputValue(), 'europe');
    assert.equal(await page.locator('#only-findings').isChecked(), true);
    await page.screenshot({ path: path.join(shots, '06-filtered.png') });
  });

  it('follows a change of colour theme (the variables VS Code sets on <html>)', async () => {
    const graph = graphOf(everyRule, 1);
    await sendGraph(graph);
    // Light Modern's colours, set the way the webview host sets them.
    const light: Record<string, string> = {
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-errorForeground': '#f85149',
      '--vscode-editorWarning-foreground': '#bf8803',
      '--vscode-charts-lines': '#80808080',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-input-background': '#ffffff',
      '--vscode-input-foreground': '#3b3b3b',
      '--vscode-dropdown-background': '#ffffff',
      '--vscode-dropdown-foreground': '#3b3b3b',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
    };
    await page.evaluate((variables) => {
      const root = (globalThis as unknown as { document: { documentElement: { style: { setProperty(k: string, v: string): void } } } })
        .document.documentElement;
      for (const [name, value] of Object.entries(variables)) root.style.setProperty(name, value);
    }, light);
    const warningEdge = graph.edges.find((e) => e.severity === 'warning')!.id;
    await page.waitForFunction(
      ([id, colour]) => (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy.getElementById(id).style('line-color') === colour,
      [warningEdge, rgb(light['--vscode-editorWarning-foreground'])],
    );
    // A colour with an alpha is drawn without it.
    const plainEdge = graph.edges.find((e) => !e.severity)!.id;
    assert.equal(
      await page.evaluate(
        (id) => (globalThis as unknown as PageGlobals).cspPartnersTestHooks.cy.getElementById(id).style('line-color'),
        plainEdge,
      ),
      rgb('#808080'),
    );
    await page.screenshot({ path: path.join(shots, '07-light-theme.png') });
  });

  it('exports the drawing as SVG and PNG', async () => {
    await sendGraph(graphOf(everyRule, 1));
    await clearPosted();
    await page.locator('#export-svg').click();
    await page.locator('#export-png').click();
    const exports = (await posted()).filter((m): m is Extract<WebviewMessage, { type: 'export' }> => m.type === 'export');
    assert.deepEqual(
      exports.map((e) => e.format),
      ['svg', 'png'],
    );
    const svg = exports[0].data;
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('Contoso') || svg.includes('contoso'), 'the SVG has the labels');
    assert.ok(svg.includes(`stroke="${THEME['--vscode-errorForeground']}"`) || svg.includes(ERROR), 'the SVG has the error colour');
    const png = Buffer.from(exports[1].data, 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // What the SVG looks like, for a person to check.
    await page.setContent(svg);
    await page.screenshot({ path: path.join(shots, '08-export.svg.png'), fullPage: true });
  });

  it('opens a 10,000-customer channel (prints how long it took)', async () => {
    const t0 = Date.now();
    const text = generateManifest(10_000);
    const graph = graphOf(text, 1);
    const serverMs = Date.now() - t0;
    const t1 = Date.now();
    const report = await sendGraph(graph);
    const pageMs = Date.now() - t1;
    assert.equal(report.nodes, (await ids('nodes')).length);
    assert.equal(report.edges, graph.edges.length);
    console.log(
      `      10,000 customers: ${graph.nodes.length} nodes, ${graph.edges.length} edges; check + graph ${serverMs} ms, ` +
        `posted to drawn ${pageMs} ms (in the page ${report.ms} ms, of which the layout ${report.layoutMs} ms in the ${report.layout})`,
    );
    await page.screenshot({ path: path.join(shots, '09-10k-customers.png') });
  });
});
