// `npm run test:vscode` cannot run here (it downloads VS Code), so its configuration is checked
// instead: .vscode-test.mjs must point at real files and run the very suite that `npm run test:editor`
// runs in code-server, with the same mocha options.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPackageJson, repoRoot } from './support';
import { MOCHA_OPTIONS, SUITE_DIR, suiteFiles } from './vscode/index';

interface DesktopConfig {
  label?: string;
  files: string | string[];
  version?: string;
  workspaceFolder?: string;
  extensionDevelopmentPath?: string | string[];
  launchArgs?: string[];
  mocha?: Record<string, unknown>;
}

const configFile = path.join(repoRoot, '.vscode-test.mjs');
const pkg = readPackageJson();

/** A single-folder glob (`dir/*.e2e.js`) as the files it matches. */
function expand(pattern: string): string[] {
  const absolute = path.resolve(repoRoot, pattern);
  const dir = path.dirname(absolute);
  assert.ok(!/[*?[{]/.test(dir), `only the file name may be a pattern: ${pattern}`);
  const name = new RegExp(
    `^${path
      .basename(absolute)
      .replace(/[.+^$()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => name.test(f))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}

describe('npm run test:vscode (.vscode-test.mjs)', () => {
  let configs: DesktopConfig[];
  before(async () => {
    // A real dynamic import (module node16 keeps `import()` in CommonJS output), as @vscode/test-cli loads it.
    // @vscode/test-cli takes a configuration, a list of them or `{ tests }`, or a promise of one of these.
    type Config = DesktopConfig | DesktopConfig[] | { tests: DesktopConfig[] };
    const loaded = (await import(pathToFileURL(configFile).href)) as { default: Config | Promise<Config> };
    const value = await loaded.default;
    configs = Array.isArray(value) ? value : 'tests' in value ? value.tests : [value];
  });

  it('is run by `npm run test:vscode` with @vscode/test-cli and @vscode/test-electron installed', () => {
    assert.match(pkg.scripts['test:vscode'], /\bnpm run build\b.*\bvscode-test\b/);
    assert.ok(pkg.devDependencies['@vscode/test-cli'] && pkg.devDependencies['@vscode/test-electron']);
    assert.ok(existsSync(path.join(repoRoot, 'node_modules', '.bin', 'vscode-test')), 'node_modules/.bin/vscode-test');
  });

  it('has one configuration: the extension-host suite', () => {
    assert.equal(configs.length, 1);
    assert.equal(configs[0].label, 'extension-host');
  });

  it('runs exactly the suite files that test/vscode/index.ts runs in code-server, and they exist', () => {
    const patterns = ([] as string[]).concat(configs[0].files);
    const files = [...new Set(patterns.flatMap(expand))].sort();
    const suite = suiteFiles();
    assert.ok(suite.length >= 5, `compiled suite files in ${path.relative(repoRoot, SUITE_DIR)} (npm test builds first)`);
    assert.deepEqual(files, suite);
    // And every suite source has its compiled file (nothing stale, nothing missing).
    const sources = readdirSync(path.join(repoRoot, 'test', 'vscode', 'suite'))
      .filter((f) => f.endsWith('.e2e.ts'))
      .map((f) => f.replace(/\.ts$/, '.js'))
      .sort();
    assert.deepEqual(
      suite.map((f) => path.basename(f)),
      sources,
    );
  });

  it('uses the same mocha options as test/vscode/index.ts', () => {
    const { ui, timeout } = configs[0].mocha ?? {};
    assert.deepEqual({ ui, timeout }, MOCHA_OPTIONS);
  });

  it('loads this repository as the extension under development, whose entry point exists', () => {
    const development = ([] as string[])
      .concat(configs[0].extensionDevelopmentPath ?? path.dirname(configFile))
      .map((p) => path.resolve(repoRoot, p));
    assert.deepEqual(development, [repoRoot]);
    assert.ok(existsSync(path.join(repoRoot, pkg.main)), `${pkg.main} (built by npm run build)`);
  });

  it('opens an empty folder (the suite copies examples/ into it), so that activation on opening a manifest shows', () => {
    const folder = configs[0].workspaceFolder;
    assert.ok(folder && existsSync(folder), `workspaceFolder ${folder} exists`);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('asks for a VS Code that the extension supports (engines.vscode), the one code-server 4.100.3 ships', () => {
    const version = configs[0].version ?? '';
    const [major, minor] = version.split('.').map(Number);
    const [, wantMajor, wantMinor] = /^\^(\d+)\.(\d+)\./.exec(pkg.engines.vscode) ?? [];
    assert.ok(major === Number(wantMajor) && minor >= Number(wantMinor), `${version} satisfies ${pkg.engines.vscode}`);
    const editor = JSON.parse(readFileSync(path.join(repoRoot, 'e2e', 'editor', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    assert.equal(editor.dependencies['code-server'], '4.100.3', 'code-server 4.100.3 ships VS Code 1.100.3: update both together');
    assert.equal(version, '1.100.3');
  });

  it('disables other extensions and workspace trust, as the code-server runner does', () => {
    assert.deepEqual(configs[0].launchArgs, ['--disable-extensions', '--disable-workspace-trust']);
  });
});
