import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { COMMANDS, FIX_ALL_KIND as FIX_ALL } from '../../server/src/protocol';
import { check, fixesFor } from '../support';
import { Harness, startServer } from './harness';
import { assertFixed, countRule, lineDiff, newErrors, readExample, readFixture, textAt } from './lsp-support';

interface Case {
  /** Under test/fixtures/rules. */
  fixture: string;
  rule: string;
  /** 1-based line the diagnostic starts on (as in the baselines). */
  line: number;
  /** Every action offered for the diagnostic, in order. */
  titles: string[];
  /** The one applied. */
  apply: string;
  /** The change it makes, as a line diff of the fixture. */
  diff: string[];
}

/** One case per kind of quick fix the core offers (and a second where a rule has two shapes). */
const cases: Record<string, Case> = {
  'replace value (schema enum)': {
    fixture: 'schema/fires-enum.yaml',
    rule: 'schema',
    line: 6,
    apply: 'Change to "indirect-provider"',
    titles: ['Change to "indirect-provider"', 'Fix all 4 schema problems in this file'],
    diff: ['-6     type: distributor', '+6     type: indirect-provider'],
  },
  'replace value (unknown reference)': {
    fixture: 'reseller-needs-provider/near-miss.yaml',
    rule: 'unknown-reference',
    line: 39,
    apply: 'Change to "fabrikam"',
    titles: ['Change to "fabrikam"', 'Suppress unknown-reference for this line'],
    diff: ['-39         soldBy: fabrikan', '+39         soldBy: fabrikam'],
  },
  'rename key': {
    fixture: 'schema/fires-unknown-key.yaml',
    rule: 'schema',
    line: 19,
    apply: 'Rename to "soldBy"',
    titles: ['Rename to "soldBy"', 'Fix all 2 schema problems in this file'],
    diff: ['-19         soldby: northwind', '+19         soldBy: northwind'],
  },
  'change country': {
    fixture: 'unknown-country/fires.yaml',
    rule: 'unknown-country',
    line: 8,
    apply: 'Change to "GB" (UK)',
    titles: ['Change to "GB" (UK)', 'Suppress unknown-country for this line', 'Fix all 4 unknown-country problems in this file'],
    diff: ['-8     country: UK', '+8     country: GB'],
  },
  'set region': {
    fixture: 'region-mismatch/fires.yaml',
    rule: 'region-mismatch',
    line: 9,
    apply: 'Set region to "latin-america-caribbean"',
    titles: [
      'Set region to "latin-america-caribbean"',
      'Suppress region-mismatch for this line',
      'Fix all 3 region-mismatch problems in this file',
    ],
    diff: ['-9     region: united-states', '+9     region: latin-america-caribbean'],
  },
  'insert MPA where acceptedOn is already written (a plain edit, no selection)': {
    fixture: 'mpa-not-accepted/fires-accepted-false.yaml',
    rule: 'mpa-not-accepted',
    line: 15,
    apply: 'Record MPA acceptance (accepted: true, acceptedOn: 2025-02-01)',
    titles: [
      'Record MPA acceptance (accepted: true, acceptedOn: 2025-02-01)',
      'Suppress mpa-not-accepted for this line',
      'Fix all 2 mpa-not-accepted problems in this file',
    ],
    diff: ['-15       accepted: false', '+15       accepted: true'],
  },
  'confirm flags (direct bill)': {
    fixture: 'direct-bill-requirements/fires.yaml',
    rule: 'direct-bill-requirements',
    line: 5,
    apply: 'Confirm directBill.apiIntegration, directBill.billingAndSupport, directBill.securityCompliance',
    titles: [
      'Confirm directBill.apiIntegration, directBill.billingAndSupport, directBill.securityCompliance',
      'Suppress direct-bill-requirements for this line',
      'Fix all 3 direct-bill-requirements problems in this file',
    ],
    diff: [
      '+10     directBill:',
      '+11       apiIntegration: true',
      '+12       billingAndSupport: true',
      '+13       securityCompliance: true',
    ],
  },
  'confirm flags (reseller onboarding)': {
    fixture: 'reseller-onboarding-incomplete/fires.yaml',
    rule: 'reseller-onboarding-incomplete',
    line: 10,
    apply: 'Confirm onboarding.aiCloudPartnerProgram, onboarding.registeredAsIndirectReseller',
    titles: [
      'Confirm onboarding.aiCloudPartnerProgram, onboarding.registeredAsIndirectReseller',
      'Suppress reseller-onboarding-incomplete for this line',
      'Fix all 3 reseller-onboarding-incomplete problems in this file',
    ],
    diff: ['+16     onboarding:', '+17       aiCloudPartnerProgram: true', '+18       registeredAsIndirectReseller: true'],
  },
  'set provider': {
    fixture: 'reseller-needs-provider/fires.yaml',
    rule: 'reseller-needs-provider',
    line: 43,
    apply: 'Set provider to "litware-dist"',
    titles: ['Set provider to "contoso-dist"', 'Set provider to "litware-dist"', 'Suppress reseller-needs-provider for this line'],
    diff: ['+44         provider: litware-dist'],
  },
  'link provider': {
    fixture: 'provider-not-linked/fires.yaml',
    rule: 'provider-not-linked',
    line: 52,
    apply: 'Add "litware-dist" to the providers of "fabrikam"',
    titles: [
      'Add "litware-dist" to the providers of "fabrikam"',
      'Suppress provider-not-linked for this line',
      'Fix all 4 provider-not-linked problems in this file',
    ],
    diff: ['-21     providers: [contoso-dist]', '+21     providers: [contoso-dist, litware-dist]'],
  },
  'sell through reseller': {
    fixture: 'provider-sells-direct/fires.yaml',
    rule: 'provider-sells-direct',
    line: 54,
    apply: 'Sell through reseller "fabrikam"',
    titles: ['Sell through reseller "fabrikam"', 'Sell through reseller "adatum"', 'Suppress provider-sells-direct for this line'],
    diff: ['-54         soldBy: contoso-dist', '+54         soldBy: fabrikam', '+55         provider: contoso-dist'],
  },
  'remove provider': {
    fixture: 'direct-bill-has-provider/fires.yaml',
    rule: 'direct-bill-has-provider',
    line: 32,
    apply: 'Remove provider "contoso-dist"',
    titles: [
      'Remove provider "contoso-dist"',
      'Suppress direct-bill-has-provider for this line',
      'Fix all 4 direct-bill-has-provider problems in this file',
    ],
    diff: ['-32         provider: contoso-dist'],
  },
  'sell through': {
    fixture: 'cross-region-sale/fires.yaml',
    rule: 'cross-region-sale',
    line: 40,
    apply: 'Sell through "fabrikam"',
    titles: ['Sell through "fabrikam"', 'Sell through "northwind-eu"', 'Suppress cross-region-sale for this line'],
    diff: ['-40         soldBy: northwind-us', '+40         soldBy: fabrikam', '+41         provider: contoso-dist'],
  },
  'replace relationship': {
    fixture: 'cross-region-relationship/fires.yaml',
    rule: 'cross-region-relationship',
    line: 27,
    apply: 'Replace with provider "litware-dist"',
    titles: [
      'Replace with provider "litware-dist"',
      'Remove "wingtip-dist" from providers',
      'Suppress cross-region-relationship for this line',
    ],
    diff: ['-27     providers: [contoso-dist, wingtip-dist]', '+27     providers: [contoso-dist, litware-dist]'],
  },
  'remove relationship': {
    fixture: 'cross-region-relationship/fires.yaml',
    rule: 'cross-region-relationship',
    line: 52,
    apply: 'Remove "wingtip-dist" from providers',
    titles: ['Remove "wingtip-dist" from providers', 'Suppress cross-region-relationship for this line'],
    diff: ['-52     providers: [wingtip-dist]', '+52     providers: []'],
  },
  'remove providers (not an indirect reseller)': {
    fixture: 'providers-not-reseller/fires.yaml',
    rule: 'providers-not-reseller',
    line: 23,
    apply: 'Remove providers from "northwind"',
    titles: [
      'Remove providers from "northwind"',
      'Suppress providers-not-reseller for this line',
      'Fix all 4 providers-not-reseller problems in this file',
    ],
    diff: ['-23     providers:', '-24       - contoso-dist', '-25       - litware-dist'],
  },
  'remove providers (a list of another region on an indirect provider)': {
    fixture: 'cross-region-relationship/fires-not-reseller.yaml',
    rule: 'cross-region-relationship',
    line: 17,
    apply: 'Remove providers from "wingtip-dist"',
    titles: [
      'Remove providers from "wingtip-dist"',
      'Suppress cross-region-relationship for this line',
      'Fix all 2 cross-region-relationship problems in this file',
    ],
    diff: ['-17     providers: [contoso-dist]'],
  },
  'remove manager': {
    fixture: 'cross-region-management/fires.yaml',
    rule: 'cross-region-management',
    line: 37,
    apply: 'Remove "alpine-msp" from managedBy',
    titles: [
      'Remove "alpine-msp" from managedBy',
      'Suppress cross-region-management for this line',
      'Fix all 3 cross-region-management problems in this file',
    ],
    diff: ['-37         managedBy: [adatum, alpine-msp]', '+37         managedBy: [adatum]'],
  },
  'buy through': {
    fixture: 'self-sale/fires.yaml',
    rule: 'self-sale',
    line: 50,
    apply: 'Buy through "northwind-eu"',
    titles: ['Buy through "northwind-eu"', 'Suppress self-sale for this line', 'Fix all 3 self-sale problems in this file'],
    diff: ['-50         soldBy: fabrikam', '-51         provider: litware-dist', '+50         soldBy: northwind-eu'],
  },
  'use shared services': {
    fixture: 'self-sale/fires.yaml',
    rule: 'self-sale',
    line: 81,
    apply: 'Use Azure Partner Shared Services',
    titles: [
      'Buy through "fabrikam"',
      'Buy through "fabrikam-services"',
      'Use Azure Partner Shared Services',
      'Suppress self-sale for this line',
      'Fix all 3 self-sale problems in this file',
    ],
    diff: ['+77     sharedServices: true', '-81         soldBy: northwind-eu', '-85         soldBy: northwind-eu'],
  },
  'suppress for this line': {
    fixture: 'unknown-country/fires.yaml',
    rule: 'unknown-country',
    line: 12,
    apply: 'Suppress unknown-country for this line',
    titles: ['Change to "GR" (Greece)', 'Suppress unknown-country for this line', 'Fix all 4 unknown-country problems in this file'],
    diff: ['+12     # csp-disable-next-line unknown-country'],
  },
};

/**
 * The MPA fixes that insert a date: a command that applies the edit and selects the date. The date is
 * the partner's earliest order (2025-03-01 in both fixtures), since orders need the MPA; today otherwise.
 */
const ORDER_DATE = '2025-03-01';
const mpaCases: Record<string, Omit<Case, 'apply'>> = {
  'insert MPA block (no mpa at all)': {
    fixture: 'mpa-not-accepted/fires-no-mpa.yaml',
    rule: 'mpa-not-accepted',
    line: 4,
    titles: [`Record MPA acceptance (accepted: true, acceptedOn: ${ORDER_DATE})`, 'Suppress mpa-not-accepted for this line'],
    diff: ['+9     mpa:', '+10       accepted: true', `+11       acceptedOn: ${ORDER_DATE}`],
  },
  'insert MPA date (accepted: false, no acceptedOn)': {
    fixture: 'mpa-not-accepted/fires-accepted-false.yaml',
    rule: 'mpa-not-accepted',
    line: 9,
    titles: [
      `Record MPA acceptance (accepted: true, acceptedOn: ${ORDER_DATE})`,
      'Suppress mpa-not-accepted for this line',
      'Fix all 2 mpa-not-accepted problems in this file',
    ],
    diff: ['-9       accepted: false', '+9       accepted: true', `+10       acceptedOn: ${ORDER_DATE}`],
  },
};

describe('language server: code actions', () => {
  let server: Harness;
  let opened = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function open(text: string) {
    const uri = await server.open(`actions-${opened++}.csp-partners.yaml`, text);
    return { uri, diagnostics: await server.diagnostics(uri) };
  }

  function diagnosticAt(diagnostics: Diagnostic[], rule: string, line: number): Diagnostic {
    const found = diagnostics.filter((d) => d.code === rule && d.range.start.line === line - 1);
    assert.equal(found.length, 1, `one ${rule} diagnostic on line ${line}`);
    return found[0];
  }

  const codeActions = (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });

  function editsOf(uri: string, edit: WorkspaceEdit | undefined): TextEdit[] {
    assert.ok(edit?.changes, 'a WorkspaceEdit with changes');
    assert.deepEqual(Object.keys(edit.changes), [uri]);
    return edit.changes[uri];
  }

  describe('each kind of quick fix removes its diagnostic and adds no error', () => {
    for (const [name, c] of Object.entries(cases)) {
      it(name, async () => {
        const text = readFixture(`rules/${c.fixture}`);
        const { uri, diagnostics } = await open(text);
        const target = diagnosticAt(diagnostics, c.rule, c.line);
        const actions = await codeActions(uri, target.range, [target]);
        assert.deepEqual(
          actions.map((a) => a.title),
          c.titles,
        );
        for (const a of actions) assert.equal(a.kind, 'quickfix');
        const action = actions.find((a) => a.title === c.apply)!;
        assert.equal(action.command, undefined);
        assert.deepEqual(action.diagnostics, [target]);
        const fixed = applyEdits(text, editsOf(uri, action.edit));
        assert.deepEqual(lineDiff(text, fixed), c.diff);
        await server.change(uri, fixed);
        assertFixed(diagnostics, await server.diagnostics(uri), target);
      });
    }
  });

  it('the first fix of a rule is the preferred one, suppressions and fix-alls are not', async () => {
    const text = readFixture('rules/cross-region-sale/fires.yaml');
    const { uri, diagnostics } = await open(text);
    const target = diagnosticAt(diagnostics, 'cross-region-sale', 40);
    const actions = await codeActions(uri, target.range, [target]);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? null]),
      [
        ['Sell through "fabrikam"', true],
        ['Sell through "northwind-eu"', false],
        ['Suppress cross-region-sale for this line', null],
      ],
    );
  });

  describe('MPA fixes: a command that applies the edit and selects the proposed date', () => {
    for (const [name, c] of Object.entries(mpaCases)) {
      it(name, async () => {
        const text = readFixture(`rules/${c.fixture}`);
        const { uri, diagnostics } = await open(text);
        const target = diagnosticAt(diagnostics, c.rule, c.line);
        const actions = await codeActions(uri, target.range, [target]);
        assert.deepEqual(
          actions.map((a) => a.title),
          c.titles,
        );
        const action = actions[0];
        assert.equal(action.edit, undefined, 'applied by the client command, not as an edit');
        assert.equal(action.isPreferred, true);
        assert.equal(action.command?.command, COMMANDS.applyEditAndSelect);
        const [argUri, edits, selection] = action.command.arguments as [string, TextEdit[], Range];
        assert.equal(argUri, uri);
        const fixed = applyEdits(text, edits);
        assert.deepEqual(lineDiff(text, fixed), c.diff);
        assert.equal(textAt(fixed, selection), ORDER_DATE);
        const dateLine = Number(c.diff[c.diff.length - 1].slice(1).split(' ')[0]) - 1;
        assert.deepEqual(selection, { start: { line: dateLine, character: 18 }, end: { line: dateLine, character: 28 } });
        await server.change(uri, fixed);
        const after = await server.diagnostics(uri);
        assertFixed(diagnostics, after, target);
        // The proposed date is not after the partner's orders, so no mpa-after-order follows.
        assert.deepEqual(
          after.filter((d) => d.code === 'mpa-after-order'),
          [],
        );
      });
    }
  });

  // A reseller with a dated order: the proposed date is that order's, so the fix adds no mpa-after-order error.
  it('MPA fix for a reseller with a dated order adds no error', async () => {
    const text = [
      'manifestVersion: 1',
      'partners:',
      '  - id: contoso-dist',
      '    name: Contoso',
      '    type: indirect-provider',
      '    country: DE',
      '    mpa: { accepted: true, acceptedOn: 2020-01-01 }',
      '  - id: fabrikam',
      '    name: Fabrikam',
      '    type: indirect-reseller',
      '    country: FR',
      '    onboarding: { aiCloudPartnerProgram: true, registeredAsIndirectReseller: true }',
      '    providers: [contoso-dist]',
      'customers:',
      '  - id: woodgrove',
      '    name: Woodgrove',
      '    country: FR',
      '    subscriptions:',
      '      - id: m365',
      '        offer: Microsoft 365 E3',
      '        soldBy: fabrikam',
      '        provider: contoso-dist',
      '        orderedOn: 2025-03-01',
      '',
    ].join('\n');
    const { uri, diagnostics } = await open(text);
    const target = diagnosticAt(diagnostics, 'mpa-not-accepted', 8);
    const [action] = await codeActions(uri, target.range, [target]);
    const fixed = applyEdits(text, action.command!.arguments![1] as TextEdit[]);
    await server.change(uri, fixed);
    assertFixed(diagnostics, await server.diagnostics(uri), target);
  });

  describe('fix all problems of one rule', () => {
    const fixAllCases: [fixture: string, rule: string, line: number, count: number, remaining: number][] = [
      ['unknown-country/fires.yaml', 'unknown-country', 8, 4, 3],
      ['direct-bill-has-provider/fires.yaml', 'direct-bill-has-provider', 32, 4, 0],
      ['region-mismatch/fires.yaml', 'region-mismatch', 9, 3, 0],
      ['cross-region-management/fires.yaml', 'cross-region-management', 37, 3, 0],
      // Only findings with exactly one fix are included: the three with several fixes stay.
      ['self-sale/fires.yaml', 'self-sale', 71, 3, 3],
      // Explicitly asked for, "fix all" of a rule may record claims (the MPA, with today's date).
      ['mpa-not-accepted/fires-accepted-false.yaml', 'mpa-not-accepted', 9, 2, 0],
    ];
    for (const [fixture, rule, line, count, remaining] of fixAllCases) {
      it(`${rule}: "Fix all ${count}" fixes ${count}, adds no error`, async () => {
        const text = readFixture(`rules/${fixture}`);
        const { uri, diagnostics } = await open(text);
        const before = countRule(diagnostics, rule);
        const target = diagnosticAt(diagnostics, rule, line);
        const actions = await codeActions(uri, target.range, [target]);
        const all = actions.filter((a) => a.title.startsWith('Fix all'));
        assert.deepEqual(
          all.map((a) => [a.title, a.kind]),
          [[`Fix all ${count} ${rule} problems in this file`, 'quickfix']],
        );
        const fixed = applyEdits(text, editsOf(uri, all[0].edit));
        await server.change(uri, fixed);
        const after = await server.diagnostics(uri);
        assert.equal(countRule(after, rule), remaining);
        assert.ok(before - countRule(after, rule) >= count);
        assert.deepEqual(newErrors(diagnostics, after), []);
      });
    }

    it('is offered once per rule when the request carries several diagnostics of it (a selection over many lines)', async () => {
      const text = readFixture('rules/unknown-country/fires.yaml');
      const { uri, diagnostics } = await open(text);
      const everything = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
      const actions = await codeActions(uri, everything, diagnostics);
      assert.deepEqual(
        actions.filter((a) => a.title.startsWith('Fix all')).map((a) => a.title),
        ['Fix all 4 unknown-country problems in this file'],
      );
      // Each diagnostic still gets its own fixes.
      assert.equal(actions.filter((a) => a.title === 'Suppress unknown-country for this line').length, diagnostics.length);
    });

    it('a request with more diagnostics than a menu can show lists fixes for the first 100 (fuzz case)', async () => {
      // 150 unknown providers on one line: selecting the line sends them all.
      const gone = Array.from({ length: 150 }, (_, i) => `gone-${i}`);
      const text = readExample('csp-partners.yaml').replace('providers: [contoso-dist]', `providers: [contoso-dist, ${gone.join(', ')}]`);
      const { uri, diagnostics } = await open(text);
      const onLine = diagnostics.filter((d) => d.code === 'unknown-reference');
      assert.equal(onLine.length, 150);
      assert.equal(new Set(onLine.map((d) => d.range.start.line)).size, 1);
      const actions = await codeActions(uri, onLine[0].range, onLine);
      const fixed = new Set(actions.flatMap((a) => (a.diagnostics ?? []).map((d) => d.message)));
      assert.deepEqual(
        [...fixed],
        onLine.slice(0, 100).map((d) => d.message),
      );
      assert.deepEqual(
        actions.filter((a) => a.title.startsWith('Fix all')).map((a) => a.title),
        [],
      );
    });

    it('is not offered for a rule with one problem', async () => {
      const text = readFixture('rules/mpa-not-accepted/fires-no-mpa.yaml');
      const { uri, diagnostics } = await open(text);
      const actions = await codeActions(uri, diagnostics[0].range, diagnostics);
      assert.deepEqual(
        actions.filter((a) => a.title.startsWith('Fix all')),
        [],
      );
    });
  });

  describe('source.fixAll.cspPartners', () => {
    const CLAIM_RULES = ['mpa-not-accepted', 'reseller-onboarding-incomplete', 'direct-bill-requirements'];
    const sources = [
      'examples/every-rule.csp-partners.yaml',
      'rules/mpa-not-accepted/fires-accepted-false.yaml',
      'rules/direct-bill-requirements/fires.yaml',
      'rules/reseller-onboarding-incomplete/fires.yaml',
    ];
    const whole = (text: string): Range => ({ start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } });

    it('every-rule example: one action, no claims, fewer findings, no new error', async () => {
      const text = readExample('every-rule.csp-partners.yaml');
      const { uri, diagnostics } = await open(text);
      const actions = await codeActions(uri, whole(text), diagnostics, [FIX_ALL]);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind]),
        [['Fix all csp-partners problems that have one safe fix', FIX_ALL]],
      );
      const edits = editsOf(uri, actions[0].edit);

      // No edit of a claim fix (MPA, onboarding and direct-bill flags) is part of it. Nor the correction of
      // `soldBy: fabrikm` to "fabrikam": that reseller then needs a provider, a new error (see the test below).
      const result = check(text);
      const claimEdits = result.findings
        .filter((f) => CLAIM_RULES.includes(f.rule))
        .flatMap((f) => fixesFor(result, f))
        .filter((f) => f.id === 'fix.insert-mpa' || f.id === 'fix.insert-flags')
        .flatMap((f) => f.edits);
      assert.ok(claimEdits.length >= 3);
      for (const claim of claimEdits)
        assert.ok(!edits.some((e) => JSON.stringify(e) === JSON.stringify(claim)), `claim edit included: ${claim.newText}`);

      const fixed = applyEdits(text, edits);
      assert.deepEqual(lineDiff(text, fixed), [
        '-20     type: distributor                 # schema: the value is indirect-provider',
        '+20     type: indirect-provider                 # schema: the value is indirect-provider',
        '-39     region: middle-east-central-eastern-europe   # region-mismatch',
        '+39     region: europe   # region-mismatch',
        '-45     providers: [contoso-dist, litware-dist-us]   # cross-region-relationship',
        '+45     providers: [contoso-dist]   # cross-region-relationship',
        '-76     providers: [contoso-dist]         # providers-not-reseller: only indirect resellers list providers',
        '-94         managedBy: [litware-dist-us]  # cross-region-management',
        '+93         managedBy: []  # cross-region-management',
        '+100         provider: contoso-dist',
        '-104         provider: litware-dist-us     # provider-not-linked and cross-region-sale',
        '+104         provider: contoso-dist     # provider-not-linked and cross-region-sale',
        '-111         provider: contoso-dist        # direct-bill-has-provider',
        '-126     country: UK                       # unknown-country (UK -> GB)',
        '+125     country: GB                       # unknown-country (UK -> GB)',
      ]);
      await server.change(uri, fixed);
      const after = await server.diagnostics(uri);
      assert.ok(after.length < diagnostics.length, `${after.length} < ${diagnostics.length}`);
      assert.deepEqual(newErrors(diagnostics, after), []);
      for (const rule of CLAIM_RULES) assert.equal(countRule(after, rule), countRule(diagnostics, rule), `${rule} untouched`);
    });

    it('leaves out a fix whose result shows a new error, keeps the others', async () => {
      const text = [
        'manifestVersion: 1',
        'partners:',
        '  - id: contoso-dist',
        '    name: Contoso Distribution',
        '    type: indirect-provider',
        '    country: DE',
        '    mpa: { accepted: true, acceptedOn: 2024-01-01 }',
        '  - id: fabrikam',
        '    name: Fabrikam',
        '    type: indirect-reseller',
        '    country: FR',
        '    mpa: { accepted: true, acceptedOn: 2024-01-01 }',
        '    onboarding: { aiCloudPartnerProgram: true, registeredAsIndirectReseller: true }',
        '    providers: [contoso-dist]',
        'customers:',
        '  - id: woodgrove',
        '    name: Woodgrove Bank',
        '    country: UK',
        '    subscriptions:',
        '      - id: m365-e3',
        '        offer: Microsoft 365 E3',
        '        soldBy: fabrikm',
        '',
      ].join('\n');
      const { uri, diagnostics } = await open(text);
      assert.deepEqual(
        diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`),
        ['18 unknown-country', '22 unknown-reference'],
      );
      // Alone, the reference fix is offered (a person sees what follows) ...
      const typo = diagnostics[1];
      const quick = await codeActions(uri, typo.range, [typo]);
      assert.deepEqual(
        quick.map((a) => a.title),
        ['Change to "fabrikam"', 'Suppress unknown-reference for this line'],
      );
      const corrected = applyEdits(text, editsOf(uri, quick[0].edit));
      await server.change(uri, corrected);
      assert.deepEqual(
        (await server.diagnostics(uri)).map((d) => `${d.range.start.line + 1} ${d.code}`),
        ['18 unknown-country', '22 reseller-needs-provider'],
      );
      await server.change(uri, text);
      await server.diagnostics(uri);
      // ... but fixing all on save applies only the country.
      const actions = await codeActions(uri, whole(text), diagnostics, [FIX_ALL]);
      assert.equal(actions.length, 1);
      const fixed = applyEdits(text, editsOf(uri, actions[0].edit));
      assert.deepEqual(lineDiff(text, fixed), ['-18     country: UK', '+18     country: GB']);
      await server.change(uri, fixed);
      assert.deepEqual(
        (await server.diagnostics(uri)).map((d) => `${d.range.start.line + 1} ${d.code}`),
        ['22 unknown-reference'],
      );
    });

    it('leaves out a fix that shows errors elsewhere in its entry (a country that puts the customer in another region)', async () => {
      const text = [
        'manifestVersion: 1',
        'partners:',
        '  - id: northwind-us',
        '    name: Northwind US',
        '    type: direct-bill',
        '    country: US',
        '    mpa: { accepted: true, acceptedOn: 2024-01-01 }',
        '    directBill: { apiIntegration: true, billingAndSupport: true, securityCompliance: true }',
        'customers:',
        '  - id: woodgrove',
        '    name: Woodgrove Bank',
        '    country: UK',
        '    subscriptions:',
        '      - id: azure',
        '        offer: Azure plan',
        '        kind: azure',
        '        soldBy: northwind-us',
        '  - id: fabrikam-hellas',
        '    name: Fabrikam Hellas',
        '    country: EL',
        '',
      ].join('\n');
      const { uri, diagnostics } = await open(text);
      assert.deepEqual(
        diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`),
        ['12 unknown-country', '20 unknown-country'],
      );
      const actions = await codeActions(uri, whole(text), diagnostics, [FIX_ALL]);
      const fixed = applyEdits(text, editsOf(uri, actions[0].edit));
      assert.deepEqual(lineDiff(text, fixed), ['-20     country: EL', '+20     country: GR']);
      // With GB the US partner's sale would be a cross-region sale: that fix is for a person to apply.
      const both = applyEdits(fixed, [{ range: { start: { line: 11, character: 13 }, end: { line: 11, character: 15 } }, newText: 'GB' }]);
      await server.change(uri, both);
      assert.deepEqual(
        (await server.diagnostics(uri)).map((d) => `${d.range.start.line + 1} ${d.code}`),
        ['17 cross-region-sale'],
      );
    });

    it('with nothing safe to fix, offers no action', async () => {
      const text = readFixture('rules/mpa-not-accepted/fires-no-mpa.yaml');
      const { uri, diagnostics } = await open(text);
      assert.deepEqual(await codeActions(uri, whole(text), diagnostics, [FIX_ALL]), []);
    });

    // Fixtures whose findings have only a claim fix (and a suppression): nothing is safe to apply.
    for (const source of sources.slice(1, 4)) {
      it(`${source}: claims stay for a person to confirm, no action`, async () => {
        const text = readFixture(source);
        const { uri, diagnostics } = await open(text);
        assert.ok(CLAIM_RULES.some((rule) => countRule(diagnostics, rule) > 0));
        assert.deepEqual(await codeActions(uri, whole(text), diagnostics, [FIX_ALL]), []);
      });
    }

    it('unknown-country fixture: every finding with one fix is fixed', async () => {
      const text = readFixture('rules/unknown-country/fires.yaml');
      const { uri, diagnostics } = await open(text);
      const actions = await codeActions(uri, whole(text), diagnostics, [FIX_ALL]);
      assert.equal(actions.length, 1);
      const fixed = applyEdits(text, editsOf(uri, actions[0].edit));
      assert.deepEqual(lineDiff(text, fixed), [
        '-8     country: UK',
        '+8     country: GB',
        '-12     country: EL',
        '+12     country: GR',
        '-16     country: de',
        '+16     country: DE',
        '-26     country: ED',
        '+26     country: DE',
      ]);
      await server.change(uri, fixed);
      const after = await server.diagnostics(uri);
      assert.equal(after.length, diagnostics.length - 4);
      assert.deepEqual(newErrors(diagnostics, after), []);
    });

    it('is only offered when asked for, and "only" filters quick fixes out', async () => {
      const text = readFixture('rules/unknown-country/fires.yaml');
      const { uri, diagnostics } = await open(text);
      const plain = await codeActions(uri, diagnostics[0].range, [diagnostics[0]]);
      assert.ok(plain.length > 0 && plain.every((a) => a.kind === 'quickfix'));
      const onlySource = await codeActions(uri, diagnostics[0].range, [diagnostics[0]], [FIX_ALL]);
      assert.deepEqual(
        onlySource.map((a) => a.kind),
        [FIX_ALL],
      );
      const onlyQuickFix = await codeActions(uri, diagnostics[0].range, [diagnostics[0]], ['quickfix']);
      assert.deepEqual(
        onlyQuickFix.map((a) => a.title),
        plain.map((a) => a.title),
      );
      // `source.fixAll` (what VS Code asks on save with "source.fixAll": "explicit") covers ours.
      const onlyFixAll = await codeActions(uri, whole(text), [], ['source.fixAll']);
      assert.deepEqual(
        onlyFixAll.map((a) => a.kind),
        [FIX_ALL],
      );
    });
  });

  it('a diagnostic from another source or without data gets no actions', async () => {
    const text = readFixture('rules/unknown-country/fires.yaml');
    const { uri, diagnostics } = await open(text);
    const d = diagnostics[0];
    const foreign = { ...d, source: 'yaml' };
    const noData = { ...d, data: undefined };
    assert.deepEqual(await codeActions(uri, d.range, [foreign, noData]), []);
  });
});
