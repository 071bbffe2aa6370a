import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { check } from '../support';
import { Harness, startServer } from './harness';
import { countRule, messageOf, positionIn, readExample } from './lsp-support';

const example = readExample('every-rule.csp-partners.yaml');
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
const asCore = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.range, d.message]);
const coreOf = (text: string, options: Parameters<typeof check>[1] = {}) =>
  check(text, options).findings.map((f) => [f.rule, SEVERITY[f.severity], f.range, f.message]);

describe('language server: settings', () => {
  let server: Harness;
  let opened = 0;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  async function configure(rules: Record<string, string>) {
    server.settings.rules = rules;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  it('cspPartners.rules: "off" drops the rule, a severity changes it, {} restores the defaults', async () => {
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    const defaults = await server.diagnostics(uri);
    assert.equal(countRule(defaults, 'cross-region-sale'), 1);
    assert.deepEqual(asCore(defaults), coreOf(example));

    await configure({ 'cross-region-sale': 'off' });
    const off = await server.diagnostics(uri);
    assert.equal(countRule(off, 'cross-region-sale'), 0);
    assert.deepEqual(asCore(off), asCore(defaults.filter((d) => d.code !== 'cross-region-sale')));

    await configure({ 'cross-region-sale': 'warning' });
    const warning = await server.diagnostics(uri);
    assert.deepEqual(
      warning.filter((d) => d.code === 'cross-region-sale').map((d) => d.severity),
      [SEVERITY.warning],
    );
    assert.deepEqual(asCore(warning), coreOf(example, { rules: { 'cross-region-sale': 'warning' } }));

    await configure({});
    assert.deepEqual(asCore(await server.diagnostics(uri)), asCore(defaults));
  });

  it('a settings change with a client that cannot refresh diagnostics: it is not asked to, and the server carries on', async () => {
    await server.stop();
    server = await startServer({ refreshSupport: false });
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    assert.equal(countRule(await server.diagnostics(uri), 'cross-region-sale'), 1);
    await configure({ 'cross-region-sale': 'off' });
    assert.equal(countRule(await server.diagnostics(uri), 'cross-region-sale'), 0);
    assert.equal(server.process.exitCode, null, 'the server exited');
  });

  it('several rules at once, and hint/info severities', async () => {
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    const rules = { 'unknown-country': 'hint', 'self-sale': 'info', 'duplicate-id': 'off', 'mpa-not-accepted': 'off' };
    await configure(rules);
    const diagnostics = await server.diagnostics(uri);
    assert.deepEqual(asCore(diagnostics), coreOf(example, { rules: rules as Record<string, 'off'> }));
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'unknown-country' || d.code === 'self-sale').map((d) => [d.code, d.severity]),
      [
        ['unknown-country', SEVERITY.hint],
        ['self-sale', SEVERITY.info],
      ],
    );
    assert.equal(countRule(diagnostics, 'duplicate-id') + countRule(diagnostics, 'mpa-not-accepted'), 0);
  });

  it('yaml-syntax cannot be switched off', async () => {
    const broken = readExample('broken.csp-partners.yaml');
    await configure({ 'yaml-syntax': 'off' });
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, broken);
    const diagnostics = await server.diagnostics(uri);
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(asCore(diagnostics), coreOf(broken));
  });

  it('settings that are not severities are ignored: the rule keeps its default', async () => {
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    const defaults = await server.diagnostics(uri);
    await configure({ 'cross-region-sale': 'bogus', 'unknown-country': 'ERROR', 'no-such-rule': 'off' });
    const diagnostics = await server.diagnostics(uri);
    assert.deepEqual(asCore(diagnostics), asCore(defaults));
    for (const d of diagnostics) assert.ok([1, 2, 3, 4].includes(d.severity!), `${d.code}: severity ${d.severity}`);
  });

  it('settings of the wrong shape (null, a string, rules as a list) fall back to the defaults', async () => {
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    const defaults = asCore(await server.diagnostics(uri));
    for (const rules of [null, 'off', ['cross-region-sale'], { 'cross-region-sale': 42 }, { 'cross-region-sale': null }]) {
      await configure(rules as unknown as Record<string, string>);
      assert.deepEqual(asCore(await server.diagnostics(uri)), defaults, JSON.stringify(rules));
    }
    assert.equal(server.process.exitCode, null);
  });

  it('after a settings change, code actions use the new settings too (before any diagnostics pull)', async () => {
    const uri = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    await server.diagnostics(uri);
    await configure({ 'cross-region-sale': 'off' });
    const lines = example.split('\n').length;
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cspPartners'] },
    });
    const edits = actions[0].edit!.changes![uri];
    // The cross-region-sale fix (sell through "fabrikam" with provider "contoso-dist") edits line 103: not once the rule is off.
    const line = example
      .split('\n')
      .findIndex((l) => l.includes('provider: litware-dist-us     # provider-not-linked and cross-region-sale'));
    assert.ok(line > 0);
    assert.deepEqual(
      edits.filter((e) => e.range.start.line === line),
      [],
    );
    assert.ok(edits.length > 0);
  });

  it('a setting for one document is asked with that document as scope', async () => {
    const scopes: (string | undefined)[] = [];
    server.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      scopes.push(...params.items.map((i) => i.scopeUri));
      return params.items.map(() => server.settings);
    });
    const a = await server.open(`settings-${opened++}.csp-partners.yaml`, example);
    await server.diagnostics(a);
    await server.diagnostics(a);
    assert.deepEqual(scopes, [a], 'asked once, kept until settings change');
  });
});

describe('language server: locale', () => {
  let server: Harness;
  before(async () => {
    server = await startServer({ locale: 'ja' });
  });
  after(async () => {
    await server.stop();
  });

  it('ja: diagnostics in Japanese, exactly the core messages', async () => {
    const uri = await server.open('locale.csp-partners.yaml', example);
    const diagnostics = await server.diagnostics(uri);
    assert.deepEqual(asCore(diagnostics), coreOf(example, { locale: 'ja' }));
    assert.equal(
      diagnostics[0].message,
      '「distributor」は type として使えません。使える値: indirect-provider, indirect-reseller, direct-bill。',
    );
    for (const d of diagnostics) assert.match(messageOf(d), /[\u3040-\u30ff\u4e00-\u9fff]/, messageOf(d));
  });

  it('ja: quick fix titles and refusals in Japanese', async () => {
    const uri = await server.open('locale-actions.csp-partners.yaml', example);
    const diagnostics = await server.diagnostics(uri);
    const country = diagnostics.find((d) => d.code === 'unknown-country')!;
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: country.range,
      context: { diagnostics: [country] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['「GB」(UK) に変更', 'この行の unknown-country を抑制'],
    );
    const error = await server
      .request('textDocument/prepareRename', { textDocument: { uri }, position: positionIn(example, 'country: UK', 'UK') })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    assert.equal(error?.message, 'ここで名前を変更できるのはパートナーまたは顧客の ID だけです。');
  });
});
