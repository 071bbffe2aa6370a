// The colours of the drawing, taken from the theme's CSS variables (VS Code sets them on the page and
// changes them with the theme), and the cytoscape stylesheet made of them. Cytoscape paints on a canvas,
// so the values are read once per theme and turned into plain colours it understands.
import type { StylesheetJson } from 'cytoscape';

export interface Palette {
  background: string;
  foreground: string;
  muted: string;
  lines: string;
  focus: string;
  selection: string;
  error: string;
  warning: string;
  info: string;
  microsoft: string;
  provider: string;
  reseller: string;
  directBill: string;
  fontFamily: string;
}

/** `#rrggbb` for any CSS colour, with its alpha dropped (canvas colours may not carry one cytoscape reads). */
function plain(value: string, fallback: string): string {
  const context = document.createElement('canvas').getContext('2d');
  if (!context || !value) return fallback;
  context.fillStyle = fallback;
  context.fillStyle = value;
  const normalized = context.fillStyle;
  if (normalized.startsWith('#')) return normalized;
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(normalized);
  return rgb
    ? `#${rgb
        .slice(1, 4)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`
    : fallback;
}

/** The first of these theme variables that is set, as a plain colour. */
function themeColour(names: string[], fallback: string): string {
  const style = getComputedStyle(document.documentElement);
  for (const name of names) {
    const value = style.getPropertyValue(name).trim();
    if (value) return plain(value, fallback);
  }
  return fallback;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  return {
    background: themeColour(['--vscode-editor-background'], '#1e1e1e'),
    foreground: themeColour(['--vscode-editor-foreground', '--vscode-foreground'], '#cccccc'),
    muted: themeColour(['--vscode-descriptionForeground'], '#9d9d9d'),
    lines: themeColour(['--vscode-charts-lines', '--vscode-editorWidget-border', '--vscode-descriptionForeground'], '#808080'),
    focus: themeColour(['--vscode-focusBorder'], '#007fd4'),
    selection: themeColour(['--vscode-editor-selectionBackground', '--vscode-focusBorder'], '#264f78'),
    error: themeColour(['--vscode-errorForeground', '--vscode-editorError-foreground'], '#f14c4c'),
    warning: themeColour(['--vscode-editorWarning-foreground', '--vscode-list-warningForeground'], '#cca700'),
    info: themeColour(['--vscode-editorInfo-foreground'], '#3794ff'),
    microsoft: themeColour(['--vscode-charts-blue', '--vscode-textLink-foreground'], '#3794ff'),
    provider: themeColour(['--vscode-charts-purple'], '#b180d7'),
    reseller: themeColour(['--vscode-charts-green'], '#89d185'),
    directBill: themeColour(['--vscode-textLink-foreground', '--vscode-charts-blue'], '#3794ff'),
    fontFamily: style.getPropertyValue('--vscode-font-family').trim() || 'sans-serif',
  };
}

export function stylesheet(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'label': 'data(label)',
        'font-family': p.fontFamily,
        'font-size': 12,
        'color': p.foreground,
        'text-valign': 'center',
        'text-halign': 'center',
        'height': 34,
        'shape': 'round-rectangle',
        'background-color': p.muted,
        'background-opacity': 0.16,
        'border-width': 1.5,
        'border-color': p.muted,
      },
    },
    // Region boxes take their size from their nodes; the others from their label.
    { selector: 'node[width]', style: { 'width': 'data(width)', 'text-wrap': 'ellipsis', 'text-max-width': 'data(textWidth)' } },
    {
      selector: 'node[kind = "microsoft"]',
      style: {
        'background-color': p.microsoft,
        'border-color': p.microsoft,
        'background-opacity': 0.35,
        'height': 44,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node[kind = "indirect-provider"]',
      style: { 'shape': 'hexagon', 'background-color': p.provider, 'border-color': p.provider },
    },
    { selector: 'node[kind = "indirect-reseller"]', style: { 'background-color': p.reseller, 'border-color': p.reseller } },
    {
      selector: 'node[kind = "direct-bill"]',
      style: { 'shape': 'octagon', 'background-color': p.directBill, 'border-color': p.directBill },
    },
    { selector: 'node[kind = "partner"]', style: { 'shape': 'rectangle', 'border-style': 'dashed' } },
    {
      selector: 'node[kind = "customer"]',
      style: { 'shape': 'ellipse', 'background-color': p.foreground, 'background-opacity': 0.06, 'border-color': p.muted, 'height': 30 },
    },
    {
      selector: 'node[kind = "customers"]',
      style: {
        'shape': 'barrel',
        'background-color': p.foreground,
        'background-opacity': 0.1,
        'border-style': 'double',
        'border-width': 4,
      },
    },
    {
      selector: 'node[kind = "region"]',
      style: {
        'shape': 'round-rectangle',
        'background-color': p.foreground,
        'background-opacity': 0.03,
        'border-style': 'dashed',
        'border-width': 1,
        'border-color': p.muted,
        'color': p.muted,
        'font-weight': 'bold',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'padding': '18px',
      },
    },
    {
      selector: 'edge',
      style: {
        'width': 1.5,
        'line-color': p.lines,
        'target-arrow-color': p.lines,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
      },
    },
    // Straight edges cost far less to place than curves that keep parallel edges apart: for large channels.
    { selector: 'edge.straight', style: { 'curve-style': 'straight' } },
    {
      selector: 'edge[label != ""]',
      style: {
        'label': 'data(label)',
        'font-family': p.fontFamily,
        'font-size': 10,
        'color': p.foreground,
        'text-background-color': p.background,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
      },
    },
    { selector: 'edge[kind = "supplies"]', style: { width: 2.5 } },
    { selector: 'edge.unlinked', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "manages"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
    { selector: 'edge[kind = "owns"]', style: { 'line-style': 'dotted' } },
    // Findings last: their colour wins over the kind's.
    { selector: 'node.sev-info', style: { 'border-color': p.info, 'border-width': 3 } },
    { selector: 'edge.sev-info', style: { 'line-color': p.info, 'target-arrow-color': p.info, 'width': 2.5 } },
    { selector: 'node.sev-warning', style: { 'border-color': p.warning, 'border-width': 3.5, 'color': p.warning } },
    { selector: 'edge.sev-warning', style: { 'line-color': p.warning, 'target-arrow-color': p.warning, 'width': 2.5 } },
    { selector: 'node.sev-error', style: { 'border-color': p.error, 'border-width': 3.5, 'color': p.error } },
    { selector: 'edge.sev-error', style: { 'line-color': p.error, 'target-arrow-color': p.error, 'width': 2.5 } },
    { selector: 'node.cursor', style: { 'underlay-color': p.selection, 'underlay-padding': 8, 'underlay-opacity': 0.8 } },
    { selector: 'node.matched', style: { 'outline-color': p.focus, 'outline-width': 3, 'outline-offset': 3, 'outline-opacity': 1 } },
    { selector: 'node:selected', style: { 'overlay-color': p.focus, 'overlay-opacity': 0.2, 'overlay-padding': 4 } },
    { selector: 'edge:selected', style: { 'overlay-color': p.focus, 'overlay-opacity': 0.25, 'overlay-padding': 3 } },
  ];
}
