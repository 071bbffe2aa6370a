/**
 * `npm run bench`: how the full check scales with the manifest size, against the bare YAML parse.
 *
 * For 1k, 10k and 50k customers: file size, median time of `yaml`'s `parseDocument` (the floor any
 * check pays) and of `check(text)`, their ratio, the findings, and the peak memory of one check in
 * a fresh child process. For the 10k file also the time of each stage of the pipeline.
 * Results go to stdout as a Markdown table and to `.bench/results.json`. Nothing here asserts timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import { measureProtocol } from './protocol';
import { check, resultOf } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/finding';
import { Manifest } from '../../server/src/core/manifest';
import { repoRoot } from '../support';
import { generateManifest, GENERATOR_VERSION } from './generate';

const SIZES = [
  { customers: 1_000, runs: 5 },
  { customers: 10_000, runs: 5 },
  { customers: 50_000, runs: 3 },
];
const STAGE_SIZE = 10_000;
const benchDir = path.join(repoRoot, '.bench');
const gc = (globalThis as { gc?: () => void }).gc;

const MB = 1024 * 1024;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

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
    process.stdout.write(`generating ${path.relative(repoRoot, file)} ... `);
    writeFileSync(`${file}.tmp`, generateManifest(customers));
    renameSync(`${file}.tmp`, file);
    process.stdout.write('done\n');
  }
  return file;
}

/** The parse the core builds on, without anything the core adds (documents list, unique keys, line index, alias check). */
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

/** Peak RSS (MB) of a fresh process that reads `file` and parses or checks it once, and its RSS before that. */
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
    manifest.edit(`${text.slice(0, at)}x${text.slice(at)}`, { start: at, end: at, length: 1 });
    resultOf(manifest);
    times['one-character edit'].push(performance.now() - t);
  }
  const stages = Object.fromEntries(Object.entries(times).map(([stage, values]) => [stage, round(median(values))]));
  return { stages, slowestRules: [] as { rule: string; ms: number }[] };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--memory') return memoryChild(process.argv[3], process.argv[4]);
  if (!gc) console.warn('global.gc is not available: run with node --expose-gc for steadier numbers.');

  const files = SIZES.map((s) => manifestFile(s.customers));
  // Warm up once (ajv compiles the schema on the first check, the JIT sees the code) on the smallest file.
  const warm = readFileSync(files[0], 'utf8');
  bareParse(warm);
  check(warm);

  const results = [];
  let stageResult: ReturnType<typeof measureStages> | undefined;
  for (const [i, { customers, runs }] of SIZES.entries()) {
    const text = readFileSync(files[i], 'utf8');
    process.stdout.write(`${customers} customers: timing ... `);
    let findings: Finding[] = [];
    const times = timeInterleaved(runs, { parse: () => bareParse(text), check: () => { findings = check(text).findings; } });
    const parseMs = median(times.parse);
    const checkMs = median(times.check);
    if (customers === STAGE_SIZE) stageResult = measureStages(text, runs);
    process.stdout.write('memory ... ');
    const memory = measureMemory('check', files[i]);
    const parseMemory = measureMemory('parse', files[i]);
    process.stdout.write('done\n');
    results.push({
      customers,
      file: path.relative(repoRoot, files[i]),
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
    });
  }

  // Over the protocol: the language server as the editor sees it (1k and 10k, as the issue asks).
  const protocol = [];
  for (const [i, { customers }] of SIZES.entries()) {
    if (customers > 10_000) continue;
    process.stdout.write(`${customers} customers: protocol ... `);
    const times = await measureProtocol(readFileSync(files[i], 'utf8'), 5);
    protocol.push({ customers, openMs: round(median(times.openMs)), editMs: round(median(times.editMs)) });
    process.stdout.write('done\n');
  }

  const lines = [
    '',
    '| customers | size (MB) | parseDocument median (ms) | check median (ms) | check / parse | findings | peak RSS check (MB) | peak RSS parseDocument (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.customers} | ${r.sizeMB} | ${r.parseMs} | ${r.checkMs} | ${r.ratio}x | ${r.findings} | ${r.peakRssMB} | ${r.parsePeakRssMB} |`),
  ];
  if (stageResult) {
    lines.push('', `Stages of check for ${STAGE_SIZE} customers (median ms):`, '', '| stage | ms |', '|---|---:|');
    for (const [stage, ms] of Object.entries(stageResult.stages)) lines.push(`| ${stage} | ${ms} |`);
    lines.push('', `Slowest rules: ${stageResult.slowestRules.map((r) => `${r.rule} ${r.ms} ms`).join(', ')}`);
  }
  lines.push('', 'Language server over stdio (median of 5 runs, ms):', '', '| customers | didOpen → diagnostics | edit → diagnostics |', '|---:|---:|---:|');
  for (const p of protocol) lines.push(`| ${p.customers} | ${p.openMs} | ${p.editMs} |`);
  console.log(lines.join('\n'));

  const json = {
    generatorVersion: GENERATOR_VERSION,
    node: process.version,
    date: new Date().toISOString(),
    gc: Boolean(gc),
    results,
    stages: stageResult && { customers: STAGE_SIZE, ...stageResult },
    protocol,
  };
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(repoRoot, path.join(benchDir, 'results.json'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
