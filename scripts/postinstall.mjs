// Builds the CLI, the language server and the extension after `npm install` or `npm ci` in a checkout of
// this repository, where the devDependencies (TypeScript, esbuild) are installed. An installed copy of
// the package (`npm install -g` of a packed tarball, as pre-commit installs its hook) ships the built
// files and has no compiler: nothing to do there. Not a `prepare` script: `npm pack` runs that and prints
// its output on stdout, where pre-commit reads the name of the packed file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('node_modules/typescript/package.json')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exitCode = build.status ?? 1;
}
