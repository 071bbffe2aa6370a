// `csp-partners graph`, end to end: the bundled bin (server/out/cli.js) in a child process, on the examples and
// on manifests made for it. Each format is held to the core's model (server/src/core/graph.ts): the JSON is
// that model; the DOT, read back here, has each node and edge once, in its region's box, red or orange exactly
// where the model has an error or a warning, and Graphviz draws it; the Mermaid has the same structure. Exit
// status as `check`: 0, 1 (errors found; the graph is printed all the same), 2 (a bad invocation).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run as runCli } from '../server/src/cli/main';
import * as core from '../server/src/core/check';
import type { RuleSettings } from '../server/src/core/finding';
import { ChannelGraph, channelGraph, GraphEdge, GraphOptions } from '../server/src/core/graph';
import { regionIds } from '../server/src/core/regions';
import { bigChannel, repoRoot } from './support';

const BIN = path.join(repoRoot, 'server', 'out', 'cli.js');
const EVERY_RULE = 'examples/every-rule.csp-partners.yaml';
const CLEAN = 'examples/csp-partners.yaml';
const BROKEN = 'examples/broken.csp-partners.yaml';
const HOSTILE = 'test/data/cli/graph-hostile.yaml';
const CROSS_REGION = 'test/data/cli/cross-region.yaml';
const RED = '#d00000';
const ORANGE = '#e07000';
const FORMATS = ['dot', 'mermaid', 'json'] as const;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `csp-partners graph ARGS` in a child process, English messages; each invocation runs once (the results are kept). */
const runs = new Map<string, Run>();
function graphCli(args: string[], cwd = repoRoot): Run {
  const key = JSON.stringify([args, cwd]);
  const cached = runs.get(key);
  if (cached) return cached;
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  const ran = spawnSync(process.execPath, [BIN, 'graph', ...args], { cwd, env, encoding: 'utf8' });
  if (ran.error) throw ran.error;
  const result = { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
  runs.set(key, result);
  return result;
}

/** The graph the core makes of a file, with the findings `check` reports (severities as `--rule` sets them). */
function modelOf(file: string, options: GraphOptions = {}, rules: RuleSettings = {}): ChannelGraph {
  const result = core.check(readFileSync(path.resolve(repoRoot, file), 'utf8'), { rules });
  return channelGraph(result, result.findings, options);
}

/** What a drawing shows of a text from the manifest: on one line, control characters as spaces. */
// eslint-disable-next-line no-control-regex
const flat = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

/** The line an edge of this kind is drawn with, as the brief of the drawing says. */
function expectedStyle(edge: GraphEdge): string {
  if (edge.kind === 'manages' || (edge.kind === 'provides' && edge.linked === false)) return 'dashed';
  return edge.kind === 'owns' ? 'dotted' : 'solid';
}

const expectedColour = (element: { severity?: string }) =>
  element.severity === 'error' ? RED : element.severity === 'warning' ? ORANGE : undefined;

// --- DOT, read back --------------------------------------------------------------------------------------

interface DotStatement {
  attrs: Map<string, string>;
  cluster?: string;
}
interface DotGraph {
  nodes: Map<string, DotStatement[]>;
  edges: (DotStatement & { source: string; target: string })[];
  clusters: Map<string, Map<string, string>>;
  /** The root graph's `name=value` statements. */
  attrs: Map<string, string>;
}

/**
 * DOT's tokens: a quoted string (with `\"` read as `"`, as DOT does, and every other backslash kept for the
 * label reader), a bare word, `->`, or one punctuation character; `//` comments are skipped.
 */
function dotTokens(dot: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < dot.length) {
    const c = dot[i];
    if (' \t\r\n'.includes(c)) i++;
    else if (dot.startsWith('//', i)) i = dot.includes('\n', i) ? dot.indexOf('\n', i) : dot.length;
    else if (dot.startsWith('->', i)) {
      tokens.push('->');
      i += 2;
    } else if ('{}[];,='.includes(c)) {
      tokens.push(c);
      i++;
    } else if (c === '"') {
      let text = '';
      for (i++; dot[i] !== '"'; i++) {
        assert.ok(i < dot.length, 'a quoted string is closed');
        // `\"` is a quote; `\\` stays two characters (Graphviz reads it as one backslash in a label).
        if (dot[i] === '\\' && (dot[i + 1] === '"' || dot[i + 1] === '\\')) text += dot[i + 1] === '"' ? dot[++i] : dot[i] + dot[++i];
        else text += dot[i];
      }
      i++;
      tokens.push(`"${text}`);
    } else {
      let end = i;
      while (end < dot.length && /[\w.#-]/.test(dot[end])) end++;
      assert.ok(end > i, `DOT: unexpected ${JSON.stringify(c)} at ${i}`);
      tokens.push(dot.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

/** The statements of our DOT: nodes, edges and clusters with their attributes (a quoted token starts with `"`). */
function readDot(dot: string): DotGraph {
  const tokens = dotTokens(dot);
  const graph: DotGraph = { nodes: new Map(), edges: [], clusters: new Map(), attrs: new Map() };
  let i = 0;
  const value = () => {
    const token = tokens[i++];
    return token.startsWith('"') ? token.slice(1) : token;
  };
  const take = (expected: string) => assert.equal(tokens[i++], expected, `DOT: ${expected} at token ${i - 1}`);
  const attributes = () => {
    const attrs = new Map<string, string>();
    if (tokens[i] !== '[') return attrs;
    for (i++; tokens[i] !== ']';) {
      const name = value();
      take('=');
      assert.ok(!attrs.has(name), `attribute ${name} given once`);
      attrs.set(name, value());
      if (tokens[i] === ',') i++;
    }
    i++;
    return attrs;
  };
  const body = (cluster: string | undefined) => {
    take('{');
    while (tokens[i] !== '}') {
      if (tokens[i] === 'subgraph') {
        i++;
        const name = value();
        graph.clusters.set(name, new Map());
        body(name);
      } else if (['graph', 'node', 'edge'].includes(tokens[i]) && tokens[i + 1] === '[') {
        i++;
        attributes();
      } else {
        const id = value();
        if (tokens[i] === '=') {
          i++;
          (cluster === undefined ? graph.attrs : graph.clusters.get(cluster)!).set(id, value());
        } else if (tokens[i] === '->') {
          i++;
          const target = value();
          graph.edges.push({ source: id, target, attrs: attributes(), cluster });
        } else graph.nodes.set(id, [...(graph.nodes.get(id) ?? []), { attrs: attributes(), cluster }]);
      }
      if (tokens[i] === ';') i++;
    }
    i++;
  };
  take('digraph');
  value();
  body(undefined);
  assert.equal(i, tokens.length, 'nothing after the graph');
  return graph;
}

/** What Graphviz shows of a label: `\\` a backslash, `\n` `\l` `\r` the end of a line, `&amp;` an ampersand. */
function labelLines(raw: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') line += raw[i];
    else if ('nlr'.includes(raw[++i])) {
      lines.push(line);
      line = '';
    } else line += raw[i];
  }
  if (line || !lines.length) lines.push(line);
  return lines.map((l) => l.replace(/&amp;/g, '&'));
}

/** The DOT against the model: each node and edge once, in the right box, with the right line and colour. */
function assertDotMatches(dot: string, graph: ChannelGraph): DotGraph {
  const drawn = readDot(dot);
  assert.deepEqual([...drawn.nodes.keys()].sort(), graph.nodes.map((n) => n.id).sort(), 'the nodes are those of the model');
  for (const node of graph.nodes) {
    const statements = drawn.nodes.get(node.id)!;
    assert.equal(statements.length, 1, `${node.id} is drawn once`);
    const [{ attrs, cluster }] = statements;
    assert.equal(cluster, node.region && `cluster_${node.region}`, `${node.id} is in its region's box`);
    assert.equal(attrs.get('color'), expectedColour(node), `${node.id}: colour`);
    const lines = labelLines(attrs.get('label')!);
    if (node.kind === 'customers') assert.equal(lines[0], `${node.count} customers`);
    else assert.equal(lines[0], flat(node.label), `${node.id}: its name first`);
    if (node.entity !== undefined && node.entity !== node.label) assert.ok(lines[1].startsWith(`${flat(node.entity)} · `), lines[1]);
    for (const i of node.findings) {
      assert.ok(lines.at(-1)!.includes(graph.findings[i].rule), `${node.id}: ${graph.findings[i].rule} in its label`);
      assert.ok(attrs.get('tooltip')!.includes(graph.findings[i].rule), `${node.id}: ${graph.findings[i].rule} in its tooltip`);
    }
  }
  const visible = drawn.edges.filter((e) => e.attrs.get('style') !== 'invis');
  const key = (e: { source: string; target: string }, style: string | undefined) => `${e.source} -> ${e.target} ${style}`;
  assert.deepEqual(
    visible.map((e) => key(e, e.attrs.get('style'))).sort(),
    graph.edges.map((e) => key(e, expectedStyle(e))).sort(),
    'each edge once, with the line of its kind',
  );
  for (const edge of graph.edges) {
    const { attrs } = visible.find((e) => key(e, e.attrs.get('style')) === key(edge, expectedStyle(edge)))!;
    assert.equal(attrs.get('color'), expectedColour(edge), `${edge.id}: colour`);
    const label = labelLines(attrs.get('label') ?? '');
    assert.equal(label.includes(`${edge.subscriptions} subscriptions`), (edge.subscriptions ?? 0) > 1, `${edge.id}: its count`);
    for (const i of edge.findings) assert.ok(attrs.get('tooltip')!.includes(graph.findings[i].rule), `${edge.id}: tooltip`);
  }
  // Unseen edges only hold Microsoft above the nodes nothing points to.
  for (const e of drawn.edges.filter((e) => e.attrs.get('style') === 'invis')) {
    assert.equal(e.source, 'microsoft');
    assert.ok(!graph.edges.some((edge) => edge.target === e.target), e.target);
  }
  assert.deepEqual(
    [...drawn.clusters.keys()],
    graph.groups.map((g) => `cluster_${g.id}`),
  );
  for (const group of graph.groups)
    assert.deepEqual(labelLines(drawn.clusters.get(`cluster_${group.id}`)!.get('label')!), [
      group.id,
      `${group.errors} errors, ${group.warnings} warnings`,
    ]);
  const note = labelLines(drawn.attrs.get('label') ?? '');
  for (const i of graph.unplaced) assert.ok(note.some((l) => l.includes(`${graph.findings[i].rule} (line `)));
  return drawn;
}

// --- Mermaid, read back ----------------------------------------------------------------------------------

interface MermaidChart {
  /** Node id → its label's lines, decoded, and the subgraph it is in. */
  nodes: Map<string, { lines: string[]; subgraph?: string }>;
  edges: { source: string; arrow: string; label?: string[]; target: string }[];
  subgraphs: Map<string, string>;
  classes: Map<string, string[]>;
  linkStyles: { edges: number[]; style: string }[];
}

/** A label of ours, checked and decoded: no raw quote, no markup but `<br>`, no backslash; entities decoded. */
function mermaidLabel(raw: string): string[] {
  assert.ok(!/["\\]/.test(raw) && !/[<>]/.test(raw.replace(/<br>/g, '')), `a safe label: ${raw}`);
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return raw
    .split('<br>')
    .map((line) => line.replace(/#(\w+);/g, (_, code: string) => named[code] ?? String.fromCodePoint(Number(code))).replace(/\u2060/g, ''));
}

function readMermaid(text: string): MermaidChart {
  const [first, ...lines] = text.trimEnd().split('\n');
  assert.equal(first, 'flowchart TB');
  const chart: MermaidChart = { nodes: new Map(), edges: [], subgraphs: new Map(), classes: new Map(), linkStyles: [] };
  let subgraph: string | undefined;
  for (const line of lines) {
    const s = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^subgraph (g\d+)\["([^"]*)"\]$/.exec(s))) {
      assert.equal(subgraph, undefined, 'subgraphs are not nested');
      subgraph = m[1];
      chart.subgraphs.set(m[1], mermaidLabel(m[2]).join(''));
    } else if (s === 'end') {
      assert.notEqual(subgraph, undefined, '`end` closes a subgraph');
      subgraph = undefined;
    } else if ((m = /^(n\d+|unplaced)(\{\{|\[\[|\[\(|\(\[|\[|\(|>)"([^"]*)"(\}\}|\]\]|\)\]|\]\)|\]|\))$/.exec(s))) {
      assert.ok(!chart.nodes.has(m[1]), `${m[1]} is defined once`);
      chart.nodes.set(m[1], { lines: mermaidLabel(m[3]), subgraph });
    } else if ((m = /^(n\d+) (-->|-\.->|~~~)(?:\|"([^"]*)"\|)? (n\d+)$/.exec(s))) {
      chart.edges.push({ source: m[1], arrow: m[2], label: m[3] === undefined ? undefined : mermaidLabel(m[3]), target: m[4] });
    } else if ((m = /^classDef (\w+) (\S+)$/.exec(s))) {
      chart.classes.set(m[1], []);
    } else if ((m = /^class ([\w,]+) (\w+)$/.exec(s))) {
      assert.ok(chart.classes.has(m[2]), `class ${m[2]} is defined`);
      chart.classes.get(m[2])!.push(...m[1].split(','));
    } else if ((m = /^linkStyle ([\d,]+) (.+)$/.exec(s))) {
      chart.linkStyles.push({ edges: m[1].split(',').map(Number), style: m[2] });
    } else assert.fail(`an unexpected line: ${line}`);
  }
  assert.equal(subgraph, undefined, 'every subgraph is closed');
  for (const e of chart.edges)
    assert.ok(chart.nodes.has(e.source) && chart.nodes.has(e.target), `${e.source} → ${e.target}: defined nodes`);
  return chart;
}

/** The Mermaid against the model: node `n<i>` is the model's node i; edges in the model's order, then the unseen ones. */
function assertMermaidMatches(text: string, graph: ChannelGraph): MermaidChart {
  const chart = readMermaid(text);
  const idOf = (nodeId: string) => `n${graph.nodes.findIndex((n) => n.id === nodeId)}`;
  assert.equal([...chart.nodes.keys()].filter((id) => id !== 'unplaced').length, graph.nodes.length);
  assert.equal(chart.nodes.has('unplaced'), graph.unplaced.length > 0);
  const titles = [...chart.subgraphs.values()];
  assert.deepEqual(
    titles,
    graph.groups.map((g) => `${g.id} · ${g.errors} errors, ${g.warnings} warnings`),
  );
  graph.nodes.forEach((node, i) => {
    const drawn = chart.nodes.get(`n${i}`)!;
    assert.equal(drawn.lines[0], node.kind === 'customers' ? `${node.count} customers` : flat(node.label), node.id);
    const title = drawn.subgraph && chart.subgraphs.get(drawn.subgraph);
    assert.equal(title?.split(' · ')[0], node.region, `${node.id} is in its region's subgraph`);
  });
  const visible = chart.edges.filter((e) => e.arrow !== '~~~');
  assert.deepEqual(
    visible.map((e) => `${e.source} ${e.arrow} ${e.target}`),
    graph.edges.map((e) => `${idOf(e.source)} ${expectedStyle(e) === 'solid' ? '-->' : '-.->'} ${idOf(e.target)}`),
  );
  assert.deepEqual(
    chart.edges.slice(visible.length).map((e) => e.arrow),
    chart.edges.slice(visible.length).map(() => '~~~'),
    'unseen links come after the edges, which linkStyle numbers',
  );
  for (const [severity, colour] of [
    ['error', RED],
    ['warning', ORANGE],
  ]) {
    const nodes = graph.nodes.flatMap((n, i) => (n.severity === severity ? [`n${i}`] : []));
    assert.deepEqual(chart.classes.get(severity) ?? [], nodes, `${severity} nodes`);
    const edges = graph.edges.flatMap((e, i) => (e.severity === severity ? [i] : []));
    const styled = chart.linkStyles.filter((l) => l.style.includes(`stroke:${colour}`)).flatMap((l) => l.edges);
    assert.deepEqual(
      styled.sort((a, b) => a - b),
      edges,
      `${severity} edges`,
    );
  }
  const dotted = chart.linkStyles.filter((l) => l.style.includes('stroke-dasharray:1 3')).flatMap((l) => l.edges);
  assert.deepEqual(
    dotted.sort((a, b) => a - b),
    graph.edges.flatMap((e, i) => (e.kind === 'owns' ? [i] : [])),
    'owns: dotted',
  );
  return chart;
}

// --- the tests -------------------------------------------------------------------------------------------

describe('CLI graph (bundled bin in a child process)', () => {
  let dir: string;
  /** A manifest of 30 customers of one reseller in one region, and two others: one collapsed node by default. */
  let big: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'csp-graph-'));
    big = path.join(dir, 'big.csp-partners.yaml');
    writeFileSync(big, bigChannel(30));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('formats and exit status', () => {
    for (const format of FORMATS) {
      it(`${format}: exit 1 on the example that breaks every rule, 0 on the clean one, nothing on stderr`, () => {
        for (const [file, status] of [
          [EVERY_RULE, 1],
          [CLEAN, 0],
        ] as const) {
          const run = graphCli([file, '--format', format]);
          assert.equal(run.status, status, run.stderr);
          assert.equal(run.stderr, '');
          assert.ok(run.stdout.endsWith('\n'), 'ends with a line break');
          const model = modelOf(file);
          if (format === 'json') assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(model)));
          else if (format === 'dot') assertDotMatches(run.stdout, model);
          else assertMermaidMatches(run.stdout, model);
        }
      });
    }

    it('is DOT without --format, and the same bytes every time', () => {
      const byDefault = graphCli([EVERY_RULE]);
      assert.equal(byDefault.stdout, graphCli([EVERY_RULE, '--format', 'dot']).stdout);
      assert.match(byDefault.stdout, /^digraph "csp-partners" \{$/m);
      assert.match(byDefault.stdout, /rankdir=TB/);
      for (const format of FORMATS) {
        // A second process, not a kept result: `--format=X` is another invocation.
        assert.equal(graphCli([`--format=${format}`, EVERY_RULE]).stdout, graphCli([EVERY_RULE, '--format', format]).stdout, format);
      }
    });

    it('--rule sets severities as in check: warnings instead of errors, exit 0, orange edges', () => {
      const args = [CROSS_REGION, '--rule', 'cross-region-sale=warning'];
      assert.equal(graphCli([CROSS_REGION]).status, 1);
      const json = graphCli([...args, '--format', 'json']);
      assert.equal(json.status, 0, json.stderr);
      const model = modelOf(CROSS_REGION, {}, { 'cross-region-sale': 'warning' });
      assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(model)));
      assert.ok(model.edges.some((e) => e.severity === 'warning'));
      const dot = graphCli(args);
      assert.equal(dot.status, 0);
      assertDotMatches(dot.stdout, model);
      assert.ok(!dot.stdout.includes(RED));
    });
  });

  describe('--format json is the core graph of the file', () => {
    const cases: [string, string[], GraphOptions][] = [
      ['--region europe', ['--region', 'europe'], { region: 'europe' }],
      ['--region united-states', ['--region', 'united-states'], { region: 'united-states' }],
      ['--partner contoso-dist', ['--partner', 'contoso-dist'], { partner: 'contoso-dist' }],
      ['--only-findings', ['--only-findings'], { onlyFindings: true }],
      ['--region europe --only-findings', ['--region', 'europe', '--only-findings'], { region: 'europe', onlyFindings: true }],
      ['--collapse 0', ['--collapse', '0'], { collapseAbove: 0 }],
    ];
    for (const [name, args, options] of cases) {
      it(`${name}: the model, in every format`, () => {
        const model = modelOf(EVERY_RULE, options);
        const json = graphCli([EVERY_RULE, ...args, '--format', 'json']);
        assert.equal(json.status, 1);
        assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(model)));
        assertDotMatches(graphCli([EVERY_RULE, ...args]).stdout, model);
        assertMermaidMatches(graphCli([EVERY_RULE, ...args, '--format', 'mermaid']).stdout, model);
      });
    }

    it('collapses past 25 customers by default; --collapse N sets the threshold, 0 never collapses', () => {
      const json = (args: string[]) => JSON.parse(graphCli([big, '--format', 'json', ...args]).stdout) as ChannelGraph;
      const byDefault = json([]);
      assert.deepEqual(byDefault, JSON.parse(JSON.stringify(modelOf(big))));
      assert.deepEqual(
        byDefault.nodes.filter((n) => n.kind === 'customers').map((n) => n.count),
        [30],
      );
      assert.deepEqual(json(['--collapse', '0']), JSON.parse(JSON.stringify(modelOf(big, { collapseAbove: 0 }))));
      assert.equal(json(['--collapse', '0']).nodes.filter((n) => n.kind === 'customer').length, 32);
      assert.equal(json(['--collapse', '30']).nodes.filter((n) => n.kind === 'customers').length, 0);
      assert.deepEqual(json(['--collapse', '29']), JSON.parse(JSON.stringify(modelOf(big, { collapseAbove: 29 }))));
      assertDotMatches(graphCli([big]).stdout, modelOf(big));
      assertMermaidMatches(graphCli([big, '--format', 'mermaid']).stdout, modelOf(big));
    });

    it('speaks Japanese with --locale ja: the findings, the count of customers, the region counts', () => {
      const dot = graphCli([big, '--locale', 'ja']).stdout;
      assert.match(dot, /label="顧客 30 社"/);
      assert.match(dot, /label="europe\\nエラー 0 件、警告 0 件"/);
      assert.match(graphCli([big, '--locale', 'ja', '--format', 'mermaid']).stdout, /\[\("顧客 30 社"\)\]/);
      const json = JSON.parse(graphCli([CROSS_REGION, '--locale', 'ja', '--format', 'json']).stdout) as ChannelGraph;
      assert.match(json.findings[0].message, /CSP リージョン/);
    });
  });

  describe('DOT', () => {
    it('writes hostile names as they are: quotes, backslashes, markup, braces, bars, line breaks', () => {
      const run = graphCli([HOSTILE]);
      assert.equal(run.status, 1, run.stderr);
      const drawn = assertDotMatches(run.stdout, modelOf(HOSTILE));
      const firstLine = (id: string) => labelLines(drawn.nodes.get(id)![0].attrs.get('label')!)[0];
      assert.equal(firstLine('partner:quote-dist'), 'Quote "Distribution" \\ GmbH \\');
      assert.equal(firstLine('partner:markup.reseller'), '<b>Bold</b> & Co {left|right} <i>x</i> &amp; &#60; \\N \\G');
      assert.equal(firstLine('partner:lines-db'), 'First line Second line tabbed \\n not a break  %% not a comment');
      assert.equal(firstLine('customer:cust-two'), 'a -> b [label=x]; } digraph { "c"');
      // Outside doubled backslashes, a backslash only escapes a quote or is a line break of ours: a name starts no escape.
      assert.ok(!/\\[^"nl]/.test(run.stdout.replace(/\\\\/g, '')), 'no other backslash');
    });

    it('Graphviz draws it: `dot -Tsvg` exits 0 and the SVG shows every label', function () {
      if (spawnSync('dot', ['-V']).status !== 0) {
        // CI installs Graphviz (.ci/run); a developer machine may not have it.
        console.log('      (skipped: Graphviz `dot` is not installed; apt-get install graphviz)');
        this.skip();
      }
      const decode = (xml: string) =>
        xml
          .replace(/&#(\d+);/g, (_, n: string) => (n === '160' ? ' ' : String.fromCodePoint(Number(n))))
          .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
          .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
      for (const args of [[EVERY_RULE], [CLEAN], [HOSTILE], [BROKEN], [big], [big, '--locale', 'ja'], [CLEAN, '--only-findings']]) {
        const dot = graphCli(args).stdout;
        const svg = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
        assert.equal(svg.status, 0, `${args.join(' ')}: ${svg.stderr}`);
        const texts = new Set([...svg.stdout.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1])));
        const drawn = readDot(dot);
        const labels = [
          ...[...drawn.nodes.values()].map(([n]) => n.attrs.get('label')!),
          ...drawn.edges.flatMap((e) => e.attrs.get('label') ?? []),
          ...[...drawn.clusters.values()].map((c) => c.get('label')!),
        ];
        for (const line of labels.flatMap(labelLines)) assert.ok(texts.has(line.trim()), `${args.join(' ')}: "${line}" in the SVG`);
      }
    });
  });

  describe('Mermaid', () => {
    it('writes hostile names as they are, as entities in quoted labels', () => {
      const run = graphCli([HOSTILE, '--format', 'mermaid']);
      assert.equal(run.status, 1, run.stderr);
      const model = modelOf(HOSTILE);
      const chart = assertMermaidMatches(run.stdout, model);
      const linesOf = (id: string) => chart.nodes.get(`n${model.nodes.findIndex((n) => n.id === id)}`)!.lines;
      assert.equal(linesOf('partner:quote-dist')[0], 'Quote "Distribution" \\ GmbH \\');
      assert.equal(linesOf('partner:markup.reseller')[0], '<b>Bold</b> & Co {left|right} <i>x</i> &amp; &#60; \\N \\G');
      assert.equal(linesOf('partner:lines-db')[0], 'First line Second line tabbed \\n not a break  %% not a comment');
      assert.equal(linesOf('partner:#4')[0], 'style: lifestyle:#quot;x#quot; ; `tick` C#; end');
      // Nothing Mermaid rewrites before it parses: no `\n`, no `#name;` but ours, no `%%` at the start of a line.
      assert.ok(!run.stdout.includes('\\'));
      assert.ok(!/^\s*%%/m.test(run.stdout));
    });
  });

  describe('a manifest with YAML syntax errors', () => {
    it('exit 1; the graph of what was read (Microsoft alone) and the findings about no element', () => {
      const model = modelOf(BROKEN);
      assert.deepEqual(
        model.nodes.map((n) => n.id),
        ['microsoft'],
      );
      assert.ok(model.unplaced.length > 0 && model.unplaced.every((i) => model.findings[i].rule === 'yaml-syntax'));
      for (const format of FORMATS) {
        const run = graphCli([BROKEN, '--format', format]);
        assert.equal(run.status, 1, `${format}: ${run.stderr}`);
        assert.equal(run.stderr, '');
      }
      assert.deepEqual(JSON.parse(graphCli([BROKEN, '--format', 'json']).stdout), JSON.parse(JSON.stringify(model)));
      const dot = assertDotMatches(graphCli([BROKEN]).stdout, model);
      const note = labelLines(dot.attrs.get('label')!);
      assert.equal(note[0], 'Findings about no element of the graph:');
      assert.deepEqual(
        note.slice(1).filter(Boolean),
        model.unplaced.map((i) => `error yaml-syntax (line ${model.findings[i].range.start.line + 1}): ${model.findings[i].message}`),
      );
      const chart = assertMermaidMatches(graphCli([BROKEN, '--format', 'mermaid']).stdout, model);
      assert.equal(chart.nodes.get('unplaced')!.lines.length, model.unplaced.length + 1);
      // Nothing could be read, so no partner id is wrong: still the graph, still exit 1.
      assert.equal(graphCli([BROKEN, '--partner', 'contoso-dist']).status, 1);
    });
  });

  describe('--output FILE', () => {
    it('writes the graph there (stdout stays empty), with the same exit status', () => {
      for (const format of FORMATS) {
        const out = path.join(dir, `graph.${format}`);
        const run = graphCli([EVERY_RULE, '--format', format, '--output', out]);
        assert.equal(run.status, 1, run.stderr);
        assert.equal(run.stdout, '');
        assert.equal(readFileSync(out, 'utf8'), graphCli([EVERY_RULE, '--format', format]).stdout);
      }
    });

    it('is 2 when the file cannot be written, naming it', () => {
      const run = graphCli([CLEAN, '--output', path.join(dir, 'no-such-folder', 'graph.dot')]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Cannot write .*no-such-folder\/graph\.dot: ENOENT/);
    });
  });

  describe('exit status 2 for a bad invocation, with the message and the usage on stderr', () => {
    const usage = (args: string[], pattern: RegExp, cwd = repoRoot) => {
      const run = graphCli(args, cwd);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '', 'no graph');
      assert.match(run.stderr, pattern);
      return run;
    };

    it('no file, two files', () => {
      assert.match(
        usage([], /csp-partners: graph needs one manifest file\./).stderr,
        /csp-partners graph FILE \[--format dot\|mermaid\|json\]/,
      );
      usage([CLEAN, EVERY_RULE], /Unexpected argument "examples\/every-rule\.csp-partners\.yaml": graph draws one manifest file\./);
    });

    it('an unknown format, option, count, rule or region (naming the regions there are)', () => {
      usage([CLEAN, '--format', 'svg'], /Unknown format "svg" for graph; use dot, mermaid or json\./);
      usage([CLEAN, '--format', 'text'], /Unknown format "text" for graph/);
      usage([CLEAN, '--bogus'], /Unknown option --bogus\./);
      usage([CLEAN, '--quiet'], /Unknown option --quiet\./);
      usage([CLEAN, '--collapse', 'many'], /--collapse needs a whole number, not "many"\./);
      usage([CLEAN, '--collapse', '-1'], /--collapse needs a whole number/);
      usage([CLEAN, '--collapse'], /Option --collapse needs a value\./);
      usage([CLEAN, '--rule', 'cross-region-sale=loud'], /Bad --rule "cross-region-sale=loud"/);
      usage([CLEAN, '--rule', 'no-such-rule=off'], /Unknown rule id "no-such-rule"\./);
      const region = usage([CLEAN, '--region', 'emea'], /Unknown CSP region "emea"; the regions are: /);
      for (const id of regionIds) assert.ok(region.stderr.includes(id), id);
      assert.match(region.stderr, /africa, asia-pacific, .*, united-states\./);
    });

    it('a partner id the manifest does not have (a customer id is not one)', () => {
      usage([CLEAN, '--partner', 'nobody'], /csp-partners: No partner "nobody" in this manifest\./);
      usage([CLEAN, '--partner', 'woodgrove'], /No partner "woodgrove" in this manifest\./);
    });

    it('a missing file, a directory, an unreadable file', () => {
      usage(['examples/no-such-file.yaml'], /Cannot read examples\/no-such-file\.yaml: ENOENT/);
      usage(['examples'], /Cannot read examples: is a directory/);
      const locked = path.join(dir, 'locked.csp-partners.yaml');
      writeFileSync(locked, readFileSync(path.join(repoRoot, CLEAN)));
      chmodSync(locked, 0o000);
      // Root reads any file: there the permission bits cannot make one unreadable.
      if (process.getuid?.() !== 0) usage([locked], /Cannot read .*locked\.csp-partners\.yaml: EACCES/);
      chmodSync(locked, 0o644);
    });
  });

  it('a failure of the checker is said on one line, exit 2', () => {
    const original = core.check;
    const err: string[] = [];
    try {
      (core as { check: typeof original }).check = () => {
        throw new RangeError('Maximum call stack size exceeded\n    at somewhere');
      };
      const status = runCli(['graph', EVERY_RULE], { out: () => assert.fail('no graph'), err: (t) => err.push(t), cwd: repoRoot, env: {} });
      assert.equal(status, 2);
    } finally {
      (core as { check: typeof original }).check = original;
    }
    assert.deepEqual(err, [`csp-partners: Could not check ${EVERY_RULE}: internal error (RangeError: Maximum call stack size exceeded)`]);
  });
});
