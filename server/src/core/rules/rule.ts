import type { MessageArgs } from '../messages';
import type { Node } from 'yaml';
import type { Finding, Fix, FindingData, Severity } from '../finding';
import type { Locale } from '../messages';
import type { Entity, Model } from '../model';
import type { ParsedText } from '../parse';
import type { SchemaProblem } from '../schema';
import type { Range } from '../text';

export type Category = 'structure' | 'program' | 'paths' | 'regions' | 'own-use';

export interface Report {
  /** The node a person would edit (or, for text-level findings, a range). */
  node?: Node;
  range?: Range;
  /** Message catalogue key and its arguments. */
  key: string;
  args: MessageArgs;
  related?: { node: Node; key: string; args: MessageArgs }[];
  /** Extra data for the quick fixes; `path` is added from the reported node's path. */
  data?: Omit<FindingData, 'path'> & { path?: FindingData['path'] };
  path: FindingData['path'];
  /** When the rule's severity depends on the case (`mpa-after-order`). */
  severity?: Severity;
}

export interface RuleContext {
  readonly model: Model;
  readonly parsed: ParsedText;
  readonly schemaProblems: readonly SchemaProblem[];
  report(report: Report): void;
}

export interface FixContext {
  readonly model: Model;
  readonly parsed: ParsedText;
  readonly locale: Locale;
  /** YYYY-MM-DD, for fixes that record a date. */
  readonly today: string;
  /** A localized fix title. */
  title(key: string, args?: MessageArgs): string;
}

export interface Rule {
  id: string;
  severity: Severity;
  category: Category;
  /** Absent only for findings produced by a pipeline stage rather than a rule (unused suppressions). */
  check?(context: RuleContext): void;
  fixes?(finding: Finding, context: FixContext): Fix[];
}

/** "partner" or "customer" id of an entity for messages, never undefined. */
export function idOf(entity: Entity | undefined): string {
  return entity?.id?.value ?? '?';
}

/** Where to point at an entity as a whole: its id, else its first key. */
export function entityAnchor(entity: Entity): Node {
  return (entity.id?.node ?? entity.node.items[0]?.key ?? entity.node) as Node;
}
