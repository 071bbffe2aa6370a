// Bundles the CLI (and, later, the language server and the client) into single files with esbuild.
import { build } from 'esbuild';

// Some dependencies ship ESM that reads import.meta.url; give the CommonJS bundle a real one.
const importMetaShim = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  define: { 'import.meta.url': '__importMetaUrl' },
};

await build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'server/out/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaShim}` } });
