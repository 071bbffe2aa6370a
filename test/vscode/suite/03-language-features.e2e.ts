// Completion, go to definition and rename on the clean example, through the editor's
// `vscode.execute…Provider` commands; the expected ids and places come from the core's model.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nodeRange } from '../../../server/src/core/parse';
import { applyEdits } from '../../../server/src/core/text';
import { CLEAN, expected, openExample, positionOf, ready, replaceOnce, restore, waitForFindings } from './helpers';

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const rangeKey = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line + 1}:${r.start.character}-${r.end.line + 1}:${r.end.character}`;

/** Opens the clean example (which has no findings). */
async function openClean() {
  const opened = await openExample(CLEAN);
  const result = expected(opened.document.getText());
  assert.equal(result.findings.length, 0, 'the example is clean');
  await waitForFindings(opened.uri, result);
  return { ...opened, result };
}

describe('language features', () => {
  before(ready);
  afterEach(restore);

  it('completion after `soldBy: ` offers the ids of the partners that can sell, and nothing else of the manifest', async () => {
    const { document, uri, result } = await openClean();
    const position = await replaceOnce(document, 'soldBy: fabrikam', 'soldBy: ');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const ids = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(label);
    const partners = result.model.partners;
    const sellers = partners.filter((p) => p.type === 'indirect-reseller' || p.type === 'direct-bill').map((p) => p.id!.value);
    const others = [...partners.filter((p) => p.type === 'indirect-provider'), ...result.model.customers].map((e) => e.id!.value);
    assert.ok(ids.includes('fabrikam') && ids.includes('northwind'), `offered: ${ids.join(', ')}`);
    for (const id of ids) assert.ok(sellers.includes(id), `${id} cannot sell, yet it is offered`);
    for (const id of others) assert.ok(!list.items.some((i) => label(i) === id), `${id} (a provider or a customer) is offered`);
  });

  it("go to definition from a soldBy value lands on the partner's id", async () => {
    const { document, uri, result } = await openClean();
    const from = positionOf(document, 'soldBy: fabrikam', 'fabrikam', 3);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      uri,
      from,
    );
    assert.equal(found.length, 1, `one definition, got ${found.length}`);
    const [target] = found;
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    const targetRange = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.equal(targetUri.toString(), uri.toString());
    const declaration = nodeRange(result.parsed.lines, result.model.byId.get('fabrikam')!.id!.node)!;
    assert.equal(rangeKey(targetRange), rangeKey(declaration));
    assert.equal(document.getText(targetRange), 'fabrikam');
    assert.ok(document.lineAt(targetRange.start.line).text.includes('- id: fabrikam'));
  });

  it('rename of a partner id changes its declaration and every reference, nothing else', async () => {
    const { document, uri, result } = await openClean();
    const text = document.getText();
    const entity = result.model.byId.get('contoso-dist')!;
    const references = result.model.references.filter((r) => r.target === entity);
    assert.ok(references.length >= 4, 'the provider is referenced in lists and in provider fields');
    const places = [entity.id!.node, ...references.map((r) => r.node)].map((node) => nodeRange(result.parsed.lines, node)!);

    const from = positionOf(document, 'provider: contoso-dist', 'contoso-dist', 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      uri,
      from,
      'contoso-distribution',
    );
    assert.ok(edit, 'a rename edit');
    const entries = edit.entries();
    assert.deepEqual(
      entries.map(([u]) => u.toString()),
      [uri.toString()],
      'only the manifest changes',
    );
    const edits = entries[0][1];
    assert.deepEqual(edits.map((e) => rangeKey(e.range)).sort(), places.map(rangeKey).sort());
    for (const e of edits) {
      assert.equal(document.getText(e.range), 'contoso-dist');
      assert.equal(e.newText, 'contoso-distribution');
    }

    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const renamed = document.getText();
    assert.equal(
      renamed,
      applyEdits(
        text,
        places.map((range) => ({ range, newText: 'contoso-distribution' })),
      ),
    );
    const after = expected(renamed);
    assert.equal(after.model.byId.has('contoso-dist'), false);
    assert.equal(after.model.references.filter((r) => r.target === after.model.byId.get('contoso-distribution')).length, references.length);
    // Still clean: every reference follows the new id.
    await waitForFindings(uri, after, 'no findings after the rename');
  });

  it("a snippet of a whole partner, taken by the editor's snippet engine, leaves the example clean", async () => {
    const { document, editor, uri } = await openClean();
    const position = await replaceOnce(document, '\ncustomers:', '\n  - \n\ncustomers:');
    const at = position.translate(-2).with({ character: 4 });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    assert.deepEqual(snippets.map(label), ['New indirect provider (distributor)', 'New indirect reseller', 'New direct-bill partner']);
    const reseller = snippets[1];
    assert.ok(reseller.insertText instanceof vscode.SnippetString, 'the item is a snippet');
    const range = reseller.range instanceof vscode.Range ? reseller.range : reseller.range!.replacing;
    assert.ok(await editor.insertSnippet(reseller.insertText, range));
    // The engine selects the first placeholder: the id to write.
    assert.equal(document.getText(editor.selection), 'new-reseller');
    const taken = document.getText();
    assert.ok(taken.includes('\n  - id: new-reseller\n    name: New Reseller Ltd\n    type: indirect-reseller\n'), taken);
    assert.ok(taken.includes('\n    mpa:\n      accepted: true\n'), taken);
    assert.ok(taken.includes('\n    providers: [contoso-dist]\n'), taken);
    const result = expected(taken);
    assert.deepEqual(result.findings, [], 'the partner as suggested is a clean one');
    await waitForFindings(uri, result, 'no findings after the snippet');
  });
});
