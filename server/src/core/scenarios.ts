/**
 * The seven scenario checks of spec §5: questions a CSP partner asks of its manifest, answered from
 * the model and the rule findings of one check (no rule logic here: a verdict is "not supported"
 * exactly when an error-severity finding of the deciding rules touches the item). The answers are data:
 * whom each item is about and why, as ids and message keys; present/scenarios.ts puts them in words.
 */
import type { CheckResult } from './check';
import type { Finding } from './finding';
import type { Keyed, MessageArg } from '../messages';
import type { Customer, Partner, Path, Subscription } from './model';
import { Loc } from './loc';
import { nodeRange } from './parse';
import { rules } from './rules';
import { idOf, partnerOf, subscriptionName } from './queries';
import type { Range } from './text';

export type ScenarioNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type Verdict = 'supported' | 'not-supported' | 'not-applicable';

export interface ScenarioItem {
  subject: Subject;
  verdict: Verdict;
  reason: Reason;
  /** The rule ids that decided the verdict (the rules whose findings made it "not supported"). */
  rules: string[];
  locations: Range[];
}

export interface ScenarioResult {
  scenario: ScenarioNumber;
  items: ScenarioItem[];
}

/**
 * Whom an item is about: the manifest as a whole, a customer or partner, a subscription of a customer (in
 * scenario 1 with its way from Microsoft, in 2 with whom it is bought from, in 3 with a partner managing
 * it), or a tenant a partner owns (4). Ids as written, `?` for a missing one.
 */
export type Subject =
  | { kind: 'manifest' }
  | { kind: 'entry'; id: string }
  | { kind: 'subscription'; customer: string; subscription: string }
  | { kind: 'path'; customer: string; subscription: string; sale: Sale }
  | { kind: 'bought-from'; customer: string; subscription: string; sale: Sale | undefined }
  | { kind: 'manager'; customer: string; subscription: string; manager: string }
  | { kind: 'own-use'; partner: string; customer: string };

/**
 * How a subscription comes from Microsoft: through its provider (two-tier) and its seller, or from the
 * customer's owner buying for its Azure Partner Shared Services tenant itself (no soldBy). Ids as written.
 */
export interface Sale {
  seller: string;
  provider?: string;
  /** The seller is the owner of the customer's Azure Partner Shared Services tenant, buying for it. */
  sharedServices: boolean;
  customer: string;
}

/**
 * Why an item has its verdict: a scenario message (whose arguments may be a sale or a list of ids) with the
 * messages of findings that are only notes, or the messages of the deciding findings themselves.
 */
export type Reason = { kind: 'said'; message: ScenarioMessage; notes: string[] } | { kind: 'findings'; messages: string[] };

/** A message of the catalogue with its arguments; a `Sale` or a list of ids is put in words with it. */
export type ScenarioMessage = Keyed<MessageArg | Sale | readonly string[]>;

/** Whom a scenario is asked about; without one, scenarios 1–4 cover every customer or partner. */
export interface ScenarioSubject {
  customer?: string;
  partner?: string;
}

export const SCENARIOS: readonly ScenarioNumber[] = [1, 2, 3, 4, 5, 6, 7];

/** Which scenarios need a customer or a partner (the client asks for one). */
export function subjectKind(scenario: ScenarioNumber): 'customer' | 'partner' | undefined {
  return scenario <= 3 ? 'customer' : scenario === 4 ? 'partner' : undefined;
}

/**
 * The ids of the rules that decide a scenario, in the order of the rule list: each rule names its scenarios itself (the
 * table of docs/rules/README.md lists them; each rule's page says why).
 */
export function decidingRules(scenario: ScenarioNumber): string[] {
  return rules.filter((rule) => rule.scenarios.includes(scenario)).map((rule) => rule.id);
}

/** Partner-level findings that make every sale through that partner unsupported (scenario 1). */
const PARTNER_RULES = new Set(rules.filter((r) => r.blocksEverySaleOf.includes('partner')).map((r) => r.id));

/**
 * Customer-level findings (on the customer's tenant or shared services flag) that make every sale to that
 * customer unsupported (scenarios 1 and 2). Not `unknown-reference`/`reference-kind` on `owner`: a bad owner
 * says nothing about whom the customer buys from.
 */
const CUSTOMER_RULES = new Set(rules.filter((r) => r.blocksEverySaleOf.includes('customer')).map((r) => r.id));

export class UnknownSubjectError extends Error {
  constructor(
    readonly kind: 'customer' | 'partner',
    readonly id: string,
  ) {
    super(`${kind} ${id}`);
  }
}

/** Findings indexed by the JSON path of the entry they are about, built once per scenario run. */
class FindingIndex {
  private readonly byPrefix = new Map<string, Finding[]>();
  private readonly byPath = new Map<string, Finding[]>();
  constructor(result: CheckResult, rules: readonly string[]) {
    const wanted = new Set(rules);
    for (const finding of result.findings) {
      const path = finding.data?.path;
      if (!wanted.has(finding.rule) || !path) continue;
      // Indexed under the entry (partners/i, customers/i) and the subscription (…/subscriptions/j).
      for (const depth of [2, 4]) if (path.length >= depth) push(this.byPrefix, path.slice(0, depth).join('/'), finding);
      push(this.byPath, path.join('/'), finding);
    }
  }
  /** The findings about an entry or a subscription, and what lies under it. */
  under(path: Path): Finding[] {
    return this.byPrefix.get(path.join('/')) ?? [];
  }
  /** The findings about exactly one place (a `managedBy` entry, say). */
  at(path: Path): Finding[] {
    return this.byPath.get(path.join('/')) ?? [];
  }
}

/** Appends to the list of `key`: a list may grow to thousands, so it is never copied. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function runScenario(result: CheckResult, scenario: ScenarioNumber, subject: ScenarioSubject = {}): ScenarioResult {
  const findings = new FindingIndex(result, decidingRules(scenario));
  const customers = pick(result.model.customers, subject.customer, 'customer');
  const partners = pick(result.model.partners, subject.partner, 'partner');
  // A value merged into its entry (`<<: *defaults`) is linked where the entry merges it: in the subject's own text.
  const range = (node: Parameters<typeof nodeRange>[1]) => nodeRange(result.parsed.lines, node instanceof Loc ? (node.via ?? node) : node);
  const anchorOf = (entity: Customer | Partner) => range(entity.id?.node ?? entity.node);

  /** An item whose verdict follows from the findings: errors → not supported; else supported. */
  const decided = (subject: Subject, found: Finding[], supported: ScenarioMessage, at: (Range | undefined)[]): ScenarioItem => {
    const errors = found.filter((f) => f.severity === 'error');
    const others = found.filter((f) => f.severity !== 'error');
    const locations = [...at, ...found.map((f) => f.range)].filter((r): r is Range => r !== undefined);
    if (errors.length) {
      return {
        subject,
        verdict: 'not-supported',
        reason: { kind: 'findings', messages: unique(errors.map((f) => f.message)) },
        rules: unique(errors.map((f) => f.rule)),
        locations: unique(locations),
      };
    }
    return {
      subject,
      verdict: 'supported',
      reason: { kind: 'said', message: supported, notes: unique(others.map((f) => f.message)) },
      rules: unique(others.map((f) => f.rule)),
      locations: unique(locations),
    };
  };
  const notApplicable = (subject: Subject, message: ScenarioMessage, at: (Range | undefined)[] = []): ScenarioItem => ({
    subject,
    verdict: 'not-applicable',
    reason: { kind: 'said', message, notes: [] },
    rules: [],
    locations: at.filter((r): r is Range => r !== undefined),
  });

  /** Findings about the customer itself (its tenant), not about one of its subscriptions or its owner. */
  const aboutCustomer = (c: Customer): Finding[] =>
    findings.under(c.path).filter((f) => f.data?.path.length === 3 && CUSTOMER_RULES.has(f.rule));
  /** Findings about buying a subscription: not about who manages it (`managedBy` is scenario 3's). */
  const aboutPurchase = (s: Subscription): Finding[] => findings.under(s.path).filter((f) => f.data?.path[4] !== 'managedBy');
  /** Findings about a subscription, plus the partner-level ones of its seller and provider and the customer-level ones. */
  const aboutSubscription = (s: Subscription): Finding[] => {
    const parties = [partnerOf(s.soldBy), partnerOf(s.provider)].filter((p): p is Partner => p !== undefined);
    return [
      ...aboutPurchase(s),
      ...parties.flatMap((p) => findings.under(p.path).filter((f) => PARTNER_RULES.has(f.rule))),
      ...aboutCustomer(s.customer),
    ];
  };

  const ask: Ask = {
    result,
    scenario,
    subject,
    findings,
    customers,
    partners,
    range,
    anchorOf,
    decided,
    notApplicable,
    aboutCustomer,
    aboutPurchase,
    aboutSubscription,
  };
  return { scenario, items: ANSWERS[scenario](ask) };
}

/** One function per scenario. */
const ANSWERS: Record<ScenarioNumber, (ask: Ask) => ScenarioItem[]> = {
  1: servedEndToEnd,
  2: partnersOfCustomer,
  3: managersOfCustomer,
  4: ownUse,
  5: (ask) => everyFindingOfRule(ask, 5),
  6: (ask) => everyFindingOfRule(ask, 6),
  7: (ask) => everyFindingOfRule(ask, 7),
};

/** What every scenario function reads: the check, the subjects, the findings of its deciding rules, and helpers. */
interface Ask {
  result: CheckResult;
  scenario: ScenarioNumber;
  subject: ScenarioSubject;
  findings: FindingIndex;
  customers: Customer[];
  partners: Partner[];
  range: (node: Parameters<typeof nodeRange>[1]) => Range | undefined;
  anchorOf: (entity: Customer | Partner) => Range | undefined;
  decided: (subject: Subject, found: Finding[], supported: ScenarioMessage, at: (Range | undefined)[]) => ScenarioItem;
  notApplicable: (subject: Subject, message: ScenarioMessage, at?: (Range | undefined)[]) => ScenarioItem;
  aboutCustomer: (c: Customer) => Finding[];
  aboutPurchase: (s: Subscription) => Finding[];
  aboutSubscription: (s: Subscription) => Finding[];
}

/** 1. How is this customer served end to end? Each subscription's path, and whether it is valid. */
function servedEndToEnd(ask: Ask): ScenarioItem[] {
  const { customers, range, anchorOf, decided, notApplicable, aboutSubscription } = ask;
  const items: ScenarioItem[] = [];
  for (const customer of customers) {
    const entry: Subject = { kind: 'entry', id: idOf(customer) };
    if (customer.subscriptions.length === 0) items.push(notApplicable(entry, { key: 'scenario.1.none', args: {} }, [anchorOf(customer)]));
    for (const s of customer.subscriptions) {
      const sub = { customer: idOf(customer), subscription: subscriptionName(s) };
      const sale = saleOf(s);
      if (!sale) {
        items.push(
          notApplicable({ kind: 'subscription', ...sub }, { key: 'scenario.1.no-seller', args: {} }, [range(s.id?.node ?? s.node)]),
        );
        continue;
      }
      items.push(
        decided({ kind: 'path', ...sub, sale }, aboutSubscription(s), { key: 'scenario.1.valid', args: { chain: sale } }, [
          range(s.soldBy?.node ?? s.id?.node ?? s.node),
        ]),
      );
    }
  }
  return items;
}

/** 2. Which partners does this customer buy from? Per subscription (multipartner). */
function partnersOfCustomer(ask: Ask): ScenarioItem[] {
  const { customers, range, anchorOf, decided, notApplicable, aboutCustomer, aboutPurchase } = ask;
  const items: ScenarioItem[] = [];
  for (const customer of customers) {
    const customerFindings = aboutCustomer(customer); // tenant-level, e.g. sold-to-partner-tenant
    // The owner buys for its Azure Partner Shared Services tenant itself (no soldBy): it is the seller then.
    const sellerOf = (s: Subscription) => s.soldBy ?? sharedServicesOwner(s);
    const sellers = unique(
      customer.subscriptions.flatMap((s) => {
        const seller = sellerOf(s);
        return seller ? [seller.value] : [];
      }),
    );
    if (customer.subscriptions.length === 0)
      items.push(notApplicable({ kind: 'entry', id: idOf(customer) }, { key: 'scenario.1.none', args: {} }, [anchorOf(customer)]));
    for (const s of customer.subscriptions) {
      const seller = sellerOf(s);
      const sale: Sale | undefined = s.soldBy
        ? { seller: s.soldBy.value, provider: s.provider?.value, sharedServices: false, customer: idOf(customer) }
        : seller && { seller: seller.value, sharedServices: true, customer: idOf(customer) };
      const subject: Subject = { kind: 'bought-from', customer: idOf(customer), subscription: subscriptionName(s), sale };
      if (!seller) {
        items.push(notApplicable(subject, { key: 'scenario.1.no-seller', args: {} }, [range(s.id?.node ?? s.node)]));
        continue;
      }
      const args = { partners: sellers, count: sellers.length };
      const reason: ScenarioMessage = sellers.length > 1 ? { key: 'scenario.2.multipartner', args } : { key: 'scenario.2.single', args };
      items.push(
        decided(subject, [...aboutPurchase(s), ...customerFindings], reason, [range(s.soldBy ? s.soldBy.node : (s.id?.node ?? s.node))]),
      );
    }
  }
  return items;
}

/** 3. Who manages this customer's subscriptions? Each `managedBy` partner, with its region check. */
function managersOfCustomer(ask: Ask): ScenarioItem[] {
  const { findings, customers, range, anchorOf, decided, notApplicable } = ask;
  const items: ScenarioItem[] = [];
  for (const customer of customers) {
    const managed = customer.subscriptions.flatMap((s) => s.managedBy.map((ref) => ({ s, ref })));
    if (managed.length === 0)
      items.push(notApplicable({ kind: 'entry', id: idOf(customer) }, { key: 'scenario.3.none', args: {} }, [anchorOf(customer)]));
    for (const { s, ref } of managed) {
      const partner = partnerOf(ref);
      const own = findings.at(ref.path);
      const subject: Subject = { kind: 'manager', customer: idOf(customer), subscription: subscriptionName(s), manager: ref.value };
      // Without both regions the region check cannot be made (the bad country is reported by its own rule).
      const unplaced = [partner, customer].find((e) => e && !e.region);
      if (unplaced && !own.some((f) => f.severity === 'error')) {
        items.push(notApplicable(subject, { key: 'scenario.3.no-region', args: { entity: idOf(unplaced) } }, [range(ref.node)]));
        continue;
      }
      const reason: ScenarioMessage = { key: 'scenario.3.valid', args: { partner: ref.value, region: partner?.region ?? '?' } };
      items.push(decided(subject, own, reason, [range(ref.node)]));
    }
  }
  return items;
}

/** 4. How does this partner buy for its own use? Its owned tenants: shared services (A) or a separate tenant (B). */
function ownUse(ask: Ask): ScenarioItem[] {
  const { result, subject, findings, partners, anchorOf, decided, notApplicable } = ask;
  const items: ScenarioItem[] = [];
  const ownedBy = new Map<Partner, Customer[]>();
  for (const c of result.model.customers) {
    const owner = partnerOf(c.owner);
    if (owner) push(ownedBy, owner, c);
  }
  for (const partner of partners) {
    const owned = ownedBy.get(partner) ?? [];
    if (owned.length === 0 && subject.partner)
      items.push(
        notApplicable({ kind: 'entry', id: idOf(partner) }, { key: 'scenario.4.none', args: { partner: idOf(partner) } }, [
          anchorOf(partner),
        ]),
      );
    for (const customer of owned) {
      const option = customer.sharedServices?.value === true ? 'a' : 'b';
      const own = findings.under(customer.path).concat(customer.subscriptions.flatMap((s) => findings.under(s.path)));
      items.push(
        decided(
          { kind: 'own-use', partner: idOf(partner), customer: idOf(customer) },
          unique(own),
          { key: `scenario.4.${option}`, args: { customer: idOf(customer) } },
          [anchorOf(customer)],
        ),
      );
    }
  }
  if (items.length === 0) items.push(notApplicable({ kind: 'manifest' }, { key: 'scenario.4.nobody', args: {} }));
  return items;
}

/** 5–7. Every finding of the deciding rule (self-sale, cross-region-sale, cross-region-relationship), one item each. */
function everyFindingOfRule(ask: Ask, scenario: 5 | 6 | 7): ScenarioItem[] {
  const { result } = ask;
  const items: ScenarioItem[] = [];
  const deciding = new Set(decidingRules(scenario));
  const hits = result.findings.filter((f) => deciding.has(f.rule));
  for (const f of hits) {
    items.push({
      subject: subjectOfPath(result, f.data?.path ?? []),
      verdict: f.severity === 'error' ? 'not-supported' : 'supported',
      reason: { kind: 'findings', messages: [f.message] },
      rules: [f.rule],
      locations: [f.range, ...(f.related ?? []).map((r) => r.range)],
    });
  }
  if (hits.length === 0)
    items.push({
      subject: { kind: 'manifest' },
      verdict: 'supported',
      reason: { kind: 'said', message: { key: `scenario.${scenario}.none`, args: {} }, notes: [] },
      rules: [],
      locations: [],
    });
  return items;
}

/** "Check all scenarios": the seven, each over the whole manifest. */
export function runAllScenarios(result: CheckResult): ScenarioResult[] {
  return SCENARIOS.map((n) => runScenario(result, n));
}

function pick<T extends Customer | Partner>(list: T[], id: string | undefined, kind: 'customer' | 'partner'): T[] {
  if (id === undefined) return list;
  const found = list.filter((e) => e.id?.value === id);
  if (found.length === 0) throw new UnknownSubjectError(kind, id);
  return found;
}

/** How a subscription comes from Microsoft; undefined when nobody sells it. */
function saleOf(s: Subscription): Sale | undefined {
  const customer = idOf(s.customer);
  if (!s.soldBy) {
    // The owner buys for its Azure Partner Shared Services tenant itself.
    const owner = partnerOf(s.customer.owner);
    return s.customer.sharedServices?.value === true && owner ? { seller: idOf(owner), sharedServices: true, customer } : undefined;
  }
  return { seller: s.soldBy.value, provider: s.provider?.value, sharedServices: false, customer };
}

/** The owner of an Azure Partner Shared Services tenant, for a subscription of it with no soldBy. */
function sharedServicesOwner(s: Subscription): Customer['owner'] {
  if (s.soldBy || s.customer.sharedServices?.value !== true) return undefined;
  return partnerOf(s.customer.owner) ? s.customer.owner : undefined;
}

function subjectOfPath(result: CheckResult, path: Path): Subject {
  const list = path[0] === 'partners' ? result.model.partners : result.model.customers;
  const entity = list.find((e) => e.index === path[1]);
  if (!entity) return { kind: 'entry', id: '' };
  if (entity.kind === 'customer' && path[2] === 'subscriptions') {
    const s = entity.subscriptions.find((x) => x.index === path[3]);
    return { kind: 'subscription', customer: idOf(entity), subscription: s ? subscriptionName(s) : '?' };
  }
  return { kind: 'entry', id: idOf(entity) };
}

function unique<T>(values: T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
