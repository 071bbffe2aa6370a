// Which module may import which, read from the sources: the core knows no adapter (language server, CLI) and
// writes no text for a person (present/ does); the client takes from the server only the vocabulary they share
// (server/src/protocol.ts), which imports nothing but types, so that no server code comes into its bundle.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support';

interface Import {
  file: string;
  /** The module as written: `../core/check`, `vscode-languageserver`. */
  from: string;
  /** The module as a path from the repository root, for a relative import. */
  resolved?: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  return [...text.matchAll(/^(import|export)( type)? [^;]*? from '([^']+)';/gms)].map((m) => {
    const from = m[3];
    const resolved = from.startsWith('.') ? path.posix.join(path.posix.dirname(file), from) : undefined;
    return { file, from, resolved, typeOnly: m[2] !== undefined };
  });
}

const under = (dir: string) => (i: Import) => i.resolved?.startsWith(`${dir}/`) || i.resolved === dir;
const named = (i: Import) => `${i.file}: ${i.typeOnly ? 'import type' : 'import'} … from '${i.from}'`;

describe('layers: who imports whom', () => {
  it('reads the imports of every source file', () => {
    const all = sources('server/src').flatMap(importsOf);
    assert.ok(all.length > 200, `${all.length} imports`);
    assert.ok(all.some((i) => i.file === 'server/src/lsp/completion.ts' && i.resolved === 'server/src/lsp/half-typed-yaml'));
    assert.ok(all.some((i) => i.typeOnly));
  });

  it('the core imports no language server, CLI, presentation or protocol module, and no vscode package', () => {
    const wrong = sources('server/src/core')
      .flatMap(importsOf)
      .filter(
        (i) =>
          ['server/src/lsp', 'server/src/cli', 'server/src/present'].some((dir) => under(dir)(i)) ||
          i.resolved === 'server/src/protocol' ||
          i.from.startsWith('vscode'),
      );
    assert.deepEqual(wrong.map(named), []);
  });

  it('the presentation reads the core and the messages, and knows no adapter', () => {
    const imports = sources('server/src/present').flatMap(importsOf);
    assert.ok(imports.length > 0);
    const wrong = imports.filter((i) => ['server/src/lsp', 'server/src/cli'].some((dir) => under(dir)(i)) || i.from.startsWith('vscode'));
    assert.deepEqual(wrong.map(named), []);
  });

  it('the client takes from the server only the shared vocabulary, which imports nothing but types', () => {
    const fromServer = sources('client/src')
      .flatMap(importsOf)
      .filter((i) => under('server')(i));
    assert.deepEqual(fromServer.filter((i) => i.resolved !== 'server/src/protocol' && !i.typeOnly).map(named), []);
    assert.ok(fromServer.some((i) => i.resolved === 'server/src/protocol' && !i.typeOnly));
    assert.deepEqual(
      importsOf('server/src/protocol.ts')
        .filter((i) => !i.typeOnly)
        .map(named),
      [],
    );
  });

  it('the partner-network webview takes only types from the server and the extension host, and nothing of vscode', () => {
    const imports = sources('client/webview').flatMap(importsOf);
    assert.ok(imports.some((i) => i.from === 'cytoscape'));
    const wrong = imports.filter(
      (i) => ((under('server')(i) || under('client/src')(i)) && !i.typeOnly) || i.from.startsWith('vscode') || i.from.startsWith('node:'),
    );
    assert.deepEqual(wrong.map(named), []);
  });
});
