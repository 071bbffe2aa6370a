// Markdown tables of the protocol benchmark: one per section, and a summary in the shape the
// performance issue uses. Numbers are medians in ms unless a header says otherwise; no targets
// are checked here (the numbers are for people to compare from run to run).
import type { EditResult, HoverDuringOpen, ServerBench } from './protocol';
import { median, round } from './stats';
import type { YamlLsResult } from './yaml-ls';

export interface ProtocolResults {
  /** Manifest size in MB per customer count. */
  sizes: Record<number, number>;
  servers: ServerBench[];
  hoverDuringOpen?: HoverDuringOpen;
  yamlLs: YamlLsResult[];
}

const ms = (values: number[] | undefined): string => (values?.length ? `${Math.round(median(values))}` : '—');
const mb = (value: number | undefined): string => (value === undefined ? '—' : `${Math.round(value)}`);
const customersCell = (r: ProtocolResults, customers: number) => `${customers} (${r.sizes[customers]} MB)`;

/** A Markdown table; `textColumns` are left-aligned (by index), the others hold numbers and are right-aligned. */
function table(title: string, header: string[], rows: string[][], textColumns: number[] = [0]): string {
  return [
    `### ${title}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (textColumns.includes(i) ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const EDIT_LABELS: Record<EditResult['kind'], string> = {
  type: '(a) character typed in a name',
  soldBy: '(b) soldBy → partner of another region',
  country: "(c) busiest partner's country → another region",
  delete: '(d) customer entry deleted',
  paste: '(e) 200-line paste of customers',
  burst: '(f) 20 keystrokes, 30 ms apart',
};
const SHORT: Record<EditResult['kind'], string> = { type: 'a', soldBy: 'b', country: 'c', delete: 'd', paste: 'e', burst: 'f' };

/** One row per edit; the deletion's undo is the re-insertion (d) asks for, so it gets its own row. */
function editRows(r: ProtocolResults, server: ServerBench): string[][] {
  return server.edits.flatMap((e) => {
    const row = (label: string, values: number[], undo: string) => [
      customersCell(r, server.customers),
      label,
      `${values.length}`,
      ms(values),
      `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`,
      undo,
      `${e.diagnosticsBefore} → ${e.diagnosticsAfter}`,
      `${e.pullRequests}`,
    ];
    if (e.kind !== 'delete') return [row(EDIT_LABELS[e.kind], e.editMs, ms(e.undoMs))];
    return [row(EDIT_LABELS.delete, e.editMs, '—'), row('(d) … and re-inserted (its undo)', e.undoMs, '—')];
  });
}

function coldTable(r: ProtocolResults): string {
  return table(
    '1. Cold open: didOpen → first diagnostics (fresh server each run), and a bare `parseDocument` in-process',
    ['customers (MB)', 'runs', 'didOpen → diagnostics (ms)', 'parseDocument (ms)', 'open / parse', 'diagnostics'],
    r.servers.map((s) => [
      customersCell(r, s.customers),
      `${s.cold.openMs.length}`,
      ms(s.cold.openMs),
      ms(s.cold.parseMs),
      `${round(median(s.cold.openMs) / median(s.cold.parseMs))}x`,
      `${s.cold.diagnostics}`,
    ]),
  );
}

function editTable(r: ProtocolResults): string {
  return table(
    '2. Edit → diagnostics: ms from the (last) ranged didChange to the pull answer for that version',
    ['customers (MB)', 'edit', 'runs', 'median (ms)', 'range (ms)', 'undo → diagnostics (ms)', 'diagnostics before → after', 'pulls sent'],
    r.servers.flatMap((s) => editRows(r, s)),
    [0, 1],
  );
}

function featureTable(r: ProtocolResults): string | undefined {
  const rows = r.servers
    .filter((s) => s.features)
    .flatMap((s) =>
      Object.entries(s.features!).map(([name, f]) => [
        `${customersCell(r, s.customers)}: ${name}`,
        `${f.afterEditMs.length}`,
        ms(f.afterEditMs),
        ms(f.warmMs),
        f.answer,
      ]),
    );
  return rows.length
    ? table(
        '3. Requests right after an edit ((a), with the diagnostic pull in flight as in VS Code), and warm',
        ['request', 'runs', 'after edit (ms)', 'warm (ms)', 'answer'],
        rows,
        [0, 4],
      )
    : undefined;
}

function fixAllTable(r: ProtocolResults): string | undefined {
  const rows = r.servers
    .filter((s) => s.fixAll)
    .map((s) => {
      const f = s.fixAll!;
      if ('skipped' in f) return [customersCell(r, s.customers), 'skipped', '—', '—', f.skipped];
      return [customersCell(r, s.customers), f.kind, `${f.requestMs.length}`, ms(f.requestMs), `${f.edits}`];
    });
  const title = '4. Fix-all: codeAction for the whole document with `only: [source.fixAll…]`, every diagnostic in the context';
  return rows.length ? table(title, ['customers (MB)', 'kind', 'runs', 'median (ms)', 'edits in the answer'], rows, [0, 1]) : undefined;
}

function hoverTable(r: ProtocolResults): string | undefined {
  const h = r.hoverDuringOpen;
  if (!h) return undefined;
  return table(
    '5. Hover in examples/csp-partners.yaml while a big manifest is opened (a hover every 250 ms until its diagnostics)',
    ['big manifest (MB)', 'opens', 'hovers', 'hover median (ms)', 'hover max (ms)', 'idle hover (ms)', 'big didOpen → diagnostics (ms)'],
    [
      [
        customersCell(r, h.customers),
        `${h.openMs.length}`,
        `${h.hoverMs.length}`,
        ms(h.hoverMs),
        h.hoverMs.length ? `${Math.round(Math.max(...h.hoverMs))}` : '—',
        ms(h.idleHoverMs),
        ms(h.openMs),
      ],
    ],
  );
}

function rssTable(r: ProtocolResults): string {
  return table(
    '6. Peak RSS of the server process (VmHWM, MB)',
    ['customers (MB)', 'after cold open (median)', 'after the whole sequence (1–4)'],
    r.servers.map((s) => [
      customersCell(r, s.customers),
      mb(median(s.cold.peakRssAfterOpenMB.filter((x): x is number => x !== undefined))),
      mb(s.peakRssMB),
    ]),
  );
}

function yamlLsTable(r: ProtocolResults): string {
  const version = r.yamlLs.find((y): y is Exclude<YamlLsResult, { skipped: string }> => !('skipped' in y))?.version ?? '';
  return table(
    `7. yaml-language-server ${version} (our JSON Schema via \`yaml.schemas\`, \`yaml.validate: true\`; pushed diagnostics)`,
    [
      'customers (MB)',
      'runs (open / edit)',
      'didOpen → publish (ms)',
      '(a) edit → publish (ms)',
      'undo → publish (ms)',
      'peak RSS (MB)',
      'diagnostics',
      'schema check',
    ],
    r.yamlLs.map((y) =>
      'skipped' in y
        ? [customersCell(r, y.customers), '—', '—', '—', '—', '—', '—', `skipped: ${y.skipped}`]
        : [
            customersCell(r, y.customers),
            `${y.openMs.length} / ${y.editMs.length}`,
            ms(y.openMs),
            ms(y.editMs),
            ms(y.undoMs),
            mb(y.peakRssMB),
            `${y.diagnostics}`,
            `"${y.schemaCheck}"`,
          ],
    ),
    [0, 7],
  );
}

/** The summary row per size, in the shape. */
function summaryTable(r: ProtocolResults): string {
  return table(
    'Summary (medians)',
    ['customers (MB)', 'cold open', 'parseDocument', 'edit → diagnostics (each kind)', 'peak RSS', 'yaml-language-server edit / RSS'],
    r.servers.map((s) => {
      const edits = s.edits
        .map((e) => (e.kind === 'delete' ? `d ${ms(e.editMs)}/${ms(e.undoMs)}` : `${SHORT[e.kind]} ${ms(e.editMs)}`))
        .join(' · ');
      const y = r.yamlLs.find((x) => x.customers === s.customers);
      const yaml = !y ? '—' : 'skipped' in y ? 'skipped' : `${ms(y.editMs)} ms / ${mb(y.peakRssMB)} MB`;
      return [
        customersCell(r, s.customers),
        `${ms(s.cold.openMs)} ms`,
        `${ms(s.cold.parseMs)} ms`,
        `${edits} ms`,
        `${mb(s.peakRssMB)} MB`,
        yaml,
      ];
    }),
    [0, 3, 5],
  );
}

/** Every protocol table, in section order, then the summary. */
export function protocolTables(r: ProtocolResults): string {
  const tables = [
    coldTable(r),
    editTable(r),
    featureTable(r),
    fixAllTable(r),
    hoverTable(r),
    rssTable(r),
    yamlLsTable(r),
    summaryTable(r),
  ].filter((t): t is string => t !== undefined);
  const legends = r.servers.map((s) =>
    [`Edits on the ${s.customers}-customer file:`, '', ...s.edits.map((e) => `- ${EDIT_LABELS[e.kind]}: ${e.what}`)].join('\n'),
  );
  return [...tables, ...legends].join('\n\n');
}
