import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, CheckOptions, CheckResult } from '../core/check';
import type { RuleSettings, SeveritySetting } from '../core/finding';

/** The settings of spec §4 and the extension, as the client sends them per resource. */
export interface Settings { rules: RuleSettings; run: 'onType' | 'onSave' }

const DEFAULT_SETTINGS: Settings = { rules: {}, run: 'onType' };
const SEVERITY_SETTINGS: ReadonlySet<string> = new Set<SeveritySetting>(['error', 'warning', 'info', 'hint', 'off']);

/**
 * The settings as the client sent them, made safe: only `rules` entries whose value is a severity or
 * `off` are kept (anything else, a typo in settings.json, leaves that rule at its default).
 */
export function settingsOf(value: unknown): Settings {
  const raw = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { rules?: unknown; run?: unknown }) : {};
  const rules: RuleSettings = {};
  if (raw.rules !== null && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    for (const [rule, setting] of Object.entries(raw.rules)) {
      if (typeof setting === 'string' && SEVERITY_SETTINGS.has(setting)) rules[rule] = setting as SeveritySetting;
    }
  }
  return { rules, run: raw.run === 'onSave' ? 'onSave' : DEFAULT_SETTINGS.run };
}

/** The options each stored check ran with: a feature that checks an edited text again must use the same. */
const optionsOfResult = new WeakMap<CheckResult, CheckOptions>();
export const checkOptionsOf = (result: CheckResult): CheckOptions => optionsOfResult.get(result) ?? { locale: result.locale };

interface Entry {
  version: number;
  settingsKey: string;
  result: CheckResult;
  durationMs: number;
  /** Names this version's diagnostics in pull reports, so that an unchanged document is answered "unchanged". */
  resultId: string;
}

/** Result ids of an earlier server process (after a restart) never match this one's. */
const PROCESS_TAG = `${process.pid.toString(36)}.${Date.now().toString(36)}`;

/**
 * One check per document version (and settings), shared by every feature: diagnostics, code
 * actions, completion, hover and navigation all read the same CheckResult.
 */
export class ManifestStore {
  private readonly entries = new Map<string, Entry>();
  private readonly settings = new Map<string, Promise<Settings>>();
  private supportsConfiguration = false;

  constructor(private readonly connection: Connection, private readonly locale: string) {}

  enableConfiguration(): void { this.supportsConfiguration = true; }

  /** Settings for one document, asked of the client once and kept until they change. */
  settingsFor(uri: string): Promise<Settings> {
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.supportsConfiguration
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cspPartners' })
          .then(settingsOf)
          .catch(() => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      this.settings.set(uri, settings);
    }
    return settings;
  }

  /** The check of the document's current version, computed on first use. */
  async resultFor(document: TextDocument): Promise<Entry> {
    const settings = await this.settingsFor(document.uri);
    return this.resultWith(document, settings);
  }

  /** The cached check when one exists for this version; for features that must not wait on settings. */
  cached(document: TextDocument): CheckResult | undefined {
    const entry = this.entries.get(document.uri);
    return entry?.version === document.version ? entry.result : undefined;
  }

  /** The check of the current version with whatever settings were last used (features other than diagnostics). */
  async current(document: TextDocument): Promise<CheckResult> {
    return this.cached(document) ?? (await this.resultFor(document)).result;
  }

  private resultWith(document: TextDocument, settings: Settings): Entry {
    const settingsKey = JSON.stringify(settings.rules);
    const known = this.entries.get(document.uri);
    if (known && known.version === document.version && known.settingsKey === settingsKey) return known;
    const started = performance.now();
    const options: CheckOptions = { rules: settings.rules, locale: this.locale };
    const result = check(document.getText(), options);
    optionsOfResult.set(result, options);
    const resultId = `${PROCESS_TAG}:${document.uri}:${document.version}:${settingsKey}`;
    const entry = { version: document.version, settingsKey, result, durationMs: performance.now() - started, resultId };
    this.entries.set(document.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.settings.delete(uri);
  }

  /** Settings changed: every document is checked again with the new ones. */
  resetSettings(): void {
    this.settings.clear();
    // Checks made with the old settings must not answer code actions, navigation or status any more.
    this.entries.clear();
  }
}
