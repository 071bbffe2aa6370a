import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import { check } from '../support';
import { Harness, startServer, uriOf } from './harness';
import { readExample } from './lsp-support';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
const asCore = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.range, d.message]);
const coreOf = (text: string) => check(text).findings.map((f) => [f.rule, SEVERITY[f.severity], f.range, f.message]);

const clean = readExample('csp-partners.yaml');
const every = readExample('every-rule.csp-partners.yaml');

/** A fixed pseudo-random byte string, decoded the way an editor shows a binary file (latin1). */
function garbage(length: number, seed = 7): string {
  let a = seed;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return bytes.toString('latin1');
}

describe('language server: robustness', () => {
  let server: Harness;
  let opened = 0;
  let cleanUri: string;
  before(async () => {
    server = await startServer();
    cleanUri = await server.open('robust-clean.csp-partners.yaml', clean);
  });
  after(async () => {
    await server.stop();
  });

  /** The server is alive and answers: the clean example is still clean and symbols come back. */
  async function stillAnswers() {
    assert.equal(server.process.exitCode, null, 'the process is alive');
    assert.deepEqual(await server.diagnostics(cleanUri), []);
    const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: cleanUri } });
    assert.equal(symbols.length, 2);
  }

  describe('malformed documents get diagnostics, the server lives on', () => {
    const documents: Record<string, string> = {
      'broken YAML (the broken example)': readExample('broken.csp-partners.yaml'),
      'binary garbage': garbage(4096),
      'NUL bytes and replacement characters': '\u0000\u0001\uFFFD\uFFFE'.repeat(100),
      'empty text': '',
      'only whitespace and newlines': '  \n\n\t\n',
      'an unclosed flow list': 'manifestVersion: 1\npartners: [\n',
      'two YAML documents': 'manifestVersion: 1\n---\npartners: []\n',
      'deep nesting': `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      'an alias bomb':
        'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      'a byte-order mark': `\uFEFF${clean}`,
      'CRLF line ends': every.replace(/\n/g, '\r\n'),
      'a scalar root': 'just a string',
      'a list root': '- manifestVersion: 1\n',
    };
    for (const [name, text] of Object.entries(documents)) {
      it(name, async () => {
        const uri = await server.open(`robust-${opened++}.csp-partners.yaml`, text);
        const diagnostics = await server.diagnostics(uri);
        if (name === 'deep nesting') {
          // Where the parser runs out of stack depends on the process: the finding, not its character.
          const noCharacter = (rows: unknown[][]) =>
            rows.map(([code, severity, range, message]) => [code, severity, (range as { start: { line: number } }).start.line, message]);
          assert.deepEqual(noCharacter(asCore(diagnostics)), noCharacter(coreOf(text)));
        } else {
          assert.deepEqual(asCore(diagnostics), coreOf(text));
        }
        if (text !== `\uFEFF${clean}`) assert.ok(diagnostics.length > 0, 'something is reported');
        // Every feature answers on it without a guarded failure.
        const logsBefore = server.logs.length;
        const whole = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };
        const position = { line: 0, character: 1 };
        await server.request('textDocument/codeAction', {
          textDocument: { uri },
          range: whole,
          context: { diagnostics, only: ['source.fixAll.cspPartners'] },
        });
        await server.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } });
        await server.request('textDocument/documentSymbol', { textDocument: { uri } });
        await server.request('textDocument/codeLens', { textDocument: { uri } });
        await server.request('textDocument/definition', { textDocument: { uri }, position });
        await server.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
        await server.request('textDocument/documentHighlight', { textDocument: { uri }, position });
        assert.deepEqual(server.logs.slice(logsBefore), []);
        await stillAnswers();
      });
    }

    it('an edit that breaks a clean document, then one that repairs it', async () => {
      const uri = await server.open(`robust-${opened++}.csp-partners.yaml`, clean);
      assert.deepEqual(await server.diagnostics(uri), []);
      await server.change(uri, clean.replace('partners:', 'partners: [\n'));
      assert.ok((await server.diagnostics(uri)).every((d) => d.code === 'yaml-syntax'));
      await server.change(uri, clean);
      assert.deepEqual(await server.diagnostics(uri), []);
    });
  });

  describe('bad requests: empty, null or an error, and the next request is answered', () => {
    const position = { line: 10, character: 4 };
    let uri: string;
    before(async () => {
      uri = await server.open('robust-requests.csp-partners.yaml', every);
      await server.diagnostics(uri);
    });

    async function answer(method: string, params: unknown): Promise<unknown> {
      return server.request(method, params).then(
        (value) => value,
        (error: unknown) => {
          assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
          return 'error';
        },
      );
    }

    it('positions out of range: null or nothing', async () => {
      for (const p of [
        { line: 100000, character: 0 },
        { line: 0, character: 100000 },
        { line: 5, character: 9999 },
        { line: -1, character: -1 },
        { line: 1.5, character: 2.5 },
      ]) {
        assert.equal(await answer('textDocument/definition', { textDocument: { uri }, position: p }), null, JSON.stringify(p));
        assert.equal(await answer('textDocument/documentHighlight', { textDocument: { uri }, position: p }), null);
        assert.equal(
          await answer('textDocument/references', { textDocument: { uri }, position: p, context: { includeDeclaration: true } }),
          null,
        );
        const prepared = await answer('textDocument/prepareRename', { textDocument: { uri }, position: p });
        assert.equal(prepared, 'error', 'refused: no id there');
      }
      // A range beyond the end for code actions: no action, no failure.
      const far = { start: { line: 100000, character: 0 }, end: { line: 100001, character: 0 } };
      assert.deepEqual(await answer('textDocument/codeAction', { textDocument: { uri }, range: far, context: { diagnostics: [] } }), []);
      await stillAnswers();
    });

    it('unknown documents: empty answers', async () => {
      const unknown = uriOf('never-opened.csp-partners.yaml');
      assert.deepEqual(await server.diagnostics(unknown), []);
      assert.equal(await answer('textDocument/definition', { textDocument: { uri: unknown }, position }), null);
      assert.equal(
        await answer('textDocument/references', { textDocument: { uri: unknown }, position, context: { includeDeclaration: true } }),
        null,
      );
      assert.equal(await answer('textDocument/documentHighlight', { textDocument: { uri: unknown }, position }), null);
      assert.equal(await answer('textDocument/prepareRename', { textDocument: { uri: unknown }, position }), null);
      assert.equal(await answer('textDocument/rename', { textDocument: { uri: unknown }, position, newName: 'x' }), null);
      assert.equal(await answer('textDocument/documentSymbol', { textDocument: { uri: unknown } }), null);
      assert.equal(await answer('textDocument/codeLens', { textDocument: { uri: unknown } }), null);
      assert.deepEqual(
        await answer('textDocument/codeAction', {
          textDocument: { uri: unknown },
          range: { start: position, end: position },
          context: { diagnostics: [] },
        }),
        [],
      );
      await stillAnswers();
    });

    it('a closed document is forgotten: empty answers until it is opened again', async () => {
      const closing = await server.open(`robust-${opened++}.csp-partners.yaml`, every);
      assert.ok((await server.diagnostics(closing)).length > 0);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closing } });
      assert.deepEqual(await server.diagnostics(closing), []);
      assert.equal(await answer('textDocument/documentSymbol', { textDocument: { uri: closing } }), null);
      await stillAnswers();
    });

    it('malformed params: an empty answer or an error response, never a dead server', async () => {
      const calls: [string, unknown][] = [
        ['textDocument/definition', {}],
        ['textDocument/definition', { textDocument: { uri } }],
        ['textDocument/definition', { textDocument: { uri }, position: 'here' }],
        ['textDocument/references', { textDocument: { uri }, position }],
        ['textDocument/documentHighlight', null],
        ['textDocument/prepareRename', { textDocument: {} }],
        ['textDocument/rename', { textDocument: { uri }, position }],
        ['textDocument/rename', { textDocument: { uri }, position: { line: 6, character: 10 }, newName: 42 }],
        ['textDocument/codeAction', { textDocument: { uri } }],
        [
          'textDocument/codeAction',
          { textDocument: { uri }, range: null, context: { diagnostics: [{ code: 'schema', source: DIAGNOSTIC_SOURCE }] } },
        ],
        ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: 'all' } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [], only: 'quickfix' } }],
        ['textDocument/documentSymbol', { textDocument: null }],
        ['textDocument/codeLens', []],
        ['textDocument/diagnostic', {}],
        ['textDocument/diagnostic', { textDocument: { uri: 42 } }],
        ['cspPartners/noSuchRequest', {}],
      ];
      for (const [method, params] of calls) {
        const result = await answer(method, params);
        assert.ok(
          result === null ||
            result === 'error' ||
            (Array.isArray(result) && result.length === 0) ||
            (typeof result === 'object' && (result as { items?: unknown[] }).items?.length === 0),
          `${method} ${JSON.stringify(params)} → ${JSON.stringify(result)}`,
        );
        assert.equal(server.process.exitCode, null, `alive after ${method}`);
      }
      await stillAnswers();
    });

    it('a code action for a stale or forged diagnostic: no crash, no edit outside the document', async () => {
      const lines = every.split('\n').length;
      const forged: Diagnostic[] = [
        {
          range: { start: { line: 5000, character: 0 }, end: { line: 5000, character: 3 } },
          message: 'x',
          code: 'unknown-country',
          source: DIAGNOSTIC_SOURCE,
          data: { path: ['customers', 99, 'country'], severity: 'error' },
        },
        {
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } },
          message: 'x',
          code: 'no-such-rule',
          source: DIAGNOSTIC_SOURCE,
          data: { path: [], severity: 'error' },
        },
        {
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } },
          message: 'x',
          code: 'mpa-not-accepted',
          source: DIAGNOSTIC_SOURCE,
          data: { path: ['customers', 0], severity: 'error' },
        },
        {
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } },
          message: 'x',
          code: 'unknown-reference',
          source: DIAGNOSTIC_SOURCE,
          data: { path: 'nope', severity: 'error' },
        },
      ];
      // Past the end of the document, or with a path that is not one: no action at all.
      for (const d of [forged[0], forged[3]]) {
        assert.deepEqual(
          await answer('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }),
          [],
          JSON.stringify(d),
        );
      }
      for (const d of forged) {
        const actions = (await answer('textDocument/codeAction', {
          textDocument: { uri },
          range: d.range,
          context: { diagnostics: [d] },
        })) as { edit?: { changes: Record<string, { range: { start: { line: number } } }[]> } }[];
        assert.ok(Array.isArray(actions), JSON.stringify(d));
        for (const a of actions) {
          for (const e of a.edit?.changes[uri] ?? [])
            assert.ok(e.range.start.line <= lines, `edit inside the document: ${JSON.stringify(e)}`);
        }
      }
      await stillAnswers();
    });

    it('a request for a version being replaced answers for some version, never fails', async () => {
      const racing = await server.open(`robust-${opened++}.csp-partners.yaml`, every);
      const pending = [server.diagnostics(racing), server.request('textDocument/documentSymbol', { textDocument: { uri: racing } })];
      await server.change(racing, clean);
      pending.push(server.diagnostics(racing));
      const [, , last] = await Promise.all(pending);
      assert.deepEqual(last, []);
      await stillAnswers();
    });
  });

  describe('status notification', () => {
    it('cspPartners/status follows each diagnostics pull, with the counts of the check', async () => {
      const uri = await server.open(`robust-${opened++}.csp-partners.yaml`, every);
      const before = server.statuses.length;
      await server.diagnostics(uri);
      assert.equal(server.statuses.length, before + 1);
      const status = server.statuses[server.statuses.length - 1] as Record<string, unknown>;
      const { durationMs, checkedAt, ...rest } = status;
      assert.deepEqual(rest, { uri, version: 1, partners: 8, customers: 7, subscriptions: 9, errors: 23, warnings: 2 });
      assert.equal(typeof durationMs, 'number');
      assert.ok((durationMs as number) >= 0);
      assert.ok(!Number.isNaN(Date.parse(checkedAt as string)));

      await server.change(uri, clean);
      await server.diagnostics(uri);
      const { durationMs: _d, checkedAt: _c, ...second } = server.statuses[server.statuses.length - 1] as Record<string, unknown>;
      assert.deepEqual(second, { uri, version: 2, partners: 5, customers: 5, subscriptions: 7, errors: 0, warnings: 0 });
    });

    it('a broken document reports its syntax errors and no entities', async () => {
      const broken = readExample('broken.csp-partners.yaml');
      const uri = await server.open(`robust-${opened++}.csp-partners.yaml`, broken);
      await server.diagnostics(uri);
      const { durationMs: _d, checkedAt: _c, ...status } = server.statuses[server.statuses.length - 1] as Record<string, unknown>;
      assert.deepEqual(status, { uri, version: 1, partners: 0, customers: 0, subscriptions: 0, errors: 4, warnings: 0 });
    });
  });
});
