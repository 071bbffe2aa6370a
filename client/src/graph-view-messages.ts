// What the partner-network webview and the extension host say to each other, and the state the webview
// starts from. Types only: the extension host (client/src/graph-view.ts) and the webview bundle
// (client/webview/graph/) both import this module, and neither must pull code of the other with it.
import type { GraphAnswer, GraphNode, GraphOptions } from '../../server/src/protocol';

/** A range of the manifest (0-based lines, UTF-16 characters), as the graph gives them. */
export type ManifestRange = NonNullable<GraphNode['range']>;

/** The webview panel's view type: `onWebviewPanel:` activation and the serializer that restores it after a reload. */
export const PARTNER_NETWORK_VIEW_TYPE = 'cspPartners.partnerNetwork';

/** The filters a person sets in the view: every graph option but `collapseAbove`, which is a setting. */
export type GraphFilters = Omit<GraphOptions, 'collapseAbove'>;

/** What the view remembers across reloads (`vscode.setState`) and what the serializer reads back. */
export interface PartnerNetworkState {
  /** The manifest's URI (`Uri.toString()`). */
  manifest: string;
  filters: GraphFilters;
  viewport?: { zoom: number; pan: { x: number; y: number } };
}

/** Every text the webview shows, already in the display language (the extension host localizes them). */
export interface PartnerNetworkStrings {
  region: string;
  allRegions: string;
  partner: string;
  allPartners: string;
  onlyFindings: string;
  search: string;
  searchPlaceholder: string;
  fit: string;
  exportSvg: string;
  exportPng: string;
  graphLabel: string;
  elements: string;
  unplacedFindings: string;
  noUnplacedFindings: string;
  /** `{0}`: a count. */
  customersCount: string;
  /** `{0}`: a count. */
  subscriptionsCount: string;
  /** `{0}` partners, `{1}` customers (the whole manifest), `{2}` nodes and `{3}` edges drawn. */
  summary: string;
  layingOut: string;
  layoutFailed: string;
  noMatch: string;
  /** `{0}`: how many nodes matched. */
  matches: string;
  expandHint: string;
  kinds: Record<'microsoft' | 'indirect-provider' | 'indirect-reseller' | 'direct-bill' | 'partner' | 'customer' | 'customers', string>;
  edgeKinds: Record<'supplies' | 'provides' | 'providesUnlinked' | 'sells' | 'manages' | 'owns', string>;
  severities: Record<'error' | 'warning' | 'info' | 'hint', string>;
}

/** Where the webview's other files are (webview URIs), read from the page when it starts. */
export interface PartnerNetworkInitial {
  strings: PartnerNetworkStrings;
  /** The ELK layout script: run as a web worker, or on the page when a worker cannot start. */
  layoutScript: string;
  /** The state to start from when the webview has none of its own (a panel opened by the command). */
  state: PartnerNetworkState;
}

/** Extension host → webview. */
export type HostMessage =
  /** A graph to draw; `filters` are those it was asked with. */
  | { type: 'graph'; graph: GraphAnswer; filters: GraphFilters }
  /** The graph could not be had (the server's message). */
  | { type: 'error'; message: string }
  /** The manifest's cursor moved to this line (0-based). */
  | { type: 'cursor'; line: number };

/** Webview → extension host. */
export type WebviewMessage =
  /** The page is up: send it a graph with these filters. */
  | { type: 'ready'; filters: GraphFilters }
  /** A filter, the search or the expanded nodes changed: send a graph with these. */
  | { type: 'filters'; filters: GraphFilters }
  /** Show this range of the manifest in its editor; `preserveFocus` keeps the focus in the view (search). */
  | { type: 'reveal'; range: ManifestRange; preserveFocus?: boolean }
  /** A collapsed `customers` node was opened: ask again with it in `expanded`. */
  | { type: 'expand'; id: string }
  /** Save the view as a file: SVG text, or a PNG as base64. */
  | { type: 'export'; format: 'svg' | 'png'; data: string }
  /** A graph was drawn: what, and how it was laid out (shown in the output channel; the editor tests wait for it). */
  | { type: 'rendered'; report: RenderReport };

export interface RenderReport {
  version: number;
  nodes: number;
  edges: number;
  /** Where ELK ran for this graph; `none` when the node set did not change and nothing was laid out. */
  layout: 'worker' | 'main-thread' | 'none';
  /** How long the layout took (0 without one), within `ms`. */
  layoutMs: number;
  /** From the graph message to the drawn graph, in the webview. */
  ms: number;
  /** Content-Security-Policy violations the page reported so far (should stay empty). */
  cspViolations: string[];
}
