// Baselines (`--baseline FILE`, `--update-baseline`) and the CI options of `check` (`--quiet`,
// `--max-warnings N`, `--output FILE`, SARIF fingerprints), through the CLI's `run` on real manifests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Io, run } from '../server/src/cli/main';
import { Baseline, baselineText, identityOf, parseBaseline } from '../server/src/core/baseline';
import { check } from '../server/src/core/check';
import { repoRoot } from './support';

const EVERY_RULE = fs.readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml'), 'utf8');

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }[];
}
const diagnosticsOf = (out: string) => (JSON.parse(out) as JsonReport).files[0].diagnostics;

function cli(args: string[], cwd: string): { status: number; out: string; err: string } {
  let out = '',
    err = '';
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd, env: { LANG: 'C' } };
  return { status: run(args, io), out, err };
}

/** The every-rule example with a new partner entry (and comments) above everything: every line moves. */
function shifted(text: string): string {
  const entry =
    '  # a partner added on top, unrelated to the findings below\n' +
    '  - id: tailspin-dist\n    name: Tailspin Distribution\n    type: indirect-provider\n    country: DE\n' +
    '    mpa: { accepted: true, acceptedOn: 2024-02-01 }\n';
  return text.replace(/^partners:\n/m, `partners:\n${entry}`);
}

describe('baselines and CI options of check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'csp-baseline-'));
    fs.mkdirSync(path.join(dir, 'channel'));
    fs.writeFileSync(path.join(dir, 'channel', 'csp-partners.yaml'), EVERY_RULE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const manifest = () => path.join(dir, 'channel', 'csp-partners.yaml');
  const readBaseline = () => parseBaseline(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as Baseline;

  it('identifies a finding by rule, place written with ids and message arguments, not by line', () => {
    const before = check(EVERY_RULE);
    const after = check(shifted(EVERY_RULE));
    const ids = (result: typeof before) => result.findings.map((f) => JSON.stringify(identityOf(result, f))).sort();
    assert.notDeepEqual(
      before.findings.map((f) => f.range.start.line),
      after.findings.slice(0, before.findings.length).map((f) => f.range.start.line),
    );
    assert.deepEqual(ids(after), ids(before));
    const sale = before.findings.find((f) => f.rule === 'cross-region-sale')!;
    assert.deepEqual(identityOf(before, sale), {
      rule: 'cross-region-sale',
      at: 'customers/woodgrove/subscriptions/project/provider',
      message: 'cross-region-sale',
      args: {
        customer: 'woodgrove',
        customerCountry: 'FR',
        customerRegion: 'europe',
        partner: 'litware-dist-us',
        partnerCountry: 'US',
        partnerRegion: 'united-states',
      },
    });
  });

  it('--update-baseline writes a sorted, reviewable baseline of every finding; with it, none is reported', () => {
    const wrote = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--update-baseline'], dir);
    assert.equal(wrote.status, 0);
    assert.match(wrote.err, /baseline\.json: baseline written, \d+ findings\./);
    const text = fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8');
    const baseline = readBaseline();
    assert.equal(text, baselineText(baseline), 'two-space JSON ending with a line break');
    assert.equal(
      baseline.findings.reduce((n, e) => n + e.count, 0),
      check(EVERY_RULE).findings.length,
    );
    assert.ok(baseline.findings.every((e) => e.file === 'channel/csp-partners.yaml'));
    const keys = baseline.findings.map((e) => JSON.stringify([e.file, e.rule, e.at, e.message, e.args]));
    assert.deepEqual(keys, [...keys].sort(), 'sorted');
    assert.ok(!/"line"/.test(text), 'no line numbers in the baseline');

    const again = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json'], dir);
    assert.equal(again.status, 0);
    assert.match(again.out, /^0 errors, 0 warnings, 0 infos in 1 files$/m);
  });

  it('an unrelated edit above a baselined finding does not bring it back; a changed finding does', () => {
    cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--update-baseline'], dir);
    fs.writeFileSync(manifest(), shifted(EVERY_RULE));
    const unrelated = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--format', 'json'], dir);
    assert.equal(unrelated.status, 0, unrelated.out);
    assert.deepEqual(diagnosticsOf(unrelated.out), []);

    // The cross-region sale now goes through another US provider: the same rule at the same place, a new finding.
    const otherProvider = shifted(EVERY_RULE)
      .replace('type: distributor ', 'type: indirect-provider ')
      .replace('provider: litware-dist-us ', 'provider: wingtip-us ');
    fs.writeFileSync(manifest(), otherProvider);
    const changed = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--format', 'json'], dir);
    const reported = diagnosticsOf(changed.out);
    assert.ok(
      reported.some((d) => d.rule === 'cross-region-sale' && /"wingtip-us"/.test(d.message)),
      changed.out,
    );
    assert.equal(changed.status, 1);
  });

  it('a missing or malformed baseline is a bad invocation (exit 2); --update-baseline needs --baseline', () => {
    const missing = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'nope.json'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.err, /Cannot read nope\.json: ENOENT/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "version": 1, "findings": [{ "rule": "x" }] }');
    const bad = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'bad.json'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.err, /bad\.json is not a baseline: findings\[0\] is not \{ file, rule, at, message, args, count \}/);
    const alone = cli(['check', 'channel/csp-partners.yaml', '--update-baseline'], dir);
    assert.equal(alone.status, 2);
    assert.match(alone.err, /--update-baseline needs --baseline FILE/);
  });

  it('--quiet reports errors only; --max-warnings fails a run with more warnings than allowed', () => {
    const quiet = cli(['check', 'channel/csp-partners.yaml', '--quiet', '--format', 'json'], dir);
    const severities = new Set(diagnosticsOf(quiet.out).map((d) => d.severity));
    assert.deepEqual([...severities], ['error']);
    // Only warnings left: the errors are in a baseline made with the warnings left out of it.
    const result = check(EVERY_RULE);
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    assert.ok(warnings > 0);
    cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--update-baseline'], dir);
    const baseline = readBaseline();
    baseline.findings = baseline.findings.filter((e) => !result.findings.some((f) => f.severity === 'warning' && f.rule === e.rule));
    fs.writeFileSync(path.join(dir, 'baseline.json'), baselineText(baseline));
    const within = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--max-warnings', String(warnings)], dir);
    assert.equal(within.status, 0, within.out);
    const over = cli(['check', 'channel/csp-partners.yaml', '--baseline', 'baseline.json', '--max-warnings', String(warnings - 1)], dir);
    assert.equal(over.status, 1);
    assert.match(over.err, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}\\.`));
    assert.equal(cli(['check', 'channel/csp-partners.yaml', '--max-warnings', 'many'], dir).status, 2);
  });

  it('--output writes the report to a file, for every format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const ran = cli(['check', 'channel/csp-partners.yaml', '--format', format, '--output', `report.${format}`], dir);
      assert.equal(ran.status, 1);
      assert.equal(ran.out, '');
      const written = fs.readFileSync(path.join(dir, `report.${format}`), 'utf8');
      const printed = cli(['check', 'channel/csp-partners.yaml', '--format', format], dir).out;
      assert.equal(written, printed);
    }
  });

  it('SARIF results carry fingerprints that stay the same when the finding moves to another line', () => {
    const sarif = () => {
      const out = JSON.parse(cli(['check', 'channel/csp-partners.yaml', '--format', 'sarif'], dir).out) as {
        runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: unknown[] }[] }[];
      };
      return out.runs[0].results;
    };
    const before = sarif();
    fs.writeFileSync(manifest(), shifted(EVERY_RULE));
    const after = sarif();
    const prints = (results: typeof before) => results.map((r) => r.partialFingerprints['cspPartnersIdentity/v1']).sort();
    assert.equal(new Set(prints(before)).size, before.length, 'one fingerprint per result');
    assert.ok(prints(before).every((p) => /^[0-9a-f]{32}:\d+$/.test(p)));
    assert.deepEqual(prints(after), prints(before));
    assert.notDeepEqual(JSON.stringify(after.map((r) => r.locations)), JSON.stringify(before.map((r) => r.locations)));
  });
});
