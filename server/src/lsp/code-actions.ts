import { CodeAction, CodeActionKind, CodeActionParams, Command, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckResult, fixesFor } from '../core/check';
import type { Fix } from '../core/finding';
import { fixAllOf, verifiedFixAll } from '../core/fix-all';
import { message } from '../messages';
import { applyEdits, LineIndex, Range } from '../core/text';
import { COMMANDS, FIX_ALL_KIND } from '../protocol';
import { toFinding } from './diagnostics';

/**
 * Quick fixes are listed for this many diagnostics of one request, the first ones sent: each fix is checked
 * before it is offered, and a selection over a line of thousands of findings would otherwise take minutes
 * to list more fixes than a menu can show. "Fix all" actions still cover every finding.
 */
export const MAX_QUICK_FIX_DIAGNOSTICS = 100;

export function codeActions(document: TextDocument, result: CheckResult, params: CodeActionParams): (CodeAction | Command)[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k: string) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // A selection over many lines brings many diagnostics of one rule: its "fix all" is offered once.
    const fixAllOffered = new Set<string>();
    let fixed = 0;
    for (const diagnostic of params.context.diagnostics) {
      const finding = toFinding(diagnostic);
      // A diagnostic of an older version that reaches past this one's end has nothing to fix here.
      if (!finding || finding.range.start.line >= result.parsed.lines.lineCount) continue;
      if (fixed++ < MAX_QUICK_FIX_DIAGNOSTICS)
        for (const fix of fixesFor(result, finding)) actions.push(quickFix(document, result, fix, diagnostic));
      if (fixAllOffered.has(finding.rule)) continue;
      fixAllOffered.add(finding.rule);
      const all = fixAllOf(result, (f) => f.rule === finding.rule, true);
      if (all && all.count > 1) {
        actions.push({
          title: message(result.locale, 'fix.fix-all-rule', { rule: finding.rule, count: all.count }),
          kind: CodeActionKind.QuickFix,
          edit: { changes: { [document.uri]: all.edits } },
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && only) {
    const all = verifiedFixAll(result);
    if (all)
      actions.push({ title: message(result.locale, 'fix.fix-all'), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: all.edits } } });
  }
  return actions;
}

function quickFix(document: TextDocument, result: CheckResult, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const edit: WorkspaceEdit = { changes: { [document.uri]: fix.edits } };
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit,
  };
  if (fix.select) {
    // Applied by the client so that the editor can select the inserted date for the user to confirm.
    delete action.edit;
    action.command = {
      title: fix.title,
      command: COMMANDS.applyEditAndSelect,
      arguments: [document.uri, fix.edits, selectionAfter(String(result.parsed.text), fix)],
    };
  }
  return action;
}

/**
 * Where the selected part of an inserted text lands once all of the fix's edits are applied. Worked out
 * from the edits' line counts, without copying the document: this runs on a code action request.
 */
export function selectionAfter(text: string, fix: Fix): Range | undefined {
  if (!fix.select) return undefined;
  const target = fix.edits[fix.select.edit];
  const before = target.newText.slice(0, fix.select.start);
  const lineBreak = before.lastIndexOf('\n');
  // The selection starts on a line the fix itself writes (the MPA date): only earlier line counts matter.
  // Otherwise (an insertion in a one-line `{ }` mapping) the edited text is worked out in full.
  if (lineBreak < 0) return selectionInEditedText(text, { ...fix, select: fix.select });
  let line = target.range.start.line + (before.match(/\n/g)?.length ?? 0);
  for (const [index, edit] of fix.edits.entries()) {
    if (!landsBefore(comparePositions(edit.range.start, target.range.start), index, fix.select.edit)) continue;
    line += (edit.newText.match(/\n/g)?.length ?? 0) - (edit.range.end.line - edit.range.start.line);
  }
  const character = fix.select.start - (lineBreak + 1);
  return { start: { line, character }, end: { line, character: character + fix.select.length } };
}

function selectionInEditedText(text: string, fix: Fix & { select: NonNullable<Fix['select']> }): Range {
  const lines = new LineIndex(text);
  const target = fix.edits[fix.select.edit];
  const targetStart = lines.offset(target.range.start);
  let shift = 0;
  for (const [index, edit] of fix.edits.entries()) {
    const start = lines.offset(edit.range.start);
    if (landsBefore(start - targetStart, index, fix.select.edit)) shift += edit.newText.length - (lines.offset(edit.range.end) - start);
  }
  const start = targetStart + shift + fix.select.start;
  return new LineIndex(applyEdits(text, fix.edits)).range(start, start + fix.select.length);
}

/**
 * Whether edit `index` lands before the selected edit in the result: `order` compares their starts; at the
 * same place, an insertion listed earlier comes first (LSP keeps such insertions in their given order).
 */
function landsBefore(order: number, index: number, selected: number): boolean {
  return order < 0 || (order === 0 && index < selected);
}

function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}
