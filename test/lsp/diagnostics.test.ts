import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, repoRoot } from '../support';
import { Harness, startServer } from './harness';

const example = readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml'), 'utf8');

describe('language server: diagnostics over the protocol', () => {
  let server: Harness;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('announces pull diagnostics, code actions and navigation', () => {
    const caps = server.initialize.capabilities;
    assert.deepEqual(caps.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    assert.ok(caps.codeActionProvider && caps.definitionProvider && caps.referencesProvider && caps.renameProvider);
  });

  it('open → exactly the core findings as diagnostics (rule, range, severity, message)', async () => {
    const uri = await server.open('every-rule.csp-partners.yaml', example);
    const diagnostics = await server.diagnostics(uri);
    const expected = check(example).findings;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      expected.map((f) => [f.rule, f.range, f.message]),
    );
    const severities = { error: 1, warning: 2, info: 3, hint: 4 } as const;
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      expected.map((f) => severities[f.severity]),
    );
    const first = diagnostics[0];
    assert.equal(first.source, 'csp-partners');
    assert.match(first.codeDescription!.href, /docs\/rules\/schema\.md$/);
  });

  it('edit → diagnostics of the new version', async () => {
    const uri = await server.open('edit.csp-partners.yaml', example);
    const before = await server.diagnostics(uri);
    await server.change(uri, example.replace('country: UK', 'country: GB'));
    const after = await server.diagnostics(uri);
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((d) => d.code === 'unknown-country'));
  });

  it('answers "unchanged" for a version already reported, and a full report after an edit or a settings change', async () => {
    type Report = { kind: string; resultId?: string; items?: unknown[] };
    const pull = (uri: string, previousResultId?: string) =>
      server.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const uri = await server.open('unchanged.csp-partners.yaml', example);
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    await server.change(uri, example.replace('country: UK', 'country: GB'));
    const edited = await pull(uri, first.resultId);
    assert.equal(edited.kind, 'full');
    assert.notEqual(edited.resultId, first.resultId);
    assert.equal(edited.items!.length, first.items!.length - 1);

    server.settings.rules = { 'unknown-country': 'off' };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    try {
      const reconfigured = await pull(uri, edited.resultId);
      assert.equal(reconfigured.kind, 'full');
      assert.notEqual(reconfigured.resultId, edited.resultId);
    } finally {
      server.settings.rules = {};
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    }
  });

  it('incremental changes → the diagnostics of a check of the changed text from scratch', async () => {
    let text = example;
    const uri = await server.open('incremental.csp-partners.yaml', text);
    await server.diagnostics(uri);
    const lines = () => text.split('\n');
    const offsetOf = (line: number, character: number) =>
      lines()
        .slice(0, line)
        .reduce((n, l) => n + l.length + 1, 0) + character;
    // Typing, deleting a line, changing a country and sellers, pasting an entry: the edits of everyday work,
    // each found in the text as it is by then.
    type Edit = { line: number; from: number; to: number; text: string; toLine?: number };
    const find = (pattern: RegExp, make: (l: string, line: number) => Edit) => () => {
      const line = lines().findIndex((l) => pattern.test(l));
      return make(lines()[line], line);
    };
    const edits: (() => Edit)[] = [
      () => ({ line: 12, from: 4, to: 4, text: 'x' }),
      () => ({ line: 20, from: 0, to: 0, text: '# a comment\n' }),
      find(/^\s+country: UK/, (l, line) => ({ line, from: l.indexOf('UK'), to: l.indexOf('UK') + 2, text: 'GB' })),
      ...[0, 1, 2].map(() =>
        find(/^\s+soldBy: (?!contoso-dist)/, (l, line) => ({ line, from: l.indexOf(':') + 2, to: l.length, text: 'contoso-dist' })),
      ),
      () => ({ line: 5, from: 0, to: 0, text: '  - id: pasted\n    name: Pasted\n    type: direct-bill\n    country: JP\n' }),
      () => ({ line: 30, from: 0, toLine: 31, to: 0, text: '' }),
    ];
    for (const next of edits) {
      const e = next();
      const start = offsetOf(e.line, e.from);
      const toLine = e.toLine ?? e.line;
      await server.edit(uri, { start: { line: e.line, character: e.from }, end: { line: toLine, character: e.to } }, e.text);
      text = text.slice(0, start) + e.text + text.slice(offsetOf(toLine, e.to));
      const diagnostics = await server.diagnostics(uri);
      const expected = check(text).findings;
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range, d.message]),
        expected.map((f) => [f.rule, f.range, f.message]),
        JSON.stringify(e),
      );
    }
    assert.deepEqual(
      server.logs.filter((l) => /failed/.test(l)),
      [],
    );
  });
});
