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
import { repoRoot } from './support';

const BIN = path.join(repoRoot, 'server', 'out', 'cli.js');
const DATA = 'test/data/cli';
const EXAMPLE_CLEAN = 'examples/csp-partners.yaml';
const EXAMPLE_EVERY_RULE = 'examples/every-rule.csp-partners.yaml';

interface Run { status: number | null; stdout: string; stderr: string }

/** Runs the bundled bin with `args` (no shell: globs reach the CLI as written), English messages. */
function cli(args: string[], cwd = repoRoot): Run {
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonPosition { line: number; character: number }
interface JsonDiagnostic { rule: string; severity: string; message: string; range: { start: JsonPosition; end: JsonPosition } }
interface JsonReport { files: { path: string; diagnostics: JsonDiagnostic[] }[] }

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
const linesOf = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8').replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));

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
      for (const value of ['cross-region-sale=loud', 'cross-region-sale', 'cross-region-sale=', '=error', 'cross-region-sale=error=x', 'yaml-syntax=off']) {
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
        const { line, character } = p as JsonPosition;
        assert.ok(Number.isInteger(line) && line >= 0 && Number.isInteger(character) && character >= 0);
      };
      for (const d of file.diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), ['message', 'range', 'rule', 'severity']);
        assert.equal(typeof d.rule, 'string');
        assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity), d.severity);
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
      assert.ok(lf.some((d) => d.range.start.line === 0), 'a finding on the first line, where a BOM would shift columns');
      assert.ok(lf.some((d) => d.range.end.character === linesOf(`${DATA}/utf16.yaml`)[d.range.end.line].length), 'a finding that ends at the end of its line, where a CR would show');
      assert.deepEqual(diagnosticsOf(report, `${DATA}/utf16-crlf.yaml`), lf);
      assert.deepEqual(diagnosticsOf(report, `${DATA}/utf16-bom.yaml`), lf);
    });
  });

  describe('files and globs', () => {
    it('expands a quoted glob to every matching file, sorted', () => {
      const { run, report } = json(['check', `${DATA}/*.yaml`]);
      assert.equal(run.status, 1);
      const expected = readdirSync(path.join(repoRoot, DATA)).filter((n) => n.endsWith('.yaml')).sort().map((n) => `${DATA}/${n}`);
      assert.ok(expected.length >= 5, 'several files');
      const paths = report.files.map((f) => f.path);
      assert.deepEqual(paths, expected);
      assert.deepEqual(paths, [...paths].sort());
    });

    it('checks a file named twice (once by a glob) only once', () => {
      const { report } = json(['check', `${DATA}/clean.yaml`, `./${DATA}/clean.yaml`, `${DATA}/clean.*`]);
      assert.deepEqual(report.files.map((f) => f.path), [`${DATA}/clean.yaml`]);
    });

    it('takes an existing file whose name looks like a glob as that file', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'csp-cli-'));
      try {
        writeFileSync(path.join(dir, 'copy (1).yaml'), readFileSync(path.join(repoRoot, DATA, 'clean.yaml')));
        writeFileSync(path.join(dir, '[x].yaml'), readFileSync(path.join(repoRoot, DATA, 'cross-region.yaml')));
        const { run, report } = json(['check', 'copy (1).yaml', '[x].yaml'], dir);
        assert.equal(run.status, 1);
        assert.deepEqual(report.files.map((f) => [f.path, f.diagnostics.length]), [['copy (1).yaml', 0], ['[x].yaml', 2]]);
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
        assert.deepEqual(report.files.map((f) => f.path), ['csp-partners.yaml', 'sub/emea.csp-partners.yml']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('--rule ID=SEVERITY', () => {
    it('off removes that rule\'s findings and keeps the others', () => {
      const before = diagnosticsOf(json(['check', EXAMPLE_EVERY_RULE]).report, EXAMPLE_EVERY_RULE);
      assert.ok(before.some((d) => d.rule === 'cross-region-sale'), 'the example has a cross-region-sale finding');
      const { run, report } = json(['check', EXAMPLE_EVERY_RULE, '--rule', 'cross-region-sale=off']);
      const after = diagnosticsOf(report, EXAMPLE_EVERY_RULE);
      assert.equal(run.status, 1, 'other errors remain');
      assert.ok(!after.some((d) => d.rule === 'cross-region-sale'));
      assert.deepEqual(after, before.filter((d) => d.rule !== 'cross-region-sale'));
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
      assert.deepEqual(diagnosticsOf(report, file), errors.map((d) => ({ ...d, severity: 'warning' })));
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
      assert.ok(lines.some((l) => l.trimStart().startsWith('5:76 ')), 'the UK finding after the emoji is at 5:76 (UTF-16)');
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

    interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
    interface SarifResult {
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
    }
    interface SarifLog { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; columnKind?: string; results: SarifResult[] }[] }

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
          startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
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
});
