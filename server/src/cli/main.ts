import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { check } from '../core/check';
import type { Finding, RuleSettings, SeveritySetting } from '../core/finding';
import { Locale, localeOf, message } from '../core/messages';
import { ruleById } from '../core/rules';
import { formatJson, formatSarif, formatText, FileReport } from './format';

/** Thrown for a bad invocation or an unreadable file: printed, exit status 2. */
class UsageError extends Error {}

type Format = 'text' | 'json' | 'sarif';
interface Options { files: string[]; format: Format; rules: RuleSettings; locale: Locale }

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
/** Manifest files as spec §1 names them, searched for when no file is given. */
const DEFAULT_PATTERN = '**/{csp-partners,*.csp-partners}.{yaml,yml}';

export interface Io { out(text: string): void; err(text: string): void; cwd: string; env: NodeJS.ProcessEnv }

/** Runs the CLI; returns the exit status (0 no error, 1 errors found, 2 bad invocation). */
export function run(argv: string[], io: Io): number {
  const locale = localeOf(flagValue(argv, '--locale') ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(message(locale, 'cli.usage'));
      return command === undefined ? 2 : 0;
    }
    if (command !== 'check') throw new UsageError(message(locale, 'cli.no-command', { value: command }));
    const options = parseCheckArgs(rest, locale);
    const reports = resolveFiles(options.files, io.cwd, locale).map((file) => checkFile(file, io.cwd, options));
    const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, locale) : formatText(reports, locale);
    io.out(output);
    return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`csp-partners: ${error.message}`);
    io.err(message(locale, 'cli.usage'));
    return 2;
  }
}

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

function parseCheckArgs(args: string[], locale: Locale): Options {
  const options: Options = { files: [], format: 'text', rules: {}, locale };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') { options.files.push(arg); continue; }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(message(locale, 'cli.missing-value', { flag }));
      return v;
    };
    switch (flag) {
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(message(locale, 'cli.bad-format', { value: format }));
        options.format = format;
        break;
      }
      case '--rule': {
        const spec = value();
        // Split at the first '=' only: `self-sale=error=x` is a bad severity, not `error`.
        const cut = spec.indexOf('=');
        const [id, severity] = cut < 0 ? [spec, ''] : [spec.slice(0, cut), spec.slice(cut + 1)];
        if (!id || !severity || !SEVERITIES.includes(severity as SeveritySetting) || (id === 'yaml-syntax' && severity === 'off')) throw new UsageError(message(locale, 'cli.bad-rule', { value: spec }));
        if (!ruleById.has(id)) throw new UsageError(message(locale, 'cli.unknown-rule', { value: id }));
        options.rules[id] = severity as SeveritySetting;
        break;
      }
      case '--locale':
        value();
        break;
      default:
        throw new UsageError(message(locale, 'cli.bad-flag', { flag: arg }));
    }
  }
  return options;
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
    if (!isDynamicPattern(pattern) || existsSync(path.resolve(cwd, pattern))) { files.push(pattern); continue; }
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

function checkFile(file: string, cwd: string, options: Options): FileReport {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    if (existsSync(absolute) && statSync(absolute).isDirectory()) throw new Error('is a directory');
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const detail = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : (error as Error).message;
    throw new UsageError(message(options.locale, 'cli.unreadable', { path: file, detail }));
  }
  const findings: Finding[] = check(text, { rules: options.rules, locale: options.locale }).findings;
  return { path: file, findings };
}
