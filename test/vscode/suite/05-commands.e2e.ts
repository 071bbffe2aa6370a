// Every command contributed in package.json runs without error and does its job. A contributed
// command without a case here fails, so that a new command gets its test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { message } from '../../../server/src/messages';
import { COMMANDS } from '../../../server/src/protocol';
import {
  CLEAN,
  expected,
  extension,
  LANGUAGE_ID,
  openEveryRule,
  openExample,
  partnerNetworkRendered,
  partnerNetworkTabs,
  pkg,
  ready,
  replaceOnce,
  restore,
  waitForFindings,
} from './helpers';

const contributed = pkg.contributes.commands.map((c) => c.command);

/** The seven scenario questions as the report writes them (English). */
const question = (n: number) => message('en', `scenario.${n as 1 | 2 | 3 | 4 | 5 | 6 | 7}.question`);

/** Resolves with the scenario report once the command has opened it (as a Markdown preview, or as text). */
function reportOpened(manifest: vscode.Uri): Promise<vscode.TextDocument> {
  const name = `${manifest.path.split('/').pop()}.scenarios.md`;
  return new Promise((resolve, reject) => {
    const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!document.uri.path.endsWith(`/${name}`)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no report ${name} was opened within 30 s`));
    }, 30_000);
  });
}

/**
 * Resolves with the scenario report once it shows `text`: newly opened, or an open report updated in
 * place (the command edits and saves a report that is already open).
 */
function reportShowing(manifest: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const name = `${manifest.path.split('/').pop()}.scenarios.md`;
  return new Promise((resolve, reject) => {
    const check = (document: vscode.TextDocument) => {
      if (!document.uri.path.endsWith(`/${name}`) || !document.getText().includes(text)) return;
      clearTimeout(timer);
      for (const d of subscriptions) d.dispose();
      resolve(document);
    };
    const subscriptions = [
      vscode.workspace.onDidOpenTextDocument(check),
      vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
    ];
    const timer = setTimeout(() => {
      for (const d of subscriptions) d.dispose();
      reject(new Error(`no report ${name} showed "${text}" within 30 s`));
    }, 30_000);
  });
}

type QuickPick = typeof vscode.window.showQuickPick;

/**
 * Runs `body` while `vscode.window.showQuickPick` answers with `choose` (the extension and this test
 * share the extension's `vscode` API object). Resolves with the labels the extension offered.
 */
async function withQuickPick(
  choose: (items: vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined,
  body: () => Thenable<unknown>,
): Promise<string[]> {
  const window = vscode.window as { showQuickPick: QuickPick };
  const original = window.showQuickPick;
  const offered: string[] = [];
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const list = [...(await items)];
    offered.push(...list.map((i) => i.label));
    return choose(list);
  }) as unknown as QuickPick;
  try {
    await body();
  } finally {
    window.showQuickPick = original;
  }
  return offered;
}

const cases: Record<string, () => Promise<void>> = {
  async [COMMANDS.restartServer]() {
    const { document, uri } = await openEveryRule();
    await vscode.commands.executeCommand(COMMANDS.restartServer);
    assert.equal(extension().isActive, true);
    // The restarted server answers: the findings of an edit made after the restart arrive.
    await replaceOnce(document, 'soldBy: fabrikm', 'soldBy: fabrikam');
    await waitForFindings(uri, expected(document.getText()), "the restarted server's findings");
  },

  async [COMMANDS.newManifest]() {
    await vscode.commands.executeCommand(COMMANDS.newManifest);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor with the new manifest');
    try {
      assert.equal(document.isUntitled, true);
      assert.equal(document.languageId, LANGUAGE_ID);
      assert.match(document.getText(), /^manifestVersion: 1$/m);
      assert.deepEqual(
        expected(document.getText()).findings.map((f) => f.rule),
        [],
        'the starter checks clean',
      );
      // The server checks it as any manifest: a typo gets its finding.
      await replaceOnce(document, 'soldBy: fabrikam', 'soldBy: fabrikm');
      await waitForFindings(document.uri, expected(document.getText()), 'the finding of a typo in the starter');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  },

  async [COMMANDS.showOutput]() {
    await vscode.commands.executeCommand(COMMANDS.showOutput);
  },

  async [COMMANDS.checkAllScenarios]() {
    const { uri } = await openEveryRule();
    const opened = reportOpened(uri);
    await vscode.commands.executeCommand(COMMANDS.checkAllScenarios, uri);
    const report = (await opened).getText();
    for (let n = 1; n <= 7; n++) assert.ok(report.includes(question(n)), `the report answers question ${n}: ${question(n)}`);
  },

  // Run on a manifest from its editor's title or context menu: the view opens beside it and draws its graph
  // (test/vscode/suite/07-partner-network.e2e.ts checks the drawing).
  async [COMMANDS.showPartnerNetwork]() {
    const { uri } = await openEveryRule();
    const drawn = partnerNetworkRendered(uri, () => true, 'the partner network');
    await vscode.commands.executeCommand(COMMANDS.showPartnerNetwork, uri);
    await drawn;
    assert.equal(partnerNetworkTabs().length, 1);
  },

  // The question's QuickPick is answered by a stub of `window.showQuickPick`; the subject picker
  // (`createQuickPick`) is left to the test below, which gives the question as the command's argument.
  async [COMMANDS.checkScenario]() {
    const { uri } = await openExample(CLEAN);
    await waitForFindings(uri, expected((await vscode.workspace.openTextDocument(uri)).getText()));
    // Cancelled: nothing happens, no error.
    const cancelled = await withQuickPick(
      () => undefined,
      () => vscode.commands.executeCommand(COMMANDS.checkScenario, uri),
    );
    assert.ok(cancelled.length > 0, 'the command asks which question');
    // Question 6 (about the whole manifest, no subject to pick): its report opens.
    const opened = reportOpened(uri);
    const offered = await withQuickPick(
      (items) => items.find((i) => i.label.startsWith('6. ')),
      () => vscode.commands.executeCommand(COMMANDS.checkScenario, uri),
    );
    for (let n = 1; n <= 7; n++)
      assert.ok(offered.includes(`${n}. ${question(n)}`), `question ${n} is offered; offered: ${offered.join(' | ')}`);
    const report = (await opened).getText();
    assert.ok(report.includes(question(6)), 'the report answers question 6');
    assert.ok(!report.includes(question(1)), 'the report answers question 6 only');
  },

  // The CSP Channel view's title action (test/vscode/suite/08-channel-tree.e2e.ts tests the view).
  async [COMMANDS.refreshChannel]() {
    const { uri } = await openExample(CLEAN);
    const tree = (extension().exports as ExtensionApi).channelTree;
    assert.equal(tree.manifest?.toString(), uri.toString());
    const [before] = await tree.getChildren();
    await vscode.commands.executeCommand(COMMANDS.refreshChannel);
    const [after] = await tree.getChildren();
    assert.notEqual(after.index, before.index, 'the graph is asked for again');
  },
};

describe('contributed commands', () => {
  before(ready);
  afterEach(restore);

  it('the Getting Started walkthrough is contributed and opens', async () => {
    const walkthroughs = (extension().packageJSON as { contributes: { walkthroughs: { id: string; steps: unknown[] }[] } }).contributes
      .walkthroughs;
    assert.deepEqual(
      walkthroughs.map((w) => w.id),
      ['gettingStarted'],
    );
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension().id}#gettingStarted`, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('are all registered by the extension', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length > 0);
    for (const command of contributed) assert.ok(registered.has(command), `${command} is not registered`);
  });

  for (const command of contributed) {
    const run = cases[command];
    it(
      `${command} runs without error`,
      run ??
        (() => {
          assert.fail(`no case for ${command}: add one to test/vscode/suite/05-commands.e2e.ts`);
        }),
    );
  }

  it('cspPartners.checkScenario answers a question given as its argument, about one customer or partner', async () => {
    const { uri } = await openExample(CLEAN);
    await waitForFindings(uri, expected((await vscode.workspace.openTextDocument(uri)).getText()));
    let report = reportShowing(uri, 'woodgrove / m365-e3: Microsoft → contoso-dist → fabrikam → woodgrove');
    await vscode.commands.executeCommand(COMMANDS.checkScenario, uri, { scenario: 1, customer: 'woodgrove' });
    let text = (await report).getText();
    assert.ok(text.includes(question(1)) && !text.includes('litware'), 'question 1, about woodgrove only');
    report = reportShowing(uri, 'adatum → adatum-shared');
    await vscode.commands.executeCommand(COMMANDS.checkScenario, uri, { scenario: 4, partner: 'adatum' });
    text = (await report).getText();
    assert.ok(
      text.includes(question(4)) && text.includes('adatum → adatum-internal') && !text.includes(question(1)),
      'question 4, about adatum',
    );
  });
});
