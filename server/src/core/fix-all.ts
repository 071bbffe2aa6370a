/**
 * "Fix all": every finding that has exactly one fix (a person's choice is not made for them), combined
 * while their edits stay apart, and, for a run nobody watches (`source.fixAll` on save, `check --fix`),
 * checked together so that no fix goes in whose result shows a new error. The language server offers
 * these as code actions; the CLI applies them to files.
 */
import { check, CheckOptions, CheckResult, fixesFor, SUPPRESS_LINE_FIX, todayString } from './check';
import type { Finding, Fix } from './finding';
import { editSpans } from './fix-check';
import type { Model, Path, Reference } from './model';
import { entityAt, subscriptionAt } from './queries';
import { ruleById, rules } from './rules';
import { applyEdits, TextEdit } from './text';

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

export interface Combined {
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
export function verifiedFixAll(result: CheckResult): Combined | undefined {
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

/** Rounds of fixing at most: a fix may bring a finding whose own fix then applies (a region, then a provider). */
const MAX_FIX_ROUNDS = 10;

/** What fixing a text did: the text after, how many findings each rule had fixed, and why it stopped early. */
export interface FixedText {
  /** The fixed text (as checked: without a byte-order mark); the same text when nothing applied. */
  text: string;
  /** Findings fixed, per rule id, over all rounds. */
  fixed: Map<string, number>;
  /** Each round taken: its edits (of the text the round before left) and the findings they fixed. */
  rounds: { edits: TextEdit[]; findings: Finding[] }[];
  /** The check of the text as it was, and of the text after. */
  before: CheckResult;
  after: CheckResult;
  /**
   * Set when a round was not taken because its result had a YAML syntax error or more errors than the
   * text before it (the verification above should prevent both; this is the last guard before a write).
   */
  refused?: 'syntax' | 'more-errors';
}

const errorCount = (result: CheckResult) => result.findings.reduce((n, f) => n + (f.severity === 'error' ? 1 : 0), 0);

/**
 * The fixes "fix all" would make without a person (no choice among several, no claim about the real world,
 * no suppression), applied round after round until none applies. Each round is checked whole: one with a
 * YAML syntax error or more errors than before is not taken, and fixing stops there.
 */
export function fixText(text: string, options: CheckOptions = {}): FixedText {
  const before = check(text, options);
  const fixed = new Map<string, number>();
  const rounds: FixedText['rounds'] = [];
  let result = before;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const all = verifiedFixAll(result);
    if (!all) break;
    const next = check(applyEdits(String(result.parsed.text), all.edits), options);
    const refused = next.parsed.syntaxProblems.length ? 'syntax' : errorCount(next) > errorCount(result) ? 'more-errors' : undefined;
    if (refused) return { text: String(result.parsed.text), fixed, rounds, before, after: result, refused };
    for (const finding of all.findings) fixed.set(finding.rule, (fixed.get(finding.rule) ?? 0) + 1);
    rounds.push({ edits: all.edits, findings: all.findings });
    result = next;
  }
  return { text: String(result.parsed.text), fixed, rounds, before, after: result };
}
