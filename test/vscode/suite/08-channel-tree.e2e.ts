// The CSP Channel view (client/src/channel-tree.ts) through its data provider, as the Explorer reads it:
// the tree of the examples, each subscription of a sale (under a provider, those through it), the colours
// and tooltips of items with findings, following the active manifest, updating after an edit, a click
// selecting the entry, and collapsed customers expanded lazily.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decorationOf, type ChannelTree } from '../../../client/src/channel-tree';
import type { ChannelItem } from '../../../client/src/channel-tree-model';
import type { ExtensionApi } from '../../../client/src/extension';
import { channelGraph } from '../../../server/src/core/graph';
import { COMMANDS } from '../../../server/src/protocol';
import { customerIds, oneResellersCustomers } from '../../channel-manifests';
import {
  CLEAN,
  EVERY_RULE,
  expected,
  extension,
  openEveryRule,
  openExample,
  openUntitled,
  ready,
  replaceOnce,
  restore,
  waitForFindings,
} from './helpers';

const WAIT_MS = 30_000;

/** The tree the extension shows: `activate` returns it. */
function channelTree(): ChannelTree {
  return (extension().exports as ExtensionApi).channelTree;
}

/**
 * Resolves once `accept` holds for the tree: checked now, then at each `onDidChangeTreeData`. Never polls;
 * fails after WAIT_MS saying what it waited for.
 */
async function waitForTree(tree: ChannelTree, accept: () => boolean | Promise<boolean>, what: string): Promise<void> {
  if (await accept()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`));
    }, WAIT_MS);
    const subscription = tree.onDidChangeTreeData(async () => {
      if (!(await accept())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Resolves at the tree's next `onDidChangeTreeData`. */
function nextTreeChange(tree: ChannelTree, what: string): Promise<void> {
  let seen = false;
  return waitForTree(tree, () => (seen ? true : ((seen = true), false)), what);
}

const showing = (tree: ChannelTree, uri: vscode.Uri | undefined) =>
  waitForTree(tree, () => tree.manifest?.toString() === uri?.toString(), `the view to show ${uri ? path.basename(uri.path) : 'nothing'}`);

/** Shows the view in the Explorer: it refreshes only while visible. */
async function revealView(tree: ChannelTree): Promise<void> {
  if (tree.view.visible) return;
  const visible = new Promise<void>((resolve) => {
    const subscription = tree.view.onDidChangeVisibility(({ visible }) => {
      if (!visible) return;
      subscription.dispose();
      resolve();
    });
  });
  // Every view has a `<view id>.focus` command.
  await vscode.commands.executeCommand('cspPartners.channel.focus');
  await visible;
}

/** Resolves once the editor's selection is in its visible ranges (they reach the extension host after the scroll). */
function scrolledTo(editor: vscode.TextEditor): Promise<void> {
  const shown = (ranges: readonly vscode.Range[]) => ranges.some((r) => r.contains(editor.selection));
  if (shown(editor.visibleRanges)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`line ${editor.selection.start.line + 1} was not scrolled into view within ${WAIT_MS / 1000} s`));
    }, WAIT_MS);
    const subscription = vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
      if (event.textEditor !== editor || !shown(event.visibleRanges)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

const labelOf = (tree: ChannelTree, item: ChannelItem) => {
  const label = tree.getTreeItem(item).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
};

async function labels(tree: ChannelTree, parent?: ChannelItem): Promise<string[]> {
  return (await tree.getChildren(parent)).map((item) => labelOf(tree, item));
}

/** The item reached from the root by these labels. */
async function itemAt(tree: ChannelTree, ...path: string[]): Promise<ChannelItem> {
  let item: ChannelItem | undefined;
  for (const label of path) {
    const children = await tree.getChildren(item);
    const next = children.find((child) => labelOf(tree, child) === label);
    const where = item ? `"${labelOf(tree, item)}"` : 'the root';
    assert.ok(next, `"${label}" is under ${where}; there are: ${children.map((c) => labelOf(tree, c)).join(', ')}`);
    item = next;
  }
  assert.ok(item);
  return item;
}

/** A theme colour's id (a property at run time, not in the API's types). */
const colourId = (colour: vscode.ThemeColor | undefined) => (colour && 'id' in colour ? String(colour.id) : undefined);
const colourOf = (treeItem: vscode.TreeItem) => colourId((treeItem.iconPath as vscode.ThemeIcon).color);
/** The tooltip's Markdown, its escapes taken out. */
const tooltipOf = (treeItem: vscode.TreeItem) => (treeItem.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');

describe('the CSP Channel view', () => {
  let tree: ChannelTree;

  before(async () => {
    await ready();
    tree = channelTree();
    // The view appears once a manifest was active; from then on it stays, and the tests keep it visible.
    const { uri } = await openExample(CLEAN);
    await showing(tree, uri);
    await revealView(tree);
    await restore();
  });
  afterEach(restore);

  it('shows the clean example: regions, partners buying from Microsoft, resellers under providers, customers, subscriptions', async () => {
    const { uri } = await openExample(CLEAN);
    await showing(tree, uri);
    assert.equal(tree.view.description, CLEAN);
    assert.deepEqual(await labels(tree), ['europe', 'japan']);
    assert.deepEqual(await labels(tree, await itemAt(tree, 'europe')), [
      'Contoso Distribution GmbH',
      'Northwind Cloud',
      'Customers without a seller',
    ]);
    assert.deepEqual(await labels(tree, await itemAt(tree, 'europe', 'Contoso Distribution GmbH')), [
      'Adatum Managed Services',
      'Fabrikam IT Services',
    ]);
    assert.deepEqual(await labels(tree, await itemAt(tree, 'europe', 'Contoso Distribution GmbH', 'Adatum Managed Services')), [
      'Litware Inc.',
    ]);
    const litware = await itemAt(tree, 'europe', 'Contoso Distribution GmbH', 'Adatum Managed Services', 'Litware Inc.');
    assert.deepEqual(await labels(tree, litware), ['Dynamics 365 Sales Enterprise', 'Acme Cloud Backup']);
    assert.deepEqual(await labels(tree, await itemAt(tree, 'japan', 'Tailspin Japan KK', 'Fourth Coffee Tokyo')), ['Microsoft 365 E5']);
    assert.deepEqual(await labels(tree, await itemAt(tree, 'europe', 'Customers without a seller')), ['Adatum shared services']);

    const provider = tree.getTreeItem(await itemAt(tree, 'europe', 'Contoso Distribution GmbH'));
    assert.equal((provider.iconPath as vscode.ThemeIcon).id, 'organization');
    assert.equal(provider.description, 'contoso-dist');
    assert.equal(provider.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(colourOf(provider), undefined, 'a clean partner is not coloured');
    assert.equal(provider.resourceUri, undefined, 'nor badged');
    assert.match(tooltipOf(provider), /Indirect provider/);
    // A subscription: its offer, its id beside it, and in the tooltip who sells it through whom.
    const [d365] = await tree.getChildren(litware);
    const subscription = tree.getTreeItem(d365);
    assert.equal((subscription.iconPath as vscode.ThemeIcon).id, 'key');
    assert.equal(subscription.description, 'd365-sales');
    assert.equal(subscription.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.equal(colourOf(subscription), undefined);
    for (const fact of [
      'Subscription',
      'd365-sales',
      'Offer: Dynamics 365 Sales Enterprise',
      'Sold by: adatum',
      'Indirect provider: contoso-dist',
    ])
      assert.ok(tooltipOf(subscription).includes(fact), `${fact} in ${tooltipOf(subscription)}`);
    // The graph is asked for once per version: the same answer again.
    const [first] = await tree.getChildren();
    const [again] = await tree.getChildren();
    assert.equal(first.index, again.index);
  });

  it('colours and badges the items with findings, and lists their findings in the tooltip (every-rule example)', async () => {
    const { document, uri } = await openEveryRule();
    await showing(tree, uri);
    const result = expected(document.getText());
    const europe = channelGraph(result, result.findings).groups.find((g) => g.id === 'europe')!;
    const region = tree.getTreeItem(await itemAt(tree, 'europe'));
    assert.equal(region.description, `${europe.errors} errors, ${europe.warnings} warnings`);
    assert.equal(colourOf(region), 'errorForeground');

    const fabrikam = tree.getTreeItem(await itemAt(tree, 'europe', 'Contoso Distribution GmbH', 'Fabrikam IT Services'));
    assert.equal(colourOf(fabrikam), 'errorForeground');
    assert.match(tooltipOf(fabrikam), /`region-mismatch`/);
    assert.match(tooltipOf(fabrikam), /`reseller-onboarding-incomplete`/);
    const badge = decorationOf(fabrikam.resourceUri!);
    assert.equal(badge?.badge, '2');
    assert.equal(colourId(badge?.color), 'list.errorForeground');

    // A provider that sells direct: the warning is on the sale, so on the customer under it and on the subscription.
    const customer = await itemAt(tree, 'europe', 'Contoso Distribution GmbH', 'Woodgrove Bank');
    assert.match(tooltipOf(tree.getTreeItem(customer)), /`provider-sells-direct`/);
    assert.deepEqual(await labels(tree, customer), ['Teams Phone']);
    const teams = tree.getTreeItem((await tree.getChildren(customer))[0]);
    assert.equal(colourOf(teams), 'editorWarning.foreground', 'only a warning: the warning colour');
    assert.equal(decorationOf(teams.resourceUri!)?.badge, '1');
    const warning = result.findings.find((f) => f.rule === 'provider-sells-direct')!;
    assert.ok(tooltipOf(teams).includes('provider-sells-direct'), tooltipOf(teams));
    assert.ok(tooltipOf(teams).includes(warning.message), 'the message is in the tooltip');

    // A subscription with errors is red and badged, and its tooltip names every finding about it.
    const woodgrove = ['europe', 'Contoso Distribution GmbH', 'Fabrikam IT Services', 'Woodgrove Bank'];
    assert.deepEqual(await labels(tree, await itemAt(tree, ...woodgrove)), ['Microsoft 365 E3', 'Visio Plan 2']);
    const m365 = tree.getTreeItem(await itemAt(tree, ...woodgrove, 'Microsoft 365 E3'));
    assert.equal(m365.description, 'm365-e3');
    assert.equal(colourOf(m365), 'errorForeground');
    assert.equal(decorationOf(m365.resourceUri!)?.badge, '2');
    for (const rule of ['mpa-after-order', 'cross-region-management']) {
      assert.ok(tooltipOf(m365).includes(`\`${rule}\``), `${rule} in ${tooltipOf(m365)}`);
      const finding = result.findings.find((f) => f.rule === rule)!;
      assert.ok(tooltipOf(m365).includes(finding.message), `the message of ${rule} is in the tooltip`);
    }
    assert.ok(tooltipOf(m365).includes('Indirect provider: contoso-dist'), tooltipOf(m365));

    // Under a provider, a reseller's customer lists only the subscriptions through it: adatum sells Woodgrove
    // `project` through Litware and `intune` through Northwind.
    const adatum = (...provider: string[]) => [...provider, 'Adatum Managed Services', 'Woodgrove Bank'];
    assert.deepEqual(await labels(tree, await itemAt(tree, ...adatum('united-states', 'Litware Distribution US'))), ['Project Plan 3']);
    assert.deepEqual(await labels(tree, await itemAt(tree, ...adatum('europe', 'Northwind Cloud'))), ['Microsoft Intune']);
    // And under contoso-dist none of them: Woodgrove is not under adatum there.
    assert.deepEqual(await labels(tree, await itemAt(tree, 'europe', 'Contoso Distribution GmbH', 'Adatum Managed Services')), [
      'Adatum internal IT',
    ]);

    // An unlinked provider path is marked.
    const unlinked = tree.getTreeItem(await itemAt(tree, 'united-states', 'Litware Distribution US', 'Adatum Managed Services'));
    assert.match(String(unlinked.description), /not in providers/);
    assert.match(tooltipOf(unlinked), /`provider-not-linked`/);
    // The customer whose country names no market.
    assert.deepEqual(await labels(tree, await itemAt(tree, 'Unknown CSP region', 'Customers without a seller')), ['Tokyo Trading']);
  });

  it('follows the active manifest, and keeps it while another editor or a panel has the focus; none once all are closed', async () => {
    const clean = await openExample(CLEAN);
    await showing(tree, clean.uri);
    const everyRule = await openExample(EVERY_RULE);
    await showing(tree, everyRule.uri);
    assert.ok((await labels(tree)).includes('united-states'));
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a manifest\n' });
    await vscode.window.showTextDocument(other, { preview: false });
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    assert.equal(tree.manifest?.toString(), everyRule.uri.toString());
    await vscode.window.showTextDocument(clean.document);
    await showing(tree, clean.uri);
    await vscode.window.showTextDocument(other);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const closed = showing(tree, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closed;
    assert.deepEqual(await tree.getChildren(), [], 'no manifest: the welcome text');
  });

  it('updates after an edit of the manifest', async () => {
    const { document, uri } = await openEveryRule();
    await showing(tree, uri);
    const contoso = ['europe', 'Contoso Distribution GmbH'];
    assert.ok((await labels(tree, await itemAt(tree, ...contoso))).includes('Woodgrove Bank'));
    const before = (await tree.getChildren())[0].index;
    const changed = nextTreeChange(tree, 'the refresh after the edit');
    // The provider no longer sells direct: Woodgrove is no longer under it.
    await replaceOnce(document, 'soldBy: contoso-dist          # provider-sells-direct', 'soldBy: adatum');
    await changed;
    assert.notEqual((await tree.getChildren())[0].index, before, 'the graph of the new version');
    assert.ok(!(await labels(tree, await itemAt(tree, ...contoso))).includes('Woodgrove Bank'));
    await waitForFindings(uri, expected(document.getText()));
  });

  it("a click on an item selects its entry's id in the manifest; on a subscription, the subscription's id", async () => {
    const { uri } = await openExample(CLEAN);
    await showing(tree, uri);
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'elsewhere\n' });
    await vscode.window.showTextDocument(other, { preview: false });
    const fabrikam = await itemAt(tree, 'europe', 'Contoso Distribution GmbH', 'Fabrikam IT Services');
    const click = async (item: ChannelItem) => {
      const { command } = tree.getTreeItem(item);
      assert.ok(command?.arguments, `${item.id} has a command`);
      await vscode.commands.executeCommand(command.command, ...(command.arguments as unknown[]));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'the manifest is the active editor');
      return { editor, text: editor.document.getText(editor.selection), line: editor.document.lineAt(editor.selection.start.line).text };
    };
    const partner = await click(fabrikam);
    assert.deepEqual([partner.text, partner.line.trim()], ['fabrikam', '- id: fabrikam']);
    await scrolledTo(partner.editor);
    const [woodgrove] = await tree.getChildren(fabrikam);
    const [m365] = await tree.getChildren(woodgrove);
    const subscription = await click(m365);
    assert.deepEqual([subscription.text, subscription.line.trim()], ['m365-e3', '- id: m365-e3']);
    await scrolledTo(subscription.editor);
    await vscode.window.showTextDocument(other);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("collapses a reseller's 30 customers into one item that lists them when expanded", async () => {
    const text = oneResellersCustomers(30);
    assert.deepEqual(expected(text).findings, [], 'the manifest is clean, so that no customer stays apart');
    const { uri } = await openUntitled(text);
    await showing(tree, uri);
    const count = await itemAt(tree, 'europe', 'contoso', 'fabrikam', '30 customers');
    assert.equal(tree.getTreeItem(count).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const members = await tree.getChildren(count);
    assert.deepEqual(
      members.map((m) => labelOf(tree, m)),
      customerIds(30),
    );
    assert.deepEqual(await labels(tree, members[29]), ['M365']);
  });
});
