/**
 * Shrinks a failing case while the same check still fails in the same class (delta debugging): first
 * the edits (all of them folded into the opened text, then steps dropped), then the document (chunks
 * of lines, then of characters). Bounded by a deadline: what is smallest by then is kept.
 */
import type { Position } from 'vscode-languageserver-protocol';
import { editCount, FuzzCase, Probe, Step } from './case';
import { applyChange, applyChanges, LspText } from './lsp-text';

type StillFails = (candidate: FuzzCase) => Promise<boolean>;

/** A case as the minimizer sees it: the edits, and the requests asked after the last one. */
interface Shape {
  document: string;
  edits: Step[];
  probes: Probe[];
}

function shapeOf(fuzzCase: FuzzCase): Shape {
  const last = fuzzCase.steps[fuzzCase.steps.length - 1];
  const edits = fuzzCase.steps.filter((s) => s.changes.length).map((s) => ({ ...s, probes: [] }));
  return { document: fuzzCase.document, edits, probes: last?.probes ?? [] };
}

/** A position moved inside the text, where client and server would clamp it. */
const clamped = (lines: LspText, position: Position) => lines.positionAt(lines.offsetAt(position));

/**
 * The case of a shape. Positions are kept inside the text they apply to, as the server would clamp
 * them: an edit past the end of a shorter document appends, a request past it would be malformed.
 */
function caseOf({ document, edits, probes }: Shape): FuzzCase {
  let text = document;
  const inside = edits.map((step) => ({
    ...step,
    changes: step.changes.map((change) => {
      const lines = new LspText(text);
      text = applyChange(text, change);
      return { ...change, range: { start: clamped(lines, change.range.start), end: clamped(lines, change.range.end) } };
    }),
  }));
  const final = new LspText(text);
  const steps: Step[] = [{ edit: 'open', changes: [], probes: [] }, ...inside];
  const probesInside = probes.map((p) => (p.position ? { ...p, position: clamped(final, p.position) } : p));
  steps[steps.length - 1] = { ...steps[steps.length - 1], probes: probesInside };
  return { document, steps };
}

/**
 * Removes chunks of `items` (halving the chunk size down to one) while `fails` holds. Items `keep`
 * says must stay (request positions) are never removed.
 */
async function shrink<T>(items: T[], keep: (item: T) => boolean, fails: (items: T[]) => Promise<boolean>, deadline: number): Promise<T[]> {
  let current = items;
  for (let size = Math.max(1, current.length >> 1); ; size >>= 1) {
    for (let i = 0; i < current.length && performance.now() < deadline;) {
      const candidate = [...current.slice(0, i), ...current.slice(i, i + size).filter(keep), ...current.slice(i + size)];
      if (candidate.length < current.length && (await fails(candidate))) current = candidate;
      else i += size;
    }
    if (size <= 1 || performance.now() >= deadline) return current;
  }
}

/** The document as pieces (lines or characters), with a marker where each request's position is. */
type Piece = { text: string } | { probe: number };

function piecesOf(shape: Shape, split: (text: string) => string[]): Piece[] {
  const lines = new LspText(shape.document);
  const marks = shape.probes
    .flatMap((p, probe) => (p.position ? [{ probe, offset: lines.offsetAt(p.position) }] : []))
    .sort((a, b) => a.offset - b.offset);
  const pieces: Piece[] = [];
  let from = 0;
  for (const { probe, offset } of marks) {
    pieces.push(...split(shape.document.slice(from, offset)).map((text) => ({ text })), { probe });
    from = offset;
  }
  pieces.push(...split(shape.document.slice(from)).map((text) => ({ text })));
  return pieces;
}

function shapeOfPieces(shape: Shape, pieces: Piece[]): Shape {
  let document = '';
  const offsets = new Map<number, number>();
  for (const piece of pieces) {
    if ('text' in piece) document += piece.text;
    else offsets.set(piece.probe, document.length);
  }
  const lines = new LspText(document);
  const probes = shape.probes.map((p, i) => (offsets.has(i) ? { ...p, position: lines.positionAt(offsets.get(i)!) } : p));
  return { ...shape, document, probes };
}

const splitLines = (text: string) => text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
// Characters by code point: a surrogate pair is never cut in two (the saved document would not be the same text).
const splitCharacters = (text: string) => [...text];

export async function minimize(fuzzCase: FuzzCase, fails: StillFails, deadline: number): Promise<FuzzCase> {
  let best = shapeOf(fuzzCase);
  const attempt = async (candidate: Shape) => {
    if (performance.now() >= deadline || !(await fails(caseOf(candidate)))) return false;
    best = candidate;
    return true;
  };
  // Most failures do not need the edits: the text they made, opened whole, shows them too.
  if (editCount(fuzzCase) > 0) {
    const last = caseOf(best).steps.at(-1)!;
    const edited = best.edits.reduce((text, step) => applyChanges(text, step.changes), best.document);
    await attempt({ document: edited, edits: [], probes: last.probes });
  }
  if (best.edits.length > 1) {
    await shrink(
      best.edits,
      () => false,
      (edits) => attempt({ ...best, edits }),
      deadline,
    );
  }
  // Without edits, request positions move with the text (markers); with edits, they stay where they were.
  const markers = best.edits.length === 0;
  for (const split of [splitLines, splitCharacters]) {
    const shape = best;
    const pieces = markers ? piecesOf(shape, split) : split(shape.document).map((text) => ({ text }));
    await shrink<Piece>(
      pieces,
      (p) => 'probe' in p,
      (kept) => attempt(shapeOfPieces(shape, kept)),
      deadline,
    );
  }
  return caseOf(best);
}
