// Snippets: whole entries (a partner of each type, a customer, a subscription by each path), offered as
// completions where a new list item starts. They come from the server, not from a contributed snippets
// file, so that they speak the user's language and fill in what the manifest already says: ids not yet
// taken, the country most entries use, the partners a reference may name (those of the region first).
// Every suggested value is valid as it stands; a flag that states a fact (MPA accepted, onboarding done)
// is a choice the user tabs through, never a silent `true`.
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import { todayString } from '../core/check';
import type { Model, PartnerType } from '../core/model';
import { regionOf } from '../core/regions';
import { Locale, message, MessageKey } from '../messages';
import { yamlBlock } from './merges';

/** The catalogue's words for snippets (none has a placeholder). */
type SnippetKey = Extract<MessageKey, `lsp.snippet.${string}`>;

/** The lists whose new items get snippets, by the schema name of their items. */
export type EntryKind = 'partner' | 'customer' | 'subscription';

/** Where the snippet goes: the range it replaces and how it is laid out there. */
export interface SnippetSite {
  kind: EntryKind;
  range: Range;
  /** True when the line has no `- ` yet: the snippet writes it. */
  withDash: boolean;
  /** Spaces the snippet's later lines need before the entry's keys, beyond the line's own indentation (the editor adds that). */
  pad: number;
  /** For a subscription: the customer it is written in (its id and country, as typed). */
  customer?: { id?: string; country?: string };
}

/** A piece of a value: literal text, a placeholder with its suggested text, or a choice (the first suggested). */
type Piece = string | { placeholder: string } | { choices: readonly string[] };

/** One line of an entry: a key at a depth (2 spaces each), opening a list item when `dash` is set. */
interface Line {
  depth: number;
  key: string;
  value?: Piece[];
  dash?: boolean;
}

const placeholder = (text: string): Piece => ({ placeholder: text });
/** A choice; a single option is a placeholder, none leaves the value to the user. */
const choice = (options: readonly string[]): Piece => (options.length > 1 ? { choices: options } : placeholder(options[0] ?? ''));
const FLAG: Piece = { choices: ['true', 'false'] };

/** Completion items for a new entry of the list at `site`. */
export function entrySnippets(model: Model, locale: Locale, site: SnippetSite): CompletionItem[] {
  const facts = new Facts(model, locale);
  const snippets: { key: SnippetKey; filter: string; lines: Line[] }[] = [];
  if (site.kind === 'partner') {
    for (const type of ['indirect-provider', 'indirect-reseller', 'direct-bill'] as const)
      snippets.push({ key: `lsp.snippet.${type}`, filter: `${type} partner`, lines: partnerLines(facts, type) });
  } else if (site.kind === 'customer') {
    snippets.push({ key: 'lsp.snippet.customer', filter: 'customer', lines: customerLines(facts) });
  } else {
    const customer = site.customer ?? {};
    const taken = facts.subscriptionIds(customer.id);
    for (const path of subscriptionPaths(facts, customer.country))
      snippets.push({ key: path.key, filter: `subscription ${path.filter}`, lines: subscriptionLines(facts, path, taken, 0) });
  }
  return snippets.map((snippet, i) => {
    const body = render(snippet.lines, site);
    return {
      label: message(locale, snippet.key),
      kind: CompletionItemKind.Snippet,
      detail: message(locale, 'lsp.snippet.detail'),
      documentation: { kind: MarkupKind.Markdown, value: `${message(locale, 'lsp.snippet.documentation')}\n\n${yamlBlock(body.preview)}` },
      filterText: snippet.filter,
      // Before the keys: at an empty entry, a whole entry is what is most often wanted.
      sortText: ` ${i}`,
      textEdit: { range: site.range, newText: body.snippet },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
    };
  });
}

/** What the manifest already says that the snippets fill in. */
class Facts {
  readonly today = todayString();
  private readonly partnerCountry: string;

  constructor(
    readonly model: Model,
    readonly locale: Locale,
  ) {
    this.partnerCountry = mostCommon(model.partners.map((p) => p.country?.value)) ?? (locale === 'ja' ? 'JP' : 'US');
  }

  /** The country a new partner most likely has: the one most partners have. */
  countryOfPartner(): string {
    return this.partnerCountry;
  }

  /** The country a new customer most likely has: the one most customers have, else the partners'. */
  countryOfCustomer(): string {
    return mostCommon(this.model.customers.map((c) => c.country?.value)) ?? this.partnerCountry;
  }

  /** `base`, or `base-2`, `base-3`... : the first id no partner or customer has. */
  freeId(base: string): string {
    return firstFree(base, (id) => this.model.byId.has(id));
  }

  /** The subscription ids of a customer (by its id as typed). */
  subscriptionIds(customerId: string | undefined): Set<string> {
    const customer = customerId === undefined ? undefined : this.model.byId.get(customerId);
    return new Set(customer?.kind === 'customer' ? customer.subscriptions.map((s) => s.id?.value).filter((id) => id !== undefined) : []);
  }

  /** A location PartnerID no partner has (digits, a placeholder to replace). */
  freePartnerId(): string {
    const taken = new Set(this.model.partners.map((p) => p.partnerId?.value));
    let n = 1000001;
    while (taken.has(String(n))) n++;
    return String(n);
  }

  /**
   * Partners of some types that may serve `region` (all of them when it is not known), `first` first, then
   * by id. A partner of another region would be a cross-region link: it is never suggested.
   */
  partnersOf(types: readonly PartnerType[], region: string | undefined, first: readonly string[] = []): string[] {
    const found = new Set<string>();
    for (const p of this.model.partners) {
      const id = p.id?.value;
      if (id !== undefined && p.type !== undefined && types.includes(p.type) && (region === undefined || p.region === region))
        found.add(id);
    }
    const rank = (id: string) => (first.includes(id) ? 0 : 1);
    return [...found].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** The value most entries have (the first seen among equals); undefined when none has one. */
function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const value of values) {
    if (value === undefined || !regionOf(value)) continue;
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    if (best === undefined || n > counts.get(best)!) best = value;
  }
  return best;
}

function firstFree(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

const PARTNER_DEFAULTS: Record<PartnerType, { id: string; name: SnippetKey }> = {
  'indirect-provider': { id: 'new-provider', name: 'lsp.snippet.name.indirect-provider' },
  'indirect-reseller': { id: 'new-reseller', name: 'lsp.snippet.name.indirect-reseller' },
  'direct-bill': { id: 'new-direct-bill', name: 'lsp.snippet.name.direct-bill' },
};

function partnerLines(facts: Facts, type: PartnerType): Line[] {
  const id = facts.freeId(PARTNER_DEFAULTS[type].id);
  const country = facts.countryOfPartner();
  const lines: Line[] = [
    { depth: 0, key: 'id', value: [placeholder(id)] },
    { depth: 0, key: 'name', value: [placeholder(message(facts.locale, PARTNER_DEFAULTS[type].name))] },
    { depth: 0, key: 'type', value: [type] },
    { depth: 0, key: 'partnerId', value: ['"', placeholder(facts.freePartnerId()), '"'] },
    { depth: 0, key: 'tenant', value: [placeholder(`${id}.onmicrosoft.com`)] },
    { depth: 0, key: 'country', value: [placeholder(country)] },
    { depth: 0, key: 'mpa' },
    { depth: 1, key: 'accepted', value: [FLAG] },
    { depth: 1, key: 'acceptedOn', value: [placeholder(facts.today)] },
  ];
  if (type === 'indirect-reseller') {
    lines.push(
      { depth: 0, key: 'onboarding' },
      { depth: 1, key: 'aiCloudPartnerProgram', value: [FLAG] },
      { depth: 1, key: 'registeredAsIndirectReseller', value: [FLAG] },
    );
    const providers = facts.partnersOf(['indirect-provider'], regionOf(country));
    if (providers.length) lines.push({ depth: 0, key: 'providers', value: ['[', choice(providers), ']'] });
  }
  if (type === 'direct-bill') {
    lines.push(
      { depth: 0, key: 'directBill' },
      { depth: 1, key: 'apiIntegration', value: [FLAG] },
      { depth: 1, key: 'billingAndSupport', value: [FLAG] },
      { depth: 1, key: 'securityCompliance', value: [FLAG] },
    );
  }
  return lines;
}

function customerLines(facts: Facts): Line[] {
  const id = facts.freeId('new-customer');
  const country = facts.countryOfCustomer();
  const lines: Line[] = [
    { depth: 0, key: 'id', value: [placeholder(id)] },
    { depth: 0, key: 'name', value: [placeholder(message(facts.locale, 'lsp.snippet.name.customer'))] },
    { depth: 0, key: 'tenant', value: [placeholder(`${id}.onmicrosoft.com`)] },
    { depth: 0, key: 'country', value: [placeholder(country)] },
  ];
  // With its first subscription, by the path the manifest's partners allow.
  const [path] = subscriptionPaths(facts, country);
  lines.push({ depth: 0, key: 'subscriptions' }, ...subscriptionLines(facts, path, new Set(), 2));
  return lines;
}

/** How a new subscription is bought: through a reseller and its provider, from a direct-bill partner, or not said yet. */
interface SubscriptionPath {
  key: SnippetKey;
  filter: string;
  soldBy?: string[];
  provider?: string[];
}

function subscriptionPaths(facts: Facts, country: string | undefined): SubscriptionPath[] {
  const region = regionOf(country);
  const paths: SubscriptionPath[] = [];
  const resellers = facts.partnersOf(['indirect-reseller'], region);
  if (resellers.length) {
    // The providers of the first reseller first: the path as suggested is one the manifest supports.
    const linked = facts.model.byId.get(resellers[0]);
    const providers = facts.partnersOf(
      ['indirect-provider'],
      region,
      linked?.kind === 'partner' ? linked.providers.map((r) => r.value) : [],
    );
    if (providers.length)
      paths.push({ key: 'lsp.snippet.subscription-indirect', filter: 'indirect-reseller', soldBy: resellers, provider: providers });
  }
  const direct = facts.partnersOf(['direct-bill'], region);
  if (direct.length) paths.push({ key: 'lsp.snippet.subscription-direct-bill', filter: 'direct-bill', soldBy: direct });
  if (!paths.length) paths.push({ key: 'lsp.snippet.subscription', filter: '' });
  return paths;
}

/** A subscription at `depth` (its `- ` two spaces left of its keys). */
function subscriptionLines(facts: Facts, path: SubscriptionPath, taken: Set<string>, depth: number): Line[] {
  const lines: Line[] = [
    { depth, dash: depth > 0, key: 'id', value: [placeholder(firstFree('new-subscription', (id) => taken.has(id)))] },
    { depth, key: 'offer', value: [placeholder(OFFER)] },
    { depth, key: 'kind', value: [choice(['license', 'azure', 'software'])] },
  ];
  if (path.soldBy) lines.push({ depth, key: 'soldBy', value: [choice(path.soldBy)] });
  if (path.provider) lines.push({ depth, key: 'provider', value: [choice(path.provider)] });
  lines.push({ depth, key: 'orderedOn', value: [placeholder(facts.today)] });
  return lines;
}

/** A product name, the same in every language. */
const OFFER = 'Microsoft 365 Business Premium';

/** The snippet text for the site, and the entry as it reads with every suggestion taken (for the preview). */
function render(lines: Line[], site: SnippetSite): { snippet: string; preview: string } {
  let stop = 0;
  const snippet: string[] = [];
  const preview: string[] = [];
  lines.forEach((line, i) => {
    const indent = ' '.repeat(2 * line.depth - (line.dash ? 2 : 0)) + (line.dash ? '- ' : '');
    let text = `${indent}${line.key}:`;
    let shown = text;
    if (line.value) {
      text += ' ';
      shown += ' ';
      for (const piece of line.value) {
        if (typeof piece === 'string') {
          text += escapeText(piece);
          shown += piece;
        } else if ('placeholder' in piece) {
          text += `\${${++stop}:${escapeText(piece.placeholder)}}`;
          shown += piece.placeholder;
        } else {
          text += `\${${++stop}|${piece.choices.map(escapeChoice).join(',')}|}`;
          shown += piece.choices[0];
        }
      }
    }
    // The first line continues the line being typed; the editor indents the others as that line is.
    const lead = i === 0 ? (site.withDash ? '- ' : '') : ' '.repeat(site.pad);
    snippet.push(lead + text);
    preview.push((i === 0 ? '- ' : '  ') + shown);
  });
  return { snippet: snippet.join('\n'), preview: preview.join('\n') };
}

/** Text outside a placeholder, or a placeholder's default: `$`, `}` and `\` are escaped. */
const escapeText = (text: string) => text.replace(/[$}\\]/g, '\\$&');
/** An option of a choice: `,`, `|` and `\` are escaped. */
const escapeChoice = (text: string) => text.replace(/[,|\\]/g, '\\$&');
