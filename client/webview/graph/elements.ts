// The channel graph as cytoscape elements, updated in place: elements that stay keep their position,
// selection and identity; only what the new graph adds or drops is added or removed.
import type { Core, ElementDefinition } from 'cytoscape';
import type { PartnerNetworkStrings } from '../../src/graph-view-messages';
import type { ChannelGraph, GraphEdge, GraphNode } from '../../../server/src/protocol';

/** The id of a CSP region's box (graph node ids start with `microsoft`, `partner:`, `customer:` or `customers:`). */
export const regionId = (region: string) => `region:${region}`;

/** `{0}`, `{1}`… of a localized template, filled in. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (values[Number(n)] === undefined ? whole : String(values[Number(n)])));
}

export interface Labels {
  strings: PartnerNetworkStrings;
  formatNumber: (n: number) => string;
}

export function nodeLabel(node: GraphNode, labels: Labels): string {
  return node.kind === 'customers' ? fill(labels.strings.customersCount, labels.formatNumber(node.count ?? 0)) : node.label;
}

function nodeDefinition(node: GraphNode, labels: Labels): ElementDefinition {
  const label = nodeLabel(node, labels);
  // Wide enough for the label, up to a bound past which it ends in an ellipsis; hexagons and octagons
  // narrow towards their ends, so they get more room.
  const slanted = node.kind === 'indirect-provider' || node.kind === 'direct-bill' ? 30 : 0;
  const width = Math.min(220 + slanted, Math.max(node.kind === 'microsoft' ? 140 : 70, label.length * 7 + 28 + slanted));
  return {
    group: 'nodes',
    data: {
      id: node.id,
      label,
      kind: node.kind,
      width,
      textWidth: width - 14 - slanted,
      parent: node.region ? regionId(node.region) : undefined,
    },
    classes: classesOf(node),
  };
}

/** Past this many edges, straight edges (see the stylesheet). */
const STRAIGHT_ABOVE = 1500;

function edgeDefinition(edge: GraphEdge, straight: boolean): ElementDefinition {
  const label = edge.kind === 'sells' && (edge.subscriptions ?? 0) > 1 ? String(edge.subscriptions) : '';
  return {
    group: 'edges',
    data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, label },
    classes: straight ? [...classesOf(edge), 'straight'] : classesOf(edge),
  };
}

function classesOf(element: GraphNode | GraphEdge): string[] {
  const classes: string[] = [];
  if (element.severity) classes.push(`sev-${element.severity}`);
  if ('matched' in element && element.matched) classes.push('matched');
  if ('linked' in element && element.linked === false) classes.push('unlinked');
  return classes;
}

/** Brings the drawing to `graph`; true when nodes were added or removed (then it needs a layout). */
export function syncElements(cy: Core, graph: ChannelGraph, labels: Labels): boolean {
  const regions = [...new Set(graph.nodes.flatMap((n) => (n.region ? [n.region] : [])))];
  const nodes: ElementDefinition[] = [
    ...regions.map((region) => ({ group: 'nodes' as const, data: { id: regionId(region), label: region, kind: 'region' } })),
    ...graph.nodes.map((n) => nodeDefinition(n, labels)),
  ];
  const straight = graph.edges.length > STRAIGHT_ABOVE;
  const edges = graph.edges.map((e) => edgeDefinition(e, straight));
  const wanted = new Set([...nodes, ...edges].map((d) => d.data.id!));
  let nodeSetChanged = false;
  cy.batch(() => {
    const gone = cy.elements().filter((e) => !wanted.has(e.id()));
    if (gone.nodes().nonempty()) nodeSetChanged = true;
    cy.remove(gone);
    const added: ElementDefinition[] = [];
    for (const definition of [...nodes, ...edges]) {
      const id = definition.data.id!;
      const existing = cy.getElementById(id);
      if (existing.empty()) {
        added.push(definition);
        continue;
      }
      if (existing.isNode() && (existing.data('parent') as string | undefined) !== definition.data.parent) {
        // A node that changed region is a new element in the new box: drawn afresh.
        cy.remove(existing);
        added.push(definition);
        nodeSetChanged = true;
        continue;
      }
      // Id, ends and parent cannot change through data().
      const data: Record<string, unknown> = { ...definition.data };
      for (const fixed of ['id', 'source', 'target', 'parent']) delete data[fixed];
      existing.data(data);
      const keep = existing.hasClass('cursor') ? ['cursor'] : [];
      existing.classes([...((definition.classes as string[] | undefined) ?? []), ...keep]);
    }
    if (added.some((d) => d.group === 'nodes')) nodeSetChanged = true;
    cy.add(added);
  });
  return nodeSetChanged;
}
