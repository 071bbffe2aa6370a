// What only the rules and their fixes use: a date of the program, message keys, edit builders, related
// places. Questions asked of the model (also by the scenarios and the language server) are in ../queries.ts.
import { insertIntoMap, overrideBlock, overrideEntries, pairOf, removeKey, setKey } from '../edits';
import type { TextEdit } from '../text';
import { entityAnchor, FixContext } from './rule';
import type { Entity, Partner, PartnerType, Subscription } from '../model';
import { idOf, SalesPath } from '../queries';

/**
 * Orders before this date predate the MPA requirement ("Starting February 1, 2020", 2020 text of "How CSP partners work together",
 * https://learn.microsoft.com/en-us/partner-center/enroll/csp-supported-partner-relationships).
 */
export const MPA_REQUIRED_FROM = '2020-02-01';

/** The message key of an entity's kind: its partner type, `customer`, or `unknown`. */
export function typeKey(entity: Entity | undefined): `type.${PartnerType | 'customer' | 'unknown'}` {
  if (!entity) return 'type.unknown';
  if (entity.kind === 'customer') return 'type.customer';
  return entity.type ? `type.${entity.type}` : 'type.unknown';
}

/**
 * Edits that make `subscription` go through `path`: soldBy set, provider set or removed, in the
 * subscription's own mapping (an override of a merged value; a merged provider cannot be removed).
 */
export function salesPathEdits({ parsed, syntax }: FixContext, subscription: Subscription, path: SalesPath): TextEdit[] | undefined {
  const map = syntax.ownMap(subscription);
  if (!map) return undefined;
  const edits: (TextEdit | undefined)[] = [setKey(parsed, map, 'soldBy', path.seller.id!.value)];
  if (path.provider) edits.push(setKey(parsed, map, 'provider', path.provider.id!.value, 'soldBy'));
  else if (subscription.node.has('provider')) edits.push(removeKey(parsed, map, 'provider'));
  return edits.every((e) => e !== undefined) ? edits : undefined;
}

/**
 * Edits that set boolean flags of a block (`onboarding`, `directBill`) to true: a false value is
 * replaced, a missing key inserted, a missing block inserted whole; a block shared with other entries
 * (merged, or an alias) is written anew in the partner's own entry, with the flags set.
 */
export function confirmFlagsEdits(
  { parsed, syntax }: FixContext,
  partner: Partner,
  block: 'onboarding' | 'directBill',
  missing: string[],
): TextEdit[] | undefined {
  const partnerNode = syntax.ownMap(partner);
  if (!partnerNode) return undefined;
  if (!partner[block].node) {
    if (partner.node.has(block)) return undefined;
    const inserted = insertIntoMap(parsed, partnerNode, [`${block}:`, ...missing.map((flag) => `  ${flag}: true`)]);
    return inserted && [inserted.edit];
  }
  const blockNode = syntax.ownMap(partner, block);
  if (!blockNode) {
    const lines = overrideEntries(parsed, syntax.map(partner, block), Object.fromEntries(missing.map((flag) => [flag, 'true'])));
    const edit = lines && overrideBlock(parsed, partnerNode, block, lines);
    return edit && [edit];
  }
  const edits: (TextEdit | undefined)[] = [];
  const toInsert: string[] = [];
  for (const flag of missing) {
    // Written here: replaced; merged or missing: inserted (an override of a merged flag).
    if (pairOf(blockNode, flag)) edits.push(setKey(parsed, blockNode, flag, 'true'));
    else toInsert.push(`${flag}: true`);
  }
  if (toInsert.length) edits.push(insertIntoMap(parsed, blockNode, toInsert)?.edit);
  return edits.every((e) => e !== undefined) ? edits : undefined;
}

/** Related location: where an entity is and which region that makes it. */
export function regionNote(entity: Entity) {
  return {
    node: entityAnchor(entity),
    key: 'region.related' as const,
    args: { entity: idOf(entity), country: entity.country?.value ?? '', region: entity.region ?? '' },
  };
}
