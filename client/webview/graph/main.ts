// The partner-network webview: draws the channel graph the extension host sends (cytoscape, laid out by
// ELK), shows each element's findings, and tells the host what the person does: reveal an element in the
// manifest, expand a collapsed customers node, change the filters, export the drawing.
import cytoscape, { type Core, type EdgeSingular, type EventObject, type NodeSingular, type SingularElementArgument } from 'cytoscape';
import elk from 'cytoscape-elk';
import type {
  GraphFilters,
  HostMessage,
  PartnerNetworkInitial,
  PartnerNetworkState,
  PartnerNetworkStrings,
  RenderReport,
  WebviewMessage,
} from '../../src/graph-view-messages';
import type { GraphAnswer, GraphEdge, GraphNode } from '../../../server/src/protocol';
import { startEngine, type LayoutPlace } from './elk-engine';
import { fill, type Labels, nodeLabel, syncElements } from './elements';
import { runLayout } from './layout';
import { readPalette, stylesheet } from './palette';
import { toSvg } from './svg';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PartnerNetworkState | undefined;
  setState(state: PartnerNetworkState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Filled in only when a test page defines it before the script runs: the drawing, to inspect. */
interface TestHooks {
  cy?: Core;
}
const testHooks = (globalThis as { cspPartnersTestHooks?: TestHooks }).cspPartnersTestHooks;

const vscode = acquireVsCodeApi();
const initial = JSON.parse(document.getElementById('csp-partners-initial')!.textContent) as PartnerNetworkInitial;
const strings: PartnerNetworkStrings = initial.strings;
const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
let state: PartnerNetworkState = vscode.getState() ?? initial.state;
const numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);
const labels: Labels = { strings, formatNumber: (n) => numberFormat.format(n) };

const cspViolations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));

// --- the page --------------------------------------------------------------------------------

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  if (text !== undefined) created.textContent = text;
  return created;
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = element('label', {}, text);
  label.append(control);
  return label;
}

const regionSelect = element('select', { id: 'region' });
const partnerSelect = element('select', { id: 'partner' });
const onlyFindings = element('input', { id: 'only-findings', type: 'checkbox' });
const searchBox = element('input', {
  'id': 'search',
  'type': 'search',
  'placeholder': strings.searchPlaceholder,
  'aria-label': strings.search,
});
const fitButton = element('button', { id: 'fit', type: 'button' }, strings.fit);
const svgButton = element('button', { id: 'export-svg', type: 'button' }, strings.exportSvg);
const pngButton = element('button', { id: 'export-png', type: 'button' }, strings.exportPng);
const onlyFindingsLabel = element('label', { class: 'check' });
onlyFindingsLabel.append(onlyFindings, document.createTextNode(strings.onlyFindings));

const toolbar = element('header', { 'class': 'toolbar', 'role': 'toolbar', 'aria-label': strings.graphLabel });
toolbar.append(
  labelled(strings.region, regionSelect),
  labelled(strings.partner, partnerSelect),
  onlyFindingsLabel,
  searchBox,
  fitButton,
  svgButton,
  pngButton,
);
const canvas = element('div', { 'id': 'graph', 'role': 'img', 'aria-label': strings.graphLabel });
const elementList = element('ul', { 'id': 'elements', 'role': 'listbox', 'aria-label': strings.elements });
const unplacedList = element('ul', { id: 'unplaced' });
const side = element('aside', { class: 'side' });
side.append(element('h2', {}, strings.unplacedFindings), unplacedList, element('h2', {}, strings.elements), elementList);
const main = element('main');
main.append(canvas, side);
const status = element('div', { 'id': 'status', 'role': 'status', 'aria-live': 'polite' });
const tooltip = element('div', { id: 'tooltip', role: 'tooltip', hidden: '' });
document.body.append(toolbar, main, status, tooltip);

// --- the drawing -----------------------------------------------------------------------------

cytoscape.use(elk);
// Cytoscape adds a <style> element (`position: relative` for its container) unless an element has this id:
// the page's CSP allows no inline style, and graph-view.css already makes #graph relative.
document.head.append(element('meta', { id: '__________cytoscape_stylesheet' }));
let palette = readPalette();
const cy = cytoscape({
  container: canvas,
  style: stylesheet(palette),
  minZoom: 0.02,
  maxZoom: 4,
  boxSelectionEnabled: false,
  selectionType: 'single',
  // Large channels stay fluid while panning and zooming.
  textureOnViewport: true,
});
if (testHooks) testHooks.cy = cy;

// The theme changes the variables on <html> and the class of <body>: paint again.
const repaint = new MutationObserver(() => {
  palette = readPalette();
  cy.style(stylesheet(palette));
});
repaint.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
repaint.observe(document.body, { attributes: true, attributeFilter: ['class'] });

let layoutFailed: (error: unknown) => void = () => undefined;
const engine = startEngine(initial.layoutScript, nonce, (error) => layoutFailed(error));

// --- state -----------------------------------------------------------------------------------

let graph: GraphAnswer | undefined;
let searchSubmitted = false;
let cursorLine: number | undefined;
const knownRegions = new Set<string>();
const knownPartners = new Map<string, string>();

function saveState(): void {
  vscode.setState(state);
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function setFilters(change: Partial<GraphFilters>): void {
  const filters: GraphFilters = { ...state.filters, ...change };
  for (const key of Object.keys(filters) as (keyof GraphFilters)[])
    if (filters[key] === undefined || filters[key] === '') delete filters[key];
  state = { ...state, filters };
  saveState();
  post({ type: 'filters', filters });
}

let viewportTimer: ReturnType<typeof setTimeout> | undefined;
cy.on('viewport', () => {
  clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => {
    state = { ...state, viewport: { zoom: cy.zoom(), pan: cy.pan() } };
    saveState();
  }, 200);
});

// --- graphs from the host --------------------------------------------------------------------

/** Graphs are drawn one after the other: a layout in progress finishes before the next graph is applied. */
let drawing: Promise<void> = Promise.resolve();
let pending: { graph: GraphAnswer; filters: GraphFilters } | undefined;
let firstDraw = true;

function receiveGraph(next: GraphAnswer, filters: GraphFilters): void {
  // Only the newest graph that arrives while one is being drawn is drawn after it.
  const queued = pending !== undefined;
  pending = { graph: next, filters };
  if (queued) return;
  drawing = drawing.then(async () => {
    const job = pending!;
    pending = undefined;
    try {
      await draw(job.graph, job.filters);
    } catch (error) {
      status.textContent = fill(strings.layoutFailed, error instanceof Error ? error.message : String(error));
    }
  });
}

async function draw(next: GraphAnswer, filters: GraphFilters): Promise<void> {
  const started = performance.now();
  graph = next;
  state = { ...state, filters };
  saveState();
  rememberChoices(next, filters);
  showFilters(filters);
  const nodeSetChanged = syncElements(cy, next, labels);
  let layout: LayoutPlace | 'none' = 'none';
  let layoutMs = 0;
  if (nodeSetChanged) {
    status.textContent = strings.layingOut;
    const { place } = await engine;
    layout = place;
    const failure = new Promise<never>((_, reject) => {
      layoutFailed = (error) => reject(error instanceof Error ? error : new Error(String(error)));
    });
    // The first drawing fits the graph unless the view was restored with its own viewport.
    const viewport = firstDraw ? state.viewport : { zoom: cy.zoom(), pan: cy.pan() };
    const layoutStarted = performance.now();
    await runLayout(cy, firstDraw && !viewport, failure);
    layoutMs = Math.round(performance.now() - layoutStarted);
    if (viewport) cy.viewport(viewport);
  }
  firstDraw = false;
  showUnplaced(next);
  showElementList(next);
  showCursor();
  status.textContent = fill(
    strings.summary,
    labels.formatNumber(next.totals.partners),
    labels.formatNumber(next.totals.customers),
    labels.formatNumber(next.nodes.length),
    labels.formatNumber(next.edges.length),
  );
  if (searchSubmitted) centreOnMatches(next);
  const report: RenderReport = {
    version: next.version,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layout,
    layoutMs,
    ms: Math.round(performance.now() - started),
    cspViolations: [...cspViolations],
  };
  post({ type: 'rendered', report });
}

/**
 * Regions and partners to choose from: those of the last graph that no filter narrowed (a search only
 * marks), kept while a filter is on; the chosen ones always.
 */
function rememberChoices(next: GraphAnswer, filters: GraphFilters): void {
  const whole = !filters.region && !filters.partner && !filters.onlyFindings;
  if (whole || knownPartners.size === 0) {
    knownRegions.clear();
    knownPartners.clear();
    for (const group of next.groups) knownRegions.add(group.id);
    for (const node of next.nodes)
      if (node.entity && node.kind !== 'customer' && node.kind !== 'customers' && node.kind !== 'microsoft')
        knownPartners.set(node.entity, node.label === node.entity ? node.entity : `${node.label} (${node.entity})`);
  }
  if (filters.region) knownRegions.add(filters.region);
  if (filters.partner && !knownPartners.has(filters.partner)) knownPartners.set(filters.partner, filters.partner);
}

function options(select: HTMLSelectElement, all: string, entries: [string, string][], selected: string | undefined): void {
  select.replaceChildren(element('option', { value: '' }, all), ...entries.map(([value, text]) => element('option', { value }, text)));
  select.value = selected ?? '';
}

function showFilters(filters: GraphFilters): void {
  options(
    regionSelect,
    strings.allRegions,
    [...knownRegions].sort().map((r) => [r, r]),
    filters.region,
  );
  options(
    partnerSelect,
    strings.allPartners,
    [...knownPartners].sort((a, b) => a[1].localeCompare(b[1])),
    filters.partner,
  );
  onlyFindings.checked = filters.onlyFindings === true;
  if (document.activeElement !== searchBox) searchBox.value = filters.search ?? '';
}

function severityText(severity: string): string {
  return strings.severities[severity as keyof PartnerNetworkStrings['severities']] ?? severity;
}

function findingLines(indexes: number[]): HTMLElement[] {
  return indexes.map((i) => {
    const finding = graph!.findings[i];
    const line = element('li', { class: `finding sev-${finding.severity}` });
    line.append(
      element('span', { class: 'rule' }, `${severityText(finding.severity)} ${finding.rule}`),
      document.createTextNode(` ${finding.message}`),
    );
    return line;
  });
}

function showUnplaced(next: GraphAnswer): void {
  if (next.unplaced.length === 0) unplacedList.replaceChildren(element('li', { class: 'none' }, strings.noUnplacedFindings));
  else unplacedList.replaceChildren(...findingLines(next.unplaced));
}

// --- the keyboard list of nodes --------------------------------------------------------------

function kindText(node: GraphNode): string {
  return strings.kinds[node.kind];
}

function showElementList(next: GraphAnswer): void {
  const items = next.nodes.map((node, index) => {
    const item = element('li', { 'role': 'option', 'id': `item-${index}`, 'data-node': node.id, 'tabindex': '-1' });
    item.append(element('span', { class: 'name' }, nodeLabel(node, labels)), element('span', { class: 'kind' }, kindText(node)));
    if (node.severity) item.classList.add(`sev-${node.severity}`);
    if (node.findings.length) item.setAttribute('aria-description', node.findings.map((i) => next.findings[i].message).join(' · '));
    return item;
  });
  elementList.replaceChildren(...items);
  const selected = cy.$('node:selected').first();
  const active = (selected.nonempty() && items.find((i) => i.dataset.node === selected.id())) || items[0];
  if (active) active.tabIndex = 0;
}

function focusItem(item: HTMLElement | null | undefined): void {
  if (!item) return;
  for (const other of elementList.querySelectorAll<HTMLElement>('[tabindex="0"]')) other.tabIndex = -1;
  item.tabIndex = 0;
  item.focus();
}

elementList.addEventListener('keydown', (event) => {
  const current = (event.target as HTMLElement).closest<HTMLElement>('li[role="option"]');
  if (!current) return;
  const move: Record<string, () => Element | null> = {
    ArrowDown: () => current.nextElementSibling,
    ArrowUp: () => current.previousElementSibling,
    Home: () => elementList.firstElementChild,
    End: () => elementList.lastElementChild,
  };
  if (move[event.key]) {
    event.preventDefault();
    focusItem(move[event.key]() as HTMLElement | null);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const node = cy.getElementById(current.dataset.node!);
    if (node.nonempty()) activate(node);
  }
});
elementList.addEventListener('focusin', (event) => {
  const item = (event.target as HTMLElement).closest<HTMLElement>('li[role="option"]');
  const node = item && cy.getElementById(item.dataset.node!);
  if (!node || node.empty()) return;
  cy.$(':selected').unselect();
  node.select();
  elementList.setAttribute('aria-activedescendant', item.id);
  if (!inView(node)) cy.animate({ center: { eles: node } }, { duration: 150 });
  showTooltip(node, node.renderedPosition());
});
elementList.addEventListener('focusout', hideTooltip);
elementList.addEventListener('click', (event) => focusItem((event.target as HTMLElement).closest<HTMLElement>('li[role="option"]')));

// --- what a click, Enter or the cursor does --------------------------------------------------

function graphElementOf(target: SingularElementArgument): GraphNode | GraphEdge | undefined {
  if (!graph) return undefined;
  return target.isNode() ? graph.nodes.find((n) => n.id === target.id()) : graph.edges.find((e) => e.id === target.id());
}

/** Click or Enter: a collapsed customers node opens, anything else is shown in the manifest. */
function activate(target: SingularElementArgument, preserveFocus = false): void {
  const item = graphElementOf(target);
  if (!item) return;
  if ('kind' in item && item.kind === 'customers') {
    post({ type: 'expand', id: item.id });
    return;
  }
  if (item.range) post({ type: 'reveal', range: item.range, ...(preserveFocus ? { preserveFocus } : {}) });
}

cy.on('tap', 'node, edge', (event: EventObject) => {
  const target = event.target as SingularElementArgument;
  if (target.isNode() && (target.data('kind') as string) === 'region') return;
  activate(target);
});

function inView(node: NodeSingular): boolean {
  const extent = cy.extent();
  const { x, y } = node.position();
  return x >= extent.x1 && x <= extent.x2 && y >= extent.y1 && y <= extent.y2;
}

/** The node whose entry holds the manifest's cursor line: its own lines, or one of a collapsed node's members. */
function showCursor(): void {
  cy.$('.cursor').removeClass('cursor');
  if (cursorLine === undefined || !graph) return;
  const line = cursorLine;
  const within = (range: [number, number] | undefined) => range !== undefined && range[0] <= line && line <= range[1];
  const node = graph.nodes.find((n) => within(n.lines)) ?? graph.nodes.find((n) => n.memberLines?.some(within));
  const drawn = node && cy.getElementById(node.id);
  if (!drawn || drawn.empty()) return;
  drawn.addClass('cursor');
  if (!inView(drawn)) cy.animate({ center: { eles: drawn } }, { duration: 150 });
}

function centreOnMatches(next: GraphAnswer): void {
  searchSubmitted = false;
  const matched = next.nodes.filter((n) => n.matched);
  if (matched.length === 0) {
    status.textContent = strings.noMatch;
    return;
  }
  const ids = new Set(matched.map((n) => n.id));
  const drawn = cy.nodes().filter((n) => ids.has(n.id()));
  cy.fit(drawn, 80);
  // One match is not blown up to fill the view.
  if (cy.zoom() > 1.5) cy.zoom(1.5);
  cy.center(drawn);
  status.textContent = fill(strings.matches, labels.formatNumber(matched.length));
  if (matched[0].range) post({ type: 'reveal', range: matched[0].range, preserveFocus: true });
}

// --- tooltip ---------------------------------------------------------------------------------

function showTooltip(target: SingularElementArgument, at: { x: number; y: number }): void {
  const item = graphElementOf(target);
  if (!item) return;
  const lines: HTMLElement[] = [];
  if ('label' in item) {
    lines.push(element('div', { class: 'title' }, nodeLabel(item, labels)));
    lines.push(element('div', { class: 'detail' }, `${kindText(item)} · ${item.entity ?? item.id}`));
    if (item.kind === 'customers') lines.push(element('div', { class: 'detail' }, strings.expandHint));
  } else {
    const edgeKind = item.kind === 'provides' && item.linked === false ? 'providesUnlinked' : item.kind;
    lines.push(element('div', { class: 'title' }, strings.edgeKinds[edgeKind]));
    lines.push(element('div', { class: 'detail' }, `${item.source.replace(/^\w+:/, '')} → ${item.target.replace(/^\w+:/, '')}`));
    if (item.subscriptions) lines.push(element('div', { class: 'detail' }, fill(strings.subscriptionsCount, item.subscriptions)));
  }
  if (item.findings.length) {
    const list = element('ul', { class: 'findings' });
    list.append(...findingLines(item.findings));
    lines.push(list);
  }
  tooltip.replaceChildren(...lines);
  tooltip.hidden = false;
  const bounds = canvas.getBoundingClientRect();
  const left = Math.min(bounds.left + at.x + 14, window.innerWidth - tooltip.offsetWidth - 8);
  const top = Math.min(bounds.top + at.y + 14, window.innerHeight - tooltip.offsetHeight - 8);
  tooltip.style.left = `${Math.max(4, left)}px`;
  tooltip.style.top = `${Math.max(4, top)}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

cy.on('mouseover', 'node, edge', (event: EventObject) => {
  const target = event.target as NodeSingular | EdgeSingular;
  if (target.isNode() && (target.data('kind') as string) === 'region') return;
  showTooltip(target, event.renderedPosition);
});
cy.on('mouseout', 'node, edge', hideTooltip);
cy.on('viewport', hideTooltip);

// --- controls --------------------------------------------------------------------------------

regionSelect.addEventListener('change', () => setFilters({ region: regionSelect.value || undefined }));
partnerSelect.addEventListener('change', () => setFilters({ partner: partnerSelect.value || undefined }));
onlyFindings.addEventListener('change', () => setFilters({ onlyFindings: onlyFindings.checked || undefined }));
searchBox.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  searchSubmitted = searchBox.value.trim() !== '';
  setFilters({ search: searchBox.value.trim() || undefined });
});
// Clearing the box (its × or Escape) drops the search.
searchBox.addEventListener('search', () => {
  if (searchBox.value === '' && state.filters.search) setFilters({ search: undefined });
});
fitButton.addEventListener('click', () => cy.fit(undefined, 30));
svgButton.addEventListener('click', () => post({ type: 'export', format: 'svg', data: toSvg(cy, palette.background, palette.fontFamily) }));
pngButton.addEventListener('click', () => {
  const data = cy.png({ output: 'base64', full: true, bg: palette.background, scale: 2, maxWidth: 8000, maxHeight: 8000 });
  post({ type: 'export', format: 'png', data });
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'graph':
      receiveGraph(message.graph, message.filters);
      break;
    case 'error':
      status.textContent = message.message;
      break;
    case 'cursor':
      cursorLine = message.line;
      showCursor();
      break;
  }
});

post({ type: 'ready', filters: state.filters });
