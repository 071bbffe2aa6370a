// The channel graph (server/src/core/graph.ts): the graph of every fixture against its reviewed baseline,
// what holds for every graph, and the collapsing and filters on manifests made for them.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ChannelGraph, channelGraph, GraphOptions } from '../server/src/core/graph';
import { bigChannel, check, checkFixture, fixtureFiles, graphBaselinePath, renderGraph, repoRoot } from './support';

const files = fixtureFiles();
const example = (name: string) => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
const graphOf = (text: string, options: GraphOptions = {}): ChannelGraph => {
  const result = check(text);
  return channelGraph(result, result.findings, options);
};
const ids = (graph: ChannelGraph) => graph.nodes.map((n) => n.id);
const edgeIds = (graph: ChannelGraph) => graph.edges.map((e) => e.id);

/** What every graph must be: its edges between its nodes, every finding placed once, severities the worst. */
function assertWellFormed(graph: ChannelGraph, findings: number): void {
  const nodes = new Set(ids(graph));
  assert.equal(nodes.size, graph.nodes.length, 'node ids are unique');
  assert.equal(new Set(edgeIds(graph)).size, graph.edges.length, 'edge ids are unique');
  for (const e of graph.edges) assert.ok(nodes.has(e.source) && nodes.has(e.target), `${e.id} joins nodes of the graph`);
  assert.equal(graph.findings.length, findings);
  const rank = ['error', 'warning', 'info', 'hint'];
  for (const element of [...graph.nodes, ...graph.edges]) {
    const worst = element.findings.map((i) => graph.findings[i].severity).sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0];
    assert.equal(element.severity, worst, `${element.id}: the most severe of its findings`);
  }
  for (const g of graph.groups)
    assert.ok(
      graph.nodes.some((n) => n.region === g.id),
      `region ${g.id} has nodes`,
    );
}

describe('channel graph of every fixture (npm run baselines rewrites them)', () => {
  for (const file of files) {
    it(file, () => {
      const { result } = checkFixture(file);
      const graph = channelGraph(result, result.findings);
      assertWellFormed(graph, result.findings.length);
      // Uncollapsed and unfiltered, each finding is on one element or about none.
      const placed = [...graph.nodes, ...graph.edges].flatMap((e) => e.findings).concat(graph.unplaced);
      assert.deepEqual(
        placed.sort((a, b) => a - b),
        result.findings.map((_, i) => i),
      );
      const expected = existsSync(graphBaselinePath(file)) ? readFileSync(graphBaselinePath(file), 'utf8') : '(no graph baseline)';
      assert.equal(renderGraph(graph), expected);
    });
  }
});

describe('channel graph: what the findings are on', () => {
  const graph = graphOf(example('every-rule.csp-partners.yaml'));
  const rulesOn = (id: string) => {
    const element = [...graph.nodes, ...graph.edges].find((e) => e.id === id);
    assert.ok(element, `${id} is in the graph`);
    return element.findings.map((i) => graph.findings[i].rule).sort();
  };

  it('a path with an unlinked provider in another region: the provider → reseller edge, not linked', () => {
    assert.deepEqual(rulesOn('provides:partner:litware-dist-us->partner:adatum'), ['cross-region-sale', 'provider-not-linked']);
    assert.equal(graph.edges.find((e) => e.id === 'provides:partner:litware-dist-us->partner:adatum')!.linked, false);
  });

  it("a reseller's provider in another region: the linked edge", () => {
    assert.deepEqual(rulesOn('provides:partner:litware-dist-us->partner:fabrikam'), ['cross-region-relationship']);
  });

  it('a sale, a management and a self-sale: the sells, manages and sells edges; a bad country: the customer', () => {
    assert.deepEqual(rulesOn('sells:partner:fabrikam->customer:woodgrove'), ['mpa-after-order', 'reseller-needs-provider']);
    assert.deepEqual(rulesOn('manages:partner:litware-dist-us->customer:woodgrove'), ['cross-region-management']);
    assert.deepEqual(rulesOn('sells:partner:adatum->customer:adatum-internal'), ['self-sale']);
    assert.deepEqual(rulesOn('customer:tokyo-trading'), ['unknown-country']);
    assert.equal(graph.nodes.find((n) => n.id === 'customer:tokyo-trading')!.region, undefined);
  });

  it('an unused suppression is about no element', () => {
    assert.deepEqual(
      graph.unplaced.map((i) => graph.findings[i].rule),
      ['unused-suppression'],
    );
  });

  it('the clean example: no findings anywhere, every partner and customer a node', () => {
    const text = example('csp-partners.yaml');
    const clean = graphOf(text);
    const result = check(text);
    assert.equal(clean.findings.length, 0);
    assert.deepEqual(ids(clean), [
      'microsoft',
      ...result.model.partners.map((p) => `partner:${p.id!.value}`),
      ...result.model.customers.map((c) => `customer:${c.id!.value}`),
    ]);
    assert.deepEqual(clean.totals, { partners: result.model.partners.length, customers: result.model.customers.length });
  });
});

describe('channel graph: collapsing many customers', () => {
  it("past the threshold, one seller's customers in one region are one node; those with findings stay apart", () => {
    const text = bigChannel(30);
    const graph = graphOf(text);
    assertWellFormed(graph, check(text).findings.length);
    const count = graph.nodes.find((n) => n.kind === 'customers')!;
    assert.equal(count.id, 'customers:fabrikam:europe');
    assert.equal(count.count, 30);
    assert.equal(count.region, 'europe');
    assert.deepEqual(
      count.members,
      Array.from({ length: 30 }, (_, i) => `fr-${i + 1}`),
    );
    // The lines of fr-1's entry, for the cursor.
    assert.deepEqual(count.memberLines![0], [17, 22]);
    assert.deepEqual(ids(graph), [
      'microsoft',
      'partner:contoso-dist',
      'partner:fabrikam',
      'partner:tailspin-jp',
      count.id,
      'customer:us-1',
      'customer:jp-1',
    ]);
    const sells = graph.edges.find((e) => e.target === count.id)!;
    assert.deepEqual([sells.id, sells.subscriptions, sells.range], ['sells:partner:fabrikam->customers:fabrikam:europe', 60, undefined]);
    // The cross-region sale to us-1 is on its own edge.
    const cross = graph.edges.find((e) => e.id === 'sells:partner:fabrikam->customer:us-1')!;
    assert.deepEqual(
      cross.findings.map((i) => graph.findings[i].rule),
      ['cross-region-sale', 'cross-region-sale'],
    );
  });

  it('at the threshold, expanded, or with the threshold off: every customer is a node', () => {
    assert.equal(graphOf(bigChannel(25)).nodes.filter((n) => n.kind === 'customers').length, 0);
    for (const options of [{ expanded: ['customers:fabrikam:europe'] }, { collapseAbove: 0 }]) {
      const graph = graphOf(bigChannel(30), options);
      assert.equal(graph.nodes.filter((n) => n.kind === 'customer').length, 32);
      assert.equal(graph.edges.find((e) => e.id === 'sells:partner:fabrikam->customer:fr-7')!.subscriptions, 2);
    }
    assert.equal(graphOf(bigChannel(30), { collapseAbove: 10 }).nodes.find((n) => n.kind === 'customers')!.count, 30);
  });

  it('a customer the search matches stays apart and is marked', () => {
    const graph = graphOf(bigChannel(30), { search: 'FR-17' });
    assert.equal(graph.nodes.find((n) => n.kind === 'customers')!.count, 29);
    assert.deepEqual(
      graph.nodes.filter((n) => n.matched).map((n) => n.id),
      ['customer:fr-17'],
    );
    // Names match too.
    assert.equal(graphOf(bigChannel(30), { search: 'customer fr-3' }).nodes.filter((n) => n.matched).length, 2);
  });
});

describe('channel graph: filters', () => {
  const text = example('every-rule.csp-partners.yaml');

  it('a region: its nodes, and the far ends of the links that leave it', () => {
    const graph = graphOf(text, { region: 'united-states' });
    assertWellFormed(graph, check(text).findings.length);
    assert.deepEqual(ids(graph), [
      'microsoft',
      'partner:wingtip-us',
      'partner:litware-dist-us',
      'partner:fabrikam',
      'partner:adatum',
      'customer:woodgrove',
    ]);
    assert.deepEqual(
      graph.groups.map((g) => g.id),
      ['europe', 'united-states'],
    );
    for (const e of graph.edges)
      assert.ok(
        [e.source, e.target].some((id) => id === 'partner:wingtip-us' || id === 'partner:litware-dist-us'),
        e.id,
      );
  });

  it('a partner: its links, and every path it is part of', () => {
    const graph = graphOf(text, { partner: 'contoso-dist' });
    assertWellFormed(graph, check(text).findings.length);
    assert.deepEqual(edgeIds(graph).sort(), [
      'owns:partner:contoso-dist->customer:contoso-internal',
      'provides:partner:contoso-dist->partner:adatum',
      'provides:partner:contoso-dist->partner:fabrikam',
      'provides:partner:contoso-dist->partner:northwind',
      'provides:partner:contoso-dist->partner:northwind-copy',
      // Subscriptions it is the provider of.
      'sells:partner:adatum->customer:adatum-internal',
      'sells:partner:contoso-dist->customer:woodgrove',
      'sells:partner:fabrikam->customer:woodgrove',
      'sells:partner:northwind->customer:woodgrove',
      'supplies:microsoft->partner:contoso-dist',
      'supplies:microsoft->partner:northwind',
    ]);
    assert.deepEqual(ids(graphOf(text, { partner: 'no-such-partner' })), ['microsoft']);
  });

  it('only what has findings: those elements and the ends of their edges', () => {
    const graph = graphOf(text, { onlyFindings: true });
    assertWellFormed(graph, check(text).findings.length);
    assert.ok(graph.edges.every((e) => e.findings.length > 0));
    const ends = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
    for (const n of graph.nodes) assert.ok(n.findings.length > 0 || ends.has(n.id), `${n.id} has findings or ends an edge with some`);
    assert.ok(!ids(graph).includes('partner:contoso-dist') || ends.has('partner:contoso-dist'));
    assert.equal(graphOf(example('csp-partners.yaml'), { onlyFindings: true }).nodes.length, 0);
  });
});

describe('channel graph: the subscriptions of a sale', () => {
  const text = example('every-rule.csp-partners.yaml');
  const lines = text.split('\n');

  it('each sells edge names the providers of its subscriptions', () => {
    const graph = graphOf(text);
    const providersOf = (id: string) => graph.edges.find((e) => e.id === id)!.providers;
    // One names a direct-bill partner as its provider (reference-kind): it is a partner all the same.
    assert.deepEqual(providersOf('sells:partner:adatum->customer:woodgrove'), ['partner:litware-dist-us', 'partner:northwind']);
    assert.deepEqual(providersOf('sells:partner:adatum->customer:adatum-internal'), ['partner:contoso-dist']);
    assert.equal(providersOf('sells:partner:contoso-dist->customer:woodgrove'), undefined);
  });

  it('asked for, each sells edge lists its subscriptions with their places and findings', () => {
    assert.ok(
      graphOf(text).edges.every((e) => e.items === undefined),
      'not unless asked',
    );
    const graph = graphOf(text, { subscriptions: true });
    const sells = graph.edges.find((e) => e.id === 'sells:partner:fabrikam->customer:woodgrove')!;
    assert.equal(sells.items!.length, sells.subscriptions);
    for (const item of sells.items!) {
      assert.ok(item.range && lines[item.range.start.line].includes(`id: ${item.id}`), `${item.id} is revealed at its id`);
    }
    // Every finding about the subscription, whichever element the graph draws it on (the manages edge here).
    const rulesOf = (edge: string) =>
      graph.edges.find((e) => e.id === edge)!.items!.map((s) => [s.id, s.findings.map((i) => graph.findings[i].rule), s.severity]);
    assert.deepEqual(rulesOf('sells:partner:fabrikam->customer:woodgrove'), [
      ['m365-e3', ['mpa-after-order', 'cross-region-management'], 'error'],
      ['visio', ['reseller-needs-provider'], 'error'],
    ]);
    assert.deepEqual(rulesOf('sells:partner:adatum->customer:woodgrove'), [
      ['project', ['cross-region-sale', 'provider-not-linked'], 'error'],
      ['intune', ['reference-kind'], 'error'],
    ]);
    // Every subscription with a seller is an item of exactly one edge.
    const result = check(text);
    const sold = result.model.customers.flatMap((c) => c.subscriptions).filter((s) => s.soldBy?.target?.kind === 'partner');
    assert.equal(graph.edges.flatMap((e) => e.items ?? []).length, sold.length);
  });

  it('into a customers node, a sale lists no subscriptions: they are asked for with the node expanded', () => {
    const graph = graphOf(bigChannel(30), { subscriptions: true });
    const intoCount = graph.edges.filter((e) => e.target.startsWith('customers:'));
    assert.ok(intoCount.length > 0 && intoCount.every((e) => e.items === undefined));
    const expanded = graphOf(bigChannel(30), { subscriptions: true, expanded: ['customers:fabrikam:europe'] });
    assert.deepEqual(
      expanded.edges.find((e) => e.id === 'sells:partner:fabrikam->customer:fr-3')!.items!.map((s) => [s.id, s.provider]),
      [
        ['m365', 'partner:contoso-dist'],
        ['azure', 'partner:contoso-dist'],
      ],
    );
  });
});
