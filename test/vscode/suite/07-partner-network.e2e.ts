// "CSP: Show Partner Network": the view opens beside the manifest, draws the graph the language server
// answers for the document (the core's graph of its text), laid out in the web worker under the page's CSP,
// follows edits, and is one view per manifest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { channelGraph } from '../../../server/src/core/graph';
import { COMMANDS } from '../../../server/src/protocol';
import { EVERY_RULE, expected, openEveryRule, partnerNetworkRendered, partnerNetworkTabs, ready, replaceOnce, restore } from './helpers';

describe('partner network view', () => {
  before(ready);
  afterEach(restore);

  it('opens beside the every-rule example with the graph the server answers for it, and follows an edit', async () => {
    const { document, uri, result } = await openEveryRule();
    const graph = channelGraph(result, result.findings);
    const drawn = partnerNetworkRendered(uri, (r) => r.version === document.version, 'the first drawing');
    await vscode.commands.executeCommand(COMMANDS.showPartnerNetwork);
    const report = await drawn;
    // Every node and edge of the graph (and a box per CSP region), laid out in the worker, no CSP violation.
    assert.deepEqual(
      { nodes: report.nodes, edges: report.edges, layout: report.layout, cspViolations: report.cspViolations },
      { nodes: graph.nodes.length + graph.groups.length, edges: graph.edges.length, layout: 'worker', cspViolations: [] },
    );
    const tabs = partnerNetworkTabs();
    assert.equal(tabs.length, 1, 'one partner-network tab');
    assert.equal(tabs[0].label, `Partner Network: ${EVERY_RULE}`);
    assert.notEqual(tabs[0].group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside the manifest');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the manifest keeps the focus');

    // The command again shows the same view.
    await vscode.commands.executeCommand(COMMANDS.showPartnerNetwork, uri);
    assert.equal(partnerNetworkTabs().length, 1, 'still one partner-network tab');

    // An edit that adds a customer: the view asks again and draws the new node.
    const redrawn = partnerNetworkRendered(uri, (r) => r.version === document.version, 'the drawing after the edit');
    await replaceOnce(document, '\ncustomers:\n', '\ncustomers:\n  - id: new-customer\n    name: New Customer\n    country: DE\n');
    const edited = expected(document.getText());
    const next = channelGraph(edited, edited.findings);
    assert.equal(next.nodes.length, graph.nodes.length + 1);
    const after = await redrawn;
    assert.equal(after.nodes, next.nodes.length + next.groups.length);
  });
});
