/**
 * The scenario answers of spec §5 as one Markdown report ("Check Scenario…", "Check All Scenarios"):
 * a title, a summary line, then per scenario its question and per item the verdict, the subject,
 * the reason, the deciding rules linked to their pages and the lines involved linked to the manifest.
 */
import { Locale, Translate, translator } from '../messages';
import type { Verdict } from '../core/scenarios';
import type { Range } from '../core/text';
import { RenderedItem, RenderedScenario, VERDICT_MARKS } from './scenarios';
import { escapeMarkdown } from './markdown';

export interface ScenarioReportOptions {
  /**
   * Link to the manifest: an absolute URI, or a path relative to where the report is written (what the
   * VS Code Markdown preview can follow). Each location links to `<documentUri>#L<line>` (1-based line).
   * Undefined: line numbers are written without links.
   */
  documentUri: string | undefined;
  /** The manifest's name in the title (a file name, user-supplied: escaped). */
  fileLabel: string;
  /** Link to a rule's page; undefined: the rule id is written without a link. */
  ruleDocUri: (rule: string) => string | undefined;
  locale: Locale;
  /** A remark under the summary, for instance that the manifest has YAML errors. */
  note?: string;
}

export function renderScenarioMarkdown(results: readonly RenderedScenario[], options: ScenarioReportOptions): string {
  const t = translator(options.locale);
  const items = results.flatMap((r) => r.items);
  const count = (verdict: Verdict) => items.filter((i) => i.verdict === verdict).length;
  const out: string[] = [
    `# ${escapeMarkdown(t('scenario.report.title', { file: options.fileLabel }))}`,
    '',
    escapeMarkdown(
      t('scenario.report.summary', {
        supported: count('supported'),
        notSupported: count('not-supported'),
        notApplicable: count('not-applicable'),
      }),
      { lineStart: true },
    ),
    '',
  ];
  if (options.note) out.push(`> ${escapeMarkdown(options.note)}`, '');
  for (const result of results) {
    out.push(`## ${result.scenario}. ${escapeMarkdown(result.question)}`, '');
    if (result.items.length === 0) out.push(escapeMarkdown(t('scenario.report.empty'), { lineStart: true }), '');
    else out.push(...result.items.map((item) => renderItem(item, options, t)), '');
  }
  return out.join('\n');
}

/**
 * One list item, its lines joined by hard breaks (a backslash at the end of a line):
 *
 *     - ✗ **not supported** — woodgrove / m365-e3: Microsoft → contoso-dist → fabrikam → woodgrove\
 *       Indirect reseller "fabrikam" accepted the MPA on …\
 *       Rules: [mpa-after-order](…) · Lines: [90](…#L90), [92](…#L92)
 */
function renderItem(item: RenderedItem, options: ScenarioReportOptions, t: Translate): string {
  const lines = [
    `- ${VERDICT_MARKS[item.verdict]} **${escapeMarkdown(t(`scenario.verdict.${item.verdict}`))}** — ${escapeMarkdown(item.subject)}`,
  ];
  if (item.reason) lines.push(escapeMarkdown(item.reason, { lineStart: true }));
  const refs: string[] = [];
  if (item.rules.length) {
    const rules = item.rules.map((rule) => {
      const target = options.ruleDocUri(rule);
      return target ? `[${escapeMarkdown(rule)}](${linkDestination(target)})` : `\`${rule.replace(/`/g, '')}\``;
    });
    refs.push(`${escapeMarkdown(t('scenario.report.rules'))}: ${rules.join(', ')}`);
  }
  const numbers = lineNumbers(item.locations);
  if (numbers.length) {
    const target = options.documentUri;
    const links = numbers.map((n) => (target === undefined ? String(n) : `[${n}](${linkDestination(`${target}#L${n}`)})`));
    refs.push(`${escapeMarkdown(t('scenario.report.lines'))}: ${links.join(', ')}`);
  }
  if (refs.length) lines.push(refs.join(' · '));
  return lines.join('\\\n  ');
}

/** The 1-based line of each location, each line once, in the order the item gives them. */
function lineNumbers(locations: readonly Range[]): number[] {
  return [...new Set(locations.map((r) => r.start.line + 1))];
}

/** A link destination Markdown reads as one: whitespace, angle brackets and parentheses percent-encoded. */
function linkDestination(target: string): string {
  return target.replace(/[\s<>()]/g, (c) =>
    encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`),
  );
}
