import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../support';
import { Harness, startServer } from './harness';
import { CURSOR, cursorIn, replaceOnce } from './lsp-support';

const fixture = readFileSync(path.join(repoRoot, 'test', 'data', 'lsp', 'completion-hover.csp-partners.yaml'), 'utf8');

/** The fixture with `find` replaced (once); `¦` in the replacement marks the cursor. */
const edit = (find: string, replace: string, text = fixture): string => replaceOnce(text, find, replace);

/** The range of the `nth` occurrence of `word` in `text`, looked for after `after` when given. */
function rangeOf(text: string, word: string, after = '', nth = 0): Range {
  let from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `"${after}" not in the text`);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(word, from);
    assert.ok(at >= 0, `"${word}" not in the text`);
    from = at + 1;
  }
  const lines = text.slice(0, at).split('\n');
  const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start, end: { line: start.line, character: start.character + word.length } };
}

const inside = (range: Range): Position => ({ line: range.start.line, character: range.start.character + 1 });
const at = (position: Position): Range => ({ start: position, end: position });
const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);
const details = (items: CompletionItem[] | null) => (items ?? []).map((i) => [i.label, i.detail]);
const markdownOf = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value;

const SOURCE_EU = 'https://learn.microsoft.com/en-us/partner-center/enroll/regional-authorization-overview#europe-region-and-market';

describe('language server: completion and hover over the protocol', () => {
  let server: Harness;
  let count = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    // A feature that threw was swallowed by the guard and logged: there must be none.
    assert.deepEqual(
      server.logs.filter((l) => /(completion|hover) failed/.test(l)),
      [],
    );
    await server.stop();
  });

  async function open(text: string): Promise<string> {
    return server.open(`completion-hover-${count++}.csp-partners.yaml`, text);
  }

  /** Completion at the `¦` of a marked text; `trigger` is the character typed when the client asked. */
  async function complete(marked: string, trigger?: string): Promise<{ items: CompletionItem[] | null; text: string; position: Position }> {
    const { text, position } = cursorIn(marked);
    const uri = await open(text);
    const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
    const items = await server.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position, context });
    return { items, text, position };
  }

  async function hoverAt(text: string, position: Position): Promise<Hover | null> {
    const uri = await open(text);
    return server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  it('announces completion (with its trigger characters) and hover', () => {
    const caps = server.initialize.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [':', ' ', '[', ',', '-', '*']);
    assert.equal(caps.hoverProvider, true);
  });

  describe('completion of partner ids', () => {
    it("soldBy with nothing after it: resellers and direct-bill partners, the customer's region (europe) first", async () => {
      const { items, position } = await complete(edit('soldBy: fabrikam', `soldBy: ${CURSOR}`));
      assert.deepEqual(details(items), [
        ['adatum', 'indirect-reseller · NL · europe'],
        ['fabrikam', 'indirect-reseller · FR · europe'],
        ['northwind', 'direct-bill · GB · europe'],
        ['proseware-jp', 'direct-bill · JP · japan'],
      ]);
      assert.deepEqual(items![1], {
        label: 'fabrikam',
        kind: 18,
        detail: 'indirect-reseller · FR · europe',
        documentation: 'Fabrikam IT Services',
        sortText: '00001',
        textEdit: { range: at(position), newText: 'fabrikam' },
      });
    });

    it('soldBy of a Japanese customer, before a comment: Japanese partners first', async () => {
      const { items } = await complete(edit('soldBy: proseware-jp   # sold in Japan', `soldBy: ${CURSOR}   # sold in Japan`));
      assert.deepEqual(labels(items), ['proseware-jp', 'adatum', 'fabrikam', 'northwind']);
      assert.deepEqual(
        items!.map((i) => i.sortText),
        ['00000', '00001', '00002', '00003'],
      );
    });

    it('soldBy: typed right after the colon inserts the space too', async () => {
      const { items, position } = await complete(edit('soldBy: northwind', `soldBy:${CURSOR}`), ':');
      assert.deepEqual(
        items!.map((i) => i.textEdit),
        ['adatum', 'fabrikam', 'northwind', 'proseware-jp'].map((id) => ({ range: at(position), newText: ` ${id}` })),
      );
    });

    it('a half-typed soldBy value is replaced whole; a quoted one inside its quotes', async () => {
      const plain = await complete(edit('soldBy: northwind', `soldBy: nor${CURSOR}thw`));
      assert.deepEqual(plain.items![0].textEdit!, { range: rangeOf(plain.text, 'northw', 'id: azure-plan'), newText: 'adatum' });
      const quoted = await complete(edit('soldBy: northwind', `soldBy: "no${CURSOR}"`));
      assert.deepEqual(labels(quoted.items), ['adatum', 'fabrikam', 'northwind', 'proseware-jp']);
      assert.deepEqual((quoted.items![2].textEdit as TextEdit).range, rangeOf(quoted.text, 'no', 'soldBy: "'));
    });

    it("provider: indirect providers only, the customer's region first", async () => {
      const { items } = await complete(edit('provider: contoso-dist', `provider: ${CURSOR}`));
      assert.deepEqual(details(items), [
        ['contoso-dist', 'indirect-provider · DE · europe'],
        ['litware-dist', 'indirect-provider · FR · europe'],
        ['tailspin-dist', 'indirect-provider · JP · japan'],
      ]);
      assert.equal(items![0].documentation, 'Contoso Distribution GmbH');
    });

    it("providers as a flow list with a trailing comma: providers not yet listed, the reseller's region first", async () => {
      const { items, position } = await complete(edit('providers: [contoso-dist]', `providers: [contoso-dist, ${CURSOR}]`), ',');
      assert.deepEqual(details(items), [
        ['litware-dist', 'indirect-provider · FR · europe'],
        ['tailspin-dist', 'indirect-provider · JP · japan'],
      ]);
      assert.deepEqual(items![0].textEdit, { range: at(position), newText: 'litware-dist' });
    });

    it('providers as a flow list: the item being typed is replaced, the others stay excluded', async () => {
      const { items, text } = await complete(edit('providers: [contoso-dist]', `providers: [tail${CURSOR}, contoso-dist]`));
      assert.deepEqual(labels(items), ['litware-dist', 'tailspin-dist']);
      assert.deepEqual((items![1].textEdit as TextEdit).range, rangeOf(text, 'tail', 'providers: ['));
    });

    it('providers as a block list: `- ` on a new line, listed ids left out', async () => {
      const { items } = await complete(edit('      - litware-dist\n', `      - litware-dist\n      - ${CURSOR}\n`));
      assert.deepEqual(details(items), [['tailspin-dist', 'indirect-provider · JP · japan']]);
    });

    it("providers as a block list at the key's own indentation", async () => {
      const { items } = await complete(edit('    providers: [contoso-dist]', `    providers:\n    - ${CURSOR}`));
      assert.deepEqual(labels(items), ['contoso-dist', 'litware-dist', 'tailspin-dist']);
    });

    it('managedBy: every partner but those listed', async () => {
      const { items } = await complete(edit('managedBy: [adatum]', `managedBy: [adatum, ${CURSOR}]`));
      assert.deepEqual(labels(items), ['contoso-dist', 'fabrikam', 'litware-dist', 'northwind', 'proseware-jp', 'tailspin-dist']);
      assert.equal(items![4].detail, 'direct-bill · JP · japan');
    });

    it("owner: every partner, the customer's region first", async () => {
      const { items } = await complete(
        edit('    country: JP\n    subscriptions:', `    country: JP\n    owner: ${CURSOR}\n    subscriptions:`),
      );
      assert.deepEqual(labels(items), ['proseware-jp', 'tailspin-dist', 'adatum', 'contoso-dist', 'fabrikam', 'litware-dist', 'northwind']);
    });

    it('still offers ids while another line is invalid YAML', async () => {
      const broken = edit('    name: Fourth Coffee Tokyo\n', '    name: Fourth Coffee Tokyo\n    countr\n');
      const { items } = await complete(edit('soldBy: northwind', `soldBy: ${CURSOR}`, broken));
      assert.deepEqual(labels(items), ['adatum', 'fabrikam', 'northwind', 'proseware-jp']);
    });

    it('a list field needs a list; a value after a closed flow list gets nothing', async () => {
      assert.equal((await complete(edit('managedBy: [adatum]', `managedBy: ${CURSOR}`))).items, null);
      assert.equal((await complete(edit('managedBy: [adatum]', `managedBy: [adatum] ${CURSOR}`))).items, null);
    });
  });

  describe('completion of values', () => {
    const enumOf = async (marked: string) => details((await complete(marked)).items);

    it('type of a partner', async () => {
      assert.deepEqual(await enumOf(edit('    type: direct-bill\n    country: JP', `    type: ${CURSOR}\n    country: JP`)), [
        ['indirect-provider', undefined],
        ['indirect-reseller', undefined],
        ['direct-bill', undefined],
      ]);
    });

    it('kind and publisher of a subscription, their defaults marked', async () => {
      assert.deepEqual(await enumOf(edit('kind: azure', `kind: ${CURSOR}`)), [
        ['license', 'default'],
        ['azure', undefined],
        ['software', undefined],
      ]);
      assert.deepEqual(await enumOf(edit('kind: azure', `publisher: ${CURSOR}`)), [
        ['microsoft', 'default'],
        ['third-party', undefined],
      ]);
    });

    it("region: the region of the entry's country first", async () => {
      const items = await enumOf(edit('    country: FR\n    subscriptions:', `    country: FR\n    region: ${CURSOR}\n    subscriptions:`));
      assert.deepEqual(items.slice(0, 3), [
        ['europe', 'region of FR'],
        ['africa', undefined],
        ['asia-pacific', undefined],
      ]);
      assert.equal(items.length, 15);
    });

    it('booleans and manifestVersion', async () => {
      assert.deepEqual(labels((await complete(edit('accepted: false', `accepted: ${CURSOR}`))).items), ['true', 'false']);
      assert.deepEqual(labels((await complete(edit('      securityCompliance: true', `      securityCompliance: t${CURSOR}`))).items), [
        'true',
        'false',
      ]);
      assert.deepEqual(
        labels(
          (
            await complete(
              edit('    country: JP\n    subscriptions:', `    country: JP\n    sharedServices: ${CURSOR}\n    subscriptions:`),
            )
          ).items,
        ),
        ['true', 'false'],
      );
      const version = await complete(edit('manifestVersion: 1', `manifestVersion: ${CURSOR}`));
      assert.deepEqual(version.items, [
        { label: '1', kind: 12, sortText: '00000', textEdit: { range: at(version.position), newText: '1' } },
      ]);
    });

    it('country: every market, with its name and CSP region; the name is part of the filter text', async () => {
      const { items, text } = await complete(
        edit('    country: FR\n    subscriptions:', `    country: Japan${CURSOR}\n    subscriptions:`),
      );
      assert.equal(items!.length, 243);
      assert.deepEqual(
        items!.slice(0, 3).map((i) => [i.label, i.detail, i.filterText]),
        [
          ['AD', 'Andorra · europe', 'AD Andorra'],
          ['AE', 'United Arab Emirates · middle-east-central-eastern-europe', 'AE United Arab Emirates'],
          ['AF', 'Afghanistan · middle-east-central-eastern-europe', 'AF Afghanistan'],
        ],
      );
      const jp = items!.find((i) => i.label === 'JP')!;
      assert.deepEqual(jp, {
        label: 'JP',
        kind: 12,
        detail: 'Japan · japan',
        filterText: 'JP Japan',
        sortText: jp.sortText,
        textEdit: { range: rangeOf(text, 'Japan', '    country: Japan'), newText: 'JP' },
      });
    });

    it('no values for free text, ids of subscriptions, or keys the schema does not know', async () => {
      assert.equal((await complete(edit('offer: Azure plan', `offer: ${CURSOR}`))).items, null);
      assert.equal((await complete(edit('id: azure-plan', `id: ${CURSOR}`))).items, null);
      assert.equal((await complete(edit('kind: azure', `colour: ${CURSOR}`))).items, null);
    });
  });

  describe('completion of keys', () => {
    it('a new partner entry: every partner key with its description, snippets that open lists and mappings', async () => {
      const { items: all, position } = await complete(edit('\n  - id: proseware-jp', `\n  - ${CURSOR}\n  - id: proseware-jp`), ' ');
      // Whole entries first (snippets.test.ts), then the keys.
      assert.deepEqual(
        all!.slice(0, 3).map((i) => i.kind),
        [15, 15, 15],
      );
      const items = all!.slice(3);
      assert.deepEqual(details(items), [
        ['id', 'id · required'],
        ['name', 'text · required'],
        ['type', 'indirect-provider | indirect-reseller | direct-bill · required'],
        ['partnerId', 'location PartnerID, digits'],
        ['tenant', 'tenant domain or GUID'],
        ['country', 'CSP market code · required'],
        ['region', 'CSP region'],
        ['organization', 'text'],
        ['mpa', 'mapping'],
        ['onboarding', 'mapping'],
        ['directBill', 'mapping'],
        ['providers', 'partner ids'],
      ]);
      const byLabel = new Map(items.map((i) => [i.label, i]));
      assert.deepEqual(byLabel.get('id'), {
        label: 'id',
        kind: 10,
        detail: 'id · required',
        sortText: '00000',
        documentation: { kind: 'markdown', value: 'Identifier of this partner, unique among all partner and customer ids.' },
        textEdit: { range: at(position), newText: 'id: ' },
      });
      assert.deepEqual(byLabel.get('type')!.command, { title: '', command: 'editor.action.triggerSuggest' });
      assert.deepEqual(byLabel.get('mpa'), {
        label: 'mpa',
        kind: 10,
        detail: 'mapping',
        sortText: '00008',
        documentation: { kind: 'markdown', value: 'Microsoft Partner Agreement.' },
        // The line is indented by 2; the editor adds that to the snippet's later lines.
        textEdit: { range: at(position), newText: 'mpa:\n    $0' },
        insertTextFormat: 2,
        insertTextMode: 2,
        command: { title: '', command: 'editor.action.triggerSuggest' },
      });
      const providers = byLabel.get('providers')!;
      assert.deepEqual(
        [providers.textEdit!.newText, providers.insertTextFormat, providers.command?.command],
        ['providers: [$0]', 2, 'editor.action.triggerSuggest'],
      );
      assert.equal(byLabel.get('name')!.command, undefined);
    });

    it('a key being typed (`    countr`) in a customer: the keys it does not have yet, the word replaced', async () => {
      const { items, text } = await complete(edit('    country: FR\n    subscriptions:', `    countr${CURSOR}\n    subscriptions:`));
      assert.deepEqual(labels(items), ['tenant', 'country', 'region', 'organization', 'owner', 'sharedServices']);
      const country = items!.find((i) => i.label === 'country')!;
      assert.deepEqual(country.textEdit, { range: rangeOf(text, 'countr', 'id: woodgrove'), newText: 'country: ' });
      assert.equal(country.detail, 'CSP market code · required');
      assert.deepEqual(country.documentation, {
        kind: 'markdown',
        value: "ISO 3166-1 alpha-2 code of the country set on the customer's tenant; it decides the customer's CSP region.",
      });
      assert.equal(items!.find((i) => i.label === 'owner')!.detail, 'partner id');
    });

    it('a subscription: the keys it does not have yet', async () => {
      const { items } = await complete(edit('        soldBy: northwind\n', `        soldBy: northwind\n        ${CURSOR}\n`));
      assert.deepEqual(details(items), [
        ['publisher', 'microsoft | third-party'],
        ['provider', 'partner id'],
        ['orderedOn', 'date, YYYY-MM-DD'],
        ['managedBy', 'partner ids'],
      ]);
    });

    it('a new subscription entry, and a new subscriptions list with its first entry', async () => {
      const entry = await complete(edit('      - id: azure-plan', `      - ${CURSOR}\n      - id: azure-plan`));
      assert.deepEqual(labels(entry.items!.filter((i) => i.kind !== 15)), [
        'id',
        'offer',
        'publisher',
        'kind',
        'soldBy',
        'provider',
        'orderedOn',
        'managedBy',
      ]);
      const list = await complete(edit('    country: JP\n    subscriptions:', `    country: JP\n    ${CURSOR}\n    subscriptionz:`));
      const subscriptions = list.items!.find((i) => i.label === 'subscriptions')!;
      assert.deepEqual(
        [subscriptions.detail, subscriptions.textEdit!.newText, subscriptions.insertTextFormat],
        ['list', 'subscriptions:\n  - id: $1\n    offer: $2', 2],
      );
    });

    it('mpa, onboarding and directBill mappings', async () => {
      assert.deepEqual(details((await complete(edit('      accepted: false\n', `      accepted: false\n      ${CURSOR}\n`))).items), [
        ['acceptedOn', 'date, YYYY-MM-DD'],
      ]);
      assert.deepEqual(
        labels((await complete(edit('    onboarding:\n      aiCloudPartnerProgram: true\n', `    onboarding:\n      ${CURSOR}\n`))).items),
        ['aiCloudPartnerProgram'],
      );
      assert.deepEqual(
        labels((await complete(edit('      apiIntegration: true\n      billingAndSupport: true\n', `      ${CURSOR}\n`))).items),
        ['apiIntegration', 'billingAndSupport'],
      );
    });

    it('the root: the keys it lacks, lists opened with the required keys of their first entry', async () => {
      const { items, position } = await complete(`manifestVersion: 1\n${CURSOR}\n`);
      assert.deepEqual(details(items), [
        ['partners', 'list · required'],
        ['customers', 'list · required'],
      ]);
      assert.deepEqual(items![0].textEdit, {
        range: at(position),
        newText: 'partners:\n  - id: $1\n    name: $2\n    type: ${3|indirect-provider,indirect-reseller,direct-bill|}\n    country: $4',
      });
      const empty = await complete(CURSOR);
      assert.deepEqual(
        empty.items!.map((i) => [i.label, i.textEdit!.newText]),
        [
          ['manifestVersion', 'manifestVersion: 1'],
          [
            'partners',
            'partners:\n  - id: $1\n    name: $2\n    type: ${3|indirect-provider,indirect-reseller,direct-bill|}\n    country: $4',
          ],
          ['customers', 'customers:\n  - id: $1\n    name: $2\n    country: $3'],
        ],
      );
    });

    it('renaming a key that has a value inserts the name alone', async () => {
      const { items, text } = await complete(edit('    kind: azure', `    kin${CURSOR}d: azure`));
      assert.deepEqual(items!.find((i) => i.label === 'publisher')!.textEdit, {
        range: rangeOf(text, 'kind', 'id: azure-plan'),
        newText: 'publisher',
      });
    });

    it('nothing while indenting, right after a lone dash, or under a scalar', async () => {
      assert.equal((await complete(edit('      accepted: false\n', `      accepted: false\n    ${CURSOR}\n`), ' ')).items, null);
      assert.equal((await complete(edit('\n  - id: proseware-jp', `\n  -${CURSOR}\n  - id: proseware-jp`), '-')).items, null);
      assert.equal((await complete(edit('    name: Proseware Japan\n', `    name: Proseware Japan\n        ${CURSOR}\n`))).items, null);
    });
  });

  describe('hover', () => {
    it('a key: its schema description, for the mapping it is in', async () => {
      const partner = rangeOf(fixture, 'country', 'id: fabrikam');
      assert.deepEqual(await hoverAt(fixture, inside(partner)), {
        contents: {
          kind: 'markdown',
          value: "**country**\n\nISO 3166-1 alpha-2 code of the CSP tenant's market; it decides the partner's CSP region.",
        },
        range: partner,
      });
      const customer = rangeOf(fixture, 'country', 'id: woodgrove');
      assert.equal(
        markdownOf(await hoverAt(fixture, inside(customer))),
        "**country**\n\nISO 3166-1 alpha-2 code of the country set on the customer's tenant; it decides the customer's CSP region.",
      );
      assert.equal(
        markdownOf(await hoverAt(fixture, inside(rangeOf(fixture, 'soldBy')))),
        '**soldBy**\n\nId of the transacting partner: an indirect reseller or a direct-bill partner.',
      );
      assert.equal(
        markdownOf(await hoverAt(fixture, inside(rangeOf(fixture, 'acceptedOn')))),
        '**acceptedOn**\n\nDate the MPA was accepted, YYYY-MM-DD.',
      );
      assert.equal(
        markdownOf(await hoverAt(fixture, inside(rangeOf(fixture, 'partners:')))),
        '**partners**\n\nThe CSP partners of the channel: indirect providers (distributors), indirect resellers and direct-bill partners.',
      );
      const annotated = edit('    name: Woodgrove Bank\n', '    name: Woodgrove Bank\n    x-crm: A-1\n');
      assert.equal(
        markdownOf(await hoverAt(annotated, inside(rangeOf(annotated, 'x-crm')))),
        '**x-crm**\n\nYour own annotation; ignored by the checks.',
      );
    });

    it('a partner id where it is declared: type, place, MPA, what it sells', async () => {
      const range = rangeOf(fixture, 'fabrikam', 'id: ');
      assert.deepEqual(await hoverAt(fixture, inside(range)), {
        contents: {
          kind: 'markdown',
          value:
            '`fabrikam` · **Fabrikam IT Services**\n\nIndirect reseller · FR (France) · CSP region europe\n\n' +
            'MPA accepted on 2025-01-15\n\nSubscriptions sold: 1 · provided: 0 · customers: 1',
        },
        range,
      });
    });

    it('a provider id where it is referenced: what it provides and its linked resellers', async () => {
      const range = rangeOf(fixture, 'contoso-dist', 'provider: ');
      assert.deepEqual(await hoverAt(fixture, inside(range)), {
        contents: {
          kind: 'markdown',
          value:
            '`contoso-dist` · **Contoso Distribution GmbH**\n\nIndirect provider · DE (Germany) · CSP region europe\n\n' +
            'MPA accepted on 2024-11-04\n\nSubscriptions sold: 0 · provided: 1 · customers: 1\n\nLinked indirect resellers: 2',
        },
        range,
      });
    });

    it('MPA not accepted or undated, and the findings on the partner', async () => {
      assert.equal(
        markdownOf(await hoverAt(fixture, inside(rangeOf(fixture, 'proseware-jp', 'soldBy: ')))),
        '`proseware-jp` · **Proseware Japan**\n\nDirect-bill partner · JP (Japan) · CSP region japan\n\n' +
          'MPA not accepted\n\nSubscriptions sold: 1 · provided: 0 · customers: 1\n\nFindings: 2',
      );
      assert.equal(
        markdownOf(await hoverAt(fixture, inside(rangeOf(fixture, 'adatum', 'managedBy: ')))),
        '`adatum` · **Adatum Managed Services**\n\nIndirect reseller · NL (Netherlands) · CSP region europe\n\n' +
          'MPA accepted (no date recorded)\n\nSubscriptions sold: 0 · provided: 0 · customers: 0\n\nFindings: 1',
      );
    });

    it('a customer id: place and subscriptions', async () => {
      const range = rangeOf(fixture, 'woodgrove', 'id: ');
      assert.deepEqual(await hoverAt(fixture, inside(range)), {
        contents: {
          kind: 'markdown',
          value: '`woodgrove` · **Woodgrove Bank**\n\nCustomer · FR (France) · CSP region europe\n\nSubscriptions: 2',
        },
        range,
      });
    });

    it('an id that names no partner, and a partner whose country is not a market', async () => {
      const text = edit('soldBy: northwind', 'soldBy: zz-top');
      const range = rangeOf(text, 'zz-top');
      assert.deepEqual(await hoverAt(text, inside(range)), {
        contents: { kind: 'markdown', value: 'soldBy "zz-top" names no partner in this manifest.' },
        range,
      });
      const uk = edit('    country: GB', '    country: UK');
      assert.equal(
        markdownOf(await hoverAt(uk, inside(rangeOf(uk, 'northwind', 'soldBy: ')))),
        '`northwind` · **Northwind Cloud**\n\nDirect-bill partner · UK · not a CSP market\n\n' +
          'MPA accepted on 2023-06-30\n\nSubscriptions sold: 1 · provided: 0 · customers: 1\n\nFindings: 1',
      );
    });

    it('an id in a text with a YAML error elsewhere', async () => {
      const broken = edit('    name: Fourth Coffee Tokyo\n', '    name: Fourth Coffee Tokyo\n    countr\n');
      assert.equal(
        markdownOf(await hoverAt(broken, inside(rangeOf(broken, 'fabrikam', 'soldBy: ')))),
        '`fabrikam` · **Fabrikam IT Services**\n\nIndirect reseller · FR (France) · CSP region europe\n\n' +
          'MPA accepted on 2025-01-15\n\nSubscriptions sold: 1 · provided: 0 · customers: 1',
      );
    });

    it('a country value: market, CSP region, currency and source', async () => {
      const range = rangeOf(fixture, 'FR', 'id: woodgrove');
      assert.deepEqual(await hoverAt(fixture, inside(range)), {
        contents: { kind: 'markdown', value: `**FR** · France\n\nCSP region europe · currency EUR\n\nSource: <${SOURCE_EU}>` },
        range,
      });
      const vatican = edit('    country: GB', '    country: "VA"');
      const quoted = rangeOf(vatican, '"VA"');
      assert.deepEqual(await hoverAt(vatican, inside(quoted)), {
        contents: { kind: 'markdown', value: `**VA** · Vatican City\n\nCSP region europe · no currency listed\n\nSource: <${SOURCE_EU}>` },
        range: quoted,
      });
    });

    it('a country that is not a market, in the words of unknown-country', async () => {
      const cases: [string, string][] = [
        ['UK', '**UK**\n\n"UK" is not an ISO 3166-1 code; the code of this market (UK) is "GB".'],
        ['fr', '**fr**\n\nCountry codes are written in capitals: "FR" (France).'],
        ['CN', '**CN**\n\n"CN" is not a CSP market: China is served by a separate program, Partner Center operated by 21Vianet.'],
        ['KP', '**KP**\n\n"KP" is not a CSP market: Microsoft lists it in no CSP region.'],
        ['ZZ', '**ZZ**\n\n"ZZ" is not a CSP market in the region table.'],
      ];
      for (const [code, expected] of cases) {
        const text = edit('    country: GB', `    country: ${code}`);
        assert.equal(markdownOf(await hoverAt(text, inside(rangeOf(text, code, 'id: northwind')))), expected, code);
      }
    });

    it('nothing on free text values, blank lines and comments', async () => {
      assert.equal(await hoverAt(fixture, inside(rangeOf(fixture, 'Azure plan'))), null);
      assert.equal(await hoverAt(fixture, { line: rangeOf(fixture, 'customers:').start.line - 1, character: 0 }), null);
      assert.equal(await hoverAt(fixture, inside(rangeOf(fixture, 'Japan', '# sold in'))), null);
      assert.equal(await hoverAt(fixture, inside(rangeOf(fixture, 'Fixture'))), null);
    });
  });

  describe('bad positions', () => {
    const lineCount = fixture.split('\n').length;
    const bad: [string, Position][] = [
      ['a line beyond the end', { line: lineCount + 10, character: 0 }],
      ['a character beyond the end of its line', { line: 2, character: 500 }],
      ['a negative line', { line: -1, character: 0 }],
      ['a negative character', { line: 2, character: -3 }],
      ['a fractional position', { line: 2.5, character: 1 }],
      ['in a comment', inside(rangeOf(fixture, 'sold in Japan'))],
      ['on a comment line', { line: 0, character: 10 }],
    ];
    for (const [name, position] of bad) {
      it(`${name}: no completion, no hover, and the server still answers`, async () => {
        const uri = await open(fixture);
        assert.equal(await server.request('textDocument/completion', { textDocument: { uri }, position }), null);
        assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position }), null);
        const still = await server.request<Hover | null>('textDocument/hover', {
          textDocument: { uri },
          position: inside(rangeOf(fixture, 'woodgrove')),
        });
        assert.match(markdownOf(still) ?? '', /^`woodgrove`/);
      });
    }

    it('a document the server does not know, and a position missing', async () => {
      const unknown = { textDocument: { uri: 'file:///nowhere.csp-partners.yaml' }, position: { line: 0, character: 0 } };
      assert.equal(await server.request('textDocument/completion', unknown), null);
      assert.equal(await server.request('textDocument/hover', unknown), null);
      const uri = await open(fixture);
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri } }), null);
      assert.equal(await server.request('textDocument/completion', { textDocument: { uri } }), null);
    });

    it('odd texts: empty, a lone dash, tabs, deep nesting, an unclosed flow list', async () => {
      const texts = [
        '',
        '-',
        '\t- a: [',
        'partners:\n' + '  '.repeat(200) + '- x',
        `partners: [${'['.repeat(300)}`,
        'a: "unclosed\n  b: #',
      ];
      for (const text of texts) {
        const uri = await open(text);
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          for (const character of [0, Math.floor(lines[line].length / 2), lines[line].length]) {
            await server.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
            await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
          }
        }
      }
      const uri = await open(fixture);
      assert.ok(await server.request('textDocument/hover', { textDocument: { uri }, position: inside(rangeOf(fixture, 'woodgrove')) }));
    });
  });
});

describe('language server: completion and hover in Japanese', () => {
  let server: Harness;
  before(async () => {
    server = await startServer({ locale: 'ja' });
  });
  after(async () => {
    await server.stop();
  });

  it('details and hover text come from the catalogue', async () => {
    const { text, position } = cursorIn(edit('    country: FR\n    subscriptions:', `    countr${CURSOR}\n    subscriptions:`));
    const uri = await server.open('ja-1.csp-partners.yaml', text);
    const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(details(items), [
      ['tenant', 'テナントのドメインまたは GUID'],
      ['country', 'CSP マーケットのコード · 必須'],
      ['region', 'CSP リージョン'],
      ['organization', '文字列'],
      ['owner', 'パートナー ID'],
      ['sharedServices', 'true または false'],
    ]);
    const fixtureUri = await server.open('ja-2.csp-partners.yaml', fixture);
    const hover = await server.request<Hover>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: inside(rangeOf(fixture, 'proseware-jp', 'soldBy: ')),
    });
    assert.equal(
      markdownOf(hover),
      '`proseware-jp` · **Proseware Japan**\n\n直接請求パートナー · JP (Japan) · CSP リージョン japan\n\n' +
        'MPA に未同意\n\n販売したサブスクリプション: 1 · 供給: 0 · 顧客: 1\n\n指摘: 2',
    );
    const country = await server.request<Hover>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: inside(rangeOf(fixture, 'JP', 'id: fourth-coffee')),
    });
    assert.equal(
      markdownOf(country),
      '**JP** · Japan\n\nCSP リージョン japan · 通貨 JPY\n\n' +
        '出典: <https://learn.microsoft.com/en-us/partner-center/enroll/regional-authorization-overview#japan-region-and-market>',
    );
    const unknown = edit('soldBy: northwind', 'soldBy: zz-top');
    const unknownUri = await server.open('ja-3.csp-partners.yaml', unknown);
    const none = await server.request<Hover>('textDocument/hover', {
      textDocument: { uri: unknownUri },
      position: inside(rangeOf(unknown, 'zz-top')),
    });
    assert.equal(markdownOf(none), 'soldBy の「zz-top」に該当するパートナーがこのマニフェストにありません。');
  });
});
