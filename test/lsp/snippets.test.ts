// Snippets of whole entries, over the protocol: offered where a new partner, customer or subscription
// starts, in the client's language, and each one, taken as suggested, leaves the clean example clean.
import * as assert from 'node:assert/strict';
import type { CompletionItem, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { todayString } from '../../server/src/core/check';
import { Harness, startServer } from './harness';
import { CURSOR, cursorIn, readExample, replaceOnce, takeSnippet } from './lsp-support';

const CLEAN = readExample('csp-partners.yaml');
const SNIPPET = 15;

/** Places in the clean example where a new entry starts, the cursor marked. */
const AT = {
  /** A new partner, its `- ` written. */
  partner: replaceOnce(CLEAN, '\ncustomers:', `\n  - ${CURSOR}\n\ncustomers:`),
  /** A new partner, on a blank line at the column of the list's markers. */
  partnerNoDash: replaceOnce(CLEAN, '\ncustomers:', `\n  ${CURSOR}\n\ncustomers:`),
  /** A new customer, at the end of the file. */
  customer: `${CLEAN}  - ${CURSOR}\n`,
  /** A new subscription of Woodgrove Bank (FR, europe). */
  subscription: replaceOnce(CLEAN, '        orderedOn: 2025-05-12\n', `        orderedOn: 2025-05-12\n      - ${CURSOR}\n`),
  /** A new subscription of Fourth Coffee (JP): no indirect reseller serves Japan. */
  subscriptionJapan: replaceOnce(CLEAN, '        orderedOn: 2025-07-07\n', `        orderedOn: 2025-07-07\n      ${CURSOR}\n`),
};

const snippetsOf = (items: CompletionItem[] | null) => (items ?? []).filter((i) => i.kind === SNIPPET);
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('language server: snippets of whole entries', () => {
  let server: Harness;
  let count = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.deepEqual(
      server.errorLogs.filter((l) => /completion failed/.test(l)),
      [],
    );
    await server.stop();
  });

  async function complete(marked: string, on = server): Promise<{ items: CompletionItem[] | null; text: string }> {
    const { text, position } = cursorIn(marked);
    const uri = await on.open(`snippets-${count++}.csp-partners.yaml`, text);
    const items = await on.request<CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 1 },
    });
    return { items, text };
  }

  async function diagnosticsOf(text: string, on = server): Promise<Diagnostic[]> {
    return on.diagnostics(await on.open(`snippets-${count++}.csp-partners.yaml`, text));
  }

  /** Takes each snippet as suggested: the clean example stays clean. */
  async function assertEachClean(items: CompletionItem[], text: string, on = server): Promise<void> {
    for (const item of items) {
      const taken = takeSnippet(text, item.textEdit as TextEdit);
      const found = (await diagnosticsOf(taken, on)).map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message as string}`);
      assert.deepEqual(found, [], `${item.label}:\n${taken}`);
    }
  }

  it('a new partner (`- ` written): one per partner type, before the keys, each as it stands a clean partner', async () => {
    const { items, text } = await complete(AT.partner);
    const snippets = snippetsOf(items);
    assert.deepEqual(labels(snippets), ['New indirect provider (distributor)', 'New indirect reseller', 'New direct-bill partner']);
    assert.deepEqual(items!.slice(0, 3), snippets, 'the snippets come first');
    assert.ok(snippets.every((s) => s.sortText! < items![3].sortText!));
    const reseller = snippets[1];
    assert.deepEqual(
      { ...reseller, documentation: undefined },
      {
        label: 'New indirect reseller',
        kind: SNIPPET,
        detail: 'whole entry',
        documentation: undefined,
        filterText: 'indirect-reseller partner',
        sortText: ' 1',
        // The line is indented by 2, which the editor adds to the later lines; the entry's keys sit 2 further.
        textEdit: {
          range: { start: { line: 77, character: 4 }, end: { line: 77, character: 4 } },
          newText: [
            'id: ${1:new-reseller}',
            '  name: ${2:New Reseller Ltd}',
            '  type: indirect-reseller',
            '  partnerId: "${3:1000001}"',
            '  tenant: ${4:new-reseller.onmicrosoft.com}',
            // The country most partners have (each has its own: the first).
            '  country: ${5:DE}',
            '  mpa:',
            '    accepted: ${6|true,false|}',
            `    acceptedOn: \${7:${todayString()}}`,
            '  onboarding:',
            '    aiCloudPartnerProgram: ${8|true,false|}',
            '    registeredAsIndirectReseller: ${9|true,false|}',
            // The providers of Germany's region; one is a placeholder, several a choice.
            '  providers: [${10:contoso-dist}]',
          ].join('\n'),
        },
        insertTextFormat: 2,
        insertTextMode: 2,
      },
    );
    assert.equal(text.split('\n')[77], '  - ');
    // The documentation shows the entry as taken.
    const documentation = (reseller.documentation as MarkupContent).value;
    assert.match(documentation, /^Tab moves to the next value to fill in\./);
    assert.ok(documentation.includes('```yaml\n- id: new-reseller\n  name: New Reseller Ltd\n  type: indirect-reseller\n'), documentation);
    assert.ok(documentation.includes('  mpa:\n    accepted: true\n'), documentation);
    assert.deepEqual(
      snippets.map((s) =>
        (s.textEdit as TextEdit).newText
          .split('\n')
          .filter((l) => /^ {2}[a-zA-Z]/.test(l))
          .map((l) => l.trim().split(':')[0]),
      ),
      [
        ['name', 'type', 'partnerId', 'tenant', 'country', 'mpa'],
        ['name', 'type', 'partnerId', 'tenant', 'country', 'mpa', 'onboarding', 'providers'],
        ['name', 'type', 'partnerId', 'tenant', 'country', 'mpa', 'directBill'],
      ],
    );
    await assertEachClean(snippets, text);
  });

  it('a new partner on a blank line at the markers: the snippets write the `- `, and stay clean', async () => {
    const { items, text } = await complete(AT.partnerNoDash);
    assert.deepEqual(labels(items ?? []), ['New indirect provider (distributor)', 'New indirect reseller', 'New direct-bill partner']);
    assert.match((items![0].textEdit as TextEdit).newText, /^- id: \$\{1:new-provider\}\n {2}name: /);
    await assertEachClean(items!, text);
  });

  it('a second new entry gets an id, a tenant and a PartnerID no entry has', async () => {
    const first = await complete(AT.partner);
    const taken = takeSnippet(first.text, snippetsOf(first.items)[1].textEdit as TextEdit);
    const again = replaceOnce(taken, '\ncustomers:', `\n  - ${CURSOR}\n\ncustomers:`);
    const { items, text } = await complete(again);
    const reseller = snippetsOf(items)[1];
    const lines = (reseller.textEdit as TextEdit).newText.split('\n');
    assert.deepEqual(
      [lines[0], lines[3], lines[4]],
      ['id: ${1:new-reseller-2}', '  partnerId: "${3:1000002}"', '  tenant: ${4:new-reseller-2.onmicrosoft.com}'],
    );
    await assertEachClean([reseller], text);
  });

  it('a new customer comes with its first subscription, sold in its region through a linked reseller', async () => {
    const { items, text } = await complete(AT.customer);
    const snippets = snippetsOf(items);
    assert.deepEqual(labels(snippets), ['New customer with a subscription']);
    assert.deepEqual((snippets[0].textEdit as TextEdit).newText.split('\n'), [
      'id: ${1:new-customer}',
      '  name: ${2:New Customer Ltd}',
      '  tenant: ${3:new-customer.onmicrosoft.com}',
      // The country most customers have: two of six are in NL.
      '  country: ${4:NL}',
      '  subscriptions:',
      '    - id: ${5:new-subscription}',
      '      offer: ${6:Microsoft 365 Business Premium}',
      '      kind: ${7|license,azure,software|}',
      '      soldBy: ${8|adatum,fabrikam|}',
      '      provider: ${9:contoso-dist}',
      `      orderedOn: \${10:${todayString()}}`,
    ]);
    await assertEachClean(snippets, text);
  });

  it("a new subscription: one per path the customer's region allows, sellers of that region only", async () => {
    const { items, text } = await complete(AT.subscription);
    const snippets = snippetsOf(items);
    assert.deepEqual(labels(snippets), ['New subscription through an indirect reseller', 'New subscription from a direct-bill partner']);
    assert.deepEqual(
      snippets.map((s) => (s.textEdit as TextEdit).newText.split('\n').slice(3)),
      [
        ['  soldBy: ${4|adatum,fabrikam|}', '  provider: ${5:contoso-dist}', `  orderedOn: \${6:${todayString()}}`],
        // Northwind (GB) serves Europe; Tailspin Japan does not.
        ['  soldBy: ${4:northwind}', `  orderedOn: \${5:${todayString()}}`],
      ],
    );
    // Woodgrove has m365-e3 and azure-plan: the new id is neither.
    assert.match((snippets[0].textEdit as TextEdit).newText, /^id: \$\{1:new-subscription\}\n {2}offer: /);
    await assertEachClean(snippets, text);

    const japan = await complete(AT.subscriptionJapan);
    assert.deepEqual(labels(japan.items ?? []), ['New subscription from a direct-bill partner']);
    assert.match(
      (japan.items![0].textEdit as TextEdit).newText,
      /^- id: .*\n {2}offer: [^\n]*\n {2}kind: [^\n]*\n {2}soldBy: \$\{4:tailspin-jp\}\n/,
    );
    await assertEachClean(japan.items!, japan.text);
  });

  it('a manifest without partners: partners without links, a subscription without a seller, all clean', async () => {
    const empty = `manifestVersion: 1\npartners:\n  - ${CURSOR}\ncustomers: []\n`;
    const partners = await complete(empty);
    const reseller = snippetsOf(partners.items)[1];
    assert.ok(!(reseller.textEdit as TextEdit).newText.includes('providers'));
    // No partner to take a country from: the United States (Japan for a Japanese user).
    assert.match((reseller.textEdit as TextEdit).newText, /country: \$\{5:US\}/);
    await assertEachClean(snippetsOf(partners.items), partners.text);

    const customers = await complete(`manifestVersion: 1\npartners: []\ncustomers:\n  - ${CURSOR}\n`);
    const customer = snippetsOf(customers.items)[0];
    assert.ok(!(customer.textEdit as TextEdit).newText.includes('soldBy'));
    await assertEachClean([customer], customers.text);
  });

  it('a word being typed is replaced, and each snippet is found by its type', async () => {
    const { items, text } = await complete(replaceOnce(CLEAN, '\ncustomers:', `\n  - ind${CURSOR}\n\ncustomers:`));
    const snippets = snippetsOf(items);
    assert.deepEqual(
      snippets.map((s) => s.filterText),
      ['indirect-provider partner', 'indirect-reseller partner', 'direct-bill partner'],
    );
    assert.deepEqual((snippets[0].textEdit as TextEdit).range, { start: { line: 77, character: 4 }, end: { line: 77, character: 7 } });
    await assertEachClean(snippets, text);
  });

  it('not offered in an entry that has keys, after a key, in a value, or beside the list markers', async () => {
    const withKeys = replaceOnce(CLEAN, '  - id: northwind\n', `  - ${CURSOR}\n    id: northwind\n`);
    const keys = await complete(withKeys);
    assert.ok(keys.items!.length > 0);
    assert.deepEqual(snippetsOf(keys.items), []);
    assert.deepEqual(snippetsOf((await complete(replaceOnce(CLEAN, '  - id: northwind', `  - i${CURSOR}d: northwind`))).items), []);
    assert.deepEqual(snippetsOf((await complete(replaceOnce(CLEAN, '    country: GB\n', `    country: GB\n    ${CURSOR}\n`))).items), []);
    assert.equal((await complete(replaceOnce(CLEAN, '\ncustomers:', `\n  x${CURSOR}: 1\n\ncustomers:`))).items, null);
  });

  it("in Japanese: the labels, the documentation and the suggested names in the client's language", async () => {
    const ja = await startServer({ locale: 'ja' });
    try {
      const partner = await complete(AT.partner, ja);
      const snippets = snippetsOf(partner.items);
      assert.deepEqual(labels(snippets), [
        '新しい間接プロバイダー (ディストリビューター)',
        '新しい間接リセラー',
        '新しい直接請求パートナー',
      ]);
      assert.equal(snippets[0].detail, 'エントリー全体');
      assert.match((snippets[0].documentation as MarkupContent).value, /^Tab キーで次の入力箇所へ移動します。/);
      assert.match((snippets[1].textEdit as TextEdit).newText, /\n {2}name: \$\{2:新規間接リセラー株式会社\}\n/);
      await assertEachClean(snippets, partner.text, ja);
      const customer = await complete(AT.customer, ja);
      assert.deepEqual(labels(snippetsOf(customer.items)), ['新しい顧客 (サブスクリプション 1 件付き)']);
      await assertEachClean(snippetsOf(customer.items), customer.text, ja);
      const subscription = await complete(AT.subscription, ja);
      assert.deepEqual(labels(snippetsOf(subscription.items)), [
        '間接リセラー経由の新しいサブスクリプション',
        '直接請求パートナーからの新しいサブスクリプション',
      ]);
      const none = await complete(`manifestVersion: 1\npartners:\n  - ${CURSOR}\ncustomers: []\n`, ja);
      assert.match((snippetsOf(none.items)[0].textEdit as TextEdit).newText, /country: \$\{5:JP\}/);
    } finally {
      await ja.stop();
    }
  });
});
