import * as assert from 'node:assert/strict';
import type { CodeLens, DocumentHighlight, DocumentSymbol, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ResponseError } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { MAX_SYMBOLS } from '../../server/src/lsp/navigation';
import { Harness, startServer } from './harness';
import { positionIn, rangeOf, readExample } from './lsp-support';

const example = readExample('csp-partners.yaml');
const WRITE = 3,
  READ = 2;

/** `line:character-line:character`, 1-based lines as an editor shows them. */
const at = (r: Range) => `${r.start.line + 1}:${r.start.character}-${r.end.line + 1}:${r.end.character}`;

describe('language server: navigation', () => {
  let server: Harness;
  let uri: string;
  let opened = 0;
  before(async () => {
    server = await startServer();
    uri = await server.open('navigation.csp-partners.yaml', example);
    assert.deepEqual(await server.diagnostics(uri), [], 'the example is clean');
  });
  after(async () => {
    await server.stop();
  });

  const definition = (position: Position, u = uri) =>
    server.request<Location | null>('textDocument/definition', { textDocument: { uri: u }, position });
  const references = (position: Position, includeDeclaration: boolean) =>
    server.request<Location[] | null>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
  const highlights = (position: Position) =>
    server.request<DocumentHighlight[] | null>('textDocument/documentHighlight', { textDocument: { uri }, position });
  const prepareRename = (position: Position, u = uri) =>
    server.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: u }, position });
  const rename = (position: Position, newName: string, u = uri) =>
    server.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: u }, position, newName });

  async function refusal(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
    return error.message;
  }

  describe('definition', () => {
    const cases: [what: string, line: string, word: string, declaration: string][] = [
      ['soldBy', 'soldBy: fabrikam', 'fabrikam', 'id: fabrikam'],
      ['provider', 'provider: contoso-dist', 'contoso-dist', 'id: contoso-dist'],
      ['providers (flow list)', 'providers: [contoso-dist]', 'contoso-dist', 'id: contoso-dist'],
      ['providers (block list)', '      - contoso-dist', 'contoso-dist', 'id: contoso-dist'],
      ['managedBy', 'managedBy: [adatum]', 'adatum', 'id: adatum'],
      ['owner', 'owner: adatum', 'adatum', 'id: adatum'],
      ['soldBy of a direct-bill partner', 'soldBy: tailspin-jp', 'tailspin-jp', 'id: tailspin-jp'],
    ];
    for (const [what, line, word, declaration] of cases) {
      it(`from ${what} to the declaring id`, async () => {
        const expected = rangeOf(example, declaration, word);
        assert.deepEqual(await definition(positionIn(example, line, word)), { uri, range: expected });
        // The cursor right after the last character still counts.
        const end = rangeOf(example, line, word).end;
        assert.deepEqual(await definition(end), { uri, range: expected });
      });
    }

    it('on the declaration itself, to itself', async () => {
      assert.deepEqual(await definition(positionIn(example, 'id: adatum', 'adatum')), {
        uri,
        range: rangeOf(example, 'id: adatum', 'adatum'),
      });
    });

    it('null where there is no id (a key, a country, a subscription id, a comment)', async () => {
      for (const position of [
        positionIn(example, 'soldBy: fabrikam', 'soldBy'),
        positionIn(example, 'country: DE', 'DE'),
        positionIn(example, 'id: m365-e3', 'm365-e3'),
        positionIn(example, '# A clean manifest', 'clean'),
        positionIn(example, 'organization: fabrikam', 'fabrikam'),
      ])
        assert.equal(await definition(position), null, JSON.stringify(position));
    });
  });

  describe('references and highlights', () => {
    const contosoDeclaration = '7:8-7:20';
    const contosoReferences = ['32:16-32:28', '48:8-48:20', '88:18-88:30', '105:18-105:30', '112:18-112:30'];

    it('references without the declaration', async () => {
      const found = await references(positionIn(example, 'provider: contoso-dist', 'contoso-dist'), false);
      assert.deepEqual(
        found!.map((l) => l.uri),
        contosoReferences.map(() => uri),
      );
      assert.deepEqual(
        found!.map((l) => at(l.range)),
        contosoReferences,
      );
    });

    it('references with the declaration, from the declaration', async () => {
      const found = await references(positionIn(example, 'id: contoso-dist', 'contoso-dist'), true);
      assert.deepEqual(
        found!.map((l) => at(l.range)),
        [contosoDeclaration, ...contosoReferences],
      );
    });

    it('references of adatum: providers/soldBy/managedBy/owner all count', async () => {
      const found = await references(positionIn(example, 'owner: adatum', 'adatum'), true);
      assert.deepEqual(
        found!.map((l) => at(l.range)),
        ['34:8-34:14', '90:20-90:26', '104:16-104:22', '111:16-111:22', '120:11-120:17', '132:11-132:17'],
      );
    });

    it('references: null off an id', async () => {
      assert.equal(await references(positionIn(example, 'country: DE', 'DE'), true), null);
    });

    it('highlights: Write on the declaration, Read on the references', async () => {
      const found = await highlights(positionIn(example, 'providers: [contoso-dist]', 'contoso-dist'));
      assert.deepEqual(
        found!.map((h) => [at(h.range), h.kind]),
        [[contosoDeclaration, WRITE], ...contosoReferences.map((r) => [r, READ])],
      );
    });

    it('highlights: null off an id', async () => {
      assert.equal(await highlights(positionIn(example, 'name: Woodgrove Bank', 'Woodgrove')), null);
    });
  });

  describe('rename', () => {
    it('prepareRename on an id: its range and the id as placeholder', async () => {
      assert.deepEqual(await prepareRename(positionIn(example, 'soldBy: northwind', 'northwind')), {
        range: rangeOf(example, 'soldBy: northwind', 'northwind'),
        placeholder: 'northwind',
      });
      assert.deepEqual(await prepareRename(positionIn(example, 'id: woodgrove', 'woodgrove')), {
        range: rangeOf(example, 'id: woodgrove', 'woodgrove'),
        placeholder: 'woodgrove',
      });
    });

    it('prepareRename refused (ResponseError) off a partner or customer id', async () => {
      for (const position of [
        positionIn(example, 'country: DE', 'DE'),
        positionIn(example, 'id: m365-e3', 'm365-e3'),
        positionIn(example, 'type: direct-bill', 'direct-bill'),
        { line: 0, character: 0 },
      ]) {
        assert.equal(await refusal(prepareRename(position)), 'Only the id of a partner or a customer can be renamed here.');
      }
    });

    async function renamed(position: Position, newName: string): Promise<string> {
      const edit = await rename(position, newName);
      assert.deepEqual(Object.keys(edit!.changes!), [uri]);
      return applyEdits(example, edit!.changes![uri]);
    }

    it('from a reference: every occurrence changes, the document re-checks clean', async () => {
      const text = await renamed(positionIn(example, 'provider: contoso-dist', 'contoso-dist', 2), 'contoso-distribution');
      assert.equal(text.match(/\bcontoso-dist\b/g), null);
      assert.equal(text.match(/\bcontoso-distribution\b/g)!.length, 6);
      assert.equal(text.replaceAll('contoso-distribution', 'contoso-dist'), example);
      const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, text);
      assert.deepEqual(await server.diagnostics(doc), []);
    });

    it('from the declaration of a partner used as owner and manager', async () => {
      const text = await renamed(positionIn(example, 'id: adatum', 'adatum'), 'adatum-ms');
      // Only the id occurrences: `organization: adatum` and the adatum-* ids stay.
      assert.deepEqual(
        text.split('\n').flatMap((l, i) => (l.includes('adatum-ms') ? [`${i + 1}: ${l.trim()}`] : [])),
        [
          '34: - id: adatum-ms',
          '90: managedBy: [adatum-ms]',
          '104: soldBy: adatum-ms',
          '111: soldBy: adatum-ms',
          '120: owner: adatum-ms',
          '132: owner: adatum-ms',
        ],
      );
      const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, text);
      assert.deepEqual(await server.diagnostics(doc), []);
    });

    it('a customer id (never referenced) renames alone', async () => {
      const edit = await rename(positionIn(example, 'id: litware', 'litware'), 'litware-be');
      assert.deepEqual(
        edit!.changes![uri].map((e) => [at(e.range), e.newText]),
        [['97:8-97:15', 'litware-be']],
      );
    });

    it('the same id again is allowed (a no-op)', async () => {
      const edit = await rename(positionIn(example, 'id: fabrikam', 'fabrikam'), 'fabrikam');
      assert.deepEqual(
        edit!.changes![uri].map((e) => [at(e.range), e.newText]),
        [
          ['19:8-19:16', 'fabrikam'],
          ['87:16-87:24', 'fabrikam'],
        ],
      );
    });

    it('to an invalid id: ResponseError', async () => {
      const position = positionIn(example, 'soldBy: fabrikam', 'fabrikam');
      for (const name of ['fab rikam', '-fabrikam', 'fabrikam!', '', 'fab:rikam']) {
        assert.equal(
          await refusal(rename(position, name)),
          `"${name}" is not a valid id: use letters, digits, ".", "_" and "-", starting with a letter or digit.`,
        );
      }
    });

    it('to an id already used by a partner or a customer: ResponseError', async () => {
      const position = positionIn(example, 'soldBy: fabrikam', 'fabrikam');
      assert.equal(await refusal(rename(position, 'adatum')), 'The id "adatum" is already used in this manifest.');
      assert.equal(await refusal(rename(position, 'woodgrove')), 'The id "woodgrove" is already used in this manifest.');
    });

    it('to an id that YAML would read as a number, boolean or null: the new id is quoted', async () => {
      for (const [name, written] of [
        ['2024', '"2024"'],
        ['true', '"true"'],
        ['null', '"null"'],
        ['1e3', '"1e3"'],
        ['0x1F', '"0x1F"'],
      ]) {
        const edit = await rename(positionIn(example, 'id: tailspin-jp', 'tailspin-jp'), name);
        assert.deepEqual(
          edit!.changes![uri].map((e) => e.newText),
          [written, written],
          name,
        );
        const text = applyEdits(example, edit!.changes![uri]);
        const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, text);
        assert.deepEqual(
          (await server.diagnostics(doc)).map((d) => d.message),
          [],
          name,
        );
      }
    });

    it('an id written after a lone \\r (read as part of the scalar): refused, not broken (fuzz case)', async () => {
      // `yaml` reads `\rMu` as the id; LSP sees a line break. The rename's result would not parse.
      const text = 'partners:\n  - id:\rMu\n    :';
      const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, text);
      const expected = 'Renaming "\\rMu" here would break the YAML: correct how the id is written first.';
      assert.equal(await refusal(prepareRename({ line: 2, character: 0 }, doc)), expected);
      assert.equal(await refusal(rename({ line: 2, character: 0 }, 'renamed', doc)), expected);
    });

    it('keeps the quotes of a quoted occurrence', async () => {
      const quoted = example
        .replace('soldBy: fabrikam', 'soldBy: "fabrikam"')
        .replace('providers: [contoso-dist]', "providers: ['contoso-dist']");
      const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, quoted);
      assert.deepEqual(await server.diagnostics(doc), []);
      const edit = await rename(positionIn(quoted, 'id: fabrikam', 'fabrikam'), 'fabrikam-fr', doc);
      const text = applyEdits(quoted, edit!.changes![doc]);
      assert.ok(text.includes('soldBy: "fabrikam-fr"'));
      const edit2 = await rename(positionIn(quoted, 'id: contoso-dist', 'contoso-dist'), 'contoso-de', doc);
      assert.ok(applyEdits(quoted, edit2!.changes![doc]).includes("providers: ['contoso-de']"));
      const prepared = await prepareRename(positionIn(quoted, 'soldBy: "fabrikam"', 'fabrikam'), doc);
      assert.deepEqual(prepared, { range: rangeOf(quoted, 'soldBy: "fabrikam"', 'fabrikam'), placeholder: 'fabrikam' });
    });

    it('an id shared through an anchor and alias is edited once (no overlapping edits)', async () => {
      const aliased = example
        .replace(
          'soldBy: adatum\n        provider: contoso-dist\n        orderedOn: 2025-02-20',
          'soldBy: &seller adatum\n        provider: contoso-dist\n        orderedOn: 2025-02-20',
        )
        .replace(
          'soldBy: adatum\n        provider: contoso-dist\n        orderedOn: 2025-03-03',
          'soldBy: *seller\n        provider: contoso-dist\n        orderedOn: 2025-03-03',
        );
      assert.notEqual(aliased, example);
      const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, aliased);
      assert.deepEqual(await server.diagnostics(doc), []);
      const position = positionIn(aliased, 'id: adatum', 'adatum');
      const found = await server.request<Location[]>('textDocument/references', {
        textDocument: { uri: doc },
        position,
        context: { includeDeclaration: true },
      });
      assert.deepEqual(
        found.map((l) => at(l.range)),
        ['34:8-34:14', '90:20-90:26', '104:24-104:30', '120:11-120:17', '132:11-132:17'],
      );
      const edit = await rename(position, 'adatum-nl', doc);
      const text = applyEdits(aliased, edit!.changes![doc]);
      assert.ok(text.includes('soldBy: &seller adatum-nl') && text.includes('soldBy: *seller'));
      const renamedDoc = await server.open(`rename-${opened++}.csp-partners.yaml`, text);
      assert.deepEqual(await server.diagnostics(renamedDoc), []);
    });

    it('an unknown reference is refused: it names nothing to rename', async () => {
      const typo = example.replace('soldBy: fabrikam', 'soldBy: fabrikm');
      const doc = await server.open(`rename-${opened++}.csp-partners.yaml`, typo);
      assert.equal(
        await refusal(prepareRename(positionIn(typo, 'soldBy: fabrikm', 'fabrikm'), doc)),
        'Only the id of a partner or a customer can be renamed here.',
      );
    });
  });

  describe('after edits that move entries', () => {
    // A partner inserted before adatum and a line typed into a customer: every entry after them moves.
    const inserted = '  - id: lamna\n    name: Lamna\n    type: indirect-reseller\n    country: US\n';
    const edited = example
      .replace('  - id: adatum\n', `${inserted}  - id: adatum\n`)
      .replace('    tenant: adatumshared', '    x-note: moved\n    tenant: adatumshared');
    let editedUri: string;
    before(async () => {
      editedUri = await server.open(`navigation-${++opened}.csp-partners.yaml`, example);
      await server.diagnostics(editedUri);
      const line = (text: string) => example.split('\n').indexOf(text);
      const insertAt = (row: number, text: string) =>
        server.edit(editedUri, { start: { line: row, character: 0 }, end: { line: row, character: 0 } }, text);
      await insertAt(line('  - id: adatum'), inserted);
      const tenantLine = line('    tenant: adatumshared.onmicrosoft.com') + inserted.split('\n').length - 1;
      await insertAt(tenantLine, '    x-note: moved\n');
      const broken = (await server.diagnostics(editedUri)).filter((d) => d.code === 'yaml-syntax');
      assert.deepEqual(broken, [], 'the edited text parses: its entries are read, not recovered');
    });

    it('definition goes to the declaration where it now is', async () => {
      const declaration = { uri: editedUri, range: rangeOf(edited, 'id: adatum', 'adatum') };
      assert.deepEqual(await definition(positionIn(edited, 'owner: adatum', 'adatum'), editedUri), declaration);
      assert.deepEqual(await definition(positionIn(edited, 'owner: adatum', 'adatum', 1), editedUri), declaration);
    });

    it('references and rename find every occurrence at its new place, managedBy included', async () => {
      const position = positionIn(edited, 'soldBy: adatum', 'adatum');
      const found = await server.request<Location[] | null>('textDocument/references', {
        textDocument: { uri: editedUri },
        position,
        context: { includeDeclaration: true },
      });
      const expected = [
        rangeOf(edited, 'id: adatum', 'adatum'),
        rangeOf(edited, 'managedBy: [adatum]', 'adatum'),
        rangeOf(edited, 'soldBy: adatum', 'adatum'),
        rangeOf(edited, 'soldBy: adatum', 'adatum', 1),
        rangeOf(edited, 'owner: adatum', 'adatum'),
        rangeOf(edited, 'owner: adatum', 'adatum', 1),
      ];
      assert.deepEqual(
        found?.map((l) => at(l.range)),
        expected.map(at),
      );
      const edit = await rename(positionIn(edited, 'managedBy: [adatum]', 'adatum'), 'adatum-corp', editedUri);
      const renamed = edited.replace(/(id|managedBy|soldBy|owner)(: \[?)adatum\b(?![-.])/g, '$1$2adatum-corp');
      assert.equal(applyEdits(edited, edit!.changes![editedUri]), renamed);
    });

    it('hover on the inserted partner and on a moved reference', async () => {
      const hover = (position: Position) =>
        server.request<{ range: Range } | null>('textDocument/hover', { textDocument: { uri: editedUri }, position });
      assert.equal(at((await hover(positionIn(edited, 'id: lamna', 'lamna')))!.range), at(rangeOf(edited, 'id: lamna', 'lamna')));
      const moved = rangeOf(edited, 'owner: adatum', 'adatum', 1);
      assert.equal(at((await hover(positionIn(edited, 'owner: adatum', 'adatum', 1)))!.range), at(moved));
    });
  });

  describe('document symbols', () => {
    type Shape = [name: string, kind: number, detail: string | undefined, range: string, selection: string, children?: Shape[]];
    const shape = (s: DocumentSymbol): Shape => {
      const base: Shape = [s.name, s.kind, s.detail, at(s.range), at(s.selectionRange)];
      if (s.children?.length) base.push(s.children.map(shape));
      return base;
    };
    const NAMESPACE = 3,
      CLASS = 5,
      FIELD = 8,
      OBJECT = 19;

    it('the clean example: sections, partners, customers and their subscriptions', async () => {
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map(shape), [
        [
          'partners',
          NAMESPACE,
          undefined,
          '6:0-77:0',
          '6:0-6:8',
          [
            ['contoso-dist', CLASS, 'indirect-provider · DE · europe', '7:4-18:0', '7:8-7:20'],
            ['fabrikam', CLASS, 'indirect-reseller · FR · europe', '19:4-33:0', '19:8-19:16'],
            ['adatum', CLASS, 'indirect-reseller · NL · europe', '34:4-49:0', '34:8-34:14'],
            ['northwind', CLASS, 'direct-bill · GB · europe', '50:4-63:0', '50:8-50:17'],
            ['tailspin-jp', CLASS, 'direct-bill · JP · japan', '64:4-77:0', '64:8-64:19'],
          ],
        ],
        [
          'customers',
          NAMESPACE,
          undefined,
          '78:0-149:0',
          '78:0-78:9',
          [
            [
              'woodgrove',
              OBJECT,
              'Woodgrove Bank · FR · europe',
              '79:4-96:0',
              '79:8-79:17',
              [
                ['m365-e3', FIELD, 'Microsoft 365 E3', '85:8-91:0', '85:12-85:19'],
                ['azure-plan', FIELD, 'Azure plan', '91:8-96:0', '91:12-91:22'],
              ],
            ],
            [
              'litware',
              OBJECT,
              'Litware Inc. · BE · europe',
              '97:4-114:0',
              '97:8-97:15',
              [
                ['d365-sales', FIELD, 'Dynamics 365 Sales Enterprise', '102:8-107:0', '102:12-102:22'],
                ['backup', FIELD, 'Acme Cloud Backup', '107:8-114:0', '107:12-107:18'],
              ],
            ],
            [
              'adatum-shared',
              OBJECT,
              'Adatum shared services · NL · europe',
              '116:4-126:0',
              '116:8-116:21',
              [['internal-azure', FIELD, 'Azure - Internal/Shared Services', '123:8-126:0', '123:12-123:26']],
            ],
            [
              'adatum-internal',
              OBJECT,
              'Adatum internal IT · NL · europe',
              '128:4-138:0',
              '128:8-128:23',
              [['m365-bp', FIELD, 'Microsoft 365 Business Premium', '134:8-138:0', '134:12-134:19']],
            ],
            [
              'fourth-coffee',
              OBJECT,
              'Fourth Coffee Tokyo · JP · japan',
              '139:4-149:0',
              '139:8-139:21',
              [['m365-e5', FIELD, 'Microsoft 365 E5', '145:8-149:0', '145:12-145:19']],
            ],
          ],
        ],
      ]);
    });

    /** A manifest with `customers` customers of `subscriptions` subscriptions each. */
    function huge(customers: number, subscriptions: number): string {
      const lines = [
        'manifestVersion: 1',
        'partners:',
        '  - id: northwind',
        '    name: Northwind',
        '    type: direct-bill',
        '    country: DE',
        '    mpa: { accepted: true, acceptedOn: 2020-01-01 }',
        '    directBill: { apiIntegration: true, billingAndSupport: true, securityCompliance: true }',
        'customers:',
      ];
      for (let c = 0; c < customers; c++) {
        lines.push(`  - id: customer-${c}`, `    name: Customer ${c}`, '    country: DE', '    subscriptions:');
        for (let s = 0; s < subscriptions; s++)
          lines.push(`      - id: s${s}`, '        offer: Microsoft 365 E3', '        soldBy: northwind');
      }
      return lines.join('\n') + '\n';
    }

    const flatten = (symbols: DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);

    it(`a huge manifest: at most MAX_SYMBOLS (${MAX_SYMBOLS}) symbols, every partner and customer before any subscription`, async () => {
      const customers = 2000,
        subscriptions = 3; // 1 + 2000 + 6000 entries
      const doc = await server.open(`huge-${opened++}.csp-partners.yaml`, huge(customers, subscriptions));
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: doc } });
      const all = flatten(symbols);
      assert.ok(all.length <= MAX_SYMBOLS, `${all.length} symbols`);
      assert.deepEqual(
        symbols.map((s) => [s.name, s.children!.length]),
        [
          ['partners', 1],
          ['customers', customers],
        ],
      );
      const listed = symbols[1].children!;
      assert.deepEqual(
        listed.map((c) => c.name),
        Array.from({ length: customers }, (_, i) => `customer-${i}`),
      );
      const kept = listed.map((c) => c.children?.length ?? 0);
      // Subscriptions fill what is left, customer by customer: whole lists first, then none.
      const full = kept.filter((n) => n === subscriptions).length;
      assert.ok(full > 0 && full < customers);
      assert.deepEqual(kept, [
        ...kept.slice(0, full).fill(subscriptions),
        ...kept.slice(full, full + 1),
        ...new Array<number>(customers - full - 1).fill(0),
      ]);
      assert.equal(all.length, MAX_SYMBOLS, 'the budget is used up');
    });

    it('more customers than MAX_SYMBOLS: partners first, customers up to the cap, no subscriptions', async () => {
      const customers = MAX_SYMBOLS + 50;
      const doc = await server.open(`huge-${opened++}.csp-partners.yaml`, huge(customers, 1));
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: doc } });
      const all = flatten(symbols);
      assert.ok(all.length <= MAX_SYMBOLS, `${all.length} symbols`);
      assert.equal(symbols[0].children!.length, 1);
      assert.ok(symbols[1].children!.every((c) => !c.children?.length));
      assert.equal(symbols[1].children![0].name, 'customer-0');
    });
  });

  describe('code lenses', () => {
    it('one per partner, on its id: subscriptions sold or provided, customers, region', async () => {
      const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(
        lenses.map((l) => [at(l.range), l.command?.title]),
        [
          ['7:8-7:20', 'provides 3 subscriptions · 2 customers · europe'],
          ['19:8-19:16', 'sells 1 subscription · 1 customer · europe'],
          ['34:8-34:14', 'sells 2 subscriptions · 1 customer · europe'],
          ['50:8-50:17', 'sells 2 subscriptions · 2 customers · europe'],
          ['64:8-64:19', 'sells 1 subscription · 1 customer · japan'],
        ],
      );
    });
  });
});
