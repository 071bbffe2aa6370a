import {
  CodeLens,
  DefinitionParams,
  DocumentHighlight,
  DocumentHighlightKind,
  DocumentHighlightParams,
  DocumentSymbol,
  DocumentSymbolParams,
  Location,
  PrepareRenameParams,
  Range,
  ReferenceParams,
  RenameParams,
  ResponseError,
  SymbolKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isScalar, parseDocument } from 'yaml';
import type { CheckResult } from '../core/check';
import { editSpans } from '../core/fix-check';
import { message } from '../messages';
import type { Located } from '../core/loc';
import { usageOf } from '../core/queries';
import { isId } from '../core/schema';
import { idAt, IdOccurrence, occurrencesOf } from './ids';

/** Outlines of huge manifests stop listing subscriptions, then customers, beyond this many symbols. */
export const MAX_SYMBOLS = 5000;

const rangeOf = (result: CheckResult, o: { start: number; end: number }): Range => result.parsed.lines.range(o.start, o.end);

/** The id at a position; none for a position that is not one (not integers, negative, past the last line). */
function idUnder(_document: TextDocument, result: CheckResult, position: { line: number; character: number }): IdOccurrence | undefined {
  const offset = result.parsed.lines.offsetOnLine(position);
  return offset === undefined ? undefined : idAt(result, offset);
}

/** From a reference to the entity that declares the id. */
export function definition(document: TextDocument, result: CheckResult, params: DefinitionParams): Location | null {
  const at = idUnder(document, result, params.position);
  const node = at?.entity?.id?.node;
  return node?.range ? { uri: document.uri, range: rangeOf(result, { start: node.range[0], end: node.range[1] }) } : null;
}

/** Every reference to the id under the cursor (and its declaration when asked). */
export function references(document: TextDocument, result: CheckResult, params: ReferenceParams): Location[] | null {
  const at = idUnder(document, result, params.position);
  if (!at) return null;
  return occurrencesOf(result, at.id)
    .filter((o) => params.context.includeDeclaration || o.reference)
    .map((o) => ({ uri: document.uri, range: rangeOf(result, o) }));
}

export function highlights(document: TextDocument, result: CheckResult, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const at = idUnder(document, result, params.position);
  if (!at) return null;
  return occurrencesOf(result, at.id).map((o) => ({
    range: rangeOf(result, o),
    kind: o.reference ? DocumentHighlightKind.Read : DocumentHighlightKind.Write,
  }));
}

/** A rename refused because its result would not parse; the id is shown with its control characters escaped. */
const breaks = (result: CheckResult, id: string) =>
  new ResponseError(0, message(result.locale, 'lsp.rename-breaks', { value: JSON.stringify(id).slice(1, -1) }));

/** Only ids of partners and customers can be renamed, from their declaration or any reference. */
export function prepareRename(
  document: TextDocument,
  result: CheckResult,
  params: PrepareRenameParams,
): { range: Range; placeholder: string } | null {
  const at = idUnder(document, result, params.position);
  if (!at?.entity) throw new ResponseError(0, message(result.locale, 'lsp.rename-not-id'));
  // `yaml` may read a lone `\r` as part of a scalar where LSP sees a line break: no rename can keep that.
  if (/[\r\n]/.test(result.parsed.text.slice(at.start, at.end))) throw breaks(result, at.id);
  return { range: rangeOf(result, at), placeholder: at.id };
}

/** An id YAML would not read as a string when written plain (`2024`, `true`, `null`, `1e3`) is written in quotes. */
function written(name: string): string {
  const value = parseDocument(name).contents;
  return isScalar(value) && typeof value.value === 'string' ? name : `"${name}"`;
}

export function rename(document: TextDocument, result: CheckResult, params: RenameParams): WorkspaceEdit | null {
  const at = idUnder(document, result, params.position);
  if (!at?.entity) throw new ResponseError(0, message(result.locale, 'lsp.rename-not-id'));
  const name = params.newName.trim();
  if (!isId(name)) throw new ResponseError(0, message(result.locale, 'lsp.rename-invalid', { value: name }));
  if (name !== at.id && result.model.byId.has(name))
    throw new ResponseError(0, message(result.locale, 'lsp.rename-taken', { value: name }));
  const plain = written(name);
  const edits: TextEdit[] = occurrencesOf(result, at.id).map((o) => ({ range: rangeOf(result, o), newText: o.quoted ? name : plain }));
  // An id written oddly (after a lone `\r`, say) can sit where a new name would not read as the same
  // scalar: a rename is checked like a fix, and refused rather than breaking the text.
  const spans = editSpans(result.parsed.lines, edits);
  if (!spans || !result.parsesAfter(spans)) throw breaks(result, at.id);
  return { changes: { [document.uri]: edits } };
}

/** Outline: partners, customers, and each customer's subscriptions; capped for huge files. */
export function documentSymbols(_document: TextDocument, result: CheckResult, _params: DocumentSymbolParams): DocumentSymbol[] {
  const { model, parsed } = result;
  const found = result.sections();
  const sections = (['partners', 'customers'] as const).flatMap((key) => found.filter((s) => s.key === key));
  // The section symbols count too: the whole outline stays within MAX_SYMBOLS.
  let budget = MAX_SYMBOLS - sections.length;
  const symbol = (
    name: string,
    detail: string,
    kind: SymbolKind,
    node: Located,
    selection: Located | undefined,
    children?: DocumentSymbol[],
  ): DocumentSymbol => {
    const range = parsed.lines.range(node.range![0], node.range![1]);
    // An id written as an alias (`id: *a`) sits at its anchor, maybe in another entry: LSP wants the
    // selection inside the symbol, so such a symbol selects its own start.
    const inside = selection?.range && selection.range[0] >= node.range![0] && selection.range[1] <= node.range![1];
    const sel = inside ? parsed.lines.range(selection.range[0], selection.range[1]) : { start: range.start, end: range.start };
    return { name: name || '?', detail, kind, range, selectionRange: sel, children };
  };
  const partners: DocumentSymbol[] = [];
  for (const p of model.partners) {
    if (budget-- <= 0) break;
    partners.push(
      symbol(p.id?.value ?? '', [p.type, p.country?.value, p.region].filter(Boolean).join(' · '), SymbolKind.Class, p.node, p.id?.node),
    );
  }
  const customers: DocumentSymbol[] = [];
  for (const c of model.customers) {
    if (budget-- <= 0) break;
    const subscriptions: DocumentSymbol[] = [];
    // Customers still to list after this one: room is kept for them before any subscription.
    const later = model.customers.length - customers.length - 1;
    for (const s of c.subscriptions) {
      if (budget <= later) break;
      budget--;
      subscriptions.push(symbol(s.id?.value ?? '', s.offer ?? '', SymbolKind.Field, s.node, s.id?.node));
    }
    customers.push(
      symbol(
        c.id?.value ?? '',
        [c.name, c.country?.value, c.region].filter(Boolean).join(' · '),
        SymbolKind.Object,
        c.node,
        c.id?.node,
        subscriptions,
      ),
    );
  }
  const children = { partners, customers };
  return sections.map(({ key, key0, key1, end }) => ({
    name: key,
    kind: SymbolKind.Namespace,
    range: parsed.lines.range(key0, end),
    selectionRange: parsed.lines.range(key0, key1),
    children: children[key],
  }));
}

/** One lens per partner: what it sells and provides, to how many customers, in which region. */
export function codeLenses(_document: TextDocument, result: CheckResult): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const partner of result.model.partners) {
    const node = partner.id?.node;
    if (!node?.range) continue;
    const u = usageOf(result.model, partner);
    const provides = partner.type === 'indirect-provider';
    const subscriptions = provides ? u.provides : u.sells;
    const customers = new Set(subscriptions.map((s) => s.customer)).size;
    const count = (key: 'lsp.lens.provides' | 'lsp.lens.sells' | 'lsp.lens.customers', n: number) =>
      n === 1 ? message(result.locale, `${key}.one`) : message(result.locale, `${key}.other`, { n });
    const title = message(result.locale, 'lsp.lens', {
      activity: count(provides ? 'lsp.lens.provides' : 'lsp.lens.sells', subscriptions.length),
      customers: count('lsp.lens.customers', customers),
      region: partner.region ?? '?',
    });
    lenses.push({ range: rangeOf(result, { start: node.range[0], end: node.range[1] }), command: { title, command: '' } });
  }
  return lenses;
}
