// The VS Code client: starts the bundled language server (server/out/server.js) over IPC, pulls
// diagnostics on type or on save (setting `cspPartners.run`), applies the quick fixes that select
// text afterwards, and shows the counts of the last check in a language status item.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DiagnosticPullMode, LanguageClient, LanguageClientOptions, ServerOptions, TextEdit as LspTextEdit, TransportKind,
  Range as LspRange,
} from 'vscode-languageclient/node';

/** Language id of the manifests (package.json `contributes.languages`). */
const LANGUAGE_ID = 'csp-partners';
/** Client id: also the prefix of `cspPartners.trace.server`, which the client reads by itself. */
const CLIENT_ID = 'cspPartners';

/** Commands this extension registers; the contributed ones are listed in package.json. */
export const COMMANDS = {
  applyEditAndSelect: 'cspPartners.applyEditAndSelect',
  restartServer: 'cspPartners.restartServer',
  showOutput: 'cspPartners.showOutput',
} as const;

/** The server's `cspPartners/status` notification (server/src/lsp/status.ts). */
const STATUS_NOTIFICATION = 'cspPartners/status';
interface ManifestStatus {
  uri: string;
  version: number;
  partners: number;
  customers: number;
  subscriptions: number;
  errors: number;
  warnings: number;
  durationMs: number;
  checkedAt: string;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One log channel for the client, the server's log and the protocol trace. The trace
  // (`cspPartners.trace.server`) is written only while this channel's log level is Trace.
  const output = vscode.window.createOutputChannel(vscode.l10n.t('CSP Partners'), { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server reads the settings itself (workspace/configuration, per document); this only makes
    // the client tell it when a `cspPartners.*` setting changes, so that it re-checks.
    synchronize: { configurationSection: 'cspPartners' },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      filter: (document, mode) => mode === DiagnosticPullMode.onType && runsOnSave(document),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient(CLIENT_ID, vscode.l10n.t('CSP Partners Language Server'), serverOptions, clientOptions);

  const status = new StatusItem();
  context.subscriptions.push(
    status,
    client.onNotification(STATUS_NOTIFICATION, (value: ManifestStatus) => status.update(value)),
    vscode.commands.registerCommand(COMMANDS.applyEditAndSelect, applyEditAndSelect),
    vscode.commands.registerCommand(COMMANDS.restartServer, restartServer),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  );

  try {
    await client.start();
  } catch (error) {
    output.error(error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(vscode.l10n.t('The CSP Partners language server could not start: {0}', messageOf(error)));
  }
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.needsStop()) await stopping.stop();
}

/**
 * Untitled documents cannot be saved in place, so they are always checked on type; a file is
 * checked on save only when its resource-scoped `cspPartners.run` says so.
 */
function runsOnSave(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== 'untitled' && vscode.workspace.getConfiguration('cspPartners', document).get<string>('run') === 'onSave';
}

/** `cspPartners.applyEditAndSelect`: applies a quick fix's edits, then selects what the user must confirm (the MPA date). */
async function applyEditAndSelect(uri: string, edits: LspTextEdit[], selection?: LspRange): Promise<void> {
  if (!client) return;
  const converter = client.protocol2CodeConverter;
  const target = converter.asUri(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.set(target, await converter.asTextEdits(edits) ?? []);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The quick fix could not be applied to {0}.', vscode.workspace.asRelativePath(target)));
    return;
  }
  if (!selection) return;
  const active = vscode.window.activeTextEditor;
  const editor = active && active.document.uri.toString() === target.toString()
    ? active
    : await vscode.window.showTextDocument(target);
  const range = converter.asRange(selection);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function restartServer(): Promise<void> {
  if (!client) return;
  try {
    await client.restart();
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The CSP Partners language server could not restart: {0}', messageOf(error)));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The language status item of csp-partners documents: the counts of the last check of the active
 * document ("12 partners · 340 customers · 901 subscriptions") and when it ran.
 */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('cspPartners.status', { language: LANGUAGE_ID });
  private readonly last = new Map<string, ManifestStatus>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.item.name = vscode.l10n.t('CSP Partners manifest');
    this.item.command = { title: vscode.l10n.t('Show Output'), command: COMMANDS.showOutput };
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidChangeTextDocument((event) => { if (event.document === vscode.window.activeTextEditor?.document) this.render(); }),
      vscode.workspace.onDidCloseTextDocument((document) => this.last.delete(document.uri.toString())),
    ];
    this.render();
  }

  update(status: ManifestStatus): void {
    const uri = client ? client.protocol2CodeConverter.asUri(status.uri).toString() : status.uri;
    this.last.set(uri, status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri) this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && this.last.get(document.uri.toString());
    if (!document || !status) {
      this.item.text = vscode.l10n.t('Checking…');
      this.item.detail = undefined;
      this.item.busy = document?.languageId === LANGUAGE_ID;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    this.item.busy = false;
    this.item.text = [
      count(status.partners, vscode.l10n.t('{0} partner', format(status.partners)), vscode.l10n.t('{0} partners', format(status.partners))),
      count(status.customers, vscode.l10n.t('{0} customer', format(status.customers)), vscode.l10n.t('{0} customers', format(status.customers))),
      count(status.subscriptions, vscode.l10n.t('{0} subscription', format(status.subscriptions)), vscode.l10n.t('{0} subscriptions', format(status.subscriptions))),
    ].join(' · ');
    const checked = vscode.l10n.t('checked at {0} in {1} ms', clock(status.checkedAt), format(status.durationMs));
    // With checks on save, the counts can be those of an older version of the text.
    this.item.detail = status.version < document.version && runsOnSave(document)
      ? vscode.l10n.t('{0}; edited since, checks run on save', checked)
      : checked;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function format(n: number): string {
  return n.toLocaleString(vscode.env.language);
}

/** HH:MM:SS in local time. */
function clock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
