// Quick fixes through the editor: for one finding of each kind of fix the every-rule example offers,
// `vscode.executeCodeActionProvider` at the diagnostic, then `workspace.applyEdit` (or, for the MPA
// fix that selects the date it inserts, its command): the text changes exactly as the core's fix
// says, and the diagnostics, waited for by event, are the core's findings of the new text, without
// the one fixed. Then the file-wide `source.fixAll.cspPartners`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CheckResult, fixesFor } from '../../../server/src/core/check';
import type { Finding, Fix } from '../../../server/src/core/finding';
import { applyEdits } from '../../../server/src/core/text';
import { verifiedFixAll } from '../../../server/src/core/fix-all';
import { selectionAfter } from '../../../server/src/lsp/code-actions';
import { COMMANDS, FIX_ALL_KIND } from '../../../server/src/protocol';
import {
  diagnosticKey,
  EVERY_RULE,
  exampleText,
  expected,
  findingKey,
  openEveryRule,
  ready,
  restore,
  ruleOf,
  waitForFindings,
} from './helpers';

/** The first finding offering each kind of fix (`Fix.id`), in text order. */
function kindsOf(result: CheckResult): Map<string, { finding: Finding; fix: Fix }> {
  const kinds = new Map<string, { finding: Finding; fix: Fix }>();
  for (const finding of result.findings) {
    for (const fix of fixesFor(result, finding)) if (!kinds.has(fix.id)) kinds.set(fix.id, { finding, fix });
  }
  return kinds;
}

type Action = vscode.CodeAction | vscode.Command;
const isCodeAction = (a: Action): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string';

const codeActions = async (uri: vscode.Uri, range: vscode.Range, kind?: string) =>
  (await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];

describe('quick fixes', () => {
  before(ready);
  afterEach(restore);

  const kinds = kindsOf(expected(exampleText(EVERY_RULE)));
  it('the example offers many kinds of fix', () => {
    assert.ok(kinds.size >= 10, `kinds: ${[...kinds.keys()].join(', ')}`);
  });

  for (const [kind, { finding: first, fix: firstFix }] of kinds) {
    it(`${kind}: "${firstFix.title}" on ${first.rule} (line ${first.range.start.line + 1}) removes its finding`, async () => {
      const { document, uri, result, diagnostics } = await openEveryRule();
      const text = document.getText();
      // Recomputed now: the MPA fix's date is today's when the partner has no earlier order.
      const finding = result.findings.find((f) => findingKey(f) === findingKey(first))!;
      const fix = fixesFor(result, finding).find((f) => f.id === kind)!;
      const target = diagnostics.find((d) => diagnosticKey(d) === findingKey(finding));
      assert.ok(target, `a diagnostic for ${findingKey(finding)}`);

      const actions = (await codeActions(uri, target.range)).filter(isCodeAction);
      const matching = actions.filter((a) => a.title === fix.title);
      assert.equal(matching.length, 1, `one action "${fix.title}"; offered: ${actions.map((a) => a.title).join(' | ')}`);
      const [action] = matching;
      assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
      if (fix.select) {
        // Applied by the client, which then selects the inserted date for the user to confirm.
        assert.equal(action.edit, undefined);
        assert.equal(action.command?.command, COMMANDS.applyEditAndSelect);
        await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
      } else {
        assert.ok(action.edit, 'the action carries its edit');
        assert.equal(await vscode.workspace.applyEdit(action.edit), true);
      }

      const fixed = document.getText();
      assert.equal(fixed, applyEdits(text, fix.edits), "the text changed as the core's fix says");
      const after = await waitForFindings(uri, expected(fixed), 'the findings of the fixed text');
      const says = (list: vscode.Diagnostic[]) => list.filter((d) => ruleOf(d) === finding.rule && d.message === finding.message).length;
      assert.equal(says(after), says(diagnostics) - 1, `still reported: ${finding.rule}: ${finding.message}`);

      if (fix.select) {
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document, document, 'the fixed manifest is the active editor');
        const want = selectionAfter(text, fix)!;
        assert.deepEqual(
          [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
          [want.start.line, want.start.character, want.end.line, want.end.character],
        );
        assert.match(document.getText(editor.selection), /^\d{4}-\d{2}-\d{2}$/, 'the inserted date is selected');
      }
    });
  }

  it(`${FIX_ALL_KIND} applies the verified fixes of the whole file at once`, async () => {
    const { document, uri, result } = await openEveryRule();
    const text = document.getText();
    const all = verifiedFixAll(result);
    assert.ok(all && all.count > 1, 'the example has several fixes safe to apply together');
    const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
    const actions = (await codeActions(uri, whole, FIX_ALL_KIND)).filter(isCodeAction).filter((a) => a.kind?.value === FIX_ALL_KIND);
    assert.equal(actions.length, 1, `one ${FIX_ALL_KIND} action`);
    assert.ok(actions[0].edit);
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit), true);
    const fixed = document.getText();
    assert.equal(fixed, applyEdits(text, all.edits));
    const fixedResult = expected(fixed);
    await waitForFindings(uri, fixedResult, 'the findings of the fixed text');
    assert.ok(
      fixedResult.findings.length <= result.findings.length - all.count,
      `${all.count} fixes leave ${fixedResult.findings.length} of ${result.findings.length} findings`,
    );
  });
});
