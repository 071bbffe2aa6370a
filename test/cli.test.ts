// The real CLI, end to end: the bundled bin (server/out/cli.js, the package.json `bin`) in a child
// process, on the files under test/data/cli/. Contract: spec §6 (exit status 0/1/2, `--format json`
// with 0-based UTF-16 positions, SARIF 2.1.0, `--rule ID=SEVERITY`, files or globs).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { run as runCli } from '../server/src/cli/main';
import * as core from '../server/src/core/check';
import { SEVERITIES } from '../server/src/core/finding';
import { isPosition as isLspPosition } from '../server/src/core/text';
import { VERDICT_MARKS as MARK } from '../server/src/present/scenarios';
import type { ScenarioBaseline } from './scenario-support';
import { repoRoot } from './support';

const BIN = path.join(repoRoot, 'server', 'out', 'cli.js');
const DATA = 'test/data/cli';
const EXAMPLE_CLEAN = 'examples/csp-partners.yaml';
const EXAMPLE_EVERY_RULE = 'examples/every-rule.csp-partners.yaml';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled bin with `args` (no shell: globs reach the CLI as written), English messages. */
function cli(args: string[], cwd = repoRoot): Run {
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: JsonPosition; end: JsonPosition };
}
interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

function json(args: string[], cwd = repoRoot): { run: Run; report: JsonReport } {
  const run = cli([...args, '--format', 'json'], cwd);
  assert.equal(run.stderr, '', 'nothing on stderr for a good invocation');
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

const diagnosticsOf = (report: JsonReport, file: string) => {
  const entry = report.files.find((f) => f.path === file);
  assert.ok(entry, `${file} is in the report`);
  return entry.diagnostics;
};

/** Lines of a file as the CLI counts them: split at LF, a trailing CR dropped, a BOM dropped. */
const linesOf = (file: string) =>
  readFileSync(path.join(repoRoot, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));

describe('CLI (bundled bin in a child process)', () => {
  before(() => {
    assert.ok(existsSync(BIN), `${BIN} is missing: build with \`npx tsc -p . && node scripts/bundle.mjs\``);
  });

  describe('exit status', () => {
    it('is 0 on the clean example and prints a summary with no errors', () => {
      const run = cli(['check', EXAMPLE_CLEAN]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /\b0 errors\b/);
      assert.equal(run.stderr, '');
    });

    it('is 1 on the example that breaks every rule', () => {
      const run = cli(['check', EXAMPLE_EVERY_RULE]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /error/);
    });

    it('is 1 when one of several files has errors, 0 when none has', () => {
      assert.equal(cli(['check', `${DATA}/clean.yaml`, `${DATA}/cross-region.yaml`]).status, 1);
      assert.equal(cli(['check', `${DATA}/clean.yaml`, EXAMPLE_CLEAN]).status, 0);
    });

    it('is 2 for a missing file, and the message names the file', () => {
      const run = cli(['check', `${DATA}/no-such-file.yaml`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no-such-file\.yaml/);
      assert.equal(run.stdout, '', 'no partial report');
    });

    it('is 2 for a missing file even when the other files are fine', () => {
      const run = cli(['check', EXAMPLE_CLEAN, `${DATA}/no-such-file.yaml`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no-such-file\.yaml/);
    });

    it('is 2 for an unknown flag, naming it', () => {
      const run = cli(['check', '--bogus', EXAMPLE_CLEAN]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--bogus/);
    });

    it('is 2 for a bad --format, naming the value', () => {
      const run = cli(['check', '--format', 'xml', EXAMPLE_CLEAN]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /"xml"/);
    });

    it('is 2 for a flag without its value', () => {
      for (const flag of ['--format', '--rule']) {
        const run = cli(['check', EXAMPLE_CLEAN, flag]);
        assert.equal(run.status, 2, flag);
        assert.match(run.stderr, new RegExp(flag), flag);
      }
    });

    it('is 2 for a bad --rule value', () => {
      for (const value of [
        'cross-region-sale=loud',
        'cross-region-sale',
        'cross-region-sale=',
        '=error',
        'cross-region-sale=error=x',
        'yaml-syntax=off',
      ]) {
        const run = cli(['check', '--rule', value, EXAMPLE_CLEAN]);
        assert.equal(run.status, 2, value);
        assert.match(run.stderr, /--rule/, value);
      }
    });

    it('is 2 for an unknown rule id, naming it', () => {
      const run = cli(['check', '--rule', 'no-such-rule=off', EXAMPLE_CLEAN]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no-such-rule/);
    });

    it('is 2 for a glob that matches nothing, naming the glob', () => {
      const run = cli(['check', `${DATA}/*.nothing-matches`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\*\.nothing-matches/);
    });

    it('is 2 for a directory given as a file, naming it', () => {
      const run = cli(['check', DATA]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, new RegExp(DATA.replace(/\//g, '\\/')));
      assert.match(run.stderr, /directory/);
    });

    it('is 2 for a directory whose name looks like a manifest', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'csp-cli-'));
      try {
        mkdirSync(path.join(dir, 'folder.csp-partners.yaml'));
        const run = cli(['check', 'folder.csp-partners.yaml'], dir);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /folder\.csp-partners\.yaml/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('is 2 for an unknown command', () => {
      const run = cli(['lint', EXAMPLE_CLEAN]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /lint/);
    });
  });

  describe('--format json', () => {
    it('has exactly the shape of spec §6', () => {
      const { run, report } = json(['check', EXAMPLE_EVERY_RULE]);
      assert.equal(run.status, 1);
      assert.deepEqual(Object.keys(report), ['files']);
      assert.equal(report.files.length, 1);
      const [file] = report.files;
      assert.deepEqual(Object.keys(file).sort(), ['diagnostics', 'path']);
      assert.equal(file.path, EXAMPLE_EVERY_RULE);
      assert.ok(file.diagnostics.length > 10);
      const isPosition = (p: unknown) => {
        assert.deepEqual(Object.keys(p as object).sort(), ['character', 'line']);
        assert.ok(isLspPosition(p), JSON.stringify(p));
      };
      for (const d of file.diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), ['message', 'range', 'rule', 'severity']);
        assert.equal(typeof d.rule, 'string');
        assert.ok((SEVERITIES as readonly string[]).includes(d.severity), d.severity);
        assert.ok(typeof d.message === 'string' && d.message.length > 0);
        assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
        isPosition(d.range.start);
        isPosition(d.range.end);
      }
    });

    it('lists a clean file with no diagnostics', () => {
      const { run, report } = json(['check', `${DATA}/clean.yaml`]);
      assert.equal(run.status, 0);
      assert.deepEqual(report, { files: [{ path: `${DATA}/clean.yaml`, diagnostics: [] }] });
    });

    it('uses 0-based lines and UTF-16 characters (Japanese and an emoji before the error)', () => {
      const file = `${DATA}/utf16.yaml`;
      const { report } = json(['check', file]);
      const lines = linesOf(file);
      const d = diagnosticsOf(report, file).find((x) => x.rule === 'unknown-country' && x.message.includes('"UK"'));
      assert.ok(d, 'the UK finding');
      const line = lines.findIndex((l) => l.includes('寿司🍣'));
      assert.equal(line, 4);
      const character = lines[line].indexOf('UK'); // a JS string index is a UTF-16 offset
      const prefix = lines[line].slice(0, character);
      // The test only proves something if other ways of counting give other columns.
      assert.notEqual(Buffer.byteLength(prefix, 'utf8'), character, 'UTF-8 bytes differ');
      assert.notEqual([...prefix].length, character, 'code points differ (the emoji is two UTF-16 units)');
      assert.deepEqual(d.range, { start: { line, character }, end: { line, character: character + 2 } });
    });

    it('gives the same positions for a CRLF file and for a UTF-8 BOM file as for the LF file', () => {
      const raw = (f: string) => readFileSync(path.join(repoRoot, DATA, f));
      assert.ok(!raw('utf16.yaml').includes('\r'), 'the LF file has no CR');
      assert.ok(raw('utf16-crlf.yaml').includes('\r\n'), 'the CRLF file kept its CRLF (see test/data/cli/.gitattributes)');
      assert.deepEqual([...raw('utf16-bom.yaml').subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM file starts with a BOM');
      assert.equal(raw('utf16.yaml')[0], 'm'.charCodeAt(0), 'the LF file has no BOM');

      const { report } = json(['check', `${DATA}/utf16.yaml`, `${DATA}/utf16-crlf.yaml`, `${DATA}/utf16-bom.yaml`]);
      const lf = diagnosticsOf(report, `${DATA}/utf16.yaml`);
      assert.ok(lf.length >= 3);
      assert.ok(
        lf.some((d) => d.range.start.line === 0),
        'a finding on the first line, where a BOM would shift columns',
      );
      assert.ok(
        lf.some((d) => d.range.end.character === linesOf(`${DATA}/utf16.yaml`)[d.range.end.line].length),
        'a finding that ends at the end of its line, where a CR would show',
      );
      assert.deepEqual(diagnosticsOf(report, `${DATA}/utf16-crlf.yaml`), lf);
      assert.deepEqual(diagnosticsOf(report, `${DATA}/utf16-bom.yaml`), lf);
    });
  });

  describe('files and globs', () => {
    it('expands a quoted glob to every matching file, sorted', () => {
      const { run, report } = json(['check', `${DATA}/*.yaml`]);
      assert.equal(run.status, 1);
      const expected = readdirSync(path.join(repoRoot, DATA))
        .filter((n) => n.endsWith('.yaml'))
        .sort()
        .map((n) => `${DATA}/${n}`);
      assert.ok(expected.length >= 5, 'several files');
      const paths = report.files.map((f) => f.path);
      assert.deepEqual(paths, expected);
      assert.deepEqual(paths, [...paths].sort());
    });

    it('checks a file named twice (once by a glob) only once', () => {
      const { report } = json(['check', `${DATA}/clean.yaml`, `./${DATA}/clean.yaml`, `${DATA}/clean.*`]);
      assert.deepEqual(
        report.files.map((f) => f.path),
        [`${DATA}/clean.yaml`],
      );
    });

    it('takes an existing file whose name looks like a glob as that file', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'csp-cli-'));
      try {
        writeFileSync(path.join(dir, 'copy (1).yaml'), readFileSync(path.join(repoRoot, DATA, 'clean.yaml')));
        writeFileSync(path.join(dir, '[x].yaml'), readFileSync(path.join(repoRoot, DATA, 'cross-region.yaml')));
        const { run, report } = json(['check', 'copy (1).yaml', '[x].yaml'], dir);
        assert.equal(run.status, 1);
        assert.deepEqual(
          report.files.map((f) => [f.path, f.diagnostics.length]),
          [
            ['copy (1).yaml', 0],
            ['[x].yaml', 2],
          ],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('with no file given, checks the manifests of spec §1 under the working directory', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'csp-cli-'));
      try {
        const clean = readFileSync(path.join(repoRoot, DATA, 'clean.yaml'));
        writeFileSync(path.join(dir, 'csp-partners.yaml'), clean);
        mkdirSync(path.join(dir, 'sub'));
        writeFileSync(path.join(dir, 'sub', 'emea.csp-partners.yml'), readFileSync(path.join(repoRoot, DATA, 'cross-region.yaml')));
        writeFileSync(path.join(dir, 'other.yaml'), 'not: a manifest\n');
        const { run, report } = json(['check'], dir);
        assert.equal(run.status, 1);
        assert.deepEqual(
          report.files.map((f) => f.path),
          ['csp-partners.yaml', 'sub/emea.csp-partners.yml'],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('--rule ID=SEVERITY', () => {
    it("off removes that rule's findings and keeps the others", () => {
      const before = diagnosticsOf(json(['check', EXAMPLE_EVERY_RULE]).report, EXAMPLE_EVERY_RULE);
      assert.ok(
        before.some((d) => d.rule === 'cross-region-sale'),
        'the example has a cross-region-sale finding',
      );
      const { run, report } = json(['check', EXAMPLE_EVERY_RULE, '--rule', 'cross-region-sale=off']);
      const after = diagnosticsOf(report, EXAMPLE_EVERY_RULE);
      assert.equal(run.status, 1, 'other errors remain');
      assert.ok(!after.some((d) => d.rule === 'cross-region-sale'));
      assert.deepEqual(
        after,
        before.filter((d) => d.rule !== 'cross-region-sale'),
      );
    });

    it('off on the only failing rule turns exit 1 into 0', () => {
      const file = `${DATA}/cross-region.yaml`;
      assert.equal(cli(['check', file]).status, 1);
      const { run, report } = json(['check', file, '--rule', 'cross-region-sale=off']);
      assert.equal(run.status, 0);
      assert.deepEqual(diagnosticsOf(report, file), []);
    });

    it('warning changes the severity and turns exit 1 into 0', () => {
      const file = `${DATA}/cross-region.yaml`;
      const errors = diagnosticsOf(json(['check', file]).report, file);
      assert.equal(errors.length, 2);
      assert.ok(errors.every((d) => d.rule === 'cross-region-sale' && d.severity === 'error'));
      const { run, report } = json(['check', file, '--rule', 'cross-region-sale=warning']);
      assert.equal(run.status, 0);
      assert.deepEqual(
        diagnosticsOf(report, file),
        errors.map((d) => ({ ...d, severity: 'warning' })),
      );
    });

    it('accepts the --rule=ID=SEVERITY spelling and several --rule flags', () => {
      const file = `${DATA}/utf16.yaml`;
      const { run, report } = json(['check', file, '--rule=unknown-country=info', '--rule', 'schema=warning']);
      assert.equal(run.status, 0);
      const severities = new Map(diagnosticsOf(report, file).map((d) => [d.rule, d.severity]));
      assert.equal(severities.get('unknown-country'), 'info');
      assert.equal(severities.get('schema'), 'warning');
    });
  });

  describe('--format text', () => {
    it('shows each finding at its 1-based line:column with its rule id', () => {
      const file = `${DATA}/utf16.yaml`;
      const diagnostics = diagnosticsOf(json(['check', file]).report, file);
      const run = cli(['check', file]);
      assert.equal(run.status, 1);
      const lines = run.stdout.split('\n');
      assert.ok(lines.includes(file), 'the file name heads its findings');
      for (const d of diagnostics) {
        const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        const line = lines.find((l) => l.includes(d.message));
        assert.ok(line, `a line for: ${d.message}`);
        assert.ok(line.trimStart().startsWith(`${where} `), `${line} starts with ${where}`);
        assert.ok(line.trimEnd().endsWith(d.rule), `${line} ends with ${d.rule}`);
      }
      assert.ok(
        lines.some((l) => l.trimStart().startsWith('5:76 ')),
        'the UK finding after the emoji is at 5:76 (UTF-16)',
      );
      assert.match(run.stdout, /\b3 errors, 0 warnings, 0 infos in 1 files\b/);
    });

    it('speaks Japanese with --locale ja', () => {
      const run = cli(['check', `${DATA}/cross-region.yaml`, '--locale', 'ja']);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /エラー 2 件/);
    });
  });

  describe('--format sarif', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const assertValid = (sarif: unknown) => {
      const ok = validate(sarif);
      assert.ok(ok, `SARIF 2.1.0 schema errors: ${ajv.errorsText(validate.errors)}`);
    };

    interface SarifRegion {
      startLine: number;
      startColumn: number;
      endLine: number;
      endColumn: number;
    }
    interface SarifResult {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
    }
    interface SarifLog {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; columnKind?: string; results: SarifResult[] }[];
    }

    it('is the official schema (draft-07 SARIF 2.1.0) that the test validates against', () => {
      const s = schema as Record<string, unknown>;
      assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.match(String(s.title), /SARIF\) Version 2\.1\.0/);
    });

    it('validates against the SARIF 2.1.0 schema and carries every finding of the JSON output', () => {
      const files = [EXAMPLE_EVERY_RULE, `${DATA}/utf16.yaml`, `${DATA}/clean.yaml`];
      const run = cli(['check', ...files, '--format', 'sarif']);
      assert.equal(run.status, 1);
      const sarif = JSON.parse(run.stdout) as SarifLog;
      assertValid(sarif);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs.length, 1);
      const [sarifRun] = sarif.runs;
      assert.equal(sarifRun.tool.driver.name, 'csp-partners');
      assert.equal(sarifRun.columnKind, 'utf16CodeUnits');

      const report = json(['check', ...files]).report;
      const expected = report.files.flatMap((f) => f.diagnostics.map((d) => ({ uri: f.path, d })));
      assert.equal(sarifRun.results.length, expected.length);
      const level: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
      sarifRun.results.forEach((r, i) => {
        const { uri, d } = expected[i];
        assert.equal(r.ruleId, d.rule);
        assert.equal(sarifRun.tool.driver.rules[r.ruleIndex].id, d.rule, 'ruleIndex points at the rule');
        assert.equal(r.level, level[d.severity]);
        assert.equal(r.message.text, d.message);
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        assert.equal(artifactLocation.uri, uri);
        assert.deepEqual(region, {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        });
      });
    });

    it('validates with no findings at all', () => {
      const run = cli(['check', EXAMPLE_CLEAN, '--format', 'sarif']);
      assert.equal(run.status, 0);
      const sarif = JSON.parse(run.stdout) as SarifLog;
      assertValid(sarif);
      assert.deepEqual(sarif.runs[0].results, []);
    });

    it('writes paths with spaces and non-ASCII as valid URI references (relative, and file:// when absolute)', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'csp-cli-'));
      try {
        mkdirSync(path.join(dir, 'ü dir'));
        writeFileSync(path.join(dir, 'ü dir', 'a b:c.yaml'), readFileSync(path.join(repoRoot, DATA, 'cross-region.yaml')));
        const relative = cli(['check', 'ü dir/a b:c.yaml', '--format', 'sarif'], dir);
        assert.equal(relative.status, 1);
        const relativeLog = JSON.parse(relative.stdout) as SarifLog;
        assertValid(relativeLog);
        assert.equal(relativeLog.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, '%C3%BC%20dir/a%20b%3Ac.yaml');

        const absolutePath = path.join(dir, 'ü dir', 'a b:c.yaml');
        const absolute = cli(['check', absolutePath, '--format', 'sarif'], repoRoot);
        const absoluteLog = JSON.parse(absolute.stdout) as SarifLog;
        assertValid(absoluteLog);
        const uri = absoluteLog.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
        assert.match(uri, /^file:\/\//);
        assert.equal(decodeURIComponent(new URL(uri).pathname), absolutePath);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('scenario', () => {
    const SCN = 'test/data/scenarios';
    const expected = (name: string) =>
      JSON.parse(readFileSync(path.join(repoRoot, SCN, `${name}.expected.json`), 'utf8')) as ScenarioBaseline;
    const subjectResult = (name: string, query: { scenario: number; customer?: string; partner?: string }) => {
      const found = expected(name).subjects.find(
        (s) => s.scenario === query.scenario && s.customer === query.customer && s.partner === query.partner,
      );
      assert.ok(found, `${name}.expected.json answers ${JSON.stringify(query)}`);
      return found.result;
    };
    const scenarioJson = (args: string[], cwd = repoRoot) => {
      const run = cli(['scenario', ...args, '--format', 'json'], cwd);
      assert.equal(run.stderr, '', 'nothing on stderr for a good invocation');
      return { run, body: JSON.parse(run.stdout) as Record<string, unknown> };
    };

    describe('--format json', () => {
      it('prints exactly { file, scenario, question, items } for one scenario: the answer of the core', () => {
        const file = `${SCN}/paths.yaml`;
        const { run, body } = scenarioJson(['1', file, '--customer', 'woodgrove']);
        assert.equal(run.status, 1, 'some paths are not supported');
        assert.deepEqual(Object.keys(body), ['file', 'scenario', 'question', 'items']);
        assert.deepEqual(body, { file, ...subjectResult('paths', { scenario: 1, customer: 'woodgrove' }) });
      });

      it('prints exactly { file, scenarios } for all: the seven answers in order', () => {
        const file = `${SCN}/regions.yaml`;
        const { run, body } = scenarioJson(['all', file]);
        assert.equal(run.status, 1);
        assert.deepEqual(Object.keys(body), ['file', 'scenarios']);
        assert.deepEqual(body, { file, scenarios: expected('regions').all });
        assert.deepEqual(
          (body.scenarios as { scenario: number }[]).map((s) => s.scenario),
          [1, 2, 3, 4, 5, 6, 7],
        );
      });

      it('answers for the whole manifest without a subject', () => {
        const { body } = scenarioJson(['3', `${SCN}/multipartner.yaml`]);
        assert.deepEqual(body.items, expected('multipartner').all[2].items);
      });

      it('answers for one partner with --partner (scenario 4), and for one customer in scenarios 2 and 3', () => {
        assert.deepEqual(
          scenarioJson(['4', `${SCN}/own-use.yaml`, '--partner', 'tailwind']).body.items,
          subjectResult('own-use', { scenario: 4, partner: 'tailwind' }).items,
        );
        assert.deepEqual(
          scenarioJson(['--customer=bellows', '2', `${SCN}/multipartner.yaml`]).body.items,
          subjectResult('multipartner', { scenario: 2, customer: 'bellows' }).items,
        );
        assert.deepEqual(
          scenarioJson(['3', `${SCN}/multipartner.yaml`, '--customer', 'woodgrove']).body.items,
          subjectResult('multipartner', { scenario: 3, customer: 'woodgrove' }).items,
        );
      });

      it('keeps the path as given and counts positions as check does (0-based lines, UTF-16 characters)', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'csp-cli-'));
        try {
          const lines = [
            'manifestVersion: 1',
            'partners:',
            '  - { id: relecloud-us, name: Relecloud, type: direct-bill, tenant: relecloud.onmicrosoft.com, country: US, ' +
              'mpa: { accepted: true }, directBill: { apiIntegration: true, billingAndSupport: true, securityCompliance: true } }',
            'customers:',
            '  - id: sushi',
            '    name: Sushi',
            '    country: JP',
            '    subscriptions:',
            '      - { id: m365, offer: "寿司🍣 Suite", soldBy: relecloud-us }',
          ];
          mkdirSync(path.join(dir, 'ü dir'));
          writeFileSync(path.join(dir, 'ü dir', 'm.yaml'), `${lines.join('\n')}\n`);
          const { run, body } = scenarioJson(['6', './ü dir/m.yaml'], dir);
          assert.equal(run.status, 1);
          assert.equal(body.file, './ü dir/m.yaml');
          const [item] = body.items as { rules: string[]; locations: { start: JsonPosition; end: JsonPosition }[] }[];
          assert.deepEqual(item.rules, ['cross-region-sale']);
          const character = lines[8].indexOf('relecloud-us');
          assert.notEqual([...lines[8].slice(0, character)].length, character, 'the emoji makes code points and UTF-16 units differ');
          assert.deepEqual(item.locations[0], {
            start: { line: 8, character },
            end: { line: 8, character: character + 'relecloud-us'.length },
          });
          const text = cli(['scenario', '6', './ü dir/m.yaml'], dir);
          assert.match(text.stdout, new RegExp(`\\./ü dir/m\\.yaml:9:${character + 1}$`, 'm'));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });

    describe('--format text', () => {
      it('reads like the report: the question as a heading, one line per item, then the summary', () => {
        const file = `${SCN}/paths.yaml`;
        const answer = subjectResult('paths', { scenario: 1, customer: 'woodgrove' });
        const run = cli(['scenario', '1', file, '--customer', 'woodgrove']);
        assert.equal(run.status, 1);
        assert.equal(run.stderr, '');
        const lines = run.stdout.trimEnd().split('\n');
        assert.equal(lines[0], `CSP scenario checks: ${file}`);
        assert.ok(lines.includes(`1. ${answer.question}`), 'the question heads the items');
        for (const item of answer.items) {
          const rules = item.rules.length ? ` [${item.rules.join(', ')}]` : '';
          const first = item.locations[0];
          const where = first ? `  ${file}:${first.start.line + 1}:${first.start.character + 1}` : '';
          assert.ok(
            lines.includes(`  ${MARK[item.verdict]} ${item.subject} — ${item.reason}${rules}${where}`),
            `a line for ${item.subject}`,
          );
        }
        const count = (v: string) => answer.items.filter((i) => i.verdict === v).length;
        assert.equal(
          lines[lines.length - 1],
          `${count('supported')} supported, ${count('not-supported')} not supported, ${count('not-applicable')} not applicable`,
        );
        assert.ok(count('supported') > 0 && count('not-supported') > 0 && count('not-applicable') > 0, 'the three marks are shown');
      });

      it('shows a not-supported item with ✗, its rule in brackets and file:line:col of its first location', () => {
        const run = cli(['scenario', '1', `${SCN}/paths.yaml`]);
        assert.match(
          run.stdout,
          new RegExp(
            /^ {2}✗ woodgrove \/ no-provider: Microsoft → fabrikam → woodgrove — /.source +
              /Subscription "no-provider" is sold by indirect reseller "fabrikam" but names no provider; .* /.source +
              /\[reseller-needs-provider\] {2}test\/data\/scenarios\/paths\.yaml:115:17$/.source,
            'm',
          ),
        );
        assert.match(run.stdout, /^ {2}– bellows — This customer has no subscriptions\. {2}test\/data\/scenarios\/paths\.yaml:142:9$/m);
        assert.match(
          run.stdout,
          new RegExp(
            /^ {2}✓ woodgrove \/ direct: Microsoft → northwind → woodgrove — /.source +
              /Valid path: Microsoft → northwind → woodgrove\. {2}test\/data\/scenarios\/paths\.yaml:107:17$/.source,
            'm',
          ),
        );
      });

      it('heads all seven answers with their questions, in order, and sums the verdicts of all', () => {
        const file = `${SCN}/clean.yaml`;
        const run = cli(['scenario', 'all', file]);
        assert.equal(run.status, 0, run.stdout);
        const headings = run.stdout.split('\n').filter((l) => /^\d\. /.test(l));
        assert.deepEqual(
          headings,
          expected('clean').all.map((r) => `${r.scenario}. ${r.question}`),
        );
        const items = expected('clean').all.flatMap((r) => r.items);
        const count = (v: string) => items.filter((i) => i.verdict === v).length;
        assert.match(
          run.stdout,
          new RegExp(`^${count('supported')} supported, 0 not supported, ${count('not-applicable')} not applicable$`, 'm'),
        );
      });

      it('speaks Japanese with --locale ja', () => {
        const run = cli(['scenario', '5', `${SCN}/self-sale.yaml`, '--locale', 'ja']);
        assert.equal(run.status, 1);
        assert.match(run.stdout, /^5\. 自社や関連組織に販売しているパートナーはありますか\?$/m);
        assert.match(run.stdout, /^ {2}✗ fabrikam-internal \/ m365-e3 — 「fabrikam」は自社のテナント/m);
        assert.match(run.stdout, /サポート 0 件、非サポート 3 件、該当なし 0 件/);
      });
    });

    describe('exit status', () => {
      it('is 1 when an item is not supported, 0 when none is', () => {
        assert.equal(cli(['scenario', 'all', `${SCN}/clean.yaml`]).status, 0);
        assert.equal(cli(['scenario', '4', `${SCN}/own-use.yaml`, '--partner', 'adatum']).status, 0);
        assert.equal(cli(['scenario', '4', `${SCN}/own-use.yaml`, '--partner', 'lamna']).status, 1);
        assert.equal(
          cli(['scenario', '3', `${SCN}/multipartner.yaml`, '--customer', 'bellows']).status,
          0,
          'not applicable is not a failure',
        );
        assert.equal(cli(['scenario', '7', `${SCN}/regions.yaml`]).status, 1);
        assert.equal(cli(['scenario', '7', `${SCN}/self-sale.yaml`]).status, 0);
        assert.equal(cli(['scenario', 'all', `${SCN}/self-sale.yaml`]).status, 1);
      });

      it('is 1 for a manifest with YAML syntax errors, which are printed as check prints them', () => {
        const file = 'examples/broken.csp-partners.yaml';
        const checked = cli(['check', file]);
        const text = cli(['scenario', '1', file]);
        assert.equal(text.status, 1);
        assert.equal(text.stdout, checked.stdout);
        assert.match(text.stdout, /yaml-syntax/);
        assert.match(text.stderr, /YAML syntax errors/);
        const json = cli(['scenario', 'all', file, '--format', 'json']);
        assert.equal(json.status, 1);
        assert.deepEqual(JSON.parse(json.stdout), JSON.parse(cli(['check', file, '--format', 'json']).stdout));
        assert.equal(cli(['scenario', '1', file, '--customer', 'woodgrove']).status, 1, 'syntax errors come before the subject lookup');
      });

      const usage = (args: string[], pattern: RegExp) => {
        const run = cli(['scenario', ...args]);
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.equal(run.stdout, '', 'no partial answer');
        assert.match(run.stderr, pattern, args.join(' '));
        assert.match(run.stderr, /Usage: csp-partners check .*\n(?:.*\n)*?.*csp-partners scenario <1-7\|all> FILE/);
      };
      const CLEAN = `${SCN}/clean.yaml`;

      it('is 2 for a bad scenario number, naming it', () => {
        for (const n of ['0', '8', '12', '1.0', 'x', 'ALL', ''])
          usage([n, CLEAN], new RegExp(`Unknown scenario "${n.replace('.', '\\.')}"`));
      });

      it('is 2 without a scenario number or a file, or with a second file', () => {
        usage([], /scenario needs a scenario number/);
        usage(['1'], /scenario needs a scenario number/);
        usage(['1', CLEAN, `${SCN}/paths.yaml`], /Unexpected argument "test\/data\/scenarios\/paths\.yaml"/);
      });

      it('is 2 for a missing file, a directory, and a glob (FILE is one path)', () => {
        usage(['1', `${SCN}/no-such-file.yaml`], /Cannot read test\/data\/scenarios\/no-such-file\.yaml: ENOENT/);
        usage(['all', SCN], /Cannot read test\/data\/scenarios: is a directory/);
        usage(['1', `${SCN}/*.yaml`], /Cannot read test\/data\/scenarios\/\*\.yaml/);
      });

      it('is 2 for --customer with a scenario other than 1–3', () => {
        for (const n of ['4', '5', '6', '7', 'all'])
          usage([n, CLEAN, '--customer', 'woodgrove'], new RegExp(`--customer applies to scenarios 1, 2 and 3 only, not to "${n}"`));
      });

      it('is 2 for --partner with a scenario other than 4', () => {
        for (const n of ['1', '2', '3', '5', '6', '7', 'all'])
          usage([n, CLEAN, '--partner', 'adatum'], new RegExp(`--partner applies to scenario 4 only, not to "${n}"`));
      });

      it('is 2 for --customer and --partner together', () => {
        usage(['1', CLEAN, '--customer', 'woodgrove', '--partner', 'adatum'], /Give --customer or --partner, not both/);
        usage(['4', CLEAN, '--partner', 'adatum', '--customer', 'woodgrove'], /Give --customer or --partner, not both/);
      });

      it('is 2 for an unknown customer or partner id, with the message of the scenario checks', () => {
        usage(['1', CLEAN, '--customer', 'nobody'], /csp-partners: No customer "nobody" in this manifest\./);
        usage(['2', CLEAN, '--customer', 'fabrikam'], /No customer "fabrikam" in this manifest\./); // a partner, not a customer
        usage(['4', CLEAN, '--partner', 'nobody'], /csp-partners: No partner "nobody" in this manifest\./);
        usage(['4', CLEAN, '--partner', 'woodgrove'], /No partner "woodgrove" in this manifest\./);
        const ja = cli(['scenario', '4', CLEAN, '--partner', 'nobody', '--locale', 'ja']);
        assert.equal(ja.status, 2);
        assert.match(ja.stderr, /このマニフェストにパートナー「nobody」はありません。/);
      });

      it('is 2 for an unknown flag, a bad format and a flag without its value', () => {
        usage(['1', CLEAN, '--bogus'], /Unknown option --bogus/);
        usage(['1', CLEAN, '--rule', 'self-sale=off'], /Unknown option --rule/);
        usage(['1', CLEAN, '--format', 'sarif'], /Unknown format "sarif" for scenario; use text or json/);
        usage(['1', CLEAN, '--format=xml'], /Unknown format "xml"/);
        for (const flag of ['--customer', '--partner', '--format']) usage(['1', CLEAN, flag], new RegExp(`Option ${flag} needs a value`));
      });
    });
  });
});

describe('CLI: a file the checker fails on', () => {
  it('is named on one line on stderr, the other files are still checked, and the exit status is 2', () => {
    // The checker is made to fail on one file: a bug in it must not read as "errors found" (exit 1) or stop the run.
    const original = core.check;
    const failing = readFileSync(path.join(repoRoot, EXAMPLE_EVERY_RULE), 'utf8');
    const out: string[] = [];
    const err: string[] = [];
    try {
      (core as { check: typeof original }).check = (text, options) => {
        if (text === failing) throw new RangeError('Maximum call stack size exceeded\n    at somewhere');
        return original(text, options);
      };
      const status = runCli(['check', EXAMPLE_EVERY_RULE, EXAMPLE_CLEAN, '--format', 'json'], {
        out: (text) => out.push(text),
        err: (text) => err.push(text),
        cwd: repoRoot,
        env: { LANG: 'C' },
      });
      assert.equal(status, 2);
    } finally {
      (core as { check: typeof original }).check = original;
    }
    assert.deepEqual(err, [
      `csp-partners: Could not check ${EXAMPLE_EVERY_RULE}: internal error (RangeError: Maximum call stack size exceeded)`,
    ]);
    const report = JSON.parse(out.join('')) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      [EXAMPLE_CLEAN],
    );
  });
});
