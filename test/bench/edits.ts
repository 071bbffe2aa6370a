// The edits the protocol benchmark makes, found by reading the generated manifest's text (not its
// generator's state), so that they stay meaningful if the generator changes: each targets the
// customer entry nearest the middle of the file, or the partner that sells the most.
import type { Position } from 'vscode-languageserver-protocol';
import type { Edit, TextModel } from './document';

/** Keystrokes of the burst edit (f), typed at the end of a customer's name. */
export const BURST_TEXT = ' Intl Holdings Group';
const PASTE_LINES = 200;

export interface PlannedEdit extends Edit {
  kind: EditKind;
  what: string;
}

export type EditKind = 'type' | 'soldBy' | 'country' | 'delete' | 'paste';

export interface EditPlan {
  /** (a) to (e): one `didChange` each; (d)'s undo is the re-insertion. */
  single: PlannedEdit[];
  /** (f): one single-character insertion per keystroke, at successive positions. */
  burst: Edit[];
  /** Where hover and completion are asked: inside and at the end of a `soldBy` id. */
  hoverAt: Position;
  completionAt: Position;
}

interface PartnerEntry {
  id: string;
  type: string;
  region: string;
  country: string;
  countryLine: number;
}

const ID_LINE = /^ {2}- id: (\S+)$/;
const keyPatterns = new Map<string, RegExp>();
/** The value of `key: value` on an indented line (one pattern per key: the sales count reads every line). */
function valueOf(line: string, key: string): string | undefined {
  let pattern = keyPatterns.get(key);
  if (!pattern) keyPatterns.set(key, (pattern = new RegExp(`^\\s+${key}: (.+)$`)));
  return pattern.exec(line)?.[1];
}

/** Partners as written in the `partners:` section: the fields the edits need. */
function partnersOf(model: TextModel): PartnerEntry[] {
  const start = model.findLine((l) => l === 'partners:');
  const end = model.findLine((l) => l === 'customers:', start);
  const out: PartnerEntry[] = [];
  for (let i = start + 1; i < end; i++) {
    const id = ID_LINE.exec(model.line(i))?.[1];
    if (id) out.push({ id, type: '', region: '', country: '', countryLine: -1 });
    const last = out[out.length - 1];
    if (!last) continue;
    last.type = valueOf(model.line(i), 'type') ?? last.type;
    last.region = valueOf(model.line(i), 'region') ?? last.region;
    const country = valueOf(model.line(i), 'country');
    if (country) Object.assign(last, { country, countryLine: i });
  }
  if (out.length < 2) throw new Error('the manifest has fewer than two partners: nothing to edit');
  return out;
}

/** A customer entry: from its `- id:` line to the blank line that ends it (inclusive). */
interface CustomerEntry {
  id: string;
  first: number;
  last: number;
}

function customerAt(model: TextModel, first: number): CustomerEntry {
  const last = model.findLine((l) => l.trim() === '', first);
  return { id: ID_LINE.exec(model.line(first))![1], first, last: last === -1 ? model.lineCount - 1 : last };
}

/** The first customer entry at or after the middle line of the file that satisfies `test`. */
function middleCustomer(model: TextModel, test: (entry: CustomerEntry) => boolean): CustomerEntry {
  let i = Math.max(
    model.findLine((l) => l === 'customers:'),
    model.lineCount >> 1,
  );
  for (;;) {
    i = model.findLine((l) => ID_LINE.test(l), i);
    if (i === -1) throw new Error('no customer entry after the middle of the file');
    const entry = customerAt(model, i);
    if (test(entry)) return entry;
    i = entry.last + 1;
  }
}

const lineOf = (model: TextModel, entry: CustomerEntry, key: string): number => {
  const at = model.findLine((l) => valueOf(l, key) !== undefined, entry.first);
  return at !== -1 && at <= entry.last ? at : -1;
};

/** The range of a `key: value` line's value. */
function valueRange(model: TextModel, line: number): Edit['range'] {
  const text = model.line(line);
  const start = text.indexOf(': ') + 2;
  return { start: { line, character: start }, end: { line, character: text.length } };
}

/** (b) The subscription's seller becomes a partner of the same type in another CSP region. */
function soldByAway(model: TextModel, partners: PartnerEntry[], entry: CustomerEntry): PlannedEdit {
  const line = lineOf(model, entry, 'soldBy');
  const seller = partners.find((p) => p.id === valueOf(model.line(line), 'soldBy'));
  const away = partners.find((p) => p.type === seller?.type && p.region !== seller?.region) ?? partners.find((p) => p !== seller)!;
  return {
    kind: 'soldBy',
    range: valueRange(model, line),
    text: away.id,
    what: `soldBy of ${entry.id} (line ${line + 1}): ${seller?.id} (${seller?.region}) → ${away.id} (${away.region})`,
  };
}

/** (c) The partner that sells the most moves to a country of another region: its customers' sales become cross-region. */
function countryAway(model: TextModel, partners: PartnerEntry[]): PlannedEdit {
  const sales = new Map<string, number>();
  for (let i = 0; i < model.lineCount; i++) {
    const id = valueOf(model.line(i), 'soldBy');
    if (id) sales.set(id, (sales.get(id) ?? 0) + 1);
  }
  const busiest = partners.reduce((a, b) => ((sales.get(b.id) ?? 0) > (sales.get(a.id) ?? 0) ? b : a));
  const elsewhere = partners.find((p) => p.region !== busiest.region && p.country !== busiest.country)!;
  return {
    kind: 'country',
    range: valueRange(model, busiest.countryLine),
    text: elsewhere.country,
    what:
      `country of ${busiest.id} (line ${busiest.countryLine + 1}, sells ${sales.get(busiest.id) ?? 0} subscriptions): ` +
      `${busiest.country} (${busiest.region}) → ${elsewhere.country} (${elsewhere.region})`,
  };
}

/** Lines `first` to `last` of consecutive customer entries from `start` on, at least `PASTE_LINES` of them. */
function entriesFrom(model: TextModel, start: CustomerEntry): { first: number; last: number } {
  let end = start;
  while (end.last - start.first + 1 < PASTE_LINES) end = customerAt(model, end.last + 1);
  return { first: start.first, last: end.last };
}

/**
 * (e) Whole customer entries copied from the middle of the file with new ids and tenants: exactly
 * `PASTE_LINES` lines when a run of consecutive entries near there adds up to that, else a bit more.
 */
function pasteBlock(model: TextModel, from: CustomerEntry): PlannedEdit {
  const size = (span: { first: number; last: number }) => span.last - span.first + 1;
  let best = entriesFrom(model, from);
  for (let start = from, tries = 0; tries < 100 && size(best) !== PASTE_LINES; tries++) {
    start = customerAt(model, start.last + 1);
    const span = entriesFrom(model, start);
    if (size(span) === PASTE_LINES) best = span;
  }
  const lines: string[] = [];
  for (let i = best.first; i <= best.last; i++) lines.push(renamed(model.line(i)));
  const at = { line: from.first, character: 0 };
  return {
    kind: 'paste',
    range: { start: at, end: at },
    text: `${lines.join('\n')}\n`,
    what: `${lines.length} lines of new customer entries pasted before ${from.id} (line ${from.first + 1})`,
  };
}

/** A copied customer line, made new: the id gets a suffix, the tenant becomes one of its own. */
function renamed(line: string): string {
  const id = ID_LINE.exec(line)?.[1];
  if (id) return `  - id: ${id}-pasted`;
  const tenant = /^( {4}tenant: )(\S+)$/.exec(line);
  return tenant ? `${tenant[1]}pasted-${tenant[2].replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}.onmicrosoft.com` : line;
}

/** Every edit of the benchmark for this text, planned once on the unedited text (each is undone after use). */
export function planEdits(model: TextModel): EditPlan {
  const partners = partnersOf(model);
  const entry = middleCustomer(model, (e) => lineOf(model, e, 'soldBy') !== -1);
  const nameLine = lineOf(model, entry, 'name');
  const nameEnd = { line: nameLine, character: model.line(nameLine).length };
  const soldBy = soldByAway(model, partners, entry);
  const single: PlannedEdit[] = [
    {
      kind: 'type',
      range: { start: nameEnd, end: nameEnd },
      text: 'x',
      what: `'x' typed at the end of ${entry.id}'s name (line ${nameLine + 1})`,
    },
    soldBy,
    countryAway(model, partners),
    {
      kind: 'delete',
      range: { start: { line: entry.first, character: 0 }, end: { line: entry.last + 1, character: 0 } },
      text: '',
      what: `customer ${entry.id} deleted (lines ${entry.first + 1}–${entry.last + 1}), then re-inserted`,
    },
    pasteBlock(model, entry),
  ];
  const burst = [...BURST_TEXT].map((text, i) => {
    const at = { line: nameLine, character: nameEnd.character + i };
    return { range: { start: at, end: at }, text };
  });
  const id = soldBy.range.start;
  return { single, burst, hoverAt: { line: id.line, character: id.character + 1 }, completionAt: soldBy.range.end };
}
