// What the extension-host tests share: the temporary workspace (examples/ copied into the folder the
// runner opened), opening manifests, waiting for diagnostics by event, settings that are put back,
// and the expected findings computed by the core `check()` itself.
//
// Every test ends with `restore()` (an `afterEach` of each suite file): settings back to what they
// were (waiting for the server's re-check they cause), documents back to their text and saved,
// untitled documents reverted, editors closed.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { PARTNER_NETWORK_VIEW_TYPE, RenderReport } from '../../../client/src/graph-view-messages';
import { check, CheckOptions, CheckResult } from '../../../server/src/core/check';
import type { Finding, Severity } from '../../../server/src/core/finding';
import { DIAGNOSTIC_SOURCE, LANGUAGE_ID } from '../../../server/src/protocol';
import { readPackageJson, repoRoot } from '../../support';

export const pkg = readPackageJson();
/** `publisher.name` from package.json. */
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
export { LANGUAGE_ID };
export const EVERY_RULE = 'every-rule.csp-partners.yaml';
export const CLEAN = 'csp-partners.yaml';

/** Whether the extension was already active when the suite was loaded, before any test opened a manifest. */
export const activeAtLoad = vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false;

/** Bounds every wait on an editor event: a hang fails the test with what was seen instead of the mocha timeout. */
const WAIT_MS = 30_000;

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not loaded: is the repository the extension under development?`);
  return found;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder: the runner must open a temporary folder (the suite copies examples/ into it)');
  return folder.uri;
}

let prepared = false;

/** Copies examples/ into the workspace folder and turns auto save off there; once per run. */
export async function prepareWorkspace(): Promise<void> {
  if (prepared) return;
  cpSync(path.join(repoRoot, 'examples'), path.join(workspaceFolder().fsPath, 'examples'), { recursive: true });
  const files = vscode.workspace.getConfiguration('files');
  if (files.get('autoSave') !== 'off') await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  prepared = true;
}

/** `prepareWorkspace()`, then the extension activated (its language client started, its providers registered). */
export async function ready(): Promise<void> {
  await prepareWorkspace();
  await extension().activate();
}

export const exampleUri = (name: string) => vscode.Uri.joinPath(workspaceFolder(), 'examples', name);
export const exampleText = (name: string) => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');

/** The core's result for a text, with the settings the server would apply. */
export function expected(text: string, options: CheckOptions = {}): CheckResult {
  return check(text, { locale: 'en', ...options });
}

// ---------------------------------------------------------------------------------------------
// Diagnostics.
// ---------------------------------------------------------------------------------------------

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The rule id of a diagnostic: its code (an object with the rule page as target). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line + 1}:${r.start.character}-${r.end.line + 1}:${r.end.character}`;

/** `rule severity line:col-line:col` (1-based lines, as an editor shows them). */
export const diagnosticKey = (d: vscode.Diagnostic) => `${ruleOf(d)} ${SEVERITY[d.severity]} ${at(d.range)}`;
export const findingKey = (f: Finding) => `${f.rule} ${f.severity} ${at(f.range)}`;

/** This extension's diagnostics of a document. */
export function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export const keysOf = (diagnostics: vscode.Diagnostic[]) => diagnostics.map(diagnosticKey).sort();
export const expectedKeys = (result: CheckResult) => result.findings.map(findingKey).sort();

/**
 * Resolves with the document's diagnostics once `accept` holds for them: checked now, then on every
 * `onDidChangeDiagnostics` event for the document. Never polls; fails after WAIT_MS with what it saw.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      const now = keysOf(diagnosticsOf(uri)).join('\n  ') || '(none)';
      reject(
        new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what} in ${path.basename(uri.path)}; its diagnostics now:\n  ${now}`),
      );
    }, WAIT_MS);
    const test = () => {
      const diagnostics = diagnosticsOf(uri);
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(diagnostics);
      return true;
    };
    if (test()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) test();
    });
  });
}

/** Waits until the document's diagnostics are exactly the core's findings (rule, severity, range). */
export async function waitForFindings(uri: vscode.Uri, result: CheckResult, what = "the core's findings"): Promise<vscode.Diagnostic[]> {
  const want = expectedKeys(result);
  try {
    return await waitForDiagnostics(uri, (d) => isDeepStrictEqual(keysOf(d), want), what);
  } catch (error) {
    // Show the difference, not only what was there.
    const have = keysOf(diagnosticsOf(uri));
    const missing = want.filter((k) => !have.includes(k));
    const extra = have.filter((k) => !want.includes(k));
    throw new Error(
      `${(error as Error).message.split('\n')[0]}\n  missing: ${missing.join(', ') || '-'}\n  unexpected: ${extra.join(', ') || '-'}`,
    );
  }
}

/** Resolves at the next diagnostics change of the document (the pull that follows a settings change). */
export function nextDiagnosticsChange(uri: vscode.Uri, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what} in ${path.basename(uri.path)}`));
    }, WAIT_MS);
  });
}

// ---------------------------------------------------------------------------------------------
// Documents.
// ---------------------------------------------------------------------------------------------

export interface Opened {
  document: vscode.TextDocument;
  editor: vscode.TextEditor;
  uri: vscode.Uri;
  /** The text when the test opened it; `restore()` puts it back. */
  original: string;
}

const opened: Opened[] = [];
const restores: (() => Promise<void>)[] = [];

/** Opens an example of the workspace copy in an editor (diagnostics are pulled for visible documents only). */
export async function openExample(name: string): Promise<Opened> {
  const document = await vscode.workspace.openTextDocument(exampleUri(name));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const entry: Opened = { document, editor, uri: document.uri, original: document.getText() };
  opened.push(entry);
  return entry;
}

/** Opens an untitled csp-partners document with this text in an editor. */
export async function openUntitled(content: string): Promise<Opened> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const entry: Opened = { document, editor, uri: document.uri, original: content };
  opened.push(entry);
  return entry;
}

/** Replaces `find` (which must occur once) in the document; resolves with the position after the replacement. */
export async function replaceOnce(document: vscode.TextDocument, find: string, replacement: string): Promise<vscode.Position> {
  const text = document.getText();
  const index = text.indexOf(find);
  assert.ok(index >= 0 && text.indexOf(find, index + 1) < 0, `"${find}" must occur once in ${path.basename(document.uri.path)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(index), document.positionAt(index + find.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
  return document.positionAt(index + replacement.length);
}

/** The position of `word` within the first line that contains `line` (both must occur). */
export function positionOf(document: vscode.TextDocument, line: string, word: string, offsetInWord = 0): vscode.Position {
  const text = document.getText();
  const lineStart = text.indexOf(line);
  assert.ok(lineStart >= 0, `"${line}" is not in ${path.basename(document.uri.path)}`);
  const index = text.indexOf(word, lineStart);
  assert.ok(index >= 0 && index < lineStart + line.length, `"${word}" is not in "${line}"`);
  return document.positionAt(index + offsetInWord);
}

// ---------------------------------------------------------------------------------------------
// Settings.
// ---------------------------------------------------------------------------------------------

/**
 * Sets a workspace setting for this test, and waits for the re-check it causes: the client tells the
 * server about `cspPartners.*` changes, and the server asks for fresh diagnostics of every visible
 * manifest (`visible`); without that wait, the re-check could land in the middle of the next step.
 */
export async function setSetting(section: string, key: string, value: unknown, visible: vscode.Uri[]): Promise<void> {
  const previous = vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue;
  restores.push(() =>
    updateSetting(
      section,
      key,
      previous,
      opened.map((o) => o.uri),
    ),
  );
  await updateSetting(section, key, value, visible);
}

async function updateSetting(section: string, key: string, value: unknown, visible: vscode.Uri[]): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(section);
  if (isDeepStrictEqual(configuration.inspect(key)?.workspaceValue, value)) return;
  const rechecked = visible.map((uri) => nextDiagnosticsChange(uri, `the re-check after setting ${section}.${key}`));
  await configuration.update(key, value, vscode.ConfigurationTarget.Workspace);
  await Promise.all(rechecked);
}

// ---------------------------------------------------------------------------------------------
// Clean-up.
// ---------------------------------------------------------------------------------------------

/** Run after each test: settings, then documents, then editors. */
export async function restore(): Promise<void> {
  const errors: unknown[] = [];
  const attempt = async (step: () => Thenable<unknown>) => {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  };
  while (restores.length) await attempt(restores.pop()!);
  for (const entry of opened.splice(0).reverse()) {
    const { document } = entry;
    if (document.isUntitled) {
      // Reverted first, so that closing it does not ask whether to save it.
      await attempt(async () => {
        await vscode.window.showTextDocument(document, { preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
      continue;
    }
    await attempt(async () => {
      if (document.getText() !== entry.original) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(
          document.uri,
          new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
          entry.original,
        );
        assert.ok(await vscode.workspace.applyEdit(edit), `restoring ${path.basename(document.uri.path)}`);
      }
      if (document.isDirty) assert.ok(await document.save(), `saving ${path.basename(document.uri.path)}`);
    });
  }
  await attempt(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  if (errors.length) throw errors[0];
}

/** Opens the every-rule example and waits for the diagnostics of its original text. */
export async function openEveryRule(): Promise<Opened & { result: CheckResult; diagnostics: vscode.Diagnostic[] }> {
  const entry = await openExample(EVERY_RULE);
  assert.equal(entry.document.getText(), exampleText(EVERY_RULE), 'the workspace copy of the example was restored by the last test');
  const result = expected(entry.document.getText());
  const diagnostics = await waitForFindings(entry.uri, result);
  return { ...entry, result, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// The partner-network view.
// ---------------------------------------------------------------------------------------------

/** What the extension's `activate` returns (client/src/extension.ts). */
export function extensionApi(): ExtensionApi {
  const api = extension().exports as ExtensionApi | undefined;
  assert.ok(api?.partnerNetwork, 'the extension returns its API from activate()');
  return api;
}

/** Resolves with the report of the next graph a partner-network view of `manifest` draws that `accept` takes. */
export function partnerNetworkRendered(
  manifest: vscode.Uri,
  accept: (report: RenderReport) => boolean,
  what: string,
): Promise<RenderReport> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const subscription = extensionApi().partnerNetwork.onDidRender(({ manifest: drawn, report }) => {
      if (drawn.toString() !== manifest.toString()) return;
      seen.push(`v${report.version} ${report.nodes} nodes ${report.layout}`);
      if (!accept(report)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(report);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}; drawn meanwhile: ${seen.join(', ') || 'nothing'}`));
    }, WAIT_MS);
  });
}

/** The tabs of partner-network views (VS Code prefixes the view type it was given). */
export function partnerNetworkTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PARTNER_NETWORK_VIEW_TYPE));
}
