// `cspPartners/checkFile`: the diagnostics of a manifest that is not open, read from disk by the server
// with the settings of its URI (the editor's workspace scope asks for them).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver-protocol';
import { check } from '../../server/src/core/check';
import { CHECK_FILE_REQUEST, CheckFileAnswer } from '../../server/src/protocol';
import { repoRoot } from '../support';
import { Harness, startServer } from './harness';
import { readExample } from './lsp-support';

describe('language server: checkFile (manifests that are not open)', () => {
  let server: Harness;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  const uriOf = (name: string) => pathToFileURL(path.join(repoRoot, 'examples', name)).href;

  it('answers with the diagnostics of the file on disk, as the core finds them, with the settings of its URI', async () => {
    const uri = uriOf('every-rule.csp-partners.yaml');
    const answer = await server.request<CheckFileAnswer>(CHECK_FILE_REQUEST, { uri });
    const findings = check(readExample('every-rule.csp-partners.yaml')).findings;
    assert.deepEqual(
      answer.diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`),
      findings.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}`),
    );
    server.settings.rules = { 'cross-region-sale': 'off' };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = await server.request<CheckFileAnswer>(CHECK_FILE_REQUEST, { uri });
    assert.equal(off.diagnostics.filter((d) => d.code === 'cross-region-sale').length, 0);
    assert.equal(off.diagnostics.length, findings.filter((f) => f.rule !== 'cross-region-sale').length);
    server.settings.rules = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('keeps nothing of the file: the document is not open afterwards', async () => {
    const uri = uriOf('csp-partners.yaml');
    assert.deepEqual((await server.request<CheckFileAnswer>(CHECK_FILE_REQUEST, { uri })).diagnostics, []);
    await assert.rejects(server.request('cspPartners/scenario', { textDocument: { uri }, scenario: 1 }), /not open/);
  });

  it('a file that cannot be read is an error answer, and the server carries on', async () => {
    await assert.rejects(server.request(CHECK_FILE_REQUEST, { uri: uriOf('no-such.csp-partners.yaml') }), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.match(error.message, /cannot read .*no-such\.csp-partners\.yaml/);
      return true;
    });
    assert.ok(
      (await server.request<CheckFileAnswer>(CHECK_FILE_REQUEST, { uri: uriOf('every-rule.csp-partners.yaml') })).diagnostics.length,
    );
  });
});
