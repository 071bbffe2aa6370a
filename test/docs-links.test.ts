// The documentation a user reads (README.md and every Markdown file under docs/) stands on its own: it cites
// public sources, never the project's internal research notes, and its relative links stay inside the
// repository and name files that exist. The notes number their facts by section ("F0.2", "F11.3"); such an id,
// or a mention of the notes, points a reader at a file they do not have. The sources, scripts, schemas,
// package.json with its nls bundles and the l10n bundles may not refer to the notes either.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support';

interface Problem {
  line: number;
  what: string;
}

/** A research fact id: F, a section number, a dot and a fact number (F0.2, F11.3), not part of a longer token. */
const FACT_ID = String.raw`F\d{1,2}\.\d{1,3}(?![\w.]*\d)`;

/** Research references recognisable whatever the text is (prose or code): a fact id in a "fact" context, or the notes named. */
const REFERENCE_PATTERNS: readonly { what: string; pattern: RegExp }[] = [
  // "fact **F4.2**", "facts **F1.3**, **F2.1**", "fact F7.4", "Fact: F1.2"
  { what: 'a fact id after "fact"', pattern: new RegExp(String.raw`\bfacts?\b[\s*_:(\[]{0,8}${FACT_ID}`, 'gi') },
  // "**F4.2**", "*F4.2*", "_F4.2_", "`F4.2`": a fact id set off by emphasis or code marks
  { what: 'a marked-up fact id', pattern: new RegExp(String.raw`(\*\*|\*|__|_|\`)${FACT_ID}\1`, 'g') },
  // "research F0.2", "research §14", "research file", "research notes"
  { what: 'the research notes', pattern: /\bresearch\s+(?:F\d|§|file|notes?\b)/gi },
  { what: 'the research notes', pattern: /\bcsp-rules\.md\b/g },
  // a path into the shared folder beside the repository (../shared/spec/…, /work/shared/research/…)
  { what: 'a path into a shared/ folder', pattern: /(?:\.\.\/)+shared\/|\/shared\/(?:research|spec)\b/g },
];

/** The 1-based line of an index. */
const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** `s` with every character but line breaks turned into a space: same length, same lines. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** A Markdown text with its fenced code blocks and code spans blanked. */
function withoutCode(markdown: string): string {
  let fenced = false;
  const lines = markdown.split('\n').map((line) => {
    const fence = /^ {0,3}(```|~~~)/.test(line);
    if (fence) fenced = !fenced;
    return fence || fenced ? blank(line) : line;
  });
  return lines.join('\n').replace(/`[^`\n]*`/g, blank);
}

/**
 * The prose of a Markdown text, same length and lines: code, link targets and URLs are blanked, so a fact id left
 * in the prose is a citation, not a version number in a URL or an identifier in code.
 */
function prose(markdown: string): string {
  return withoutCode(markdown)
    .replace(/\]\([^)\n]*\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/<[a-z][\w+.-]*:[^>\s]*>/gi, blank)
    .replace(/\bhttps?:\/\/\S+/g, blank);
}

/** Research references in `text`; `markdown` adds bare fact ids in the prose ("an inference from F11.4 and F11.5"). */
export function researchReferences(text: string, markdown: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const { what, pattern } of REFERENCE_PATTERNS)
    for (const m of text.matchAll(pattern)) problems.push({ line: lineAt(text, m.index ?? 0), what: `${what}: ${m[0].trim()}` });
  if (markdown)
    for (const m of prose(text).matchAll(new RegExp(String.raw`(?<![\w./%#=-])${FACT_ID}`, 'g')))
      problems.push({ line: lineAt(text, m.index ?? 0), what: `a fact id in the prose: ${m[0]}` });
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Every link target of a Markdown text outside code: inline links and images, reference definitions (not
 * footnotes), autolinks, HTML href and src.
 */
function linkTargets(markdown: string): { line: number; target: string }[] {
  const text = withoutCode(markdown);
  const patterns = [
    /\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+["'(][^)]*)?\)/g,
    /^ {0,3}\[(?!\^)[^\]\n]+\]:\s*<?([^\s>]+)>?/gm,
    /<([a-z][\w+.-]*:[^>\s]*)>/gi,
    /\b(?:href|src)\s*=\s*["']([^"']+)["']/gi,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ line: lineAt(text, m.index ?? 0), target: m[1] })));
}

/** Links of `file` (a Markdown file at that path) that leave the repository, enter a shared/ folder or name no file. */
export function linkProblems(file: string, markdown: string): Problem[] {
  const problems: Problem[] = [];
  for (const { line, target } of linkTargets(markdown)) {
    const scheme = /^([a-z][\w+.-]*):/i.exec(target)?.[1].toLowerCase();
    if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') continue;
    if (scheme) {
      problems.push({ line, what: `a ${scheme}: link: ${target}` });
      continue;
    }
    let relative: string;
    try {
      relative = decodeURI(target.replace(/[#?].*$/, ''));
    } catch {
      problems.push({ line, what: `a link that is not a valid URI: ${target}` });
      continue;
    }
    if (!relative) continue; // an anchor of the same page
    if (/(^|[/\\])shared([/\\]|$)/.test(relative)) problems.push({ line, what: `a link to a shared/ folder: ${target}` });
    else if (path.isAbsolute(relative)) problems.push({ line, what: `an absolute path: ${target}` });
    else {
      const resolved = path.resolve(path.dirname(file), relative);
      const inside = path.relative(repoRoot, resolved);
      if (inside.startsWith('..') || path.isAbsolute(inside)) problems.push({ line, what: `a link outside the repository: ${target}` });
      else if (!existsSync(resolved)) problems.push({ line, what: `a link to a missing file: ${target}` });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** The files of `dir` (relative to the repository) whose names end with one of `extensions`, recursively. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(path.join(repoRoot, dir))) return [];
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(relative, extensions);
      return entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)) ? [relative] : [];
    })
    .sort();
}

const MARKDOWN = ['README.md', ...filesUnder('docs', ['.md'])];
const SOURCES = [
  ...filesUnder(path.join('server', 'src'), ['.ts']),
  ...filesUnder(path.join('client', 'src'), ['.ts']),
  ...filesUnder('scripts', ['.mjs', '.js', '.ts']),
  ...filesUnder('schemas', ['.json']),
  ...filesUnder('l10n', ['.json']),
  'package.json',
  ...readdirSync(repoRoot).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name)),
];

const report = (file: string, problems: Problem[]) => problems.map((p) => `${file}:${p.line}: ${p.what}`);

describe('documentation stands on its own (no research notes, no links outside the repository)', () => {
  it('reads README.md and the pages of docs/, the rule pages among them', () => {
    assert.ok(MARKDOWN.includes(path.join('docs', 'rules', 'self-sale.md')), MARKDOWN.join(', '));
    assert.ok(MARKDOWN.length > 30, `${MARKDOWN.length} files`);
    assert.ok(SOURCES.includes(path.join('server', 'src', 'core', 'rules', 'helpers.ts')));
  });

  it('cites no research fact id and does not name the research notes', () => {
    const found = MARKDOWN.flatMap((file) => report(file, researchReferences(readFileSync(path.join(repoRoot, file), 'utf8'), true)));
    assert.deepEqual(found, []);
  });

  it('links only to public addresses and to files of the repository (none in a shared/ folder)', () => {
    const found = MARKDOWN.flatMap((file) => {
      const absolute = path.join(repoRoot, file);
      return report(file, linkProblems(absolute, readFileSync(absolute, 'utf8')));
    });
    assert.deepEqual(found, []);
  });

  it('keeps the sources, scripts, schemas and package strings free of research references too', () => {
    const found = SOURCES.flatMap((file) => report(file, researchReferences(readFileSync(path.join(repoRoot, file), 'utf8'), false)));
    assert.deepEqual(found, []);
  });

  describe('the checks themselves', () => {
    const page = path.join(repoRoot, 'docs', 'rules', 'example.md');
    const refs = (text: string) => researchReferences(text, true).map((p) => p.what);

    it('find the ways a fact was cited', () => {
      for (const text of [
        '(fact **F4.2**, 2020 Microsoft text, <https://docs.microsoft.com/partner-center/x>)',
        'the customer (facts **F1.3**, **F2.1**,\n**F2.2**, <https://learn.microsoft.com/x>).',
        'an **inference** (fact\nF7.4), and',
        '/** Orders before this date (research F0.2: "Starting February 1, 2020"). */',
        'is an inference from F11.4 and F11.5.',
        'was found (research file §15, open question 4).',
        'the mapping is the judgement of the research notes',
        'see `F3.6` and _F1.10_',
        'node scripts/import-regions.mjs ../shared/spec/csp-regions.csv',
        'read /work/shared/research/csp-rules.md',
      ])
        assert.notDeepEqual(refs(text), [], text);
    });

    it('do not mistake versions, codes, URLs or ordinary words for a fact id', () => {
      for (const text of [
        'Version 1.2 of the schema; press F1 for help; ISO 3166-1 alpha-2; UTF-16 code units; SARIF 2.1.0.',
        'Scenario 4 of spec §5; the shared services tenant; `shared-services-misuse`; research shows nothing.',
        '[Regional Authorization FAQ](https://github.com/x/files/Regional%20Authorization%20FAQ.pdf#F1.2)',
        '<https://example.com/F1.2/page> and https://example.com/a/F2.3 in a sentence.',
        '```yaml\nversion: F1.2\n```',
        'a partner in the F1.2.3 build; the F12.34.5 release',
      ])
        assert.deepEqual(refs(text), [], text);
    });

    it('find links to a shared/ folder, outside the repository, to missing files and to local files', () => {
      for (const link of [
        '[the spec](../../../shared/spec/manifest.md)',
        '[the spec](shared/spec/manifest.md)',
        '[notes]: ../../../shared/research/csp-rules.md',
        '<file:///work/shared/research/csp-rules.md>',
        '<a href="../../../outside.md">x</a>',
        '[gone](no-such-rule.md)',
        '[root](/etc/passwd)',
      ])
        assert.notDeepEqual(linkProblems(page, link), [], link);
      for (const link of [
        '[suppressions](../suppressions.md#inline-comments)',
        '[schema](../../schemas/csp-partners.schema.json)',
        '[self-sale](self-sale.md)',
        '[same page](#why)',
        '[shared services](https://learn.microsoft.com/en-us/partner-center/shared-services)',
        '<https://learn.microsoft.com/en-us/partner-center/customers/multipartner>',
      ])
        assert.deepEqual(linkProblems(page, link), [], link);
    });
  });
});
