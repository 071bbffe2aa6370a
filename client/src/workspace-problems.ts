/**
 * Problems of the manifests that are not open (`cspPartners.diagnostics.scope: workspace`): every manifest of
 * the workspace folders (the CLI's file names, `files.exclude` honoured, `node_modules` left out) is checked
 * by the language server, which reads it from disk, and its problems are kept here until the file changes
 * on disk. A manifest shown in a tab has its problems from the editor's own pull, as always (the language
 * client pulls for the documents of open tabs): it is left out here while its tab is open, and checked
 * from disk again when the tab closes.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILE_REQUEST, CheckFileAnswer, MANIFEST_GLOB } from '../../server/src/protocol';

/** Checks asked of the server at once: it checks one at a time anyway, and the editor stays responsive. */
const CONCURRENT_CHECKS = 2;

export class WorkspaceProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('csp-partners-workspace');
  private readonly subscriptions: vscode.Disposable[] = [this.collection];
  /** Files waiting for a check, each once; `running` counts the checks under way. */
  private readonly queue = new Set<string>();
  private running = 0;
  private disposed = false;
  /** Resolves when the queue is empty and no check runs (the first scan's progress waits for it). */
  private idle: (() => void)[] = [];
  /** What to do once a file of the first scan is checked: count it in the progress. */
  private readonly onChecked = new Map<string, () => void>();

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Finds every manifest, checks them with a progress indicator, then follows changes on disk and open editors. */
  async start(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(MANIFEST_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.enqueueIncluded(uri)),
      watcher.onDidChange((uri) => void this.enqueueIncluded(uri)),
      watcher.onDidDelete((uri) => this.collection.delete(uri)),
      // The editor's pull covers the manifests shown in a tab (and clears their problems when the tab closes).
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) {
          const uri = fileOf(tab);
          if (uri) this.collection.delete(uri);
        }
        for (const tab of event.closed) {
          const uri = fileOf(tab);
          if (uri && isManifest(uri)) this.enqueue(uri);
        }
      }),
    );
    // Undefined excludes: the `files.exclude` setting applies, as in the Explorer.
    const files = (await vscode.workspace.findFiles(MANIFEST_GLOB)).filter((uri) => !uri.path.includes('/node_modules/'));
    this.log.info(`workspace scope: ${files.length} manifests`);
    if (this.disposed || files.length === 0) return;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking CSP manifests') },
      async (progress) => {
        let done = 0;
        const step = 100 / files.length;
        const finished = new Promise<void>((resolve) => this.idle.push(resolve));
        for (const uri of files) this.enqueue(uri, () => progress.report({ increment: step, message: `${++done}/${files.length}` }));
        await finished;
      },
    );
  }

  /** A file the watcher saw: checked unless `files.exclude` leaves it out (file watchers do not apply it). */
  private async enqueueIncluded(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.path.includes('/node_modules/')) return;
    // The file's own path as a glob (its glob characters taken literally): found only when not excluded.
    const relative = vscode.workspace.asRelativePath(uri, false).replace(/[[\]{}*?]/g, (c) => `[${c}]`);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative), undefined, 1);
    if (found.length) this.enqueue(uri);
    else this.collection.delete(uri);
  }

  private enqueue(uri: vscode.Uri, checked?: () => void): void {
    if (this.disposed) return;
    const key = uri.toString();
    if (checked) this.onChecked.set(key, checked);
    this.queue.add(key);
    this.pump();
  }

  private pump(): void {
    while (this.running < CONCURRENT_CHECKS && this.queue.size) {
      const key = this.queue.values().next().value!;
      this.queue.delete(key);
      this.running++;
      void this.check(vscode.Uri.parse(key)).finally(() => {
        this.running--;
        this.onChecked.get(key)?.();
        this.onChecked.delete(key);
        this.pump();
        if (!this.running && !this.queue.size) for (const resolve of this.idle.splice(0)) resolve();
      });
    }
  }

  private async check(uri: vscode.Uri): Promise<void> {
    if (this.isOpen(uri)) {
      this.collection.delete(uri);
      return;
    }
    try {
      const answer = await this.client.sendRequest<CheckFileAnswer>(CHECK_FILE_REQUEST, { uri: uri.toString() });
      // Opened or closed meanwhile: the pull answers for an open file; a newer check is queued otherwise.
      if (this.disposed || this.isOpen(uri)) return;
      this.collection.set(uri, await this.client.protocol2CodeConverter.asDiagnostics(answer.diagnostics));
    } catch (error) {
      // Gone or unreadable (deleted meanwhile): nothing to show for it.
      this.log.warn(`workspace scope: ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      this.collection.delete(uri);
    }
  }

  /** Whether the manifest is shown in a tab: the editor's pull gives its problems then. */
  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => fileOf(tab)?.toString() === key));
  }

  dispose(): void {
    this.disposed = true;
    this.queue.clear();
    for (const resolve of this.idle.splice(0)) resolve();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}

/** The file a tab shows as text, if any. */
function fileOf(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'file' ? tab.input.uri : undefined;
}

/** A manifest by its file name, as `MANIFEST_GLOB` says. */
const isManifest = (uri: vscode.Uri) => /(^|\/)([^/]*\.)?csp-partners\.ya?ml$/.test(uri.path);
