// `npm run test:vscode`: the extension-host suite (test/vscode/suite, compiled to out/) in a desktop
// VS Code that @vscode/test-cli downloads, for machines that can download it. CI cannot (only the
// npm registry and Debian's packages are reachable): it runs the same suite in code-server with
// `npm run test:editor` (test/vscode/run-editor.ts). test/vscode-config.test.ts keeps this file
// pointing at real files and at the same suite, with the same mocha options.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

// An empty folder for VS Code to open, emptied on every run: the suite copies examples/ into it, so
// no manifest is there at startup and the activation test sees the extension activate on opening one.
const workspaceFolder = join(root, '.vscode-test', 'workspace');
rmSync(workspaceFolder, { recursive: true, force: true });
mkdirSync(workspaceFolder, { recursive: true });

export default {
  label: 'extension-host',
  files: 'out/test/vscode/suite/*.e2e.js',
  // The VS Code inside code-server 4.100.3, the one `npm run test:editor` runs.
  version: '1.100.3',
  workspaceFolder,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 60000 },
};
