/**
 * The channel graph in Graphviz DOT (`csp-partners graph --format dot`, render with `dot -Tsvg`): Microsoft at
 * the top, each CSP region a cluster box titled with its id and counts, so that an edge between regions is
 * seen to leave its box. Node shapes and edge lines follow their kinds; an element with findings is drawn in
 * its worst severity's colour, with its rule ids in its label and its findings in its tooltip.
 */
import type { ChannelGraph, GraphEdge, GraphNode, GraphNodeKind } from '../core/graph';
import type { Severity } from '../core/finding';
import { Locale, Translate, translator } from '../messages';
import {
  colourOf,
  edgeLines,
  groupLines,
  groupSeverity,
  findingLines,
  lineStyle,
  nodeLines,
  nodesBelowMicrosoft,
  nodesByRegion,
  oneLine,
  unplacedLines,
} from './graph-text';

const NODE_SHAPES: Record<GraphNodeKind, string> = {
  'microsoft': 'shape=hexagon, style="filled,bold", fillcolor="#e8f0fb"',
  'indirect-provider': 'shape=box',
  'indirect-reseller': 'shape=box, style=rounded',
  'direct-bill': 'shape=box, peripheries=2',
  'partner': 'shape=box, style=dashed',
  'customer': 'shape=ellipse',
  'customers': 'shape=cylinder',
};

export function renderGraphDot(graph: ChannelGraph, locale: Locale): string {
  const t = translator(locale);
  const out = [
    '// The channel graph of a csp-partners manifest: render it with `dot -Tsvg`.',
    'digraph "csp-partners" {',
    '  graph [rankdir=TB, fontname="Helvetica", fontsize=12, newrank=true];',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const { boxed, loose } = nodesByRegion(graph);
  for (const node of loose) if (node.kind === 'microsoft') out.push(`  ${nodeStatement(node, graph, t)}`);
  for (const { group, nodes } of boxed) {
    out.push(`  subgraph ${quoted(`cluster_${group.id}`)} {`);
    out.push(`    label=${label(groupLines(group, t))};`);
    out.push(`    ${['style=rounded', ...emphasis(groupSeverity(group))].join('; ')};`);
    for (const node of nodes) out.push(`    ${nodeStatement(node, graph, t)}`);
    out.push('  }');
  }
  for (const node of loose) if (node.kind !== 'microsoft') out.push(`  ${nodeStatement(node, graph, t)}`);
  for (const edge of graph.edges) out.push(`  ${edgeStatement(edge, graph, t)}`);
  for (const node of nodesBelowMicrosoft(graph)) out.push(`  ${quoted('microsoft')} -> ${quoted(node.id)} [style=invis];`);
  // Last, so that no region box takes this title as its own.
  const note = unplacedLines(graph, t);
  if (note.length) out.push(`  label=${label(note, '\\l')};`, '  labelloc=b;', '  labeljust=l;');
  out.push('}');
  return out.join('\n') + '\n';
}

function nodeStatement(node: GraphNode, graph: ChannelGraph, t: Translate): string {
  const attrs = [`label=${label(nodeLines(node, graph, t))}`, NODE_SHAPES[node.kind], ...emphasis(node.severity)];
  if (node.findings.length) attrs.push(`tooltip=${label(findingLines(node.findings, graph, t))}`);
  return `${quoted(node.id)} [${attrs.join(', ')}];`;
}

function edgeStatement(edge: GraphEdge, graph: ChannelGraph, t: Translate): string {
  const attrs = [`style=${lineStyle(edge)}`];
  const lines = edgeLines(edge, graph, t);
  if (lines.length) attrs.push(`label=${label(lines)}`);
  attrs.push(...emphasis(edge.severity));
  if (edge.findings.length) attrs.push(`tooltip=${label(findingLines(edge.findings, graph, t))}`);
  return `${quoted(edge.source)} -> ${quoted(edge.target)} [${attrs.join(', ')}];`;
}

/** The attributes of an element (or a region) with findings of this severity: its lines and text in its colour, thicker. */
function emphasis(severity: Severity | undefined): string[] {
  const colour = colourOf(severity);
  return colour ? [`color="${colour}"`, `fontcolor="${colour}"`, 'penwidth=2'] : [];
}

/**
 * An id as a DOT quoted string. Only `"` is an escape in DOT's own strings, and a backslash before a line
 * break continues the line: backslashes are doubled so that neither can happen.
 */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Lines of text as a DOT label: each line made literal for Graphviz, which reads backslash escapes (`\n`,
 * `\N`, `\G`…) and HTML entities (`&amp;`) in labels, then joined by `\n` (centred) or `\l` (left-aligned,
 * which also ends the last line).
 */
function label(lines: string[], lineBreak: '\\n' | '\\l' = '\\n'): string {
  const text = lines.map((line) => oneLine(line).replace(/&/g, '&amp;').replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
  return `"${text.join(lineBreak)}${lineBreak === '\\l' ? lineBreak : ''}"`;
}
