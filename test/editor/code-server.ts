// A real VS Code for the editor suites: code-server (VS Code's server and web workbench, pinned in
// e2e/editor/ and installed by e2e/install.sh) on 127.0.0.1, driven by Debian's chromium through
// playwright-core. Shared by the extension-host driver (test/vscode/run-editor.ts) and the UI tests.
//
// Everything a run writes stays in one temporary "sandbox" folder (workspace, user data, extensions,
// XDG dirs, logs): code-server writes ~/.config/code-server and ~/.local/share/code-server otherwise.
// code-server runs in its own process group, so that stopping it also ends the extension host and
// the language server; the sandbox is removed only after the whole group has exited.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, WriteStream, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { repoRoot } from '../support';

/** The code-server that e2e/install.sh installs, and its pinned version (e2e/editor/package.json). */
export const codeServerBin = path.join(repoRoot, 'e2e', 'editor', 'node_modules', '.bin', 'code-server');
export const codeServerVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, 'e2e', 'editor', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
).dependencies['code-server'];
/** Debian's chromium; CSP_E2E_CHROMIUM points elsewhere. */
export const chromiumPath = process.env.CSP_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless chromium in a container, offline, without a first-run or sync. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings for a quiet workbench: no trust prompt, welcome page, tips, telemetry, updates, AI or auto save. */
export const USER_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
};

/** The temporary folders of one run. */
export interface Sandbox {
  root: string;
  /** The folder the workbench opens. */
  workspace: string;
  userData: string;
  extensions: string;
  /** XDG_CONFIG_HOME and XDG_DATA_HOME of code-server. */
  xdg: string;
  /** Logs of code-server, the browser console and the driver. */
  logs: string;
}

/**
 * Creates the sandbox: an empty workspace folder (or a copy of `workspaceFrom`), user data with
 * `USER_SETTINGS` (plus `settings`), and empty extension and XDG folders.
 */
export function createSandbox(options: { prefix?: string; workspaceFrom?: string; settings?: Record<string, unknown> } = {}): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'csp-editor-'));
  const sandbox: Sandbox = {
    root,
    workspace: path.join(root, 'workspace'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    logs: path.join(root, 'logs'),
  };
  for (const dir of [sandbox.workspace, sandbox.extensions, sandbox.xdg, sandbox.logs, path.join(sandbox.userData, 'User')])
    mkdirSync(dir, { recursive: true });
  if (options.workspaceFrom) cpSync(options.workspaceFrom, sandbox.workspace, { recursive: true });
  writeFileSync(path.join(sandbox.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  writeFileSync(path.join(sandbox.root, 'config.yaml'), 'auth: none\n');
  return sandbox;
}

export function removeSandbox(sandbox: Sandbox): void {
  rmSync(sandbox.root, { recursive: true, force: true });
}

/** The environment of every code-server process: its config and data stay in the sandbox. */
export function codeServerEnv(sandbox: Sandbox, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: sandbox.xdg, XDG_DATA_HOME: sandbox.xdg, ...env };
}

/** Arguments that keep code-server's state in the sandbox. */
function stateArgs(sandbox: Sandbox): string[] {
  return ['--config', path.join(sandbox.root, 'config.yaml'), '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
}

/** Fails with a hint when e2e/install.sh has not run (or chromium is missing). */
export function assertInstalled(): void {
  const missing: string[] = [];
  if (!existsSync(codeServerBin)) missing.push(`code-server ${codeServerVersion} (${path.relative(repoRoot, codeServerBin)})`);
  if (!existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  if (missing.length) throw new Error(`missing ${missing.join(' and ')}: run \`bash e2e/install.sh\` first`);
}

/** Installs a packaged extension (.vsix) into the sandbox the way a user does, with `--install-extension`. */
export function installExtension(sandbox: Sandbox, vsix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      codeServerBin,
      [...stateArgs(sandbox), '--install-extension', vsix],
      { env: codeServerEnv(sandbox), timeout: 120_000 },
      (error, stdout, stderr) => {
        writeFileSync(path.join(sandbox.logs, 'install-extension.log'), `${stdout}${stderr}`);
        if (error) reject(new Error(`code-server --install-extension ${vsix} failed: ${error.message}\n${stdout}${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** A port nobody listens on right now (code-server is started on it right after; a lost race is retried). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  process: ChildProcess;
  /** code-server's own output. */
  logFile: string;
  /** Resolves with the exit code (or signal name) when the code-server process exits. */
  exited: Promise<number | string>;
  /** The workbench URL that opens `folder` (the sandbox workspace by default), with a `payload` when given. */
  url(options?: { folder?: string; payload?: [string, string][] }): string;
  /** The remote authority the workbench gives file URIs of the server side (`vscode-remote://<authority>/path`). */
  remoteAuthority(): Promise<string>;
  /** Ends code-server and every process it started; idempotent. */
  stop(): Promise<void>;
}

const LISTENING = /HTTP server listening on (\S+)/;

/**
 * Starts code-server on 127.0.0.1 on a free port, in its own process group, and resolves when it
 * listens. `env` goes to code-server and so to the extension host (the test suites read it there).
 */
export async function startCodeServer(
  sandbox: Sandbox,
  options: { env?: Record<string, string>; args?: string[]; timeoutMs?: number } = {},
): Promise<CodeServer> {
  assertInstalled();
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    try {
      return await startOn(sandbox, port, options, attempt);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortTakenError)) throw error;
    }
  }
  throw lastError;
}

class PortTakenError extends Error {}

async function startOn(
  sandbox: Sandbox,
  port: number,
  options: { env?: Record<string, string>; args?: string[]; timeoutMs?: number },
  attempt: number,
): Promise<CodeServer> {
  const logFile = path.join(sandbox.logs, attempt === 1 ? 'code-server.log' : `code-server.${attempt}.log`);
  const log = createWriteStream(logFile);
  log.on('error', () => undefined);
  const args = [
    ...stateArgs(sandbox),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.args ?? []),
    sandbox.workspace,
  ];
  const child = spawn(codeServerBin, args, { env: codeServerEnv(sandbox, options.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not listen within ${(options.timeoutMs ?? 60_000) / 1000} s; see ${logFile}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      // Output can still come while the group exits, after the log is closed.
      if (!log.writableEnded) log.write(chunk);
      if (output.length < 100_000) output += chunk.toString();
      if (LISTENING.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        /EADDRINUSE/.test(output)
          ? new PortTakenError(`port ${port} taken`)
          : new Error(`code-server exited (${code}) before listening; see ${logFile}\n${output.slice(-2000)}`),
      );
    });
  });
  const server: CodeServer = {
    port,
    origin,
    process: child,
    logFile,
    exited,
    url({ folder = sandbox.workspace, payload } = {}) {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    remoteAuthority: () => remoteAuthorityOf(server.url()).then((a) => a ?? `127.0.0.1:${port}`),
    stop: once(() => stopGroup(child, exited, log)),
  };
  try {
    await listening;
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

/**
 * SIGTERM to the process group, SIGKILL after 10 s, then waits until no process of the group is
 * left (VS Code's shutdown still writes into the user data folder while it exits).
 */
async function stopGroup(child: ChildProcess, exited: Promise<unknown>, log: WriteStream): Promise<void> {
  const pgid = child.pid;
  if (pgid !== undefined) {
    signalGroup(pgid, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => false), delay(10_000).then(() => true)]);
    if (killed) signalGroup(pgid, 'SIGKILL');
    await exited;
    // The group can outlive its leader (the extension host, the language server): end it too.
    for (let waited = 0; groupAlive(pgid) && waited < 10_000; waited += 100) {
      signalGroup(pgid, waited === 0 ? 'SIGTERM' : waited >= 5_000 ? 'SIGKILL' : 0);
      await delay(100);
    }
  }
  await new Promise<void>((resolve) => log.end(resolve));
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** code-server writes the workbench configuration into the page: `<meta id="vscode-workbench-web-configuration" data-settings="{…}">`. */
async function remoteAuthorityOf(url: string): Promise<string | undefined> {
  const html = await (await fetch(url)).text();
  const match = /id="vscode-workbench-web-configuration"[^>]*data-settings="([^"]*)"/.exec(html);
  if (!match) return undefined;
  const json = match[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const authority = (JSON.parse(json) as { remoteAuthority?: unknown }).remoteAuthority;
  return typeof authority === 'string' && authority ? authority : undefined;
}

/**
 * Debian's chromium, headless, with a fresh profile of its own (playwright's temporary one). With a
 * sandbox, its other files (crash reports, caches under XDG_CONFIG_HOME/XDG_CACHE_HOME) go there too.
 */
export function launchChromium(options: { sandbox?: Sandbox; headless?: boolean } = {}): Promise<Browser> {
  const env = options.sandbox
    ? ({ ...process.env, XDG_CONFIG_HOME: options.sandbox.xdg, XDG_CACHE_HOME: path.join(options.sandbox.xdg, 'cache') } as Record<
        string,
        string
      >)
    : undefined;
  return chromium.launch({ executablePath: chromiumPath, headless: options.headless ?? true, args: CHROMIUM_ARGS, env });
}

/**
 * How a driver run ends, on return or on Ctrl+C: the browser and code-server stop, then the sandbox is
 * removed after a pass (unless CSP_E2E_KEEP=1) or its logs are pointed at. `state` is read at the end.
 */
export function endOfRun(
  sandbox: Sandbox,
  state: () => { browser?: Browser; server?: CodeServer; passed: boolean },
  report: { say: (line: string) => void; printLogs: (sandbox: Sandbox) => void },
): { finish: () => Promise<void> } {
  const cleanup = async () => {
    const { browser, server, passed } = state();
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (passed && process.env.CSP_E2E_KEEP !== '1') removeSandbox(sandbox);
    else report.printLogs(sandbox);
  };
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    report.say(`${signal}: stopping code-server`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  /** Call once, in the driver's `finally`. */
  const finish = async () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (!interrupted) await cleanup();
  };
  return { finish };
}
