// A worker thread of the language server: parses whole texts (a manifest with a YAML error somewhere) so
// that the server's own thread keeps answering meanwhile. See lsp/whole-parse.ts.
import { parentPort } from 'node:worker_threads';
import { wholeSyntaxOf } from './core/manifest';

parentPort?.on('message', ({ id, text }: { id: number; text: string }) => {
  parentPort!.postMessage({ id, syntax: wholeSyntaxOf(text) });
});
