/**
 * `npm run bench`: how the full check scales with the manifest size, in-process and over the protocol.
 *
 * In-process, for 1k, 10k and 50k customers: file size, median time of `yaml`'s `parseDocument` (the
 * floor any check pays) and of `check(text)`, their ratio, the findings, and the peak memory of one
 * check in a fresh child process; for the 10k file also the time of each stage of the pipeline; and the
 * channel graph of the checked manifest (the partner network's and the channel tree's data), whole and
 * collapsed as the view first shows it.
 *
 * Over the protocol (./protocol.ts, ./yaml-ls.ts), for 10k and 50k customers: cold open, each kind of
 * edit → diagnostics, requests after an edit, fix-all, a hover while a big file opens, the server's
 * peak RSS, and the same few numbers for yaml-language-server. `npm run bench -- --quick` keeps to 10k.
 *
 * Results go to stdout as Markdown tables (progress to stderr) and to `.bench/results.json`.
 * Nothing here asserts timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import { check, CheckResult, resultOf } from '../../server/src/core/check';
import { channelGraph } from '../../server/src/core/graph';
import type { Finding } from '../../server/src/core/finding';
import { Manifest } from '../../server/src/core/manifest';
import { repoRoot } from '../support';
import { generateManifest, GENERATOR_VERSION } from './generate';
import { benchServer, hoverDuringOpen, HoverDuringOpen, ServerBench } from './protocol';
import { protocolTables } from './report';
import { MB, median, round, summarize } from './stats';
import { benchYamlLs, YamlLsResult } from './yaml-ls';

const QUICK = process.argv.includes('--quick');
const SIZES = [
  { customers: 1_000, runs: 5 },
  { customers: 10_000, runs: 5 },
  { customers: 50_000, runs: 3 },
].filter((s) => !QUICK || s.customers <= 10_000);
const STAGE_SIZE = 10_000;

/**
 * Runs over the protocol. Today's server takes seconds per check at 10k and tens of seconds at 50k,
 * so the edit rounds stop at a time budget (one round always runs): the whole bench stays near
 * 15 minutes now and gets more rounds by itself once the server is faster.
 */
const PROTOCOL_SIZES = [
  { customers: 10_000, coldRuns: 5, editRuns: 5, editBudgetMs: 180_000, featureRuns: 3, yamlLs: { coldRuns: 3, editRuns: 3 } },
  { customers: 50_000, coldRuns: 3, editRuns: 3, editBudgetMs: 180_000, featureRuns: 0, yamlLs: { coldRuns: 1, editRuns: 1 } },
].filter((s) => !QUICK || s.customers <= 10_000);
/** Opens of the biggest manifest while hovering in the small example (each gives a hover every 250 ms), and their budget. */
const HOVER_OPENS = { runs: 3, budgetMs: 30_000 };

const benchDir = path.join(repoRoot, '.bench');
const gc = (globalThis as { gc?: () => void }).gc;
const started = performance.now();
/** Progress on stderr, each line with the time since the start: where a long run spends its minutes. */
const progress = (step: string): void => {
  const s = Math.round((performance.now() - started) / 1000);
  process.stderr.write(`[${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${step}\n`);
};

function countByRule(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Milliseconds of `runs` calls of each function, interleaved (a, b, a, b, ...) so that a busy moment of
 * the machine hits both alike; a collection before each call when `--expose-gc` is on.
 */
function timeInterleaved(runs: number, fns: Record<string, () => void>): Record<string, number[]> {
  const times: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      gc?.();
      const start = performance.now();
      fn();
      (times[name] ??= []).push(performance.now() - start);
    }
  }
  return times;
}

/** The generated manifest for `customers`, written once per generator version and reused after. */
function manifestFile(customers: number): string {
  const file = path.join(benchDir, `csp-partners-${customers}.g${GENERATOR_VERSION}.yaml`);
  if (!existsSync(file)) {
    mkdirSync(benchDir, { recursive: true });
    progress(`generating ${path.relative(repoRoot, file)}`);
    writeFileSync(`${file}.tmp`, generateManifest(customers));
    renameSync(`${file}.tmp`, file);
  }
  return file;
}

/**
 * The parse the core builds on, without anything the core adds (documents list, unique keys, line
 * index, alias check).
 */
function bareParse(text: string): void {
  parseDocument(text, { lineCounter: new LineCounter() });
}

/** Child mode: one bare parse or one check of `file` in a fresh process, then its peak resident memory. */
function memoryChild(what: string, file: string): void {
  const text = readFileSync(file, 'utf8');
  const beforeKB = process.resourceUsage().maxRSS;
  if (what === 'parse') bareParse(text);
  else check(text);
  const afterKB = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ beforeKB, afterKB }));
}

/** Peak RSS (MB) of a fresh process that reads `file` and parses or checks it once, and its RSS before. */
function measureMemory(what: 'parse' | 'check', file: string): { peakMB: number; beforeMB: number } {
  const child = spawnSync(process.execPath, [__filename, '--memory', what, file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory child failed for ${what} ${file}:\n${child.stderr}`);
  const { beforeKB, afterKB } = JSON.parse(child.stdout) as { beforeKB: number; afterKB: number };
  return { peakMB: round(afterKB / 1024), beforeMB: round(beforeKB / 1024) };
}

/**
 * The check of a fresh text (every segment parsed, every unit run), and the same manifest after a
 * one-character edit in the middle of the text (the incremental path), in the same loop.
 */
function measureStages(text: string, runs: number) {
  const times: Record<string, number[]> = { 'open (full check)': [], 'one-character edit': [] };
  for (let i = 0; i < runs; i++) {
    gc?.();
    let t = performance.now();
    const manifest = new Manifest(text);
    resultOf(manifest);
    times['open (full check)'].push(performance.now() - t);
    const at = text.indexOf('\n    name: ', text.length >> 1) + 12;
    t = performance.now();
    manifest.edit(at, at, 'x');
    resultOf(manifest);
    times['one-character edit'].push(performance.now() - t);
  }
  const stages = Object.fromEntries(Object.entries(times).map(([stage, values]) => [stage, round(median(values))]));
  return { stages };
}

type InProcessResult = ReturnType<typeof inProcessSize>;

/** The in-process numbers of one size (the first table). */
function inProcessSize(customers: number, runs: number, file: string) {
  const text = readFileSync(file, 'utf8');
  progress(`${customers} customers in-process: timing`);
  let result: CheckResult | undefined;
  const times = timeInterleaved(runs, {
    parse: () => bareParse(text),
    check: () => {
      result = check(text);
    },
  });
  const findings = result!.findings;
  const parseMs = median(times.parse);
  const checkMs = median(times.check);
  progress(`${customers} customers in-process: memory`);
  const memory = measureMemory('check', file);
  const parseMemory = measureMemory('parse', file);
  progress(`${customers} customers in-process: channel graph`);
  const graph = graphOf(result!, runs);
  return {
    customers,
    file: path.relative(repoRoot, file),
    sizeMB: round(Buffer.byteLength(text) / MB, 2),
    runs,
    parseMs: round(parseMs),
    checkMs: round(checkMs),
    ratio: round(checkMs / parseMs, 2),
    findings: findings.length,
    findingsByRule: countByRule(findings),
    peakRssMB: memory.peakMB,
    parsePeakRssMB: parseMemory.peakMB,
    rssBeforeMB: memory.beforeMB,
    graph,
  };
}

/**
 * The channel graph of a check: built afresh (a copy of the findings defeats the cache of one check, as an
 * edit does), as the view first shows it (collapsed) and whole; then one more view of the same version.
 */
function graphOf(result: CheckResult, runs: number) {
  const times = timeInterleaved(runs, {
    collapsed: () => channelGraph(result, [...result.findings]),
    whole: () => channelGraph(result, [...result.findings], { collapseAbove: 0 }),
  });
  const again = timeInterleaved(runs, { region: () => channelGraph(result, result.findings, { region: 'europe' }) });
  const shown = channelGraph(result, result.findings);
  return {
    collapsedMs: round(median(times.collapsed)),
    wholeMs: round(median(times.whole)),
    sameVersionMs: round(median(again.region)),
    nodes: shown.nodes.length,
    edges: shown.edges.length,
    jsonMB: round(Buffer.byteLength(JSON.stringify(shown)) / MB, 2),
  };
}

function inProcessTables(results: InProcessResult[], stageResult: ReturnType<typeof measureStages> | undefined): string {
  const lines = [
    '### In-process: check against a bare parse',
    '',
    '| customers | size (MB) | parseDocument median (ms) | check median (ms) | check / parse | findings ' +
      '| peak RSS check (MB) | peak RSS parseDocument (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.customers} | ${r.sizeMB} | ${r.parseMs} | ${r.checkMs} | ${r.ratio}x | ${r.findings} ` +
        `| ${r.peakRssMB} | ${r.parsePeakRssMB} |`,
    ),
  ];
  lines.push(
    '',
    'The channel graph of the checked manifest (median ms): built after an edit, collapsed as the view first shows it and',
    'whole; another view of the same version (a region); and the size of the collapsed graph.',
    '',
    '| customers | build, collapsed | build, whole | same version again | nodes | edges | JSON (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      ({ customers, graph: g }) =>
        `| ${customers} | ${g.collapsedMs} | ${g.wholeMs} | ${g.sameVersionMs} | ${g.nodes} | ${g.edges} | ${g.jsonMB} |`,
    ),
  );
  if (stageResult) {
    lines.push(
      '',
      `A check for ${STAGE_SIZE} customers, fresh and after a one-character edit (median ms):`,
      '',
      '| stage | ms |',
      '|---|---:|',
    );
    for (const [stage, ms] of Object.entries(stageResult.stages)) lines.push(`| ${stage} | ${ms} |`);
  }
  return lines.join('\n');
}

/** Sections 1–7 over the protocol, one size after the other (never two servers busy at once). */
async function protocolSections(files: Map<number, string>) {
  const servers: ServerBench[] = [];
  const yamlLs: YamlLsResult[] = [];
  for (const size of PROTOCOL_SIZES) {
    const text = readFileSync(files.get(size.customers)!, 'utf8');
    const step = (name: string) => progress(`${size.customers} customers over the protocol: ${name}`);
    servers.push(await benchServer(text, { ...size, parse: bareParse }, step));
    step('yaml-language-server');
    yamlLs.push(await benchYamlLs(text, size.customers, size.yamlLs.coldRuns, size.yamlLs.editRuns));
  }
  const biggest = PROTOCOL_SIZES[PROTOCOL_SIZES.length - 1].customers;
  progress(`hover in a small manifest while ${biggest} customers open`);
  const bigText = readFileSync(files.get(biggest)!, 'utf8');
  const hover: HoverDuringOpen = await hoverDuringOpen(bigText, biggest, HOVER_OPENS.runs, HOVER_OPENS.budgetMs);
  const sizeMB = (customers: number) => round(Buffer.byteLength(readFileSync(files.get(customers)!)) / MB, 2);
  const sizes = Object.fromEntries(PROTOCOL_SIZES.map((s) => [s.customers, sizeMB(s.customers)]));
  return { sizes, servers, hoverDuringOpen: hover, yamlLs };
}

/** For the JSON: every series of times (`...Ms: number[]`) with its median and spread next to the values. */
function withSummaries(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSummaries);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const isSeries = /Ms$/.test(key) && Array.isArray(v) && v.every((x) => typeof x === 'number');
      return [key, isSeries ? { ...summarize(v), values: v.map((x) => round(x)) } : withSummaries(v)];
    }),
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--memory') return memoryChild(process.argv[3], process.argv[4]);
  if (!gc) console.warn('global.gc is not available: run with node --expose-gc for steadier numbers.');

  const files = new Map([...SIZES, ...PROTOCOL_SIZES].map((s) => [s.customers, manifestFile(s.customers)]));
  // Warm up once (ajv compiles the schema on the first check, the JIT sees the code) on the smallest file.
  const warm = readFileSync(files.get(SIZES[0].customers)!, 'utf8');
  bareParse(warm);
  check(warm);

  const results = SIZES.map(({ customers, runs }) => inProcessSize(customers, runs, files.get(customers)!));
  let stageResult: ReturnType<typeof measureStages> | undefined;
  if (files.has(STAGE_SIZE)) {
    progress(`${STAGE_SIZE} customers in-process: stages`);
    stageResult = measureStages(readFileSync(files.get(STAGE_SIZE)!, 'utf8'), SIZES.find((s) => s.customers === STAGE_SIZE)!.runs);
  }
  const protocol = await protocolSections(files);

  console.log(['', inProcessTables(results, stageResult), '', protocolTables(protocol)].join('\n'));
  const json = {
    generatorVersion: GENERATOR_VERSION,
    node: process.version,
    date: new Date().toISOString(),
    gc: Boolean(gc),
    quick: QUICK,
    totalSeconds: Math.round((performance.now() - started) / 1000),
    results,
    stages: stageResult && { customers: STAGE_SIZE, ...stageResult },
    protocol: withSummaries(protocol),
  };
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(repoRoot, path.join(benchDir, 'results.json'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
