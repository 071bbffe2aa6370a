// The "CSP Channel" view in the Explorer: the channel of the active manifest as a tree (CSP regions,
// partners, customers, each subscription; see channel-tree-model.ts), each item coloured and badged by its
// findings, a click selecting its entry in the manifest.
//
// It follows the last active manifest editor: focus moving to another kind of editor or to a panel
// leaves it as it is. The graph is asked of the language server once per document version (and anew
// after a settings change or "Refresh"), 300 ms after the last edit, and only while the view is visible.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  COMMANDS,
  GRAPH_REQUEST,
  GraphAnswer,
  GraphNode,
  GraphOptions,
  GraphParams,
  LANGUAGE_ID,
  SETTINGS_SECTION,
} from '../../server/src/protocol';
import {
  ChannelIndex,
  ChannelItem,
  childrenOf,
  hasChildren,
  membersOf,
  regionItems,
  Severity,
  SubscriptionItem,
  treeGraphOptions,
} from './channel-tree-model';
import { BaseLanguageClient, State } from 'vscode-languageclient/node';

const CHANNEL_VIEW = 'cspPartners.channel';
/** Set once a manifest was active: the view is shown from then on (package.json `views`). */
const HAS_MANIFEST = 'cspPartners.hasManifest';
/** Set while the view shows a manifest: without one, the view's welcome text says how to get one. */
const SHOWS_MANIFEST = 'cspPartners.channelShowsManifest';
/** The URIs the file decorations of the items are given by: the counts are in the URI, so a new count is a new URI. */
const DECORATION_SCHEME = 'csp-partners-channel';
const REFRESH_DELAY_MS = 300;

/** The answers for one version of one document: the graph, and the graphs with one `customers` node expanded. */
interface VersionCache {
  version: number;
  graphs: Map<string, Promise<ChannelIndex>>;
}

export class ChannelTree implements vscode.TreeDataProvider<ChannelItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view (public for the extension-host tests: its visibility). */
  readonly view: vscode.TreeView<ChannelItem>;
  private readonly disposables: vscode.Disposable[];
  private document: vscode.TextDocument | undefined;
  private readonly cache = new Map<string, VersionCache>();
  private timer: NodeJS.Timeout | undefined;
  /** A refresh waits for the view to be visible. */
  private stale = false;

  constructor(private readonly client: BaseLanguageClient) {
    this.view = vscode.window.createTreeView(CHANNEL_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.changed,
      vscode.window.registerFileDecorationProvider({ provideFileDecoration: decorationOf }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length) this.refreshSoon();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cache.delete(document.uri.toString());
        if (document === this.document) this.showNext();
      }),
      vscode.window.tabGroups.onDidChangeTabs(() => {
        if (this.document && !hasTab(this.document.uri)) this.showNext();
      }),
      // Rule severities and the baseline change the findings without changing the text.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.refreshSoon(true);
      }),
      this.view.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) this.refresh();
      }),
      // A restarted server is asked again.
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.refresh(true);
      }),
    ];
    this.follow(vscode.window.activeTextEditor);
  }

  /** The manifest the view shows. */
  get manifest(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  /** Reads the graph anew ("Refresh"). */
  refresh(invalidate = false): void {
    clearTimeout(this.timer);
    if (invalidate) this.cache.clear();
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this.changed.fire();
  }

  async getChildren(item?: ChannelItem): Promise<ChannelItem[]> {
    const document = this.document;
    if (!document) return [];
    try {
      if (!item) {
        const index = await this.graph(document, treeGraphOptions());
        this.view.message = this.messageFor(index);
        return regionItems(index);
      }
      if (item.kind === 'entity' && item.node.kind === 'customers') {
        // The customers a count stands for: the graph again, with that node expanded (cached per version).
        return membersOf(item, await this.graph(document, treeGraphOptions(item.node.id)));
      }
      return childrenOf(item);
    } catch (error) {
      this.view.message = vscode.l10n.t('The channel could not be read: {0}', error instanceof Error ? error.message : String(error));
      return [];
    }
  }

  getTreeItem(item: ChannelItem): vscode.TreeItem {
    const collapsed = hasChildren(item) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const treeItem = new vscode.TreeItem(labelOf(item), collapsed);
    treeItem.id = item.id;
    treeItem.description = this.descriptionOf(item);
    treeItem.tooltip = tooltipOf(item);
    treeItem.contextValue = item.kind === 'entity' ? item.node.kind : item.kind;
    const { errors, warnings } = countsOf(item);
    treeItem.iconPath = new vscode.ThemeIcon(ICONS[iconKey(item)], colourOf(errors ? 'error' : warnings ? 'warning' : undefined));
    if (errors || warnings) treeItem.resourceUri = decorationUri(item.id, errors, warnings);
    const range = rangeOf(item);
    if (range && this.document) {
      const { start, end } = range;
      treeItem.command = {
        command: COMMANDS.revealInManifest,
        title: vscode.l10n.t('Show in Manifest'),
        arguments: [this.document.uri, new vscode.Range(start.line, start.character, end.line, end.character)],
      };
    }
    return treeItem;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** A manifest editor becoming active is shown; any other editor, or none, leaves the view as it is. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === LANGUAGE_ID && editor.document !== this.document) this.show(editor.document);
  }

  /** The shown manifest was closed: another visible manifest editor, else none (the welcome text). */
  private showNext(): void {
    const next = vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID && e.document !== this.document);
    this.show(next?.document);
  }

  private show(document: vscode.TextDocument | undefined): void {
    this.document = document;
    this.view.description = document ? path.posix.basename(document.uri.path) : undefined;
    this.view.message = undefined;
    if (document) void vscode.commands.executeCommand('setContext', HAS_MANIFEST, true);
    void vscode.commands.executeCommand('setContext', SHOWS_MANIFEST, document !== undefined);
    this.refresh();
  }

  /** After an edit: once the typing pauses. */
  private refreshSoon(invalidate = false): void {
    clearTimeout(this.timer);
    if (invalidate) this.cache.clear();
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  private graph(document: vscode.TextDocument, options: GraphOptions): Promise<ChannelIndex> {
    const uri = document.uri.toString();
    let entry = this.cache.get(uri);
    if (entry?.version !== document.version) this.cache.set(uri, (entry = { version: document.version, graphs: new Map() }));
    const key = JSON.stringify(options);
    let graph = entry.graphs.get(key);
    if (!graph) {
      const params: GraphParams = { textDocument: { uri: this.client.code2ProtocolConverter.asUri(document.uri) }, options };
      graph = this.client.sendRequest<GraphAnswer>(GRAPH_REQUEST, params).then((answer) => new ChannelIndex(answer));
      entry.graphs.set(key, graph);
      // A failed request is asked again next time.
      const graphs = entry.graphs;
      graph.catch(() => graphs.delete(key));
    }
    return graph;
  }

  private messageFor(index: ChannelIndex): string | undefined {
    const { totals } = index.graph;
    return totals.partners + totals.customers === 0 ? vscode.l10n.t('The manifest has no partners or customers yet.') : undefined;
  }

  private descriptionOf(item: ChannelItem): string | undefined {
    if (item.kind === 'region' || item.kind === 'unserved') return countsText(item.errors, item.warnings);
    if (item.kind === 'subscription') {
      const { id } = item.subscription;
      return id !== undefined && id !== labelOf(item) ? id : undefined;
    }
    const { node, via } = item;
    if (node.kind === 'customers') return undefined;
    const parts = node.entity && node.entity !== node.label ? [node.entity] : [];
    // Outside the region it stands in: a cross-region relationship or sale shows where the other end is.
    if (node.region !== item.under) parts.push(node.region ?? vscode.l10n.t('unknown CSP region'));
    if (via?.linked === false) parts.push(vscode.l10n.t('not in providers'));
    return parts.join(' · ') || undefined;
  }
}

const ICONS = {
  'region': 'globe',
  'unknown-region': 'question',
  'unserved': 'circle-slash',
  'indirect-provider': 'organization',
  'indirect-reseller': 'person',
  'direct-bill': 'credit-card',
  'partner': 'briefcase',
  'customer': 'account',
  'customers': 'list-unordered',
  'subscription': 'key',
} as const;

function iconKey(item: ChannelItem): keyof typeof ICONS {
  if (item.kind === 'region') return item.region === undefined ? 'unknown-region' : 'region';
  if (item.kind === 'entity') return item.node.kind === 'microsoft' ? 'partner' : item.node.kind;
  return item.kind;
}

function colourOf(severity: Severity | undefined): vscode.ThemeColor | undefined {
  if (severity === 'error') return new vscode.ThemeColor('errorForeground');
  if (severity === 'warning') return new vscode.ThemeColor('editorWarning.foreground');
  return undefined;
}

function labelOf(item: ChannelItem): string {
  switch (item.kind) {
    case 'region':
      return item.region ?? vscode.l10n.t('Unknown CSP region');
    case 'unserved':
      return vscode.l10n.t('Customers without a seller');
    case 'subscription':
      return item.subscription.offer ?? item.subscription.id ?? vscode.l10n.t('Subscription');
    case 'entity': {
      const count = item.node.count ?? 0;
      if (item.node.kind !== 'customers') return item.node.label;
      return count === 1 ? vscode.l10n.t('{0} customer', count) : vscode.l10n.t('{0} customers', count);
    }
  }
}

function kindName(item: ChannelItem): string {
  if (item.kind === 'region') return vscode.l10n.t('CSP region');
  if (item.kind === 'unserved') return vscode.l10n.t('Customers without a seller');
  if (item.kind === 'subscription') return vscode.l10n.t('Subscription');
  switch (item.node.kind) {
    case 'indirect-provider':
      return vscode.l10n.t('Indirect provider');
    case 'indirect-reseller':
      return vscode.l10n.t('Indirect reseller');
    case 'direct-bill':
      return vscode.l10n.t('Direct-bill partner');
    case 'customer':
      return vscode.l10n.t('Customer');
    case 'customers':
      return vscode.l10n.t('Customers without findings');
    default:
      return vscode.l10n.t('Partner (type unknown)');
  }
}

/** The errors and warnings the item's colour and badge show. */
function countsOf(item: ChannelItem): { errors: number; warnings: number } {
  if (item.kind === 'region' || item.kind === 'unserved') return { errors: item.errors, warnings: item.warnings };
  const severities = item.findings.map((i) => item.index.graph.findings[i].severity);
  return { errors: severities.filter((s) => s === 'error').length, warnings: severities.filter((s) => s === 'warning').length };
}

function countsText(errors: number, warnings: number): string | undefined {
  const parts = [];
  if (errors) parts.push(errors === 1 ? vscode.l10n.t('{0} error', errors) : vscode.l10n.t('{0} errors', errors));
  if (warnings) parts.push(warnings === 1 ? vscode.l10n.t('{0} warning', warnings) : vscode.l10n.t('{0} warnings', warnings));
  return parts.length ? parts.join(', ') : undefined;
}

/** The kind, the id, what the item stands for, and its findings (rule id and message). */
function tooltipOf(item: ChannelItem): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  const paragraph = (text: string) => tooltip.appendMarkdown(`\n\n${escapeMarkdown(text)}`);
  tooltip.appendMarkdown(`**${escapeMarkdown(labelOf(item))}** — ${escapeMarkdown(kindName(item))}`);
  if (item.kind === 'entity' && item.node.entity) tooltip.appendMarkdown(`  \n${escapeMarkdown(item.node.entity)}`);
  if (item.kind === 'entity' && item.via?.linked === false)
    paragraph(vscode.l10n.t('Not in the providers of the partner: only a subscription names this link.'));
  if (item.kind === 'entity' && item.node.kind === 'customers') paragraph(vscode.l10n.t('Expand to list them.'));
  if (item.kind === 'subscription') {
    if (item.subscription.id !== undefined) tooltip.appendMarkdown(`  \n${escapeMarkdown(item.subscription.id)}`);
    paragraph(subscriptionFacts(item).join('  \n'));
  }
  const counts = item.kind === 'region' || item.kind === 'unserved' ? countsText(item.errors, item.warnings) : undefined;
  if (counts) paragraph(counts);
  if (item.kind === 'entity' || item.kind === 'subscription') {
    const { findings } = item.index.graph;
    for (const i of item.findings) {
      const finding = findings[i];
      tooltip.appendMarkdown(`\n\n$(${SEVERITY_ICONS[finding.severity]}) \`${finding.rule}\` ${escapeMarkdown(finding.message)}`);
    }
  }
  return tooltip;
}

/** A subscription's offer, seller and indirect provider, each a line of its tooltip. */
function subscriptionFacts(item: SubscriptionItem): string[] {
  const entityOf = (nodeId: string) => item.index.node(nodeId)?.entity ?? nodeId.replace(/^partner:/, '');
  const { offer, provider } = item.subscription;
  const facts = [];
  if (offer !== undefined) facts.push(vscode.l10n.t('Offer: {0}', offer));
  facts.push(vscode.l10n.t('Sold by: {0}', entityOf(item.edge.source)));
  if (provider !== undefined) facts.push(vscode.l10n.t('Indirect provider: {0}', entityOf(provider)));
  return facts;
}

const SEVERITY_ICONS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' };

/**
 * Names and messages as Markdown text: their punctuation escaped (`$(` included, which would be an icon).
 * Not `MarkdownString.appendText`, which makes every space a no-break space and long messages one line.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

/** Where a click on the item goes: its entry's id (a subscription's own). */
function rangeOf(item: ChannelItem): GraphNode['range'] {
  if (item.kind === 'entity') return item.node.range;
  if (item.kind === 'subscription') return item.subscription.range;
  return undefined;
}

function decorationUri(id: string, errors: number, warnings: number): vscode.Uri {
  return vscode.Uri.from({ scheme: DECORATION_SCHEME, path: `/${encodeURIComponent(id)}`, query: `errors=${errors}&warnings=${warnings}` });
}

/** The badge (how many errors and warnings) and colour of an item, read from its decoration URI. */
export function decorationOf(uri: vscode.Uri): vscode.FileDecoration | undefined {
  if (uri.scheme !== DECORATION_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const errors = Number(query.get('errors') ?? 0);
  const warnings = Number(query.get('warnings') ?? 0);
  const total = errors + warnings;
  if (!total) return undefined;
  const colour = new vscode.ThemeColor(errors ? 'list.errorForeground' : 'list.warningForeground');
  return new vscode.FileDecoration(total > 9 ? '9+' : String(total), countsText(errors, warnings), colour);
}

function hasTab(uri: vscode.Uri): boolean {
  const target = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(
      (tab) =>
        (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === target) ||
        (tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === target),
    ),
  );
}
