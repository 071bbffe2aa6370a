import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { Baseline, baselineText, identityKey, identityOf, makeBaseline, notInBaseline, parseBaseline } from '../core/baseline';
import { check, CheckResult } from '../core/check';
import { MANIFEST_GLOB } from '../protocol';
import { fixText } from '../core/fix-all';
import { Finding, isSeveritySetting, RuleSettings } from '../core/finding';
import { channelGraph, GraphOptions } from '../core/graph';
import { regionIds } from '../core/regions';
import { Locale, localeOf, message } from '../messages';
import { ruleById, rules } from '../core/rules';
import { runAllScenarios, runScenario, ScenarioNumber, ScenarioResult, SCENARIOS, UnknownSubjectError } from '../core/scenarios';
import { renderScenario } from '../present/scenarios';
import { unifiedDiff } from './diff';
import {
  FileReport,
  formatGraph,
  formatJson,
  formatSarif,
  formatScenarioJson,
  formatScenarioText,
  formatText,
  GRAPH_FORMATS,
  GraphFormat,
} from './format';
import { writeFileAtomically, WriteFs } from './write';

/** Thrown for a bad invocation or an unreadable file: printed, exit status 2. */
class UsageError extends Error {}

type Format = 'text' | 'json' | 'sarif';
interface Options {
  files: string[];
  format: Format;
  rules: RuleSettings;
  locale: Locale;
  /** `--fix` writes the fixed files; `--fix-dry-run` prints the fixes as a diff. */
  fix?: 'write' | 'dry-run';
  /** `--baseline FILE`: findings it holds are not reported; with `--update-baseline` it is written instead. */
  baseline?: string;
  updateBaseline: boolean;
  /** `--quiet`: errors only. */
  quiet: boolean;
  /** `--max-warnings N`: exit status 1 when more warnings than this are reported. */
  maxWarnings?: number;
  /** `--output FILE`: the report goes there instead of stdout. */
  output?: string;
}

/** A file checked (or fixed): its findings and the check they come from (for their identities). */
interface Checked {
  path: string;
  result: CheckResult;
  findings: Finding[];
}

/** The rules `--rule ID=off` is rejected for, as the usage error names them. */
const ALWAYS_ON = rules
  .filter((rule) => !rule.canBeOff)
  .map((rule) => rule.id)
  .join(', ');
/** Manifest files as the format names them, searched for when no file is given. */
const DEFAULT_PATTERN = MANIFEST_GLOB;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The file operations `--fix` writes with (tests put a failing one in). */
  fs?: WriteFs;
}

/** Runs the CLI; returns the exit status (0 no error, 1 errors found, 2 bad invocation or a file the checker failed on). */
export function run(argv: string[], io: Io): number {
  const locale = localeOf(flagValue(argv, '--locale') ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(message(locale, 'cli.usage'));
      return command === undefined ? 2 : 0;
    }
    if (command === 'scenario') return runScenarioCommand(rest, locale, io);
    if (command === 'graph') return runGraphCommand(rest, locale, io);
    if (command !== 'check') throw new UsageError(message(locale, 'cli.no-command', { value: command }));
    const options = parseCheckArgs(rest, locale);
    return runCheckCommand(options, locale, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`csp-partners: ${error.message}`);
    io.err(message(locale, 'cli.usage'));
    return 2;
  }
}

/** `check`: files checked or fixed, a baseline read or written, the report where it was asked for, the exit status. */
function runCheckCommand(options: Options, locale: Locale, io: Io): number {
  const baselinePath = options.baseline && path.resolve(io.cwd, options.baseline);
  // Read before any file is fixed or checked: a bad baseline is a bad invocation.
  const baseline = baselinePath && !options.updateBaseline ? readBaseline(baselinePath, options.baseline!, locale) : undefined;
  /** A manifest as the baseline names it: relative to the baseline's folder, with `/`. */
  const inBaseline = (file: string) =>
    baselinePath ? path.relative(path.dirname(baselinePath), path.resolve(io.cwd, file)).split(path.sep).join('/') : file;
  const checked: Checked[] = [];
  let failed = false;
  for (const file of resolveFiles(options.files, io.cwd, locale)) {
    // A failure of the checker on one file is said on one line, and the other files are still checked.
    const done = internalErrorsTold(io, locale, file, () => (options.fix ? fixFile(file, io, options) : checkFile(file, io.cwd, options)));
    if (done) checked.push(done);
    else failed = true;
  }
  if (options.updateBaseline && baselinePath) {
    const made = makeBaseline(checked.map((c) => ({ file: inBaseline(c.path), result: c.result, findings: c.findings })));
    if (!writeOrTell(io, locale, baselinePath, options.baseline!, baselineText(made))) return 2;
    const count = made.findings.reduce((n, e) => n + e.count, 0);
    io.err(message(locale, 'cli.baseline-written', { path: options.baseline!, count }));
  }
  let warnings = 0;
  const reports: FileReport[] = checked.map(({ path: file, result, findings }) => {
    let shown = options.updateBaseline ? [] : baseline ? notInBaseline(baseline, inBaseline(file), result, findings) : findings;
    warnings += shown.filter((f) => f.severity === 'warning').length;
    if (options.quiet) shown = shown.filter((f) => f.severity === 'error');
    return { path: file, findings: shown, fingerprints: fingerprints(result, shown) };
  });
  const output =
    options.format === 'json'
      ? formatJson(reports)
      : options.format === 'sarif'
        ? formatSarif(reports, locale)
        : formatText(reports, locale);
  if (options.output) {
    if (!writeOrTell(io, locale, path.resolve(io.cwd, options.output), options.output, `${output}\n`)) return 2;
  } else if (options.fix === 'dry-run') io.err(output);
  // With --fix-dry-run the standard output is the diff alone (for `patch`, a review); the report follows on stderr.
  else io.out(output);
  if (failed) return 2;
  if (reports.some((r) => hasErrors(r.findings))) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`csp-partners: ${message(locale, 'cli.too-many-warnings', { count: warnings, max: options.maxWarnings })}`);
    return 1;
  }
  return 0;
}

/**
 * SARIF fingerprints: a hash of each finding's identity (rule, place by ids, message key and arguments),
 * numbered when one file has several alike, so that code scanning follows a finding across commits that
 * move its line.
 */
function fingerprints(result: CheckResult, findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256')
      .update(identityKey(identityOf(result, finding)))
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function readBaseline(absolute: string, shown: string, locale: Locale): Baseline {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const detail = detailOf(error);
    throw new UsageError(message(locale, 'cli.unreadable', { path: shown, detail }));
  }
  const baseline = parseBaseline(text);
  if (typeof baseline === 'string') throw new UsageError(message(locale, 'cli.bad-baseline', { path: shown, detail: baseline }));
  return baseline;
}

/** Writes a report or a baseline atomically; false (after saying why) when it cannot be written. */
function writeOrTell(io: Io, locale: Locale, absolute: string, shown: string, text: string): boolean {
  try {
    writeFileAtomically(absolute, Buffer.from(text, 'utf8'), io.fs);
    return true;
  } catch (error) {
    const detail = detailOf(error);
    io.err(`csp-partners: ${message(locale, 'cli.cannot-write', { path: shown, detail })}`);
    return false;
  }
}

/**
 * Runs `work` on `file`; an error that is not a usage error (a bug in the checker) is told on one line,
 * naming the file, and gives undefined.
 */
function internalErrorsTold<T>(io: Io, locale: Locale, file: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0];
    io.err(`csp-partners: ${message(locale, 'cli.internal-error', { path: file, detail })}`);
    return undefined;
  }
}

/** What makes the exit status 1: an error among the findings reported. */
function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** What a file operation's failure says in a message: its code (ENOENT, ENOSPC…), else its message. */
function detailOf(error: unknown): string {
  if (error instanceof Error) return 'code' in error ? String((error as NodeJS.ErrnoException).code) : error.message;
  return String(error);
}

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Splits arguments into positionals and options. An option of `known` takes a value, as `--flag value` or
 * `--flag=value`; one of `switches` stands alone. `-` alone is a positional (standard input is not
 * supported, so it reads as a path).
 */
function splitArgs(
  args: string[],
  known: readonly string[],
  locale: Locale,
  switches: readonly string[] = [],
): { positional: string[]; options: { flag: string; value: string; arg: string }[] } {
  const positional: string[] = [];
  const options: { flag: string; value: string; arg: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (switches.includes(arg)) {
      options.push({ flag: arg, value: '', arg });
      continue;
    }
    const cut = arg.indexOf('=');
    const flag = cut < 0 ? arg : arg.slice(0, cut);
    if (!known.includes(flag)) throw new UsageError(message(locale, 'cli.bad-flag', { flag: arg }));
    const value = cut < 0 ? args[++i] : arg.slice(cut + 1);
    if (value === undefined) throw new UsageError(message(locale, 'cli.missing-value', { flag }));
    options.push({ flag, value, arg });
  }
  return { positional, options };
}

function parseCheckArgs(args: string[], locale: Locale): Options {
  const { positional, options: flags } = splitArgs(
    args,
    ['--format', '--rule', '--locale', '--baseline', '--max-warnings', '--output'],
    locale,
    ['--fix', '--fix-dry-run', '--update-baseline', '--quiet'],
  );
  const options: Options = { files: positional, format: 'text', rules: {}, locale, updateBaseline: false, quiet: false };
  for (const { flag, value, arg } of flags) {
    switch (flag) {
      case '--baseline':
        options.baseline = value;
        break;
      case '--update-baseline':
        options.updateBaseline = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--output':
        options.output = value;
        break;
      case '--max-warnings':
        options.maxWarnings = wholeNumber(flag, value, locale);
        break;
      case '--fix':
      case '--fix-dry-run': {
        const fix = flag === '--fix' ? 'write' : 'dry-run';
        if (options.fix && options.fix !== fix) throw new UsageError(message(locale, 'cli.fix-both'));
        options.fix = fix;
        break;
      }
      case '--format': {
        const format = value;
        if (format !== 'text' && format !== 'json' && format !== 'sarif')
          throw new UsageError(message(locale, 'cli.bad-format', { value: format }));
        options.format = format;
        break;
      }
      case '--rule':
        addRuleSetting(options.rules, value, locale);
        break;
      case '--locale':
        break;
      default:
        throw new UsageError(message(locale, 'cli.bad-flag', { flag: arg }));
    }
  }
  if (options.updateBaseline && !options.baseline) throw new UsageError(message(locale, 'cli.update-needs-baseline'));
  return options;
}

/** `--rule ID=SEVERITY` into `rules`: split at the first '=' only (`self-sale=error=x` is a bad severity, not `error`). */
function addRuleSetting(rules: RuleSettings, spec: string, locale: Locale): void {
  const cut = spec.indexOf('=');
  const [id, severity] = cut < 0 ? [spec, ''] : [spec.slice(0, cut), spec.slice(cut + 1)];
  const cannotBeOff = severity === 'off' && ruleById.get(id)?.canBeOff === false;
  if (!id || !isSeveritySetting(severity) || cannotBeOff) {
    throw new UsageError(message(locale, 'cli.bad-rule', { value: spec, alwaysOn: ALWAYS_ON }));
  }
  if (!ruleById.has(id)) throw new UsageError(message(locale, 'cli.unknown-rule', { value: id }));
  rules[id] = severity;
}

/** The value of a count option (`--max-warnings N`, `--collapse N`): a whole number, else a usage error. */
function wholeNumber(flag: string, value: string, locale: Locale): number {
  if (!/^\d+$/.test(value)) throw new UsageError(message(locale, 'cli.bad-count', { flag, value }));
  return Number(value);
}

/**
 * Paths stay as given; globs expand in a stable order (absolute globs to absolute paths). A path that
 * names an existing file is that file even when it looks like a glob (`report (1).yaml`, `[x].yaml`).
 * A glob with no match is an error, as is a missing file. The same file named twice is checked once.
 */
function resolveFiles(patterns: string[], cwd: string, locale: Locale): string[] {
  const wanted = patterns.length ? patterns : [DEFAULT_PATTERN];
  const files: string[] = [];
  for (const pattern of wanted) {
    if (!isDynamicPattern(pattern) || existsSync(path.resolve(cwd, pattern))) {
      files.push(pattern);
      continue;
    }
    const absolute = path.isAbsolute(pattern);
    const matches = globSync(pattern, { cwd, absolute, ignore: ['**/node_modules/**'], dot: false }).sort();
    if (matches.length === 0) throw new UsageError(message(locale, 'cli.no-files', { pattern }));
    files.push(...matches);
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text of a manifest; a missing file, a directory or a read error is a usage error (exit 2). */
function readManifest(file: string, cwd: string, locale: Locale): string {
  return readManifestBytes(file, cwd, locale).toString('utf8');
}

function readManifestBytes(file: string, cwd: string, locale: Locale): Buffer {
  const absolute = path.resolve(cwd, file);
  try {
    if (existsSync(absolute) && statSync(absolute).isDirectory()) throw new Error('is a directory');
    return readFileSync(absolute);
  } catch (error) {
    const detail = detailOf(error);
    throw new UsageError(message(locale, 'cli.unreadable', { path: file, detail }));
  }
}

function checkFile(file: string, cwd: string, options: Options): Checked {
  const text = readManifest(file, cwd, options.locale);
  const result = check(text, { rules: options.rules, locale: options.locale });
  return { path: file, result, findings: result.findings };
}

/**
 * `check --fix`: the fixes "fix all" makes without a person, round after round (core/fix-all.ts), written
 * atomically, byte for byte outside the fixed spans (a byte-order mark kept); `--fix-dry-run` prints them
 * as a unified diff instead. What was fixed is said on stderr; the report is of the text after. Undefined
 * (the file left as it was, exit status 2) when the file cannot be written.
 */
function fixFile(file: string, io: Io, options: Options): Checked | undefined {
  const { locale } = options;
  const checkOptions = { rules: options.rules, locale };
  const bytes = readManifestBytes(file, io.cwd, locale);
  const original = bytes.toString('utf8');
  // Bytes that are not UTF-8 would not survive being decoded and written back.
  if (!Buffer.from(original, 'utf8').equals(bytes)) {
    io.err(`csp-partners: ${message(locale, 'cli.fix-not-utf8', { path: file })}`);
    const result = check(original, checkOptions);
    return { path: file, result, findings: result.findings };
  }
  const run = fixText(original, checkOptions);
  if (run.refused) io.err(`csp-partners: ${message(locale, 'cli.fix-refused', { path: file })}`);
  const fixed = (original.startsWith('\uFEFF') ? '\uFEFF' : '') + run.text;
  if (fixed !== original) {
    if (options.fix === 'dry-run') io.out(unifiedDiff(file, original, fixed));
    else {
      try {
        writeFileAtomically(path.resolve(io.cwd, file), Buffer.from(fixed, 'utf8'), io.fs);
      } catch (error) {
        const detail = detailOf(error);
        io.err(`csp-partners: ${message(locale, 'cli.fix-write-failed', { path: file, detail })}`);
        return undefined;
      }
    }
    const count = [...run.fixed.values()].reduce((a, b) => a + b, 0);
    const byRule = [...run.fixed].map(([rule, n]) => `${rule} ×${n}`).join(', ');
    io.err(message(locale, options.fix === 'dry-run' ? 'cli.would-fix' : 'cli.fixed', { path: file, count, rules: byRule }));
  }
  return { path: file, result: run.after, findings: run.after.findings };
}

interface ScenarioOptions {
  scenario: ScenarioNumber | 'all';
  file: string;
  customer?: string;
  partner?: string;
  format: 'text' | 'json';
}

/**
 * `csp-partners scenario <1-7|all> FILE [--customer ID | --partner ID] [--format text|json]` (spec §5, §6).
 * Exit status: 1 when an item is not supported (or the manifest has YAML syntax errors: no answer can
 * be given then, and the syntax findings are printed as `check` prints them), 0 otherwise, 2 for a bad
 * invocation, an unreadable file or an unknown customer or partner id.
 */
function runScenarioCommand(args: string[], locale: Locale, io: Io): number {
  const options = parseScenarioArgs(args, locale);
  const text = readManifest(options.file, io.cwd, locale);
  const result = internalErrorsTold(io, locale, options.file, () => check(text, { locale }));
  if (!result) return 2;
  const syntax = result.findings.filter((f) => f.rule === 'yaml-syntax');
  if (syntax.length) {
    const reports = [{ path: options.file, findings: syntax }];
    io.out(options.format === 'json' ? formatJson(reports) : formatText(reports, locale));
    io.err(`csp-partners: ${message(locale, 'cli.scenario.syntax-errors', { path: options.file })}`);
    return 1;
  }
  let results: ScenarioResult[];
  try {
    results =
      options.scenario === 'all'
        ? runAllScenarios(result)
        : [runScenario(result, options.scenario, { customer: options.customer, partner: options.partner })];
  } catch (error) {
    if (!(error instanceof UnknownSubjectError)) throw error;
    throw new UsageError(message(locale, `scenario.unknown-${error.kind}`, { id: error.id }));
  }
  const rendered = results.map((r) => renderScenario(r, locale));
  io.out(
    options.format === 'json'
      ? formatScenarioJson(options.file, options.scenario === 'all' ? rendered : rendered[0])
      : formatScenarioText(options.file, rendered, locale),
  );
  return results.some((r) => r.items.some((item) => item.verdict === 'not-supported')) ? 1 : 0;
}

function parseScenarioArgs(args: string[], locale: Locale): ScenarioOptions {
  const { positional, options } = splitArgs(args, ['--format', '--customer', '--partner', '--locale'], locale);
  let customer: string | undefined,
    partner: string | undefined,
    format: ScenarioOptions['format'] = 'text';
  for (const { flag, value, arg } of options) {
    switch (flag) {
      case '--format': {
        const v = value;
        if (v !== 'text' && v !== 'json') throw new UsageError(message(locale, 'cli.scenario.bad-format', { value: v }));
        format = v;
        break;
      }
      case '--customer':
        customer = value;
        break;
      case '--partner':
        partner = value;
        break;
      case '--locale':
        break;
      default:
        throw new UsageError(message(locale, 'cli.bad-flag', { flag: arg }));
    }
  }
  const [number, file, ...extra] = positional;
  if (number === undefined) throw new UsageError(message(locale, 'cli.scenario.arguments'));
  const scenario = number === 'all' ? 'all' : SCENARIOS.find((n) => String(n) === number);
  if (scenario === undefined) throw new UsageError(message(locale, 'cli.scenario.bad-number', { value: number }));
  if (file === undefined) throw new UsageError(message(locale, 'cli.scenario.arguments'));
  if (extra.length) throw new UsageError(message(locale, 'cli.scenario.extra-argument', { value: extra[0] }));
  if (customer !== undefined && partner !== undefined) throw new UsageError(message(locale, 'cli.scenario.both-subjects'));
  if (customer !== undefined && (scenario === 'all' || scenario > 3))
    throw new UsageError(message(locale, 'cli.scenario.customer-scenario', { value: number }));
  if (partner !== undefined && scenario !== 4) throw new UsageError(message(locale, 'cli.scenario.partner-scenario', { value: number }));
  return { scenario, file, customer, partner, format };
}

interface GraphCommandOptions {
  file: string;
  format: GraphFormat;
  rules: RuleSettings;
  graph: GraphOptions;
  output?: string;
}

/**
 * `csp-partners graph FILE [--format dot|mermaid|json] [--region R] [--partner ID] [--only-findings]
 * [--collapse N] [--rule ID=SEVERITY] [--output FILE]`: the channel graph of the core (core/graph.ts), with the
 * findings as `check` reports them, drawn in DOT or Mermaid or given as JSON. Exit status as `check`: 1 when
 * the manifest has an error (the graph is printed all the same), 0 otherwise, 2 for a bad invocation, an
 * unreadable file, a partner id the manifest does not have, or a file the checker failed on.
 */
function runGraphCommand(args: string[], locale: Locale, io: Io): number {
  const options = parseGraphArgs(args, locale);
  const text = readManifest(options.file, io.cwd, locale);
  const drawn = internalErrorsTold(io, locale, options.file, () => {
    const result = check(text, { rules: options.rules, locale });
    const partner = options.graph.partner;
    // With YAML syntax errors nothing could be read: Microsoft alone is the graph of what was, not a wrong id.
    const readable = !result.findings.some((f) => f.rule === 'yaml-syntax');
    if (partner !== undefined && readable && !result.model.partners.some((p) => p.id?.value === partner))
      throw new UsageError(message(locale, 'scenario.unknown-partner', { id: partner }));
    return { findings: result.findings, output: formatGraph(channelGraph(result, result.findings, options.graph), options.format, locale) };
  });
  if (!drawn) return 2;
  if (options.output) {
    if (!writeOrTell(io, locale, path.resolve(io.cwd, options.output), options.output, drawn.output)) return 2;
  } else io.out(drawn.output);
  return hasErrors(drawn.findings) ? 1 : 0;
}

function parseGraphArgs(args: string[], locale: Locale): GraphCommandOptions {
  const { positional, options: flags } = splitArgs(
    args,
    ['--format', '--region', '--partner', '--collapse', '--rule', '--output', '--locale'],
    locale,
    ['--only-findings'],
  );
  const [file, ...extra] = positional;
  if (file === undefined) throw new UsageError(message(locale, 'cli.graph.arguments'));
  if (extra.length) throw new UsageError(message(locale, 'cli.graph.extra-argument', { value: extra[0] }));
  const options: GraphCommandOptions = { file, format: 'dot', rules: {}, graph: {} };
  for (const { flag, value, arg } of flags) {
    switch (flag) {
      case '--format': {
        const format = GRAPH_FORMATS.find((f) => f === value);
        if (!format) throw new UsageError(message(locale, 'cli.graph.bad-format', { value }));
        options.format = format;
        break;
      }
      case '--region':
        if (!regionIds.includes(value))
          throw new UsageError(message(locale, 'cli.graph.unknown-region', { value, regions: regionIds.join(', ') }));
        options.graph.region = value;
        break;
      case '--partner':
        options.graph.partner = value;
        break;
      case '--only-findings':
        options.graph.onlyFindings = true;
        break;
      case '--collapse':
        options.graph.collapseAbove = wholeNumber(flag, value, locale);
        break;
      case '--rule':
        addRuleSetting(options.rules, value, locale);
        break;
      case '--output':
        options.output = value;
        break;
      case '--locale':
        break;
      default:
        throw new UsageError(message(locale, 'cli.bad-flag', { flag: arg }));
    }
  }
  return options;
}
