// Pull diagnostics the way VS Code's language client does with `diagnosticPullOptions.onChange`
// (client/src/extension.ts): a `textDocument/diagnostic` request after every `didChange`; when one is
// still in flight, it is cancelled and one new request goes out once it has returned. The answer
// that counts for an edit is the first one to a request sent after that edit.
import { CancellationTokenSource, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { within } from './stats';

/** Generous: today's server takes tens of seconds on a 50k-customer manifest. */
export const REQUEST_TIMEOUT_MS = 10 * 60_000;

interface Waiter {
  change: number;
  resolve: (items: Diagnostic[]) => void;
  reject: (error: unknown) => void;
}

export class DiagnosticPuller {
  /** How many changes the client has sent (the open counts as the first). */
  private changes = 0;
  private inFlight?: { tokens: CancellationTokenSource; change: number };
  private reschedule = false;
  private waiters: Waiter[] = [];
  /** The last answer that counted, for a caller that asks after it arrived. */
  private latest?: { change: number; items: Diagnostic[] };
  /** Requests sent, for the results: a burst sends fewer than one per keystroke. */
  requests = 0;

  constructor(
    private readonly connection: ProtocolConnection,
    readonly uri: string,
  ) {}

  /** Call right after each didOpen / didChange was sent. */
  changed(): void {
    this.changes++;
    if (!this.inFlight) return this.send();
    this.inFlight.tokens.cancel();
    this.reschedule = true;
  }

  /** The diagnostics of the latest change; rejects after `REQUEST_TIMEOUT_MS`. */
  settled(): Promise<Diagnostic[]> {
    if (this.latest?.change === this.changes) return Promise.resolve(this.latest.items);
    const answer = new Promise<Diagnostic[]>((resolve, reject) => this.waiters.push({ change: this.changes, resolve, reject }));
    return within(answer, REQUEST_TIMEOUT_MS, `diagnostics of ${this.uri}`);
  }

  private send(): void {
    const request = { tokens: new CancellationTokenSource(), change: this.changes };
    this.inFlight = request;
    this.requests++;
    this.connection
      .sendRequest<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: this.uri } }, request.tokens.token)
      .then(
        (report) => this.answered(request, report?.items ?? []),
        (error: unknown) => this.failed(request, error),
      );
  }

  private answered(request: { tokens: CancellationTokenSource; change: number }, items: Diagnostic[]): void {
    this.inFlight = undefined;
    if (this.reschedule) {
      // A change came while this request ran: its answer may be older than the text, as VS Code assumes.
      this.reschedule = false;
      return this.send();
    }
    this.latest = { change: request.change, items };
    const ready = this.waiters.filter((w) => w.change <= request.change);
    this.waiters = this.waiters.filter((w) => w.change > request.change);
    for (const waiter of ready) waiter.resolve(items);
  }

  private failed(request: { tokens: CancellationTokenSource; change: number }, error: unknown): void {
    // A cancelled request may be answered with an error: that is the rescheduled case, not a failure.
    if (request.tokens.token.isCancellationRequested) return this.answered(request, []);
    this.inFlight = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
