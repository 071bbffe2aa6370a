import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { keyedMessage, Locale, message } from '../messages';
import { Customer, Entity, isPartnerType, Model, Partner } from '../core/model';
import { market } from '../core/regions';
import { notAMarketMessage } from '../core/rules/unknown-country';
import { resellersOf, usageOf } from '../core/queries';
import { inComment, Lines, linesOf, LineShape } from './half-typed-yaml';
import { aliasAt, keysFromMerges, mergeLinesOf, previewOf, yamlBlock } from './merges';
import { positionIn } from './position';
import { childSchema } from './schema-walk';
import { isMergeKeyLine, SchemaReader, SharedBlock } from './shared-blocks';
import { idUnder, usableModel } from './usable-model';
import { escapeMarkdown } from '../present/markdown';

/**
 * Hover: what a key means (its schema description, and the shared block it is written in), who an id
 * is, what market a country is, what an alias names, what a merge key brings.
 */
export function hover(_document: TextDocument, result: CheckResult, params: HoverParams): Hover | null {
  const at = positionIn(result, params.position);
  if (!at) return null;
  const lines = linesOf(result);
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
    if (found.reference)
      return markdown(message(locale, 'unknown-reference', { field: found.reference.field, id: escapeMarkdown(found.id) }), r);
  }

  const alias = aliasAt(shape, at.character);
  if (alias) {
    const text = aliasSummary(result, lines, at.offset - at.character + alias.start, alias.name);
    return text ? markdown(text, range(alias.start, alias.end)) : null;
  }

  const key = shape.key;
  if (!key) return null;
  const onKey = at.character >= key.start && at.character <= key.end;
  if (onKey && isMergeKeyLine(shape)) return markdown(mergeSummary(result, lines, at.line, shape), range(key.start, key.end));
  const chain = lines.chainOf({ line: at.line, col: key.start, kind: 'key' });
  const schemas = new SchemaReader(lines);
  const holder = chain && schemas.along(chain);
  if (!holder) return null;
  if (onKey) {
    const description = childSchema(holder, key.name)?.schema.description;
    // The key of a shared block, or a key inside one.
    const block = schemas.blockAt(at.line) ?? schemas.sharedBlockOf(chain);
    const parts = [typeof description === 'string' ? description : undefined, block && sharedNote(locale, block)].filter(Boolean);
    return parts.length ? markdown([`**${escapeMarkdown(key.name)}**`, ...parts].join('\n\n'), range(key.start, key.end)) : null;
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

/** Markdown: where the anchor an alias names is, and the first lines of its value; undefined when it names none. */
function aliasSummary(result: CheckResult, lines: Lines, offset: number, name: string): string | undefined {
  const anchored = result.anchorsBefore(offset).find((a) => a.name === name);
  if (!anchored) return undefined;
  const preview = previewOf(lines, anchored);
  return `${message(result.locale, 'lsp.hover.alias', { anchor: name, line: preview.line + 1 })}\n\n${yamlBlock(preview.yaml)}`;
}

/** Markdown for a `<<`: how a merge reads, the keys each of its sources brings, and those the mapping overrides. */
function mergeSummary(result: CheckResult, lines: Lines, line: number, shape: LineShape): string {
  const locale = result.locale;
  const keys = lines.siblingKeyLines(line, shape.key!.start, shape.dashes.length > 0);
  const written = new Set(keys.filter((k) => k.name !== '<<').map((k) => k.name));
  const sources = keysFromMerges(result, lines, mergeLinesOf(lines, [...keys, { name: '<<', line }])).filter((s) => s.line === line);
  const list = (names: string[]) => (names.length ? names.map(code).join(', ') : '—');
  const parts = [message(locale, 'lsp.hover.merge')];
  for (const source of sources)
    parts.push(
      message(locale, 'lsp.hover.merge-source', { anchor: source.source, keys: list(source.keys.filter((k) => !written.has(k))) }),
    );
  const overridden = sources.flatMap((s) => s.keys.filter((k) => written.has(k)));
  if (overridden.length) parts.push(message(locale, 'lsp.hover.merge-overridden', { keys: list(overridden) }));
  return parts.join('\n\n');
}

/** One line on a shared block: how many entries merge it, and where they are. */
function sharedNote(locale: Locale, block: SharedBlock): string {
  const args = { anchor: block.anchor, places: block.places.map(code).join(', ') };
  return block.count === 1
    ? message(locale, 'lsp.hover.shared-block.one', args)
    : message(locale, 'lsp.hover.shared-block.other', { ...args, count: block.count });
}

/** Markdown: kind and place, MPA, what the entity transacts, and how many findings sit on it. */
function entitySummary(result: CheckResult, model: Model, entity: Entity): string {
  const locale = result.locale;
  const id = entity.id?.value ?? '';
  const parts = [entity.name ? `${code(id)} · **${escapeMarkdown(entity.name)}**` : code(id)];
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
    : message(locale, 'lsp.hover.not-market', { country: escapeMarkdown(country) });
}

/** Markdown for a `country` value: the market, its CSP region and currency, and where the table read it. */
function countrySummary(locale: Locale, written: string): string {
  const m = market(written);
  if (!m) {
    // In the words of the `unknown-country` rule.
    return `**${escapeMarkdown(written)}**\n\n${keyedMessage(locale, notAMarketMessage(written, escapeMarkdown(written)))}`;
  }
  return [
    `**${m.iso2}** · ${escapeMarkdown(m.name)}`,
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

function code(text: string): string {
  return text.includes('`') || text === '' ? escapeMarkdown(text) : `\`${text}\``;
}
