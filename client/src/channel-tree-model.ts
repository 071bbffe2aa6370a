// The CSP Channel tree's structure, built from the language server's channel graph: CSP regions → the
// indirect providers, direct-bill partners and partners of unknown type → the partners a provider provides
// for → the customers a partner sells to → each subscription of the sale. Under a provider, a reseller lists
// only its sales through that provider. No `vscode` here: the view (channel-tree.ts) turns these items into
// tree items, and the unit tests build them from real graphs.
//
// Items are made only when their parent is expanded: a 10,000-customer manifest costs one index of its
// graph, then the children of what the user opens.
import type { ChannelGraph, GraphEdge, GraphNode, GraphOptions, GraphSubscription } from '../../server/src/protocol';

export type Severity = NonNullable<GraphNode['severity']>;

/** What the tree asks the graph for: each sale's subscriptions, and the members of a `customers` node once it is expanded. */
export function treeGraphOptions(expand?: string): GraphOptions {
  return expand === undefined ? { subscriptions: true } : { subscriptions: true, expanded: [expand] };
}

/** A channel graph with the lookups the tree needs, built once per graph. */
export class ChannelIndex {
  private readonly nodeById = new Map<string, GraphNode>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly incoming = new Map<string, GraphEdge[]>();
  /** The nodes of each CSP region; `undefined` holds those with no region (Microsoft aside). */
  private readonly byRegion = new Map<string | undefined, GraphNode[]>();

  constructor(readonly graph: ChannelGraph) {
    for (const node of graph.nodes) {
      this.nodeById.set(node.id, node);
      if (node.kind !== 'microsoft') listAt(this.byRegion, node.region).push(node);
    }
    for (const edge of graph.edges) {
      listAt(this.outgoing, edge.source).push(edge);
      listAt(this.incoming, edge.target).push(edge);
    }
  }

  node(id: string): GraphNode | undefined {
    return this.nodeById.get(id);
  }

  inRegion(region: string | undefined): readonly GraphNode[] {
    return this.byRegion.get(region) ?? [];
  }

  from(id: string, kind: GraphEdge['kind']): GraphEdge[] {
    return (this.outgoing.get(id) ?? []).filter((e) => e.kind === kind);
  }

  /** The edges into a node, of these kinds (none given: all). */
  into(id: string, ...kinds: GraphEdge['kind'][]): GraphEdge[] {
    const edges = this.incoming.get(id) ?? [];
    return kinds.length ? edges.filter((e) => kinds.includes(e.kind)) : edges;
  }

  severity(findings: readonly number[]): Severity | undefined {
    let worst: Severity | undefined;
    for (const i of findings) {
      const severity = this.graph.findings[i].severity;
      if (!worst || SEVERITY_RANK[severity] < SEVERITY_RANK[worst]) worst = severity;
    }
    return worst;
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

interface ItemBase {
  /** Unique in the tree: the path from the root, so that a reseller under two providers is two items. */
  id: string;
  /** The graph the item was read from; its children are read from the same graph. */
  index: ChannelIndex;
  /** The CSP region of the top-level item it is under (`undefined`: the unknown region). */
  under: string | undefined;
}

/** A CSP region, or the unknown region (`region` undefined) of partners and customers whose country names no market. */
export interface RegionItem extends ItemBase {
  kind: 'region';
  region: string | undefined;
  errors: number;
  warnings: number;
}

/** A region's customers that no partner sells to. */
export interface UnservedItem extends ItemBase {
  kind: 'unserved';
  customers: GraphNode[];
  errors: number;
  warnings: number;
}

/** A partner, a customer, or a `customers` node standing for the customers one seller serves in one region. */
export interface EntityItem extends ItemBase {
  kind: 'entity';
  node: GraphNode;
  /** The edge it is reached by: the `provides` edge from its provider, the `sells` edge from its seller. */
  via?: GraphEdge;
  /** Its findings and those of the edges into it that the tree shows nowhere else. */
  findings: number[];
  severity?: Severity;
  /** The nodes above it, so that a cycle of `providers` does not nest forever. */
  ancestors: readonly string[];
  /**
   * The provider (node id) its path goes through, from the `provides` edge of the partner it is under or
   * is: such a partner lists only its sales through that provider, and their subscriptions through it.
   */
  provider?: string;
}

/** One subscription of the sale its customer is reached by. */
export interface SubscriptionItem extends ItemBase {
  kind: 'subscription';
  /** The `sells` edge that carries it. */
  edge: GraphEdge;
  subscription: GraphSubscription;
  /** Every finding about it (the customer shows those of the sale too: the core's regions count them once). */
  findings: number[];
  severity?: Severity;
}

export type ChannelItem = RegionItem | UnservedItem | EntityItem | SubscriptionItem;

const isCustomer = (node: GraphNode) => node.kind === 'customer' || node.kind === 'customers';

/** The top level: the CSP regions in order, then the unknown region when some partner or customer has none. */
export function regionItems(index: ChannelIndex): RegionItem[] {
  const items: RegionItem[] = index.graph.groups.map((group) => ({
    kind: 'region',
    id: `region:${group.id}`,
    index,
    under: group.id,
    region: group.id,
    errors: group.errors,
    warnings: group.warnings,
  }));
  const unplaced = index.inRegion(undefined);
  if (unplaced.length) {
    // The core counts regions only; the unknown one is counted the same way: its nodes and the edges into them.
    const counts = countFindings(
      index,
      unplaced.flatMap((node) => [...node.findings, ...index.into(node.id).flatMap((e) => e.findings)]),
    );
    items.push({ kind: 'region', id: 'region:?', index, under: undefined, region: undefined, ...counts });
  }
  return items;
}

/** The children of an item, except those of a `customers` node, which `membersOf` reads from another graph. */
export function childrenOf(item: ChannelItem): ChannelItem[] {
  switch (item.kind) {
    case 'region':
      return regionChildren(item);
    case 'unserved':
      return sortByLabel(item.customers).map((node) => entityItem(item, node, undefined, []));
    case 'entity':
      return entityChildren(item);
    case 'subscription':
      return [];
  }
}

/** Whether an item has children, without making them. */
export function hasChildren(item: ChannelItem): boolean {
  switch (item.kind) {
    case 'region':
    case 'unserved':
      return true;
    case 'subscription':
      return false;
    case 'entity':
      if (item.node.kind === 'customers') return true;
      if (item.node.kind === 'customer')
        return item.via?.kind === 'sells' && (item.via.items ?? []).some((s) => subscriptionThrough(s, item.provider));
      return edgesBelow(item, 'provides').length > 0 || edgesBelow(item, 'sells').length > 0;
  }
}

/** The partners that stand at the top of their region, in this order; indirect resellers stand there when nothing else shows them. */
const TOP_LEVEL_ORDER: Partial<Record<GraphNode['kind'], number>> = { 'indirect-provider': 0, 'direct-bill': 1, 'partner': 2 };
const RESELLER_ORDER = 3;

function regionChildren(item: RegionItem): ChannelItem[] {
  const { index } = item;
  const nodes = index.inRegion(item.region);
  // The unknown region lists every partner and customer that has no region, even those shown under a
  // partner elsewhere: it is where the countries to correct are found.
  const everything = item.region === undefined;
  // An indirect reseller stands under the partners that provide for it; without one that stands at the top
  // of a region (a reseller only under another reseller, or under none), it stands here too.
  const underTopLevel = (n: GraphNode) =>
    index.into(n.id, 'provides').some((e) => TOP_LEVEL_ORDER[index.node(e.source)!.kind] !== undefined);
  const partners = nodes.filter((n) => !isCustomer(n) && (everything || n.kind !== 'indirect-reseller' || !underTopLevel(n)));
  const rank = (n: GraphNode) => TOP_LEVEL_ORDER[n.kind] ?? RESELLER_ORDER;
  const ordered = sortByLabel(partners).sort((a, b) => rank(a) - rank(b));
  const served = everything ? sortByLabel(nodes.filter((n) => isCustomer(n) && index.into(n.id, 'sells').length > 0)) : [];
  const children: ChannelItem[] = [...ordered, ...served].map((node) => entityItem(item, node, undefined, []));
  const unserved = nodes.filter((n) => isCustomer(n) && index.into(n.id, 'sells').length === 0);
  if (unserved.length) {
    const counts = countFindings(
      index,
      unserved.flatMap((n) => customerFindings(index, n, undefined)),
    );
    children.push({ kind: 'unserved', id: `${item.id}/unserved`, index, under: item.under, customers: unserved, ...counts });
  }
  return children;
}

function entityChildren(item: EntityItem): ChannelItem[] {
  const { index, node } = item;
  if (node.kind === 'customers') return [];
  if (node.kind === 'customer') return subscriptionsOf(item);
  const ancestors = [...item.ancestors, node.id];
  const below = (kind: 'provides' | 'sells') => edgesBelow(item, kind).map((edge) => ({ edge, target: index.node(edge.target)! }));
  const partners = below('provides');
  const customers = below('sells');
  // Customers by name, the collapsed counts after them.
  const byLabel = (a: { target: GraphNode }, b: { target: GraphNode }) =>
    Number(a.target.kind === 'customers') - Number(b.target.kind === 'customers') || compareLabels(a.target, b.target);
  return [...partners.sort(byLabel), ...customers.sort(byLabel)].map(({ edge, target }) => entityItem(item, target, edge, ancestors));
}

/**
 * A partner's edges to the items under it: not back to itself or to a partner above it; under a provider,
 * only the sales through it, and those that name no provider (so that a missing provider hides nothing).
 */
function edgesBelow(item: EntityItem, kind: 'provides' | 'sells'): GraphEdge[] {
  const { id } = item.node;
  return item.index
    .from(id, kind)
    .filter((e) => e.target !== id && !item.ancestors.includes(e.target) && (kind === 'provides' || through(e.providers, item.provider)));
}

/** Whether a sale naming these providers is shown under `provider`: naming none, it is shown everywhere. */
function through(providers: readonly string[] | undefined, provider: string | undefined): boolean {
  return provider === undefined || providers === undefined || providers.includes(provider);
}

/** Whether a subscription is shown under `provider`: naming none, it is shown everywhere. */
const subscriptionThrough = (subscription: GraphSubscription, provider: string | undefined) =>
  provider === undefined || subscription.provider === undefined || subscription.provider === provider;

/** A customer's subscriptions: those of the sale it is reached by, through the provider of its path. */
function subscriptionsOf(customer: EntityItem): SubscriptionItem[] {
  const sale = customer.via;
  if (sale?.kind !== 'sells') return [];
  const all = sale.items ?? [];
  // An id names the item, unless the sale has it twice (a duplicate-id) or it has none: then its place does.
  const times = new Map<string | undefined, number>();
  for (const s of all) times.set(s.id, (times.get(s.id) ?? 0) + 1);
  const items: SubscriptionItem[] = [];
  all.forEach((subscription, i) => {
    if (!subscriptionThrough(subscription, customer.provider)) return;
    const key = subscription.id !== undefined && times.get(subscription.id) === 1 ? subscription.id : `${subscription.id ?? ''}#${i + 1}`;
    const item: SubscriptionItem = {
      kind: 'subscription',
      id: `${customer.id}/subscription:${key}`,
      index: customer.index,
      under: customer.under,
      edge: sale,
      subscription,
      findings: subscription.findings,
    };
    if (subscription.severity) item.severity = subscription.severity;
    items.push(item);
  });
  return items;
}

/**
 * The customers a `customers` node stands for, read from `expanded`: the graph asked for again with that
 * node in `expanded`. They are found by id and first line, which two entries never share. Under a provider,
 * only those sold through it are listed (the count is of all the seller's customers in the region).
 */
export function membersOf(count: EntityItem, expanded: ChannelIndex): EntityItem[] {
  const { node } = count;
  const members = new Set((node.members ?? []).map((id, i) => memberKey(id, node.memberLines?.[i]?.[0])));
  // One seller's customers, or a region's unserved ones: the count's `sells` edge says which.
  const seller = count.index.into(node.id, 'sells')[0]?.source;
  const candidates: { target: GraphNode; edge?: GraphEdge }[] = seller
    ? expanded
        .from(seller, 'sells')
        .filter((edge) => through(edge.providers, count.provider))
        .map((edge) => ({ edge, target: expanded.node(edge.target)! }))
    : expanded
        .inRegion(node.region)
        .filter((n) => n.kind === 'customer' && expanded.into(n.id, 'sells').length === 0)
        .map((target) => ({ target }));
  const found = candidates.filter(({ target }) => members.has(memberKey(target.entity ?? target.id, target.lines?.[0])));
  const parent = { ...count, index: expanded };
  return found
    .sort((a, b) => compareLabels(a.target, b.target))
    .map(({ target, edge }) => entityItem(parent, target, edge, count.ancestors));
}

const memberKey = (id: string, line: number | undefined) => `${id}@${line ?? 0}`;

/**
 * An item for a node under `parent`. Reached by a `provides` edge, its path goes through that edge's
 * provider; by a sale, through the seller's.
 */
function entityItem(
  parent: ItemBase & { provider?: string },
  node: GraphNode,
  via: GraphEdge | undefined,
  ancestors: readonly string[],
): EntityItem {
  const { index } = parent;
  const findings = isCustomer(node) ? customerFindings(index, node, via) : [...node.findings, ...(via?.findings ?? [])];
  const item: EntityItem = { kind: 'entity', id: `${parent.id}/${node.id}`, index, under: parent.under, node, findings, ancestors };
  if (via) item.via = via;
  const provider = via?.kind === 'provides' ? via.source : via?.kind === 'sells' ? parent.provider : undefined;
  if (provider !== undefined) item.provider = provider;
  const severity = index.severity(findings);
  if (severity) item.severity = severity;
  return item;
}

/**
 * A customer's findings as the tree shows them: its own, those of the sale it is reached by, and those of
 * the `manages` and `owns` edges into it, which are no item of their own.
 */
function customerFindings(index: ChannelIndex, node: GraphNode, via: GraphEdge | undefined): number[] {
  return [...node.findings, ...(via?.findings ?? []), ...index.into(node.id, 'manages', 'owns').flatMap((e) => e.findings)];
}

function countFindings(index: ChannelIndex, findings: readonly number[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of findings) {
    const severity = index.graph.findings[i].severity;
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

function compareLabels(a: GraphNode, b: GraphNode): number {
  return a.label.localeCompare(b.label) || (a.entity ?? a.id).localeCompare(b.entity ?? b.id);
}

function sortByLabel(nodes: readonly GraphNode[]): GraphNode[] {
  return [...nodes].sort(compareLabels);
}
