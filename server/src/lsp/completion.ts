// Completion: partner ids, enum values, booleans, country codes and schema keys, offered from the lines
// around the cursor (half-typed-yaml.ts) and the schema along them (schema-walk.ts, shared-blocks.ts for
// a block that entries merge); anchors for an alias or a merge key (merges.ts).
import {
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionParams,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
} from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { message } from '../messages';
import type { Model } from '../core/model';
import { allMarkets, regionOf } from '../core/regions';
import { isId } from '../core/schema';
import { flowItemAt, hasContent, inComment, Lines, linesOf, Point, scalarAt, shapeOf } from './half-typed-yaml';
import { AliasSite, aliasSiteAt, keysFromMerges, mergeable, mergeLinesOf, previewOf, SourceKeys, summaryOf, yamlBlock } from './merges';
import { positionIn } from './position';
import { childSchema, isMapping, SchemaAt } from './schema-walk';
import { SchemaReader } from './shared-blocks';
import { EntryKind, entrySnippets, SnippetSite } from './snippets';
import { usableModel } from './usable-model';

/** Which partners a reference field accepts. */
type Wanted = 'seller' | 'provider' | 'partner';
const REFERENCE_FIELDS: Record<string, Record<string, Wanted>> = {
  subscription: { soldBy: 'seller', provider: 'provider', managedBy: 'partner' },
  partner: { providers: 'provider' },
  customer: { owner: 'partner' },
};

/** The partner or customer a chain runs through (its list marker under `partners:` or `customers:`). */
function entryOf(chain: Point[]): Point | undefined {
  const [list, dash] = chain;
  return list?.kind === 'key' && (list.name === 'partners' || list.name === 'customers') && dash?.kind === '-' ? dash : undefined;
}

const TRIGGER_SUGGEST: Command = { title: '', command: 'editor.action.triggerSuggest' };

/** Where the cursor is: a key being written in a mapping, a new item of an entry list, or a value (of a key, or an item of a list). */
type Site =
  | { kind: 'key'; chain: Point[]; col: number; range: Range; hasColon: boolean; parentOnLine: boolean }
  | { kind: 'entry'; chain: Point[]; entry: EntryKind; col: number; range: Range }
  | {
      kind: 'value';
      chain: Point[];
      holder: SchemaAt;
      field: string;
      value: SchemaAt;
      inList: boolean;
      listed: string[];
      partial: string;
      range: Range;
      space: boolean;
    };

/** Completion: partner ids, enum values, booleans, country codes and schema keys. */
export function completion(_document: TextDocument, result: CheckResult, params: CompletionParams): CompletionItem[] | null {
  const at = positionIn(result, params.position);
  if (!at) return null;
  const typedSpace = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ';
  // A space typed in the indentation is indentation, not a request.
  if (typedSpace && at.text.slice(0, at.character).trim() === '') return null;
  const lines = linesOf(result);
  const alias = aliasSiteAt(lines, at.line, at.character);
  if (alias) {
    const anchors = anchorItems(result, lines, at.line, alias);
    return anchors.length ? anchors : null;
  }
  const schemas = new SchemaReader(lines);
  const site = siteAt(lines, schemas, at.line, at.character);
  if (!site) return null;
  const items =
    site.kind === 'key'
      ? keyItems(lines, schemas, result, site, at.line)
      : site.kind === 'entry'
        ? snippetItems(lines, result, site.chain, { kind: site.entry, range: site.range, withDash: true, pad: 2 })
        : valueItems(lines, result, site);
  return items && items.length ? items : null;
}

/** The anchors an alias at the site may name: those written before it, and in a merge key's value only those a merge can read. */
function anchorItems(result: CheckResult, lines: Lines, line: number, site: AliasSite): CompletionItem[] {
  const offset = lines.index.lineStart(line) + site.start;
  const range: Range = { start: { line, character: site.start }, end: { line, character: site.end } };
  return (
    result
      .anchorsBefore(offset)
      // An anchored value around the alias would hold itself.
      .filter((anchored) => offset >= anchored.end && (!site.merge || mergeable(anchored, site.inList)))
      .map((anchored, i) => {
        const label = `*${anchored.name}`;
        const preview = previewOf(lines, anchored);
        const where = message(result.locale, 'lsp.completion.anchor', { anchor: anchored.name, line: preview.line + 1 });
        return {
          label,
          kind: CompletionItemKind.Variable,
          detail: summaryOf(anchored),
          documentation: { kind: MarkupKind.Markdown, value: `${where}\n\n${yamlBlock(preview.yaml)}` },
          sortText: sortKey(i),
          textEdit: { range, newText: (site.space ? ' ' : '') + label },
        };
      })
  );
}

function siteAt(lines: Lines, schemas: SchemaReader, line: number, character: number): Site | undefined {
  const full = lines.shape(line);
  if (inComment(full, character)) return undefined;
  const text = full.text;
  const prefix = shapeOf(text.slice(0, character));
  const range = (start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

  if (prefix.key) {
    // A value: `key: |`, `key: [a, |]`, `key: "|"`.
    if (!full.key || full.key.start !== prefix.key.start) return undefined;
    const chain = lines.chainOf({ line, col: full.key.start, kind: 'key' });
    const holder = chain && schemas.along(chain);
    const value = holder && childSchema(holder, full.key.name);
    if (!chain || !holder || !value) return undefined;
    const field = full.key.name;
    const start = full.valueStart;
    // Before a value not written yet (`key: |`), or in a scalar.
    let token: { start: number; end: number; partial: string } | undefined;
    if (character < start) {
      if (start < full.end) return undefined; // the cursor is before a written value
      token = { start: character, end: character, partial: '' };
    } else {
      const first = text[start];
      if (first === '[') {
        const items = childSchema(value, '-');
        const flow = flowItemAt(text, start, full.end, character);
        if (!items || !flow) return undefined;
        return {
          kind: 'value',
          chain,
          holder,
          field,
          value: items,
          inList: true,
          listed: flow.others,
          partial: flow.partial,
          range: range(flow.start, flow.end),
          space: false,
        };
      }
      if (first === '{') return undefined;
      token = scalarAt(text, start, full.end, character);
      if (!token) return undefined;
    }
    return {
      kind: 'value',
      chain,
      holder,
      field,
      value,
      inList: false,
      listed: [],
      partial: token.partial,
      range: range(token.start, token.end),
      // Right after the colon: the value brings its space.
      space: token.start === character && text[character - 1] === ':',
    };
  }

  // Before the content of the line: in its indentation or its list markers; or right after a `-` just typed.
  if (character < full.body && hasContent(full)) return undefined;
  if (prefix.dashes[prefix.dashes.length - 1] === character - 1) return undefined;
  const rest = text.slice(prefix.body, character);
  const quoted = /^["']/.test(rest);
  if (!quoted && !/^[^\s:#'"[\]{},-][^\s:#'"[\]{},]*$|^$/.test(rest)) return undefined;
  const col = prefix.body;
  const chain = lines.chainOf({ line, col, kind: 'key' });
  const target = chain && schemas.along(chain);
  if (!chain || !target) return undefined;
  const parent = chain[chain.length - 1];
  const parentOnLine = prefix.dashes.length > 0;

  const wordEnd = character + /^[^\s:#'"[\]{},]*/.exec(text.slice(character))![0].length;
  if (isMapping(target) && !quoted) {
    const hasColon = /^[ \t]*:(?:[ \t]|$)/.test(text.slice(wordEnd));
    return { kind: 'key', chain, col, range: range(col, wordEnd), hasColon, parentOnLine };
  }
  // A new item of a list of entries, its `- ` not written yet: `partners:` then `  |`.
  const entry = isEntryKind(childSchema(target, '-')?.name);
  if (entry && !parentOnLine && !quoted && text.slice(wordEnd).trim() === '')
    return { kind: 'entry', chain, entry, col, range: range(col, wordEnd) };
  // An item of a block list, on its own `- ` line: `providers:` then `- |`.
  const listKey = chain[chain.length - 2];
  if (parent?.kind !== '-' || parent.line !== line || prefix.dashes[prefix.dashes.length - 1] !== parent.col || listKey?.kind !== 'key')
    return undefined;
  const holder = schemas.along(chain.slice(0, -2));
  if (!holder) return undefined;
  const token = scalarAt(text, col, full.end, character);
  if (!token) return undefined;
  return {
    kind: 'value',
    chain,
    holder,
    field: listKey.name!,
    value: target,
    inList: true,
    listed: lines.listItems(line, parent.col),
    partial: token.partial,
    range: range(token.start, token.end),
    space: false,
  };
}

const isEntryKind = (name: string | undefined): EntryKind | undefined =>
  name === 'partner' || name === 'customer' || name === 'subscription' ? name : undefined;

/** Snippets of whole entries; a subscription's are told the customer it is written in. */
function snippetItems(lines: Lines, result: CheckResult, chain: Point[], site: Omit<SnippetSite, 'customer'>): CompletionItem[] {
  const customer = site.kind === 'subscription' ? entryOf(chain) : undefined;
  const fields = customer && lines.entryFields(customer);
  return entrySnippets(usableModel(result), result.locale, {
    ...site,
    customer: fields && { id: fields.get('id'), country: fields.get('country') },
  });
}

function sortKey(index: number): string {
  return String(index).padStart(5, '0');
}

function valueItems(lines: Lines, result: CheckResult, site: Extract<Site, { kind: 'value' }>): CompletionItem[] | undefined {
  const locale = result.locale;
  const prefix = site.space ? ' ' : '';
  const item = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind,
    textEdit: { range: site.range, newText: prefix + label },
    ...extra,
  });
  const wanted = REFERENCE_FIELDS[site.holder.name]?.[site.field];
  const listField = site.field === 'providers' || site.field === 'managedBy';
  if (wanted) {
    if (listField !== site.inList || /\s/.test(site.partial)) return undefined;
    return idItems(lines, result, site, wanted, prefix);
  }
  if (site.inList) return undefined;
  if (site.field === 'country' && (site.holder.name === 'partner' || site.holder.name === 'customer')) {
    return [...allMarkets()]
      .sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1))
      .map((m, i) =>
        item(m.iso2, CompletionItemKind.Value, {
          detail: `${m.name} · ${m.region}`,
          filterText: `${m.iso2} ${m.name}`,
          sortText: sortKey(i),
        }),
      );
  }
  if (/\s/.test(site.partial)) return undefined;
  const s = site.value.schema;
  if (s.const !== undefined) return [item(String(s.const), CompletionItemKind.Value, { sortText: sortKey(0) })];
  if (Array.isArray(s.enum)) {
    let values = s.enum.map(String);
    let derived: { region: string; country: string } | undefined;
    if (site.field === 'region') {
      const entry = entryOf(site.chain);
      const country = entry && lines.entryFields(entry).get('country');
      const region = regionOf(country);
      if (country && region && values.includes(region)) {
        derived = { region, country };
        values = [region, ...values.filter((v) => v !== region)];
      }
    }
    return values.map((v, i) =>
      item(v, CompletionItemKind.EnumMember, {
        sortText: sortKey(i),
        detail:
          derived?.region === v
            ? message(locale, 'lsp.completion.derived-region', { country: derived.country })
            : s.default === v
              ? message(locale, 'lsp.completion.default')
              : undefined,
      }),
    );
  }
  if (s.type === 'boolean') return ['true', 'false'].map((v, i) => item(v, CompletionItemKind.Value, { sortText: sortKey(i) }));
  return undefined;
}

/** Partner ids a reference field accepts: those in the region of the entry being edited first. */
function idItems(
  lines: Lines,
  result: CheckResult,
  site: Extract<Site, { kind: 'value' }>,
  wanted: Wanted,
  prefix: string,
): CompletionItem[] {
  const model = usableModel(result);
  const entry = entryOf(site.chain);
  const region = regionOf(entry && lines.entryFields(entry).get('country'));
  const seen = new Set(site.listed);
  const candidates: { id: string; same: boolean; partner: Model['partners'][number] }[] = [];
  for (const partner of model.partners) {
    const id = partner.id?.value;
    if (id === undefined || seen.has(id) || !isId(id)) continue;
    seen.add(id);
    if (wanted === 'seller' && partner.type !== 'indirect-reseller' && partner.type !== 'direct-bill') continue;
    if (wanted === 'provider' && partner.type !== 'indirect-provider') continue;
    candidates.push({ id, same: region !== undefined && partner.region === region, partner });
  }
  candidates.sort((a, b) => Number(b.same) - Number(a.same) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return candidates.map(({ id, partner }, i) => {
    const item: CompletionItem = {
      label: id,
      kind: CompletionItemKind.Reference,
      detail: [partner.type, partner.country?.value, partner.region].filter(Boolean).join(' · ') || undefined,
      sortText: sortKey(i),
      textEdit: { range: site.range, newText: prefix + id },
    };
    if (partner.name) item.documentation = partner.name;
    return item;
  });
}

/** What a key's value is, for the detail of its completion. */
function valueKind(locale: CheckResult['locale'], holder: SchemaAt, key: string, value: SchemaAt): string {
  const s = value.schema;
  if (REFERENCE_FIELDS[holder.name]?.[key]) return message(locale, s.type === 'array' ? 'lsp.value.partner-ids' : 'lsp.value.partner-id');
  if (s.const !== undefined) return String(s.const);
  if (value.def === 'region') return message(locale, 'lsp.value.region');
  if (Array.isArray(s.enum)) return s.enum.join(' | ');
  switch (value.def) {
    case 'id':
      return message(locale, 'lsp.value.id');
    case 'date':
      return message(locale, 'lsp.value.date');
    case 'tenant':
      return message(locale, 'lsp.value.tenant');
    case 'country':
      return message(locale, 'lsp.value.country');
  }
  if (Array.isArray(s.type)) return message(locale, 'lsp.value.partner-number');
  if (s.type === 'boolean') return message(locale, 'lsp.value.boolean');
  if (s.type === 'object') return message(locale, 'lsp.value.mapping');
  if (s.type === 'array') return message(locale, 'lsp.value.list');
  return message(locale, 'lsp.value.text');
}

/** Does completing the value of this key offer something (so the suggestions open again after the key)? */
function hasValueItems(holder: SchemaAt, key: string, value: SchemaAt): boolean {
  const s = value.schema;
  return (
    Boolean(REFERENCE_FIELDS[holder.name]?.[key]) ||
    (key === 'country' && value.def === 'country') ||
    s.const !== undefined ||
    Array.isArray(s.enum) ||
    s.type === 'boolean'
  );
}

/** Merged keys are offered after the others: what an entry lacks comes first, an override after. */
const MERGED_KEYS_AFTER = 1000;

function keyItems(
  lines: Lines,
  schemas: SchemaReader,
  result: CheckResult,
  site: Extract<Site, { kind: 'key' }>,
  line: number,
): CompletionItem[] | undefined {
  const holder = schemas.along(site.chain);
  const properties = holder?.schema.properties;
  if (!holder || !properties) return undefined;
  const siblings = lines.siblingKeyLines(line, site.col, site.parentOnLine);
  const present = new Set(siblings.map((k) => k.name));
  const merged = new Map<string, SourceKeys>();
  for (const source of keysFromMerges(result, lines, mergeLinesOf(lines, siblings))) for (const key of source.keys) merged.set(key, source);
  // The entries that merge a shared block may write any of its keys themselves: none is required of the block.
  const required = new Set<string>(schemas.isSharedBlock(site.chain) ? [] : (holder.schema.required ?? []));
  // Lines after the first are indented by the editor as the line is (InsertTextMode.adjustIndentation).
  const lineIndent = /^ */.exec(lines.shape(line).text)![0].length;
  const pad = ' '.repeat(Math.max(0, site.col + 2 - lineIndent));
  const items: CompletionItem[] = [];
  // An entry with nothing in it yet (`- |`): a whole entry may be wanted.
  const entry = isEntryKind(holder.name);
  if (entry && site.parentOnLine && !site.hasColon && !present.size && !merged.size && !schemas.isSharedBlock(site.chain))
    items.push(...snippetItems(lines, result, site.chain, { kind: entry, range: site.range, withDash: false, pad: site.col - lineIndent }));
  let keys = 0;
  for (const key of Object.keys(properties)) {
    if (present.has(key)) continue;
    const value = childSchema(holder, key)!;
    const kind = valueKind(result.locale, holder, key, value);
    const from = merged.get(key);
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Property,
      detail: required.has(key) && !from ? message(result.locale, 'lsp.completion.required', { detail: kind }) : kind,
      sortText: sortKey(keys++ + (from ? MERGED_KEYS_AFTER : 0)),
    };
    const documentation = [value.schema.description, from && overrideNote(lines, result, from)].filter((t) => typeof t === 'string');
    if (documentation.length) item.documentation = { kind: MarkupKind.Markdown, value: documentation.join('\n\n') };
    if (from) item.labelDetails = { description: message(result.locale, 'lsp.completion.merged', { anchor: from.source }) };
    const insert = site.hasColon ? { text: key } : keyInsert(holder, key, value, pad);
    item.textEdit = { range: site.range, newText: insert.text };
    if (insert.snippet) {
      item.insertTextFormat = InsertTextFormat.Snippet;
      item.insertTextMode = InsertTextMode.adjustIndentation;
    }
    if (insert.suggest) item.command = TRIGGER_SUGGEST;
    items.push(item);
  }
  return items;
}

/** Says where a merged key comes from, and that writing it overrides it. */
function overrideNote(lines: Lines, result: CheckResult, from: SourceKeys): string | undefined {
  if (!from.anchored) return undefined;
  const line = previewOf(lines, from.anchored).line + 1;
  return message(result.locale, 'lsp.completion.merged-override', { anchor: from.source, line });
}

/** What a key completion inserts: `key: ` for a scalar, a snippet that opens a mapping or a list. */
function keyInsert(holder: SchemaAt, key: string, value: SchemaAt, pad: string): { text: string; snippet?: boolean; suggest?: boolean } {
  const s = value.schema;
  if (s.const !== undefined) return { text: `${key}: ${String(s.const)}` };
  if (s.type === 'object') return { text: `${key}:\n${pad}$0`, snippet: true, suggest: true };
  if (s.type === 'array') {
    const items = childSchema(value, '-');
    if (!isMapping(items)) return { text: `${key}: [$0]`, snippet: true, suggest: true };
    // A list of entries: the first entry with its required keys.
    const required = items!.schema.required ?? [];
    const entry = required.map((name, i) => {
      const choices = childSchema(items!, name)?.schema.enum;
      const stop = choices ? `\${${i + 1}|${choices.join(',')}|}` : `$${i + 1}`;
      return `${i === 0 ? '- ' : '  '}${name}: ${stop}`;
    });
    return { text: `${key}:\n${entry.map((l) => pad + l).join('\n')}`, snippet: true };
  }
  return { text: `${key}: `, suggest: hasValueItems(holder, key, value) };
}
