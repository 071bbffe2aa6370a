import { CodeAction, CodeActionKind, CodeActionParams, Command, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckResult, fixesFor, SUPPRESS_LINE_FIX, todayString } from '../core/check';
import type { Finding, Fix } from '../core/finding';
import type { Model, Path, Reference } from '../core/model';
import { entityAt, subscriptionAt } from '../core/queries';
import { message } from '../messages';
import { ruleById, rules } from '../core/rules';
import { editSpans } from '../core/fix-check';
import { applyEdits, LineIndex, Range, TextEdit } from '../core/text';
import { COMMANDS, FIX_ALL_KIND } from '../protocol';
import { toFinding } from './diagnostics';

/**
 * Quick fixes are listed for this many diagnostics of one request, the first ones sent: each fix is checked
 * before it is offered, and a selection over a line of thousands of findings would otherwise take minutes
 * to list more fixes than a menu can show. "Fix all" actions still cover every finding.
 */
export const MAX_QUICK_FIX_DIAGNOSTICS = 100;

export function codeActions(document: TextDocument, result: CheckResult, params: CodeActionParams): (CodeAction | Command)[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k: string) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // A selection over many lines brings many diagnostics of one rule: its "fix all" is offered once.
    const fixAllOffered = new Set<string>();
    let fixed = 0;
    for (const diagnostic of params.context.diagnostics) {
      const finding = toFinding(diagnostic);
      // A diagnostic of an older version that reaches past this one's end has nothing to fix here.
      if (!finding || finding.range.start.line >= result.parsed.lines.lineCount) continue;
      if (fixed++ < MAX_QUICK_FIX_DIAGNOSTICS)
        for (const fix of fixesFor(result, finding)) actions.push(quickFix(document, result, fix, diagnostic));
      if (fixAllOffered.has(finding.rule)) continue;
      fixAllOffered.add(finding.rule);
      const all = fixAllOf(result, (f) => f.rule === finding.rule, true);
      if (all && all.count > 1) {
        actions.push({
          title: message(result.locale, 'fix.fix-all-rule', { rule: finding.rule, count: all.count }),
          kind: CodeActionKind.QuickFix,
          edit: { changes: { [document.uri]: all.edits } },
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && only) {
    const all = verifiedFixAll(result);
    if (all)
      actions.push({ title: message(result.locale, 'fix.fix-all'), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: all.edits } } });
  }
  return actions;
}

function quickFix(document: TextDocument, result: CheckResult, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const edit: WorkspaceEdit = { changes: { [document.uri]: fix.edits } };
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit,
  };
  if (fix.select) {
    // Applied by the client so that the editor can select the inserted date for the user to confirm.
    delete action.edit;
    action.command = {
      title: fix.title,
      command: COMMANDS.applyEditAndSelect,
      arguments: [document.uri, fix.edits, selectionAfter(String(result.parsed.text), fix)],
    };
  }
  return action;
}

/**
 * Where the selected part of an inserted text lands once all of the fix's edits are applied. Worked out
 * from the edits' line counts, without copying the document: this runs on a code action request.
 */
export function selectionAfter(text: string, fix: Fix): Range | undefined {
  if (!fix.select) return undefined;
  const target = fix.edits[fix.select.edit];
  const before = target.newText.slice(0, fix.select.start);
  const lineBreak = before.lastIndexOf('\n');
  // The selection starts on a line the fix itself writes (the MPA date): only earlier line counts matter.
  // Otherwise (an insertion in a one-line `{ }` mapping) the edited text is worked out in full.
  if (lineBreak < 0) return selectionInEditedText(text, { ...fix, select: fix.select });
  let line = target.range.start.line + (before.match(/\n/g)?.length ?? 0);
  for (const [index, edit] of fix.edits.entries()) {
    if (!landsBefore(comparePositions(edit.range.start, target.range.start), index, fix.select.edit)) continue;
    line += (edit.newText.match(/\n/g)?.length ?? 0) - (edit.range.end.line - edit.range.start.line);
  }
  const character = fix.select.start - (lineBreak + 1);
  return { start: { line, character }, end: { line, character: character + fix.select.length } };
}

function selectionInEditedText(text: string, fix: Fix & { select: NonNullable<Fix['select']> }): Range {
  const lines = new LineIndex(text);
  const target = fix.edits[fix.select.edit];
  const targetStart = lines.offset(target.range.start);
  let shift = 0;
  for (const [index, edit] of fix.edits.entries()) {
    const start = lines.offset(edit.range.start);
    if (landsBefore(start - targetStart, index, fix.select.edit)) shift += edit.newText.length - (lines.offset(edit.range.end) - start);
  }
  const start = targetStart + shift + fix.select.start;
  return new LineIndex(applyEdits(text, fix.edits)).range(start, start + fix.select.length);
}

/**
 * Whether edit `index` lands before the selected edit in the result: `order` compares their starts; at the
 * same place, an insertion listed earlier comes first (LSP keeps such insertions in their given order).
 */
function landsBefore(order: number, index: number, selected: number): boolean {
  return order < 0 || (order === 0 && index < selected);
}

function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** A finding with the one fix that "fix all" would apply for it. */
interface Single {
  finding: Finding;
  fix: Fix;
}

/**
 * Every finding (of the chosen rules) that has exactly one fix, suppressions aside: a finding with several
 * fixes needs a person to choose. Without `withClaims`, a fix the rule lists in `confirmFixes` is left out.
 * (An `unused-suppression` hint has no fix at all, so it never takes part.)
 */
function singleFixes(result: CheckResult, include: (f: Finding) => boolean, withClaims: boolean): Single[] {
  const out: Single[] = [];
  for (const finding of result.findings) {
    if (!include(finding)) continue;
    const fix = singleFixOf(result, finding);
    if (!fix || (!withClaims && ruleById.get(finding.rule)?.confirmFixes.includes(fix.id))) continue;
    out.push({ finding, fix });
  }
  return out;
}

/**
 * The single fixes found for the findings of one check, with the date they were made on (a fix may
 * write today's date): fix-all and every quick-fix request of a version ask again for the same ones.
 */
const singleFixCache = new WeakMap<CheckResult, { today: string; fixes: Map<Finding, Fix | undefined> }>();

/** The one fix of a finding, suppressions aside; undefined when it has none or several. */
function singleFixOf(result: CheckResult, finding: Finding): Fix | undefined {
  // A rule without fixes of its own offers at most the suppression: nothing to compute.
  if (!ruleById.get(finding.rule)?.fixes) return undefined;
  const today = todayString();
  let cache = singleFixCache.get(result);
  if (!cache || cache.today !== today) singleFixCache.set(result, (cache = { today, fixes: new Map() }));
  if (cache.fixes.has(finding)) return cache.fixes.get(finding);
  // Their syntax is checked together once they are combined (`combine`): one trial instead of one per fix.
  const fixes = fixesFor(result, finding, today, { checkSyntax: false }).filter((f) => f.id !== SUPPRESS_LINE_FIX);
  const fix = fixes.length === 1 ? fixes[0] : undefined;
  cache.fixes.set(finding, fix);
  return fix;
}

/**
 * Single fixes combined while their edits stay apart (then their order does not matter), in text order.
 * When the combined edits would break the YAML, the fixes that break it alone are left out.
 */
function combine(result: CheckResult, singles: Single[]): Combined | undefined {
  const all = combineApart(result, singles);
  if (!all || parses(result, all.edits)) return all;
  const fewer = combineApart(
    result,
    singles.filter((s) => parses(result, s.fix.edits)),
  );
  return fewer && parses(result, fewer.edits) ? fewer : undefined;
}

interface Combined {
  edits: TextEdit[];
  count: number;
  findings: Finding[];
}

function parses(result: CheckResult, edits: TextEdit[]): boolean {
  const spans = editSpans(result.parsed.lines, edits);
  return !!spans && result.parsesAfter(spans);
}

/**
 * Spans of text that fixes already edit, apart and in text order, searched by halves: fix-all may combine
 * thousands of fixes, and each is checked against all taken before it.
 */
class TakenSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether [start, end] overlaps or touches a taken span. */
  meets(start: number, end: number): boolean {
    const i = this.firstEndingFrom(start);
    return i < this.ends.length && this.starts[i] <= end;
  }

  /** Takes [start, end], which meets no taken span (see `meets`). */
  add(start: number, end: number): void {
    const i = this.firstEndingFrom(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }

  private firstEndingFrom(at: number): number {
    let low = 0,
      high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid] < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function combineApart(result: CheckResult, singles: Single[]): Combined | undefined {
  const lines = result.parsed.lines;
  const taken = new TakenSpans();
  const edits: TextEdit[] = [];
  const findings: Finding[] = [];
  // A fix made already: one finding per entry that merges a misspelt shared value, each fixed by one edit there.
  const made = new Set<string>();
  for (const { finding, fix } of singles) {
    const spans = fix.edits.map((e) => [lines.offset(e.range.start), lines.offset(e.range.end), e.newText] as const);
    const keys = spans.map(([s, e, text]) => `${s}:${e}:${text}`);
    if (keys.every((key) => made.has(key))) {
      findings.push(finding);
      continue;
    }
    if (spans.some(([s, e]) => taken.meets(s, e))) continue;
    for (const [s, e] of spans) taken.add(s, e);
    for (const key of keys) made.add(key);
    edits.push(...fix.edits);
    findings.push(finding);
  }
  const ordered = editSpans(lines, edits);
  return findings.length && ordered ? { edits: ordered.map((span) => edits[span.index]), count: findings.length, findings } : undefined;
}

/**
 * Every finding (of the chosen rules) that has exactly one fix, combined while their edits stay apart.
 * `withClaims` allows the fixes rules list in `confirmFixes` (claims about the real world): only for an
 * explicit "Fix all <rule> problems", which a person chooses; never for `source.fixAll`.
 */
export function fixAllOf(result: CheckResult, include: (f: Finding) => boolean, withClaims: boolean): Combined | undefined {
  return combine(result, singleFixes(result, include, withClaims));
}

/** Rounds of "check the fixed text, leave out the fixes behind a new error" before giving up. */
const VERIFY_ROUNDS = 4;

/**
 * `source.fixAll` runs without a person looking (on save), so its fixes are checked together first:
 * a fix whose result shows an error the text did not have is left out (it stays a quick fix, for a
 * person who sees what follows). Examples: `soldBy: fabrikm` corrected to a reseller that then needs
 * a provider; a customer's `country: UK` corrected to GB, which shows that its sellers are in another
 * region. A new error is blamed on the fixes at its own place (subscription or entry), the entry it
 * belongs to, and the entries linked to it by a reference; when none can be blamed, nothing is applied.
 */
export function verifiedFixAll(result: CheckResult): { edits: TextEdit[]; count: number } | undefined {
  const singles = singleFixes(result, () => true, false);
  const excluded = new Set<Finding>();
  for (let round = 0; round < VERIFY_ROUNDS; round++) {
    const kept = singles.filter((s) => !excluded.has(s.finding));
    const all = combineApart(result, kept);
    if (!all) return undefined;
    // The fixed text, checked from the state kept for this document: the edits cost, not the file.
    const {
      fresh,
      afterLinks,
      parses: fixedParses,
    } = result.trial(all.edits, (after) => {
      if (after.parsed.syntaxProblems.length) return { fresh: [], parses: false };
      const found = newErrors(result.findings, after.findings);
      return { fresh: found, afterLinks: found.length ? linksAround(after.model, placesAround(found)) : undefined, parses: true };
    });
    if (!fixedParses) {
      // Left out: the fixes that break the YAML on their own (see `combine`).
      const breaking = kept.filter((s) => !parses(result, s.fix.edits));
      if (!breaking.length) return undefined;
      for (const s of breaking) excluded.add(s.finding);
      continue;
    }
    if (!fresh.length) return all;
    // First the fixes at the very place of a new error; only when there are none, those of its entry
    // and of the entries linked to it (a round later, if the error is still there).
    const exact = new Set(fresh.map(placeOf));
    let blamed = all.findings.filter((f) => exact.has(placeOf(f)) || fresh.some((e) => placeOf(f).startsWith(`${placeOf(e)}/`)));
    if (!blamed.length) {
      const links = linksAround(result.model, placesAround(fresh));
      for (const [place, linked] of afterLinks ?? [])
        for (const other of linked) (links.get(place) ?? links.set(place, new Set()).get(place)!).add(other);
      const near = new Set<string>();
      for (const place of exact) {
        for (const p of [place, entryOf(place)]) {
          near.add(p);
          for (const linked of links.get(p) ?? []) near.add(linked);
        }
      }
      blamed = all.findings.filter((f) => near.has(placeOf(f)));
    }
    if (!blamed.length) return undefined;
    for (const f of blamed) excluded.add(f);
  }
  return undefined;
}

/** The places of findings and their entries: those whose links blame fixes (see `verifiedFixAll`). */
function placesAround(findings: Finding[]): Set<string> {
  const places = new Set<string>();
  for (const finding of findings) places.add(placeOf(finding)).add(entryOf(placeOf(finding)));
  return places;
}

/**
 * Places (see `placeOf`) joined by a reference to one of `places`, both ways: a subscription and its
 * partners, a customer and its owner, a reseller and its providers. Found from the entities at those
 * places and the entities that write their ids (`writersOf`), not by walking the whole model.
 */
function linksAround(model: Model, places: Iterable<string>): Map<string, Set<string>> {
  const links = new Map<string, Set<string>>();
  const place = (path: Path) => path.join('/');
  const targetsOf = (refs: (Reference | undefined)[], linked: Set<string>) => {
    for (const ref of refs) if (ref?.target) linked.add(place(ref.target.path));
  };
  for (const at of places) {
    const linked = new Set<string>();
    links.set(at, linked);
    const path: Path = at.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (path.length === 4) {
      const subscription = subscriptionAt(model, path);
      if (subscription && place(subscription.path) === at) {
        targetsOf([subscription.soldBy, subscription.provider, ...subscription.managedBy], linked);
      }
      continue;
    }
    const entity = path.length === 2 ? entityAt(model, path) : undefined;
    if (!entity || place(entity.path) !== at) continue;
    targetsOf(entity.kind === 'partner' ? entity.providers : [entity.owner], linked);
    // The other way: every reference that names this entity (the first to declare its id).
    for (const writer of entity.id ? model.lookup.writersOf(entity.id.value) : []) {
      const names = (refs: (Reference | undefined)[]) => refs.some((ref) => ref?.target === entity);
      if (writer.kind === 'partner') {
        if (names(writer.providers)) linked.add(place(writer.path));
        continue;
      }
      if (names([writer.owner])) linked.add(place(writer.path));
      for (const s of writer.subscriptions) if (names([s.soldBy, s.provider, ...s.managedBy])) linked.add(place(s.path));
    }
  }
  return links;
}

/**
 * Errors of `after` that `before` did not have, compared by rule and message (ranges move with edits). The
 * line numbers that some messages quote move too (a fix that removes a line above the first declaration of a
 * duplicate id): the numbers in the messages of the rules that read `line-numbers` are left out.
 */
function newErrors(before: Finding[], after: Finding[]): Finding[] {
  const left = new Map<string, number>();
  const key = (f: Finding) => `${f.rule}\0${QUOTES_LINES.has(f.rule) ? f.message.replace(/\d+/g, '#') : f.message}`;
  for (const f of before) if (f.severity === 'error') left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  return after.filter((f) => {
    if (f.severity !== 'error') return false;
    const n = left.get(key(f)) ?? 0;
    left.set(key(f), n - 1);
    return n <= 0;
  });
}

/** The rules whose messages quote line numbers. */
const QUOTES_LINES: ReadonlySet<string> = new Set(rules.filter((rule) => rule.dependsOn.includes('line-numbers')).map((rule) => rule.id));

/** The subscription, or else the partner or customer entry, a finding is about: `customers/0/subscriptions/2`, `partners/1`. */
function placeOf(finding: Finding): string {
  const path = finding.data?.path ?? [];
  const depth = path[2] === 'subscriptions' && typeof path[3] === 'number' ? 4 : 2;
  return path.slice(0, depth).join('/');
}

/** The partner or customer entry of a place. */
const entryOf = (place: string): string => place.split('/').slice(0, 2).join('/');
