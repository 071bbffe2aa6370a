import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/finding';
import type { ChannelGraph } from '../core/graph';
import { Locale, message } from '../messages';
import { rules } from '../core/rules';
import type { Verdict } from '../core/scenarios';
import type { Range } from '../core/text';
import { renderGraphDot } from '../present/graph-dot';
import { renderGraphMermaid } from '../present/graph-mermaid';
import { RenderedItem, RenderedScenario, VERDICT_MARKS } from '../present/scenarios';

export interface FileReport {
  path: string;
  findings: Finding[];
  /** Per finding, what identifies it across edits and commits (rule, place by ids, message): SARIF's fingerprints. */
  fingerprints?: string[];
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

/** Human output: one line per finding with 1-based line:column, then a summary. */
export function formatText(reports: FileReport[], locale: Locale): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    lines.push(report.path);
    for (const f of report.findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`  ${pad(where, 8)} ${pad(f.severity, 7)} ${f.message}  ${f.rule}`);
    }
    lines.push('');
  }
  const count = (severity: string) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  lines.push(
    message(locale, 'cli.summary', { errors: count('error'), warnings: count('warning'), infos: count('info'), files: reports.length }),
  );
  return lines.join('\n');
}

/** The JSON of spec §6: 0-based UTF-16 positions, as LSP. */
export function formatJson(reports: FileReport[]): string {
  const files = reports.map((r) => ({
    path: r.path,
    diagnostics: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range })),
  }));
  return JSON.stringify({ files }, null, 2);
}

/** The name of our fingerprint in SARIF's `partialFingerprints` (versioned: a new identity gets a new name). */
export const FINGERPRINT = 'cspPartnersIdentity/v1';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A path as a SARIF `artifactLocation.uri` (an RFC 3986 URI reference): a relative path stays relative
 * with each segment percent-encoded (spaces, non-ASCII, a ':' that would read as a scheme); an
 * absolute path becomes a file:// URI.
 */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** SARIF 2.1.0 for code-scanning uploads: 1-based lines and columns, paths relative to the working directory. */
export function formatSarif(reports: FileReport[], locale: Locale): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const uri = artifactUri;
  const region = (f: Pick<Finding, 'range'>) => ({
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  });
  const results = reports.flatMap((r) =>
    r.findings.map((f, i) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path) }, region: region(f) } }],
      ...(r.fingerprints ? { partialFingerprints: { [FINGERPRINT]: r.fingerprints[i] } } : {}),
      ...(f.related?.length
        ? {
            relatedLocations: f.related.map((rel, id) => ({
              id,
              message: { text: rel.message },
              physicalLocation: { artifactLocation: { uri: uri(r.path) }, region: region(rel) },
            })),
          }
        : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'csp-partners',
            informationUri: 'https://learn.microsoft.com/partner-center/enroll/csp-supported-partner-relationships',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: message(locale, r.title) },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { category: r.category },
            })),
          },
        },
        // Columns are UTF-16 code units, as LSP counts them (SARIF §3.14.17).
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** 0-based UTF-16 positions as in `check --format json`, whatever else a range object carries. */
const plainRange = (r: Range): Range => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});
const plainItem = (item: RenderedItem) => ({
  subject: item.subject,
  verdict: item.verdict,
  reason: item.reason,
  rules: [...item.rules],
  locations: item.locations.map(plainRange),
});
const plainResult = (r: RenderedScenario) => ({ scenario: r.scenario, question: r.question, items: r.items.map(plainItem) });

/** `{ file, scenario, question, items }` for one scenario, `{ file, scenarios: [...] }` for all seven. */
export function formatScenarioJson(file: string, results: RenderedScenario | RenderedScenario[]): string {
  const body = Array.isArray(results) ? { file, scenarios: results.map(plainResult) } : { file, ...plainResult(results) };
  return JSON.stringify(body, null, 2);
}

/**
 * Human output, as the scenario report reads: each question as a heading, one line per item (✓ supported,
 * ✗ not supported, – not applicable) with its subject, reason, deciding rule ids and the 1-based
 * `file:line:column` of its first location, then the verdict counts.
 */
export function formatScenarioText(file: string, results: RenderedScenario[], locale: Locale): string {
  const lines = [message(locale, 'scenario.report.title', { file }), ''];
  const counts: Record<Verdict, number> = { 'supported': 0, 'not-supported': 0, 'not-applicable': 0 };
  for (const result of results) {
    lines.push(`${result.scenario}. ${result.question}`);
    for (const item of result.items) {
      counts[item.verdict]++;
      const rulesText = item.rules.length ? ` [${item.rules.join(', ')}]` : '';
      const first = item.locations[0];
      const where = first ? `  ${file}:${first.start.line + 1}:${first.start.character + 1}` : '';
      lines.push(`  ${VERDICT_MARKS[item.verdict]} ${item.subject} — ${item.reason}${rulesText}${where}`);
    }
    lines.push('');
  }
  lines.push(
    message(locale, 'scenario.report.summary', {
      supported: counts['supported'],
      notSupported: counts['not-supported'],
      notApplicable: counts['not-applicable'],
    }),
  );
  return lines.join('\n');
}

export type GraphFormat = 'dot' | 'mermaid' | 'json';
export const GRAPH_FORMATS: readonly GraphFormat[] = ['dot', 'mermaid', 'json'];

/** `graph`: the channel graph drawn in DOT or Mermaid, or the model itself as JSON; each ends with a line break. */
export function formatGraph(graph: ChannelGraph, format: GraphFormat, locale: Locale): string {
  if (format === 'dot') return renderGraphDot(graph, locale);
  if (format === 'mermaid') return renderGraphMermaid(graph, locale);
  return `${JSON.stringify(graph, null, 2)}\n`;
}
