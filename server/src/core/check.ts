import type { Finding, Fix, RuleSettings, Severity } from './finding';
import { Locale, localeOf, message } from './messages';
import { buildModel, Model, Path } from './model';
import { nodeRange, parseText, ParsedText } from './parse';
import { Report, Rule, RuleContext } from './rules/rule';
import { ruleById, rules } from './rules';
import { SchemaProblem, validateDocument } from './schema';
import { applySuppressions, suppressLineEdit } from './suppress';

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
  schemaProblems: SchemaProblem[];
  findings: Finding[];
  locale: Locale;
}

const pointer = (path: Path) => path.join('/');

/** The one pipeline: text → YAML with ranges → schema → model → rules → findings. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const locale = localeOf(options.locale);
  const parsed = parseText(text);
  const hasSyntaxErrors = parsed.syntaxProblems.length > 0;
  const schemaProblems = hasSyntaxErrors ? [] : validateDocument(parsed.doc);
  const invalid = new Set(schemaProblems.map((p) => pointer(p.path)));
  const isInvalid = invalid.size === 0 ? () => false : (path: Path) => invalid.has(pointer(path));
  const model = buildModel(hasSyntaxErrors ? undefined : parsed.doc, isInvalid);

  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    // A rule that cannot be switched off (yaml-syntax: nothing else can be checked while its errors stand) ignores `off`.
    if (setting === 'off' && rule.canBeOff) continue;
    // With syntax errors only `yaml-syntax` speaks: everything else would be a cascade.
    if (hasSyntaxErrors !== (rule.id === 'yaml-syntax')) continue;
    const context: RuleContext = {
      model, parsed, schemaProblems,
      report: (report) => findings.push(toFinding(rule, report, setting === 'off' ? undefined : setting, parsed, locale)),
    };
    runSafely(rule, context, findings, parsed, locale);
  }
  // With syntax errors no rule ran, so every suppression would look unused: that would be a cascade.
  const kept = applySuppressions(parsed, findings, locale, hasSyntaxErrors ? 'off' : options.rules?.['unused-suppression'], options.rules ?? {});
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  return { parsed, model, schemaProblems, findings: kept, locale };
}

/** A bug in one rule must not take the others (or the editor) down with it. */
function runSafely(rule: Rule, context: RuleContext, findings: Finding[], parsed: ParsedText, locale: Locale): void {
  try {
    rule.check?.(context);
  } catch (error) {
    findings.push({
      rule: rule.id, severity: 'error', range: parsed.lines.range(0, 0),
      message: message(locale, 'schema.other', { property: rule.id, detail: `internal error: ${String(error)}` }),
    });
  }
}

function toFinding(rule: Rule, report: Report, setting: string | undefined, parsed: ParsedText, locale: Locale): Finding {
  const severity = (setting && setting !== 'off' ? setting : report.severity ?? rule.severity) as Severity;
  const range = report.range ?? nodeRange(parsed.lines, report.node) ?? parsed.lines.range(0, 0);
  const finding: Finding = { rule: rule.id, severity, message: message(locale, report.key, report.args), range };
  const related = (report.related ?? []).flatMap((r) => {
    const at = nodeRange(parsed.lines, r.node);
    return at ? [{ range: at, message: message(locale, r.key, r.args) }] : [];
  });
  if (related.length) finding.related = related;
  finding.data = { ...report.data, path: report.path };
  return finding;
}

/** Today's date as YYYY-MM-DD in local time. */
function todayString(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The id of the quick fix "Suppress <rule> for this line". */
export const SUPPRESS_LINE_FIX = 'fix.suppress-line';

/**
 * The quick fixes for one finding of `result`: the rule's own fixes, then
 * "Suppress <rule> for this line" when the rule offers it (`offersSuppressFix`).
 */
export function fixesFor(result: CheckResult, finding: Finding, today = todayString()): Fix[] {
  const rule = ruleById.get(finding.rule);
  if (!rule) return [];
  const context = {
    model: result.model, parsed: result.parsed, locale: result.locale, today,
    title: (key: string, args: Record<string, string | number> = {}) => message(result.locale, key, args),
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
  return fixes;
}

/** The quick fixes for a finding of `text`, for callers that hold only the text (a future `--fix`). */
export function fixesForText(text: string, finding: Finding, options: CheckOptions = {}, today?: string): Fix[] {
  return fixesFor(check(text, options), finding, today);
}
