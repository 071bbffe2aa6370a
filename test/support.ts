import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { check, CheckOptions, CheckResult, fixesFor } from '../server/src/core/check';
import type { Finding, Fix } from '../server/src/core/finding';
import { applyEdits } from '../server/src/core/text';
import type { ChannelGraph, GraphNode } from '../server/src/core/graph';

/** The repository root, whether this runs from `test/` or from the compiled `out/test/`. */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || dir.endsWith(`${path.sep}out`)) dir = path.dirname(dir);
  return dir;
})();

export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

interface EnumSetting {
  type: string;
  scope: string;
  enum: string[];
  default?: unknown;
}

/** The fields of package.json that the tests read. */
export interface PackageJson {
  name: string;
  publisher: string;
  main: string;
  l10n: string;
  engines: { node: string; vscode: string };
  activationEvents: string[];
  capabilities: unknown;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
    languages: { id: string; filenames: string[]; filenamePatterns: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: {
      properties: {
        'cspPartners.rules': { scope: string; properties: Record<string, EnumSetting>; additionalProperties: EnumSetting };
        'cspPartners.run': EnumSetting;
        'cspPartners.trace.server': EnumSetting;
      };
    };
  };
}

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
}

/** The date fixes record in tests, so baselines do not change with the calendar. */
export const TEST_TODAY = '2025-01-02';

/** Every fixture manifest under test/fixtures, relative paths in a stable order. */
export function fixtureFiles(dir = fixturesDir): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

/** Options a fixture asks for in its first lines: `# test-options: {"rules": {...}, "locale": "ja"}`. */
export function fixtureOptions(text: string): CheckOptions {
  const match = /^# test-options: (.*)$/m.exec(text);
  return match ? (JSON.parse(match[1]) as CheckOptions) : {};
}

export function checkFixture(relative: string): { text: string; result: CheckResult } {
  const text = readFileSync(path.join(fixturesDir, relative), 'utf8');
  return { text, result: check(text, fixtureOptions(text)) };
}

/**
 * The baseline: every source line, and under it each finding that starts there, with carets under its
 * range, its rule, severity and message, related locations and the titles of its quick fixes.
 */
export function renderBaseline(result: CheckResult): string {
  const { lines } = result.parsed;
  const out: string[] = [];
  const width = String(lines.lineCount).length;
  const byLine = new Map<number, Finding[]>();
  for (const f of result.findings) byLine.set(f.range.start.line, [...(byLine.get(f.range.start.line) ?? []), f]);
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    out.push(`${String(line + 1).padStart(width)} | ${text}`.trimEnd());
    for (const f of byLine.get(line) ?? []) {
      const { start, end } = f.range;
      const until = end.line === start.line ? end.character : text.length;
      const carets = ' '.repeat(start.character) + '^'.repeat(Math.max(1, until - start.character));
      const more = end.line !== start.line ? ` (to ${end.line + 1}:${end.character + 1})` : '';
      const pad = ' '.repeat(width);
      out.push(`${pad} | ${carets}${more}`);
      out.push(`${pad} | ${f.severity} ${f.rule}: ${f.message}`);
      for (const r of f.related ?? [])
        out.push(`${pad} |   related ${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}`);
      for (const fix of fixesFor(result, f, TEST_TODAY)) out.push(`${pad} |   fix: ${fix.title}`);
    }
  }
  return out.join('\n') + '\n';
}

export function baselinePath(relative: string): string {
  return path.join(fixturesDir, relative.replace(/\.ya?ml$/, '.baseline.txt'));
}

/** Applies a fix to the text it was computed on. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

export { check, fixesFor };

/** Where a fixture's expected channel graph is kept. */
export function graphBaselinePath(relative: string): string {
  return path.join(fixturesDir, relative.replace(/\.ya?ml$/, '.graph.txt'));
}

/**
 * A channel graph as a reviewer reads it: the nodes region by region, then the edges, each with the
 * findings on it (rule and line), then the findings about no element.
 */
export function renderGraph(graph: ChannelGraph): string {
  const out: string[] = [];
  const findingsOf = (element: { findings: number[] }) =>
    element.findings.map(
      (i) => `  ! ${graph.findings[i].severity} ${graph.findings[i].rule} (line ${graph.findings[i].range.start.line + 1})`,
    );
  const nodeLine = (n: GraphNode) => {
    const parts = [n.id, n.kind];
    if (n.label !== n.entity) parts.push(JSON.stringify(n.label));
    if (n.lines) parts.push(`lines ${n.lines[0] + 1}-${n.lines[1] + 1}`);
    if (n.count !== undefined) parts.push(`${n.count} customers: ${n.members!.join(', ')}`);
    if (n.matched) parts.push('matched');
    return [`  ${parts.join('  ')}`, ...findingsOf(n).map((l) => `  ${l}`)];
  };
  if (graph.nodes.some((n) => n.kind === 'microsoft')) out.push('microsoft');
  const regions = [...graph.groups.map((g) => g.id), undefined];
  for (const region of regions) {
    const nodes = graph.nodes.filter((n) => n.region === region && n.kind !== 'microsoft');
    if (!nodes.length) continue;
    const group = graph.groups.find((g) => g.id === region);
    out.push(group ? `region ${group.id} (errors: ${group.errors}, warnings: ${group.warnings})` : 'no region');
    for (const n of nodes) out.push(...nodeLine(n));
  }
  out.push('edges');
  for (const e of graph.edges) {
    const parts = [`${e.kind} ${e.source} -> ${e.target}`];
    if (e.subscriptions !== undefined) parts.push(`${e.subscriptions} subscription${e.subscriptions === 1 ? '' : 's'}`);
    if (e.linked === false) parts.push('not linked');
    if (e.range) parts.push(`line ${e.range.start.line + 1}`);
    out.push(`  ${parts.join('  ')}`, ...findingsOf(e).map((l) => `  ${l}`));
  }
  if (graph.unplaced.length) {
    out.push('about no element');
    for (const i of graph.unplaced)
      out.push(`  ${graph.findings[i].severity} ${graph.findings[i].rule} (line ${graph.findings[i].range.start.line + 1})`);
  }
  return out.join('\n') + '\n';
}

/** A manifest of `n` French customers of one reseller, one American customer of the same (a cross-region sale), and a Japanese channel. */
export function bigChannel(n: number): string {
  const lines = [
    'manifestVersion: 1',
    'partners:',
    '  - { id: contoso-dist, name: Contoso, type: indirect-provider, country: DE, mpa: { accepted: true, acceptedOn: 2024-01-01 } }',
    '  - id: fabrikam',
    '    name: Fabrikam',
    '    type: indirect-reseller',
    '    country: FR',
    '    mpa: { accepted: true, acceptedOn: 2024-01-01 }',
    '    onboarding: { aiCloudPartnerProgram: true, registeredAsIndirectReseller: true }',
    '    providers: [contoso-dist]',
    '  - id: tailspin-jp',
    '    name: Tailspin',
    '    type: direct-bill',
    '    country: JP',
    '    mpa: { accepted: true, acceptedOn: 2024-01-01 }',
    '    directBill: { apiIntegration: true, billingAndSupport: true, securityCompliance: true }',
    'customers:',
  ];
  const customer = (id: string, country: string, soldBy: string, provider?: string) => [
    `  - id: ${id}`,
    `    name: Customer ${id}`,
    `    country: ${country}`,
    '    subscriptions:',
    `      - { id: m365, offer: M365, soldBy: ${soldBy}${provider ? `, provider: ${provider}` : ''} }`,
    `      - { id: azure, offer: Azure, kind: azure, soldBy: ${soldBy}${provider ? `, provider: ${provider}` : ''} }`,
  ];
  for (let i = 1; i <= n; i++) lines.push(...customer(`fr-${i}`, 'FR', 'fabrikam', 'contoso-dist'));
  lines.push(...customer('us-1', 'US', 'fabrikam', 'contoso-dist'));
  lines.push(...customer('jp-1', 'JP', 'tailspin-jp'));
  return lines.join('\n') + '\n';
}
