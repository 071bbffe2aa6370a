/**
 * The CLI's baseline in the editor (setting `cspPartners.baseline`): findings the baseline file holds are
 * shown as hints, marked as baselined, or hidden (`cspPartners.baselineFindings`). The file is read again
 * when it changes on disk (its modification time and size are compared on every pull; the client also
 * tells the server of changed JSON files, so that the problems are pulled again).
 */
import { statSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Baseline, notInBaseline, parseBaseline } from '../core/baseline';
import type { CheckResult } from '../core/check';
import type { Finding } from '../core/finding';
import { Locale, message } from '../messages';

export type BaselineFindings = 'hint' | 'hide';

/** What a pull shows of a document's findings, and what names that view in its result id. */
export interface BaselineView {
  findings: Finding[];
  /** Changes when the baseline file or the way it is applied changes. */
  stamp: string;
}

interface Loaded {
  stamp: string;
  baseline?: Baseline;
}

export class BaselineFiles {
  private readonly loaded = new Map<string, Loaded>();
  /** Problems already told, by file and stamp: a broken baseline is said once, not on every pull. */
  private readonly told = new Set<string>();

  /** `workspaceFolders`: the folders' paths, where a relative `cspPartners.baseline` is looked for. */
  constructor(
    private readonly workspaceFolders: () => string[],
    private readonly tell: (problem: string) => void,
  ) {}

  /** Whether `file` (a path) is a baseline some document reads: when it changes, the problems are pulled again. */
  isInUse(file: string): boolean {
    return this.loaded.has(path.resolve(file));
  }

  /**
   * The findings of the document at `uri` as the setting shows them. Without a baseline setting, or a
   * baseline that cannot be read (said once), every finding as it is.
   */
  view(uri: string, setting: { baseline: string; baselineFindings: BaselineFindings }, result: CheckResult, locale: Locale): BaselineView {
    const manifest = filePath(uri);
    if (!setting.baseline || !manifest) return { findings: result.findings, stamp: '' };
    const file = this.resolve(setting.baseline, manifest);
    const { baseline, stamp } = this.load(file, locale);
    if (!baseline) return { findings: result.findings, stamp };
    const asNamed = path.relative(path.dirname(file), manifest).split(path.sep).join('/');
    const shown = new Set(notInBaseline(baseline, asNamed, result, result.findings));
    if (shown.size === result.findings.length) return { findings: result.findings, stamp: `${stamp}:${setting.baselineFindings}` };
    const findings =
      setting.baselineFindings === 'hide'
        ? result.findings.filter((f) => shown.has(f))
        : result.findings.map((f) =>
            shown.has(f) ? f : { ...f, severity: 'hint' as const, message: message(locale, 'lsp.baselined', { message: f.message }) },
          );
    return { findings, stamp: `${stamp}:${setting.baselineFindings}` };
  }

  /** A relative setting names a file in the manifest's workspace folder (the manifest's own folder outside any). */
  private resolve(setting: string, manifest: string): string {
    if (path.isAbsolute(setting)) return path.normalize(setting);
    const folder = this.workspaceFolders()
      .filter((f) => manifest.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    return path.resolve(folder ?? path.dirname(manifest), setting);
  }

  private load(file: string, locale: Locale): Loaded {
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch (error) {
      this.tellOnce(file, 'missing', message(locale, 'lsp.baseline-unreadable', { path: file, detail: codeOf(error) }));
      this.loaded.set(file, { stamp: 'missing' });
      return { stamp: 'missing' };
    }
    const known = this.loaded.get(file);
    if (known?.stamp === stamp) return known;
    let loaded: Loaded;
    try {
      const parsed = parseBaseline(readFileSync(file, 'utf8'));
      if (typeof parsed === 'string') {
        this.tellOnce(file, stamp, message(locale, 'lsp.baseline-bad', { path: file, detail: parsed }));
        loaded = { stamp };
      } else loaded = { stamp, baseline: parsed };
    } catch (error) {
      this.tellOnce(file, stamp, message(locale, 'lsp.baseline-unreadable', { path: file, detail: codeOf(error) }));
      loaded = { stamp };
    }
    this.loaded.set(file, loaded);
    return loaded;
  }

  private tellOnce(file: string, stamp: string, problem: string): void {
    const key = `${file}\0${stamp}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    this.tell(problem);
  }
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

const codeOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
