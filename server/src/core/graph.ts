/**
 * The channel as a graph: Microsoft, the partners and the customers as nodes; the partners' relationships
 * and the subscriptions' transaction paths as edges; CSP regions as groups; each finding on the node or
 * edge it is about. One model for the partner-network view, the channel tree and `csp-partners graph`.
 *
 * Built from the checked model in one pass over the entities, then narrowed (a region, a partner, only
 * what has findings) and made readable at scale: the customers one seller serves in one region, past a
 * threshold, are drawn as one node that counts them, unless one of them has a finding or matches a search.
 */
import type { CheckResult } from './check';
import { Finding, moreSevere, Severity } from './finding';
import type { Customer, Entity, Model, PartnerType, Reference, Subscription } from './model';
import { nodeRange } from './parse';
import { entityAt, referenceAt, subscriptionAt } from './queries';
import type { Range } from './text';

export type GraphNodeKind = 'microsoft' | PartnerType | 'partner' | 'customer' | 'customers';

/**
 * How two nodes are related:
 * - `supplies`: Microsoft → an indirect provider or a direct-bill partner (they buy from Microsoft);
 * - `provides`: an indirect provider → an indirect reseller (the reseller's `providers`, or a
 *   subscription's `provider` the reseller does not list: then `linked` is false);
 * - `sells`: the transacting partner (`soldBy`) → the customer, for one or more subscriptions;
 * - `manages`: a `managedBy` partner → the customer;
 * - `owns`: the customer's `owner` → the customer (a tenant for the partner's own use).
 */
export type GraphEdgeKind = 'supplies' | 'provides' | 'sells' | 'manages' | 'owns';

export interface GraphNode {
  /** Stable across edits: `microsoft`, `partner:<id>`, `customer:<id>`, `customers:<seller>:<region>`. */
  id: string;
  kind: GraphNodeKind;
  /** The name, else the id. */
  label: string;
  /** The partner's or customer's id in the manifest. */
  entity?: string;
  /** The CSP region box it is drawn in (none for Microsoft, or when the country names no market). */
  region?: string;
  /** Where a click reveals it: the entity's id (or its entry when it has none). */
  range?: Range;
  /** First and last line of its entry (0-based): the cursor there is on this node. */
  lines?: [number, number];
  /** Indexes into `ChannelGraph.findings`. */
  findings: number[];
  /** The most severe of its findings. */
  severity?: Severity;
  /** A `customers` node: how many customers it stands for, their ids, and their entries' lines. */
  count?: number;
  members?: string[];
  memberLines?: [number, number][];
  /** Matched the search. */
  matched?: boolean;
}

export interface GraphEdge {
  /** Stable across edits: `<kind>:<source>-><target>`. */
  id: string;
  kind: GraphEdgeKind;
  source: string;
  target: string;
  /** `sells`: how many subscriptions it carries. */
  subscriptions?: number;
  /** `sells`: the providers (node ids) its subscriptions name, so a reseller's sales can be told apart by provider. */
  providers?: string[];
  /** `sells`, when asked for (`GraphOptions.subscriptions`) and not into a `customers` node: each subscription. */
  items?: GraphSubscription[];
  /** `provides`: false when only a subscription names the provider, not the reseller's `providers`. */
  linked?: boolean;
  /** Where a click reveals it: the first reference that makes it. */
  range?: Range;
  findings: number[];
  severity?: Severity;
}

/** One subscription a `sells` edge carries. */
export interface GraphSubscription {
  id?: string;
  offer?: string;
  /** Its provider's node id, when it names one that is a partner. */
  provider?: string;
  /** Where a click reveals it: its id (or its entry when it has none). */
  range?: Range;
  /** Every finding about it, whichever element the graph draws it on (this edge, a `provides` or `manages` edge). */
  findings: number[];
  severity?: Severity;
}

export interface GraphGroup {
  /** The CSP region id. */
  id: string;
  /** Findings on its nodes and edges, by severity: the tree's badges. */
  errors: number;
  warnings: number;
}

export interface GraphFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
}

export interface ChannelGraph {
  groups: GraphGroup[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every finding of the manifest; elements point at theirs by index. */
  findings: GraphFinding[];
  /** Findings about no node or edge (YAML syntax, the manifest's own keys). */
  unplaced: number[];
  /** How many partners and customers the whole manifest has, before filters and collapsing. */
  totals: { partners: number; customers: number };
}

export interface GraphOptions {
  /** Customers of one seller in one region past this many become one node; 0 never collapses. */
  collapseAbove?: number;
  /** `customers` nodes the user expanded. */
  expanded?: readonly string[];
  /** Only this region's nodes, and the nodes they are linked to. */
  region?: string;
  /** Only this partner (an id), what it is linked to and the paths it is part of. */
  partner?: string;
  /** Only elements with findings, and the ends of such edges. */
  onlyFindings?: boolean;
  /** Ids or names containing this (case-insensitively) are marked and never collapsed. */
  search?: string;
  /** `sells` edges list their subscriptions (`items`): the channel tree's last level. */
  subscriptions?: boolean;
}

export const DEFAULT_COLLAPSE_ABOVE = 25;

/** The channel graph of a checked manifest with these findings (as shown: severities and baseline applied). */
export function channelGraph(result: CheckResult, findings: readonly Finding[], options: GraphOptions = {}): ChannelGraph {
  let built = builtGraphs.get(result);
  if (built?.findings !== findings) {
    built = { findings, graph: new GraphBuilder(result).build(findings) };
    builtGraphs.set(result, built);
  }
  return narrow(built.graph, options);
}

/**
 * The whole graph of a check, kept while the check is: the views of one version (the partner network and
 * the channel tree, each filter, each expanded node) narrow the same graph rather than building it again.
 */
const builtGraphs = new WeakMap<CheckResult, { findings: readonly Finding[]; graph: FullGraph }>();

/** An edge while building: the providers of the subscriptions it carries, and those subscriptions. */
interface BuiltEdge extends GraphEdge {
  via?: Set<string>;
  carried?: Subscription[];
}

interface FullGraph {
  nodes: GraphNode[];
  edges: BuiltEdge[];
  findings: GraphFinding[];
  unplaced: number[];
  totals: ChannelGraph['totals'];
  /** The findings about each subscription (by place in the text: their `sells` edge has them too). */
  aboutSubscription: Map<Subscription, number[]>;
  lines: CheckResult['parsed']['lines'];
}

class GraphBuilder {
  private readonly model: Model;
  private readonly nodeOf = new Map<Entity, GraphNode>();
  private readonly nodes: GraphNode[] = [];
  private readonly edges = new Map<string, BuiltEdge>();

  constructor(private readonly result: CheckResult) {
    this.model = result.model;
  }

  build(findings: readonly Finding[]): FullGraph {
    const microsoft: GraphNode = { id: 'microsoft', kind: 'microsoft', label: 'Microsoft', findings: [] };
    this.nodes.push(microsoft);
    const taken = new Set<string>();
    for (const entity of [...this.model.partners, ...this.model.customers]) this.addNode(entity, taken);
    for (const partner of this.model.partners) {
      const node = this.nodeOf.get(partner)!;
      if (partner.type === 'indirect-provider' || partner.type === 'direct-bill') this.edge('supplies', microsoft, node);
      for (const ref of partner.providers) {
        const provider = this.partnerNode(ref);
        if (provider) this.edge('provides', provider, node, ref).linked = true;
      }
    }
    for (const customer of this.model.customers) this.addPaths(customer);
    const graphFindings = findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range }));
    const unplaced: number[] = [];
    const aboutSubscription = new Map<Subscription, number[]>();
    findings.forEach((finding, i) => {
      const path = finding.data?.path ?? [];
      const subscription = path[0] === 'customers' && path[2] === 'subscriptions' ? subscriptionAt(this.model, path) : undefined;
      if (subscription) listAt(aboutSubscription, subscription).push(i);
      const element = this.elementOf(finding);
      if (!element) {
        unplaced.push(i);
        return;
      }
      element.findings.push(i);
      element.severity = moreSevere(element.severity, finding.severity);
    });
    return {
      nodes: this.nodes,
      edges: [...this.edges.values()],
      findings: graphFindings,
      unplaced,
      totals: { partners: this.model.partners.length, customers: this.model.customers.length },
      aboutSubscription,
      lines: this.result.parsed.lines,
    };
  }

  private addNode(entity: Entity, taken: Set<string>): void {
    const lines = this.result.parsed.lines;
    const id = entity.id?.value;
    const base = `${entity.kind}:${id ?? `#${entity.index + 1}`}`;
    let nodeId = base;
    for (let n = 2; taken.has(nodeId); n++) nodeId = `${base}#${n}`;
    taken.add(nodeId);
    const extent = nodeRange(lines, entity.node);
    const node: GraphNode = {
      id: nodeId,
      kind: entity.kind === 'customer' ? 'customer' : (entity.type ?? 'partner'),
      label: entity.name ?? id ?? nodeId,
      findings: [],
    };
    if (id !== undefined) node.entity = id;
    if (entity.region) node.region = entity.region;
    const range = nodeRange(lines, entity.id?.node) ?? extent;
    if (range) node.range = range;
    if (extent)
      node.lines = [
        extent.start.line,
        extent.end.character === 0 && extent.end.line > extent.start.line ? extent.end.line - 1 : extent.end.line,
      ];
    this.nodeOf.set(entity, node);
    this.nodes.push(node);
  }

  /** The node of the partner a reference names (none for an unknown id or a customer). */
  private partnerNode(ref: Reference | undefined): GraphNode | undefined {
    return ref?.target?.kind === 'partner' ? this.nodeOf.get(ref.target) : undefined;
  }

  private edge(kind: GraphEdgeKind, source: GraphNode, target: GraphNode, ref?: Reference): BuiltEdge {
    const id = `${kind}:${source.id}->${target.id}`;
    let edge = this.edges.get(id);
    if (!edge) {
      edge = { id, kind, source: source.id, target: target.id, findings: [] };
      this.edges.set(id, edge);
    }
    if (ref && !edge.range) {
      const range = nodeRange(this.result.parsed.lines, ref.node);
      if (range) edge.range = range;
    }
    return edge;
  }

  private addPaths(customer: Customer): void {
    const node = this.nodeOf.get(customer)!;
    const owner = this.partnerNode(customer.owner);
    if (owner) this.edge('owns', owner, node, customer.owner);
    for (const subscription of customer.subscriptions) {
      const seller = this.partnerNode(subscription.soldBy);
      const provider = this.partnerNode(subscription.provider);
      if (seller) {
        const sells = this.edge('sells', seller, node, subscription.soldBy);
        sells.subscriptions = (sells.subscriptions ?? 0) + 1;
        (sells.carried ??= []).push(subscription);
        if (provider) (sells.via ??= new Set()).add(provider.id);
      }
      if (seller && provider && provider !== seller) {
        const path = this.edge('provides', provider, seller, subscription.provider);
        path.linked ??= false;
      }
      for (const ref of subscription.managedBy) {
        const manager = this.partnerNode(ref);
        if (manager) this.edge('manages', manager, node, ref);
      }
    }
  }

  /** The node or edge a finding is about, from the JSON path of what it reports. */
  private elementOf(finding: Finding): GraphNode | GraphEdge | undefined {
    const path = finding.data?.path ?? [];
    if (path.length < 2 || (path[0] !== 'partners' && path[0] !== 'customers')) return undefined;
    const entity = entityAt(this.model, path);
    const node = entity && this.nodeOf.get(entity);
    if (!entity || !node) return undefined;
    const edgeTo = (kind: GraphEdgeKind, ref: Reference | undefined, target = node) => {
      const source = this.partnerNode(ref);
      return source ? this.edges.get(`${kind}:${source.id}->${target.id}`) : undefined;
    };
    if (entity.kind === 'partner') {
      if (path[2] === 'providers' && typeof path[3] === 'number')
        return edgeTo('provides', referenceAt(this.model, path.slice(0, 4))) ?? node;
      return node;
    }
    if (path[2] === 'owner') return edgeTo('owns', entity.owner) ?? node;
    if (path[2] !== 'subscriptions' || typeof path[3] !== 'number') return node;
    const subscription = subscriptionAt(this.model, path);
    if (!subscription) return node;
    const sells = edgeTo('sells', subscription.soldBy);
    if (path[4] === 'managedBy' && typeof path[5] === 'number') return edgeTo('manages', referenceAt(this.model, path.slice(0, 6))) ?? node;
    if (path[4] === 'provider') {
      // On the provider → seller edge when only subscriptions make it (the link the manifest lacks or
      // should not have); else on the sale: that edge is the reseller's relationship, shared by every path.
      const seller = this.partnerNode(subscription.soldBy);
      const provides = seller && edgeTo('provides', subscription.provider, seller);
      return (provides?.linked === false ? provides : undefined) ?? sells ?? provides ?? node;
    }
    return sells ?? node;
  }
}

/** The graph as asked for: filtered, collapsed, with its groups counted. */
function narrow(full: FullGraph, options: GraphOptions): ChannelGraph {
  let nodes = full.nodes;
  let edges = full.edges;
  if (options.region !== undefined) ({ nodes, edges } = inRegion(nodes, edges, options.region));
  if (options.partner !== undefined) ({ nodes, edges } = aroundPartner(nodes, edges, options.partner));
  const search = options.search?.trim().toLowerCase();
  if (search) {
    nodes = nodes.map((n) =>
      n.kind !== 'microsoft' && (n.entity?.toLowerCase().includes(search) || n.label.toLowerCase().includes(search))
        ? { ...n, matched: true }
        : n,
    );
  }
  ({ nodes, edges } = collapse(nodes, edges, options.collapseAbove ?? DEFAULT_COLLAPSE_ABOVE, new Set(options.expanded ?? [])));
  if (options.onlyFindings) ({ nodes, edges } = withFindings(nodes, edges));
  return {
    groups: groupsOf(nodes, edges, full.findings),
    nodes,
    edges: edges.map((edge) => publicEdge(full, edge, options.subscriptions === true)),
    findings: full.findings,
    unplaced: full.unplaced,
    totals: full.totals,
  };
}

/** An edge as answered: its providers as a list, its subscriptions when asked for; nothing of the building. */
function publicEdge(full: FullGraph, built: BuiltEdge, withItems: boolean): GraphEdge {
  const { via, carried, ...edge } = built;
  if (via) edge.providers = [...via].sort();
  if (withItems && carried && !edge.target.startsWith('customers:')) {
    edge.items = carried.map((subscription) => {
      const item: GraphSubscription = { findings: full.aboutSubscription.get(subscription) ?? [] };
      if (subscription.id) item.id = subscription.id.value;
      if (subscription.offer !== undefined) item.offer = subscription.offer;
      const provider = subscription.provider?.target;
      if (provider?.kind === 'partner' && provider.id) item.provider = `partner:${provider.id.value}`;
      const range = nodeRange(full.lines, subscription.id?.node) ?? nodeRange(full.lines, subscription.node);
      if (range) item.range = range;
      for (const i of item.findings) item.severity = moreSevere(item.severity, full.findings[i].severity);
      return item;
    });
  }
  return edge;
}

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function inRegion(nodes: GraphNode[], edges: BuiltEdge[], region: string): { nodes: GraphNode[]; edges: BuiltEdge[] } {
  const inside = new Set(nodes.filter((n) => n.region === region).map((n) => n.id));
  // An edge that leaves the region is kept with its far end: a cross-region link stays in sight.
  const kept = edges.filter((e) => inside.has(e.source) || inside.has(e.target));
  const ends = new Set(['microsoft', ...inside, ...kept.flatMap((e) => [e.source, e.target])]);
  return { nodes: nodes.filter((n) => ends.has(n.id)), edges: kept };
}

function aroundPartner(nodes: GraphNode[], edges: BuiltEdge[], partner: string): { nodes: GraphNode[]; edges: BuiltEdge[] } {
  const centre = nodes.find((n) => n.entity === partner && n.kind !== 'customer' && n.kind !== 'customers');
  if (!centre) return { nodes: nodes.filter((n) => n.kind === 'microsoft'), edges: [] };
  // Its own relationships, and the subscriptions it provides for: the whole path of each.
  const kept = edges.filter((e) => e.source === centre.id || e.target === centre.id || e.via?.has(centre.id));
  const sellers = new Set(kept.filter((e) => e.kind === 'sells').map((e) => e.source));
  for (const e of edges) if (e.kind === 'supplies' && sellers.has(e.target) && !kept.includes(e)) kept.push(e);
  const ends = new Set(['microsoft', centre.id, ...kept.flatMap((e) => [e.source, e.target])]);
  return { nodes: nodes.filter((n) => ends.has(n.id)), edges: edges.filter((e) => kept.includes(e)) };
}

/** Only what has findings, with the ends of the edges that have. */
function withFindings(nodes: GraphNode[], edges: BuiltEdge[]): { nodes: GraphNode[]; edges: BuiltEdge[] } {
  const kept = edges.filter((e) => e.findings.length > 0);
  const ends = new Set(kept.flatMap((e) => [e.source, e.target]));
  return { nodes: nodes.filter((n) => n.findings.length > 0 || ends.has(n.id)), edges: kept };
}

/**
 * Customers that one seller serves in one region, past `above`, become one `customers` node: those with a
 * finding on them or on an edge to them, and those the search matched, stay apart. A customer's seller is
 * the first partner that sells to it (none: it is counted with the region's unserved customers).
 */
function collapse(
  nodes: GraphNode[],
  edges: BuiltEdge[],
  above: number,
  expanded: Set<string>,
): { nodes: GraphNode[]; edges: BuiltEdge[] } {
  if (above <= 0) return { nodes, edges };
  const incoming = new Map<string, BuiltEdge[]>();
  for (const e of edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e);
    else incoming.set(e.target, [e]);
  }
  const buckets = new Map<string, GraphNode[]>();
  for (const node of nodes) {
    if (node.kind !== 'customer' || node.findings.length || node.matched) continue;
    const into = incoming.get(node.id) ?? [];
    if (into.some((e) => e.findings.length)) continue;
    const seller = into.find((e) => e.kind === 'sells')?.source ?? 'unserved';
    const key = `customers:${seller.replace(/^partner:/, '')}:${node.region ?? '?'}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(node);
    else buckets.set(key, [node]);
  }
  const countNodeOf = new Map<string, GraphNode>();
  for (const [key, members] of buckets) {
    if (members.length <= above || expanded.has(key)) continue;
    const count: GraphNode = {
      id: key,
      kind: 'customers',
      label: String(members.length),
      findings: [],
      count: members.length,
      members: members.map((m) => m.entity ?? m.id),
      memberLines: members.map((m) => m.lines ?? [0, 0]),
    };
    if (members[0].region) count.region = members[0].region;
    for (const m of members) countNodeOf.set(m.id, count);
  }
  if (!countNodeOf.size) return { nodes, edges };
  const placed = new Set<GraphNode>();
  const outNodes: GraphNode[] = [];
  for (const node of nodes) {
    const count = countNodeOf.get(node.id);
    if (!count) outNodes.push(node);
    else if (!placed.has(count)) {
      placed.add(count);
      outNodes.push(count);
    }
  }
  // Edges into collapsed customers become one edge per kind and source, counting the subscriptions.
  const outEdges = new Map<string, BuiltEdge>();
  for (const e of edges) {
    const count = countNodeOf.get(e.target);
    if (!count) {
      outEdges.set(e.id, e);
      continue;
    }
    const id = `${e.kind}:${e.source}->${count.id}`;
    const merged = outEdges.get(id);
    if (!merged) {
      const { range: _range, carried: _carried, ...rest } = e;
      outEdges.set(id, { ...rest, id, target: count.id, via: e.via && new Set(e.via) });
    } else {
      if (e.subscriptions) merged.subscriptions = (merged.subscriptions ?? 0) + e.subscriptions;
      if (e.via) for (const p of e.via) (merged.via ??= new Set()).add(p);
    }
  }
  return { nodes: outNodes, edges: [...outEdges.values()] };
}

/** The regions the nodes are in, each counting the findings on its nodes and on the edges into them. */
function groupsOf(nodes: GraphNode[], edges: GraphEdge[], findings: GraphFinding[]): GraphGroup[] {
  const groups = new Map<string, GraphGroup>();
  const groupOf = new Map<string, GraphGroup>();
  for (const node of nodes) {
    if (!node.region) continue;
    let group = groups.get(node.region);
    if (!group) groups.set(node.region, (group = { id: node.region, errors: 0, warnings: 0 }));
    groupOf.set(node.id, group);
  }
  const add = (group: GraphGroup | undefined, element: { findings: number[] }) => {
    if (!group) return;
    for (const i of element.findings) {
      if (findings[i].severity === 'error') group.errors++;
      else if (findings[i].severity === 'warning') group.warnings++;
    }
  };
  for (const node of nodes) add(groupOf.get(node.id), node);
  for (const edge of edges) add(groupOf.get(edge.target), edge);
  return [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
