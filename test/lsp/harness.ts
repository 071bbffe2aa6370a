// A real LSP client for tests: starts the bundled server (server/out/server.js) over stdio and speaks
// the protocol to it, the way VS Code does, with answers to the server's own requests.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, Range } from 'vscode-languageserver-protocol';
import { LANGUAGE_ID, SETTINGS_SECTION, STATUS_NOTIFICATION } from '../../server/src/protocol';
import { repoRoot } from '../support';

export interface Harness {
  connection: ProtocolConnection;
  initialize: InitializeResult;
  /** What the server gets when it asks `workspace/configuration` for `cspPartners`; tests may change it. */
  settings: { rules: Record<string, string>; run: string };
  /** Every `cspPartners/status` notification, in order. */
  statuses: unknown[];
  /** Log messages the server sent (errors from guarded handlers end up here). */
  logs: string[];
  /** The log messages of type Error among them: a guarded handler or an incremental update failed. */
  errorLogs: string[];
  open(name: string, text: string): Promise<string>;
  change(uri: string, text: string): Promise<void>;
  /** An incremental change, as VS Code sends one: `range` of the current text replaced by `text`. */
  edit(uri: string, range: Range, text: string): Promise<void>;
  /** Several incremental changes in one notification (a multi-cursor edit), each applied to the text the one before left. */
  edits(uri: string, changes: { range: Range; text: string }[]): Promise<void>;
  close(uri: string): Promise<void>;
  diagnostics(uri: string): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  stop(): Promise<void>;
  process: ChildProcess;
  /** The last part of what the server wrote to stderr (the stack of a crash). */
  stderrTail(): string;
}

export const serverPath = path.join(repoRoot, 'server', 'out', 'server.js');

export function uriOf(name: string): string {
  return pathToFileURL(path.join(repoRoot, 'test', 'lsp', 'virtual', name)).href;
}

/** `refreshSupport: false`: a client that cannot be asked to pull diagnostics again (it answers such a request with an error). */
export async function startServer(options: { locale?: string; refreshSupport?: boolean } = {}): Promise<Harness> {
  const refreshSupport = options.refreshSupport ?? true;
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const settings = { rules: {} as Record<string, string>, run: 'onType' };
  const statuses: unknown[] = [];
  const logs: string[] = [];
  const errorLogs: string[] = [];
  // Read, so that a server writing much to stderr never blocks on a full pipe; the end is kept for crash reports.
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === SETTINGS_SECTION ? settings : null)),
  );
  if (refreshSupport) connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification(STATUS_NOTIFICATION, (status: unknown) => {
    statuses.push(status);
  });
  connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    logs.push(m.message);
    if (m.type === 1) errorLogs.push(m.message);
  });
  connection.listen();

  const initialize = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(repoRoot).href,
    locale: options.locale ?? 'en',
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        rename: { prepareSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  await connection.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  const sendChanges = async (uri: string, contentChanges: { range: Range; text: string }[]) => {
    const version = (versions.get(uri) ?? 1) + 1;
    versions.set(uri, version);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  };
  return {
    connection,
    initialize,
    settings,
    statuses,
    logs,
    errorLogs,
    process: child,
    stderrTail: () => stderr,
    async open(name, text) {
      const uri = uriOf(name);
      versions.set(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text } });
      return uri;
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    edit: (uri, range, text) => sendChanges(uri, [{ range, text }]),
    edits: sendChanges,
    async close(uri) {
      versions.delete(uri);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async diagnostics(uri) {
      const report = await connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      return report.items;
    },
    request: (method, params) => connection.sendRequest(method, params),
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
