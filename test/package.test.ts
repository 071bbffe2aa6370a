// The VS Code extension's manifest and package: package.json against the client's code, the nls
// and l10n bundles, the core's rule list and the files the .vsix ships. Runs after the build (the
// bundles must exist); it does not start VS Code.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { SEVERITIES, SEVERITY_SETTINGS } from '../server/src/core/finding';
import { rules } from '../server/src/core/rules';
import { graphViewCsp } from '../client/src/graph-view-html';
import { PARTNER_NETWORK_VIEW_TYPE } from '../client/src/graph-view-messages';
import { COMMANDS, LANGUAGE_ID, STATUS_NOTIFICATION } from '../server/src/protocol';
import { PackageJson, repoRoot } from './support';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const read = (relative: string) => readFileSync(path.join(repoRoot, relative), 'utf8');
const readJson = <T>(relative: string): T => JSON.parse(read(relative)) as T;

const pkg = readJson<PackageJson>('package.json');
const nls = { en: readJson<Record<string, string>>('package.nls.json'), ja: readJson<Record<string, string>>('package.nls.ja.json') };
const extensionSource = read('client/src/extension.ts');

/** Every string value of a JSON value, with its path, for the `%key%` checks. */
function strings(value: Json, at = ''): { at: string; value: string }[] {
  if (typeof value === 'string') return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}
const placeholder = /^%([^%\s]+)%$/;
const nlsKeysUsed = strings(readJson<Json>('package.json')).flatMap(({ at, value }) => {
  const match = placeholder.exec(value);
  return match ? [{ at, key: match[1] }] : [];
});

/** Every source file of the client. */
const clientSource = readdirSync(path.join(repoRoot, 'client', 'src'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => read(`client/src/${name}`))
  .join('\n');
/** The string literals passed to `vscode.l10n.t(...)` in the client. */
const l10nKeys = [...clientSource.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

/**
 * How a command is registered: `registerCommand('id', …)`, or `registerCommand(COMMANDS.key, …)` with
 * `key: 'id'` in the vocabulary the client and the server share (server/src/protocol.ts).
 */
function isRegistered(command: string): boolean {
  if (extensionSource.includes(`registerCommand('${command}'`)) return true;
  const key = Object.entries(COMMANDS).find(([, id]) => id === command)?.[0];
  return key !== undefined && extensionSource.includes(`registerCommand(COMMANDS.${key},`);
}

/** The client imports these names from the shared vocabulary, server/src/protocol.ts. */
const importsFromProtocol = (...names: string[]) =>
  names.every((name) => new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '\\.\\./\\.\\./server/src/protocol'`).test(extensionSource));

describe('VS Code extension: package.json', () => {
  it('registers every contributed command in client/src/extension.ts, each with an nls title in English and Japanese', () => {
    const commands = pkg.contributes.commands;
    assert.ok(commands.some((c) => c.command === COMMANDS.restartServer));
    for (const { command, title } of commands) {
      assert.ok(Object.values<string>(COMMANDS).includes(command), `${command} is not in COMMANDS (server/src/protocol.ts)`);
      assert.ok(isRegistered(command), `${command} is not registered with vscode.commands.registerCommand`);
      const key = placeholder.exec(title)?.[1];
      assert.ok(key, `the title of ${command} is not a %key% placeholder: ${title}`);
      assert.ok(nls.en[key], `package.nls.json lacks ${key} (${command})`);
      assert.ok(nls.ja[key], `package.nls.ja.json lacks ${key} (${command})`);
    }
  });

  it("registers the server's client-side commands and listens to its status notification", () => {
    const applyEditAndSelect = COMMANDS.applyEditAndSelect;
    assert.ok(
      isRegistered(applyEditAndSelect),
      `${applyEditAndSelect} (sent by server/src/lsp/code-actions.ts) is not registered by the client`,
    );
    // The client takes the notification's name and shape from the vocabulary it shares with the server.
    assert.ok(importsFromProtocol('STATUS_NOTIFICATION', 'ManifestStatus'), `the client does not import ${STATUS_NOTIFICATION}`);
    assert.ok(extensionSource.includes('onNotification(STATUS_NOTIFICATION,'), `the client does not listen to ${STATUS_NOTIFICATION}`);
  });

  it('offers the scenario commands (spec §5) for csp-partners editors, and sends the server its scenario requests', () => {
    const commands = pkg.contributes.commands;
    for (const command of [COMMANDS.checkScenario, COMMANDS.checkAllScenarios]) {
      assert.equal(commands.find((c) => c.command === command)?.category, 'CSP', command);
      const palette = pkg.contributes.menus.commandPalette.find((m) => m.command === command);
      assert.equal(palette?.when, 'editorLangId == csp-partners', `${command} in the command palette only for csp-partners editors`);
    }
    assert.equal(nls.en['command.checkScenario.title'], 'Check Scenario…');
    assert.equal(nls.en['command.checkAllScenarios.title'], 'Check All Scenarios');
    // The client takes the request names and shapes from the vocabulary it shares with the server.
    assert.ok(
      importsFromProtocol('SCENARIO_REQUEST', 'SUBJECTS_REQUEST', 'ScenarioParams', 'ScenarioAnswer', 'SubjectsParams', 'SubjectsAnswer'),
      'the client does not import the request names',
    );
    for (const name of ['SCENARIO_REQUEST', 'SUBJECTS_REQUEST'])
      assert.ok(
        extensionSource.includes(`sendRequest<`) && new RegExp(`sendRequest<[^>]+>\\(${name},`).test(extensionSource),
        `the client does not send ${name}`,
      );
    // The report is a Markdown preview beside the manifest.
    assert.ok(extensionSource.includes(`'markdown.showPreviewToSide'`));
  });

  it('offers "Show Partner Network" for csp-partners editors: palette, editor title button, context menu; its setting', () => {
    const command = COMMANDS.showPartnerNetwork;
    const contributed = pkg.contributes.commands.find((c) => c.command === command) as { category?: string; icon?: string } | undefined;
    assert.equal(contributed?.category, 'CSP');
    assert.equal(contributed?.icon, '$(type-hierarchy)');
    assert.equal(nls.en['command.showPartnerNetwork.title'], 'Show Partner Network');
    const menu = (name: string) => pkg.contributes.menus[name].find((m) => m.command === command);
    assert.equal(menu('commandPalette')?.when, 'editorLangId == csp-partners');
    assert.equal(menu('editor/context')?.when, 'editorLangId == csp-partners');
    // A button in the title bar of each manifest's editor group (`resourceLangId`: that group's file).
    assert.deepEqual(menu('editor/title'), { command, when: 'resourceLangId == csp-partners', group: 'navigation@1' });
    const setting = (pkg.contributes.configuration.properties as unknown as Record<string, Record<string, unknown>>)[
      'cspPartners.graph.collapseAbove'
    ];
    assert.deepEqual([setting.type, setting.default, setting.minimum, setting.scope], ['integer', 25, 0, 'resource']);
    // The view asks the server with the request name and shapes of the shared vocabulary.
    const view = read('client/src/graph-view.ts');
    assert.match(view, /import \{[^}]*\bGRAPH_REQUEST\b[^}]*\} from '\.\.\/\.\.\/server\/src\/protocol'/);
    assert.match(view, /sendRequest<GraphAnswer>\(GRAPH_REQUEST,/);
  });

  it("gives the partner-network page a strict Content-Security-Policy: the nonce's scripts only, no inline style, no eval", () => {
    const csp = graphViewCsp('https://resource.example', 'N0nce');
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-N0nce'"]);
    assert.deepEqual(directives.get('style-src'), ['https://resource.example']);
    assert.deepEqual(directives.get('worker-src'), ['blob:']);
    assert.doesNotMatch(csp, /unsafe-(eval|inline)|\*/);
  });

  it('has every %key% of package.json in package.nls.json and package.nls.ja.json, and no unused key', () => {
    assert.ok(nlsKeysUsed.length > 10);
    for (const { at, key } of nlsKeysUsed) {
      assert.ok(Object.hasOwn(nls.en, key), `package.nls.json lacks ${key} (${at})`);
      assert.ok(Object.hasOwn(nls.ja, key), `package.nls.ja.json lacks ${key} (${at})`);
    }
    const used = new Set(nlsKeysUsed.map((u) => u.key));
    assert.deepEqual(
      Object.keys(nls.en).filter((k) => !used.has(k)),
      [],
      'keys of package.nls.json that package.json does not use',
    );
    assert.deepEqual(
      Object.keys(nls.ja).sort(),
      Object.keys(nls.en).sort(),
      'package.nls.ja.json and package.nls.json have different keys',
    );
    for (const key of Object.keys(nls.en)) assert.ok(nls.ja[key].trim() && nls.en[key].trim(), `empty translation for ${key}`);
  });

  it('has every client string of vscode.l10n.t in l10n/bundle.l10n.ja.json, with the same placeholders', () => {
    const bundle = readJson<Record<string, string>>('l10n/bundle.l10n.ja.json');
    assert.ok(l10nKeys.length > 5);
    for (const key of l10nKeys) {
      assert.ok(Object.hasOwn(bundle, key), `l10n/bundle.l10n.ja.json lacks "${key}"`);
      assert.deepEqual(placeholders(bundle[key]), placeholders(key), `placeholders of "${key}"`);
    }
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !l10nKeys.includes(k)),
      [],
      'stale keys in l10n/bundle.l10n.ja.json',
    );
    // Every user-visible string goes through l10n: no bare literal in the status item or messages.
    assert.doesNotMatch(extensionSource, /show(Error|Warning|Information)Message\(\s*['`"]/);
    assert.doesNotMatch(extensionSource, /\.(text|detail|name) = ['`"]/);
  });

  it('points at files that exist after the build (main, grammar, language configuration, l10n)', () => {
    const files = [pkg.main, pkg.l10n];
    for (const language of pkg.contributes.languages) files.push(language.configuration);
    for (const grammar of pkg.contributes.grammars) files.push(grammar.path);
    for (const file of files) assert.ok(existsSync(path.join(repoRoot, file)), `${file} does not exist`);
    assert.ok(statSync(path.join(repoRoot, pkg.l10n)).isDirectory());
    assert.ok(existsSync(path.join(repoRoot, pkg.l10n, 'bundle.l10n.ja.json')));
    assert.equal(pkg.main, './client/out/extension.js');
    // The client loads the server from the extension folder; the editor provides `vscode`.
    assert.ok(existsSync(path.join(repoRoot, 'server', 'out', 'server.js')));
    assert.match(read('client/out/extension.js'), /require\("vscode"\)/);
  });

  it('declares the csp-partners language for the manifest file names, highlighted with the YAML grammar', () => {
    const [language] = pkg.contributes.languages;
    assert.equal(language.id, 'csp-partners');
    assert.equal(language.id, LANGUAGE_ID);
    assert.deepEqual(language.filenames, ['csp-partners.yaml', 'csp-partners.yml']);
    assert.deepEqual(language.filenamePatterns, ['*.csp-partners.yaml', '*.csp-partners.yml']);
    const [grammar] = pkg.contributes.grammars;
    assert.equal(grammar.language, 'csp-partners');
    const tm = readJson<{ scopeName: string; patterns: unknown }>(grammar.path);
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.deepEqual(tm.patterns, [{ include: 'source.yaml' }]);
    assert.deepEqual(pkg.activationEvents, [
      'workspaceContains:**/csp-partners.{yaml,yml}',
      'workspaceContains:**/*.csp-partners.{yaml,yml}',
      // A partner-network view restored after a reload starts the extension.
      `onWebviewPanel:${PARTNER_NETWORK_VIEW_TYPE}`,
    ]);
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: false });
    assert.match(pkg.engines.vscode, /^\^1\.91\./);
  });

  it("lists exactly the core's rule ids in cspPartners.rules", () => {
    const setting = pkg.contributes.configuration.properties['cspPartners.rules'];
    assert.equal(setting.scope, 'resource');
    assert.deepEqual(setting.additionalProperties.enum, SEVERITY_SETTINGS);
    assert.deepEqual(
      Object.keys(setting.properties),
      rules.map((r) => r.id),
      'run `npm run contributes` after changing the rules',
    );
    for (const [id, property] of Object.entries(setting.properties)) {
      assert.deepEqual(property.enum, id === 'yaml-syntax' ? SEVERITIES : SEVERITY_SETTINGS, id);
    }
    const { 'cspPartners.run': run, 'cspPartners.trace.server': trace } = pkg.contributes.configuration.properties;
    assert.deepEqual([run.enum, run.default, run.scope], [['onType', 'onSave'], 'onType', 'resource']);
    assert.deepEqual([trace.enum, trace.scope], [['off', 'messages', 'verbose'], 'window']);
  });

  it('contributes a Getting Started walkthrough whose steps have their media in the repository', () => {
    const walkthroughs = (pkg.contributes as { walkthroughs?: { id: string; steps: { id: string; media: { markdown?: string } }[] }[] })
      .walkthroughs;
    assert.equal(walkthroughs?.length, 1);
    const steps = walkthroughs[0].steps;
    assert.ok(steps.length >= 3 && steps.length <= 5, `${steps.length} steps`);
    for (const step of steps) assert.ok(step.media.markdown && existsSync(path.join(repoRoot, step.media.markdown)), step.id);
    assert.deepEqual(
      steps.map((s) => s.id),
      ['newManifest', 'fixProblem', 'askScenario', 'seeChannel', 'checkInCi'],
    );
  });

  it('contributes no yamlValidation (Red Hat YAML would validate the manifests a second time)', () => {
    assert.ok(!('yamlValidation' in pkg.contributes));
    assert.ok(!JSON.stringify(pkg).includes('yamlValidation'));
  });
});

describe('VS Code extension: the .vsix contents', () => {
  it("ships exactly the bundles (the webview's too) with their notices, manifest, nls, l10n, grammar, schemas, docs", async () => {
    const dir = (relative: string, ext: string) =>
      readdirSync(path.join(repoRoot, relative))
        .filter((name) => name.endsWith(ext))
        .map((name) => `${relative}/${name}`);
    const expected = [
      'package.json',
      'package.nls.json',
      'package.nls.ja.json',
      'README.md',
      'client/out/extension.js',
      'client/out/webview/graph-view.js',
      'client/out/webview/graph-view.css',
      'client/out/webview/elk-layout.js',
      'THIRD-PARTY-NOTICES.md',
      'server/out/server.js',
      'server/out/parse-worker.js',
      ...dir('schemas', '.json'),
      ...dir('docs/rules', '.md'),
      'docs/manifest.md',
      'docs/merge-keys.md',
      'docs/suppressions.md',
      'examples/merge-keys.csp-partners.yaml',
      'language-configuration.json',
      ...dir('syntaxes', '.json'),
      ...dir('l10n', '.json'),
      ...dir('media/walkthrough', '.md'),
    ].sort();
    assert.ok(expected.includes('docs/rules/schema.md') && expected.includes('schemas/csp-partners.schema.json'));
    const files = (await listFiles({ cwd: repoRoot, packageManager: PackageManager.None })).map((f) => f.split(path.sep).join('/')).sort();
    assert.deepEqual(files, expected);
  });

  it('ships every file a shipped page of docs/ links to (the editor opens them from the installed extension)', async () => {
    const files = new Set(
      (await listFiles({ cwd: repoRoot, packageManager: PackageManager.None })).map((f) => f.split(path.sep).join('/')),
    );
    assert.ok(files.has('docs/manifest.md'));
    const missing: string[] = [];
    for (const page of [...files].filter((f) => f.startsWith('docs/') && f.endsWith('.md'))) {
      const text = readFileSync(path.join(repoRoot, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), target.split('#')[0]));
        if (!files.has(file)) missing.push(`${page} → ${file}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
