/**
 * The language server as the editor sees it: the bundled server (server/out/server.js) started by the
 * LSP test harness, spoken to over stdio only, so this keeps measuring the same things whatever the
 * server does inside. Times run from the moment a message is sent to the answer that reflects it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CodeAction, Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { Harness, startServer } from '../lsp/harness';
import { repoRoot } from '../support';
import { Edit, OpenDocument } from './document';
import { BURST_TEXT, EditKind, EditPlan, planEdits } from './edits';
import { DiagnosticPuller, REQUEST_TIMEOUT_MS } from './pull';
import { peakRssMB, repeatWithin, sleep, within } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
const BURST_INTERVAL_MS = 30;

export interface ServerBenchOptions {
  customers: number;
  coldRuns: number;
  /** Rounds of every edit kind at most, and the time after which no new round starts (at least one runs). */
  editRuns: number;
  editBudgetMs: number;
  /** Runs of hover / completion / code actions and of fix-all; 0 leaves them out. */
  featureRuns: number;
  /** Bare `parseDocument` of the text in this process, timed after each cold open. */
  parse: (text: string) => void;
}

export interface EditResult {
  kind: EditKind | 'burst';
  what: string;
  editMs: number[];
  undoMs: number[];
  /** Diagnostics before the edit, after it (first round); pull requests the client sent for it (VS Code's way). */
  diagnosticsBefore: number;
  diagnosticsAfter: number;
  pullRequests: number;
}

export interface FeatureResult {
  afterEditMs: number[];
  warmMs: number[];
  answer: string;
}

export interface ServerBench {
  customers: number;
  cold: { openMs: number[]; parseMs: number[]; diagnostics: number; peakRssAfterOpenMB: (number | undefined)[] };
  edits: EditResult[];
  features?: Record<'hover' | 'completion' | 'codeAction', FeatureResult>;
  fixAll?: { kind: string; requestMs: number[]; edits: number } | { skipped: string };
  /** VmHWM of the server process after cold open, edits, features and fix-all. */
  peakRssMB?: number;
}

/** The session the sections share: the server of the last cold open and its document. */
interface Session {
  server: Harness;
  doc: OpenDocument;
  puller: DiagnosticPuller;
  diagnostics: Diagnostic[];
}

const request = <R>(server: Harness, method: string, params: unknown): Promise<R> =>
  within(server.request<R>(method, params), REQUEST_TIMEOUT_MS, method);

/** didOpen in a fresh server, then pulls as VS Code does; the time until the first answer. */
async function coldOpen(name: string, text: string): Promise<{ session: Session; ms: number }> {
  const server = await startServer();
  try {
    const started = performance.now();
    const uri = await server.open(name, text);
    const puller = new DiagnosticPuller(server.connection, uri);
    puller.changed();
    const diagnostics = await puller.settled();
    const ms = performance.now() - started;
    return { session: { server, doc: new OpenDocument(server.connection, uri, text), puller, diagnostics }, ms };
  } catch (error) {
    await server.stop(); // a server left running would keep the bench from exiting
    throw error;
  }
}

function timeParse(parse: (text: string) => void, text: string): number {
  gc?.();
  const started = performance.now();
  parse(text);
  return performance.now() - started;
}

/** Section 1: each run in a fresh server (what a user waits for when VS Code starts with the file); the last one is kept. */
async function coldOpens(text: string, options: ServerBenchOptions): Promise<{ session: Session; cold: ServerBench['cold'] }> {
  const cold: ServerBench['cold'] = { openMs: [], parseMs: [], diagnostics: 0, peakRssAfterOpenMB: [] };
  for (let run = 0; ; run++) {
    const { session, ms } = await coldOpen(`bench-${options.customers}.csp-partners.yaml`, text);
    cold.openMs.push(ms);
    cold.peakRssAfterOpenMB.push(peakRssMB(session.server.process.pid));
    cold.diagnostics = session.diagnostics.length;
    cold.parseMs.push(timeParse(options.parse, text));
    if (run + 1 >= options.coldRuns) return { session, cold };
    await session.server.stop();
  }
}

/** One `didChange`, then the diagnostics of that version: the ms in between, and the edit that undoes it. */
async function timedChange(session: Session, edit: Edit): Promise<{ ms: number; undo: Edit; diagnostics: Diagnostic[] }> {
  const { undo, sentAt } = await session.doc.change(edit);
  session.puller.changed();
  const diagnostics = await session.puller.settled();
  return { ms: performance.now() - sentAt, undo, diagnostics };
}

/** (f) Keystrokes `BURST_INTERVAL_MS` apart, each its own didChange (and pull); the ms from the last one to its diagnostics. */
async function timedBurst(session: Session, keys: Edit[]): Promise<{ ms: number; undo: Edit; diagnostics: Diagnostic[] }> {
  const start = performance.now();
  let lastSent = start;
  for (const [i, key] of keys.entries()) {
    await sleep(start + i * BURST_INTERVAL_MS - performance.now());
    lastSent = (await session.doc.change(key)).sentAt;
    session.puller.changed();
  }
  const diagnostics = await session.puller.settled();
  const first = keys[0].range.start;
  // VS Code's undo takes back a run of typing in one step.
  const undo = { range: { start: first, end: { line: first.line, character: first.character + keys.length } }, text: '' };
  return { ms: performance.now() - lastSent, undo, diagnostics };
}

/** The edit kinds of section 2, each measured with its undo so every run starts from the same text. */
function editCases(plan: EditPlan): { kind: EditResult['kind']; what: string; run: (s: Session) => ReturnType<typeof timedChange> }[] {
  return [
    ...plan.single.map((edit) => ({ kind: edit.kind, what: edit.what, run: (s: Session) => timedChange(s, edit) })),
    {
      kind: 'burst' as const,
      what: `${plan.burst.length} keystrokes ${BURST_INTERVAL_MS} ms apart ("${BURST_TEXT}") after the same name`,
      run: (s: Session) => timedBurst(s, plan.burst),
    },
  ];
}

/** Section 2: rounds of every edit kind (interleaved, so a slow moment of the machine hits all kinds alike). */
async function edits(session: Session, plan: EditPlan, options: ServerBenchOptions): Promise<EditResult[]> {
  const cases = editCases(plan);
  const results: EditResult[] = cases.map((c) => ({
    kind: c.kind,
    what: c.what,
    editMs: [],
    undoMs: [],
    diagnosticsBefore: session.diagnostics.length,
    diagnosticsAfter: 0,
    pullRequests: 0,
  }));
  await repeatWithin(options.editRuns, options.editBudgetMs, async (round) => {
    for (const [i, c] of cases.entries()) {
      const requestsBefore = session.puller.requests;
      const edit = await c.run(session);
      results[i].editMs.push(edit.ms);
      if (round === 0) {
        results[i].diagnosticsAfter = edit.diagnostics.length;
        results[i].pullRequests = session.puller.requests - requestsBefore;
      }
      results[i].undoMs.push((await timedChange(session, edit.undo)).ms);
    }
  });
  return results;
}

/** A diagnostic on or after `line` (the one a user would ask quick fixes for), else the last one. */
function diagnosticNear(diagnostics: Diagnostic[], line: number): Diagnostic | undefined {
  return diagnostics.find((d) => d.range.start.line >= line) ?? diagnostics[diagnostics.length - 1];
}

/** The three requests of section 3 for the current text. */
function featureRequests(session: Session, plan: EditPlan, near: Diagnostic | undefined) {
  const textDocument = { uri: session.doc.uri };
  const range: Range = near?.range ?? { start: plan.hoverAt, end: plan.hoverAt };
  return {
    hover: () => request<unknown>(session.server, 'textDocument/hover', { textDocument, position: plan.hoverAt }),
    completion: () =>
      request<unknown>(session.server, 'textDocument/completion', {
        textDocument,
        position: plan.completionAt,
        context: { triggerKind: 1 },
      }),
    codeAction: () =>
      request<unknown>(session.server, 'textDocument/codeAction', {
        textDocument,
        range,
        context: { diagnostics: near ? [near] : [], triggerKind: 1 },
      }),
  };
}

/** What came back, for the table: a request that answers null or nothing is not a fast success. */
const describe = (answer: unknown): string => {
  if (answer === null || answer === undefined) return 'null';
  const items = Array.isArray(answer) ? answer : (answer as { items?: unknown[] }).items;
  return items ? `${items.length} item${items.length === 1 ? '' : 's'}` : 'an answer';
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; answer: T }> {
  const started = performance.now();
  const answer = await fn();
  return { ms: performance.now() - started, answer };
}

/**
 * Section 3: right after a character typed in a name (with VS Code's diagnostic pull in flight, as in
 * the editor), hover, completion and code actions are sent together; each one's time to its answer.
 * Then once more on the same version, when the server has nothing else to do ("warm").
 */
async function features(session: Session, plan: EditPlan, runs: number): Promise<NonNullable<ServerBench['features']>> {
  const typed = plan.single.find((e) => e.kind === 'type')!;
  const near = diagnosticNear(session.diagnostics, plan.hoverAt.line);
  const out = { hover: newFeature(), completion: newFeature(), codeAction: newFeature() };
  const names = Object.keys(out) as (keyof typeof out)[];
  for (let run = 0; run < runs; run++) {
    const { undo } = await session.doc.change(typed);
    session.puller.changed();
    const requests = featureRequests(session, plan, near);
    const answers = await Promise.all(names.map((name) => timed(requests[name])));
    for (const [i, name] of names.entries()) {
      out[name].afterEditMs.push(answers[i].ms);
      out[name].answer = describe(answers[i].answer);
    }
    await session.puller.settled();
    for (const name of names) out[name].warmMs.push((await timed(requests[name])).ms);
    await timedChange(session, undo);
  }
  return out;
}

const newFeature = (): FeatureResult => ({ afterEditMs: [], warmMs: [], answer: '' });

/** The fix-all kind the server announces (`source.fixAll.<something>`), read from its capabilities rather than assumed. */
function fixAllKind(server: Harness): string | undefined {
  const provider = server.initialize.capabilities.codeActionProvider;
  const kinds = typeof provider === 'object' ? (provider.codeActionKinds ?? []) : [];
  return kinds.find((k) => k.startsWith('source.fixAll'));
}

const editCount = (action: CodeAction): number =>
  Object.values(action.edit?.changes ?? {}).reduce((n, edits) => n + edits.length, 0) +
  (action.edit?.documentChanges ?? []).reduce((n, c) => n + ('edits' in c ? c.edits.length : 0), 0);

/** Section 4: fix-all as on save (whole document, every current diagnostic in the context), on the unedited text. */
async function fixAll(session: Session, runs: number): Promise<NonNullable<ServerBench['fixAll']>> {
  const kind = fixAllKind(session.server);
  if (!kind) return { skipped: 'the server announces no source.fixAll code action kind' };
  const { model } = session.doc;
  const last = model.lineCount - 1;
  const range = { start: { line: 0, character: 0 }, end: { line: last, character: model.line(last).length } };
  // triggerKind 2 (automatic): as VS Code asks for code actions on save.
  const context = { diagnostics: session.diagnostics, only: [kind], triggerKind: 2 };
  const params = { textDocument: { uri: session.doc.uri }, range, context };
  const result = { kind, requestMs: [] as number[], edits: 0 };
  for (let run = 0; run < runs; run++) {
    const { ms, answer } = await timed(() => request<CodeAction[] | null>(session.server, 'textDocument/codeAction', params));
    result.requestMs.push(ms);
    result.edits = (answer ?? []).reduce((n, action) => n + editCount(action), 0);
  }
  return result;
}

/** Sections 1, 2, 3, 4 and 6 for one manifest text. */
export async function benchServer(text: string, options: ServerBenchOptions, progress: (step: string) => void): Promise<ServerBench> {
  progress('cold open');
  const { session, cold } = await coldOpens(text, options);
  try {
    const plan = planEdits(session.doc.model);
    progress('edits');
    const result: ServerBench = { customers: options.customers, cold, edits: await edits(session, plan, options) };
    if (options.featureRuns > 0) {
      progress('hover, completion, code actions');
      result.features = await features(session, plan, options.featureRuns);
      progress('fix-all');
      result.fixAll = await fixAll(session, options.featureRuns);
    }
    result.peakRssMB = peakRssMB(session.server.process.pid);
    return result;
  } finally {
    await session.server.stop();
  }
}

export interface HoverDuringOpen {
  customers: number;
  idleHoverMs: number[];
  hoverMs: number[];
  openMs: number[];
}

/** The first `soldBy` value of the small example: a hover there summarizes a partner. */
function exampleHoverPosition(text: string): Position {
  const line = text.split('\n').findIndex((l) => /^\s+soldBy: \S/.test(l));
  return { line, character: text.split('\n')[line].indexOf('soldBy: ') + 'soldBy: '.length + 1 };
}

const HOVER_EVERY_MS = 250;

/**
 * Section 5: with examples/csp-partners.yaml open and checked, a big manifest is opened (didOpen and
 * the diagnostic pull in flight) while the user hovers in the small one: a hover every
 * `HOVER_EVERY_MS` until the big file's diagnostics arrive. Each hover's time to its answer.
 */
export async function hoverDuringOpen(bigText: string, customers: number, runs: number, budgetMs: number): Promise<HoverDuringOpen> {
  const server = await startServer();
  const result: HoverDuringOpen = { customers, idleHoverMs: [], hoverMs: [], openMs: [] };
  try {
    const smallText = readFileSync(path.join(repoRoot, 'examples', 'csp-partners.yaml'), 'utf8');
    const small = await server.open('small.csp-partners.yaml', smallText);
    const smallPuller = new DiagnosticPuller(server.connection, small);
    smallPuller.changed();
    await smallPuller.settled();
    const position = exampleHoverPosition(smallText);
    const hover = () => request<unknown>(server, 'textDocument/hover', { textDocument: { uri: small }, position });
    await repeatWithin(runs, budgetMs, async (run) => {
      result.idleHoverMs.push((await timed(hover)).ms);
      const opened = await openWhileHovering(server, `big-${customers}-${run}.csp-partners.yaml`, bigText, hover);
      result.openMs.push(opened.openMs);
      result.hoverMs.push(...opened.hoverMs);
    });
  } finally {
    await server.stop();
  }
  return result;
}

async function openWhileHovering(server: Harness, name: string, text: string, hover: () => Promise<unknown>) {
  const started = performance.now();
  const uri = await server.open(name, text);
  const puller = new DiagnosticPuller(server.connection, uri);
  puller.changed();
  let open = true;
  const opened = puller.settled().then(() => {
    open = false;
    return performance.now() - started;
  });
  const hovers: Promise<number>[] = [];
  while (open) {
    hovers.push(timed(hover).then((h) => h.ms));
    await Promise.race([opened, sleep(HOVER_EVERY_MS)]);
  }
  const result = { openMs: await opened, hoverMs: await Promise.all(hovers) };
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return result;
}
