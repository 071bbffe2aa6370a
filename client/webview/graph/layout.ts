// ELK's layered layout, top down (Microsoft first), with the CSP regions as boxes around their nodes.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { LayoutPlace } from './elk-engine';

/**
 * ELK's options. Cytoscape draws its own edges, so ELK's edge routes are never used: polyline routing is
 * the cheapest (orthogonal routing of thousands of edges takes minutes). Options are not inherited by
 * the region boxes, so each box gets them too.
 */
const ELK_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // Edges between Microsoft and the regions' nodes take part in the layering: Microsoft ends on top.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': 24,
  'elk.layered.spacing.nodeNodeBetweenLayers': 56,
};
/** Past this many nodes, the cheaper strategies: a 10,000-customer channel still opens in seconds. */
const LARGE = 400;
const LARGE_OPTIONS = {
  'elk.layered.thoroughness': 1,
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.layering.strategy': 'LONGEST_PATH',
};

/**
 * The edges ELK places the nodes by: between partners and from Microsoft, all of them; into a customer,
 * only one (its seller's, else the first), so that each customer sits under its seller. The other edges
 * are drawn all the same; leaving them out makes a large channel's layout many times faster.
 */
function layoutEdges(cy: Core): Set<string> {
  const anchored = new Set<string>();
  const kept = new Set<string>();
  const edges = cy.edges().toArray();
  const intoCustomer = (e: EdgeSingular) => ['customer', 'customers'].includes(e.target().data('kind') as string);
  for (const edge of edges) if (!intoCustomer(edge)) kept.add(edge.id());
  for (const pass of ['sells', undefined]) {
    for (const edge of edges) {
      if (!intoCustomer(edge) || anchored.has(edge.target().id()) || (pass && edge.data('kind') !== pass)) continue;
      anchored.add(edge.target().id());
      kept.add(edge.id());
    }
  }
  return kept;
}

/** Lays the whole graph out; resolves once the positions are in place. */
export function runLayout(cy: Core, fit: boolean, failure: Promise<never>): Promise<void> {
  const options = cy.nodes().length > LARGE ? { ...ELK_OPTIONS, ...LARGE_OPTIONS } : ELK_OPTIONS;
  const placing = layoutEdges(cy);
  const elements = cy.nodes().union(cy.edges().filter((e) => placing.has(e.id())));
  const layout = elements.layout({
    name: 'elk',
    fit,
    padding: 30,
    animate: false,
    elk: options,
    nodeLayoutOptions: (node: NodeSingular) => {
      if (node.isParent()) return { ...options, 'elk.padding': '[top=36,left=18,bottom=18,right=18]' };
      // Alone in the top layer: a customer no one sells to would otherwise sit beside it.
      if (node.data('kind') === 'microsoft') return { 'elk.layered.layering.layerConstraint': 'FIRST_SEPARATE' };
      return undefined;
    },
  } as unknown as Parameters<Core['layout']>[0]);
  const done = layout.promiseOn('layoutstop').then(() => undefined);
  layout.run();
  return Promise.race([done, failure]);
}

export type { LayoutPlace };
