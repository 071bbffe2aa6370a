/**
 * Runs one case against the server and checks every answer: opens the document, sends each step's
 * edits, pulls diagnostics, asks the step's requests, and checks sync, determinism and fixes.
 */
import type { CodeAction, Command, Diagnostic, DocumentSymbol, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FIX_ALL_KIND, SCENARIO_REQUEST, SUBJECTS_REQUEST, SubjectsAnswer } from '../../server/src/protocol';
import { Failure, FuzzCase, Probe } from './case';
import { applyChanges, applyEdits, LspText } from './lsp-text';
import {
  added,
  completionProblems,
  diagnosticsDiffer,
  FixCandidate,
  fixEditProblems,
  fixesOfActions,
  fixOfWorkspaceEdit,
  INTERNAL_ERROR,
  messageOf,
  misplacedRanges,
  Problem,
  rangeProblem,
  selectionProblems,
  symbolsDiffer,
  syntaxMessages,
} from './oracles';
import type { Random } from './random';
import { Outcome, Session } from './session';

/**
 * How long a request may take: 2 s, plus 2 s for each 100 KB of text (a check reads the whole text,
 * so its time grows with it; the largest fuzzed texts are about 100 KB). Generous on purpose: a busy
 * machine must not report defects; a request that takes seconds on a small text is one.
 */
export const BUDGET_MS = 2000;
export const BUDGET_MS_PER_100_KB = 2000;
export const budgetFor = (textLength: number): number => BUDGET_MS + BUDGET_MS_PER_100_KB * (textLength / 100_000);
/** A request that takes this many budgets is a hang: the server is ended and started again. */
const HANG_BUDGETS = 10;

export interface RunOptions {
  /** Check each request against the time budget (not in the mocha run: the team has no timed assertions in tests). */
  timed: boolean;
  /** Fixes per step whose result is opened in the server to count its syntax errors: all, or a sample of this many. */
  fixesPerStep: number | 'all';
  /** Draws the sample of fixes. */
  rnd: Random;
}

export interface Tally {
  documents: number;
  edits: number;
  requests: number;
  fixesChecked: number;
  fixesApplied: number;
}

export const emptyTally = (): Tally => ({ documents: 0, edits: 0, requests: 0, fixesChecked: 0, fixesApplied: 0 });

/** The short name of a request in failure classes: `textDocument/hover` → hover. */
const shortName = (method: string) => method.replace(/^.*\//, '');

/** Requests that may refuse with an error by design: rename where there is no id (LSP's way to say "not here"). */
const mayRefuse = (method: string) => method === 'textDocument/prepareRename';

/** Stops the case: the server died or hung, the document is gone with it. */
class ServerLost extends Error {}

export async function runCase(session: Session, fuzzCase: FuzzCase, options: RunOptions, tally: Tally): Promise<Failure[]> {
  const run = new CaseRun(session, options, tally);
  try {
    await run.run(fuzzCase);
  } catch (error) {
    if (!(error instanceof ServerLost)) throw error;
  }
  return run.failures;
}

class CaseRun {
  readonly failures: Failure[] = [];
  private step = 0;
  private probe: Probe | undefined;

  constructor(
    private readonly session: Session,
    private readonly options: RunOptions,
    private readonly tally: Tally,
  ) {}

  async run(fuzzCase: FuzzCase): Promise<void> {
    this.tally.documents++;
    let text = fuzzCase.document;
    const uri = await this.session.open(text);
    let edited = false;
    try {
      let inFlight: Promise<boolean>[] = [];
      for (const [index, step] of fuzzCase.steps.entries()) {
        this.step = index;
        this.probe = undefined;
        if (step.changes.length) {
          await this.session.edits(uri, step.changes);
          text = applyChanges(text, step.changes);
          this.tally.edits++;
          edited = true;
        }
        if (step.burst && index < fuzzCase.steps.length - 1) {
          inFlight.push(this.pullInFlight(uri, text.length));
          continue;
        }
        if ((await Promise.all(inFlight)).includes(false)) throw new ServerLost();
        inFlight = [];
        const lines = new LspText(text);
        const diagnostics = await this.diagnostics(uri, lines);
        if (index === 0) await this.checkDeterminism(text);
        if (step.changes.length) await this.checkSync(uri, lines, diagnostics);
        const fixes: { fix: FixCandidate; probe: Probe }[] = [];
        for (const probe of step.probes) {
          this.probe = probe;
          for (const fix of await this.ask(probe, uri, lines, diagnostics)) fixes.push({ fix, probe });
        }
        await this.checkFixes(fixes, lines, diagnostics);
      }
      this.probe = undefined;
      if (edited) await this.checkDeterminism(text);
    } finally {
      await this.session.close(uri);
      this.session.sampleMemory();
    }
  }

  private fail(cls: string, detail: string, request?: { method: string; params: unknown }): void {
    this.failures.push({ cls, detail, step: this.step, probe: this.probe, request });
  }

  /**
   * A request and the checks every answer gets: an answer at all (no crash, no hang, no error), in
   * time, with no error logged meanwhile, and every range in it inside the document.
   */
  private async request<T>(method: string, params: unknown, lines: LspText, uri: string): Promise<T | undefined> {
    const budget = budgetFor(lines.text.length);
    const outcome: Outcome<T> = await this.session.request<T>(method, params, this.hangLimit(lines.text.length));
    this.tally.requests++;
    const request = { method, params };
    const name = shortName(method);
    for (const log of this.session.newErrorLogs()) {
      const handler = /^csp-partners: (.+?) failed/.exec(log)?.[1]?.replace('incremental update', 'didChange') ?? name;
      this.fail(`internal-error-${handler}`, log.split('\n').slice(0, 4).join(' | '), request);
    }
    switch (outcome.kind) {
      case 'crash':
        this.fail('crash', `the server died during ${method}: ${outcome.detail}`, request);
        throw new ServerLost();
      case 'hang':
        this.fail(`hang-${name}`, `${method} did not answer in ${Math.round(outcome.ms)} ms (${lines.text.length} characters)`, request);
        throw new ServerLost();
      case 'error':
        if (mayRefuse(method)) return undefined;
        this.fail(`error-response-${name}`, `${method} answered error ${outcome.error.code}: ${outcome.error.message}`, request);
        return undefined;
      default:
        if (this.options.timed && outcome.ms > budget) {
          const took = `${Math.round(outcome.ms)} ms, budget ${Math.round(budget)} ms (${lines.text.length} characters)`;
          this.fail(`slow-${name}`, `${method} took ${took}`, request);
        }
        for (const problem of misplacedRanges(outcome.value, lines, uri)) this.fail(`${problem.check}-${name}`, problem.detail, request);
        return outcome.value;
    }
  }

  /** When a request on a text this long counts as a hang; none in the mocha run (there, mocha's own timeout is the guard). */
  private hangLimit(textLength: number): number | undefined {
    return this.options.timed ? budgetFor(textLength) * HANG_BUDGETS : undefined;
  }

  private report(problems: Problem[], method: string, request?: { method: string; params: unknown }): void {
    for (const problem of problems) this.fail(`${problem.check}-${shortName(method)}`, problem.detail, request);
  }

  private async diagnostics(uri: string, lines: LspText): Promise<Diagnostic[]> {
    const params = { textDocument: { uri } };
    const request = { method: 'textDocument/diagnostic', params };
    const report = await this.request<{ items: Diagnostic[] }>(request.method, params, lines, uri);
    const items = report?.items ?? [];
    for (const d of items) {
      if (INTERNAL_ERROR.test(messageOf(d))) this.fail('internal-error-finding', `${d.code}: ${messageOf(d)}`, request);
    }
    return items;
  }

  /** A pull sent while edits keep coming: it must be answered (for whichever version), not fail. False when the server was lost. */
  private async pullInFlight(uri: string, textLength: number): Promise<boolean> {
    const params = { textDocument: { uri } };
    const outcome = await this.session.request('textDocument/diagnostic', params, this.hangLimit(textLength));
    this.tally.requests++;
    const request = { method: 'textDocument/diagnostic', params };
    if (outcome.kind === 'crash') this.fail('crash', `the server died during a pull while edits came in: ${outcome.detail}`, request);
    if (outcome.kind === 'hang') this.fail('hang-diagnostic', `a pull while edits came in: none in ${Math.round(outcome.ms)} ms`, request);
    if (outcome.kind === 'error') {
      const { code, message } = outcome.error;
      this.fail('error-response-diagnostic', `a pull while edits came in answered error ${code}: ${message}`, request);
    }
    return outcome.kind !== 'crash' && outcome.kind !== 'hang';
  }

  private async symbols(uri: string, lines: LspText): Promise<DocumentSymbol[] | null> {
    const params = { textDocument: { uri } };
    const symbols = await this.request<DocumentSymbol[] | null>('textDocument/documentSymbol', params, lines, uri);
    this.report(selectionProblems(symbols ?? null), 'documentSymbol', { method: 'textDocument/documentSymbol', params });
    return symbols ?? null;
  }

  /** The diagnostics and outline of `text` opened whole under a new URI, closed again (a case opens dozens of texts). */
  private async whole(text: string): Promise<{ diagnostics: Diagnostic[]; symbols: DocumentSymbol[] | null }> {
    const uri = await this.session.open(text);
    try {
      const lines = new LspText(text);
      return { diagnostics: await this.diagnostics(uri, lines), symbols: await this.symbols(uri, lines) };
    } finally {
      await this.session.close(uri);
    }
  }

  /** The same text opened whole twice gives the same answers. */
  private async checkDeterminism(text: string): Promise<void> {
    const first = await this.whole(text),
      second = await this.whole(text);
    const differs =
      diagnosticsDiffer(first.diagnostics, second.diagnostics, 'first', 'second') ??
      symbolsDiffer(first.symbols, second.symbols, 'first', 'second');
    if (differs) this.fail(`nondeterministic-${differs.what}`, differs.detail);
  }

  /** After the edits so far, the document answers as the same text opened whole. */
  private async checkSync(uri: string, lines: LspText, diagnostics: Diagnostic[]): Promise<void> {
    const whole = await this.whole(lines.text);
    const differs =
      diagnosticsDiffer(diagnostics, whole.diagnostics, 'edited', 'opened whole') ??
      symbolsDiffer(await this.symbols(uri, lines), whole.symbols, 'edited', 'opened whole');
    if (differs) this.fail(`out-of-sync-${differs.what}`, differs.detail);
  }

  private async codeActions(uri: string, range: Range, context: object, lines: LspText): Promise<FixCandidate[]> {
    const params = { textDocument: { uri }, range, context };
    const actions = await this.request<(CodeAction | Command)[] | null>('textDocument/codeAction', params, lines, uri);
    return fixesOfActions(actions ?? null, uri);
  }

  /** Asks one probe's request(s); returns the fixes they offered, for checkFixes. */
  private async ask(probe: Probe, uri: string, lines: LspText, diagnostics: Diagnostic[]): Promise<FixCandidate[]> {
    const textDocument = { uri };
    const position = probe.position ?? { line: 0, character: 0 };
    const at = { textDocument, position };
    switch (probe.kind) {
      case 'hover':
        await this.request('textDocument/hover', at, lines, uri);
        return [];
      case 'definition':
        await this.request('textDocument/definition', at, lines, uri);
        return [];
      case 'highlight':
        await this.request('textDocument/documentHighlight', at, lines, uri);
        return [];
      case 'references':
        await this.request('textDocument/references', { ...at, context: { includeDeclaration: true } }, lines, uri);
        return [];
      case 'subjects':
        await this.request(SUBJECTS_REQUEST, at, lines, uri);
        return [];
      case 'codeLens':
        await this.request('textDocument/codeLens', { textDocument }, lines, uri);
        return [];
      case 'symbols':
        await this.symbols(uri, lines);
        return [];
      case 'completion': {
        const params = { ...at, context: { triggerKind: 1 } };
        const items = await this.request<Parameters<typeof completionProblems>[0]>('textDocument/completion', params, lines, uri);
        this.report(completionProblems(items ?? null, position), 'completion', { method: 'textDocument/completion', params });
        return [];
      }
      case 'rename': {
        const prepared = await this.request<{ range: Range } | null>('textDocument/prepareRename', at, lines, uri);
        if (!prepared) return [];
        const params = { ...at, newName: `renamed-${this.step}` };
        const edit = await this.request<WorkspaceEdit | null>('textDocument/rename', params, lines, uri);
        return edit ? [fixOfWorkspaceEdit(`rename to ${params.newName}`, 'rename', edit, uri)] : [];
      }
      case 'codeAction': {
        // The quick fixes of the diagnostics on the line, as VS Code asks for them at the cursor.
        const line = lines.rangeOf(lines.starts[position.line], lines.ends[position.line]);
        const inLine = diagnostics.filter((d) => d.range.start.line <= position.line && position.line <= d.range.end.line);
        return this.codeActions(uri, line, { diagnostics: inLine, triggerKind: 1 }, lines);
      }
      case 'quickFixes': {
        // Every diagnostic at once, as when the whole text is selected: the quick fixes of them all.
        return this.codeActions(uri, lines.rangeOf(0, lines.text.length), { diagnostics, triggerKind: 1 }, lines);
      }
      case 'fixAll': {
        return this.codeActions(uri, lines.rangeOf(0, lines.text.length), { diagnostics, only: [FIX_ALL_KIND], triggerKind: 2 }, lines);
      }
      case 'scenario': {
        const subjects = await this.request<SubjectsAnswer>(SUBJECTS_REQUEST, { textDocument }, lines, uri);
        const scenario = probe.scenario ?? 'all';
        const params: Record<string, unknown> = { textDocument, scenario };
        const index = probe.subject ?? -1;
        const pick = (list: { id: string }[] | undefined) => (list?.length && index >= 0 ? list[index % list.length].id : undefined);
        if (scenario !== 'all' && scenario <= 3) params.customer = pick(subjects?.customers);
        if (scenario === 4) params.partner = pick(subjects?.partners);
        await this.request(SCENARIO_REQUEST, params, lines, uri);
        return [];
      }
    }
  }

  /**
   * Every fix's edits are apart and inside the document; applied (by our own applier), a fix leaves no
   * YAML syntax error the document did not have. Opening each result costs a check of the whole text:
   * outside the short test run, a sample is opened.
   */
  private async checkFixes(fixes: { fix: FixCandidate; probe: Probe }[], lines: LspText, diagnostics: Diagnostic[]): Promise<void> {
    const results = new Map<string, { fix: FixCandidate; probe: Probe }>();
    for (const { fix, probe } of fixes) {
      this.probe = probe;
      this.tally.fixesChecked++;
      const problems = fixEditProblems(fix, lines);
      for (const problem of problems) this.fail(problem.check, problem.detail);
      if (problems.length) continue;
      const after = applyEdits(lines.text, fix.edits);
      if (fix.selection) {
        const wrong = rangeProblem(fix.selection, new LspText(after));
        if (wrong) this.fail(`fix-selection-${fix.origin}`, `"${fix.title}": the selection after the edit ${wrong}`);
      }
      if (!results.has(after)) results.set(after, { fix, probe });
    }
    const chosen = [...results.entries()];
    const sample = this.options.fixesPerStep === 'all' ? chosen : sampleOf(chosen, this.options.fixesPerStep, this.options.rnd);
    const before = syntaxMessages(diagnostics);
    for (const [after, { fix, probe }] of sample) {
      this.tally.fixesApplied++;
      const { diagnostics: afterDiagnostics } = await this.whole(after);
      const fresh = added(before, syntaxMessages(afterDiagnostics));
      this.probe = probe;
      if (fresh.length) {
        const edits = JSON.stringify(fix.edits).slice(0, 400);
        const errors = fresh.slice(0, 3).join(' | ');
        this.fail(`fix-syntax-${fix.origin}`, `"${fix.title}" (edits ${edits}) leaves new YAML syntax errors: ${errors}`);
      }
    }
    this.probe = undefined;
  }
}

function sampleOf<T>(list: T[], count: number, rnd: Random): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(rnd.int(pool.length), 1)[0]);
  return out;
}
