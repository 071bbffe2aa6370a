import type { Keyed, MessageArg, MessageKey, Translate } from '../../messages';
import type { Node, YAMLMap } from 'yaml';
import type { Indexes } from '../checker';
import type { Finding, Fix, FindingData, Severity } from '../finding';
import type { Loc, Located } from '../loc';
import type { Locale } from '../../messages';
import type { Customer, Entity, Model, Partner, Path, Subscription } from '../model';
import type { ScenarioNumber } from '../scenarios';
import type { ParsedText } from '../parse';
import type { Range } from '../text';

export type Category = 'structure' | 'program' | 'paths' | 'regions' | 'own-use';

/** Message arguments of a report; a Loc stands for its 1-based line, worked out when the message is written. */
export type ReportArgs = Record<string, MessageArg | Loc>;

/** A report: the message catalogue key and its arguments (typed by the template), and where. */
export type Report = ReportPlace & Keyed<MessageArg | Loc>;

export interface ReportPlace {
  /** The place a person would edit (or, for text-level findings, a range). */
  node?: Located;
  range?: Range;
  related?: ({ node: Located } & Keyed)[];
  /** Extra data for the quick fixes; `path` is added from the reported node's path. */
  data?: Omit<FindingData, 'path'> & { path?: FindingData['path'] };
  path: FindingData['path'];
  /** When the rule's severity depends on the case (`mpa-after-order`). */
  severity?: Severity;
}

/** What a rule sees while it checks one partner or one customer. */
export interface UnitContext {
  readonly model: Model;
  /** Lookups of other entities; every lookup is noted so the unit runs again when its answer may change. */
  readonly indexes: Indexes;
  readonly report: (report: Report) => void;
}

/** Syntax trees of single entries, parsed again when a fix needs to edit them (ranges are offsets in the whole text). */
export interface SyntaxAccess {
  /** The node at a JSON path (keys and list indexes), aliases followed. */
  at(path: Path): Node | undefined;
  /** The key node of the last segment of `path`. */
  keyAt(path: Path): Node | undefined;
  /** The mapping of an entity, of one of its blocks, or of a subscription (merges and aliases followed). */
  map(of: Entity | Subscription, key?: string): YAMLMap | undefined;
  /**
   * The same mapping when it is written in its entry (reached without a merge or an alias: a value set
   * there changes this entry alone); undefined when it is shared. See docs/merge-keys.md.
   */
  ownMap(of: Entity | Subscription, key?: string): YAMLMap | undefined;
}

export interface FixContext {
  readonly model: Model;
  readonly parsed: ParsedText;
  readonly syntax: SyntaxAccess;
  readonly locale: Locale;
  /** YYYY-MM-DD, for fixes that record a date. */
  readonly today: string;
  /** A localized fix title. */
  readonly title: Translate;
}

export interface Rule extends RuleMetadata {
  id: string;
  severity: Severity;
  category: Category;
  /** Reports about one partner: places in its entry (and related places anywhere). */
  checkPartner?(partner: Partner, context: UnitContext): void;
  /** Reports about one customer and its subscriptions. */
  checkCustomer?(customer: Customer, context: UnitContext): void;
  fixes?(finding: Finding, context: FixContext): Fix[];
}

/** Where to point at an entity as a whole: its id, else its first key. */
export function entityAnchor(entity: Entity): Loc {
  return entity.id?.node ?? entity.node.firstKey ?? entity.node.node;
}

/**
 * What a rule's check reads, for incremental invalidation: after an edit, only the rules that read
 * something the edit changed need to run again. Closed and coarse on purpose. Fixes are not covered:
 * they are computed on demand from the current model. The region table is static and not listed.
 * - `syntax`: the YAML parser's problems. Every other rule sees the document only through the model,
 *   which is empty while the text has syntax errors.
 * - `schema`: the JSON Schema's problems, read directly. Every model-based rule already feels them
 *   through the model (a value the schema rejects is left out of it); this names only the direct readers.
 * - `partner`: fields of partner entries (id, type, tenant, partnerId, country, region, organization,
 *   mpa, onboarding, directBill, providers), and whether there is a `partners` list at all.
 * - `customer`: fields of customer entries other than their subscriptions (id, tenant, country, region,
 *   organization, owner, sharedServices).
 * - `subscription`: fields of subscriptions (id, kind, publisher, soldBy, provider, managedBy, orderedOn).
 * - `references`: which entry each soldBy, provider, providers, managedBy and owner names, and whether
 *   that is a partner or a customer; it changes whenever an id is added, removed or renamed.
 * - `line-numbers`: the lines entries sit on, for messages that quote a line number.
 * - `suppressions`: the `# csp-disable…` comments.
 * - `findings`: the findings of every other rule (`unused-suppression` is judged after them).
 */
export type RuleInput = (typeof RULE_INPUTS)[number];

/** Every `RuleInput`, in the order a rule's `dependsOn` lists them. */
export const RULE_INPUTS = [
  'syntax',
  'schema',
  'partner',
  'customer',
  'subscription',
  'references',
  'line-numbers',
  'suppressions',
  'findings',
] as const;

/**
 * What the checker, the editor, the CLI, the settings and the docs need to know about a rule besides its
 * id, severity and category, declared in the rule's own file through `defineRule`, which fills in what
 * most rules share. Every field of a `Rule` is present, so consumers never guess a default;
 * test/rule-metadata.test.ts checks them against each other and against the docs.
 */
export interface RuleMetadata {
  /** Message key of its one-line statement (settings, SARIF): `title.<id>`. */
  title: Extract<MessageKey, `title.${string}`>;
  /** Message key of what a finding of it means (the rule index of docs/rules/README.md): `summary.<id>`. */
  summary: Extract<MessageKey, `summary.${string}`>;
  /** Its page, from the repository root: `docs/rules/<id>.md`. */
  docs: string;
  /** False when it cannot be switched off: the setting `off` is ignored and `--rule <id>=off` rejected. */
  canBeOff: boolean;
  /** False when no `# csp-disable…` comment can silence its findings. */
  suppressible: boolean;
  /** Whether its findings offer the quick fix "Suppress <id> for this line" (only a suppressible rule's can). */
  offersSuppressFix: boolean;
  /**
   * Ids of its fixes that record a claim about the real world (the MPA was accepted, onboarding is
   * complete). `source.fixAll` never applies them: it runs with nobody looking (on save). A person applies
   * them one at a time, or all of this rule's at once with the explicit quick fix "Fix all <rule> problems".
   */
  confirmFixes: readonly string[];
  /** The scenario questions (spec §5) whose verdicts its findings decide. */
  scenarios: readonly ScenarioNumber[];
  /**
   * Where its findings count beyond the subscription they are on. `partner`: in scenario 1, a finding on a
   * partner entry counts against every subscription that partner sells or provides. `customer`: in
   * scenarios 1 and 2, a finding on a field of the customer entry itself (not within a subscription)
   * counts against every subscription of that customer. Only for rules that decide those scenarios.
   */
  blocksEverySaleOf: readonly ('partner' | 'customer')[];
  /** What its check reads (see `RuleInput`), in the order of `RULE_INPUTS`. */
  dependsOn: readonly RuleInput[];
}

/** Rule ids with both a title and a summary in the message catalogue: the ids whose message keys `defineRule` can derive. */
type DocumentedRuleId = Extract<IdsAfter<'title', MessageKey>, IdsAfter<'summary', MessageKey>>;

/** What follows `<prefix>.` in the keys that start with it. */
type IdsAfter<Prefix extends string, Key> = Key extends `${Prefix}.${infer Id}` ? Id : never;

/** Metadata that `defineRule` derives from the id or fills with the value most rules have. */
type DefaultedMetadata = Exclude<keyof RuleMetadata, 'dependsOn'>;

/**
 * A rule as its file declares it: what differs from the common case. `dependsOn` stays required: it is
 * the rule's own account of what its check reads.
 */
export type RuleDefinition = Omit<Rule, 'id' | DefaultedMetadata> &
  Partial<Pick<RuleMetadata, DefaultedMetadata>> & {
    id: DocumentedRuleId;
  };

/**
 * A complete rule from its definition. Unless given: its messages `title.<id>` and `summary.<id>` and
 * its page `docs/rules/<id>.md`; it can be off and be suppressed, offers the suppress fix when it can
 * be suppressed, lists no confirm fixes, decides no scenario and spreads no finding beyond its place.
 */
export function defineRule(definition: RuleDefinition): Rule {
  const {
    id,
    title = `title.${id}` as const,
    summary = `summary.${id}` as const,
    docs = `docs/rules/${id}.md`,
    canBeOff = true,
    suppressible = true,
    offersSuppressFix = suppressible,
    confirmFixes = [],
    scenarios = [],
    blocksEverySaleOf = [],
    ...own
  } = definition;
  // The metadata first, in the order of `RuleMetadata`, so every rule lists its fields alike.
  return { id, title, summary, docs, canBeOff, suppressible, offersSuppressFix, confirmFixes, scenarios, blocksEverySaleOf, ...own };
}
