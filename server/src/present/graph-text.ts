/**
 * What a drawing of the channel graph says, whatever its syntax: a node's lines of text, an edge's label, a
 * region's title, the findings of an element, the line of each edge kind and the colour of each severity.
 * The DOT and Mermaid renderers (graph-dot.ts, graph-mermaid.ts) only escape and place these.
 */
import type { ChannelGraph, GraphEdge, GraphGroup, GraphNode } from '../core/graph';
import type { Severity } from '../core/finding';
import type { Translate } from '../messages';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** Sales and supply are solid; a path the reseller's `providers` lacks is dashed, as is management; ownership is dotted. */
export function lineStyle(edge: GraphEdge): LineStyle {
  if (edge.kind === 'manages') return 'dashed';
  if (edge.kind === 'owns') return 'dotted';
  if (edge.kind === 'provides' && edge.linked === false) return 'dashed';
  return 'solid';
}

/** The colours an element with findings is drawn in; info and hint findings are shown by their rule ids only. */
export const SEVERITY_COLOURS: Partial<Record<Severity, string>> = { error: '#d00000', warning: '#e07000' };

/** The colour of an element (or a region) by its worst finding, or none. */
export function colourOf(severity: Severity | undefined): string | undefined {
  return severity && SEVERITY_COLOURS[severity];
}

/** Text as one line: line breaks, tabs and other control characters become spaces (a drawing breaks its own lines). */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** The rule ids of an element's findings, each once, in brackets: the line a drawing adds under its text. */
function rulesLine(element: { findings: number[] }, graph: ChannelGraph): string[] {
  if (!element.findings.length) return [];
  return [`[${[...new Set(element.findings.map((i) => graph.findings[i].rule))].join(', ')}]`];
}

/**
 * A node's text, line by line: its name; its id (when the name is not the id) and its kind in words; the
 * rule ids of its findings. A collapsed node says how many customers it stands for.
 */
export function nodeLines(node: GraphNode, graph: ChannelGraph, t: Translate): string[] {
  if (node.kind === 'microsoft') return [node.label, ...rulesLine(node, graph)];
  if (node.kind === 'customers') return [t('graph.customers', { count: node.count ?? 0 }), ...rulesLine(node, graph)];
  const kind = t(`graph.kind.${node.kind}`);
  const identity = node.entity !== undefined && node.entity !== node.label ? `${node.entity} · ${kind}` : kind;
  return [node.label, identity, ...rulesLine(node, graph)];
}

/** An edge's label, line by line (none for most): how many subscriptions a sale carries past one, the rule ids of its findings. */
export function edgeLines(edge: GraphEdge, graph: ChannelGraph, t: Translate): string[] {
  const lines = edge.subscriptions !== undefined && edge.subscriptions > 1 ? [t('graph.subscriptions', { count: edge.subscriptions })] : [];
  return [...lines, ...rulesLine(edge, graph)];
}

/** A region's title: its id, then the errors and warnings on its nodes and the edges into them. */
export function groupLines(group: GraphGroup, t: Translate): string[] {
  return [group.id, t('graph.region-findings', { errors: group.errors, warnings: group.warnings })];
}

/** The worst severity a region's counts show, for its frame. */
export function groupSeverity(group: GraphGroup): Severity | undefined {
  return group.errors ? 'error' : group.warnings ? 'warning' : undefined;
}

/** Findings as lines `severity rule (line N): message`, for a tooltip or the note of findings about no element. */
export function findingLines(indexes: readonly number[], graph: ChannelGraph, t: Translate): string[] {
  return indexes.map((i) => {
    const f = graph.findings[i];
    // The message after the catalogue's words: a placeholder would cut it at 200 characters.
    return `${t('graph.finding', { severity: f.severity, rule: f.rule, line: f.range.start.line + 1 })}: ${oneLine(f.message)}`;
  });
}

/** The note under a drawing that lists the findings about no node or edge (YAML syntax, the manifest's own keys); none without. */
export function unplacedLines(graph: ChannelGraph, t: Translate): string[] {
  return graph.unplaced.length ? [t('graph.unplaced'), ...findingLines(graph.unplaced, graph, t)] : [];
}

/** The nodes drawn in each region's box, in the groups' order, and those in none (Microsoft, a country with no market). */
export function nodesByRegion(graph: ChannelGraph): { boxed: { group: GraphGroup; nodes: GraphNode[] }[]; loose: GraphNode[] } {
  const boxed = graph.groups.map((group) => ({ group, nodes: graph.nodes.filter((n) => n.region === group.id) }));
  const grouped = new Set(graph.groups.map((g) => g.id));
  return { boxed, loose: graph.nodes.filter((n) => n.region === undefined || !grouped.has(n.region)) };
}

/**
 * The nodes nothing points to, when Microsoft is drawn: they would stand beside it on the top rank, so a
 * drawing links Microsoft to them unseen, which puts them below it.
 */
export function nodesBelowMicrosoft(graph: ChannelGraph): GraphNode[] {
  if (!graph.nodes.some((n) => n.kind === 'microsoft')) return [];
  const targets = new Set(graph.edges.map((e) => e.target));
  return graph.nodes.filter((n) => n.kind !== 'microsoft' && !targets.has(n.id));
}
