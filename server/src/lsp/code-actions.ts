import { CodeAction, CodeActionKind, CodeActionParams, Command, Diagnostic, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckResult, fixesFor } from '../core/check';
import type { Finding, Fix } from '../core/finding';
import { message } from '../core/messages';
import { applyEdits, LineIndex, Range, TextEdit } from '../core/text';
import { toFinding } from './diagnostics';

/** `source.fixAll.cspPartners`: the fixes safe to apply without a person choosing. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cspPartners`;
/** The client command that applies an edit, then selects part of it (the MPA date). */
export const APPLY_AND_SELECT = 'cspPartners.applyEditAndSelect';

/**
 * Fixes that record a claim about the real world (the MPA was accepted, onboarding is complete)
 * are never applied in bulk: a person must confirm each one.
 */
const CLAIMS = new Set(['fix.insert-mpa', 'fix.insert-flags']);

export function codeActions(document: TextDocument, result: CheckResult, params: CodeActionParams): (CodeAction | Command)[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k: string) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = toFinding(diagnostic);
      if (!finding) continue;
      for (const fix of fixesFor(result, finding)) actions.push(quickFix(document, result, fix, diagnostic));
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
    const all = fixAllOf(result, () => true, false);
    if (all) actions.push({ title: message(result.locale, 'fix.fix-all'), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: all.edits } } });
  }
  return actions;
}

function quickFix(document: TextDocument, result: CheckResult, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const edit: WorkspaceEdit = { changes: { [document.uri]: fix.edits as LspTextEdit[] } };
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit };
  if (fix.select) {
    // Applied by the client so that the editor can select the inserted date for the user to confirm.
    delete action.edit;
    action.command = { title: fix.title, command: APPLY_AND_SELECT, arguments: [document.uri, fix.edits, selectionAfter(result.parsed.text, fix)] };
  }
  return action;
}

/** Where the selected part of an inserted text lands once all of the fix's edits are applied. */
export function selectionAfter(text: string, fix: Fix): Range | undefined {
  if (!fix.select) return undefined;
  const lines = new LineIndex(text);
  const target = fix.edits[fix.select.edit];
  const targetStart = lines.offset(target.range.start);
  let shift = 0;
  for (const edit of fix.edits) {
    const start = lines.offset(edit.range.start);
    if (edit !== target && start < targetStart) shift += edit.newText.length - (lines.offset(edit.range.end) - start);
  }
  const after = new LineIndex(applyEdits(text, fix.edits));
  const start = targetStart + shift + fix.select.start;
  return after.range(start, start + fix.select.length);
}

/**
 * Every finding (of the chosen rules) that has exactly one fix, combined while their edits stay apart.
 * `withClaims` allows fixes that record a claim: only for an explicit "fix all of <rule>".
 */
export function fixAllOf(result: CheckResult, include: (f: Finding) => boolean, withClaims: boolean): { edits: TextEdit[]; count: number } | undefined {
  const lines = result.parsed.lines;
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  let count = 0;
  for (const finding of result.findings) {
    if (!include(finding) || finding.rule === 'unused-suppression') continue;
    const fixes = fixesFor(result, finding).filter((f) => f.id !== 'fix.suppress-line');
    if (fixes.length !== 1 || (!withClaims && CLAIMS.has(fixes[0].id))) continue;
    const spans = fixes[0].edits.map((e) => [lines.offset(e.range.start), lines.offset(e.range.end)] as [number, number]);
    // Edits of two findings must not touch: then their order would not matter.
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
    taken.push(...spans);
    edits.push(...fixes[0].edits);
    count++;
  }
  return count ? { edits, count } : undefined;
}

