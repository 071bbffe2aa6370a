import { insertIntoMap, overrideBlock, overrideEntries, setKey } from '../edits';
import { viewOf } from '../merge';
import type { Fix } from '../finding';
import type { TextEdit } from '../text';
import type { Model, Partner } from '../model';
import { entityAt, idOf, transacts, usageOf } from '../queries';
import { MPA_REQUIRED_FROM } from './helpers';
import { defineRule, entityAnchor } from './rule';

/** A partner that transacts has not accepted the Microsoft Partner Agreement. */
export const mpaNotAccepted = defineRule({
  id: 'mpa-not-accepted',
  // Records a claim about the real world; the proposed date is selected for the user to confirm.
  confirmFixes: ['fix.insert-mpa'],
  scenarios: [1],
  blocksEverySaleOf: ['partner'],
  dependsOn: ['partner', 'subscription', 'references'],
  severity: 'error',
  category: 'program',
  checkPartner(partner, { model, report }) {
    const { mpa } = partner;
    if (mpa.accepted?.value === true) return;
    // A malformed `mpa` or `accepted` is the schema's finding; this rule stays silent then.
    if ((partner.node.has('mpa') && !mpa.node) || (mpa.node?.has('accepted') && !mpa.accepted)) return;
    const { yes, first } = transacts(model, partner);
    if (!yes) return;
    const anchor = mpa.accepted ?? { node: entityAnchor(partner), path: partner.id?.path ?? partner.path };
    // Where it transacts: its first subscription, else (a linked reseller) its providers list.
    const where = first ? (first.id?.node ?? first.node.node) : partner.providersNode;
    // Say what the manifest lacks: the block, its `accepted`, or a `true` (not what the value should be).
    const state = !mpa.node ? 'mpa-not-accepted.no-mpa' : mpa.accepted ? 'mpa-not-accepted.false' : 'mpa-not-accepted.no-accepted';
    report({
      node: anchor.node,
      path: partner.path,
      key: 'mpa-not-accepted',
      args: { partner: idOf(partner), state: { key: state } },
      related: where ? [{ node: where, key: 'mpa-not-accepted.related', args: { partner: idOf(partner) } }] : [],
    });
  },
  fixes(finding, { model, parsed, syntax, title, today }) {
    const partner = entityAt(model, finding.data!.path);
    if (partner?.kind !== 'partner') return [];
    const proposed = latestPossibleAcceptance(model, partner, today);
    // The title shows the date the manifest will hold: an acceptedOn already written is kept.
    const date = partner.mpa.acceptedOn?.value ?? proposed;
    const fix = (edits: (TextEdit | undefined)[], select?: Fix['select']): Fix[] =>
      edits.every((e) => e)
        ? [{ id: 'fix.insert-mpa', title: title('fix.insert-mpa', { date }), edits: edits as TextEdit[], isPreferred: true, select }]
        : [];
    const selectDate = (edit: number, text: string): Fix['select'] => ({
      edit,
      start: text.length - proposed.length,
      length: proposed.length,
    });
    // The partner accepts for itself: its own entry is edited, never a shared record (docs/merge-keys.md).
    const partnerNode = syntax.ownMap(partner);
    if (!partnerNode) return [];
    if (!partner.mpa.node) {
      const inserted = insertIntoMap(parsed, partnerNode, ['mpa:', '  accepted: true', `  acceptedOn: ${proposed}`]);
      return inserted ? fix([inserted.edit], selectDate(0, inserted.edit.newText)) : [];
    }
    const mpaNode = syntax.ownMap(partner, 'mpa');
    if (!mpaNode) {
      // `mpa` comes from a shared record (a merge, or an alias): an override for this partner alone.
      const lines = overrideEntries(parsed, syntax.map(partner, 'mpa'), { accepted: 'true', acceptedOn: date });
      const edit = lines && overrideBlock(parsed, partnerNode, 'mpa', lines);
      const at = edit && partner.mpa.acceptedOn === undefined ? edit.newText.lastIndexOf(proposed) : -1;
      return edit ? fix([edit], at >= 0 ? { edit: 0, start: at, length: proposed.length } : undefined) : [];
    }
    // Written here: `accepted` set (an override when it is merged), `acceptedOn` added unless it is there (merged or not).
    const hasDate = viewOf(mpaNode).entry('acceptedOn') !== undefined;
    const edits = [setKey(parsed, mpaNode, 'accepted', 'true')];
    if (!hasDate) edits.push(insertIntoMap(parsed, mpaNode, [`acceptedOn: ${proposed}`], 'accepted')?.edit);
    const last = edits[edits.length - 1];
    return fix(edits, hasDate || !last ? undefined : selectDate(edits.length - 1, last.newText));
  },
});

/**
 * The date the fix proposes (selected, for the user to correct): today, or the partner's earliest
 * order date when that is earlier, since Partner Center blocks orders of a partner without the MPA
 * (so "today" would be a date the manifest's own orders contradict).
 */
function latestPossibleAcceptance(model: Model, partner: Partner, today: string): string {
  const usage = usageOf(model, partner);
  const dates = [...usage.sells, ...usage.provides]
    .map((s) => s.orderedOn?.value)
    .filter((d): d is string => d !== undefined && d >= MPA_REQUIRED_FROM);
  return dates.reduce((earliest, d) => (d < earliest ? d : earliest), today);
}
