// `cspPartners.diagnostics.scope: workspace`: the problems of manifests that are not open, checked by the
// same server from disk, kept current as files change on disk, `files.exclude` honoured, and not doubled
// when a manifest is opened.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../../server/src/protocol';
import {
  diagnosticsOf,
  EVERY_RULE,
  exampleText,
  exampleUri,
  expected,
  openExample,
  ready,
  restore,
  setSetting,
  waitForDiagnostics,
  waitForFindings,
  workspaceFolder,
} from './helpers';

describe('workspace scope', () => {
  before(ready);
  const made: string[] = [];
  afterEach(async () => {
    for (const file of made.splice(0)) rmSync(file, { recursive: true, force: true });
    await restore();
  });

  const inWorkspace = (...parts: string[]) => path.join(workspaceFolder().fsPath, ...parts);

  it('shows the problems of manifests that are not open, as the server finds them', async () => {
    await setSetting(SETTINGS_SECTION, 'diagnostics.scope', 'workspace', []);
    await waitForFindings(exampleUri(EVERY_RULE), expected(exampleText(EVERY_RULE)), "the closed example's findings");
    const broken = 'broken.csp-partners.yaml';
    await waitForFindings(exampleUri(broken), expected(exampleText(broken)), "the closed broken example's findings");
  });

  it('follows a manifest created, changed and deleted on disk', async () => {
    const file = inWorkspace('on-disk.csp-partners.yaml');
    made.push(file);
    await setSetting(SETTINGS_SECTION, 'diagnostics.scope', 'workspace', []);
    const uri = vscode.Uri.file(file);
    const first = exampleText(EVERY_RULE);
    writeFileSync(file, first);
    await waitForFindings(uri, expected(first), 'the findings of a new file');
    const second = first.replace('country: UK ', 'country: GB ');
    assert.notEqual(second, first);
    writeFileSync(file, second);
    await waitForFindings(uri, expected(second), 'the findings after the file changed on disk');
    rmSync(file);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no problems once the file is deleted');
  });

  it('leaves out what files.exclude excludes', async () => {
    const folder = inWorkspace('excluded');
    made.push(folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'csp-partners.yaml'), exampleText(EVERY_RULE));
    await setSetting('files', 'exclude', { '**/excluded/**': true }, []);
    await setSetting(SETTINGS_SECTION, 'diagnostics.scope', 'workspace', []);
    // The control: the example is checked in the same scan.
    await waitForFindings(exampleUri(EVERY_RULE), expected(exampleText(EVERY_RULE)));
    assert.deepEqual(diagnosticsOf(vscode.Uri.file(path.join(folder, 'csp-partners.yaml'))), []);
  });

  it('an opened manifest has its problems once (from the editor), and again from disk once closed', async () => {
    await setSetting(SETTINGS_SECTION, 'diagnostics.scope', 'workspace', []);
    const uri = exampleUri(EVERY_RULE);
    const result = expected(exampleText(EVERY_RULE));
    await waitForFindings(uri, result);
    const opened = await openExample(EVERY_RULE);
    await waitForFindings(opened.uri, result, 'the findings once, not twice');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForFindings(uri, result, 'the findings from disk after closing');
  });
});
