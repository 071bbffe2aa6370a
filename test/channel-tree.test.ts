// The CSP Channel tree's structure (client/src/channel-tree-model.ts) from real channel graphs: the whole
// tree of the examples as text, the collapsed customers expanded from a second graph, resellers under each
// provider, the unknown region, cycles of `providers`, and the findings each item carries.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  ChannelIndex,
  ChannelItem,
  childrenOf,
  EntityItem,
  hasChildren,
  membersOf,
  regionItems,
  treeGraphOptions,
} from '../client/src/channel-tree-model';
import { channelGraph, GraphOptions } from '../server/src/core/graph';
import {
  customer,
  customerIds,
  customerWith,
  manifest,
  oneResellersCustomers,
  provider,
  reseller,
  subscription,
} from './channel-manifests';
import { check, repoRoot } from './support';

const example = (name: string) => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');

/** The graph as the tree asks for it (each sale's subscriptions; a `customers` node expanded). */
function indexOf(text: string, options: GraphOptions = treeGraphOptions()): ChannelIndex {
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
    case 'subscription': {
      const { id, provider } = item.subscription;
      const marks = [`subscription ${id}`, provider ? `via ${provider.replace(/^partner:/, '')}` : '', item.severity ?? ''];
      return [marks.filter(Boolean).join(' '), rules(item.findings)].filter(Boolean).join('  ! ');
    }
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
          ? membersOf(item, indexOf(text, treeGraphOptions(item.node.id)))
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
  it('csp-partners.yaml: regions, providers with their resellers, sellers with their customers, each subscription', () => {
    assert.equal(
      render(example('csp-partners.yaml')),
      [
        'region europe  errors 0, warnings 0',
        '  indirect-provider contoso-dist',
        '    indirect-reseller adatum',
        '      customer litware',
        '        subscription d365-sales via contoso-dist',
        '        subscription backup via contoso-dist',
        '    indirect-reseller fabrikam',
        '      customer woodgrove',
        '        subscription m365-e3 via contoso-dist',
        '  direct-bill northwind',
        '    customer adatum-internal',
        '      subscription m365-bp',
        '    customer woodgrove',
        '      subscription azure-plan',
        '  unserved customers  errors 0, warnings 0',
        '    customer adatum-shared',
        'region japan  errors 0, warnings 0',
        '  direct-bill tailspin-jp',
        '    customer fourth-coffee',
        '      subscription m365-e5',
        '',
      ].join('\n'),
    );
  });

  it('every-rule.csp-partners.yaml: each finding on the item it is about, or on the item its edge leads to', () => {
    // Under a provider, a reseller lists only its sales through it: adatum sells woodgrove `project` through
    // litware-dist-us and `intune` through northwind, and adatum-internal `azure` through contoso-dist.
    assert.equal(
      render(example('every-rule.csp-partners.yaml')),
      [
        'region europe  errors 20, warnings 2',
        '  indirect-provider contoso-dist',
        '    indirect-reseller adatum error  ! mpa-not-accepted',
        '      customer adatum-internal error  ! sold-to-partner-tenant, self-sale',
        '        subscription azure via contoso-dist error  ! self-sale',
        '    indirect-reseller fabrikam error  ! region-mismatch, reseller-onboarding-incomplete',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, mpa-after-order, reseller-needs-provider, ' +
          'cross-region-management',
        '        subscription m365-e3 via contoso-dist error  ! mpa-after-order, cross-region-management',
        '        subscription visio error  ! reseller-needs-provider',
        '    direct-bill northwind (not linked) error  ! direct-bill-requirements, direct-bill-has-provider',
        '      indirect-reseller adatum (not linked) error  ! mpa-not-accepted, reference-kind',
        '        customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '          subscription intune via northwind error  ! reference-kind',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        subscription power-bi via contoso-dist error  ! direct-bill-has-provider',
        '    direct-bill northwind-copy error  ! duplicate-partner-tenant, providers-not-reseller',
        '    customer woodgrove error  ! duplicate-id, unknown-reference, provider-sells-direct, cross-region-management',
        '      subscription teams warning  ! provider-sells-direct',
        '  direct-bill northwind error  ! direct-bill-requirements',
        '    indirect-reseller adatum (not linked) error  ! mpa-not-accepted, reference-kind',
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        subscription intune via northwind error  ! reference-kind',
        '    customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '      subscription power-bi via contoso-dist error  ! direct-bill-has-provider',
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
        '      customer woodgrove error  ! duplicate-id, unknown-reference, cross-region-management',
        '        subscription project via litware-dist-us error  ! cross-region-sale, provider-not-linked',
        '    indirect-reseller fabrikam error  ! region-mismatch, reseller-onboarding-incomplete, cross-region-relationship',
        '  partner wingtip-us error  ! schema',
        'region (unknown)  errors 1, warnings 0',
        '  unserved customers  errors 1, warnings 0',
        '    customer tokyo-trading error  ! unknown-country',
        '',
      ].join('\n'),
    );
  });

  it('shows every finding and every sold subscription somewhere, and gives every item its own id', () => {
    const index = indexOf(example('every-rule.csp-partners.yaml'));
    const items = allItems(index);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    const shown = new Set(items.flatMap((i) => (i.kind === 'entity' || i.kind === 'subscription' ? i.findings : [])));
    const placed = index.graph.findings.map((_, i) => i).filter((i) => !index.graph.unplaced.includes(i));
    assert.deepEqual(
      placed.filter((i) => !shown.has(i)),
      [],
    );
    // Each subscription of each sale is under one provider or another, or under its seller.
    const sold = index.graph.edges.flatMap((e) => e.items ?? []);
    const listed = new Set(items.flatMap((i) => (i.kind === 'subscription' ? [i.subscription] : [])));
    assert.deepEqual(
      sold.filter((s) => !listed.has(s)).map((s) => s.id),
      [],
    );
    assert.equal(sold.length, 7);
    // The regions count the findings of the core's nodes and edges: a subscription's, which its customer
    // shows too, once.
    const europe = regionItems(index)[0];
    assert.deepEqual([europe.region, europe.errors, europe.warnings], ['europe', 20, 2]);
  });

  it('gives two subscriptions of one sale with the same id, or none, items of their own', () => {
    const text = manifest(
      [provider('contoso', 'DE')],
      [customerWith('woodgrove', 'DE', [subscription('contoso'), subscription('contoso'), '{ offer: Visio, soldBy: contoso }'])],
    );
    const woodgrove = childrenOf(childrenOf(regionItems(indexOf(text))[0])[0])[0];
    assert.deepEqual(
      childrenOf(woodgrove).map((s) => s.id.slice(woodgrove.id.length)),
      ['/subscription:m365#1', '/subscription:m365#2', '/subscription:#3'],
    );
  });

  it("knows where each item is in the manifest: the entry's id for a node, the subscription's own id for a subscription", () => {
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
    const [subscription] = childrenOf(woodgrove);
    assert.ok(subscription.kind === 'subscription' && subscription.subscription.range);
    const { start, end } = subscription.subscription.range;
    assert.equal(lines[start.line].slice(start.character, end.character), 'm365-e3');
    assert.equal(lines[start.line].trim(), '- id: m365-e3');
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
    const members = membersOf(count, indexOf(text, treeGraphOptions(count.node.id)));
    assert.deepEqual(
      members.map((m) => m.node.entity),
      customerIds(30),
    );
    // Each member is reached by its own sale, with its subscription under it, and has an id of its own below the count.
    for (const member of members) {
      assert.equal(member.via?.kind, 'sells');
      assert.ok(member.id.startsWith(`${count.id}/customer:`));
      assert.deepEqual(
        childrenOf(member).map((s) => s.kind === 'subscription' && s.subscription.id),
        ['m365'],
      );
    }
  });

  it("under a provider, a count's members are the customers sold through it (the count is all the seller's in the region)", () => {
    const throughContoso = customerIds(30);
    const throughLitware = throughContoso.map((id) => id.replace('c-', 'l-'));
    const text = manifest(
      [provider('contoso', 'DE'), provider('litware', 'FR'), reseller('fabrikam', 'FR', ['contoso', 'litware'])],
      [
        ...throughContoso.map((id) => customer(id, 'FR', 'fabrikam', 'contoso')),
        ...throughLitware.map((id) => customer(id, 'FR', 'fabrikam', 'litware')),
      ],
    );
    const [contoso, litware] = childrenOf(regionItems(indexOf(text))[0]);
    for (const [top, ids] of [
      [contoso, throughContoso],
      [litware, throughLitware],
    ] as const) {
      const [count] = childrenOf(childrenOf(top)[0]) as EntityItem[];
      assert.deepEqual([count.node.kind, count.node.count], ['customers', 60]);
      const members = membersOf(count, indexOf(text, treeGraphOptions(count.node.id)));
      assert.deepEqual(
        members.map((m) => m.node.entity),
        ids,
      );
      const providers = members.flatMap((m) => childrenOf(m).map((s) => s.kind === 'subscription' && s.subscription.provider));
      assert.deepEqual(new Set(providers), new Set([top.kind === 'entity' && top.node.id]));
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
    assert.equal(membersOf(count, indexOf(text, treeGraphOptions(count.node.id))).length, 27);
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
        '        subscription m365 via contoso',
        '      customer woodgrove',
        '        subscription m365 via contoso',
        '  indirect-provider litware',
        '    indirect-reseller fabrikam',
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

  it('lists under a provider only the sales through it and those naming no provider; at the top of a region, all', () => {
    const channel = (resellerCountry: string) =>
      manifest(
        [provider('contoso', 'DE'), provider('litware', 'FR'), reseller('fabrikam', resellerCountry, ['contoso', 'litware'])],
        [
          customerWith('both', 'FR', [subscription('fabrikam', 'contoso', 'c1'), subscription('fabrikam', 'litware', 'l1')]),
          customerWith('mixed', 'FR', [subscription('fabrikam', 'contoso', 'c1'), subscription('fabrikam', undefined, 'n1')]),
          customer('no-provider', 'FR', 'fabrikam'),
          customer('litware-only', 'FR', 'fabrikam', 'litware'),
        ],
      );
    // A sale with a subscription through the provider is listed with those and the ones naming none;
    // a sale naming no provider at all is listed under every provider.
    assert.equal(
      withoutRules(render(channel('FR'))),
      [
        'region europe  errors 2, warnings 0',
        '  indirect-provider contoso',
        '    indirect-reseller fabrikam',
        '      customer both',
        '        subscription c1 via contoso',
        '      customer mixed error',
        '        subscription c1 via contoso',
        '        subscription n1 error',
        '      customer no-provider error',
        '        subscription m365 error',
        '  indirect-provider litware',
        '    indirect-reseller fabrikam',
        '      customer both',
        '        subscription l1 via litware',
        '      customer litware-only',
        '        subscription m365 via litware',
        '      customer no-provider error',
        '        subscription m365 error',
        '',
      ].join('\n'),
    );
    // Without a region, fabrikam stands at the top of the unknown one too (and under both providers as
    // above): there, with all its sales.
    const placeless = withoutRules(render(channel('XX')));
    assert.equal(
      placeless.slice(placeless.indexOf('region (unknown)')),
      [
        'region (unknown)  errors 1, warnings 0',
        '  indirect-reseller fabrikam error',
        '    customer both',
        '      subscription c1 via contoso',
        '      subscription l1 via litware',
        '    customer litware-only',
        '      subscription m365 via litware',
        '    customer mixed error',
        '      subscription c1 via contoso',
        '      subscription n1 error',
        '    customer no-provider error',
        '      subscription m365 error',
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
