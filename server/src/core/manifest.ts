import { Document, isAlias, isMap, isSeq, Lexer, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { Checker, Indexes, orderOf, Unit } from './checker';
import { Base, Loc, placeNodes, placementOf } from './loc';
import {
  Customer,
  Entity,
  EntrySlot,
  ListName,
  Model,
  Subscription,
  Partner,
  Path,
  readEntry,
  Reference,
  referencesOf,
  moveOnto,
  renumber,
  sameContent,
} from './model';
import { anchoredNodes, anchorNames, lastAnchored, OuterAnchors } from './anchors';
import {
  deref,
  keyNode,
  keyNodeAtPath,
  nodeAtPath,
  nodeBelow,
  parseText,
  ParsedText,
  SyntaxProblem,
  valueNode,
  writtenBelow,
} from './parse';
import { rules } from './rules';
import type { SyntaxAccess } from './rules/rule';
import { RootPair, SchemaProblem, validateDocument, validateEntry, validateRootPairs } from './schema';
import { parseSegment } from './segment-parse';
import { Edit, recut, resegment, Segment, segment, segmentInSlices } from './segments';
import { suppressionMarks } from './suppress';
import { Rope } from './rope';
import { LineIndex, stripBom } from './text';

/**
 * One manifest text and everything checked about it, kept up to date edit by edit.
 *
 * A text whose top level is plain (see segments.ts) is held as segments, each parsed on its own: an
 * edit re-parses the segments it touched, re-reads and re-validates their entries, and runs again
 * only the rule units that may report differently (checker.ts). No syntax tree of the whole text is
 * kept. Any other text, and any text while one of its segments does not parse cleanly, is parsed
 * whole, as the `yaml` package alone can say what a broken or unusual text means.
 *
 * An alias (or a merge, `<<: *defaults`) may name an anchor written in an earlier segment (a shared
 * block under a top-level `x-` key, an MPA record in the first partner): the segment's parse resolves it
 * to the anchored node of that segment's parse (see `outerAnchors`), whose places stay relative to its
 * own segment. When a segment that defines an anchor name changes, every segment that asked for that
 * name is read again, and in turn those that asked for theirs; an edit elsewhere reads only what it touched.
 */

interface EntryState {
  kind: 'entry';
  slot?: EntrySlot;
  problems: SchemaProblem[];
}
interface PairState {
  kind: 'pair';
  root: RootPair;
  list?: ListName;
  slots: EntrySlot[];
  problems: SchemaProblem[][];
}
type SegmentState = EntryState | PairState | { kind: 'prelude' };

/** The result of parsing the whole text, for texts that are not (or not now) segmented. */
interface WholeParse {
  parsed: ParsedText;
  /** The syntax tree; undefined when the parse was made elsewhere (see `settle`), then made here if asked for. */
  doc?: Document.Parsed;
  problems: SchemaProblem[];
  sections?: Section[];
}

/**
 * An anchor as a version of the text reads it, for completion and hover: the anchored node and the
 * document it was parsed in (to follow its own aliases and merges), and where the node is written.
 */
export interface Anchored {
  name: string;
  node: Node;
  doc: Document;
  /** Offsets of the node in the current text (its start is after the `&name`). */
  start: number;
  end: number;
}

/** A `partners` or `customers` list for the outline: its key's range and where the list ends. */
export interface Section {
  key: ListName;
  key0: number;
  key1: number;
  end: number;
}

/** What a parse of the whole text says of a text with YAML errors: all `settle` needs, as plain data (it may cross threads). */
export interface WholeSyntax {
  syntaxProblems: SyntaxProblem[];
  sections: Section[];
}

/** The syntax problems and sections of a whole-text parse. */
export function wholeSyntaxOf(text: string): WholeSyntax {
  const parsed = parseText(text);
  return { syntaxProblems: parsed.syntaxProblems, sections: sectionsOf(parsed.doc) };
}

function sectionsOf(doc: Document | undefined): Section[] {
  const out: Section[] = [];
  const root = doc?.contents;
  if (!isMap(root)) return out;
  for (const pair of root.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    const range = (pair.key as Node | null)?.range;
    if ((key !== 'partners' && key !== 'customers') || !range) continue;
    out.push({ key, key0: range[0], key1: range[1], end: (pair.value as Node | null)?.range?.[1] ?? range[1] });
  }
  return out;
}

const LISTS: readonly ListName[] = ['partners', 'customers'];
/** Entities registered at once while a text is read in slices (see `Manifest.open`). */
const REGISTER_SLICE = 2000;
/** How many entries' syntax trees `syntax()` keeps (the oldest goes first). */
const RECENT_SYNTAX = 32;

export class Manifest {
  /** From edits × segments this large, edits at once are cut afresh (see `recut`) rather than edit by edit; tests change it. */
  static recutFrom = 4_000_000;

  /** The text, kept in chunks: an edit makes the next version without copying the whole text. */
  text: Rope;
  lines: LineIndex;
  private segments: Segment[] | undefined;
  private readonly states = new Map<Segment, SegmentState>();
  /** Where each segment holds the word of a suppression comment (offsets from its start); most hold none. */
  private readonly marks = new Map<Segment, number[]>();
  /** Segments that do not parse cleanly on their own: while there are any, the text is parsed whole. */
  private readonly broken = new Set<Segment>();
  private whole: WholeParse | undefined;
  private lists: Record<ListName, EntrySlot[]> = { partners: [], customers: [] };
  private rootProblems: SchemaProblem[] = [];
  /** Entries with schema problems, so that collecting findings does not walk every entry. */
  private readonly withProblems = new Set<EntrySlot>();
  private readonly indexes = new Indexes();
  /** Anchors across segments (see `outerAnchors`): each name's defining segments, in text order. */
  private readonly definers = new Map<string, Segment[]>();
  /** The parse of each segment that defines anchors (its nodes are what other segments' aliases name), and where it started. */
  private readonly defined = new Map<Segment, { doc: Document; parsedAt: number; names: string[] }>();
  /** The segments that asked for each name from before them (resolved or not), and the names each asked for. */
  private readonly askers = new Map<string, Set<Segment>>();
  private readonly asked = new Map<Segment, Set<string>>();
  /** The segments whose reading holds nodes of each defining segment (for `entitiesAt`), and the reverse. */
  private readonly readers = new Map<Segment, Set<Segment>>();
  private readonly readFrom = new Map<Segment, Set<Segment>>();
  /** The segment being read: only a live or current segment notes what it asks for. */
  private reading: Segment | undefined;
  /** Counts changes of the entry lists, for the model's cached arrays. */
  private generation = 0;
  private checker: Checker;
  readonly model: Model;

  /** From a text, or from a text and its lines that the caller has made already (the server's document, without a BOM). */
  constructor(source: string | { text: Rope; lines: LineIndex }, read = true) {
    this.text = typeof source === 'string' ? Rope.of(stripBom(source)) : source.text;
    this.lines = typeof source === 'string' ? new LineIndex(this.text) : source.lines;
    this.model = this.makeModel();
    this.checker = new Checker(this.indexes, rules, { model: this.model, indexes: this.indexes });
    if (read) this.rebuild();
  }

  /**
   * Reads a text in slices of about `sliceMs`, awaiting `pause()` between them, so that a server can
   * answer other requests while a large manifest is read. The result is the same as `new Manifest(text)`.
   * (A text that is parsed whole is parsed in one go: the `yaml` parser cannot be paused.)
   */
  static async open(source: string | { text: Rope; lines: LineIndex }, pause: () => Promise<void>, sliceMs = 15): Promise<Manifest> {
    const manifest = new Manifest(source, false);
    let deadline = performance.now() + sliceMs;
    const due = () => performance.now() >= deadline;
    const nextSlice = async () => {
      await pause();
      deadline = performance.now() + sliceMs;
    };
    const slice = () => (due() ? nextSlice() : undefined);
    const segments = await segmentInSlices(manifest.text, due, nextSlice);
    if (!segments) {
      manifest.parseWhole();
      return manifest;
    }
    manifest.segments = segments;
    for (const s of segments) {
      manifest.readSegment(s);
      await slice();
    }
    const came = manifest.afterSegmentsChanged([], segments, true);
    // Every entity is in the indexes before any unit runs: a unit looks up the others.
    const units: Unit[] = [];
    for (let i = 0; i < came.length; i += REGISTER_SLICE) {
      for (const unit of manifest.checker.register(came.slice(i, i + REGISTER_SLICE))) units.push(unit);
      await slice();
    }
    for (const unit of units) {
      manifest.checker.run(unit);
      await slice();
    }
    return manifest;
  }

  /**
   * Replaces [start, end) of the text by `inserted`. A caller that has already made the edited text and
   * its lines (the server's document) passes them as `next`, so that they are made once.
   */
  edit(start: number, end: number, inserted: string, next?: { text: Rope; lines: LineIndex }): void {
    const text = next?.text ?? this.text.edit(start, end, inserted);
    const lines = next?.lines ?? this.lines.edited(text, start, end, inserted);
    this.editMany(text, [{ start, end, length: inserted.length }], lines);
  }

  /**
   * The text after several edits at once: `edits` are in the coordinates of the text before them, in
   * order and apart. Each is re-cut on the final text in turn; where re-cutting one would read text that
   * a later one changed, the two are taken as one edit. The new pieces are parsed once, at the end.
   */
  private editMany(text: Rope, edits: readonly Edit[], lines: LineIndex): void {
    this.text = text;
    this.lines = lines;
    // Re-cutting edit by edit costs about edits × segments (every later segment moves per edit); cutting afresh, the text once.
    if (this.segments && edits.length * this.segments.length >= Manifest.recutFrom) {
      const result = recut(this.segments, text, edits);
      if (!result) {
        this.rebuild();
        return;
      }
      this.segments = result.segments;
      for (const s of result.removed) this.forgetSegment(s);
      for (const s of result.added) this.readSegment(s);
      this.afterSegmentsChanged(...this.withDependents(result.removed, result.added));
      return;
    }
    let segments = this.segments;
    const removed = new Set<Segment>();
    const added = new Set<Segment>();
    // before[k]: how much the edits before edit k grew the text; their positions in `text` follow from it.
    const before: number[] = [0];
    for (const e of edits) before.push(before[before.length - 1] + e.length - (e.end - e.start));
    for (let i = 0; segments && i < edits.length; i++) {
      let j = i;
      for (;;) {
        const edit = {
          start: edits[i].start + before[i],
          end: edits[j].end + before[i],
          length: edits[j].start + before[j] + edits[j].length - (edits[i].start + before[i]),
        };
        const limit = j + 1 < edits.length ? edits[j + 1].start + before[j + 1] : Infinity;
        const result = resegment(segments, text, edit, limit);
        if (result === 'overrun') {
          j++;
          continue;
        }
        if (!result) {
          segments = undefined;
          break;
        }
        segments = result.segments;
        for (const s of result.removed) if (!added.delete(s)) removed.add(s);
        for (const s of result.added) added.add(s);
        break;
      }
      i = j;
    }
    if (!this.segments || !segments) {
      this.rebuild();
      return;
    }
    this.segments = segments;
    for (const s of removed) this.forgetSegment(s);
    for (const s of added) this.readSegment(s);
    this.afterSegmentsChanged(...this.withDependents([...removed], [...added]));
  }

  /**
   * Applies `edits` (offsets of the current text, not overlapping) at once, and returns the edits that
   * undo them (offsets of the edited text).
   */
  applyEdits(edits: readonly { start: number; end: number; text: string }[]): { start: number; end: number; text: string }[] {
    const ascending = [...edits].sort((a, b) => a.start - b.start);
    const undo: { start: number; end: number; text: string }[] = [];
    let grown = 0;
    for (const e of ascending) {
      undo.push({ start: e.start + grown, end: e.start + grown + e.text.length, text: this.text.slice(e.start, e.end) });
      grown += e.text.length - (e.end - e.start);
    }
    // From the last edit back, so that each edit's offsets still hold when it is made.
    let text = this.text;
    for (let i = ascending.length - 1; i >= 0; i--) text = text.edit(ascending[i].start, ascending[i].end, ascending[i].text);
    const lines = this.lines.editedMany(
      text,
      ascending.map((e) => ({ start: e.start, end: e.end, inserted: e.text })),
    );
    if (ascending.length)
      this.editMany(
        text,
        ascending.map((e) => ({ start: e.start, end: e.end, length: e.text.length })),
        lines,
      );
    return undo;
  }

  /** Parses from scratch: segmented when the text allows it, else whole. */
  private rebuild(): void {
    this.checker.update([...this.checker.units.keys()], []);
    this.clearAnchors();
    this.states.clear();
    this.marks.clear();
    this.broken.clear();
    this.withProblems.clear();
    this.rootProblems = [];
    this.whole = undefined;
    this.lists = { partners: [], customers: [] };
    this.counted = { partners: 0, customers: 0, subscriptions: 0 };
    this.segments = segment(this.text);
    if (!this.segments) {
      this.parseWhole();
      return;
    }
    for (const s of this.segments) this.readSegment(s);
    this.afterSegmentsChanged([], this.segments);
  }

  /** Reads the whole text (`parsed`: a parse of it already made). */
  private parseWhole(parsed = parseText(this.text.toString())): void {
    const base: Base = { start: 0 };
    const whole: WholeParse = { parsed, doc: parsed.doc, problems: [] };
    this.whole = whole;
    const slots: Record<ListName, EntrySlot[]> = { partners: [], customers: [] };
    let hasPartnerList = false;
    if (parsed.syntaxProblems.length === 0) {
      const doc = parsed.doc;
      whole.problems = validateDocument(doc, base);
      const root = doc && deref(doc.contents, doc);
      if (doc && isMap(root)) {
        hasPartnerList = isSeq(valueNode(root, 'partners', doc));
        for (const { list, index, item, node } of documentEntries(doc)) {
          const slot: EntrySlot = { list, index, base, paths: [], item: itemLoc(item, base, 0) };
          if (node) slot.entity = readEntry(node, doc, slot, 0, invalidTails(whole.problems, list, index), this.indexes);
          slots[list].push(slot);
        }
      }
    }
    this.lists = slots;
    this.counted = { partners: 0, customers: 0, subscriptions: 0 };
    for (const slot of [...slots.partners, ...slots.customers]) this.count(slot, 1);
    this.indexes.hasPartnerListValue = hasPartnerList;
    const entities = [...slots.partners, ...slots.customers].flatMap((s) => (s.entity ? [s.entity] : []));
    this.checker.update([], entities, [':root']);
    this.generation++;
  }

  /** Parses one new segment and reads what it holds; a segment that does not parse cleanly is noted as broken. */
  private readSegment(segment: Segment): void {
    const marks = suppressionMarks(this.text, segment.start, segment.end);
    if (marks.length)
      this.marks.set(
        segment,
        marks.map((at) => at - segment.start),
      );
    this.reading = segment;
    const node = parseSegment(this.text, segment, this.outerAnchors(segment));
    this.reading = undefined;
    if (node && node.kind !== 'prelude') this.noteAnchors(segment, node.doc);
    if (!node) {
      this.broken.add(segment);
      // Keeps the entry's place in its list, so that the entries after it keep their positions.
      this.states.set(
        segment,
        segment.kind === 'entry' ? { kind: 'entry', slot: this.slotFor(segment.list!, segment), problems: [] } : { kind: 'prelude' },
      );
      return;
    }
    const parsedAt = segment.start;
    if (node.kind === 'prelude') {
      this.states.set(segment, { kind: 'prelude' });
    } else if (node.kind === 'entry') {
      const slot = this.slotFor(segment.list!, segment);
      slot.item = itemLoc(node.item, segment, parsedAt);
      const problems = validateEntry(slot.list, node.item, node.doc, slot, parsedAt);
      const item = deref(node.item, node.doc);
      if (isMap(item)) slot.entity = readEntry(item, node.doc, slot, parsedAt, invalidTails(problems, slot.list), this.indexes);
      this.states.set(segment, { kind: 'entry', slot, problems });
    } else {
      const pair = node.pair;
      const key = segment.key!;
      const list = LISTS.find((l) => l === key);
      // A header's entries are segments of their own: in the root it stands as an empty list.
      const rootPair = segment.kind === 'header' ? new Pair(pair.key, new YAMLSeq()) : pair;
      const state: PairState = {
        kind: 'pair',
        list,
        slots: [],
        problems: [],
        root: { pair: rootPair, doc: node.doc, base: segment, parsedAt },
      };
      const value = deref(pair.value, node.doc);
      if (list && segment.kind === 'pair' && isSeq(value)) {
        // A list written in flow style (or under an anchor) is read here, entry by entry, with its pair.
        value.items.forEach((item) => {
          const slot = this.slotFor(list, segment);
          slot.item = itemLoc(item as Node | null, segment, parsedAt);
          const problems = validateEntry(list, item as Node | null, node.doc, slot, parsedAt);
          const entry = deref(item, node.doc);
          if (isMap(entry)) slot.entity = readEntry(entry, node.doc, slot, parsedAt, invalidTails(problems, list), this.indexes);
          state.slots.push(slot);
          state.problems.push(problems);
        });
      }
      this.states.set(segment, state);
    }
  }

  private slotFor(list: ListName, base: Base): EntrySlot {
    return { list, index: -1, base, paths: [] };
  }

  private forgetSegment(segment: Segment): void {
    this.forgetAnchors(segment);
    this.broken.delete(segment);
    this.marks.delete(segment);
    this.removedStates.set(segment, this.states.get(segment));
    this.states.delete(segment);
  }

  /**
   * What the aliases of `segment` name when its own parse has no anchor of that name before them: the
   * node last anchored with the name in the last segment before it that defines it, as that segment's
   * parse has it (its nodes then know their segment, see `placeNodes`). The name is noted as asked for,
   * found or not, so that the segment is read again when a segment defining it comes or goes.
   */
  private outerAnchors(segment: Segment): OuterAnchors {
    return (name) => {
      const notes = this.reading === segment || this.states.has(segment);
      if (notes) {
        (this.askers.get(name) ?? this.askers.set(name, new Set()).get(name)!).add(segment);
        (this.asked.get(segment) ?? this.asked.set(segment, new Set()).get(segment)!).add(name);
      }
      const definer = this.definerBefore(name, segment.start);
      const parse = definer && this.defined.get(definer);
      const node = parse && lastAnchored(parse.doc, name);
      if (!node) return undefined;
      if (notes) {
        (this.readers.get(definer) ?? this.readers.set(definer, new Set()).get(definer)!).add(segment);
        (this.readFrom.get(segment) ?? this.readFrom.set(segment, new Set()).get(segment)!).add(definer);
      }
      placeNodes(node, { base: definer, parsedAt: parse.parsedAt });
      return node;
    };
  }

  /** The node last anchored with `name` before `offset`, as its defining segment's parse has it; nothing is noted. */
  private anchoredBefore(name: string, offset: number): Node | undefined {
    const definer = this.definerBefore(name, offset);
    const parse = definer && this.defined.get(definer);
    return parse ? lastAnchored(parse.doc, name) : undefined;
  }

  /** The last segment before `offset` that defines anchor `name` (the lists are in text order: a binary search). */
  private definerBefore(name: string, offset: number): Segment | undefined {
    const list = this.definers.get(name);
    if (!list) return undefined;
    let low = 0,
      high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid].start < offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? list[low - 1] : undefined;
  }

  /** Notes the anchors a segment's parse defines (its parse is kept while it stands: other segments' aliases name its nodes). */
  private noteAnchors(segment: Segment, doc: Document): void {
    const names = anchorNames(doc);
    if (names.length === 0) return;
    this.defined.set(segment, { doc, parsedAt: segment.start, names });
    for (const name of names) {
      const list = this.definers.get(name) ?? this.definers.set(name, []).get(name)!;
      let at = list.length;
      while (at > 0 && list[at - 1].start > segment.start) at--;
      list.splice(at, 0, segment);
    }
  }

  private forgetAnchors(segment: Segment): void {
    const parse = this.defined.get(segment);
    if (parse) {
      this.defined.delete(segment);
      this.removedNames.push(...parse.names);
      for (const name of parse.names) {
        const list = this.definers.get(name)!;
        list.splice(list.indexOf(segment), 1);
        if (list.length === 0) this.definers.delete(name);
      }
    }
    for (const name of this.asked.get(segment) ?? []) {
      const set = this.askers.get(name)!;
      set.delete(segment);
      if (set.size === 0) this.askers.delete(name);
    }
    this.asked.delete(segment);
    for (const definer of this.readFrom.get(segment) ?? []) this.readers.get(definer)?.delete(segment);
    this.readFrom.delete(segment);
    this.readers.delete(segment);
  }

  /** Names defined by segments forgotten since the last `withDependents`. */
  private removedNames: string[] = [];

  private clearAnchors(): void {
    for (const map of [this.definers, this.defined, this.askers, this.asked, this.readers, this.readFrom]) map.clear();
    this.removedNames = [];
  }

  /**
   * After `removed` went and `added` came: the segments that asked for a name one of them defines (and,
   * in turn, those that asked for a name one of those defines) read again, in text order, so that each
   * reads what its aliases now name. Returns the segments that went and came, those read again in both.
   */
  private withDependents(removed: Segment[], added: Segment[]): [Segment[], Segment[]] {
    const names = [...this.removedNames];
    this.removedNames = [];
    for (const s of added) names.push(...(this.defined.get(s)?.names ?? []));
    if (names.length === 0 || this.askers.size === 0) return [removed, added];
    const again = new Set<Segment>();
    const seen = new Set<string>();
    while (names.length) {
      const name = names.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const asker of this.askers.get(name) ?? []) {
        if (again.has(asker)) continue;
        again.add(asker);
        names.push(...(this.defined.get(asker)?.names ?? []));
      }
    }
    if (again.size === 0) return [removed, added];
    const fresh = new Set(added);
    const moreRemoved = [...removed];
    const moreAdded = [...added];
    for (const s of [...again].sort((a, b) => a.start - b.start)) {
      this.forgetSegment(s);
      // A segment read in this very edit is simply read again: it has not been counted yet.
      if (fresh.has(s)) this.removedStates.delete(s);
      else {
        moreRemoved.push(s);
        moreAdded.push(s);
      }
      this.readSegment(s);
    }
    this.removedNames = [];
    return [moreRemoved, moreAdded.sort((a, b) => a.start - b.start)];
  }

  /** After segments went and came: lists renumbered, root validated again, units updated. */
  private afterSegmentsChanged(removed: readonly Segment[], added: readonly Segment[], deferUnits = false): Entity[] {
    this.whole = undefined;
    const goneSlots = removed.flatMap((s) => this.slotsOfState(this.removedStates.get(s)));
    const cameSlots = added.flatMap((s) => this.slotsOfState(this.states.get(s)));
    for (const slot of goneSlots) this.count(slot, -1);
    for (const slot of cameSlots) this.count(slot, 1);
    this.removedStates.clear();
    for (const slot of goneSlots) this.withProblems.delete(slot);
    for (const s of added) {
      const state = this.states.get(s);
      if (state?.kind === 'entry' && state.problems.length && state.slot) this.withProblems.add(state.slot);
      if (state?.kind === 'pair')
        state.slots.forEach((slot, i) => {
          if (state.problems[i].length) this.withProblems.add(slot);
        });
    }
    const structural = removed.some((s) => s.kind !== 'entry') || added.some((s) => s.kind !== 'entry');
    if (!structural && LISTS.every((list) => count(goneSlots, list) === count(cameSlots, list))) {
      // Entries replaced one for one (typing inside entries): each new entry takes the old one's place.
      for (const list of LISTS) {
        const gone = goneSlots.filter((slot) => slot.list === list).sort((a, b) => a.index - b.index);
        cameSlots
          .filter((slot) => slot.list === list)
          .forEach((slot, i) => {
            this.lists[list][gone[i].index] = slot;
            renumber(slot, gone[i].index);
          });
      }
    } else {
      this.rebuildLists();
    }
    const gone: Entity[] = [];
    const came: Entity[] = [];
    const quiet = new Set<EntrySlot>();
    for (const [before, after] of goneSlots.length ? pairedByPosition(goneSlots, cameSlots) : []) {
      if (!sameContent(before, after)) continue;
      // The same content at new places: whatever other entries' findings hold of the old reading (places,
      // paths) now follows the new one, so nothing but the entry's own rules needs to run again.
      moveOnto(before.entity, after.entity);
      after.paths.push(...before.paths);
      renumber(after, after.index);
      for (const path of before.paths) path[1] = after.index;
      this.checker.replace(before.entity!, after.entity!);
      quiet.add(before).add(after);
    }
    for (const slot of goneSlots) if (slot.entity && !quiet.has(slot)) gone.push(slot.entity);
    for (const slot of cameSlots) if (slot.entity && !quiet.has(slot)) came.push(slot.entity);
    const dirty: string[] = [];
    if (structural) {
      const hadPartnerList = this.indexes.hasPartnerListValue;
      this.validateRoot();
      if (hadPartnerList !== this.indexes.hasPartnerListValue) dirty.push(':root');
    }
    // A text read anew may leave its entities for the caller to register and check in slices (see `open`).
    if (!deferUnits) this.checker.update(gone, came, dirty);
    this.generation++;
    // What a segment that does not parse alone means is settled by a parse of the whole text, made when
    // the result is asked for: the server makes it off its thread, and later edits may make it moot.
    this.unsettled = this.broken.size > 0;
    return deferUnits ? came : [];
  }

  /** States of segments that were removed, kept until their entries have been taken out of the indexes. */
  private readonly removedStates = new Map<Segment, SegmentState | undefined>();

  private slotsOfState(state: SegmentState | undefined): EntrySlot[] {
    if (state?.kind === 'entry') return state.slot ? [state.slot] : [];
    if (state?.kind === 'pair') return state.slots;
    return [];
  }

  /** How many partners, customers and subscriptions the entries hold, kept as entries come and go (see `counts`). */
  private counted = { partners: 0, customers: 0, subscriptions: 0 };

  private count(slot: EntrySlot, sign: 1 | -1): void {
    const entity = slot.entity;
    if (!entity) return;
    if (entity.kind === 'partner') this.counted.partners += sign;
    else {
      this.counted.customers += sign;
      this.counted.subscriptions += sign * entity.subscriptions.length;
    }
  }

  /** The model's numbers of partners, customers and subscriptions, without a walk over them (a status bar asks every version). */
  counts(): { partners: number; customers: number; subscriptions: number } {
    return this.hasSyntaxErrors ? { partners: 0, customers: 0, subscriptions: 0 } : { ...this.counted };
  }

  /** Every entry in list order, renumbered where entries before it came or went. */
  private rebuildLists(): void {
    const lists: Record<ListName, EntrySlot[]> = { partners: [], customers: [] };
    for (const s of this.segments ?? []) {
      const state = this.states.get(s);
      for (const slot of this.slotsOfState(state)) lists[slot.list].push(slot);
    }
    for (const list of LISTS) lists[list].forEach((slot, index) => renumber(slot, index));
    this.lists = lists;
  }

  private validateRoot(): void {
    const pairs: RootPair[] = [];
    let hasPartnerList = false;
    for (const s of this.segments ?? []) {
      if (s.kind !== 'pair' && s.kind !== 'header') continue;
      const state = this.states.get(s);
      if (state?.kind !== 'pair') continue;
      pairs.push(state.root);
      if (s.key === 'partners' && isSeq(deref(state.root.pair.value, state.root.doc))) hasPartnerList = true;
    }
    this.rootProblems = validateRootPairs(pairs);
    this.indexes.hasPartnerListValue = hasPartnerList;
  }

  /** A segment does not parse alone, and the whole text has not been parsed yet to say what that means (see `settle`). */
  private unsettled = false;

  get needsWholeParse(): boolean {
    return this.unsettled;
  }

  /**
   * A segment that does not parse alone: the whole text says what it means. With syntax errors the
   * findings are those errors, and the segments are kept so that the repair is checked incrementally;
   * without (a parser warning, say) the text is checked whole from now on. `syntax` is
   * a parse of this very text made elsewhere (the server parses in a worker thread, see lsp/whole-parse.ts);
   * without it, the text is parsed here.
   */
  settle(syntax?: WholeSyntax): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    if (syntax?.syntaxProblems.length) {
      this.whole = {
        parsed: { text: this.text, lines: this.lines, syntaxProblems: syntax.syntaxProblems },
        problems: [],
        sections: syntax.sections,
      };
      return;
    }
    const parsed = parseText(this.text.toString());
    if (parsed.syntaxProblems.length === 0) {
      this.checker.update([...this.checker.units.keys()], []);
      this.clearAnchors();
      this.states.clear();
      this.marks.clear();
      this.broken.clear();
      this.withProblems.clear();
      this.rootProblems = [];
      this.segments = undefined;
      this.parseWhole(parsed);
      return;
    }
    this.whole = { parsed, doc: parsed.doc, problems: [] };
  }

  /** The syntax tree of the whole text while it is parsed whole, made here if the parse was made elsewhere. */
  private wholeDoc(): Document.Parsed | undefined {
    if (this.whole && !this.whole.doc) this.whole.doc = parseText(this.text.toString()).doc;
    return this.whole?.doc;
  }

  /** The text as parsed for this version: its lines, and the syntax problems of a whole parse when there is one. */
  get parsed(): ParsedText {
    return this.whole?.parsed ?? { text: this.text, lines: this.lines, syntaxProblems: [] };
  }

  /** Ascending offsets of the word `csp-disable`, where suppression comments may be: found per segment as it is read. */
  suppressionMarks(): number[] {
    if (!this.segments) return suppressionMarks(this.text);
    const out: number[] = [];
    for (const [segment, marks] of this.marks) for (const at of marks) out.push(segment.start + at);
    return out.sort((a, b) => a - b);
  }

  get syntaxProblems(): SyntaxProblem[] {
    return this.whole?.parsed.syntaxProblems ?? [];
  }

  /** Schema problems in the order of a whole-text validation: the root, then partners, then customers. */
  schemaProblems(): { problem: SchemaProblem; order: number }[] {
    if (this.whole?.parsed.syntaxProblems.length) return [];
    if (this.whole) return this.whole.problems.map((problem) => ({ problem, order: problemOrder(problem.path) }));
    const out = this.rootProblems.map((problem) => ({ problem, order: -1 }));
    for (const slot of this.withProblems) {
      const state = this.stateOfSlot(slot);
      const problems = state?.kind === 'entry' ? state.problems : state?.kind === 'pair' ? state.problems[state.slots.indexOf(slot)] : [];
      const order = (slot.list === 'partners' ? 0 : 0x40000000) + slot.index;
      for (const problem of problems ?? []) out.push({ problem, order });
    }
    return out;
  }

  private stateOfSlot(slot: EntrySlot): SegmentState | undefined {
    return this.states.get(slot.base as Segment);
  }

  /** The rule units' reports, with what puts them in the order of a whole run. */
  unitReports() {
    if (this.whole?.parsed.syntaxProblems.length) return [];
    return [...this.checker.reporting].flatMap((unit) => unit.reports.map((report) => ({ report, order: orderOf(unit.entity) })));
  }

  /** How the current text is held: in segments, in segments with one that needs a whole parse, or whole. */
  get mode(): 'segmented' | 'broken' | 'whole' {
    return !this.segments ? 'whole' : this.broken.size > 0 ? 'broken' : 'segmented';
  }

  get hasSyntaxErrors(): boolean {
    return (this.whole?.parsed.syntaxProblems.length ?? 0) > 0;
  }

  /**
   * The model of the entries read. `gated`: empty while the text has YAML errors (the checked model);
   * otherwise every entry that parses (the lenient model of a broken text held in segments).
   */
  private makeModel(gated = true): Model {
    const indexes = this.indexes;
    const broken = () => gated && this.hasSyntaxErrors;
    // Each list is gathered apart, when asked for: completion reads the partners of a text with tens of thousands of customers.
    const cached = { partners: { generation: -1, entities: [] as Entity[] }, customers: { generation: -1, entities: [] as Entity[] } };
    const current = (list: ListName): Entity[] => {
      const cache = cached[list];
      if (cache.generation !== this.generation) {
        const entities: Entity[] = [];
        if (!broken()) for (const slot of this.lists[list]) if (slot.entity) entities.push(slot.entity);
        cache.entities = entities;
        cache.generation = this.generation;
      }
      return cache.entities;
    };
    return {
      get partners() {
        return current('partners') as Partner[];
      },
      get customers() {
        return current('customers') as Customer[];
      },
      byId: {
        get: (id: string) => (broken() ? undefined : indexes.entity(id)),
        has: (id: string) => !broken() && indexes.hasId(id),
      },
      get references(): Reference[] {
        return [...current('partners'), ...current('customers')].flatMap(referencesOf);
      },
      get hasPartnerList() {
        return indexes.hasPartnerListValue;
      },
      lookup: indexes,
      entitiesAt: (offset: number) => (broken() ? [] : this.entitiesAt(offset)),
    };
  }

  /**
   * See `Model.entitiesAt`. A segment parses alone, so the values of its entries lie within it or in the
   * segments whose anchors it names: the segments holding `offset` (a binary search, segments are in
   * text order), and those that read their nodes (and in turn theirs), say which entities can be there.
   */
  private entitiesAt(offset: number): Entity[] | undefined {
    const segments = this.segments;
    if (!segments) return undefined;
    let low = 0,
      high = segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (segments[mid].end < offset) low = mid + 1;
      else high = mid;
    }
    const holding = new Set<Segment>();
    for (let i = low; i < segments.length && segments[i].start <= offset; i++) holding.add(segments[i]);
    for (const s of holding) for (const reader of this.readers.get(s) ?? []) holding.add(reader);
    const out: Entity[] = [];
    for (const s of holding) for (const slot of this.slotsOfState(this.states.get(s))) if (slot.entity) out.push(slot.entity);
    return out.sort((a, b) => orderOf(a) - orderOf(b));
  }

  /**
   * Whether the text with `edits` (ascending, apart) still parses, when one entry alone can say so: the
   * edits fall within one entry's segment, which stays one entry (every line after its `-` indented
   * under it) and parses cleanly on its own, its aliases naming what they name now. The other entries
   * read as before when the entry declares the same anchors after the edits, or when no other entry
   * reads them. A text held whole is cut into segments for this all the same. Undefined when it cannot be
   * told this way.
   */
  entryParsesWith(edits: readonly { start: number; end: number; text: string }[]): true | undefined {
    const segments = this.segments ?? this.cutOfWholeText();
    if (!segments || edits.length === 0) return undefined;
    let low = 0,
      high = segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (segments[mid].end <= edits[0].start) low = mid + 1;
      else high = mid;
    }
    const segment = segments[low];
    if (segment?.kind !== 'entry' || segment.indent === undefined) return undefined;
    if (edits.some((e) => e.start < segment.start || e.end > segment.end)) return undefined;
    let source = this.text.slice(segment.start, segment.end);
    for (let i = edits.length - 1; i >= 0; i--) {
      const e = edits[i];
      source = source.slice(0, e.start - segment.start) + e.text + source.slice(e.end - segment.start);
    }
    if (!staysOneEntry(source, segment.indent)) return undefined;
    const edited: Segment = { kind: 'entry', start: 0, end: source.length, list: segment.list, indent: segment.indent };
    // Held in segments, its aliases name what they name now (a resolver that notes nothing: this parse is a trial).
    const outer: OuterAnchors | undefined = this.segments ? (name) => this.anchoredBefore(name, segment.start) : undefined;
    if (parseSegment(source, edited, outer)?.kind !== 'entry') return undefined;
    const anchorsKept = anchorsIn(this.text.slice(segment.start, segment.end)) === anchorsIn(source);
    if (!anchorsKept && (this.mode !== 'segmented' || this.readers.get(segment)?.size)) return undefined;
    return true;
  }

  /** The text held whole, cut into segments all the same (once per version): where a fix's entry is. */
  private cutOfWholeText(): Segment[] | undefined {
    if (this.wholeCut?.text !== this.text) this.wholeCut = { text: this.text, segments: segment(this.text) };
    return this.wholeCut.segments;
  }
  private wholeCut: { text: Rope; segments: Segment[] | undefined } | undefined;

  /**
   * Syntax trees of entries, parsed again on demand (for fixes, which edit the text). An alias to an
   * anchor of another segment names that segment's node in a parse of it made now, so that every range
   * is an offset in the current text.
   */
  syntax(): SyntaxAccess {
    type Parsed = { node: Node | null | undefined; doc?: Document; written: boolean };
    const cache = new Map<Base, Parsed>();
    const definerDocs = new Map<Segment, Document | undefined>();
    /** As `outerAnchors`, from parses made now (a defining segment is parsed once per access). */
    const outer =
      (segment: Segment): OuterAnchors =>
      (name) => {
        const definer = this.definerBefore(name, segment.start);
        if (!definer) return undefined;
        if (!definerDocs.has(definer)) {
          const parsed = parseSegment(this.text, definer, outer(definer));
          definerDocs.set(definer, parsed && parsed.kind !== 'prelude' ? parsed.doc : undefined);
        }
        const doc = definerDocs.get(definer);
        return doc && lastAnchored(doc, name);
      };
    const entry = (list: ListName, index: number): Parsed => {
      const slot = this.lists[list]?.[index];
      if (!slot) return { node: undefined, written: false };
      const doc = this.whole && this.wholeDoc();
      if (doc) {
        const item = writtenBelow(doc.contents, [list, index], doc);
        return { node: nodeAtPath(doc, [list, index]), doc, written: item !== undefined };
      }
      const segment = slot.base as Segment;
      let parsed = cache.get(segment);
      if (!parsed) {
        const node = this.segments && this.states.has(segment) ? parseSegment(this.text, segment, outer(segment)) : undefined;
        if (node?.kind === 'entry') parsed = { node: deref(node.item, node.doc), doc: node.doc, written: !isAlias(node.item) };
        else if (node?.kind === 'pair')
          parsed = { node: deref(node.pair.value, node.doc), doc: node.doc, written: !isAlias(node.pair.value) };
        else parsed = { node: undefined, written: false };
        // A few recent entries are kept: fix-all asks for hundreds, and their syntax trees would outweigh the model.
        if (cache.size >= RECENT_SYNTAX) cache.delete(cache.keys().next().value!);
        cache.set(segment, parsed);
      }
      // An entry of a list written in flow style is an item of its pair's list.
      if (segment.kind === 'pair') {
        const seq = parsed.node;
        const item = isSeq(seq) ? seq.items[index - this.firstIndexOf(segment)] : undefined;
        return { node: deref(item, parsed.doc), doc: parsed.doc, written: parsed.written && !!item && !isAlias(item) };
      }
      return parsed;
    };
    const at = (path: Path): Node | undefined => {
      const whole = this.whole && this.wholeDoc();
      if (whole && path.length < 2) return nodeAtPath(whole, path);
      if (path.length < 2 || typeof path[1] !== 'number' || (path[0] !== 'partners' && path[0] !== 'customers')) {
        const pair = rootPair(path[0]);
        return pair && path.length > 0 ? nodeBelow(pair.value, path.slice(1), pair.doc) : undefined;
      }
      const { node, doc } = entry(path[0], path[1]);
      return node && doc ? nodeBelow(node, path.slice(2), doc) : undefined;
    };
    /** A top-level pair, parsed again: its key and value nodes. */
    const rootPair = (key: string | number | undefined) => {
      const segment = this.segments?.find((s) => (s.kind === 'pair' || s.kind === 'header') && s.key === key);
      const node = segment && parseSegment(this.text, segment, outer(segment));
      return node?.kind === 'pair' ? { key: node.pair.key, value: deref(node.pair.value, node.doc), doc: node.doc } : undefined;
    };
    const map = (of: Entity | Subscription, key?: string) => {
      const node = at(key ? [...of.path, key] : of.path);
      return isMap(node) ? node : undefined;
    };
    return {
      at,
      keyAt: (path) => {
        const whole = this.whole && this.wholeDoc();
        if (whole) return keyNodeAtPath(whole, path);
        if (path.length === 1) return rootPair(path[0])?.key;
        const parent = at(path.slice(0, -1));
        return isMap(parent) ? keyNode(parent, String(path[path.length - 1])) : undefined;
      },
      map,
      ownMap: (of, key) => {
        const path = key ? [...of.path, key] : of.path;
        if (typeof path[1] !== 'number' || (path[0] !== 'partners' && path[0] !== 'customers')) return undefined;
        const { node, doc, written } = entry(path[0], path[1]);
        const found = written && node ? writtenBelow(node, path.slice(2), doc) : undefined;
        return isMap(found) ? found : undefined;
      },
    };
  }

  /**
   * The anchors written before `offset`, each name once, with the node an alias there names (the last one
   * anchored with that name whose node starts before it), in text order. Read from the parses kept of
   * the segments that define anchors, or from the whole parse; an anchor in a segment that does not parse
   * alone is not known until the text parses again.
   */
  anchorsBefore(offset: number): Anchored[] {
    this.settle();
    const out: Anchored[] = [];
    if (this.segments) {
      for (const [name, definers] of this.definers) {
        for (let i = definers.length - 1; i >= 0; i--) {
          const definer = definers[i];
          const parse = definer.start < offset ? this.defined.get(definer) : undefined;
          const found = parse && lastAnchoredBefore(parse.doc, name, definer.start - parse.parsedAt, offset);
          if (found) {
            out.push(found);
            break;
          }
        }
      }
    } else {
      const doc = this.wholeDoc();
      for (const name of doc ? anchorNames(doc) : []) {
        const found = lastAnchoredBefore(doc!, name, 0, offset);
        if (found) out.push(found);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** The `partners` and `customers` sections for the outline: the key's range and where the list ends. */
  sections(): Section[] {
    this.settle();
    if (this.whole) return (this.whole.sections ??= sectionsOf(this.wholeDoc()));
    // Asked on every hover, completion and outline: found once per version, not by a walk over every segment each time.
    if (this.sectionsFound?.generation !== this.generation)
      this.sectionsFound = { generation: this.generation, sections: this.segmentSections() };
    return this.sectionsFound.sections;
  }

  private sectionsFound: { generation: number; sections: Section[] } | undefined;

  private segmentSections(): Section[] {
    const out: Section[] = [];
    for (const s of this.segments ?? []) {
      const state = this.states.get(s);
      if (state?.kind !== 'pair' || (s.key !== 'partners' && s.key !== 'customers')) continue;
      const shift = s.start - state.root.parsedAt;
      const keyRange = (state.root.pair.key as Node).range!;
      const value = s.kind === 'pair' ? (state.root.pair.value as Node | null)?.range?.[1] : this.lists[s.key].at(-1)?.item?.range[1];
      const end = value === undefined ? keyRange[1] + shift : value + (s.kind === 'pair' ? shift : 0);
      out.push({ key: s.key, key0: keyRange[0] + shift, key1: keyRange[1] + shift, end });
    }
    return out;
  }

  /**
   * While the text has YAML errors the model is empty (no rule runs on a broken text), but the parser
   * recovers most of it: completion and hover read this model of what it recovered, unvalidated.
   */
  lenientModel(): Model | undefined {
    this.settle();
    // Held in segments, every entry but the broken ones is read as usual: no whole parse on the server's thread.
    if (this.segments) return (this.lenient ??= this.makeModel(false));
    const doc = this.wholeDoc();
    const root = doc && deref(doc.contents, doc);
    if (!doc || !isMap(root)) return undefined;
    const indexes = new Indexes();
    const base: Base = { start: 0 };
    const lists: Record<ListName, Entity[]> = { partners: [], customers: [] };
    for (const { list, index, node } of documentEntries(doc)) {
      if (!node) continue;
      const entity = readEntry(node, doc, { list, index, base, paths: [] }, 0, () => false, indexes);
      lists[list].push(entity);
      indexes.add(entity);
    }
    indexes.hasPartnerListValue = isSeq(valueNode(root, 'partners', doc));
    const partners = lists.partners as Partner[];
    const customers = lists.customers as Customer[];
    return {
      partners,
      customers,
      lookup: indexes,
      byId: { get: (id) => indexes.entity(id), has: (id) => indexes.hasId(id) },
      get references() {
        return [...partners, ...customers].flatMap(referencesOf);
      },
      hasPartnerList: indexes.hasPartnerListValue,
      // Read from a whole parse, where an alias may place a value anywhere.
      entitiesAt: () => undefined,
    };
  }

  private lenient: Model | undefined;

  private firstIndexOf(segment: Segment): number {
    const state = this.states.get(segment);
    return state?.kind === 'pair' ? (state.slots[0]?.index ?? 0) : 0;
  }
}

/** The last node of `doc` anchored `name` that starts before `offset` (`shift`: from the parse's offsets to the text's). */
function lastAnchoredBefore(doc: Document, name: string, shift: number, offset: number): Anchored | undefined {
  const nodes = anchoredNodes(doc, name);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const range = nodes[i].range;
    if (range && range[0] + shift < offset) return { name, node: nodes[i], doc, start: range[0] + shift, end: range[1] + shift };
  }
  return undefined;
}

/** Each item of the `partners` and `customers` lists of a whole-text parse, and its mapping (aliases followed) when it is one. */
function* documentEntries(doc: Document): Generator<{ list: ListName; index: number; item: Node | null; node?: YAMLMap }> {
  const root = deref(doc.contents, doc);
  if (!isMap(root)) return;
  for (const list of LISTS) {
    const seq = valueNode(root, list, doc);
    if (!isSeq(seq)) continue;
    for (const [index, item] of seq.items.entries()) {
      const node = deref(item, doc);
      yield { list, index, item: item as Node | null, node: isMap(node) ? node : undefined };
    }
  }
}

const count = (slots: readonly EntrySlot[], list: ListName) => slots.reduce((n, slot) => n + (slot.list === list ? 1 : 0), 0);

/** Old and new entries of one list, paired in order, when an edit replaced as many as it added. */
function pairedByPosition(gone: readonly EntrySlot[], came: readonly EntrySlot[]): [EntrySlot, EntrySlot][] {
  const pairs: [EntrySlot, EntrySlot][] = [];
  for (const list of LISTS) {
    // By position: segments read again because an anchor they name changed come with the edited ones.
    const before = gone.filter((slot) => slot.list === list).sort((a, b) => a.index - b.index);
    const after = came.filter((slot) => slot.list === list).sort((a, b) => a.index - b.index);
    if (before.length === after.length) before.forEach((slot, i) => pairs.push([slot, after[i]]));
  }
  return pairs;
}

function itemLoc(item: Node | null, base: Base, parsedAt: number): Loc | undefined {
  const range = item?.range;
  if (!range) return undefined;
  // An item of a list that an alias names from another segment is placed in that segment.
  const placed = placementOf(item);
  return placed
    ? new Loc(placed.base, range[0] - placed.parsedAt, range[2] - placed.parsedAt)
    : new Loc(base, range[0] - parsedAt, range[2] - parsedAt);
}

function problemOrder(path: Path): number {
  if (path[0] === 'partners' && typeof path[1] === 'number') return path[1];
  if (path[0] === 'customers' && typeof path[1] === 'number') return 0x40000000 + path[1];
  return -1;
}

/** "Did the schema reject this path below the entry?" from the entry's problems. */
function invalidTails(problems: readonly SchemaProblem[], list: ListName, index?: number) {
  const tails = new Set<string>();
  for (const p of problems) {
    if (p.path[0] !== list || (index !== undefined && p.path[1] !== index)) continue;
    tails.add(p.path.slice(2).join('/'));
  }
  if (tails.size === 0) return () => false;
  return (parent: Path, key: string, item?: number) => tails.has([...parent, key, ...(item === undefined ? [] : [item])].join('/'));
}

/**
 * Whether an entry's edited text is still one entry as the segmenter cuts it: its first content line
 * is the `-` at `indent`, every later content line is indented further, and no line holds a lone `\r`
 * or a tab in its indentation (which segmenting leaves to a whole parse).
 */
function staysOneEntry(source: string, indent: number): boolean {
  let first = true;
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.includes('\r')) return false;
    const content = line.trimStart();
    const column = line.length - content.length;
    if (/^ *\t/.test(line)) return false;
    if (content === '' || content.startsWith('#')) continue;
    if (first) {
      if (column !== indent || !/^-( |$)/.test(content)) return false;
      first = false;
    } else if (column <= indent) {
      return false;
    }
  }
  return !first;
}

/** The anchors a text declares (`&name`), sorted: what aliases elsewhere may name. Read by the lexer, which does not recurse. */
function anchorsIn(source: string): string {
  const anchors: string[] = [];
  for (const token of new Lexer().lex(source)) if (token.startsWith('&')) anchors.push(token);
  return anchors.sort().join(' ');
}
