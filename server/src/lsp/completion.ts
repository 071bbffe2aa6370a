import type { CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';

/** Completion: ids, enum values, country codes and schema keys. (Being written.) */
export function completion(_document: TextDocument, _result: CheckResult, _params: CompletionParams): CompletionItem[] | CompletionList | null {
  return null;
}
