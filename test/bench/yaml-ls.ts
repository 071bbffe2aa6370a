/**
 * The same manifest in `yaml-language-server` (Red Hat's YAML server, the usual alternative: YAML
 * plus our JSON Schema, none of our rules), over stdio like ours. It pushes diagnostics with
 * `textDocument/publishDiagnostics` (no version in them) after a 200 ms debounce of its own, so a
 * time here runs from a change to the next publish for the document, with the previous one awaited.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { uriOf } from '../lsp/harness';
import { repoRoot } from '../support';
import { Edit, OpenDocument } from './document';
import { planEdits } from './edits';
import { REQUEST_TIMEOUT_MS } from './pull';
import { peakRssMB, sleep, within } from './stats';

const packageDir = path.dirname(require.resolve('yaml-language-server/package.json'));
const schemaUri = pathToFileURL(path.join(repoRoot, 'schemas', 'csp-partners.schema.json')).href;

/** What VS Code's YAML extension would send with our schema mapped to manifests; nothing that reaches the network. */
const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemas: { [schemaUri]: '*.csp-partners.yaml' },
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

/** Answers to its `workspace/configuration` sections; `[yaml]` (language-scoped overrides) stays null. */
const SECTIONS: Record<string, object> = { yaml: YAML_SETTINGS, http: {}, editor: {} };

export interface YamlLsBench {
  customers: number;
  version: string;
  openMs: number[];
  /** (a) a character typed in a customer's name, and its undo (between runs only). */
  editMs: number[];
  undoMs: number[];
  diagnostics: number;
  /** What it said about a tiny manifest that breaks the schema: proof that our schema is applied. */
  schemaCheck: string;
  peakRssMB?: number;
}

export type YamlLsResult = YamlLsBench | { customers: number; skipped: string };

export const yamlLsVersion = (): string =>
  (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

/** Not under `.bench/`: its schema globs (picomatch) skip folders whose names start with a dot. */
const docUri = (name: string): string => uriOf(name);

class YamlLsClient {
  private readonly waiters = new Map<string, (diagnostics: Diagnostic[]) => void>();
  private stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    private readonly configured: Promise<void>,
  ) {
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.waiters.get(params.uri)?.(params.diagnostics);
      this.waiters.delete(params.uri);
    });
  }

  static async start(): Promise<YamlLsClient> {
    const bin = path.join(packageDir, 'bin', 'yaml-language-server');
    const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    let answered: () => void = () => undefined;
    const configured = new Promise<void>((resolve) => {
      answered = resolve;
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      setImmediate(answered);
      return params.items.map((item) => SECTIONS[item.section ?? ''] ?? null);
    });
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create']) connection.onRequest(method, () => null);
    const client = new YamlLsClient(connection, child, configured);
    connection.listen();
    await within(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(repoRoot).href,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true } },
        },
      }),
      REQUEST_TIMEOUT_MS,
      'yaml-language-server initialize',
    );
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });
    return client;
  }

  /** Settings asked and answered; a moment for the server to apply them (it does so asynchronously). */
  async ready(): Promise<void> {
    await within(this.configured, 60_000, 'yaml-language-server asking for its settings');
    await sleep(200);
  }

  /** The next diagnostics published for `uri`: ask before sending the change they answer. */
  nextPublish(uri: string): Promise<Diagnostic[]> {
    const published = new Promise<Diagnostic[]>((resolve) => this.waiters.set(uri, resolve));
    return within(published, REQUEST_TIMEOUT_MS, `yaml-language-server diagnostics of ${uri}`);
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.nextPublish(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** The end of its stderr, to tell why it failed. */
  get lastWords(): string {
    return this.stderr.trim().split('\n').slice(-3).join(' | ');
  }

  async stop(): Promise<void> {
    try {
      await within(this.connection.sendRequest('shutdown'), 10_000, 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // gone or stuck: killed below
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** A cold open in a fresh server: didOpen to the first publish. */
async function coldOpen(uri: string, text: string): Promise<{ client: YamlLsClient; ms: number; diagnostics: Diagnostic[] }> {
  const client = await YamlLsClient.start();
  try {
    await client.ready();
    const started = performance.now();
    const diagnostics = await client.open(uri, text);
    return { client, ms: performance.now() - started, diagnostics };
  } catch (error) {
    await client.stop();
    throw new Error(`${(error as Error).message}${client.lastWords ? ` (stderr: ${client.lastWords})` : ''}`);
  }
}

/** A tiny manifest that breaks the schema (`manifestVersion` must be 1): the first message, or a failure when there is none. */
async function schemaCheck(client: YamlLsClient): Promise<string> {
  const diagnostics = await client.open(docUri('schema-check.csp-partners.yaml'), 'manifestVersion: 2\npartners: []\ncustomers: []\n');
  if (diagnostics.length === 0) throw new Error('our JSON Schema was not applied: no diagnostic for manifestVersion: 2');
  const { message } = diagnostics[0];
  return typeof message === 'string' ? message : message.value;
}

/** One change and the time until the next publish for the document. */
async function timedPublish(client: YamlLsClient, doc: OpenDocument, edit: Edit): Promise<{ ms: number; undo: Edit }> {
  const published = client.nextPublish(doc.uri);
  const { undo, sentAt } = await doc.change(edit);
  await published;
  return { ms: performance.now() - sentAt, undo };
}

/** Section 7: cold opens, then (a) and its undo, then peak RSS; any failure becomes a `skipped` entry with its reason. */
export async function benchYamlLs(text: string, customers: number, coldRuns: number, editRuns: number): Promise<YamlLsResult> {
  const uri = docUri(`yaml-ls-${customers}.csp-partners.yaml`);
  const result: YamlLsBench = { customers, version: yamlLsVersion(), openMs: [], editMs: [], undoMs: [], diagnostics: 0, schemaCheck: '' };
  let client: YamlLsClient | undefined;
  try {
    for (let run = 0; run < coldRuns; run++) {
      await client?.stop();
      const opened = await coldOpen(uri, text);
      client = opened.client;
      result.openMs.push(opened.ms);
      result.diagnostics = opened.diagnostics.length;
    }
    const doc = new OpenDocument(client!.connection, uri, text);
    const typed = planEdits(doc.model).single.find((e) => e.kind === 'type')!;
    await sleep(500); // a late second publish of the open (settings applied after it) must not count as the edit's
    for (let run = 0; run < editRuns; run++) {
      const edited = await timedPublish(client!, doc, typed);
      result.editMs.push(edited.ms);
      // The undo only matters for the next run: after the last one the server is stopped (at 50k it saves half a minute).
      if (run + 1 < editRuns) result.undoMs.push((await timedPublish(client!, doc, edited.undo)).ms);
    }
    result.schemaCheck = await schemaCheck(client!);
    result.peakRssMB = peakRssMB(client!.process.pid);
    return result;
  } catch (error) {
    return { customers, skipped: `yaml-language-server ${yamlLsVersion()}: ${(error as Error).message}` };
  } finally {
    await client?.stop();
  }
}
