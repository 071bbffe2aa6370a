// The channel graph over the protocol (`cspPartners/graph`): the core's graph of the document as it is
// now, with the findings the Problems panel shows, the options passed through, errors for what is not open.
import * as assert from 'node:assert/strict';
import { channelGraph } from '../../server/src/core/graph';
import { GRAPH_REQUEST, GraphAnswer } from '../../server/src/protocol';
import { check } from '../support';
import { Harness, startServer, uriOf } from './harness';
import { readExample } from './lsp-support';

const example = readExample('every-rule.csp-partners.yaml');

describe('language server: the channel graph', () => {
  let server: Harness;
  let opened = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  const graphOf = (uri: string, options = {}) => server.request<GraphAnswer>(GRAPH_REQUEST, { textDocument: { uri }, options });

  it("is the core's graph of the open text, with its version", async () => {
    const uri = await server.open(`graph-${opened++}.csp-partners.yaml`, example);
    const result = check(example);
    assert.deepEqual(await graphOf(uri), { ...channelGraph(result, result.findings), version: 1 });
    assert.deepEqual(await graphOf(uri, { region: 'japan', onlyFindings: true }), {
      ...channelGraph(result, result.findings, { region: 'japan', onlyFindings: true }),
      version: 1,
    });
  });

  it('follows edits: a fixed sale is no longer red', async () => {
    const uri = await server.open(`graph-${opened++}.csp-partners.yaml`, example);
    const before = await graphOf(uri);
    const edge = 'sells:partner:contoso-dist->customer:woodgrove';
    assert.deepEqual(
      before.edges.find((e) => e.id === edge)!.findings.map((i) => before.findings[i].rule),
      ['provider-sells-direct'],
    );
    const edited = example.replace('soldBy: contoso-dist          # provider-sells-direct', 'soldBy: adatum');
    assert.notEqual(edited, example);
    await server.change(uri, edited);
    const after = await graphOf(uri);
    assert.equal(after.version, 2);
    assert.equal(
      after.edges.find((e) => e.id === edge),
      undefined,
    );
    const result = check(edited);
    assert.deepEqual(after, { ...channelGraph(result, result.findings), version: 2 });
  });

  it('has the findings as shown: a rule turned off is on no element', async () => {
    const uri = await server.open(`graph-${opened++}.csp-partners.yaml`, example);
    server.settings.rules = { 'cross-region-sale': 'off' };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      const graph = await graphOf(uri);
      assert.ok(graph.findings.length > 0);
      assert.ok(!graph.findings.some((f) => f.rule === 'cross-region-sale'));
    } finally {
      server.settings.rules = {};
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });

  it('a document that is not open is an error answer, and the server carries on', async () => {
    await assert.rejects(graphOf(uriOf('not-open.csp-partners.yaml')), /not open/);
    const uri = await server.open(`graph-${opened++}.csp-partners.yaml`, 'manifestVersion: 1\npartners: []\ncustomers: []\n');
    const empty = await graphOf(uri);
    assert.deepEqual(
      empty.nodes.map((n) => n.id),
      ['microsoft'],
    );
  });
});
