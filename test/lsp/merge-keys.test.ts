// Merge keys (`<<: *defaults`) over the protocol: navigation to and from ids written once in a shared
// block, quick fixes on merged values applied and checked again, the outline, code lenses and scenario
// answers of merged entries, and a document edited into a merge state against the same text opened.
import * as assert from 'node:assert/strict';
import type {
  CodeAction,
  CodeLens,
  Diagnostic,
  DocumentSymbol,
  Location,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { SCENARIO_REQUEST, ScenarioAnswer } from '../../server/src/protocol';
import { Harness, startServer } from './harness';
import { assertFixed, lineDiff, newErrors, positionIn, rangeOf, readFixture } from './lsp-support';

const providerList = readFixture('merge-keys/provider-list.yaml');

describe('language server: merge keys', () => {
  let server: Harness;
  let opened = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.deepEqual(server.errorLogs, []);
    await server.stop();
  });

  async function open(text: string) {
    const uri = await server.open(`merge-${opened++}.csp-partners.yaml`, text);
    return { uri, diagnostics: await server.diagnostics(uri) };
  }
  const codeActions = (uri: string, range: Range, diagnostics: Diagnostic[]) =>
    server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  const diagnosticAt = (diagnostics: Diagnostic[], rule: string, line: number, nth = 0) => {
    const found = diagnostics.filter((d) => d.code === rule && d.range.start.line === line - 1);
    assert.ok(found[nth], `a ${rule} diagnostic on line ${line}`);
    return found[nth];
  };
  const editsOf = (uri: string, action: CodeAction): TextEdit[] =>
    action.edit?.changes?.[uri] ?? (action.command?.arguments?.[1] as TextEdit[]);

  describe('navigation through a merge', () => {
    it('from an id in a shared list to its declaration, and from the declaration to every place it is written, once', async () => {
      const { uri } = await open(providerList);
      const shared = positionIn(providerList, '    - litware-us', 'litware-us');
      const declaration = rangeOf(providerList, 'id: litware-us', 'litware-us');
      assert.deepEqual(await server.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: shared }), {
        uri,
        range: declaration,
      });
      // `litware-us` is written twice: its declaration and the shared list that one reseller merges.
      const refs = await server.request<Location[]>('textDocument/references', {
        textDocument: { uri },
        position: positionIn(providerList, 'id: litware-us', 'litware-us'),
        context: { includeDeclaration: true },
      });
      assert.deepEqual(
        refs.map((l) => l.range),
        [rangeOf(providerList, '    - litware-us', 'litware-us'), declaration],
      );
    });

    it('rename edits an id written in a shared list once, though two resellers merge it; the result checks the same', async () => {
      const { uri, diagnostics } = await open(providerList);
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', {
        textDocument: { uri },
        position: positionIn(providerList, 'providers: [contoso-dist]', 'contoso-dist'),
        newName: 'contoso-eu',
      });
      const edits = edit.changes![uri];
      const renamed = applyEdits(providerList, edits);
      // The declaration, the two shared lists (each written once), the one subscription that names it.
      assert.equal(edits.length, 4);
      assert.deepEqual(
        renamed.split('\n').filter((line) => !line.startsWith('#') && line.includes('contoso-dist')),
        [],
      );
      assert.deepEqual(
        lineDiff(providerList, renamed).filter((l) => l.startsWith('+')),
        ['+12   providers: [contoso-eu]', '+15     - contoso-eu', '+19     id: contoso-eu', '+56         provider: contoso-eu'],
      );
      await server.change(uri, renamed);
      const after = await server.diagnostics(uri);
      assert.deepEqual(
        after.map((d) => [d.code, d.range.start.line]),
        diagnostics.map((d) => [d.code, d.range.start.line]),
      );
    });
  });

  describe('a quick fix on a merged value, applied and checked again: its diagnostic gone, nothing new', () => {
    const cases: [fixture: string, rule: string, line: number, title: string, diff: string[]][] = [
      [
        'shared-mpa',
        'mpa-not-accepted',
        11,
        'Record MPA acceptance (accepted: true, acceptedOn: 2025-03-01)',
        ['+25     mpa:', '+26       accepted: true', '+27       acceptedOn: 2025-03-01'],
      ],
      [
        'onboarding-flags',
        'reseller-onboarding-incomplete',
        10,
        'Confirm onboarding.registeredAsIndirectReseller',
        ['+35     onboarding:', '+36       aiCloudPartnerProgram: true', '+37       registeredAsIndirectReseller: true'],
      ],
      [
        'provider-list',
        'provider-not-linked',
        51,
        'Add "adventure-dist" to the providers of "fabrikam"',
        ['+38     providers: [contoso-dist, adventure-dist]'],
      ],
      [
        'subscriptions',
        'cross-region-sale',
        9,
        'Sell through "trey-jp"',
        ['+71         soldBy: trey-jp', '+72         provider: litware-jp'],
      ],
      ['overrides', 'region-mismatch', 9, 'Set region to "japan"', ['+36     region: japan']],
    ];
    for (const [fixture, rule, line, title, diff] of cases) {
      it(`${fixture}: ${rule} — ${title}`, async () => {
        const text = readFixture(`merge-keys/${fixture}.yaml`);
        const { uri, diagnostics } = await open(text);
        const target = diagnosticAt(diagnostics, rule, line);
        const actions = await codeActions(uri, target.range, [target]);
        const action = actions.find((a) => a.title === title);
        assert.ok(action, actions.map((a) => a.title).join(', '));
        const fixed = applyEdits(text, editsOf(uri, action));
        assert.deepEqual(
          lineDiff(text, fixed).filter((l) => l.startsWith('+') || l.startsWith('-')),
          diff,
        );
        await server.change(uri, fixed);
        assertFixed(diagnostics, await server.diagnostics(uri), target);
      });
    }

    it('a misspelling in a shared block is corrected where it is written: for every entry that merges it', async () => {
      const text = readFixture('merge-keys/shared-schema.yaml');
      const { uri, diagnostics } = await open(text);
      const target = diagnosticAt(diagnostics, 'schema', 7);
      const [action] = await codeActions(uri, target.range, [target]);
      assert.equal(action.title, 'Change to "direct-bill"');
      const fixed = applyEdits(text, editsOf(uri, action));
      assert.deepEqual(lineDiff(text, fixed), ['-7   type: direct-bil', '+7   type: direct-bill']);
      await server.change(uri, fixed);
      const after = await server.diagnostics(uri);
      assert.equal(diagnostics.filter((d) => d.message === target.message).length, 2);
      assert.deepEqual(
        after.filter((d) => d.message === target.message),
        [],
      );
      assert.deepEqual(newErrors(diagnostics, after), []);
    });

    it('a provider merged from a shared block cannot be removed from one subscription: no removal is offered', async () => {
      const text = readFixture('merge-keys/subscriptions.yaml');
      const { uri, diagnostics } = await open(text);
      const target = diagnosticAt(diagnostics, 'direct-bill-has-provider', 10);
      const actions = await codeActions(uri, target.range, [target]);
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Suppress direct-bill-has-provider for this line'],
      );
    });

    it('"Fix all" of a misspelling in a shared block makes its one edit and fixes it for every entry', async () => {
      const text = readFixture('merge-keys/shared-schema.yaml');
      const { uri, diagnostics } = await open(text);
      const target = diagnosticAt(diagnostics, 'schema', 7);
      const actions = await codeActions(uri, target.range, [target]);
      const all = actions.find((a) => a.title.startsWith('Fix all'));
      assert.equal(all?.title, 'Fix all 4 schema problems in this file');
      const edits = editsOf(uri, all);
      assert.equal(edits.length, 2);
      await server.change(uri, applyEdits(text, edits));
      const after = await server.diagnostics(uri);
      assert.deepEqual(
        after.filter((d) => d.code === 'schema').map((d) => d.range.start.line + 1),
        [12],
      );
    });
  });

  it('outline, code lenses and scenario answers of entries that merge', async () => {
    const text = readFixture('merge-keys/subscriptions.yaml');
    const { uri } = await open(text);
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const inside = (inner: Range, outer: Range) =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const customers = symbols.find((s) => s.name === 'customers')!.children!;
    assert.deepEqual(
      customers.map((c) => [c.name, c.children!.map((s) => s.name)]),
      [
        ['woodgrove', ['m365', 'azure']],
        ['alpine', ['m365']],
      ],
    );
    // A subscription that merges its path is outlined where it is written, its id selected.
    const alpineM365 = customers[1].children![0];
    assert.ok(inside(alpineM365.selectionRange, alpineM365.range));
    assert.deepEqual(alpineM365.selectionRange, rangeOf(text, 'id: m365', 'm365', 1));
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const fabrikam = lenses.find((l) => l.range.start.line === rangeOf(text, 'id: fabrikam', 'fabrikam').start.line);
    // Fabrikam sells the two subscriptions that merge it as their seller (`azure` overrides it with northwind).
    assert.equal(fabrikam?.command?.title, 'sells 2 subscriptions · 2 customers · europe');
    const answer = await server.request<ScenarioAnswer>(SCENARIO_REQUEST, { textDocument: { uri }, scenario: 1, customer: 'alpine' });
    const [item] = answer.results[0].items;
    assert.equal(item.verdict, 'not-supported');
    assert.deepEqual(item.rules, ['cross-region-sale']);
    // Linked where alpine's subscription merges its seller, and where that seller is written.
    assert.deepEqual(item.locations, [
      rangeOf(text, '- <<: *via-fabrikam', '*via-fabrikam', 2),
      rangeOf(text, 'soldBy: fabrikam', 'fabrikam'),
    ]);
  });

  it('a document edited into a merge state, change by change, answers as the same text opened', async () => {
    const start = readFixture('rules/mpa-not-accepted/near-miss.yaml');
    const { uri } = await open(start);
    let text = start;
    const steps: [needle: string, replacement: string][] = [
      ['partners:\n', 'x-mpa: &mpa\n  mpa: { accepted: false }\npartners:\n'],
      ['  - id: ', '  - <<: *mpa\n    id: '],
      ['accepted: false', 'accepted: true, acceptedOn: 2024-01-01'],
      ['&mpa', '&shared'],
      ['&shared', '&mpa'],
      ['x-mpa: &mpa\n  mpa: { accepted: true, acceptedOn: 2024-01-01 }\n', ''],
    ];
    for (const [needle, replacement] of steps) {
      const at = text.indexOf(needle);
      assert.ok(at >= 0, needle);
      const before = text.slice(0, at).split('\n');
      const range = {
        start: { line: before.length - 1, character: before[before.length - 1].length },
        end: { line: before.length - 1, character: before[before.length - 1].length },
      };
      const removed = needle.split('\n');
      range.end = {
        line: range.start.line + removed.length - 1,
        character: (removed.length === 1 ? range.start.character : 0) + removed[removed.length - 1].length,
      };
      await server.edit(uri, range, replacement);
      text = text.slice(0, at) + replacement + text.slice(at + needle.length);
      const edited = await server.diagnostics(uri);
      const fresh = await open(text);
      assert.deepEqual(edited, fresh.diagnostics, `${needle} → ${replacement}`);
    }
  });
});
