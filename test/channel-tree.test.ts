// The CSP Channel tree's structure (client/src/channel-tree-model.ts) from real channel graphs: the whole
// tree of the examples as text, the collapsed customers expanded from a second graph, resellers under each
// provider, the unknown region, cycles of `providers`, and the findings each item carries.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ChannelIndex, ChannelItem, childrenOf, EntityItem, hasChildren, membersOf, regionItems } from '../client/src/channel-tree-model';
import { channelGraph, GraphOptions } from '../server/src/core/graph';
import { customer, customerIds, manifest, oneResellersCustomers, provider, reseller } from './channel-manifests';
import { check, repoRoot } from './support';

const example = (name: string) => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');

function indexOf(text: string, options: GraphOptions = {}): ChannelIndex {
  const result = check(text);
  return new ChannelIndex(channelGraph(result, result.findings, options));
}

/** An item as one line: what it is, its id in the manifest, its marks, and the rules of its findings. */
function line(item: ChannelItem): string {
  const rules = (findings: number[]) => findings.map((i) => item.index.graph.findings[i].rule).join(', ');
  switch (item.kind) {
    case 'region':
      return `region ${item.region ?? '(unknown)'}  errors ${item.errors}, warnings ${item.warnings}`;
    case 'unserved':
      return `unserved customers  errors ${item.errors}, warnings ${item.warnings}`;
    case 'subscriptions':
      return [`${item.count} subscriptions`, rules(item.findings)].filter(Boolean).join('  ! ');
    case 'entity': {
      const { node, via } = item;
      const what = node.kind === 'customers' ? `${node.count} customers` : `${node.kind} ${node.entity}`;
      const marks = [what, via?.linked === false ? '(not linked)' : '', item.severity ?? ''].filter(Boolean).join(' ');
      return [marks, rules(item.findings)].filter(Boolean).join('  ! ');
    }
  }
}

/**
 * The whole tree as indented text, as a user sees it with every item expanded: a `customers` node
 * expands into the members `membersOf` reads from the graph asked for again with it expanded.
 */
function render(text: string): string {
  const out: string[] = [];
  const walk = (items: ChannelItem[], depth: number) => {
    for (const item of items) {
      out.push(`${'  '.repeat(depth)}${line(item)}`);
      const children =
        item.kind === 'entity' && item.node.kind === 'customers'
          ? membersOf(item, indexOf(text, { expanded: [item.node.id] }))
          : childrenOf(item);
      assert.equal(hasChildren(item), children.length > 0, `${item.id}: hasChildren agrees with its children`);
      walk(children, depth + 1);
    }
  };
  walk(regionItems(indexOf(text)), 0);
  return out.join('\n') + '\n';
}

/** Every item of the tree, `customers` nodes left unexpanded. */
function allItems(index: ChannelIndex): ChannelItem[] {
  const out: ChannelItem[] = [];
  const walk = (items: ChannelItem[]) => {
    for (const item of items) {
      out.push(item);
      walk(childrenOf(item));
    }
  };
  walk(regionItems(index));
  return out;
}

const find = (items: ChannelItem[], pathOfIds: string): ChannelItem => {
  const found = items.find((i) => i.id === pathOfIds);
  assert.ok(found, `${pathOfIds} is in the tree; it has ${items.map((i) => i.id).join(', ')}`);
  return found;
};

describe('channel tree: the examples', () => {
  it('csp-partners.yaml: regions, providers with their resellers, sellers with their customers, subscriptions counted', () => {
    assert.equal(
      render(example('csp-partners.yaml')),
      [
        'region europe  errors 0, warnings 0',
        '  indirect-provider contoso-dist',
        '    indirect-reseller adatum',
        '      customer litware',
        '        2 subscriptions',
        '    indirect-reseller fabrikam',
        '      customer woodgrove',
        '        1 subscriptions',
        '  direct-bill northwind',
        '    customer adatum-internal',
        '      1 subscriptions',
        '    customer woodgrove',
        '      1 subscriptions',
        '  unserved customers  errors 0, warnings 0',
        '    customer adatum-shared',
        'region japan  errors 0, warnings 0',
        '  direct-bill tailspin-jp',
        '    customer fourth-coffee',
        '      1 subscriptions',
        '',
      ].join('\n'),
    );
  });

  it('every-rule.csp-partners.yaml: each finding on the item it is about, or on the item its edge leads to', () => {
    assert.equal(
      render(example('every-rule.csp-partners.yaml')),
      [
        'region europe  errors 20, warnings 2',
        '  indirect-provider contoso-dist',
        '    indirect-reseller adatum error  ! mpa-not-accepted',
        '      customer adatum-internal error  ! sold-to-partner-tenant, self-sale',
        '        1 subscriptions  ! self-sale',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        2 subscriptions',
        '    indirect-reseller fabrikam error  ! region-mismatch, reseller-onboarding-incomplete',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, mpa-after-order, reseller-needs-provider, ' +
          'cross-region-management',
        '        2 subscriptions  ! mpa-after-order, reseller-needs-provider',
        '    direct-bill northwind (not linked) error  ! direct-bill-requirements, direct-bill-has-provider',
        '      indirect-reseller adatum (not linked) error  ! mpa-not-accepted, reference-kind',
        '        customer adatum-internal error  ! sold-to-partner-tenant, self-sale',
        '          1 subscriptions  ! self-sale',
        '        customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '          2 subscriptions',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        1 subscriptions',
        '    direct-bill northwind-copy error  ! duplicate-partner-tenant, providers-not-reseller',
        '    customer woodgrove error  ! duplicate-id, unknown-reference, provider-sells-direct, cross-region-management',
        '      1 subscriptions  ! provider-sells-direct',
        '  direct-bill northwind error  ! direct-bill-requirements',
        '    indirect-reseller adatum (not linked) error  ! mpa-not-accepted, reference-kind',
        '      customer adatum-internal error  ! sold-to-partner-tenant, self-sale',
        '        1 subscriptions  ! self-sale',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        2 subscriptions',
        '    customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '      1 subscriptions',
        '  direct-bill northwind-copy error  ! duplicate-partner-tenant, providers-not-reseller',
        '  unserved customers  errors 3, warnings 0',
        '    customer adatum-shared error  ! shared-services-misuse',
        '    customer adatum-shared-2 info  ! shared-services-duplicate',
        '    customer contoso-internal error  ! own-use-tenant',
        '    customer fabrikam error  ! duplicate-id',
        'region russia  errors 0, warnings 0',
        '  direct-bill vodka-cloud',
        'region united-states  errors 2, warnings 0',
        '  indirect-provider litware-dist-us error  ! duplicate-partner-id',
        '    indirect-reseller adatum (not linked) error  ! mpa-not-accepted, cross-region-sale, provider-not-linked',
        '      customer adatum-internal error  ! sold-to-partner-tenant, self-sale',
        '        1 subscriptions  ! self-sale',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        2 subscriptions',
        '    indirect-reseller fabrikam error  ! region-mismatch, reseller-onboarding-incomplete, cross-region-relationship',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, mpa-after-order, reseller-needs-provider, ' +
          'cross-region-management',
        '        2 subscriptions  ! mpa-after-order, reseller-needs-provider',
        '  partner wingtip-us error  ! schema',
        'region (unknown)  errors 1, warnings 0',
        '  unserved customers  errors 1, warnings 0',
        '    customer tokyo-trading error  ! unknown-country',
        '',
      ].join('\n'),
    );
  });

  it('shows every finding about a partner or customer somewhere, and gives every item its own id', () => {
    const index = indexOf(example('every-rule.csp-partners.yaml'));
    const items = allItems(index);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    const shown = new Set(items.flatMap((i) => (i.kind === 'entity' || i.kind === 'subscriptions' ? i.findings : [])));
    const placed = index.graph.findings.map((_, i) => i).filter((i) => !index.graph.unplaced.includes(i));
    assert.deepEqual(
      placed.filter((i) => !shown.has(i)),
      [],
    );
    // The regions count what their items show.
    const europe = regionItems(index)[0];
    assert.deepEqual([europe.region, europe.errors, europe.warnings], ['europe', 20, 2]);
  });

  it('knows where each item is in the manifest: the entry for a node, the first soldBy for its subscriptions', () => {
    const text = example('csp-partners.yaml');
    const lines = text.split('\n');
    const index = indexOf(text);
    const europe = childrenOf(regionItems(index)[0]);
    const fabrikam = find(
      childrenOf(find(europe, 'region:europe/partner:contoso-dist')),
      'region:europe/partner:contoso-dist/partner:fabrikam',
    );
    assert.ok(fabrikam.kind === 'entity' && fabrikam.node.range);
    assert.equal(lines[fabrikam.node.range.start.line].trim(), '- id: fabrikam');
    const [woodgrove] = childrenOf(fabrikam);
    const [subscriptions] = childrenOf(woodgrove);
    assert.ok(subscriptions.kind === 'subscriptions' && subscriptions.edge.range);
    assert.equal(lines[subscriptions.edge.range.start.line].trim(), 'soldBy: fabrikam');
  });
});

/** The rendered tree without the rule ids: the shape and the severities. */
const withoutRules = (rendered: string) => rendered.replace(/ {2}! .*/g, '');

describe('channel tree: shapes of channels', () => {
  it("collapses a seller's many customers into one item, whose members come from the graph with it expanded", () => {
    const text = oneResellersCustomers(30);
    const index = indexOf(text);
    const fabrikam = childrenOf(childrenOf(regionItems(index)[0])[0])[0];
    const [count] = childrenOf(fabrikam) as EntityItem[];
    assert.deepEqual([count.node.kind, count.node.count, hasChildren(count), childrenOf(count)], ['customers', 30, true, []]);
    const members = membersOf(count, indexOf(text, { expanded: [count.node.id] }));
    assert.deepEqual(
      members.map((m) => m.node.entity),
      customerIds(30),
    );
    // Each member is reached by its own sale, with its subscription under it, and has an id of its own below the count.
    for (const member of members) {
      assert.equal(member.via?.kind, 'sells');
      assert.ok(member.id.startsWith(`${count.id}/customer:`));
      assert.deepEqual(
        childrenOf(member).map((s) => s.kind === 'subscriptions' && s.count),
        [1],
      );
    }
  });

  it("collapses a region's many unserved customers too; their members are found without a seller", () => {
    const customers = Array.from({ length: 27 }, (_, i) => customer(`u-${i + 1}`, 'JP'));
    const index = indexOf(manifest([provider('contoso', 'DE')], customers));
    const japan = regionItems(index).find((r) => r.region === 'japan')!;
    const [unserved] = childrenOf(japan);
    const [count] = childrenOf(unserved) as EntityItem[];
    assert.equal(count.node.count, 27);
    const text = manifest([provider('contoso', 'DE')], customers);
    assert.equal(membersOf(count, indexOf(text, { expanded: [count.node.id] })).length, 27);
  });

  it('puts a reseller under each provider, one without a provider under its region, all without a region under the unknown one', () => {
    const text = manifest(
      [
        provider('contoso', 'DE'),
        provider('litware', 'FR'),
        reseller('fabrikam', 'FR', ['contoso', 'litware']),
        reseller('solo', 'FR', []),
        reseller('nowhere', 'XX', []),
      ],
      [customer('woodgrove', 'FR', 'fabrikam', 'contoso'), customer('far', 'XX', 'fabrikam', 'contoso'), customer('lost', 'XX')],
    );
    const rendered = withoutRules(render(text));
    assert.equal(
      rendered,
      [
        'region europe  errors 0, warnings 0',
        '  indirect-provider contoso',
        '    indirect-reseller fabrikam',
        '      customer far error',
        '        1 subscriptions',
        '      customer woodgrove',
        '        1 subscriptions',
        '  indirect-provider litware',
        '    indirect-reseller fabrikam',
        '      customer far error',
        '        1 subscriptions',
        '      customer woodgrove',
        '        1 subscriptions',
        '  indirect-reseller solo',
        'region (unknown)  errors 3, warnings 0',
        '  indirect-reseller nowhere error',
        '  customer far error',
        '  unserved customers  errors 1, warnings 0',
        '    customer lost error',
        '',
      ].join('\n'),
    );
  });

  it('shows resellers that provide for each other, each once under the other, without nesting forever', () => {
    const text = manifest([reseller('a', 'FR', ['b']), reseller('b', 'FR', ['a'])], []);
    assert.equal(
      withoutRules(render(text)),
      [
        'region europe  errors 2, warnings 0',
        '  indirect-reseller a',
        '    indirect-reseller b error',
        '  indirect-reseller b',
        '    indirect-reseller a error',
        '',
      ].join('\n'),
    );
  });

  it('has no region for an empty manifest', () => {
    assert.deepEqual(regionItems(indexOf(manifest([], []))), []);
  });
});
