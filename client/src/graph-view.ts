// "CSP: Show Partner Network": the channel of a manifest drawn as a graph in a webview beside it (the
// page is client/webview/graph, bundled into client/out/webview). The extension host asks the language
// server for the graph (`cspPartners/graph`) and again after edits, reveals in the manifest what is
// clicked in the graph, tells the graph where the cursor is, and saves the exports. One panel per
// manifest; panels come back after a reload (the serializer) with their filters and viewport.
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { GRAPH_REQUEST, GraphAnswer, GraphParams, LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol';
import { graphViewHtml } from './graph-view-html';
import { revealInManifest } from './reveal';
import {
  GraphFilters,
  HostMessage,
  PARTNER_NETWORK_VIEW_TYPE,
  PartnerNetworkState,
  PartnerNetworkStrings,
  RenderReport,
  WebviewMessage,
} from './graph-view-messages';

/** How long the manifest must rest after an edit before the graph is asked for again. */
const REFRESH_DELAY_MS = 300;

/** What the editor tests see of the open views. */
export interface PartnerNetworkApi {
  /** Fires each time a view has drawn a graph. */
  readonly onDidRender: vscode.Event<{ manifest: vscode.Uri; report: RenderReport }>;
}

/** The strings of the webview, in the display language. */
function webviewStrings(): PartnerNetworkStrings {
  return {
    region: vscode.l10n.t('CSP region'),
    allRegions: vscode.l10n.t('All CSP regions'),
    partner: vscode.l10n.t('Partner'),
    allPartners: vscode.l10n.t('All partners'),
    onlyFindings: vscode.l10n.t('Only what has findings'),
    search: vscode.l10n.t('Search'),
    searchPlaceholder: vscode.l10n.t('Search by id or name (Enter)'),
    fit: vscode.l10n.t('Fit'),
    exportSvg: vscode.l10n.t('Export SVG'),
    exportPng: vscode.l10n.t('Export PNG'),
    graphLabel: vscode.l10n.t('Partner network'),
    elements: vscode.l10n.t('Nodes'),
    unplacedFindings: vscode.l10n.t('Findings about no node'),
    noUnplacedFindings: vscode.l10n.t('None'),
    customersCount: vscode.l10n.t('{0} customers'),
    subscriptionsCount: vscode.l10n.t('{0} subscriptions'),
    summary: vscode.l10n.t('{0} partners, {1} customers in the manifest; {2} nodes and {3} edges drawn'),
    layingOut: vscode.l10n.t('Laying out the graph…'),
    layoutFailed: vscode.l10n.t('The graph could not be laid out: {0}'),
    noMatch: vscode.l10n.t('Nothing matches the search.'),
    matches: vscode.l10n.t('Matches: {0}'),
    expandHint: vscode.l10n.t('Click to show each customer'),
    kinds: {
      'microsoft': 'Microsoft',
      'indirect-provider': vscode.l10n.t('Indirect provider'),
      'indirect-reseller': vscode.l10n.t('Indirect reseller'),
      'direct-bill': vscode.l10n.t('Direct-bill partner'),
      'partner': vscode.l10n.t('Partner (type unknown)'),
      'customer': vscode.l10n.t('Customer'),
      'customers': vscode.l10n.t('Customers (collapsed)'),
    },
    edgeKinds: {
      supplies: vscode.l10n.t('Buys from Microsoft'),
      provides: vscode.l10n.t('Partnership (providers)'),
      providesUnlinked: vscode.l10n.t('Provider named by a subscription only'),
      sells: vscode.l10n.t('Sells to'),
      manages: vscode.l10n.t('Manages'),
      owns: vscode.l10n.t('Owns (own-use tenant)'),
    },
    severities: {
      error: vscode.l10n.t('Error'),
      warning: vscode.l10n.t('Warning'),
      info: vscode.l10n.t('Info'),
      hint: vscode.l10n.t('Hint'),
    },
  };
}

export class PartnerNetworkViews implements vscode.Disposable {
  private readonly panels = new Map<string, PartnerNetworkPanel>();
  private readonly rendered = new vscode.EventEmitter<{ manifest: vscode.Uri; report: RenderReport }>();
  private readonly disposables: vscode.Disposable[] = [this.rendered];
  readonly api: PartnerNetworkApi = { onDidRender: this.rendered.event };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PARTNER_NETWORK_VIEW_TYPE, {
        // After a reload: the view of the manifest the page saved, with its filters and viewport.
        deserializeWebviewPanel: (panel, saved: unknown) => {
          const state = saved as PartnerNetworkState | undefined;
          if (state?.manifest) this.adopt(panel, vscode.Uri.parse(state.manifest), state);
          else panel.dispose();
          return Promise.resolve();
        },
      }),
    );
  }

  /** The command: the manifest it was run on (editor title, context menu) or the active editor's. */
  async show(resource?: unknown): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    let document = editor?.document;
    if (resource instanceof vscode.Uri && resource.toString() !== document?.uri.toString())
      document = await vscode.workspace.openTextDocument(resource).then(
        (d) => d,
        () => undefined,
      );
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a CSP Partners manifest (csp-partners.yaml) in the editor to show its partner network.'),
      );
      return;
    }
    const open = this.panels.get(document.uri.toString());
    if (open) {
      open.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PARTNER_NETWORK_VIEW_TYPE,
      titleOf(document.uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      this.webviewOptions(),
    );
    this.adopt(panel, document.uri, { manifest: document.uri.toString(), filters: {} });
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // The page loads only the webview's own bundle folder; it has no command links and no network.
    return { enableScripts: true, localResourceRoots: [this.bundleFolder()] };
  }

  private bundleFolder(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'client', 'out', 'webview');
  }

  private adopt(panel: vscode.WebviewPanel, manifest: vscode.Uri, state: PartnerNetworkState): void {
    const key = manifest.toString();
    this.panels.get(key)?.panel.dispose();
    panel.webview.options = this.webviewOptions();
    panel.title = titleOf(manifest);
    const view = new PartnerNetworkPanel(panel, manifest, state, this.bundleFolder(), this.client, this.output, (report) =>
      this.rendered.fire({ manifest, report }),
    );
    this.panels.set(key, view);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === view) this.panels.delete(key);
      view.dispose();
    });
  }

  dispose(): void {
    for (const view of this.panels.values()) view.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function titleOf(manifest: vscode.Uri): string {
  return vscode.l10n.t('Partner Network: {0}', path.posix.basename(manifest.path));
}

class PartnerNetworkPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private filters: GraphFilters;
  /** Bumped with each request: an answer to an older one is dropped. */
  private requested = 0;
  private lastVersion = -1;
  /** The manifest changed while the panel was hidden: ask again once it shows. */
  private stale = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly manifest: vscode.Uri,
    state: PartnerNetworkState,
    bundleFolder: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
    private readonly rendered: (report: RenderReport) => void,
  ) {
    this.filters = state.filters;
    const webview = panel.webview;
    const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(bundleFolder, file)).toString();
    webview.html = graphViewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: uri('graph-view.js'),
      styleUri: uri('graph-view.css'),
      language: vscode.env.language,
      initial: { strings: webviewStrings(), layoutScript: uri('elk-layout.js'), state },
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === manifest.toString() && event.contentChanges.length) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION, manifest)) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() === manifest.toString())
          void this.post({ type: 'cursor', line: event.selections[0].active.line });
      }),
    );
  }

  private receive(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.filters = message.filters;
        this.refresh();
        break;
      case 'filters':
        this.filters = message.filters;
        this.refresh();
        break;
      case 'expand':
        this.filters = { ...this.filters, expanded: [...new Set([...(this.filters.expanded ?? []), message.id])] };
        this.refresh();
        break;
      case 'reveal':
        void this.reveal(message.range, message.preserveFocus === true);
        break;
      case 'export':
        void this.export(message.format, message.data);
        break;
      case 'rendered':
        this.logRendered(message.report);
        for (const violation of message.report.cspViolations)
          this.output.warn(`partner network: Content-Security-Policy violation: ${violation}`);
        this.rendered(message.report);
        break;
    }
  }

  private logRendered(report: RenderReport): void {
    const name = path.posix.basename(this.manifest.path);
    this.output.info(
      `partner network ${name} v${report.version}: ${report.nodes} nodes, ${report.edges} edges, ` +
        `layout ${report.layout} ${report.layoutMs} ms, drawn in ${report.ms} ms`,
    );
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the graph with the current filters and posts it, unless a newer request was made since. */
  private refresh(): void {
    clearTimeout(this.timer);
    this.stale = false;
    const request = ++this.requested;
    void this.fetchGraph().then(
      (graph) => {
        if (request !== this.requested || graph.version < this.lastVersion) return;
        this.lastVersion = graph.version;
        void this.post({ type: 'graph', graph, filters: this.filters });
      },
      (error: unknown) => {
        if (request !== this.requested) return;
        const message = error instanceof Error ? error.message : String(error);
        this.output.error(`partner network: ${message}`);
        void this.post({ type: 'error', message: vscode.l10n.t('The partner network could not be drawn: {0}', message) });
      },
    );
  }

  private async fetchGraph(): Promise<GraphAnswer> {
    const running = await this.runningClient();
    // The server answers for open documents: a panel restored after a reload opens its manifest (in the background).
    const document = await vscode.workspace.openTextDocument(this.manifest);
    const collapseAbove = vscode.workspace.getConfiguration(SETTINGS_SECTION, document).get<number>('graph.collapseAbove');
    const params: GraphParams = {
      textDocument: { uri: running.code2ProtocolConverter.asUri(document.uri) },
      options: { ...this.filters, ...(collapseAbove !== undefined ? { collapseAbove } : {}) },
    };
    return running.sendRequest<GraphAnswer>(GRAPH_REQUEST, params);
  }

  /** The language client once it runs: a view restored at start-up asks before the server is up. */
  private async runningClient(): Promise<LanguageClient> {
    const client = this.client();
    if (client?.state === State.Starting)
      await new Promise<void>((resolve) => {
        const subscription = client.onDidChangeState((event) => {
          if (event.newState === State.Starting) return;
          subscription.dispose();
          resolve();
        });
      });
    if (!client?.isRunning()) throw new Error(vscode.l10n.t('The CSP Partners language server is not running; restart it and try again.'));
    return client;
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Selects the range in the manifest's editor (opening one beside the view if none shows it) and centres it. */
  private reveal(range: Parameters<typeof revealInManifest>[1], preserveFocus: boolean): Promise<void> {
    return revealInManifest(this.manifest, range, { column: vscode.ViewColumn.Beside, preserveFocus });
  }

  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const base = path.posix.basename(this.manifest.path).replace(/\.(ya?ml)$/i, '');
    const folder = this.manifest.scheme === 'file' ? vscode.Uri.joinPath(this.manifest, '..') : undefined;
    const name = `${base}.partner-network.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
      title: vscode.l10n.t('Export the partner network'),
    });
    if (!target) return;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'The partner network could not be saved to {0}: {1}',
          target.fsPath,
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
