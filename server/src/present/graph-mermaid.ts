/**
 * The channel graph as a Mermaid flowchart (`csp-partners graph --format mermaid`), for a ```mermaid block
 * that GitHub renders: Microsoft at the top, each CSP region a subgraph titled with its id and counts, shapes
 * and lines by kind, elements with findings in their severity's colour (`classDef`, `linkStyle`) with their
 * rule ids in their text. Nodes get generated ids (n0, n1…) and every text is a quoted label, so nothing
 * from the manifest is read as Mermaid syntax.
 */
import type { ChannelGraph, GraphEdge, GraphNode, GraphNodeKind } from '../core/graph';
import { Locale, translator } from '../messages';
import {
  edgeLines,
  groupLines,
  lineStyle,
  nodeLines,
  nodesBelowMicrosoft,
  nodesByRegion,
  oneLine,
  SEVERITY_COLOURS,
  unplacedLines,
} from './graph-text';

/** The brackets around a node's label, by kind (the same shapes as in DOT, as near as Mermaid has them). */
const NODE_SHAPES: Record<GraphNodeKind, [string, string]> = {
  'microsoft': ['{{', '}}'],
  'indirect-provider': ['[', ']'],
  'indirect-reseller': ['(', ')'],
  'direct-bill': ['[[', ']]'],
  'partner': ['>', ']'],
  'customer': ['([', '])'],
  'customers': ['[(', ')]'],
};

/** Mermaid draws `-.->` dotted; a dash pattern tells a dashed line from a dotted one. */
const DASHES = { solid: undefined, dashed: 'stroke-dasharray:6 4', dotted: 'stroke-dasharray:1 3' };

export function renderGraphMermaid(graph: ChannelGraph, locale: Locale): string {
  const t = translator(locale);
  const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const out = ['flowchart TB'];
  const nodeLine = (node: GraphNode) => {
    const [open, close] = NODE_SHAPES[node.kind];
    return `${ids.get(node.id)}${open}"${text(nodeLines(node, graph, t))}"${close}`;
  };
  const { boxed, loose } = nodesByRegion(graph);
  for (const node of loose) if (node.kind === 'microsoft') out.push(`  ${nodeLine(node)}`);
  boxed.forEach(({ group, nodes }, i) => {
    // One line: Mermaid does not make room for a second line of a subgraph's title.
    out.push(`  subgraph g${i}["${text(groupLines(group, t), ' · ')}"]`);
    for (const node of nodes) out.push(`    ${nodeLine(node)}`);
    out.push('  end');
  });
  for (const node of loose) if (node.kind !== 'microsoft') out.push(`  ${nodeLine(node)}`);
  for (const edge of graph.edges) {
    const arrow = lineStyle(edge) === 'solid' ? '-->' : '-.->';
    const lines = edgeLines(edge, graph, t);
    out.push(`  ${ids.get(edge.source)} ${arrow}${lines.length ? `|"${text(lines)}"|` : ''} ${ids.get(edge.target)}`);
  }
  // After the edges, so that `linkStyle` numbers those as the graph orders them.
  for (const node of nodesBelowMicrosoft(graph)) out.push(`  ${ids.get('microsoft')} ~~~ ${ids.get(node.id)}`);
  const note = unplacedLines(graph, t);
  if (note.length) out.push(`  unplaced["${text(note)}"]`);
  out.push(...classes(graph, ids), ...linkStyles(graph.edges));
  return out.join('\n') + '\n';
}

/** `classDef` for each severity that has a colour, and the nodes drawn with it. */
function classes(graph: ChannelGraph, ids: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [severity, colour] of Object.entries(SEVERITY_COLOURS)) {
    const members = graph.nodes.filter((n) => n.severity === severity).map((n) => ids.get(n.id)!);
    if (!members.length) continue;
    out.push(`  classDef ${severity} stroke:${colour},stroke-width:2px,color:${colour}`, `  class ${members.join(',')} ${severity}`);
  }
  return out;
}

/** One `linkStyle` per distinct style, listing the edges (by their order of definition) drawn with it. */
function linkStyles(edges: readonly GraphEdge[]): string[] {
  const byStyle = new Map<string, number[]>();
  edges.forEach((edge, i) => {
    const colour = edge.severity && SEVERITY_COLOURS[edge.severity];
    const style = [DASHES[lineStyle(edge)], colour && `stroke:${colour},stroke-width:2px`].filter(Boolean).join(',');
    if (!style) return;
    const list = byStyle.get(style);
    if (list) list.push(i);
    else byStyle.set(style, [i]);
  });
  return [...byStyle].map(([style, indexes]) => `  linkStyle ${indexes.join(',')} ${style}`);
}

/**
 * Lines of text for a quoted Mermaid label, joined by `<br>` (or the separator given). What Mermaid would
 * read as markup or as its own syntax is written as its `#code;` entities: the quote, `#` (which starts an
 * entity), HTML's `&`, `<` and `>`, the backtick (a Markdown label), the backslash and the colon (Mermaid
 * rewrites `style…:…#…;` in any line).
 */
function text(lines: string[], separator = '<br>'): string {
  // Mermaid breaks the line at `\n` even when its backslash is an entity: an unseen word joiner (U+2060) keeps it text.
  const literal = (line: string) =>
    oneLine(line).replace(/[#"&<>`:]|\\([nN])?/g, (c: string, letter?: string) => (letter ? `#92;#8288;${letter}` : ENTITIES[c]));
  return lines.map(literal).join(separator);
}

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  ':': '#58;',
  '\\': '#92;',
};
