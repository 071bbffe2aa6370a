/**
 * The checks on the server's answers that need no server: ranges inside the document, symbol
 * selections inside their symbols, completion edits where LSP wants them, fixes whose edits are
 * apart and inside, and the comparisons of determinism and sync.
 */
import type {
  CodeAction,
  Command,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { isPosition } from '../../server/src/core/text';
import { COMMANDS, FIX_ALL_KIND } from '../../server/src/protocol';
import { comparePositions, LspText, rangeContains } from './lsp-text';

/** A finding the checker made of its own exception (checker.ts reports a failing rule this way). */
export const INTERNAL_ERROR = /internal error/i;

/** A diagnostic's message as text (LSP 3.18 allows Markdown). */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** A problem found in an answer: the class of check that failed and what was wrong. */
export interface Problem {
  check: string;
  detail: string;
}

function positionProblem(p: unknown, lines: LspText): string | undefined {
  if (lines.isPosition(p)) return undefined;
  if (!isPosition(p)) return `${JSON.stringify(p)} is not a position`;
  const { line, character } = p;
  if (line >= lines.lineCount) return `line ${line} is past the last line (${lines.lineCount - 1})`;
  return `line ${line} has ${lines.lineLength(line)} characters, not ${character}`;
}

export function rangeProblem(range: Range, lines: LspText): string | undefined {
  const wrong = positionProblem(range?.start, lines) ?? positionProblem(range?.end, lines);
  if (wrong) return `${JSON.stringify(range)}: ${wrong}`;
  return comparePositions(range.start, range.end) > 0 ? `${JSON.stringify(range)} ends before it starts` : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const looksLikeRange = (value: Record<string, unknown>) => isObject(value.start) && isObject(value.end) && 'line' in value.start;

/**
 * Every range and location of an answer that is not inside the document, found by walking the answer
 * (command arguments aside: they hold ranges of other texts). A location must name the document
 * itself: this server knows no other. Problems under `relatedInformation` are of their own class.
 */
export function misplacedRanges(answer: unknown, lines: LspText, uri: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, at: string) => {
    if (!isObject(value)) return;
    const check = at.includes('relatedInformation') ? 'related' : 'range';
    if (typeof value.uri === 'string' && isObject(value.range) && value.uri !== uri) {
      problems.push({ check, detail: `${at}: location in another document, ${value.uri}` });
    }
    if (looksLikeRange(value)) {
      const wrong = rangeProblem(value as unknown as Range, lines);
      if (wrong) problems.push({ check, detail: `${at}: ${wrong}` });
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'arguments' && key !== 'data') walk(child, `${at}.${key}`);
  };
  walk(answer, '$');
  return problems;
}

/** Symbols whose selection range is not inside their range (LSP requires it; VS Code rejects the outline). */
export function selectionProblems(symbols: DocumentSymbol[] | null, at = '$'): Problem[] {
  return (symbols ?? []).flatMap((s, i) => {
    const outside = `${at}[${i}] ${s.name}: selectionRange ${JSON.stringify(s.selectionRange)} outside range ${JSON.stringify(s.range)}`;
    const own = rangeContains(s.range, s.selectionRange) ? [] : [{ check: 'selection', detail: outside }];
    return [...own, ...selectionProblems(s.children ?? null, `${at}[${i}].children`)];
  });
}

/** Completion edits LSP does not allow: a range over several lines, or one that does not hold the position asked at. */
export function completionProblems(answer: CompletionItem[] | { items: CompletionItem[] } | null, position: Position): Problem[] {
  const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
  const problems: Problem[] = [];
  const holds = (r: Range) => r.start.line === r.end.line && rangeContains(r, { start: position, end: position });
  for (const item of items) {
    const edit = item.textEdit;
    if (!edit) continue;
    const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
    const label = JSON.stringify(item.label);
    if (!ranges.every(holds)) {
      const detail = `${label}: ${JSON.stringify(ranges)} is not one line holding ${JSON.stringify(position)}`;
      problems.push({ check: 'completion-edit', detail });
    }
    if ('insert' in edit && !(comparePositions(edit.insert.start, edit.replace.start) === 0 && rangeContains(edit.replace, edit.insert))) {
      const detail = `${label}: insert ${JSON.stringify(edit.insert)} is not a prefix of replace ${JSON.stringify(edit.replace)}`;
      problems.push({ check: 'completion-edit', detail });
    }
  }
  return problems;
}

/**
 * A fix offered to the user: the edits of a code action or rename, and the range the client selects
 * after (COMMANDS.applyEditAndSelect). `origin` names the kind of fix in failure classes: `quickfix-<rule>`,
 * `fix-all-of-rule`, `source-fix-all`, `rename`.
 */
export interface FixCandidate {
  title: string;
  origin: string;
  edits: TextEdit[];
  otherUris: string[];
  selection?: Range;
}

export function fixOfWorkspaceEdit(title: string, origin: string, edit: WorkspaceEdit, uri: string): FixCandidate {
  const fix: FixCandidate = { title, origin, edits: [], otherUris: [] };
  const add = (target: string, edits: TextEdit[]) => {
    if (target === uri) fix.edits.push(...edits);
    else fix.otherUris.push(target);
  };
  for (const [target, edits] of Object.entries(edit.changes ?? {})) add(target, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) add(change.textDocument.uri, change.edits as TextEdit[]);
    else add(`(a file operation: ${change.kind})`, []);
  }
  return fix;
}

/** The fixes of code actions: workspace edits, and the edits the server's apply-and-select command carries. */
export function fixesOfActions(actions: (CodeAction | Command)[] | null, uri: string): FixCandidate[] {
  const fixes: FixCandidate[] = [];
  for (const action of actions ?? []) {
    const command = typeof action.command === 'string' ? (action as Command) : action.command;
    const codeAction = typeof action.command === 'string' ? undefined : (action as CodeAction);
    const origin =
      codeAction?.kind === FIX_ALL_KIND
        ? 'source-fix-all'
        : codeAction?.diagnostics?.length
          ? `quickfix-${codeAction.diagnostics[0].code}`
          : codeAction
            ? 'fix-all-of-rule'
            : 'command';
    if (codeAction?.edit) fixes.push(fixOfWorkspaceEdit(action.title, origin, codeAction.edit, uri));
    if (command?.command === COMMANDS.applyEditAndSelect) {
      const [target, edits, selection] = (command.arguments ?? []) as [string, TextEdit[], Range | undefined];
      fixes.push({ ...fixOfWorkspaceEdit(action.title, origin, { changes: { [target]: edits ?? [] } }, uri), selection });
    }
  }
  return fixes;
}

/** Edits that name another document, lie outside this one, or overlap (sorted by start; touching is allowed). */
export function fixEditProblems(fix: FixCandidate, lines: LspText): Problem[] {
  const outside = `fix-outside-${fix.origin}`;
  const problems: Problem[] = fix.otherUris.map((other) => ({ check: outside, detail: `"${fix.title}" edits another document: ${other}` }));
  for (const edit of fix.edits) {
    const wrong = rangeProblem(edit.range, lines);
    if (wrong) problems.push({ check: outside, detail: `"${fix.title}": ${wrong}` });
  }
  if (problems.length) return problems;
  const spans = fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), range: e.range }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      const both = `${JSON.stringify(spans[i - 1].range)} and ${JSON.stringify(spans[i].range)}`;
      problems.push({ check: `fix-overlap-${fix.origin}`, detail: `"${fix.title}": ${both} overlap` });
    }
  }
  return problems;
}

/** The YAML syntax findings of a report, as messages; the count of "N more errors" is left out (it changes with any fix). */
export function syntaxMessages(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code === 'yaml-syntax').map((d) => messageOf(d).replace(/^\d+ more YAML errors/, 'More YAML errors'));
}

/** The members of `after` not in `before`, counted as multisets. */
export function added(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of before) left.set(item, (left.get(item) ?? 0) + 1);
  return after.filter((item) => {
    const n = left.get(item) ?? 0;
    left.set(item, n - 1);
    return n <= 0;
  });
}

/** A diagnostic as compared between two answers: rule, severity, range, message, related locations. */
const diagnosticKey = (d: Diagnostic): string =>
  JSON.stringify([d.code, d.severity, d.range, d.message, (d.relatedInformation ?? []).map((r) => [r.location.range, r.message])]);

/** How two answers differ: what differs (a rule id, or `symbols`) and the details. */
export interface Difference {
  what: string;
  detail: string;
}

/** How two lists of diagnostics differ (in any order), or undefined when they hold the same ones. */
export function diagnosticsDiffer(left: Diagnostic[], right: Diagnostic[], leftName: string, rightName: string): Difference | undefined {
  const a = left.map(diagnosticKey),
    b = right.map(diagnosticKey);
  const onlyLeft = added(b, a),
    onlyRight = added(a, b);
  if (!onlyLeft.length && !onlyRight.length) return undefined;
  const detail = [
    `${leftName} has ${left.length} diagnostics, ${rightName} ${right.length}`,
    ...onlyLeft.slice(0, 3).map((k) => `only ${leftName}: ${k}`),
    ...onlyRight.slice(0, 3).map((k) => `only ${rightName}: ${k}`),
  ].join('; ');
  return { what: String((JSON.parse(onlyLeft[0] ?? onlyRight[0]) as unknown[])[0]), detail };
}

/** How two outlines differ (order matters: it is the outline's order), or undefined. */
export function symbolsDiffer(left: unknown, right: unknown, leftName: string, rightName: string): Difference | undefined {
  const a = JSON.stringify(left),
    b = JSON.stringify(right);
  if (a === b) return undefined;
  let at = 0;
  while (a[at] === b[at]) at++;
  const from = Math.max(0, at - 60);
  const around = (json: string) => `…${json.slice(from, at + 80)}…`;
  return { what: 'symbols', detail: `documentSymbol differs at character ${at}: ${leftName} ${around(a)} ${rightName} ${around(b)}` };
}
