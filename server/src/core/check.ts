import type { Finding, Fix, FindingData, RuleSettings, Severity } from './finding';
import { Loc } from './loc';
import { Anchored, Manifest } from './manifest';
import { keyedMessage, Locale, localeOf, MessageArgs, MessageKey, translator } from '../messages';
import type { Model } from './model';
import { nodeRange, ParsedText, parseText, SyntaxProblem } from './parse';
import { EditSpan, soundFix } from './fix-check';
import { Report, ReportArgs, Rule, SyntaxAccess } from './rules/rule';
import { ruleById, rules } from './rules';
import { applySuppressions, suppressLineEdit } from './suppress';
import type { LineIndex, TextEdit } from './text';

export interface CheckOptions {
  /** Severity overrides per rule id; `off` skips the rule. */
  rules?: RuleSettings;
  /** BCP 47 tag from the client or the CLI; Japanese when it starts with `ja`, English otherwise. */
  locale?: string;
}

/** Everything one text version yields; the language server keeps one per document version. */
export interface CheckResult {
  parsed: ParsedText;
  model: Model;
  findings: Finding[];
  locale: Locale;
  /** Syntax trees of single entries, parsed again when a fix or an editor feature needs one. */
  syntax: SyntaxAccess;
  /** How many partners, customers and subscriptions the model holds. */
  counts(): ReturnType<Manifest['counts']>;
  /** The `partners` and `customers` sections (key range and end), for the outline. */
  sections(): ReturnType<Manifest['sections']>;
  /** While the text has YAML errors: a model of what the parser recovered, unvalidated (for completion and hover). */
  lenientModel(): Model | undefined;
  /** The anchors written before an offset, each with the node an alias there names (for completion and hover on merges). */
  anchorsBefore(offset: number): Anchored[];
  /**
   * Runs `inspect` on the check of this text with `edits` applied, then restores the text: how fix-all
   * sees what its fixes would lead to, at the cost of the edits rather than of a check from scratch.
   * The result passed to `inspect` is valid only while it runs.
   */
  trial<T>(edits: readonly TextEdit[], inspect: (after: CheckResult) => T): T;
  /**
   * Whether the text with `spans` applied (in text order, apart) has no YAML syntax problem this one
   * has not: what a fix must keep before it is offered. Costs the edits while the text is held in
   * segments; a text parsed whole is parsed again with the edits.
   */
  parsesAfter(spans: readonly EditSpan[]): boolean;
}

/** The one pipeline: text → YAML with ranges → schema → model → rules → findings. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  return resultOf(new Manifest(text), options);
}

const ruleIndex = new Map(rules.map((rule, i) => [rule, i]));

/**
 * The findings of a manifest in its current state, with `options` (severities, locale) applied: the
 * same whether the manifest was read whole or edited into this state (see manifest.ts).
 */
export function resultOf(manifest: Manifest, options: CheckOptions = {}): CheckResult {
  manifest.settle();
  const locale = localeOf(options.locale);
  const parsed = manifest.parsed;
  const settings = options.rules ?? {};
  const active = (rule: Rule) => !(settings[rule.id] === 'off' && rule.canBeOff);
  const setting = (rule: Rule) => (settings[rule.id] === 'off' ? undefined : settings[rule.id]);
  const findings: Finding[] = [];
  const hasSyntaxErrors = manifest.hasSyntaxErrors;
  if (hasSyntaxErrors) {
    // With syntax errors only `yaml-syntax` speaks: everything else would be a cascade.
    const rule = ruleById.get('yaml-syntax')!;
    for (const problem of manifest.syntaxProblems) {
      findings.push(toFinding(rule, { ...problem, path: [] }, setting(rule), parsed.lines, locale));
    }
  } else {
    // In the order of a run of each rule over the whole text: rule by rule, the root, partners, then customers.
    const schemaRule = ruleById.get('schema')!;
    const ordered: { report: Report; rule: Rule; ruleIndex: number; order: number; seq: number; source: object }[] = [];
    if (active(schemaRule)) {
      manifest.schemaProblems().forEach(({ problem, order }, seq) =>
        ordered.push({
          report: { ...problem, data: problem.suggestions && { suggestions: problem.suggestions } },
          rule: schemaRule,
          ruleIndex: ruleIndex.get(schemaRule)!,
          order,
          seq,
          source: problem,
        }),
      );
    }
    for (const { report, order } of manifest.unitReports()) {
      if (active(report.rule))
        ordered.push({ report, rule: report.rule, ruleIndex: report.ruleIndex, order, seq: report.seq, source: report });
    }
    ordered.sort((a, b) => a.ruleIndex - b.ruleIndex || a.order - b.order || a.seq - b.seq);
    for (const { report, rule, source } of ordered) findings.push(toFinding(rule, report, setting(rule), parsed.lines, locale, source));
  }
  // With syntax errors no rule ran, so every suppression would look unused: that would be a cascade.
  const kept = applySuppressions(
    parsed,
    manifest.suppressionMarks(),
    findings,
    locale,
    hasSyntaxErrors ? 'off' : settings['unused-suppression'],
    settings,
  );
  kept.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule),
  );
  const parseAnswers = new Map<string, boolean>();
  return {
    parsed,
    model: manifest.model,
    findings: kept,
    locale,
    syntax: manifest.syntax(),
    sections: () => manifest.sections(),
    lenientModel: () => manifest.lenientModel(),
    anchorsBefore: (offset) => manifest.anchorsBefore(offset),
    counts: () => manifest.counts(),
    trial: (edits, inspect) => {
      const undo = manifest.applyEdits(
        edits.map((e) => ({ start: parsed.lines.offset(e.range.start), end: parsed.lines.offset(e.range.end), text: e.newText })),
      );
      try {
        return inspect(resultOf(manifest, options));
      } finally {
        manifest.applyEdits(undo);
      }
    },
    parsesAfter: (spans) => {
      // Findings on one line share fixes (a suppression comment, say): each distinct edit is parsed once.
      const key = JSON.stringify(spans.map((s) => [s.start, s.end, s.text]));
      let answer = parseAnswers.get(key);
      if (answer === undefined) parseAnswers.set(key, (answer = parsesAfter(spans)));
      return answer;
    },
  };

  function parsesAfter(spans: readonly EditSpan[]): boolean {
    const before = new Set(manifest.syntaxProblems.map(problemKey));
    const edits = spans.map((s) => ({ start: s.start, end: s.end, text: s.text }));
    // Most fixes edit one entry: parsing that entry alone answers, at the cost of the entry.
    if (!before.size && manifest.entryParsesWith(edits)) return true;
    if (manifest.mode === 'whole') {
      const text = parsed.text.toString();
      let edited = text;
      for (let i = edits.length - 1; i >= 0; i--) edited = edited.slice(0, edits[i].start) + edits[i].text + edited.slice(edits[i].end);
      return parseText(edited).syntaxProblems.every((p) => before.has(problemKey(p)));
    }
    const undo = manifest.applyEdits(edits);
    try {
      // An entry that no longer parses alone: the whole text says whether that is an error (rare, as fixes write no aliases).
      manifest.settle();
      return manifest.syntaxProblems.every((p) => before.has(problemKey(p)));
    } finally {
      manifest.applyEdits(undo);
    }
  }
}

/** A syntax problem as what it says, wherever it is: a fix moves text. */
const problemKey = (problem: SyntaxProblem) => `${problem.key}\0${JSON.stringify(problem.args)}`;

/** Message arguments with each place (a Loc) written as its 1-based line. */
function writtenArgs(args: ReportArgs, lines: LineIndex): MessageArgs {
  if (!Object.values(args).some((value) => value instanceof Loc)) return args as MessageArgs;
  const out: MessageArgs = {};
  for (const [name, value] of Object.entries(args)) out[name] = value instanceof Loc ? lines.position(value.range[0]).line + 1 : value;
  return out;
}

/**
 * Paths in a finding are copies: the model's own move with their entries as the text is edited. The
 * copy is frozen, as the findings of successive versions share it while it holds (see `toFinding`).
 */
function copiedData(report: Report): FindingData {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report.data ?? {})) data[key] = Array.isArray(value) ? Object.freeze(value.slice()) : value;
  data.path = Object.freeze([...report.path]);
  return Object.freeze(data) as FindingData;
}

/** Whether `copy` (from `copiedData`) still holds what `report` does: a renumbered entry changes its paths. */
function copyHolds(copy: FindingData, report: Report): boolean {
  if (!sameItems(copy.path, report.path)) return false;
  for (const [key, value] of Object.entries(report.data ?? {})) {
    if (Array.isArray(value) && !sameItems((copy as Record<string, unknown>)[key] as unknown[], value)) return false;
  }
  return true;
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * What a report was written as, kept with the report (or schema problem) while it stands: a unit that
 * does not run again keeps its reports, so each version writes only the findings of what changed.
 * Ranges are not kept: they follow from the report's places and the version's lines.
 */
interface Written {
  key: string;
  severity: Severity;
  message: string;
  related: string[];
  data: FindingData;
}
const writtenOf = new WeakMap<object, Written>();

function toFinding(
  rule: Rule,
  report: Report,
  setting: string | undefined,
  lines: LineIndex,
  locale: Locale,
  source: object = report,
): Finding {
  const args = writtenArgs(report.args, lines);
  // Line numbers written in the message are part of what it depends on.
  const key = args === report.args ? `${locale}:${setting}` : `${locale}:${setting}:${JSON.stringify(args)}`;
  let written = writtenOf.get(source);
  if (!written || written.key !== key || !copyHolds(written.data, report)) {
    written = {
      key,
      severity: (setting && setting !== 'off' ? setting : (report.severity ?? rule.severity)) as Severity,
      message: keyedMessage(locale, { key: report.key, args }),
      related: (report.related ?? []).map((r) => keyedMessage(locale, r)),
      data: copiedData(report),
    };
    writtenOf.set(source, written);
  }
  const range = report.range ?? nodeRange(lines, report.node) ?? lines.range(0, 0);
  const finding: Finding = { rule: rule.id, severity: written.severity, message: written.message, range };
  const related = (report.related ?? []).flatMap((r, i) => {
    const at = nodeRange(lines, r.node);
    return at ? [{ range: at, message: written.related[i] }] : [];
  });
  // A value merged into its entry (`<<: *defaults`) is written in a block that other entries may share: where this one merges it.
  const via = report.node instanceof Loc ? report.node.via : undefined;
  if (via) related.unshift({ range: nodeRange(lines, via)!, message: keyedMessage(locale, { key: 'merge.via', args: {} }) });
  if (related.length) finding.related = related;
  finding.data = written.data;
  writtenFrom.set(finding, report);
  return finding;
}

/** The report each finding was written from: its message key and arguments, for `wordingOf`. */
const writtenFrom = new WeakMap<Finding, Report>();

/**
 * What a finding says, whatever the language: its message key and arguments, without the line numbers
 * some messages quote (they move with every edit above). Undefined for a finding this module did not write.
 */
export function wordingOf(finding: Finding): { key: MessageKey; args: Record<string, string | number> } | undefined {
  const report = writtenFrom.get(finding);
  if (!report) return undefined;
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(report.args as ReportArgs)) {
    if (value instanceof Loc) continue;
    args[name] = typeof value === 'object' ? value.key : value;
  }
  return { key: report.key, args };
}

/** Today's date as YYYY-MM-DD in local time. */
export function todayString(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The id of the quick fix "Suppress <rule> for this line". */
export const SUPPRESS_LINE_FIX = 'fix.suppress-line';

/**
 * The quick fixes for one finding of `result`: the rule's own fixes, then
 * "Suppress <rule> for this line" when the rule offers it (`offersSuppressFix`).
 */
export function fixesFor(result: CheckResult, finding: Finding, today = todayString(), options: { checkSyntax?: boolean } = {}): Fix[] {
  const rule = ruleById.get(finding.rule);
  if (!rule) return [];
  const context = {
    model: result.model,
    parsed: result.parsed,
    syntax: result.syntax,
    locale: result.locale,
    today,
    title: translator(result.locale),
  };
  const fixes: Fix[] = [];
  try {
    fixes.push(...(rule.fixes?.(finding, context) ?? []));
  } catch {
    // A fix that cannot be computed is simply not offered.
  }
  if (rule.offersSuppressFix) {
    fixes.push({
      id: SUPPRESS_LINE_FIX,
      title: context.title(SUPPRESS_LINE_FIX, { rule: rule.id }),
      edits: [suppressLineEdit(result.parsed, finding.range.start.line, rule.id)],
    });
  }
  // Only what can be applied and still parses is offered (fix-all checks its fixes' syntax together).
  const parses = options.checkSyntax === false ? undefined : (spans: EditSpan[]) => result.parsesAfter(spans);
  const sound: Fix[] = [];
  for (const fix of fixes) {
    const checked = soundFix(result.parsed.lines, fix, parses);
    if (checked) sound.push(checked);
  }
  return sound;
}
