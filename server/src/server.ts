// The language server: wires the LSP connection to the core. Every feature lives in ./lsp and reads
// the one check per document version that ManifestStore keeps.
import {
  CodeActionKind,
  createConnection,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { Locale, localeOf } from './messages';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check } from './core/check';
import { channelGraph } from './core/graph';
import { BaselineFiles } from './lsp/baseline';
import { codeActions } from './lsp/code-actions';
import { completion } from './lsp/completion';
import { toDiagnostic } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { codeLenses, definition, documentSymbols, highlights, prepareRename, references, rename } from './lsp/navigation';
import { guard } from './lsp/guard';
import { notOpen, scenarioAnswer, subjects } from './lsp/scenarios';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ManifestDocument } from './lsp/document';
import { ManifestStore } from './lsp/store';
import { statusOf } from './lsp/status';
import {
  CHECK_FILE_REQUEST,
  CheckFileAnswer,
  CheckFileParams,
  FIX_ALL_KIND,
  GRAPH_REQUEST,
  GraphAnswer,
  GraphParams,
  SCENARIO_REQUEST,
  ScenarioAnswer,
  ScenarioParams,
  STATUS_NOTIFICATION,
  SUBJECTS_REQUEST,
  SubjectsAnswer,
  SubjectsParams,
} from './protocol';

const connection = createConnection(ProposedFeatures.all);
let store = new ManifestStore(connection, 'en');
// The store follows each change as it arrives, taking the text and lines the document made (once per version).
const documents = new TextDocuments<ManifestDocument>({
  create: ManifestDocument.create,
  update: (document, changes, version) => {
    const previousVersion = document.version;
    const applied = document.update(changes, version);
    try {
      store.changed(document.uri, previousVersion, applied, version);
    } catch (error) {
      // The document follows the client whatever happens here: the store reads it anew instead.
      store.forgetState(document.uri);
      connection.console.error(
        `csp-partners: incremental update failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    return document;
  },
});
/** The language of the messages the server writes itself (the checks carry their own). */
let locale: Locale = 'en';
/** Whether the client takes `workspace/diagnostic/refresh`; one that does not answers it with an error. */
let refreshSupport = false;
/** The workspace folders' paths: where a relative `cspPartners.baseline` is. */
let workspaceFolders: string[] = [];
const baselines = new BaselineFiles(
  () => workspaceFolders,
  (problem) => connection.console.warn(problem),
);

connection.onInitialize((params) => {
  locale = localeOf(params.locale);
  store.dispose();
  store = new ManifestStore(connection, locale);
  store.isOpen = isOpen;
  if (params.capabilities.workspace?.configuration) store.enableConfiguration();
  refreshSupport = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-', '*'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentHighlightProvider: true,
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'csp-partners' },
  };
});

/** Asks the client to pull every document's problems again. */
function refreshDiagnostics(): void {
  // A failed refresh must not take the server down (an unhandled rejection ends the process): the
  // client pulls again on its next edit anyway.
  if (refreshSupport)
    connection.languages.diagnostics
      .refresh()
      .catch((error: unknown) => connection.console.error(`csp-partners: diagnostic refresh failed: ${String(error)}`));
}

connection.onDidChangeConfiguration(() => {
  store.resetSettings();
  refreshDiagnostics();
});

// A baseline file in use changed on disk (the client watches JSON files): its findings are shown anew.
connection.onDidChangeWatchedFiles((params) => {
  const paths = params.changes.flatMap((change) => (change.uri.startsWith('file:') ? [fileURLToPath(change.uri)] : []));
  if (paths.some((file) => baselines.isInUse(file))) refreshDiagnostics();
});

documents.onDidClose((event) => store.forget(event.document.uri));
const isOpen = (uri: string) => documents.get(uri) !== undefined;

/** A feature that throws logs and answers nothing: the server and the other features carry on. */
const run = guard(connection);

connection.languages.diagnostics.on(
  run('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const entry = await store.resultFor(document);
    // An empty report would clear the problems the client shows: a cancelled pull is answered as cancelled.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    // The status is informative: a notification the connection could not send must not end the server.
    connection.sendNotification(STATUS_NOTIFICATION, statusOf(document, entry.result, entry.durationMs)).catch(() => undefined);
    const view = baselines.view(document.uri, await store.settingsFor(document.uri), entry.result, locale);
    const resultId = view.stamp ? `${entry.resultId}:${view.stamp}` : entry.resultId;
    // Same version, same settings, same baseline: the client keeps what it has instead of receiving it all again.
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: view.findings.map((f) => toDiagnostic(document.uri, f)) };
  }),
);

const withDocument = <P extends { textDocument: { uri: string } }, R>(
  name: string,
  empty: R,
  feature: (document: TextDocument, result: Awaited<ReturnType<ManifestStore['current']>>, params: P) => R,
) =>
  run(name, empty, async (params: P) => {
    const document = documents.get(params.textDocument.uri);
    return document ? feature(document, await store.current(document), params) : empty;
  });

connection.onCodeAction(withDocument('codeAction', [], codeActions));
connection.onCompletion(withDocument('completion', null, completion));
connection.onHover(withDocument('hover', null, hover));
connection.onDefinition(withDocument('definition', null, definition));
connection.onReferences(withDocument('references', null, references));
connection.onPrepareRename(withDocument('prepareRename', null, prepareRename));
connection.onRenameRequest(withDocument('rename', null, rename));
connection.onDocumentHighlight(withDocument('documentHighlight', null, highlights));
connection.onDocumentSymbol(withDocument('documentSymbol', null, documentSymbols));
connection.onCodeLens(withDocument('codeLens', null, codeLenses));

// Scenario checks (spec §5): a document the server does not have is an error the client shows, not an empty answer.
const withOpenDocument = <P extends { textDocument: { uri: string } }, R>(
  name: string,
  feature: (document: TextDocument, result: Awaited<ReturnType<ManifestStore['current']>>, params: P) => R,
) =>
  run(name, null, async (params: P) => {
    const document = documents.get(params?.textDocument?.uri);
    if (!document) throw notOpen(locale, params?.textDocument?.uri);
    return feature(document, await store.current(document), params);
  });
connection.onRequest(
  SUBJECTS_REQUEST,
  withOpenDocument('subjects', (document, result, params: SubjectsParams): SubjectsAnswer => subjects(document, result, params)),
);
connection.onRequest(
  SCENARIO_REQUEST,
  withOpenDocument('scenario', (document, result, params: ScenarioParams): ScenarioAnswer => scenarioAnswer(document, result, params)),
);

// The channel graph: the fully checked text (as the diagnostics are), its findings as the client shows them.
connection.onRequest(
  GRAPH_REQUEST,
  run('graph', null, async (params: GraphParams): Promise<GraphAnswer> => {
    const document = documents.get(params?.textDocument?.uri);
    if (!document) throw notOpen(locale, params?.textDocument?.uri);
    const entry = await store.resultFor(document);
    const view = baselines.view(document.uri, await store.settingsFor(document.uri), entry.result, locale);
    return { ...channelGraph(entry.result, view.findings, params.options ?? {}), version: entry.version };
  }),
);

// Workspace scope: a manifest that is not open is read from disk and checked, and nothing of it is kept
// (the client holds its diagnostics until the file changes). An unreadable file is an error answer.
connection.onRequest(
  CHECK_FILE_REQUEST,
  run('checkFile', { diagnostics: [] }, async (params: CheckFileParams): Promise<CheckFileAnswer> => {
    let text: string;
    try {
      text = readFileSync(fileURLToPath(params.uri), 'utf8');
    } catch (error) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `cannot read ${params.uri}: ${String(error)}`);
    }
    const settings = await store.settingsFor(params.uri);
    const result = check(text, { rules: settings.rules, locale });
    const view = baselines.view(params.uri, settings, result, locale);
    return { diagnostics: view.findings.map((f) => toDiagnostic(params.uri, f)) };
  }),
);

// The worker of whole-text parses ends with the server (it would not keep the process alive, but a parse may be running).
connection.onShutdown(() => store.dispose());

documents.listen(connection);
connection.listen();
