// `csp-partners check --fix` and `--fix-dry-run` on every fixture and example, as written, with CRLF line
// breaks and with a byte-order mark: the fixed file re-checks with no new error and without the fixed
// findings, and its bytes are the original's with exactly the fixes' edits (applied here by the fuzzer's own
// LSP edit applier, not the core's). Files that cannot be fixed safely stay byte-identical, also when the
// write fails half-way.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Io, run } from '../server/src/cli/main';
import type { WriteFs } from '../server/src/cli/write';
import { check } from '../server/src/core/check';
import type { Finding } from '../server/src/core/finding';
import { fixText } from '../server/src/core/fix-all';
import { applyEdits } from './fuzz/lsp-text';
import { fixtureFiles, fixturesDir, repoRoot } from './support';

interface Ran {
  status: number;
  out: string;
  err: string;
}

function cli(args: string[], cwd: string, fsImpl?: WriteFs): Ran {
  let out = '',
    err = '';
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd, env: { LANG: 'C' }, fs: fsImpl };
  return { status: run(args, io), out, err };
}

const BOM = '\uFEFF';
const sources = [
  ...fixtureFiles().map((f) => path.join(fixturesDir, f)),
  ...fs.readdirSync(path.join(repoRoot, 'examples')).map((f) => path.join(repoRoot, 'examples', f)),
].filter((f) => f.endsWith('.yaml'));
const variants: { name: string; make: (text: string) => string }[] = [
  { name: 'as written', make: (t) => t },
  { name: 'CRLF', make: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'BOM', make: (t) => BOM + t },
];

/** Errors of `after` not in `before`, by rule and message (a line number a message quotes moves with the edits). */
function newErrors(before: Finding[], after: Finding[]): string[] {
  const left = new Map<string, number>();
  const key = (f: Finding) => `${f.rule}: ${f.message.replace(/\(line \d+\)/g, '(line #)')}`;
  for (const f of before) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  return after
    .filter((f) => f.severity === 'error')
    .map(key)
    .filter((k) => {
      const n = left.get(k) ?? 0;
      left.set(k, n - 1);
      return n <= 0;
    });
}

const count = (findings: Finding[], key: string) => findings.filter((f) => `${f.rule}: ${f.message}` === key).length;

describe('check --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'csp-fix-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  let fixedSomething = 0;
  after(() => assert.ok(fixedSomething > 40, `only ${fixedSomething} fixture variants had something to fix`));

  for (const source of sources) {
    for (const variant of variants) {
      it(`${path.relative(repoRoot, source)} (${variant.name})`, () => {
        const original = variant.make(fs.readFileSync(source, 'utf8'));
        if (variant.name === 'CRLF' && original === fs.readFileSync(source, 'utf8')) return; // written with CRLF already
        const file = path.join(dir, 'csp-partners.yaml');
        fs.writeFileSync(file, original);
        const expected = fixText(original);
        const ran = cli(['check', '--fix', 'csp-partners.yaml'], dir);
        const written = fs.readFileSync(file, 'utf8');
        const recheck = check(written);

        // The bytes: the original's with each round's edits, the byte-order mark and line breaks kept.
        const bom = original.startsWith(BOM) ? BOM : '';
        const replayed = expected.rounds.reduce((text, round) => applyEdits(text, round.edits), original.slice(bom.length));
        assert.equal(written, bom + replayed);
        if (variant.name === 'CRLF') assert.doesNotMatch(written, /[^\r]\n/, 'a line break without its \\r');
        if (!expected.rounds.length) {
          assert.equal(written, original, 'nothing to fix: the file is untouched');
          assert.equal(ran.err, '');
        } else {
          fixedSomething++;
          assert.match(ran.err, /fixed \d+ problems/);
        }
        // The result: no YAML error, no new error, the findings of the first round gone.
        assert.equal(recheck.parsed.syntaxProblems.length > 0, expected.before.parsed.syntaxProblems.length > 0);
        assert.deepEqual(newErrors(expected.before.findings, recheck.findings), []);
        for (const finding of expected.rounds[0]?.findings ?? []) {
          const key = `${finding.rule}: ${finding.message}`;
          assert.ok(count(recheck.findings, key) < count(expected.before.findings, key), `still there: ${key}`);
        }
        // Exit status as `check` on the result.
        assert.equal(ran.status, recheck.findings.some((f) => f.severity === 'error') ? 1 : 0);
      });
    }
  }

  it('--fix-dry-run prints a unified diff that turns the file into what --fix writes, and writes nothing', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml'), 'utf8');
    const file = path.join(dir, 'csp-partners.yaml');
    fs.writeFileSync(file, source);
    const dry = cli(['check', '--fix-dry-run', 'csp-partners.yaml'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), source, 'the dry run wrote the file');
    assert.match(dry.out, /^--- csp-partners\.yaml\n\+\+\+ csp-partners\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(dry.err, /--fix would fix \d+ problems/);
    assert.match(dry.err, /errors?, \d+ warnings/, 'the report goes to stderr');
    const wet = cli(['check', '--fix', 'csp-partners.yaml'], dir);
    assert.equal(applyUnifiedDiff(source, dry.out), fs.readFileSync(file, 'utf8'));
    assert.equal(dry.status, wet.status);
  });

  it('leaves a file with YAML errors byte-identical', () => {
    const text = 'manifestVersion: 1\npartners:\n  - id: a\n\tname: tab\n';
    const file = path.join(dir, 'csp-partners.yaml');
    fs.writeFileSync(file, text);
    const ran = cli(['check', '--fix', 'csp-partners.yaml'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.equal(ran.status, 1);
  });

  it('checks but does not fix a file that is not valid UTF-8, and leaves its bytes as they were', () => {
    const bytes = Buffer.concat([
      fs.readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml')),
      Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]),
    ]);
    const file = path.join(dir, 'csp-partners.yaml');
    fs.writeFileSync(file, bytes);
    const ran = cli(['check', '--fix', 'csp-partners.yaml'], dir);
    assert.ok(fs.readFileSync(file).equals(bytes));
    assert.match(ran.err, /is not valid UTF-8: it is checked but not fixed/);
    assert.equal(ran.status, 1);
  });

  it('a write that fails half-way leaves the original intact and no temporary file behind (exit 2)', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml'), 'utf8');
    const file = path.join(dir, 'csp-partners.yaml');
    fs.writeFileSync(file, source);
    let writes = 0;
    const failing: WriteFs = {
      ...fs,
      writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
        // Half the bytes reach the disk, then the disk is full.
        if (writes++ === 0) return fs.writeSync(fd, data, offset, Math.floor(length / 2));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }) as WriteFs['writeSync'],
    };
    const ran = cli(['check', '--fix', 'csp-partners.yaml'], dir, failing);
    assert.equal(ran.status, 2);
    assert.match(ran.err, /Cannot write csp-partners\.yaml: ENOSPC\. The file is left as it was\./);
    assert.equal(fs.readFileSync(file, 'utf8'), source);
    assert.deepEqual(fs.readdirSync(dir), ['csp-partners.yaml']);
  });

  it('the bundled bin (server/out/cli.js) fixes a file in place', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'examples', 'every-rule.csp-partners.yaml'), 'utf8');
    const file = path.join(dir, 'every-rule.csp-partners.yaml');
    fs.writeFileSync(file, source);
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    const bin = spawnSync(process.execPath, [path.join(repoRoot, 'server', 'out', 'cli.js'), 'check', '--fix', file], {
      env,
      encoding: 'utf8',
    });
    assert.equal(bin.status, 1, bin.stderr);
    assert.match(bin.stderr, /fixed \d+ problems \(schema ×1, /);
    assert.equal(fs.readFileSync(file, 'utf8'), fixText(source).text);
  });

  it('rejects --fix with --fix-dry-run (exit 2)', () => {
    const ran = cli(['check', '--fix', '--fix-dry-run', 'x.yaml'], dir);
    assert.equal(ran.status, 2);
    assert.match(ran.err, /Give --fix or --fix-dry-run, not both/);
  });
});

/** Applies a unified diff (as `patch` would, for one file), written here independently of the CLI's diff. */
function applyUnifiedDiff(text: string, diff: string): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let at = 0;
  const diffLines = diff.split('\n');
  for (let i = 2; i < diffLines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(diffLines[i]);
    if (!header) continue;
    const start = Number(header[2] ?? 1) === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (at < start) out.push(lines[at++]);
    for (i++; i < diffLines.length && /^[ +\-\\]/.test(diffLines[i]); i++) {
      const [marker, body] = [diffLines[i][0], diffLines[i].slice(1)];
      const noNewline = diffLines[i + 1]?.startsWith('\\');
      const full = noNewline ? body : `${body}\n`;
      if (marker === ' ' || marker === '-') {
        assert.equal(lines[at], full, `the diff does not match line ${at + 1}`);
        at++;
      }
      if (marker === ' ' || marker === '+') out.push(full);
      if (noNewline) i++;
    }
    i--;
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join('');
}
