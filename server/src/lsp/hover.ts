import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { keyedMessage, Locale, message } from '../messages';
import type { Located } from '../core/loc';
import { Customer, Entity, isPartnerType, Model, Partner, Reference } from '../core/model';
import { market } from '../core/regions';
import { notAMarketMessage } from '../core/rules/unknown-country';
import { resellersOf, usageOf } from '../core/rules/helpers';
import { childSchema, inComment, Lines, listSections, positionIn, schemaAlong, usableModel } from './completion';
import { idAt } from './ids';

/** Hover: what a key means (its schema description), who an id is, what market a country is. */
export function hover(_document: TextDocument, result: CheckResult, params: HoverParams): Hover | null {
  const at = positionIn(result, params.position);
  if (!at) return null;
  const lines = new Lines(result.parsed.lines, listSections(result));
  const shape = lines.shape(at.line);
  if (inComment(shape, at.character)) return null;
  const locale = result.locale;
  const range = (start: number, end: number): Range => ({
    start: { line: at.line, character: start },
    end: { line: at.line, character: end },
  });
  const markdown = (value: string, r: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: r });

  const model = usableModel(result);
  const found = idUnder(result, model, at.offset);
  if (found?.node.range) {
    const r = result.parsed.lines.range(found.node.range[0], found.node.range[1]);
    if (found.entity) return markdown(entitySummary(result, model, found.entity), r);
    if (found.reference) return markdown(message(locale, 'unknown-reference', { field: found.reference.field, id: escape(found.id) }), r);
  }

  const key = shape.key;
  if (!key) return null;
  const chain = lines.chainOf({ line: at.line, col: key.start, kind: 'key' });
  const holder = chain && schemaAlong(chain);
  if (!holder) return null;
  if (at.character >= key.start && at.character <= key.end) {
    const description = childSchema(holder, key.name)?.schema.description;
    return typeof description === 'string' ? markdown(`**${escape(key.name)}**\n\n${description}`, range(key.start, key.end)) : null;
  }
  if (
    key.name === 'country' &&
    (holder.name === 'partner' || holder.name === 'customer') &&
    shape.end > shape.valueStart &&
    at.character >= shape.valueStart &&
    at.character <= shape.end
  ) {
    const written = shape.text.slice(shape.valueStart, shape.end);
    const code = /^(["']).*\1$/.test(written) ? written.slice(1, -1) : written;
    return code ? markdown(countrySummary(locale, code), range(shape.valueStart, shape.end)) : null;
  }
  return null;
}

/** An id under the cursor: the node it is written in, and the entity it declares or names. */
interface FoundId {
  id: string;
  node: Located;
  entity?: Entity;
  reference?: Reference;
}

function idUnder(result: CheckResult, model: Model, offset: number): FoundId | undefined {
  if (model === result.model) {
    const o = idAt(result, offset);
    const node = o?.reference?.node ?? o?.entity?.id?.node;
    return o && node ? { id: o.id, node, entity: o.entity, reference: o.reference } : undefined;
  }
  // A text with YAML errors: ids.ts reads the checked (empty) model; look through the recovered one.
  const index = recoveredIds(model);
  let low = 0,
    high = index.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = index[mid].node.range!;
    if (offset < start) high = mid - 1;
    else if (offset > end) low = mid + 1;
    else return index[mid];
  }
  return undefined;
}

const recoveredIndexes = new WeakMap<Model, FoundId[]>();

/**
 * The ids and references of a recovered model sorted by place, each place once (an id before a reference
 * that an alias places on it): made once per text version, not per hover.
 */
function recoveredIds(model: Model): FoundId[] {
  let index = recoveredIndexes.get(model);
  if (index) return index;
  const all: FoundId[] = [];
  for (const entity of [...model.partners, ...model.customers]) {
    if (entity.id?.node.range) all.push({ id: entity.id.value, node: entity.id.node, entity });
  }
  for (const reference of model.references) {
    if (reference.node.range) all.push({ id: reference.value, node: reference.node, entity: reference.target, reference });
  }
  const start = (found: FoundId) => found.node.range![0];
  all.sort((a, b) => start(a) - start(b));
  index = all.filter((found, i) => i === 0 || start(found) !== start(all[i - 1]));
  recoveredIndexes.set(model, index);
  return index;
}

/** Markdown: kind and place, MPA, what the entity transacts, and how many findings sit on it. */
function entitySummary(result: CheckResult, model: Model, entity: Entity): string {
  const locale = result.locale;
  const id = entity.id?.value ?? '';
  const parts = [entity.name ? `${code(id)} · **${escape(entity.name)}**` : code(id)];
  const kind =
    entity.kind === 'customer'
      ? 'lsp.hover.customer'
      : (`lsp.hover.type.${entity.type && isPartnerType(entity.type) ? entity.type : 'unknown'}` as const);
  parts.push(`${message(locale, kind)} · ${place(locale, entity)}`);
  if (entity.kind === 'partner') parts.push(...partnerLines(locale, model, entity));
  else parts.push(...customerLines(locale, entity));
  if (model === result.model) {
    const findings = result.findings.filter((f) => within(f.data?.path, entity.path)).length;
    if (findings > 0) parts.push(message(locale, 'lsp.hover.findings', { count: findings }));
  }
  return parts.join('\n\n');
}

function partnerLines(locale: Locale, model: Model, partner: Partner): string[] {
  const lines: string[] = [];
  const { accepted, acceptedOn } = partner.mpa;
  if (accepted?.value === true)
    lines.push(
      acceptedOn
        ? message(locale, 'lsp.hover.mpa-accepted', { date: acceptedOn.value })
        : message(locale, 'lsp.hover.mpa-accepted-undated'),
    );
  else lines.push(message(locale, 'lsp.hover.mpa-not-accepted'));
  const usage = usageOf(model, partner);
  const sold = usage.sells;
  const provided = usage.provides;
  const customers = new Set([...sold, ...provided].map((s) => s.customer)).size;
  lines.push(message(locale, 'lsp.hover.partner-usage', { sold: sold.length, provided: provided.length, customers }));
  if (partner.type === 'indirect-provider')
    lines.push(message(locale, 'lsp.hover.resellers', { count: resellersOf(model, partner).length }));
  return lines;
}

function customerLines(locale: Locale, customer: Customer): string[] {
  return [message(locale, 'lsp.hover.subscriptions', { count: customer.subscriptions.length })];
}

/** `FR (France) · CSP region europe`, or why there is no region. */
function place(locale: Locale, entity: Entity): string {
  const country = entity.country?.value;
  if (country === undefined) return message(locale, 'lsp.hover.no-country');
  const m = market(country);
  return m
    ? message(locale, 'lsp.hover.location', { country, countryName: m.name, region: m.region })
    : message(locale, 'lsp.hover.not-market', { country: escape(country) });
}

/** Markdown for a `country` value: the market, its CSP region and currency, and where the table read it. */
function countrySummary(locale: Locale, written: string): string {
  const m = market(written);
  if (!m) {
    // In the words of the `unknown-country` rule.
    return `**${escape(written)}**\n\n${keyedMessage(locale, notAMarketMessage(written, escape(written)))}`;
  }
  return [
    `**${m.iso2}** · ${escape(m.name)}`,
    m.currency
      ? message(locale, 'lsp.hover.market', { region: m.region, currency: m.currency })
      : message(locale, 'lsp.hover.market-no-currency', { region: m.region }),
    message(locale, 'lsp.hover.source', { url: m.source }),
  ].join('\n\n');
}

function within(path: (string | number)[] | undefined, prefix: (string | number)[]): boolean {
  return path !== undefined && path.length >= prefix.length && prefix.every((segment, i) => path[i] === segment);
}

/** Text shown as itself in markdown. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, '\\$&');
}

function code(text: string): string {
  return text.includes('`') || text === '' ? escape(text) : `\`${text}\``;
}
