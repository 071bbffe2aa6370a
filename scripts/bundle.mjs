// Bundles the CLI, the language server and the VS Code client into single files with esbuild, and the
// partner-network webview (client/webview/graph) into browser files in client/out/webview/.
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

// Some dependencies ship ESM that reads import.meta.url; give the CommonJS bundles a real one.
const importMetaShim = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaShim },
};

// The webview: browser code, nothing of Node. cytoscape-elk constructs elkjs's main-thread bundle; the
// webview gives it an ELK that talks to the layout worker instead (client/webview/graph/elk-engine.ts).
const webview = {
  bundle: true,
  platform: 'browser',
  target: 'chrome114',
  format: 'iife',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: production ? 'eof' : 'inline',
};
const elkThroughWorker = {
  name: 'elk-through-worker',
  setup(build) {
    build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: resolve('client/webview/graph/elk-engine.ts') }));
  },
};

await Promise.all([
  build({
    ...webview,
    entryPoints: ['client/webview/graph/main.ts'],
    outfile: 'client/out/webview/graph-view.js',
    plugins: [elkThroughWorker],
  }),
  build({ ...webview, entryPoints: ['client/webview/graph/graph-view.css'], outfile: 'client/out/webview/graph-view.css' }),
  build({ ...webview, entryPoints: ['client/webview/graph/elk-layout-worker.ts'], outfile: 'client/out/webview/elk-layout.js' }),
  build({
    ...common,
    entryPoints: ['server/src/cli/bin.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: `#!/usr/bin/env node\n${importMetaShim}` },
  }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  // The server's worker thread for whole-text parses (server/src/lsp/whole-parse.ts).
  build({ ...common, entryPoints: ['server/src/parse-worker.ts'], outfile: 'server/out/parse-worker.js' }),
  // `vscode` is provided by the editor at run time.
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
]);

// The CLI is the package's `bin`: npm links it as an executable.
chmodSync('server/out/cli.js', 0o755);
