// The VS Code client: starts the bundled language server (server/out/server.js) over IPC, pulls
// diagnostics on type or on save (setting `cspPartners.run`), applies the quick fixes that select
// text afterwards, shows the counts of the last check in a language status item, and asks the
// scenario questions of spec §5 ("Check Scenario…", "Check All Scenarios"), whose report opens as a
// Markdown preview beside the manifest.
import * as path from 'node:path';
import * as vscode from 'vscode';
// The words the client and the server share (ids, request names and shapes): one definition, in a module
// that imports only types, so that nothing else of the server comes into this bundle.
import {
  COMMANDS,
  LANGUAGE_ID,
  ManifestStatus,
  SCENARIO_REQUEST,
  ScenarioAnswer,
  ScenarioNumber,
  ScenarioParams,
  ScenarioQuestion,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  SubjectKind,
  SUBJECTS_REQUEST,
  SubjectsAnswer,
  SubjectsParams,
} from '../../server/src/protocol';
import { ChannelTree } from './channel-tree';
import { PartnerNetworkApi, PartnerNetworkViews } from './graph-view';
import { revealInManifest } from './reveal';
import { starterManifest } from './starter';
import { WorkspaceProblems } from './workspace-problems';
import {
  DiagnosticPullMode,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TextEdit as LspTextEdit,
  TransportKind,
  Range as LspRange,
} from 'vscode-languageclient/node';

/** Client id: the settings section, as the prefix of `cspPartners.trace.server` (which the client reads by itself). */
const CLIENT_ID = SETTINGS_SECTION;

let client: LanguageClient | undefined;

/** What `activate` returns: the extension-host tests read the views through it. */
export interface ExtensionApi {
  channelTree: ChannelTree;
  partnerNetwork: PartnerNetworkApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  // One log channel for the client, the server's log and the protocol trace. The trace
  // (`cspPartners.trace.server`) is written only while this channel's log level is Trace.
  const output = vscode.window.createOutputChannel(vscode.l10n.t('CSP Partners'), { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const jsonWatcher = vscode.workspace.createFileSystemWatcher('**/*.json');
  context.subscriptions.push(jsonWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server reads the settings itself (workspace/configuration, per document); this only makes
    // the client tell it when a `cspPartners.*` setting changes, so that it re-checks.
    // JSON files changed on disk: the server shows a baseline's findings anew when its file changes.
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: jsonWatcher },
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
    vscode.commands.registerCommand(COMMANDS.checkScenario, (resource?: unknown, question?: ScenarioQuestion) =>
      checkScenario(context, resource, false, question),
    ),
    vscode.commands.registerCommand(COMMANDS.checkAllScenarios, (resource?: unknown) => checkScenario(context, resource, true)),
    vscode.commands.registerCommand(COMMANDS.newManifest, newManifest),
    vscode.commands.registerCommand(COMMANDS.restartServer, restartServer),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  );

  // The CSP Channel view in the Explorer.
  const channelTree = new ChannelTree(client);
  context.subscriptions.push(
    channelTree,
    vscode.commands.registerCommand(COMMANDS.refreshChannel, () => channelTree.refresh(true)),
    // What a click on a tree item runs: the item's place in its manifest.
    vscode.commands.registerCommand(COMMANDS.revealInManifest, (uri: vscode.Uri, range: vscode.Range) => revealInManifest(uri, range)),
  );

  // "CSP: Show Partner Network": the channel as a graph in a webview beside the manifest.
  const partnerNetwork = new PartnerNetworkViews(context, () => client, output);
  context.subscriptions.push(
    partnerNetwork,
    vscode.commands.registerCommand(COMMANDS.showPartnerNetwork, (resource?: unknown) => partnerNetwork.show(resource)),
  );

  // Problems of the manifests that are not open, when the setting asks for them (and anew when a setting changes).
  let workspaceProblems: WorkspaceProblems | undefined;
  const applyScope = () => {
    workspaceProblems?.dispose();
    workspaceProblems = undefined;
    const scope = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('diagnostics.scope', 'openFiles');
    if (scope === 'workspace' && client) {
      workspaceProblems = new WorkspaceProblems(client, output);
      workspaceProblems.start().catch((error: unknown) => output.error(`workspace scope: ${messageOf(error)}`));
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) applyScope();
    }),
    { dispose: () => workspaceProblems?.dispose() },
  );

  try {
    await client.start();
    applyScope();
  } catch (error) {
    output.error(error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(vscode.l10n.t('The CSP Partners language server could not start: {0}', messageOf(error)));
  }
  return { channelTree, partnerNetwork: partnerNetwork.api };
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
  return (
    document.uri.scheme !== 'untitled' && vscode.workspace.getConfiguration(SETTINGS_SECTION, document).get<string>('run') === 'onSave'
  );
}

/** "CSP: New Manifest": a new untitled manifest with the commented starter, in an editor. */
async function newManifest(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: starterManifest() });
  await vscode.window.showTextDocument(document);
}

/** `cspPartners.applyEditAndSelect`: applies a quick fix's edits, then selects what the user must confirm (the MPA date). */
async function applyEditAndSelect(uri: string, edits: LspTextEdit[], selection?: LspRange): Promise<void> {
  if (!client) return;
  const converter = client.protocol2CodeConverter;
  const target = converter.asUri(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.set(target, (await converter.asTextEdits(edits)) ?? []);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The quick fix could not be applied to {0}.', vscode.workspace.asRelativePath(target)),
    );
    return;
  }
  if (!selection) return;
  const active = vscode.window.activeTextEditor;
  const editor = active && active.document.uri.toString() === target.toString() ? active : await vscode.window.showTextDocument(target);
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

/** A manifest to ask about: the document, and the cursor when it is in the active editor. */
interface Manifest {
  document: vscode.TextDocument;
  position?: vscode.Position;
}

/**
 * The manifest a scenario command is about: the one its menu was opened on (editor title or context
 * menu pass its URI), else the active editor's. Undefined, after telling the user, when there is none.
 */
async function manifestFor(resource: unknown): Promise<Manifest | undefined> {
  const editor = vscode.window.activeTextEditor;
  let document = editor?.document;
  if (resource instanceof vscode.Uri && resource.toString() !== document?.uri.toString()) {
    document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString()) ??
      (await vscode.workspace.openTextDocument(resource).then(
        (d) => d,
        () => undefined,
      ));
  }
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a CSP Partners manifest (csp-partners.yaml) in the editor to check scenarios.'),
    );
    return undefined;
  }
  return { document, position: editor?.document === document ? editor.selection.active : undefined };
}

/**
 * `cspPartners.checkScenario` (`all` false): pick one of the seven questions, then the customer or
 * partner it is about when it needs one; `cspPartners.checkAllScenarios` (`all` true): the seven on
 * the whole manifest. The server answers; the report opens beside the manifest as a Markdown preview.
 * A question given to `cspPartners.checkScenario` as its argument (keybindings, tests) shows no picker.
 */
async function checkScenario(context: vscode.ExtensionContext, resource: unknown, all: boolean, given?: ScenarioQuestion): Promise<void> {
  const manifest = await manifestFor(resource);
  if (!manifest) return;
  const running = client;
  if (!running?.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The CSP Partners language server is not running; restart it and try again.'));
    return;
  }
  const c2p = running.code2ProtocolConverter;
  const textDocument = { uri: c2p.asUri(manifest.document.uri) };
  const fileName = path.posix.basename(manifest.document.uri.path) || manifest.document.uri.toString();
  try {
    let question: ScenarioQuestion = given ?? { scenario: 'all' };
    if (!all && !given) {
      const params: SubjectsParams = { textDocument, position: manifest.position && c2p.asPosition(manifest.position) };
      const subjects = await running.sendRequest<SubjectsAnswer | null>(SUBJECTS_REQUEST, params);
      if (!subjects) return failed();
      const picked = await pickQuestion(subjects, fileName);
      if (!picked) return;
      question = picked;
    }
    const reportUri = reportUriFor(context, manifest.document.uri);
    const params: ScenarioParams = { textDocument, ...question, reportUri: c2p.asUri(reportUri) };
    const answer = await running.sendRequest<ScenarioAnswer | null>(SCENARIO_REQUEST, params);
    if (!answer) return failed();
    await showReport(reportUri, answer.markdown);
  } catch (error) {
    // The server's refusals (an unknown customer or partner) come in the user's language.
    void vscode.window.showErrorMessage(messageOf(error));
  }
}

function failed(): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('The scenario check failed; the output of the CSP Partners language server says why.'));
}

type QuestionItem = vscode.QuickPickItem & { scenario?: ScenarioNumber | 'all'; subjectKind?: SubjectKind };
type SubjectItem = vscode.QuickPickItem & { id?: string };

/** The question (one of the seven, or all), then whom it is about; undefined when the user cancels. */
async function pickQuestion(subjects: SubjectsAnswer, fileName: string): Promise<ScenarioQuestion | undefined> {
  const items: QuestionItem[] = [
    ...subjects.questions.map((q) => ({ label: `${q.scenario}. ${q.question}`, scenario: q.scenario, subjectKind: q.subjectKind })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: vscode.l10n.t('All scenarios'), description: vscode.l10n.t('the seven questions on the whole manifest'), scenario: 'all' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Check Scenario: {0}', fileName),
    placeHolder: vscode.l10n.t('Which question should the manifest answer?'),
    matchOnDescription: true,
  });
  if (!picked?.scenario) return undefined;
  if (picked.scenario === 'all' || !picked.subjectKind) return { scenario: picked.scenario };
  const kind = picked.subjectKind;
  const id = await pickSubject(subjects, kind, picked.label);
  if (id === undefined) return undefined;
  // '' is "all customers" / "all partners": the question about every one of them.
  return id ? { scenario: picked.scenario, [kind]: id } : { scenario: picked.scenario };
}

/**
 * The customer or partner a question is about: the one at the cursor first and preselected, then
 * "All customers" / "All partners" (answered as ''), then the others. Undefined when the user cancels.
 */
async function pickSubject(subjects: SubjectsAnswer, kind: SubjectKind, title: string): Promise<string | undefined> {
  const entities =
    kind === 'customer'
      ? subjects.customers.map((c) => ({ id: c.id, description: [c.name, c.region].filter(Boolean).join(' · ') }))
      : subjects.partners.map((p) => ({ id: p.id, description: [p.name, p.type, p.region].filter(Boolean).join(' · ') }));
  if (entities.length === 0) return '';
  const here = [subjects.atCursor, subjects.entry].find((s) => s?.kind === kind)?.id;
  const atCursor = entities.find((e) => e.id === here);
  const everyone: SubjectItem = { label: kind === 'customer' ? vscode.l10n.t('All customers') : vscode.l10n.t('All partners'), id: '' };
  const item = (e: { id: string; description: string }): SubjectItem => ({ label: e.id, description: e.description, id: e.id });
  const items: SubjectItem[] = [
    ...(atCursor ? [{ ...item(atCursor), detail: vscode.l10n.t('At the cursor') }] : []),
    everyone,
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...entities.filter((e) => e !== atCursor).map(item),
  ];
  const quickPick = vscode.window.createQuickPick<SubjectItem>();
  quickPick.title = title;
  quickPick.placeholder = kind === 'customer' ? vscode.l10n.t('Which customer?') : vscode.l10n.t('Which partner?');
  quickPick.matchOnDescription = true;
  quickPick.items = items;
  quickPick.activeItems = [items[0]];
  try {
    return await new Promise<string | undefined>((resolve) => {
      quickPick.onDidAccept(() => {
        resolve(quickPick.selectedItems[0]?.id);
        quickPick.hide();
      });
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    quickPick.dispose();
  }
}

/**
 * Where a manifest's report is written: a real file in the extension's storage, one folder per
 * manifest. Not an untitled or virtual document: the Markdown preview follows only links without a
 * scheme, resolved against the previewed document's own URI, so the server writes the links to the
 * manifest (`…/csp-partners.yaml#L12`) and to the rule pages relative to this file.
 */
function reportUriFor(context: vscode.ExtensionContext, manifest: vscode.Uri): vscode.Uri {
  const name = path.posix.basename(manifest.path).replace(/[\\/:*?"<>|]/g, '_') || 'manifest';
  return vscode.Uri.joinPath(context.globalStorageUri, 'scenario-reports', hash(manifest.toString()), `${name}.scenarios.md`);
}

/** FNV-1a, 32 bits, in hex: a short stable folder name per manifest. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Writes the report and shows it as a locked Markdown preview beside the manifest (as text when there is no Markdown preview). */
async function showReport(reportUri: vscode.Uri, markdown: string): Promise<void> {
  await writeReport(reportUri, markdown);
  try {
    // Locked: the preview keeps showing the report when another Markdown editor becomes active.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', reportUri, { locked: true });
  } catch {
    await vscode.window.showTextDocument(reportUri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

/**
 * The report file gets the new text. When the preview of an earlier run still has it open, the text
 * goes through that document (edit, then save): a file changed behind an open document outside the
 * workspace is not always reloaded, and the preview shows the document.
 */
async function writeReport(reportUri: vscode.Uri, markdown: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reportUri.toString());
  if (open && !open.isClosed) {
    if (open.getText() === markdown && !open.isDirty) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(reportUri, new vscode.Range(0, 0, open.lineCount, 0), markdown);
    if ((await vscode.workspace.applyEdit(edit)) && (await open.save())) return;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(reportUri, '..'));
  await vscode.workspace.fs.writeFile(reportUri, new TextEncoder().encode(markdown));
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
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.render();
      }),
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
      count(
        status.customers,
        vscode.l10n.t('{0} customer', format(status.customers)),
        vscode.l10n.t('{0} customers', format(status.customers)),
      ),
      count(
        status.subscriptions,
        vscode.l10n.t('{0} subscription', format(status.subscriptions)),
        vscode.l10n.t('{0} subscriptions', format(status.subscriptions)),
      ),
    ].join(' · ');
    const checked = vscode.l10n.t('checked at {0} in {1} ms', clock(status.checkedAt), format(status.durationMs));
    // With checks on save, the counts can be those of an older version of the text.
    this.item.detail =
      status.version < document.version && runsOnSave(document) ? vscode.l10n.t('{0}; edited since, checks run on save', checked) : checked;
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
