/**
 * One server process for many documents (test/lsp/harness.ts), started again when it dies or hangs.
 * Every request is timed and raced against the process's exit, so a crash is a finding, not a stuck
 * fuzzer.
 */
import { readFileSync } from 'node:fs';
import { Range, ResponseError } from 'vscode-languageserver-protocol';
import { Harness, startServer } from '../lsp/harness';

export type Outcome<T> =
  | { kind: 'answer'; value: T; ms: number }
  | { kind: 'error'; error: ResponseError<unknown>; ms: number }
  | { kind: 'crash'; detail: string; ms: number }
  | { kind: 'hang'; ms: number };

export class Session {
  private harness!: Harness;
  private names = 0;
  /** Error log lines already attributed to a request. */
  private seenErrorLogs = 0;
  private restarting: Promise<void> | undefined;
  restarts = 0;
  peakRssKb = 0;

  static async start(): Promise<Session> {
    const session = new Session();
    await session.launch();
    return session;
  }

  private async launch(): Promise<void> {
    this.harness = await startServer();
    const child = this.harness.process;
    // Writing to a server that just died fails; the exit is what reports it.
    child.stdin!.on('error', () => undefined);
    this.seenErrorLogs = 0;
  }

  get alive(): boolean {
    return this.harness.process.exitCode === null && this.harness.process.signalCode === null;
  }

  /** A fresh document name: no two documents of a run share a URI. */
  nextName(): string {
    return `fuzz-${this.names++}.csp-partners.yaml`;
  }

  async open(text: string): Promise<string> {
    return this.harness.open(this.nextName(), text);
  }

  async edits(uri: string, changes: { range: Range; text: string }[]): Promise<void> {
    await this.harness.edits(uri, changes).catch(() => undefined);
  }

  async close(uri: string): Promise<void> {
    await this.harness.close(uri).catch(() => undefined);
  }

  /** Error log lines that arrived since the last call (the server writes them before it answers). */
  newErrorLogs(): string[] {
    const logs = this.harness.errorLogs.slice(this.seenErrorLogs);
    this.seenErrorLogs = this.harness.errorLogs.length;
    return logs;
  }

  /**
   * A request, timed. `hangAfterMs` (none: wait as long as it takes) ends a server that does not
   * answer; a server that dies or hangs is started again, and the outcome says so.
   */
  async request<T>(method: string, params: unknown, hangAfterMs?: number): Promise<Outcome<T>> {
    const started = performance.now();
    const ms = () => performance.now() - started;
    let timer: NodeJS.Timeout | undefined;
    const answer = this.harness.request<T>(method, params).then(
      (value): Outcome<T> => ({ kind: 'answer', value, ms: ms() }),
      (error: unknown): Outcome<T> =>
        error instanceof ResponseError ? { kind: 'error', error, ms: ms() } : { kind: 'crash', detail: String(error), ms: ms() },
    );
    // The exit is watched with a listener taken off after the answer: a promise that stays pending for the
    // server's life would keep every request's race, and so every answer, reachable (a long run ran out of heap).
    const child = this.harness.process;
    let onExit: ((code: number | null, signal: string | null) => void) | undefined;
    const exit = new Promise<Outcome<T>>((resolve) => {
      onExit = (code, signal) => resolve({ kind: 'crash', detail: `exit code ${code}, signal ${signal}`, ms: ms() });
      if (this.alive) child.once('exit', onExit);
      else onExit(child.exitCode, child.signalCode);
    });
    const hang = new Promise<Outcome<T>>((resolve) => {
      if (hangAfterMs !== undefined) timer = setTimeout(() => resolve({ kind: 'hang', ms: ms() }), hangAfterMs);
    });
    const asked = this.harness;
    const outcome = await Promise.race([answer, exit, hang]);
    child.off('exit', onExit!);
    clearTimeout(timer);
    if (outcome.kind === 'crash') {
      const stderr = asked.stderrTail().trim();
      await this.restartOnce(asked);
      return { ...outcome, detail: `${outcome.detail}${stderr ? `; stderr: ${stderr}` : ''}` };
    }
    if (outcome.kind === 'hang') await this.restartOnce(asked);
    return outcome;
  }

  /** Reads the server's peak resident set size (VmHWM) while it runs. */
  sampleMemory(): void {
    try {
      const status = readFileSync(`/proc/${this.harness.process.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
      this.peakRssKb = Math.max(this.peakRssKb, kb);
    } catch {
      // not Linux, or the process is gone
    }
  }

  /** Forgets what the harness keeps per notification (statuses, logs), which would grow over a long run. */
  trim(): void {
    this.harness.statuses.length = 0;
    this.harness.logs.length = 0;
    this.harness.errorLogs.length = 0;
    this.seenErrorLogs = 0;
  }

  /** Requests in flight together see the same crash: the first to see it starts the server again, the others wait for that. */
  private async restartOnce(crashed: Harness): Promise<void> {
    if (!this.restarting && this.harness === crashed)
      this.restarting = this.restart().finally(() => {
        this.restarting = undefined;
      });
    await this.restarting;
  }

  async restart(): Promise<void> {
    this.restarts++;
    await this.stop();
    await this.launch();
  }

  async stop(): Promise<void> {
    this.sampleMemory();
    if (this.alive) {
      // A server that hangs would not answer `shutdown` either.
      const stopped = this.harness.stop().then(() => true);
      const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
      if (await Promise.race([stopped, late])) return;
    }
    this.harness.connection.dispose();
    this.harness.process.kill('SIGKILL');
  }
}
