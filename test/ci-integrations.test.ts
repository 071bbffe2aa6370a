// The commit-hook and CI integrations: the GitHub Action's check step (scripts/action-check.sh, run as
// a script with the environment the action gives it), the action's wiring of its inputs, and the
// pre-commit hooks' file patterns and entry commands. With `pre-commit` and `git` installed (CI installs
// Debian's pre-commit), a real `pre-commit run` in a scratch repository installs the hook from a clone of
// this one and runs it.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './support';

const BIN = path.join(repoRoot, 'server', 'out', 'cli.js');
const EVERY_RULE = 'examples/every-rule.csp-partners.yaml';
const CLEAN = 'examples/csp-partners.yaml';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}

const hooks = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('GitHub Action (action.yml, scripts/action-check.sh)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'csp-action-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The check step as the action runs it: its inputs in CSP_* variables, outputs to $GITHUB_OUTPUT. */
  function step(inputs: Record<string, string>) {
    const output = path.join(dir, 'github-output');
    fs.writeFileSync(output, '');
    const env = { ...process.env, LANG: 'C', LC_ALL: 'C', GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: output, ...inputs };
    const ran = spawnSync('bash', [path.join(repoRoot, 'scripts', 'action-check.sh')], { cwd: repoRoot, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      fs
        .readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    ) as Record<string, string>;
    return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr, outputs };
  }

  it('checks the files, logs the report, writes SARIF and gives the status as an output (the step itself passes)', () => {
    const sarif = path.join(dir, 'out.sarif');
    const ran = step({ CSP_FILES: EVERY_RULE, CSP_SARIF: sarif });
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(ran.outputs, { status: '1', sarif });
    assert.match(ran.stdout, /every-rule\.csp-partners\.yaml\n {2}\d+:\d+ +error /);
    const report = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(report.version, '2.1.0');
    assert.ok(report.runs[0].results.length > 10);
  });

  it('a clean manifest gives status 0; a baseline of the findings does too; a missing file gives 2 and no SARIF', () => {
    assert.equal(step({ CSP_FILES: CLEAN, CSP_SARIF: path.join(dir, 'a.sarif') }).outputs.status, '0');
    const baseline = path.join(dir, 'baseline.json');
    execFileSync(process.execPath, [BIN, 'check', EVERY_RULE, '--baseline', baseline, '--update-baseline'], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    const baselined = step({ CSP_FILES: EVERY_RULE, CSP_BASELINE: baseline, CSP_SARIF: path.join(dir, 'b.sarif') });
    assert.equal(baselined.outputs.status, '0', baselined.stdout);
    const missing = step({ CSP_FILES: 'examples/no-such.csp-partners.yaml', CSP_SARIF: path.join(dir, 'c.sarif') });
    assert.equal(missing.outputs.status, '2');
    assert.match(missing.stderr, /Cannot read examples\/no-such\.csp-partners\.yaml: ENOENT/);
    assert.ok(!fs.existsSync(path.join(dir, 'c.sarif')));
  });

  it('passes extra options (args) to the check', () => {
    const ran = step({ CSP_FILES: CLEAN, CSP_ARGS: '--max-warnings 0 --rule mpa-after-order=error', CSP_SARIF: path.join(dir, 'd.sarif') });
    assert.equal(ran.outputs.status, '0', ran.stderr);
    assert.equal(step({ CSP_FILES: CLEAN, CSP_ARGS: '--no-such-option', CSP_SARIF: path.join(dir, 'e.sarif') }).outputs.status, '2');
  });

  it('action.yml hands each input to the step that reads it, and fails the job after the upload', () => {
    const action = parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string>; if?: string }[] };
    };
    assert.equal(action.runs.using, 'composite');
    const check = action.runs.steps.find((s) => s.id === 'check')!;
    assert.match(check.run!, /scripts\/action-check\.sh/);
    assert.deepEqual(check.env, {
      CSP_FILES: '${{ inputs.files }}',
      CSP_BASELINE: '${{ inputs.baseline }}',
      CSP_ARGS: '${{ inputs.args }}',
      CSP_SARIF: '${{ inputs.sarif-file }}',
    });
    assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'baseline', 'files', 'sarif-file', 'upload-sarif']);
    const order = action.runs.steps.map((s) => s.uses?.split('@')[0] ?? s.id ?? s.run);
    assert.ok(order.indexOf('github/codeql-action/upload-sarif') > order.indexOf('check'));
    assert.match(action.runs.steps[action.runs.steps.length - 1].run!, /exit \$\{\{ steps\.check\.outputs\.status \}\}/);
  });
});

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  it('match the manifest file names the CLI looks for, and nothing else', () => {
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      for (const name of [
        'csp-partners.yaml',
        'csp-partners.yml',
        'a/b/csp-partners.yaml',
        'emea.csp-partners.yaml',
        'x/emea.csp-partners.yml',
      ])
        assert.ok(files.test(name), `${hook.id} should take ${name}`);
      for (const name of ['partners.yaml', 'csp-partners.json', 'my-csp-partners.yaml', 'csp-partners.yaml.bak', 'csp-partners.yaml/x.txt'])
        assert.ok(!files.test(name), `${hook.id} should leave ${name}`);
    }
  });

  it('run their entry with the staged file names: check fails on errors, the fixing hook writes the fixes', () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'csp-hook-'));
    try {
      const ids = hooks.map((h) => h.id).sort();
      assert.deepEqual(ids, ['csp-partners', 'csp-partners-fix']);
      for (const hook of hooks) {
        assert.equal(hook.language, 'node');
        const [command, ...args] = hook.entry.split(' ');
        assert.equal(command, 'csp-partners', 'the bin of package.json');
        const file = path.join(dir, `${hook.id}.csp-partners.yaml`);
        fs.copyFileSync(path.join(repoRoot, EVERY_RULE), file);
        const ran = spawnSync(process.execPath, [BIN, ...args, path.basename(file)], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, LANG: 'C' },
        });
        assert.equal(ran.status, 1, ran.stderr);
        const changed = fs.readFileSync(file, 'utf8') !== fs.readFileSync(path.join(repoRoot, EVERY_RULE), 'utf8');
        assert.equal(changed, args.includes('--fix'));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('install and run under pre-commit itself (when pre-commit and git are installed)', function () {
    const has = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
    if (!has('pre-commit') || !has('git')) {
      console.log('      (pre-commit or git is not installed: only the hook entries above are tested)');
      this.skip();
    }
    // npm installs the hook's package (and builds it) on first use: minutes, not seconds.
    this.timeout(600_000);
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'csp-pre-commit-'));
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
    try {
      // A clone of this repository as the hooks' repository, at a commit with the working tree's hook files.
      const hookRepo = path.join(dir, 'hook-repo');
      git(dir, 'clone', '--quiet', '--no-hardlinks', repoRoot, hookRepo);
      for (const file of ['.pre-commit-hooks.yaml', '.npmignore', 'package.json'])
        fs.copyFileSync(path.join(repoRoot, file), path.join(hookRepo, file));
      git(hookRepo, '-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '--quiet', '--allow-empty', '-am', 'hooks');
      const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

      const project = path.join(dir, 'project');
      fs.mkdirSync(project);
      git(project, 'init', '--quiet');
      fs.writeFileSync(
        path.join(project, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: csp-partners\n`,
      );
      fs.copyFileSync(path.join(repoRoot, EVERY_RULE), path.join(project, 'csp-partners.yaml'));
      fs.writeFileSync(path.join(project, 'notes.yaml'), 'not: a manifest\n');
      git(project, 'add', '.');
      const env = { ...process.env, LANG: 'C', PRE_COMMIT_HOME: path.join(dir, 'cache') };
      const failing = spawnSync('pre-commit', ['run', '--all-files'], { cwd: project, env, encoding: 'utf8' });
      assert.equal(failing.status, 1, failing.stdout + failing.stderr);
      assert.match(failing.stdout, /csp-partners check\.+Failed/);
      assert.match(failing.stdout, /csp-partners\.yaml\n {2}\d+:\d+ +error /);

      fs.copyFileSync(path.join(repoRoot, CLEAN), path.join(project, 'csp-partners.yaml'));
      git(project, 'add', '.');
      const passing = spawnSync('pre-commit', ['run', '--all-files'], { cwd: project, env, encoding: 'utf8' });
      assert.equal(passing.status, 0, passing.stdout + passing.stderr);
      assert.match(passing.stdout, /csp-partners check\.+Passed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
