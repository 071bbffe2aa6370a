import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { generateManifest } from '../bench/generate';
import { check, repoRoot } from '../support';
import { Harness, startServer } from './harness';

/**
 * A large manifest is read in slices: while it is read the server answers other requests, a pull can
 * be cancelled, and changes sent meanwhile are applied to it before its first diagnostics.
 */
describe('language server: responsive while a large manifest is read', function () {
  this.timeout(120_000);
  const large = generateManifest(3000);
  const small = readFileSync(path.join(repoRoot, 'examples', 'csp-partners.yaml'), 'utf8');
  let server: Harness;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  type Report = { kind: string; items: { code: string; range: unknown; message: string }[] };
  const pull = (uri: string, source?: CancellationTokenSource) => {
    const params = { textDocument: { uri } };
    return source
      ? server.connection.sendRequest<Report>('textDocument/diagnostic', params, source.token)
      : server.connection.sendRequest<Report>('textDocument/diagnostic', params);
  };

  it('answers a hover in another manifest before the large one has its diagnostics', async () => {
    const order: string[] = [];
    const bigUri = await server.open('large.csp-partners.yaml', large);
    const big = pull(bigUri).then(() => order.push('large diagnostics'));
    const smallUri = await server.open('small.csp-partners.yaml', small);
    const line = small.split('\n').findIndex((l) => /^\s+- id: /.test(l));
    const hover = server
      .request('textDocument/hover', {
        textDocument: { uri: smallUri },
        position: { line, character: small.split('\n')[line].indexOf('id:') + 5 },
      })
      .then((answer) => {
        order.push('hover');
        return answer;
      });
    assert.ok(await hover, 'the hover has an answer');
    await big;
    assert.deepEqual(order, ['hover', 'large diagnostics']);
  });

  it('answers a hover in another manifest while the large one, edited into a YAML error, is parsed whole', async () => {
    const bigUri = await server.open('broken.csp-partners.yaml', large);
    await pull(bigUri);
    // An unclosed quote in the middle: the whole text decides what it swallows, so it is parsed whole (in the worker).
    const lines = large.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && /^\s+name: /.test(l));
    const at = lines[line].indexOf(':') + 2;
    await server.edit(bigUri, { start: { line, character: at }, end: { line, character: at } }, '"');
    const order: string[] = [];
    const smallUri = await server.open('small.csp-partners.yaml', small);
    const big = pull(bigUri).then((report) => {
      order.push('large diagnostics');
      return report;
    });
    // The outline of the same version waits for the same parse (a second parse would stop the first).
    const outline = server.request('textDocument/documentSymbol', { textDocument: { uri: bigUri } });
    // Asked once the whole parse is under way (it takes far longer): on the server's thread, it would wait for it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const idLine = small.split('\n').findIndex((l) => /^\s+- id: /.test(l));
    const character = small.split('\n')[idLine].indexOf('id:') + 5;
    const hover = server
      .request('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: idLine, character } })
      .then((answer) => {
        order.push('hover');
        return answer;
      });
    assert.ok(await hover, 'the hover has an answer');
    const report = await big;
    assert.deepEqual(order, ['hover', 'large diagnostics']);
    assert.ok(Array.isArray(await outline), 'the outline has an answer');
    lines[line] = lines[line].slice(0, at) + '"' + lines[line].slice(at);
    const expected = check(lines.join('\n')).findings.map((f) => [f.rule, f.range, f.message]);
    assert.ok(expected.length > 0 && expected.every(([rule]) => rule === 'yaml-syntax'), 'the edit breaks the YAML');
    assert.deepEqual(
      report.items.map((d) => [d.code, d.range, d.message]),
      expected,
    );
  });

  it('answers a cancelled pull as cancelled', async () => {
    const uri = await server.open('cancelled.csp-partners.yaml', large);
    const source = new CancellationTokenSource();
    const answer = pull(uri, source).then(
      () => 'answered',
      (error: { code?: number }) => error.code,
    );
    source.cancel();
    assert.equal(await answer, -32800); // RequestCancelled
    // The read goes on: the next pull gets the diagnostics.
    const after = await pull(uri);
    assert.equal(after.items.length, check(large).findings.length);
  });

  it('applies changes sent while the manifest is read, and reports the latest version', async () => {
    const uri = await server.open('changed.csp-partners.yaml', large);
    const first = pull(uri);
    let text = large;
    const lines = large.split('\n');
    // Three edits at once, as a person typing fast would send them: a country, a seller, a deleted line.
    const country = lines.findIndex((l) => /^\s+country: /.test(l) && lines.indexOf(l) > lines.length / 2);
    const seller = lines.findIndex((l, i) => i > country && /^\s+soldBy: /.test(l));
    const edits = [
      { line: country, from: lines[country].indexOf(':') + 2, to: lines[country].length, text: 'UK' },
      { line: seller, from: lines[seller].indexOf(':') + 2, to: lines[seller].length, text: 'nobody' },
    ];
    for (const e of edits) {
      await server.edit(uri, { start: { line: e.line, character: e.from }, end: { line: e.line, character: e.to } }, e.text);
      const current = text.split('\n');
      current[e.line] = current[e.line].slice(0, e.from) + e.text + current[e.line].slice(e.to);
      text = current.join('\n');
    }
    await server.edit(uri, { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, '');
    text = text
      .split('\n')
      .filter((_, i) => i !== 3)
      .join('\n');
    const expected = check(text).findings.map((f) => [f.rule, f.range, f.message]);
    assert.deepEqual(
      (await first).items.map((d) => [d.code, d.range, d.message]),
      expected,
    );
    assert.deepEqual(
      (await pull(uri)).items.map((d) => [d.code, d.range, d.message]),
      expected,
    );
  });
});
