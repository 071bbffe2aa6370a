import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckOptions, CheckResult, resultOf } from '../core/check';
import { isSeveritySetting, RuleSettings } from '../core/finding';
import { Manifest, WholeSyntax } from '../core/manifest';
import { SETTINGS_SECTION } from '../protocol';
import type { BaselineFindings } from './baseline';
import { AppliedChange, ManifestDocument } from './document';
import { WholeParser } from './whole-parse';

/** The settings of spec §4 and the extension, as the client sends them per resource. */
export interface Settings {
  rules: RuleSettings;
  run: 'onType' | 'onSave';
  /** A baseline file of the CLI (`--baseline`), relative to the workspace folder; '' for none. */
  baseline: string;
  /** How findings the baseline holds are shown: as hints, or not at all. */
  baselineFindings: BaselineFindings;
}

const DEFAULT_SETTINGS: Settings = { rules: {}, run: 'onType', baseline: '', baselineFindings: 'hint' };

/**
 * The settings as the client sent them, made safe: only `rules` entries whose value is a severity or
 * `off` are kept (anything else, a typo in settings.json, leaves that rule at its default).
 */
export function settingsOf(value: unknown): Settings {
  const raw =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as { rules?: unknown; run?: unknown; baseline?: unknown; baselineFindings?: unknown })
      : {};
  const rules: RuleSettings = {};
  if (raw.rules !== null && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    for (const [rule, setting] of Object.entries(raw.rules)) {
      if (isSeveritySetting(setting)) rules[rule] = setting;
    }
  }
  return {
    rules,
    run: raw.run === 'onSave' ? 'onSave' : DEFAULT_SETTINGS.run,
    baseline: typeof raw.baseline === 'string' ? raw.baseline.trim() : '',
    baselineFindings: raw.baselineFindings === 'hide' ? 'hide' : 'hint',
  };
}

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
 * The checked state of one open document, kept up to date change by change. While a document is read
 * (in slices, see `Manifest.open`) the changes that arrive wait in `pending` and are applied after.
 */
interface Held {
  manifest?: Manifest;
  opening?: Promise<Manifest>;
  pending: (readonly AppliedChange[])[];
  /** The text starts with a byte-order mark: the manifest's offsets do not match the editor's, so every change reads it anew. */
  bom: boolean;
  version: number;
  durationMs: number;
}

/** Lets the event loop answer other messages between slices of a long read. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One check per document version (and settings), shared by every feature: diagnostics, code
 * actions, completion, hover and navigation all read the same CheckResult. Each open document's
 * manifest is updated with the editor's incremental changes as they arrive (see `changed`), so a
 * check after an edit costs what the edit touched, not the whole file.
 */
export class ManifestStore {
  private readonly entries = new Map<string, Entry>();
  private readonly held = new Map<string, Held>();
  /** Counts settings changes, for the result ids of pull reports. */
  private settingsGeneration = 0;
  private readonly settings = new Map<string, Promise<Settings>>();
  private supportsConfiguration = false;

  constructor(
    private readonly connection: Connection,
    private readonly locale: string,
  ) {}

  enableConfiguration(): void {
    this.supportsConfiguration = true;
  }

  /** Settings for one document, asked of the client once and kept until they change. */
  settingsFor(uri: string): Promise<Settings> {
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.supportsConfiguration
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
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
    for (;;) {
      const held = await this.manifestOf(document);
      const manifest = held.manifest;
      if (!manifest?.needsWholeParse || this.cached(document)) return this.resultWith(document, settings, held);
      // A text with a YAML error is parsed whole, in the worker: other requests are answered meanwhile,
      // and those about the same version wait for the same parse.
      const version = document.version;
      let parse = this.parsing.get(document.uri);
      if (parse?.version !== version) {
        parse = { version, syntax: this.wholeParser.parse(document.uri, manifest.text.toString()) };
        this.parsing.set(document.uri, parse);
      }
      const syntax = await parse.syntax;
      if (this.parsing.get(document.uri) === parse) this.parsing.delete(document.uri);
      // Edited meanwhile: that parse is moot, the next version needs its own.
      if (document.version !== version || this.held.get(document.uri) !== held || held.manifest !== manifest) continue;
      manifest.settle(syntax);
      return this.resultWith(document, settings, held);
    }
  }

  /** Parses whole texts off the server's thread (see `Manifest.settle`). */
  private readonly wholeParser = new WholeParser();
  /** The whole parse under way for each document, and the version it is of. */
  private readonly parsing = new Map<string, { version: number; syntax: Promise<WholeSyntax | undefined> }>();

  dispose(): void {
    this.wholeParser.dispose();
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

  /**
   * The document `uri` changed from `previousVersion` by `changes`, as its document applied them: each
   * is applied to its manifest, which takes the document's text and lines as its own.
   */
  changed(uri: string, previousVersion: number, changes: readonly AppliedChange[], version: number): void {
    const held = this.held.get(uri);
    if (!held || held.version !== previousVersion) {
      this.held.delete(uri);
      return;
    }
    held.version = version;
    if (!held.manifest) {
      held.pending.push(changes);
      return;
    }
    const started = performance.now();
    if (!this.apply(held, held.manifest, changes)) return;
    held.durationMs = performance.now() - started;
  }

  /** Applies changes to a manifest; false (and the manifest dropped) when they must be read anew. */
  private apply(held: Held, manifest: Manifest, changes: readonly AppliedChange[]): boolean {
    for (const change of changes) {
      // A whole new text, or a text with a byte-order mark (the manifest's offsets start after it): read it anew.
      if ('whole' in change || held.bom) {
        this.dropHeld(held);
        return false;
      }
      manifest.edit(change.start, change.end, change.inserted, change);
    }
    return true;
  }

  private dropHeld(held: Held): void {
    for (const [uri, h] of this.held) if (h === held) this.held.delete(uri);
  }

  /**
   * The manifest of the document's current version: the one kept up to date, or a new one read in
   * slices (other requests are served meanwhile; changes that arrive are applied when it is read).
   */
  private async manifestOf(document: TextDocument): Promise<Held> {
    for (;;) {
      let held = this.held.get(document.uri);
      if (!held) {
        const started = performance.now();
        // The server's documents hand over their text and lines (see document.ts); a BOM shifts offsets, so such a text is copied.
        const own = document instanceof ManifestDocument && document.text.charCodeAt(0) !== 0xfeff;
        const source = own ? { text: document.text, lines: document.lines } : document.getText();
        const fresh: Held = {
          pending: [],
          version: document.version,
          durationMs: 0,
          bom: typeof source === 'string' && source.startsWith('\uFEFF'),
        };
        held = fresh;
        fresh.opening = Manifest.open(source, pause).then((manifest) => {
          fresh.durationMs = performance.now() - started;
          for (const changes of fresh.pending) if (!this.apply(fresh, manifest, changes)) break;
          fresh.pending = [];
          fresh.manifest = manifest;
          return manifest;
        });
        this.held.set(document.uri, fresh);
      }
      if (held.opening) await held.opening;
      // Changed meanwhile in a way that needs a new read (a whole new text), or closed: start over.
      if (this.held.get(document.uri) !== held || !held.manifest) {
        if (!this.documentOpen(document)) return held;
        continue;
      }
      if (held.version === document.version) return held;
      this.held.delete(document.uri);
    }
  }

  /** Whether `document` is still the one the store follows (it may have been closed while it was read). */
  private documentOpen(document: TextDocument): boolean {
    return this.isOpen(document.uri);
  }

  /** Set by the server: whether a document is open (the store is told of closes through `forget`). */
  isOpen: (uri: string) => boolean = () => true;

  private resultWith(document: TextDocument, settings: Settings, held: Held): Entry {
    const settingsKey = JSON.stringify(settings.rules);
    const known = this.entries.get(document.uri);
    if (known && known.version === document.version && known.settingsKey === settingsKey) return known;
    const started = performance.now() - held.durationMs;
    const options: CheckOptions = { rules: settings.rules, locale: this.locale };
    const result = resultOf(held.manifest ?? new Manifest(document.getText()), options);
    // A settings change sends every report again, even one that reads the same: the client asked for it.
    const resultId = `${PROCESS_TAG}:${this.settingsGeneration}:${document.uri}:${document.version}:${settingsKey}`;
    const entry = { version: document.version, settingsKey, result, durationMs: performance.now() - started, resultId };
    this.entries.set(document.uri, entry);
    return entry;
  }

  /** Drops the manifest kept for `uri`: the next check reads the document anew. */
  forgetState(uri: string): void {
    this.held.delete(uri);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.held.delete(uri);
    this.settings.delete(uri);
    this.parsing.delete(uri);
  }

  /** Settings changed: every document is checked again with the new ones. */
  resetSettings(): void {
    this.settingsGeneration++;
    this.settings.clear();
    // Checks made with the old settings must not answer code actions, navigation or status any more.
    this.entries.clear();
  }
}
