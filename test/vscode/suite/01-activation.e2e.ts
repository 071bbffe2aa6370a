// Activation on the language, and the diagnostics of the every-rule example against the core.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeAtLoad,
  diagnosticKey,
  diagnosticsOf,
  EVERY_RULE,
  exampleUri,
  expected,
  expectedKeys,
  extension,
  findingKey,
  keysOf,
  LANGUAGE_ID,
  openExample,
  prepareWorkspace,
  restore,
  ruleOf,
  waitForDiagnostics,
  waitForFindings,
} from './helpers';

describe('activation and diagnostics', () => {
  before(prepareWorkspace);
  afterEach(restore);

  it('activates when a csp-partners manifest is opened', async () => {
    assert.equal(
      activeAtLoad,
      false,
      'the extension was active before any manifest was opened: ' +
        'the runner must open a folder without manifests (the suite copies examples/ into it)',
    );
    // Diagnostics can only come from the activated extension: they are the event to wait for.
    const uri = exampleUri(EVERY_RULE);
    const first = waitForDiagnostics(uri, (d) => d.length > 0, 'the first diagnostics');
    const { document } = await openExample(EVERY_RULE);
    assert.equal(document.languageId, LANGUAGE_ID);
    await first;
    assert.equal(extension().isActive, true);
  });

  it('reports on every-rule.csp-partners.yaml exactly the findings of the core check (rule ids, severities and ranges)', async () => {
    await extension().activate();
    const { document, uri } = await openExample(EVERY_RULE);
    const result = expected(document.getText());
    assert.ok(result.findings.length >= 20, `the example shows many rules (${result.findings.length} findings)`);
    const diagnostics = await waitForFindings(uri, result);
    assert.deepEqual(keysOf(diagnostics), expectedKeys(result));
    // The messages are the core's too, and each diagnostic links its rule's page.
    assert.deepEqual(
      diagnostics.map((d) => `${diagnosticKey(d)} ${d.message}`).sort(),
      result.findings.map((f) => `${findingKey(f)} ${f.message}`).sort(),
    );
    for (const d of diagnostics) {
      const code = d.code as { value: string; target: vscode.Uri };
      assert.match(code.target.path, new RegExp(`/docs/rules/${ruleOf(d)}\\.md$`));
    }
    assert.equal(diagnosticsOf(uri).length, result.findings.length);
  });
});
