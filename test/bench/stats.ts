// Small numeric helpers shared by the in-process and the protocol benchmarks.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export const MB = 1024 * 1024;

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What a table shows of a series of timings: the median and the spread, rounded to 0.1 ms. */
export interface Summary {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function summarize(values: number[]): Summary {
  return {
    runs: values.length,
    medianMs: round(median(values)),
    minMs: round(values.length ? Math.min(...values) : NaN),
    maxMs: round(values.length ? Math.max(...values) : NaN),
  };
}

/**
 * Peak resident memory (MB) of another process so far: `VmHWM` of `/proc/<pid>/status`. Linux only;
 * undefined elsewhere or once the process is gone, so a table shows a gap instead of failing the run.
 */
export function peakRssMB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kB = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kB === undefined ? undefined : round(Number(kB) / 1024);
  } catch {
    return undefined;
  }
}

/** Rejects when `promise` has not settled after `ms`: a stuck server ends the run with a message, not a hang. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Runs `run` up to `maxRuns` times, and starts another only while the time spent so far plus the last
 * run's stays within `budgetMs`; one run always happens. Slow cases get fewer runs today and all of
 * them once the server is faster, without editing run counts.
 */
export async function repeatWithin(maxRuns: number, budgetMs: number, run: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let last = 0;
  let runs = 0;
  while (runs < maxRuns && (runs === 0 || performance.now() - started + last <= budgetMs)) {
    const runStart = performance.now();
    await run(runs++);
    last = performance.now() - runStart;
  }
  return runs;
}
