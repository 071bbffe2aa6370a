import type { Hover, HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';

/** Hover: schema descriptions, entity summaries, country markets. (Being written.) */
export function hover(_document: TextDocument, _result: CheckResult, _params: HoverParams): Hover | null {
  return null;
}
