/**
 * Baselines: the findings a team has accepted for now, so that only new ones are reported (adopting the
 * checker on an existing manifest without fixing everything at once). A finding is identified by its
 * rule, the place it is about written with ids (`customers/woodgrove/subscriptions/m365-e3/soldBy`, not
 * line numbers or list indexes) and what its message says (key and arguments, whatever the language):
 * an edit elsewhere in the file does not bring a baselined finding back; a changed finding is new.
 * The baseline file is small, sorted JSON, one entry per identity with a count, readable in a review.
 */
import { CheckResult, wordingOf } from './check';
import type { Finding } from './finding';
import type { Model, Path } from './model';
import { entityAt, referenceAt, subscriptionAt } from './queries';

export const BASELINE_VERSION = 1;

/** One accepted finding (or `count` alike) of one file. */
export interface BaselineEntry {
  /** The manifest, relative to the baseline file's folder, with `/` separators. */
  file: string;
  rule: string;
  /** The place, written with ids; empty for a finding about the text itself (a YAML error). */
  at: string;
  /** The message key and its arguments (ids, values), line numbers left out. */
  message: string;
  args: Record<string, string | number>;
  count: number;
}

export interface Baseline {
  version: number;
  findings: BaselineEntry[];
}

/** A finding's identity, without its file. */
export interface Identity {
  rule: string;
  at: string;
  message: string;
  args: Record<string, string | number>;
}

export function identityOf(result: CheckResult, finding: Finding): Identity {
  const wording = wordingOf(finding);
  return {
    rule: finding.rule,
    at: placeOf(result.model, finding.data?.path ?? []),
    message: wording?.key ?? finding.message,
    args: wording ? sortedArgs(wording.args) : {},
  };
}

/** One string per identity (and file), for counting and for SARIF's fingerprints. */
export function identityKey(identity: Identity, file = ''): string {
  return JSON.stringify([file, identity.rule, identity.at, identity.message, identity.args]);
}

/**
 * A JSON path written with ids: a partner or customer by its id, a subscription by its id, an entry of a
 * `providers` or `managedBy` list by the id it names; by `#index` where there is no id.
 */
export function placeOf(model: Model, path: Path): string {
  if (path.length < 2) return path.join('/');
  const parts: string[] = [String(path[0]), entityAt(model, path)?.id?.value ?? `#${path[1]}`];
  let next = 2;
  if (path[0] === 'customers' && path[2] === 'subscriptions' && typeof path[3] === 'number') {
    parts.push('subscriptions', subscriptionAt(model, path)?.id?.value ?? `#${path[3]}`);
    next = 4;
  }
  for (let i = next; i < path.length; i++) {
    const part = path[i];
    parts.push(typeof part === 'number' ? (referenceAt(model, path.slice(0, i + 1))?.value ?? `#${part}`) : part);
  }
  return parts.join('/');
}

function sortedArgs(args: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.keys(args)
      .sort()
      .map((name) => [name, args[name]]),
  );
}

/** The baseline of these files' findings: entries sorted by file, rule, place, message and arguments. */
export function makeBaseline(files: { file: string; result: CheckResult; findings: Finding[] }[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const { file, result, findings } of files) {
    for (const finding of findings) {
      const identity = identityOf(result, finding);
      const key = identityKey(identity, file);
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { file, ...identity, count: 1 });
    }
  }
  const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  return { version: BASELINE_VERSION, findings: sorted };
}

/** The findings of `file` that the baseline does not hold (as many of an identity as it counts are held). */
export function notInBaseline(baseline: Baseline, file: string, result: CheckResult, findings: Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const entry of baseline.findings) {
    if (entry.file !== file) continue;
    const key = identityKey(entry, file);
    left.set(key, (left.get(key) ?? 0) + entry.count);
  }
  if (!left.size) return findings;
  return findings.filter((finding) => {
    const key = identityKey(identityOf(result, finding), file);
    const n = left.get(key) ?? 0;
    if (n <= 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

/** A baseline read from JSON; a description of what is wrong (for a message) when it is not one. */
export function parseBaseline(json: string): Baseline | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const object = value as Partial<Baseline> | null;
  if (!object || typeof object !== 'object' || object.version !== BASELINE_VERSION || !Array.isArray(object.findings))
    return `not a baseline of version ${BASELINE_VERSION} ({ "version": ${BASELINE_VERSION}, "findings": [...] })`;
  for (const [i, entry] of object.findings.entries()) {
    const e = entry as Partial<BaselineEntry> | null;
    const good =
      e &&
      typeof e.file === 'string' &&
      typeof e.rule === 'string' &&
      typeof e.at === 'string' &&
      typeof e.message === 'string' &&
      e.args !== null &&
      typeof e.args === 'object' &&
      Object.values(e.args).every((v) => typeof v === 'string' || typeof v === 'number') &&
      Number.isInteger(e.count) &&
      e.count! > 0;
    if (!good) return `findings[${i}] is not { file, rule, at, message, args, count }`;
  }
  return object as Baseline;
}

/** The baseline as the file holds it: two-space JSON, one key per line, ending with a line break. */
export function baselineText(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
