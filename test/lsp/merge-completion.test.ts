// Completion and hover on YAML merge keys over the protocol (docs/merge-keys.md, "Navigation"): a shared
// block read with the schema of the entries that merge it, anchors offered after `<<: ` and `*`, merged
// keys offered as overrides, hovers on an alias and on `<<`, in English and Japanese.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../support';
import { Harness, startServer } from './harness';
import { CURSOR, cursorIn, replaceOnce } from './lsp-support';

const fixture = readFileSync(path.join(repoRoot, 'test', 'data', 'lsp', 'merge-completion.csp-partners.yaml'), 'utf8');

/** The fixture with `find` replaced (once); `¦` in the replacement marks the cursor. */
const edit = (find: string, replace: string, text = fixture): string => replaceOnce(text, find, replace);

const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);
const markdownOf = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value;
const newTextOf = (item: CompletionItem) => (item.textEdit as TextEdit | undefined)?.newText;
const documentationOf = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value;

/** Every key of a partner in the schema's order. */
const PARTNER_KEYS = [
  'id',
  'name',
  'type',
  'partnerId',
  'tenant',
  'country',
  'region',
  'organization',
  'mpa',
  'onboarding',
  'directBill',
  'providers',
];

describe('language server: completion and hover on merge keys', () => {
  let server: Harness;
  let count = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.deepEqual(server.errorLogs, []);
    await server.stop();
  });

  async function complete(marked: string, trigger?: string, on = server) {
    const { text, position } = cursorIn(marked);
    const uri = await on.open(`merge-completion-${count++}.csp-partners.yaml`, text);
    const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
    const items = await on.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position, context });
    return { items, position };
  }

  async function hover(marked: string, on = server) {
    const { text, position } = cursorIn(marked);
    const uri = await on.open(`merge-completion-${count++}.csp-partners.yaml`, text);
    return on.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  describe('inside a shared block', () => {
    it('a block merged by partners offers the partner keys it does not write, none required (the key typed breaks the YAML)', async () => {
      const { items } = await complete(edit('  mpa:\n    accepted: true', `  ty${CURSOR}\n  mpa:\n    accepted: true`));
      assert.deepEqual(
        labels(items),
        PARTNER_KEYS.filter((k) => k !== 'mpa'),
      );
      // An entry that merges the block writes its own id and name: nothing is required of the block.
      assert.equal(items!.find((i) => i.label === 'id')!.detail, 'id');
      assert.equal(items!.find((i) => i.label === 'type')!.detail, 'indirect-provider | indirect-reseller | direct-bill');
    });

    it("inside the block's mpa: accepted and acceptedOn, with their descriptions", async () => {
      const { items } = await complete(edit('    acceptedOn: 2024-11-04\n', `    acceptedOn: 2024-11-04\n    ${CURSOR}\n`));
      // `accepted` and `acceptedOn` are written: a new line offers neither again.
      assert.deepEqual(labels(items), []);
      const empty = await complete(edit('  mpa:\n    accepted: true\n    acceptedOn: 2024-11-04\n', `  mpa:\n    ${CURSOR}\n`));
      assert.deepEqual(labels(empty.items), ['accepted', 'acceptedOn']);
      assert.match(documentationOf(empty.items![0])!, /Microsoft Partner Agreement/);
    });

    it('values in a block merged by partners: the partner types after type:, indirect providers in its providers list', async () => {
      const types = await complete(edit('  type: indirect-reseller', `  type: ${CURSOR}`));
      assert.deepEqual(labels(types.items), ['indirect-provider', 'indirect-reseller', 'direct-bill']);
      const providers = await complete(edit('  providers: [contoso-dist]', `  providers: [${CURSOR}]`));
      assert.deepEqual(labels(providers.items), ['contoso-dist']);
    });

    it('a block merged by subscriptions: the sellers after soldBy:, and the keys of a subscription', async () => {
      const sellers = await complete(edit('  soldBy: fabrikam', `  soldBy: ${CURSOR}`));
      assert.deepEqual(labels(sellers.items), ['adatum', 'fabrikam']);
      const keys = await complete(edit('  provider: contoso-dist\n', `  provider: contoso-dist\n  ${CURSOR}\n`));
      assert.ok(labels(keys.items).includes('managedBy'), JSON.stringify(labels(keys.items)));
      assert.ok(!labels(keys.items).includes('soldBy'), 'written in the block');
      assert.ok(!labels(keys.items).includes('type'), 'a partner key');
    });

    it('a block merged by partners and customers offers the keys both accept', async () => {
      const text = edit('x-template: &template\n', 'x-france: &france\n  country: FR\n  ¦\nx-template: &template\n').replace(
        '  - id: woodgrove\n',
        '  - <<: *france\n    id: woodgrove\n',
      );
      const both = text.replace('  - <<: *mpa\n    id: contoso-dist', '  - <<: [*mpa, *france]\n    id: contoso-dist');
      assert.deepEqual(
        labels((await complete(text)).items),
        ['id', 'name', 'tenant', 'region', 'organization', 'owner', 'sharedServices', 'subscriptions'],
        'customers alone',
      );
      const { items } = await complete(both);
      assert.deepEqual(labels(items), ['id', 'name', 'tenant', 'region', 'organization']);
    });

    it('a block anchored but never merged stays a free x- value: no completion inside it', async () => {
      const { items } = await complete(edit('  name: Template', `  name: Template\n  ${CURSOR}`));
      assert.equal(items, null);
    });

    it('hover on a key of a shared block: its description as in a partner, and how many entries merge the block', async () => {
      const h = await hover(edit('  onboarding:\n    aiCloud', `  onbo${CURSOR}arding:\n    aiCloud`));
      assert.equal(
        markdownOf(h),
        "**onboarding**\n\nIndirect resellers' prerequisites.\n\nShared block `&reseller`: merged into 2 entries (`partners[]`).",
      );
      const key = await hover(edit('x-via-fabrikam: &via-fabrikam', `x-via${CURSOR}-fabrikam: &via-fabrikam`));
      assert.match(markdownOf(key)!, /Shared block `&via-fabrikam`: merged into 1 entry \(`customers\[\]\.subscriptions\[\]`\)\.$/);
    });
  });

  describe('anchors for an alias', () => {
    it('after `<<: *`: the mappings anchored before the cursor, their keys and a preview; no scalar, no anchor after it', async () => {
      const { items, position } = await complete(
        edit('  - <<: [*mpa, *reseller]\n    id: fabrikam', `  - <<: *${CURSOR}\n    id: fabrikam`),
        '*',
      );
      assert.deepEqual(labels(items), ['*mpa', '*reseller', '*via-fabrikam', '*template']);
      const reseller = items![1];
      assert.equal(reseller.detail, '{ type, onboarding, providers }');
      assert.deepEqual(reseller.textEdit, {
        range: { start: { line: position.line, character: position.character - 1 }, end: position },
        newText: '*reseller',
      });
      assert.equal(
        documentationOf(reseller),
        'Anchor `&reseller`, line 10\n\n```yaml\nx-reseller: &reseller\n  type: indirect-reseller\n  onboarding:\n' +
          '    aiCloudPartnerProgram: true\n    registeredAsIndirectReseller: true\n  providers: [contoso-dist]\n```',
      );
    });

    it('after `<<: `, `<<:` and in a list of sources: the anchor with its `*`, a space after the colon', async () => {
      const typedSpace = await complete(edit('  - <<: *mpa\n    id: contoso-dist', `  - <<: ${CURSOR}\n    id: contoso-dist`), ' ');
      assert.deepEqual(typedSpace.items!.map(newTextOf), ['*mpa', '*reseller', '*via-fabrikam', '*template']);
      const colon = await complete(edit('  - <<: *mpa\n    id: contoso-dist', `  - <<:${CURSOR}\n    id: contoso-dist`), ':');
      assert.deepEqual(colon.items!.map(newTextOf), [' *mpa', ' *reseller', ' *via-fabrikam', ' *template']);
      const second = await complete(edit('  - <<: [*mpa, *reseller]\n    id: adatum', `  - <<: [*mpa, *re${CURSOR}]\n    id: adatum`));
      assert.ok(labels(second.items).includes('*reseller'));
    });

    it('after `*` in any other value: every anchor before the cursor, a scalar one too', async () => {
      const { items } = await complete(edit('    name: Fabrikam', `    name: *${CURSOR}`), '*');
      assert.deepEqual(labels(items), ['*mpa', '*reseller', '*via-fabrikam', '*template', '*contoso-name']);
      assert.equal(items![4].detail, 'Contoso Distribution');
    });

    it('after `&` nothing is offered', async () => {
      const { items } = await complete(edit('x-template: &template', `x-template: &${CURSOR}`));
      assert.equal(items, null);
    });
  });

  describe('keys of an entry that merges', () => {
    it('a merged key is offered as an override, after the missing ones; a key the entry writes is not offered', async () => {
      const { items } = await complete(edit('    name: Fabrikam\n', `    name: Fabrikam\n    ${CURSOR}\n`));
      assert.deepEqual(labels(items), [
        'type',
        'partnerId',
        'tenant',
        'region',
        'organization',
        'mpa',
        'onboarding',
        'directBill',
        'providers',
      ]);
      const mpa = items!.find((i) => i.label === 'mpa')!;
      assert.deepEqual(mpa.labelDetails, { description: 'merged from *mpa' });
      assert.equal(
        documentationOf(mpa),
        'Microsoft Partner Agreement.\n\nMerged from `*mpa` (line 6): writing it here overrides the merged value.',
      );
      const type = items!.find((i) => i.label === 'type')!;
      // Required of a partner, but supplied by the merge.
      assert.equal(type.detail, 'indirect-provider | indirect-reseller | direct-bill');
      assert.deepEqual(type.labelDetails, { description: 'merged from *reseller' });
      assert.equal(items!.find((i) => i.label === 'directBill')!.labelDetails, undefined);
      // Missing keys first, then the overrides.
      const sorted = [...items!].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
      assert.deepEqual(sorted, ['partnerId', 'tenant', 'region', 'organization', 'directBill', 'type', 'mpa', 'onboarding', 'providers']);
    });
  });

  describe('hover on merges', () => {
    it('on `*mpa`: where the anchor is and the first lines of its value', async () => {
      const h = await hover(edit('  - <<: [*mpa, *reseller]\n    id: fabrikam', `  - <<: [*m${CURSOR}pa, *reseller]\n    id: fabrikam`));
      assert.equal(
        markdownOf(h),
        '`*mpa` names the value anchored `&mpa` on line 6:\n\n' +
          '```yaml\nx-mpa: &mpa\n  mpa:\n    accepted: true\n    acceptedOn: 2024-11-04\n```',
      );
      assert.deepEqual(h!.range, { start: { line: 27, character: 9 }, end: { line: 27, character: 13 } });
    });

    it('on `<<`: how a merge reads, the keys each source brings, and those the entry overrides', async () => {
      const h = await hover(edit('  - <<: [*mpa, *reseller]\n    id: adatum', `  - <${CURSOR}<: [*mpa, *reseller]\n    id: adatum`));
      assert.equal(
        markdownOf(h),
        '**Merge** (`<<`): the keys of the merged mappings are added to this mapping. ' +
          'A key written in it overrides a merged one; with several sources, an earlier source wins.\n\n' +
          'From `*mpa`: —\n\nFrom `*reseller`: `type`, `onboarding`, `providers`\n\nWritten here, overriding the merged value: `mpa`',
      );
    });
  });

  describe('in Japanese', () => {
    let ja: Harness;
    before(async () => {
      ja = await startServer({ locale: 'ja' });
    });
    after(async () => {
      assert.deepEqual(ja.errorLogs, []);
      await ja.stop();
    });

    it('hover on `<<` and on a shared block, and the merged key of an entry', async () => {
      const merge = await hover(
        edit('  - <<: [*mpa, *reseller]\n    id: adatum', `  - <${CURSOR}<: [*mpa, *reseller]\n    id: adatum`),
        ja,
      );
      assert.match(markdownOf(merge)!, /^\*\*マージ\*\* \(`<<`\): マージしたマッピングのキーがこのマッピングに加わります。/);
      assert.match(markdownOf(merge)!, /`\*reseller` から: `type`, `onboarding`, `providers`/);
      const block = await hover(edit('x-mpa: &mpa', `x-m${CURSOR}pa: &mpa`), ja);
      assert.match(markdownOf(block)!, /共有ブロック `&mpa`: 3 件のエントリー \(`partners\[\]`\) にマージされています。$/);
      const { items } = await complete(edit('    name: Fabrikam\n', `    name: Fabrikam\n    ${CURSOR}\n`), undefined, ja);
      assert.deepEqual(items!.find((i) => i.label === 'mpa')!.labelDetails, { description: '*mpa からマージ' });
    });
  });
});
