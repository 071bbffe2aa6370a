import { Composer, Document, isMap, isPair, isSeq, Node, Pair, Parser } from 'yaml';
import { OuterAnchors, setOuterAnchors } from './anchors';
import { MAX_NESTING, tooDeepIn } from './nesting';
import { composeQuietly, PARSE_OPTIONS, unreadableNodes } from './parse';
import type { Segment } from './segments';
import type { TextLike } from './text';

/**
 * Parses one segment on its own with the `yaml` package, at the segment's offset so that node ranges
 * are offsets in the whole text. Only a segment that parses cleanly stands for its part of the whole
 * text: any error, warning, alias that resolves to nothing, or merge whose source is not a mapping means
 * the segment's meaning depends on the rest of the text, and the caller parses whole. An alias with no
 * anchor before it in the segment names one written before the segment (`outer`, see manifest.ts).
 *
 * The `yaml` version is pinned in package.json: `Parser.offset` is what lets a parse start mid-text,
 * and test/segments.test.ts checks that these parses equal a parse of the whole text.
 */

export type SegmentNode =
  /** An entry of `partners` or `customers`: the list item (a mapping, or whatever was written). */
  | { kind: 'entry'; item: Node | null; doc: Document.Parsed }
  /** A top-level `key: value` pair (a header parses as its key with an empty value). */
  | { kind: 'pair'; pair: Pair<Node, Node | null>; doc: Document.Parsed }
  | { kind: 'prelude' };

export function parseSegment(text: TextLike, segment: Segment, outer?: OuterAnchors): SegmentNode | undefined {
  if (segment.kind === 'prelude') return { kind: 'prelude' };
  const source = detached(text.slice(segment.start, segment.end));
  const doc = parseAt(source, segment.start, segment.kind === 'entry' ? 1 : 0, outer);
  if (!doc) return undefined;
  const contents = doc.contents;
  if (segment.kind === 'entry') {
    if (!isSeq(contents) || contents.items.length !== 1) return undefined;
    return { kind: 'entry', item: contents.items[0] ?? null, doc };
  }
  if (!isMap(contents) || contents.items.length !== 1 || !isPair(contents.items[0])) return undefined;
  return { kind: 'pair', pair: contents.items[0], doc };
}

/**
 * A copy of `slice` that does not keep the text it was cut from alive. Every value read from a segment
 * is a substring of its source, and a substring of a substring of the whole text would pin each old
 * version of the text for as long as an unchanged entry read from it lives.
 */
function detached(slice: string): string {
  // Concatenation makes a new string; cutting the added character off refers to that string only.
  return ` ${slice}`.slice(1);
}

/** One clean document parsed from `source` as if it started at `offset` (`depth` levels down), or undefined. */
function parseAt(source: string, offset: number, depth: number, outer: OuterAnchors | undefined): Document.Parsed | undefined {
  const parser = new Parser();
  parser.offset = offset;
  const tokens = [...parser.parse(source)];
  // Levels counted as in the whole text, where an entry sits in the root mapping: too deep, the whole text says so.
  if (tooDeepIn(tokens, MAX_NESTING, depth) >= 0) return undefined;
  const docs = composeQuietly(() => [...new Composer(PARSE_OPTIONS).compose(tokens, true, offset + source.length)]);
  if (docs.length !== 1) return undefined;
  const doc = docs[0];
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (outer) setOuterAnchors(doc, outer);
  // An alias to nothing written before, a bad merge, or a key the whole text reports (see parse.ts): the whole text decides.
  const unreadable = unreadableNodes(doc);
  if (
    unreadable.duplicateKeys.length ||
    unreadable.complexKeys.length ||
    unreadable.unresolvedAliases.length ||
    unreadable.badMerges.length
  )
    return undefined;
  return doc;
}
