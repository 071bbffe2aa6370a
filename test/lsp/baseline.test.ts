// The CLI's baseline in the editor: `cspPartners.baseline` names a baseline file, and its findings are
// shown as hints ("(in the baseline)") or hidden (`cspPartners.baselineFindings`); a change of the file
// on disk makes the server ask the client to pull the problems again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { baselineText, makeBaseline } from '../../server/src/core/baseline';
import { check } from '../../server/src/core/check';
import { Harness, startServer } from './harness';
import { messageOf, readExample } from './lsp-support';

const example = readExample('every-rule.csp-partners.yaml');

describe('language server: baseline', () => {
  let server: Harness;
  let dir: string;
  let refreshes = 0;
  let opened = 0;
  before(async () => {
    server = await startServer();
    server.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    dir = fs.mkdtempSync(path.join(tmpdir(), 'csp-lsp-baseline-'));
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a baseline of the example's findings, as open at `uri`, leaving out those `keep` says stay new. */
  function writeBaseline(uri: string, keep: (rule: string) => boolean): string {
    const file = path.join(dir, 'baseline.json');
    const result = check(example);
    const manifest = path.relative(dir, fileURLToPath(uri)).split(path.sep).join('/');
    const baseline = makeBaseline([{ file: manifest, result, findings: result.findings.filter((f) => !keep(f.rule)) }]);
    fs.writeFileSync(file, baselineText(baseline));
    return file;
  }

  async function configure(baseline: string, baselineFindings: 'hint' | 'hide'): Promise<void> {
    Object.assign(server.settings, { baseline, baselineFindings });
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  const severities = (items: Diagnostic[], rule: string) => items.filter((d) => d.code === rule).map((d) => d.severity);

  it('hides the findings the baseline holds (baselineFindings: hide)', async () => {
    const uri = await server.open(`baseline-${opened++}.csp-partners.yaml`, example);
    await configure(
      writeBaseline(uri, (rule) => rule === 'cross-region-sale'),
      'hide',
    );
    const items = await server.diagnostics(uri);
    assert.deepEqual(
      items.map((d) => d.code),
      ['cross-region-sale'],
    );
    await server.close(uri);
  });

  it('shows them as hints, marked, and the others as they are (baselineFindings: hint)', async () => {
    const uri = await server.open(`baseline-${opened++}.csp-partners.yaml`, example);
    await configure(
      writeBaseline(uri, (rule) => rule === 'cross-region-sale'),
      'hint',
    );
    const items = await server.diagnostics(uri);
    assert.equal(items.length, check(example).findings.length);
    assert.deepEqual(severities(items, 'cross-region-sale'), [1]);
    const baselined = items.filter((d) => d.code !== 'cross-region-sale');
    assert.ok(baselined.every((d) => d.severity === 4 && / \(in the baseline\)$/.test(messageOf(d))));
    await server.close(uri);
  });

  it('a change of the baseline file on disk asks for a new pull, which shows it', async () => {
    const uri = await server.open(`baseline-${opened++}.csp-partners.yaml`, example);
    const file = writeBaseline(uri, (rule) => rule === 'cross-region-sale');
    await configure(file, 'hide');
    assert.equal((await server.diagnostics(uri)).length, 1);
    writeBaseline(uri, (rule) => rule === 'cross-region-sale' || rule === 'self-sale');
    const before = refreshes;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(dir, 'other.json')).href, type: 2 }],
    });
    const items = await server.diagnostics(uri);
    assert.equal(refreshes, before + 1, 'one refresh, for the baseline file only');
    assert.deepEqual([...new Set(items.map((d) => d.code))].sort(), ['cross-region-sale', 'self-sale']);
    await server.close(uri);
  });

  it('a missing or broken baseline shows every finding and is said once in the log', async () => {
    const uri = await server.open(`baseline-${opened++}.csp-partners.yaml`, example);
    await configure(path.join(dir, 'missing.json'), 'hide');
    assert.equal((await server.diagnostics(uri)).length, check(example).findings.length);
    await server.diagnostics(uri);
    assert.equal(server.logs.filter((l) => /cannot read the baseline .*missing\.json \(ENOENT\)/.test(l)).length, 1);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "version": 2 }');
    await configure(path.join(dir, 'broken.json'), 'hide');
    assert.equal((await server.diagnostics(uri)).length, check(example).findings.length);
    assert.ok(server.logs.some((l) => /broken\.json is not a baseline/.test(l)));
    await configure('', 'hint');
    await server.close(uri);
  });
});
