// The drawing as an SVG document: the nodes, edges and region boxes where cytoscape has them now, in the
// colours and line styles it paints them with (read from each element's computed style).
import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number) => (Math.round(value * 10) / 10).toString();

function dashes(style: string, width: number): string {
  if (style === 'dashed') return ` stroke-dasharray="${n(width * 4)} ${n(width * 2)}"`;
  if (style === 'dotted') return ` stroke-dasharray="${n(width)} ${n(width * 1.5)}"`;
  return '';
}

/** The outline of a node's shape around its centre, as an SVG element. */
function shape(node: NodeSingular, paint: string): string {
  const { x, y } = node.position();
  const w = node.width();
  const h = node.height();
  const polygon = (points: [number, number][]) =>
    `<polygon points="${points.map(([px, py]) => `${n(x + (px * w) / 2)},${n(y + (py * h) / 2)}`).join(' ')}"${paint}/>`;
  switch (node.style('shape') as string) {
    case 'ellipse':
      return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(h / 2)}"${paint}/>`;
    case 'hexagon':
      return polygon([[-1, 0], [-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1]]); // prettier-ignore
    case 'octagon':
      return polygon([[-1, -0.4], [-0.6, -1], [0.6, -1], [1, -0.4], [1, 0.4], [0.6, 1], [-0.6, 1], [-1, 0.4]]); // prettier-ignore
    case 'rectangle':
      return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}"${paint}/>`;
    default: {
      // round-rectangle, barrel: a rounded box.
      const radius = Math.min(8, h / 4);
      return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${radius}"${paint}/>`;
    }
  }
}

function text(at: Position, content: string, colour: string, font: string, size: number, extra = ''): string {
  const attributes = `x="${n(at.x)}" y="${n(at.y)}" fill="${colour}" font-family="${escape(font)}" font-size="${size}"`;
  return `<text ${attributes} text-anchor="middle"${extra}>${escape(content)}</text>`;
}

/** The label as cytoscape shows it: cut with an ellipsis to the width it is given. */
function fitted(label: string, maxWidth: number, size: number): string {
  const chars = Math.max(3, Math.floor(maxWidth / (size * 0.58)));
  return label.length <= chars ? label : `${label.slice(0, chars - 1)}…`;
}

function edgePath(edge: EdgeSingular): { d: string; end: Position; from: Position } {
  const source = edge.sourceEndpoint();
  const target = edge.targetEndpoint();
  const controls = (edge.controlPoints() as Position[] | undefined) ?? [];
  if (controls.length === 0) return { d: `M${n(source.x)},${n(source.y)} L${n(target.x)},${n(target.y)}`, end: target, from: source };
  const last = controls[controls.length - 1];
  const through = controls.map((c) => `${n(c.x)},${n(c.y)}`).join(' ');
  return { d: `M${n(source.x)},${n(source.y)} Q${through} ${n(target.x)},${n(target.y)}`, end: target, from: last };
}

function arrow(end: Position, from: Position, size: number, colour: string): string {
  const angle = Math.atan2(end.y - from.y, end.x - from.x);
  const point = (a: number, r: number) => `${n(end.x - r * Math.cos(angle + a))},${n(end.y - r * Math.sin(angle + a))}`;
  return `<polygon points="${n(end.x)},${n(end.y)} ${point(0.45, size)} ${point(-0.45, size)}" fill="${colour}"/>`;
}

export function toSvg(cy: Core, background: string, fontFamily: string): string {
  const box = cy.elements(':visible').boundingBox({ includeLabels: true });
  const pad = 20;
  const out: string[] = [];
  const width = Math.ceil(box.w + 2 * pad);
  const height = Math.ceil(box.h + 2 * pad);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="${n(box.x1 - pad)} ${n(box.y1 - pad)} ${width} ${height}">`,
    `<rect x="${n(box.x1 - pad)}" y="${n(box.y1 - pad)}" width="${width}" height="${height}" fill="${background}"/>`,
  );
  for (const region of cy.nodes(':parent:visible').toArray()) {
    const b = region.boundingBox({ includeLabels: false, includeOverlays: false });
    const stroke = region.style('border-color') as string;
    out.push(
      `<rect x="${n(b.x1)}" y="${n(b.y1)}" width="${n(b.w)}" height="${n(b.h)}" rx="8" fill="${region.style('background-color')}" ` +
        `fill-opacity="${region.style('background-opacity')}" stroke="${stroke}"${dashes('dashed', 1)}/>`,
      text(
        { x: b.x1 + b.w / 2, y: b.y1 - 6 },
        region.data('label') as string,
        region.style('color') as string,
        fontFamily,
        12,
        ' font-weight="bold"',
      ),
    );
  }
  for (const edge of cy.edges(':visible').toArray()) {
    const colour = edge.style('line-color') as string;
    const width = edge.numericStyle('width') as number;
    const path = edgePath(edge);
    out.push(
      `<path d="${path.d}" fill="none" stroke="${colour}" stroke-width="${n(width)}"${dashes(edge.style('line-style') as string, width)}/>`,
      arrow(path.end, path.from, 6 + width * 2, colour),
    );
    const label = edge.data('label') as string;
    if (label) out.push(text(edge.midpoint(), label, edge.style('color') as string, fontFamily, 10, ' dominant-baseline="middle"'));
  }
  for (const node of cy.nodes(':childless:visible').toArray()) {
    const border = node.numericStyle('border-width') as number;
    const paint =
      ` fill="${node.style('background-color')}" fill-opacity="${node.style('background-opacity')}"` +
      ` stroke="${node.style('border-color')}" stroke-width="${n(border)}"${dashes(node.style('border-style') as string, border)}`;
    out.push(shape(node, paint));
    const label = fitted(node.data('label') as string, node.data('textWidth') as number, 12);
    const weight = node.style('font-weight') === 'bold' ? ' font-weight="bold"' : '';
    out.push(text(node.position(), label, node.style('color') as string, fontFamily, 12, ` dominant-baseline="middle"${weight}`));
  }
  out.push('</svg>');
  return out.join('\n');
}
