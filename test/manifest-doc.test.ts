// docs/manifest.md, the format reference, against what it describes: the JSON Schema (every object's keys
// in a table of their own, required keys and defaults, every allowed value), the checker (the complete
// manifest it shows checks clean and writes every key; the rule ids it names exist), the region table,
// and the extension's file names and settings.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { check } from '../server/src/core/check';
import { rules } from '../server/src/core/rules';
import { readPackageJson, repoRoot } from './support';

const PAGE = path.join('docs', 'manifest.md');
const page = readFileSync(path.join(repoRoot, PAGE), 'utf8');

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  [key: string]: unknown;
}
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'csp-partners.schema.json'), 'utf8')) as SchemaNode;

/** Every object-valued node of the schema with its JSON pointer, definitions and nested properties included. */
function schemaNodes(node: unknown, at = '#'): { at: string; node: SchemaNode }[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((item, i) => schemaNodes(item, `${at}/${i}`));
  return [
    { at, node: node as SchemaNode },
    ...Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => schemaNodes(value, `${at}/${key}`)),
  ];
}
const nodes = schemaNodes(schema);
/** The schema's objects that list their keys (the root, partner, customer, subscription, mpa, onboarding, directBill). */
const objects = nodes.filter(({ node }) => node.properties && typeof node.properties === 'object');
const propertyNames = [...new Set(objects.flatMap(({ node }) => Object.keys(node.properties!)))];

/** The page's lines with fenced code blanked (same line numbers), and its fenced blocks with the line before each. */
const lines = page.split('\n');
const fences: { marker: string; info: string; text: string }[] = [];
const proseLines: string[] = [];
{
  let open: { marker: string; info: string; body: string[] } | undefined;
  lines.forEach((line, i) => {
    const fence = /^ {0,3}```(.*)$/.exec(line);
    if (open) {
      if (fence) {
        fences.push({ marker: open.marker, info: open.info, text: open.body.join('\n') + '\n' });
        open = undefined;
      } else open.body.push(line);
      proseLines.push('');
    } else if (fence) {
      open = { marker: lines[i - 1] ?? '', info: fence[1].trim(), body: [] };
      proseLines.push('');
    } else proseLines.push(line);
  });
  assert.equal(open, undefined, `${PAGE} has an unclosed code fence`);
}
const prose = proseLines.join('\n');

/** The code spans of the prose (tables included), as written between backticks. */
const codeSpans = new Set([...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
const spansOf = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

/** The tables of the prose: header cells, and each row's cells. */
function tables(): { header: string[]; rows: string[][] }[] {
  const out: { header: string[]; rows: string[][] }[] = [];
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((cell) => cell.trim());
  let current: string[] = [];
  for (const line of [...proseLines, '']) {
    if (line.startsWith('|')) {
      current.push(line);
      continue;
    }
    if (current.length >= 2) out.push({ header: cells(current[0]), rows: current.slice(2).map(cells) });
    current = [];
  }
  return out;
}
const keyTables = tables().filter((t) => t.header[0] === 'key' && t.header.includes('required'));

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

describe('docs/manifest.md, the format reference', () => {
  it('has a table of exactly the keys of each object of the schema, with its required keys and defaults', () => {
    assert.ok(objects.length >= 7, objects.map((o) => o.at).join(', '));
    const problems: string[] = [];
    for (const { at, node } of objects) {
      const keys = Object.keys(node.properties!).sort();
      const table = keyTables.find(
        (t) =>
          t.rows
            .map((row) => spansOf(row[0])[0] ?? row[0])
            .sort()
            .join() === keys.join(),
      );
      if (!table) {
        problems.push(`${at}: no table whose "key" column is exactly ${keys.join(', ')}`);
        continue;
      }
      const requiredColumn = table.header.indexOf('required');
      for (const row of table.rows) {
        const key = spansOf(row[0])[0];
        const required = (node.required ?? []).includes(key);
        if (/^yes\b/.test(row[requiredColumn]) !== required)
          problems.push(`${at}/${key}: the schema says ${required ? 'required' : 'optional'}, the page "${row[requiredColumn]}"`);
        const fallback = node.properties![key].default;
        const written = `default \`${JSON.stringify(fallback)?.replace(/^"|"$/g, '')}\``;
        if (fallback !== undefined && !row.join('|').includes(written)) problems.push(`${at}/${key}: the row does not give the ${written}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('names every property of the schema, at every level, and the x- keys', () => {
    assert.ok(propertyNames.includes('acceptedOn') && propertyNames.includes('registeredAsIndirectReseller'), propertyNames.join());
    assert.deepEqual(
      propertyNames.filter((name) => !codeSpans.has(name)),
      [],
    );
    const patterns = nodes.flatMap(({ node }) => Object.keys(node.patternProperties ?? {}));
    assert.ok(patterns.length > 0 && patterns.every((p) => p === '^x-'), patterns.join());
    assert.ok(codeSpans.has('x-'));
  });

  it('names every value the schema allows from a list (enum, const)', () => {
    const values = nodes.flatMap(({ node }) => [...(Array.isArray(node.enum) ? node.enum : []), ...('const' in node ? [node.const] : [])]);
    assert.ok(values.includes('indirect-provider') && values.includes('latin-america-caribbean') && values.includes(1));
    assert.deepEqual(
      values.map(String).filter((value) => !codeSpans.has(value)),
      [],
    );
  });

  it('shows a complete manifest that checks clean and writes every key of the schema', () => {
    const complete = fences.filter((f) => /^<!-- complete manifest\b/.test(f.marker));
    assert.ok(complete.length > 0, 'no code block after a "<!-- complete manifest" comment');
    for (const { info, text } of complete) {
      assert.equal(info, 'yaml');
      const result = check(text);
      assert.deepEqual(
        result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}: ${f.message}`),
        [],
      );
      const written = new Set<string>();
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object')
          for (const [key, inner] of Object.entries(value)) {
            written.add(key);
            walk(inner);
          }
      };
      walk(parse(text, { merge: true }));
      assert.deepEqual(
        propertyNames.filter((name) => !written.has(name)),
        [],
        'keys the complete manifest does not write',
      );
    }
  });

  it('names only rule ids that exist, in links and in code', () => {
    const ids = new Set(rules.map((r) => r.id));
    const problems: string[] = [];
    for (const m of prose.matchAll(/\[([^\]]*)\]\(rules\/([^)#]+)\.md(#[^)]*)?\)/g)) {
      const [, text, target] = m;
      if (target === 'README') continue;
      if (!ids.has(target)) problems.push(`a link to rules/${target}.md, which is no rule`);
      const shown = text.replace(/`/g, '');
      if (/^[a-z]+(-[a-z]+)+$/.test(shown) && shown !== target) problems.push(`[${text}] links to rules/${target}.md`);
    }
    // A kebab-case word in code is a rule id, a value of the schema, or one of these.
    const values = new Set(nodes.flatMap(({ node }) => (Array.isArray(node.enum) ? node.enum.map(String) : [])));
    const others = new Set(['csp-partners', 'yaml-language-server']);
    for (const span of codeSpans)
      if (/^[a-z]+(-[a-z]+)+$/.test(span) && !ids.has(span) && !values.has(span) && !others.has(span))
        problems.push(`\`${span}\` is neither a rule id nor a value of the schema`);
    // Rule ids in suppression comments, in the prose or in code blocks.
    for (const text of [prose, ...fences.map((f) => f.text)])
      for (const m of text.matchAll(/csp-disable(?:-next-line)?((?:[ ,]+[a-z][a-z-]*)+)/g))
        for (const id of m[1].split(/[\s,]+/).filter(Boolean))
          if (!ids.has(id)) problems.push(`a suppression names "${id}", which is no rule`);
    assert.deepEqual(problems, []);
  });

  it('gives each CSP region the markets of schemas/csp-regions.json', () => {
    const table = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'csp-regions.json'), 'utf8')) as {
      markets: { iso2: string; region: string }[];
    };
    const byRegion = new Map<string, string[]>();
    for (const { iso2, region } of table.markets) byRegion.set(region, [...(byRegion.get(region) ?? []), iso2]);
    const regionTable = tables().find((t) => t.header[0] === 'region id');
    assert.ok(regionTable, 'no table with a "region id" column');
    const documented = new Map(regionTable.rows.map((row) => [spansOf(row[0])[0], row[1]]));
    assert.deepEqual([...documented.keys()].sort(), [...byRegion.keys()].sort());
    for (const [region, codes] of byRegion) {
      const cell = documented.get(region)!;
      assert.equal(Number(/^\d+/.exec(cell)?.[0]), codes.length, `${region}: ${cell}`);
      const listed = spansOf(cell);
      if (listed.length) assert.deepEqual(listed.sort(), [...codes].sort(), region);
    }
    assert.ok(
      prose.replace(/\s+/g, ' ').includes(`${table.markets.length} markets in ${byRegion.size} regions`),
      'the count of markets and regions',
    );
  });

  it("names the extension's file names and settings", () => {
    const pkg = readPackageJson();
    const [language] = pkg.contributes.languages;
    const settings = Object.keys(pkg.contributes.configuration.properties);
    assert.ok(settings.includes('cspPartners.baselineFindings'), settings.join());
    for (const name of [...language.filenames, ...language.filenamePatterns, language.id, ...settings])
      assert.ok(codeSpans.has(name), `${name} is not named`);
  });

  it('links to its own headings only by anchors that exist', () => {
    const anchors = new Set(proseLines.filter((line) => /^#{1,6} /.test(line)).map((line) => slug(line.replace(/^#+ /, ''))));
    const missing = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]).filter((anchor) => !anchors.has(anchor));
    assert.deepEqual(missing, []);
  });
});
