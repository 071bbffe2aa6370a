// Shows a place of a manifest, selected and centred: what a click in the channel tree or on the partner
// network does. One function, so both views land the same way.
import * as vscode from 'vscode';

/** A range as the server sends it (LSP's shape), or the editor's own. */
type RangeLike = { start: { line: number; character: number }; end: { line: number; character: number } };

/**
 * Selects `range` in the manifest at `uri` and centres it: in the editor group that already shows the
 * manifest, else in `column` (the active group unless said). `preserveFocus` keeps the focus where it is.
 */
export async function revealInManifest(
  uri: vscode.Uri,
  range: RangeLike,
  options: { column?: vscode.ViewColumn; preserveFocus?: boolean } = {},
): Promise<void> {
  const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? options.column,
    preserveFocus: options.preserveFocus ?? false,
    preview: false,
  });
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenter);
}
