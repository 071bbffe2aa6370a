import { insertIntoMap, setKey } from '../edits';
import type { Fix } from '../finding';
import type { TextEdit } from '../text';
import { entityAt, idOf, transacts } from './helpers';
import { entityAnchor, Rule } from './rule';

/** A partner that transacts has not accepted the Microsoft Partner Agreement. */
export const mpaNotAccepted: Rule = {
  id: 'mpa-not-accepted',
  severity: 'error',
  category: 'program',
  check({ model, report }) {
    for (const partner of model.partners) {
      const { mpa } = partner;
      if (mpa.accepted?.value === true) continue;
      // A malformed `mpa` or `accepted` is the schema's finding; this rule stays silent then.
      if ((partner.node.has('mpa') && !mpa.node) || (mpa.node?.has('accepted') && !mpa.accepted)) continue;
      const { yes, first } = transacts(model, partner);
      if (!yes) continue;
      const anchor = mpa.accepted ?? { node: entityAnchor(partner), path: partner.id?.path ?? partner.path };
      // Where it transacts: its first subscription, else (a linked reseller) its providers list.
      const where = first ? first.id?.node ?? first.node : partner.providersNode;
      report({
        node: anchor.node, path: partner.path, key: 'mpa-not-accepted', args: { partner: idOf(partner) },
        related: where ? [{ node: where, key: 'mpa-not-accepted.related', args: { partner: idOf(partner) } }] : [],
      });
    }
  },
  fixes(finding, { model, parsed, title, today }) {
    const partner = entityAt(model, finding.data!.path);
    if (partner?.kind !== 'partner') return [];
    // The title shows the date the manifest will hold: an acceptedOn already written is kept.
    const date = partner.mpa.acceptedOn?.value ?? today;
    const fix = (edits: (TextEdit | undefined)[], select?: Fix['select']): Fix[] =>
      edits.every((e) => e) ? [{ id: 'fix.insert-mpa', title: title('fix.insert-mpa', { date }), edits: edits as TextEdit[], isPreferred: true, select }] : [];
    const mpaNode = partner.mpa.node;
    if (!mpaNode) {
      const inserted = insertIntoMap(parsed, partner.node, ['mpa:', '  accepted: true', `  acceptedOn: ${today}`]);
      if (!inserted) return [];
      const text = inserted.edit.newText;
      return fix([inserted.edit], { edit: 0, start: text.length - today.length, length: today.length });
    }
    const edits = [setKey(parsed, mpaNode, 'accepted', 'true')];
    if (!mpaNode.has('acceptedOn')) edits.push(insertIntoMap(parsed, mpaNode, [`acceptedOn: ${today}`], 'accepted')?.edit);
    const last = edits[edits.length - 1];
    return fix(edits, mpaNode.has('acceptedOn') || !last ? undefined : { edit: edits.length - 1, start: last.newText.length - today.length, length: today.length });
  },
};
