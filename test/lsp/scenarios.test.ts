// Scenario checks over the protocol (spec §5): `cspPartners/subjects` and `cspPartners/scenario`, the
// Markdown report they return, and the report renderer on its own (escaping of manifest text).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { message } from '../../server/src/messages';
import { runAllScenarios, runScenario, ScenarioResult, Verdict } from '../../server/src/core/scenarios';
import { renderScenarioMarkdown } from '../../server/src/present/scenario-report';
import { escapeMarkdown } from '../../server/src/present/markdown';
import { RenderedScenario, renderScenario, VERDICT_MARKS as MARK } from '../../server/src/present/scenarios';
import { LANGUAGE_ID, SCENARIO_REQUEST, ScenarioAnswer, SUBJECTS_REQUEST, SubjectsAnswer } from '../../server/src/protocol';
import { check, repoRoot } from '../support';
import { Harness, startServer, uriOf } from './harness';
import { positionIn, rangeOf, readExample } from './lsp-support';

const example = readExample('every-rule.csp-partners.yaml');
const clean = readExample('csp-partners.yaml');
/** The packaged rule page the server links to (server/out/server.js → docs/rules/<id>.md). */
const ruleHref = (rule: string) => pathToFileURL(path.join(repoRoot, 'docs', 'rules', `${rule}.md`)).href;
/** 1-based line of `word` on the line holding `line` (the line a report links to). */
const lineOf = (text: string, line: string, word: string, nth = 0) => rangeOf(text, line, word, nth).start.line + 1;

/** The start of an item of a report: a list marker and a verdict's mark. */
const ITEM = `- [${Object.values(MARK).join('')}] `;
/** The item lines of a report: `- ✓ **supported** — subject`, one per item, in order. */
const itemLines = (markdown: string) => markdown.split('\n').filter((l) => new RegExp(`^${ITEM}`).test(l));

async function refusal(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
  return error;
}

/** Every item of the results appears in the report with its mark, verdict, subject, rule links and line links. */
function assertReportCovers(
  markdown: string,
  results: RenderedScenario[],
  links: { manifest: string; rule: (rule: string) => string },
): void {
  const lines = itemLines(markdown);
  const items = results.flatMap((r) => r.items);
  assert.equal(lines.length, items.length, 'one list item per scenario item');
  const blocks = markdown.split(new RegExp(`\\n(?=${ITEM})|\\n\\n`));
  items.forEach((item, i) => {
    assert.equal(
      lines[i],
      `- ${MARK[item.verdict]} **${message('en', `scenario.verdict.${item.verdict}`)}** — ${escapeMarkdown(item.subject)}\\`,
    );
    const block = blocks.find((b) => b.startsWith(lines[i]) && b.includes(escapeMarkdown(item.reason, { lineStart: true })));
    assert.ok(block, `the block of item ${i} (${item.subject}) with its reason`);
    for (const rule of item.rules) assert.ok(block.includes(`[${rule}](${links.rule(rule)})`), `${item.subject}: link to ${rule}`);
    for (const location of item.locations) {
      const n = location.start.line + 1;
      assert.ok(block.includes(`[${n}](${links.manifest}#L${n})`), `${item.subject}: link to line ${n}`);
    }
  });
}

describe('language server: scenario checks', () => {
  let server: Harness;
  let uri: string;
  const expected = check(example);
  /** The core's answers in words, as the server sends them. */
  const inWords = (results: ScenarioResult[]) =>
    JSON.parse(JSON.stringify(results.map((r) => renderScenario(r, 'en')))) as RenderedScenario[];
  before(async () => {
    server = await startServer();
    uri = await server.open('every-rule.csp-partners.yaml', example);
  });
  after(async () => {
    await server.stop();
  });

  const scenario = (params: Record<string, unknown>, u = uri) =>
    server.request<ScenarioAnswer>(SCENARIO_REQUEST, { textDocument: { uri: u }, ...params });
  const subjects = (position?: Position, u = uri) =>
    server.request<SubjectsAnswer>(SUBJECTS_REQUEST, { textDocument: { uri: u }, position });

  describe('cspPartners/scenario', () => {
    it('one scenario about one customer: the core answer, and a report of it', async () => {
      const answer = await scenario({ scenario: 1, customer: 'woodgrove' });
      assert.deepEqual(answer.results, inWords([runScenario(expected, 1, { customer: 'woodgrove' })]));
      assert.ok(
        answer.results[0].items.every((i) => i.subject.startsWith('woodgrove / ')),
        'only woodgrove',
      );
      const { markdown } = answer;
      assert.ok(markdown.startsWith('# CSP scenario checks: every-rule\\.csp-partners\\.yaml\n'), markdown.slice(0, 80));
      assert.match(markdown, /^## 1\. How is this customer served end to end\?$/m);
      assertReportCovers(markdown, answer.results, { manifest: uri, rule: ruleHref });

      // The path through fabrikam: not supported (fabrikam's MPA came after the order), linked to its soldBy line.
      const chain = itemLines(markdown).find((l) => l.includes('woodgrove / m365-e3: Microsoft → contoso-dist → fabrikam → woodgrove'));
      assert.ok(chain?.startsWith('- ✗ **not supported** — '), chain);
      assert.ok(markdown.includes(`[${lineOf(example, 'soldBy: fabrikam', 'fabrikam')}](${uri}#L91)`));
      assert.ok(markdown.includes(`[mpa-after-order](${ruleHref('mpa-after-order')})`));
      // The unknown seller and the valid path through a provider that sells direct (a note, still supported).
      assert.ok(markdown.includes(`[unknown-reference](${ruleHref('unknown-reference')}) · Lines: [97](${uri}#L97)`));
      assert.equal(lineOf(example, 'soldBy: fabrikm', 'fabrikm'), 97);
      assert.ok(
        itemLines(markdown).some((l) => l.startsWith('- ✓ **supported** — woodgrove / teams: Microsoft → contoso-dist → woodgrove')),
      );
      // Every rule page linked is shipped.
      for (const [, href] of markdown.matchAll(/\]\((file:[^)#]+\.md)\)/g)) assert.ok(existsSync(fileURLToPath(href)), href);
    });

    it('a partner scenario (4) about one partner', async () => {
      const answer = await scenario({ scenario: 4, partner: 'adatum' });
      assert.deepEqual(answer.results, inWords([runScenario(expected, 4, { partner: 'adatum' })]));
      const lines = itemLines(answer.markdown);
      assert.ok(lines.length >= 2 && lines.every((l) => l.includes('— adatum → adatum')), lines.join('\n'));
      assertReportCovers(answer.markdown, answer.results, { manifest: uri, rule: ruleHref });
    });

    it('all: the seven scenarios on the whole manifest, ✓ ✗ and – with a summary', async () => {
      const answer = await scenario({ scenario: 'all' });
      const results = inWords(runAllScenarios(expected));
      assert.deepEqual(answer.results, results);
      assert.deepEqual(
        answer.results.map((r) => r.scenario),
        [1, 2, 3, 4, 5, 6, 7],
      );
      const headings = answer.markdown.split('\n').filter((l) => l.startsWith('## '));
      assert.deepEqual(
        headings,
        results.map((r) => `## ${r.scenario}. ${escapeMarkdown(r.question)}`),
      );
      const items = results.flatMap((r) => r.items);
      const count = (verdict: Verdict) => items.filter((i) => i.verdict === verdict).length;
      assert.ok(count('supported') && count('not-supported') && count('not-applicable'), 'the example has all three verdicts');
      assert.ok(
        answer.markdown.includes(
          `\n${count('supported')} supported, ${count('not-supported')} not supported, ${count('not-applicable')} not applicable\n`,
        ),
      );
      for (const verdict of ['supported', 'not-supported', 'not-applicable'] as const) {
        assert.equal(itemLines(answer.markdown).filter((l) => l.startsWith(`- ${MARK[verdict]} `)).length, count(verdict), verdict);
      }
      assertReportCovers(answer.markdown, answer.results, { manifest: uri, rule: ruleHref });
      // Scenario 6: the cross-region sale, linked to the provider line and to the rule.
      const crossRegion = lineOf(example, 'provider: litware-dist-us', 'litware-dist-us');
      const six = answer.markdown.slice(answer.markdown.indexOf('## 6. '), answer.markdown.indexOf('## 7. '));
      assert.match(six, /^- ✗ \*\*not supported\*\* — woodgrove \/ project\\$/m);
      assert.ok(
        six.includes(`[cross-region-sale](${ruleHref('cross-region-sale')})`) && six.includes(`[${crossRegion}](${uri}#L${crossRegion})`),
        six,
      );
    });

    it('all with a customer: scenarios 1–3 about that customer, the others on the whole manifest', async () => {
      const answer = await scenario({ scenario: 'all', customer: 'adatum-internal' });
      assert.deepEqual(
        answer.results.map((r) => r.scenario),
        [1, 2, 3, 4, 5, 6, 7],
      );
      for (const r of answer.results.slice(0, 3))
        assert.ok(
          r.items.every((i) => i.subject.startsWith('adatum-internal')),
          `scenario ${r.scenario}`,
        );
      assert.deepEqual(answer.results.slice(3), inWords(runAllScenarios(expected).slice(3)));
    });

    it('a clean manifest: every answer supported', async () => {
      const cleanUri = await server.open('clean.csp-partners.yaml', clean);
      const { markdown } = await scenario({ scenario: 'all' }, cleanUri);
      assert.ok(itemLines(markdown).length > 10);
      assert.ok(
        itemLines(markdown).every((l) => l.startsWith('- ✓ ') || l.startsWith('- – ')),
        markdown,
      );
      assert.match(markdown, /^- ✓ \*\*supported\*\* — woodgrove \/ m365-e3: Microsoft → contoso-dist → fabrikam → woodgrove\\$/m);
      assert.ok(markdown.includes(`[87](${cleanUri}#L87)`), 'the soldBy line of woodgrove / m365-e3');
      assert.equal(lineOf(clean, 'soldBy: fabrikam', 'fabrikam'), 87);
    });

    it('an unknown customer or partner: a ResponseError with the catalogue message', async () => {
      const customer = await refusal(scenario({ scenario: 2, customer: 'nobody' }));
      assert.equal(customer.code, ErrorCodes.InvalidParams);
      assert.equal(customer.message, 'No customer "nobody" in this manifest.');
      assert.deepEqual(customer.data, { kind: 'customer', id: 'nobody' });
      const partner = await refusal(scenario({ scenario: 4, partner: 'contoso' }));
      assert.equal(partner.message, 'No partner "contoso" in this manifest.');
      // A customer id is not a partner.
      assert.equal((await refusal(scenario({ scenario: 4, partner: 'woodgrove' }))).message, 'No partner "woodgrove" in this manifest.');
    });

    it('bad parameters and a document the server does not have: ResponseErrors, and the server carries on', async () => {
      assert.equal((await refusal(scenario({ scenario: 8 }))).code, ErrorCodes.InvalidParams);
      assert.equal((await refusal(scenario({ scenario: '1' }))).code, ErrorCodes.InvalidParams);
      assert.equal((await refusal(scenario({ scenario: 1, customer: 42 }))).code, ErrorCodes.InvalidParams);
      const missing = await refusal(scenario({ scenario: 1 }, uriOf('not-open.csp-partners.yaml')));
      assert.equal(missing.message, message('en', 'scenario.not-open'));
      assert.equal((await refusal(subjects(undefined, uriOf('not-open.csp-partners.yaml')))).message, message('en', 'scenario.not-open'));
      assert.equal((await scenario({ scenario: 5 })).results.length, 1);
    });

    it('with reportUri: links relative to the report, which the Markdown preview follows (no file: links)', async () => {
      const reportPath = path.join(repoRoot, 'test', 'lsp', 'virtual', 'reports', 'every-rule.csp-partners.yaml.scenarios.md');
      const reportUri = pathToFileURL(reportPath).href;
      const { markdown, results } = await scenario({ scenario: 'all', reportUri });
      assert.doesNotMatch(markdown, /\]\((file|untitled):/);
      assertReportCovers(markdown, results, {
        manifest: '../every-rule.csp-partners.yaml',
        rule: (rule) =>
          `${path
            .relative(path.dirname(reportPath), path.join(repoRoot, 'docs', 'rules'))
            .split(path.sep)
            .join('/')}/${rule}.md`,
      });
      // Resolved against the report, as the preview does, each link is the manifest at a line or a shipped rule page.
      const targets = [...markdown.matchAll(/\]\(([^)]+)\)/g)].map((m) => new URL(m[1], reportUri));
      assert.ok(targets.length > 20);
      for (const target of targets) {
        if (target.hash) {
          assert.equal(target.href.replace(/#.*$/, ''), uri);
          assert.match(target.hash, /^#L\d+$/);
        } else {
          assert.match(target.pathname, /\/docs\/rules\/[a-z-]+\.md$/);
          assert.ok(existsSync(fileURLToPath(target)), target.href);
        }
      }
    });

    it('with reportUri, an untitled manifest: line numbers without links', async () => {
      const untitled = 'untitled:Untitled-1';
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: untitled, languageId: LANGUAGE_ID, version: 1, text: example },
      });
      const reportUri = pathToFileURL(path.join(repoRoot, 'test', 'lsp', 'virtual', 'reports', 'Untitled-1.scenarios.md')).href;
      const { markdown } = await scenario({ scenario: 3, customer: 'woodgrove', reportUri }, untitled);
      assert.ok(markdown.startsWith('# CSP scenario checks: Untitled-1\n'));
      assert.ok(markdown.includes(`Lines: ${lineOf(example, 'managedBy: [litware-dist-us]', 'litware-dist-us')}`), markdown);
      assert.doesNotMatch(markdown, /#L\d/);
      // Without reportUri the links stay absolute, whatever the scheme.
      assert.ok((await scenario({ scenario: 3, customer: 'woodgrove' }, untitled)).markdown.includes(`(${untitled}#L94)`));
    });

    it('a manifest with YAML errors: the report says so', async () => {
      const broken = await server.open('broken-yaml.csp-partners.yaml', `${clean}\n  - id: [unclosed\n`);
      const { markdown } = await scenario({ scenario: 'all' }, broken);
      assert.ok(markdown.includes(`\n> ${escapeMarkdown(message('en', 'scenario.report.yaml-errors'))}\n`), markdown.slice(0, 400));
    });
  });

  describe('cspPartners/subjects', () => {
    it('the customers, the partners and the seven questions with whom they are about', async () => {
      const answer = await subjects();
      assert.equal(answer.atCursor, undefined);
      const customerIds = expected.model.customers.map((c) => c.id!.value);
      assert.deepEqual(
        answer.customers.map((c) => c.id),
        customerIds,
      );
      assert.deepEqual(
        answer.partners.map((p) => p.id),
        [...new Set(expected.model.partners.map((p) => p.id!.value))],
      );
      assert.deepEqual(
        answer.customers.find((c) => c.id === 'woodgrove'),
        { id: 'woodgrove', name: 'Woodgrove Bank', region: 'europe' },
      );
      assert.deepEqual(
        answer.partners.find((p) => p.id === 'litware-dist-us'),
        {
          id: 'litware-dist-us',
          name: expected.model.partners.find((p) => p.id?.value === 'litware-dist-us')!.name ?? null,
          type: 'indirect-provider',
          region: 'united-states',
        },
      );
      assert.deepEqual(
        answer.questions.map((q) => [q.scenario, q.question, q.subjectKind ?? null]),
        [
          [1, 'How is this customer served end to end?', 'customer'],
          [2, 'Which partners does this customer buy from?', 'customer'],
          [3, "Who manages this customer's subscriptions?", 'customer'],
          [4, 'How does this partner buy for its own use?', 'partner'],
          [5, 'Does anyone sell to itself or an affiliate?', null],
          [6, 'Does anyone sell across regions?', null],
          [7, 'Are all partner relationships within one region?', null],
        ],
      );
    });

    it('atCursor: the customer whose entry holds the cursor', async () => {
      for (const [line, word] of [
        ['name: Woodgrove Bank', 'Woodgrove'],
        ['country: FR', 'FR'],
        ['offer: Visio Plan 2', 'Visio'],
        ['id: woodgrove', 'woodgrove'],
      ] as const) {
        const answer = await subjects(positionIn(example, line, word, line === 'country: FR' ? 1 : 0));
        assert.deepEqual(answer.atCursor, { kind: 'customer', id: 'woodgrove' }, line);
        assert.equal(answer.entry, undefined, line);
      }
      // On the dash that opens the entry.
      const dash = rangeOf(example, '- id: tokyo-trading', '-');
      assert.deepEqual((await subjects(dash.start)).atCursor, { kind: 'customer', id: 'tokyo-trading' });
      // A partner entry.
      assert.deepEqual((await subjects(positionIn(example, 'id: northwind', 'northwind'))).atCursor, { kind: 'partner', id: 'northwind' });
    });

    it('atCursor on a soldBy reference: the partner it names, and the customer entry it is written in', async () => {
      const answer = await subjects(positionIn(example, 'soldBy: northwind', 'northwind'));
      assert.deepEqual(answer.atCursor, { kind: 'partner', id: 'northwind' });
      assert.deepEqual(answer.entry, { kind: 'customer', id: 'woodgrove' });
      // An owner reference, in another customer.
      const owner = await subjects(positionIn(example, 'owner: contoso-dist', 'contoso-dist'));
      assert.deepEqual(
        [owner.atCursor, owner.entry],
        [
          { kind: 'partner', id: 'contoso-dist' },
          { kind: 'customer', id: 'contoso-internal' },
        ],
      );
      // A reference to no partner: the entry it is in.
      const unknown = await subjects(positionIn(example, 'soldBy: fabrikm', 'fabrikm'));
      assert.deepEqual([unknown.atCursor, unknown.entry], [{ kind: 'customer', id: 'woodgrove' }, undefined]);
    });

    it('outside every entry, or at a position that is not in the text: no atCursor', async () => {
      assert.equal((await subjects({ line: 0, character: 0 })).atCursor, undefined);
      assert.equal((await subjects({ line: 10_000, character: 0 })).atCursor, undefined);
      assert.equal((await subjects({ line: -1, character: 3 })).atCursor, undefined);
    });
  });

  describe('in Japanese', () => {
    let ja: Harness;
    before(async () => {
      ja = await startServer({ locale: 'ja' });
    });
    after(async () => {
      await ja.stop();
    });

    it('questions, report and refusals in the server language', async () => {
      const jaUri = await ja.open('ja.csp-partners.yaml', example);
      const answer = await ja.request<SubjectsAnswer>(SUBJECTS_REQUEST, { textDocument: { uri: jaUri } });
      assert.equal(answer.questions[0].question, message('ja', 'scenario.1.question'));
      const report = await ja.request<ScenarioAnswer>(SCENARIO_REQUEST, { textDocument: { uri: jaUri }, scenario: 5 });
      assert.ok(report.markdown.startsWith('# CSP シナリオ チェック: '), report.markdown.slice(0, 80));
      assert.ok(report.markdown.includes(`## 5. ${message('ja', 'scenario.5.question')}`));
      assert.ok(report.markdown.includes(`- ✗ **${message('ja', 'scenario.verdict.not-supported')}** — `));
      assert.ok(report.markdown.includes(`${message('ja', 'scenario.report.rules')}: [self-sale](`));
      const error = await refusal(ja.request(SCENARIO_REQUEST, { textDocument: { uri: jaUri }, scenario: 1, customer: 'nobody' }));
      assert.equal(error.message, 'このマニフェストに顧客「nobody」はありません。');
    });
  });
});

describe('scenario report: renderScenarioMarkdown', () => {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
  const hostile = 'a*b_c `x` [l](http://evil.example) <img src=x onerror=alert(1)> &amp; | ~~s~~ $m$ \\ contoso.onmicrosoft.com me@x.io';
  const results: RenderedScenario[] = [
    {
      scenario: 1,
      question: 'How is this customer served end to end?',
      items: [
        {
          subject: `${hostile} / sub`,
          verdict: 'not-supported',
          reason: `- list?\n# heading?\n${hostile}`,
          rules: ['self-sale', 'cross-region-sale'],
          locations: [at(4), at(9), at(4)],
        },
        { subject: 'plain', verdict: 'supported', reason: '1. not a list', rules: [], locations: [] },
        { subject: 'none', verdict: 'not-applicable', reason: '===', rules: [], locations: [at(0)] },
      ],
    },
    { scenario: 5, question: 'Does anyone sell to itself or an affiliate?', items: [] },
  ];
  const options = {
    documentUri: 'my manifests/csp (eu).yaml',
    fileLabel: '*draft*.yaml',
    ruleDocUri: (rule: string) => `docs/${rule}.md`,
    locale: 'en' as const,
  };
  const markdown = renderScenarioMarkdown(results, options);

  it('escapes what the manifest supplies: no emphasis, code, link, HTML, entity, strikethrough or math from it', () => {
    const escaped =
      'a\\*b\\_c \\`x\\` \\[l\\](http\\://evil\\.example) \\<img src=x onerror=alert(1)\\> ' +
      '\\&amp; \\| \\~\\~s\\~\\~ \\$m\\$ \\\\ contoso\\.onmicrosoft\\.com me\\@x\\.io';
    assert.equal(escapeMarkdown(hostile), escaped);
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# CSP scenario checks: \\*draft\\*.yaml');
    assert.equal(lines[2], '1 supported, 1 not supported, 1 not applicable');
    assert.ok(lines.includes(`- ✗ **not supported** — ${escaped} / sub\\`), markdown);
    // A reason written as one line whose start opens no block (list, heading, setext underline).
    assert.ok(lines.includes(`  \\- list? # heading? ${escaped}\\`), markdown);
    assert.ok(lines.includes('  1\\. not a list'), markdown);
    assert.ok(lines.includes('  \\===\\'), markdown);
  });

  it('links rules to their pages and each line once to the manifest, destinations percent-encoded', () => {
    assert.ok(
      markdown.includes(
        '  Rules: [self-sale](docs/self-sale.md), [cross-region-sale](docs/cross-region-sale.md) · Lines: ' +
          '[5](my%20manifests/csp%20%28eu%29.yaml#L5), [10](my%20manifests/csp%20%28eu%29.yaml#L10)\n',
      ),
      markdown,
    );
    assert.ok(
      markdown.includes('- – **not applicable** — none\\\n  \\===\\\n  Lines: [1](my%20manifests/csp%20%28eu%29.yaml#L1)\n'),
      markdown,
    );
    assert.ok(markdown.includes('- ✓ **supported** — plain\\\n  1\\. not a list\n'), 'no trailing hard break');
    assert.ok(markdown.includes(`## 5. Does anyone sell to itself or an affiliate?\n\n${message('en', 'scenario.report.empty')}\n`));
  });

  it('without link targets: rule ids as code and plain line numbers', () => {
    const plain = renderScenarioMarkdown(results, { ...options, documentUri: undefined, ruleDocUri: () => undefined });
    assert.ok(plain.includes('  Rules: `self-sale`, `cross-region-sale` · Lines: 5, 10\n'), plain);
    assert.doesNotMatch(plain, /(?<!\\)\]\(/, 'no link');
  });

  it('renders through markdown-it as VS Code configures it: the hostile text stays text', function () {
    let MarkdownIt: new (options: object) => { render(src: string): string; validateLink(url: string): boolean };
    try {
      // markdown-it comes with other packages (untyped, not a dependency of its own): loaded when present, else skipped.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional module, required in a try
      MarkdownIt = require('markdown-it') as typeof MarkdownIt;
    } catch {
      this.skip();
    }
    // The preview's engine: HTML and linkify on; links checked by markdown-it plus vscode: and data:image.
    const md = new MarkdownIt({ html: true, linkify: true, breaks: false });
    const validate = md.validateLink.bind(md);
    md.validateLink = (url: string) => validate(url) || /^vscode(-insiders)?:/i.test(url) || /^data:image\/.*?;/.test(url);
    const html = md.render(markdown);
    assert.doesNotMatch(html, /<img|<em>|<code>|<s>|evil\.example"|href="mailto|href="http:\/\/contoso/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, [
      'docs/self-sale.md',
      'docs/cross-region-sale.md',
      'my%20manifests/csp%20%28eu%29.yaml#L5',
      'my%20manifests/csp%20%28eu%29.yaml#L10',
      'my%20manifests/csp%20%28eu%29.yaml#L1',
    ]);
    assert.equal((html.match(/<li>/g) ?? []).length, 3, 'three items, no list or heading from the reasons');
    assert.equal((html.match(/<h[1-6]/g) ?? []).length, 3);
    // The reason that was `===` stays text, it does not turn the line above into a heading.
    assert.ok(html.includes('none<br>\n==='), html);
    // VS Code's engine does not render file: links at all: why the client asks for relative ones.
    assert.equal(md.render('[x](file:///tmp/a.yaml#L3)').includes('href'), false);
  });
});
