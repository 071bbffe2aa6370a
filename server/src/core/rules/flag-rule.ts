import type { PartnerType } from '../model';
import { entityAt, idOf, transacts } from '../queries';
import { confirmFlagsEdits } from './helpers';
import { defineRule, entityAnchor, Rule, RuleDefinition } from './rule';

/** The metadata of a requirement rule that its own file declares; the rest follows from the shared check and fixes. */
type OwnMetadata = Pick<RuleDefinition, 'id' | 'scenarios' | 'blocksEverySaleOf'>;

interface FlagRequirement extends OwnMetadata {
  /** Its id is also the key of its message. */
  id: 'reseller-onboarding-incomplete' | 'direct-bill-requirements';
  appliesTo: PartnerType;
  block: 'onboarding' | 'directBill';
  flags: readonly string[];
}

/**
 * The shape shared by the requirement rules: a transacting partner of one type must have every flag
 * of one block set to true. Reported on the first flag that is false, else on the block key, else on the id.
 */
export function flagRule(requirement: FlagRequirement): Rule {
  const { id, appliesTo, block, flags } = requirement;
  return defineRule({
    id,
    scenarios: requirement.scenarios,
    blocksEverySaleOf: requirement.blocksEverySaleOf,
    // "Confirm <flags>" records that the partner completed its onboarding: a person must know it did.
    confirmFixes: ['fix.insert-flags'],
    dependsOn: ['partner', 'subscription', 'references'],
    severity: 'error',
    category: 'program',
    checkPartner(partner, { model, report }) {
      if (partner.type !== appliesTo) return;
      const blockNode = partner[block].node;
      if (partner.node.has(block) && !blockNode) return; // malformed block: the schema's finding
      const values = partner[block] as unknown as Record<string, boolean | undefined>;
      if (flags.some((flag) => blockNode?.has(flag) && values[flag] === undefined)) return; // malformed flag
      const missing = flags.filter((flag) => values[flag] !== true);
      if (missing.length === 0 || !transacts(model, partner).yes) return;
      const falseFlag = missing.find((flag) => blockNode?.has(flag));
      const node = falseFlag ? blockNode!.value(falseFlag) : blockNode ? partner.node.key(block) : entityAnchor(partner);
      report({
        node,
        path: partner.path,
        key: id,
        args: { partner: idOf(partner), missing: missing.map((flag) => `${block}.${flag}`).join(', ') },
        data: { missing },
      });
    },
    fixes(finding, context) {
      const { model, title } = context;
      const partner = entityAt(model, finding.data!.path);
      const missing = finding.data?.missing as string[] | undefined;
      if (partner?.kind !== 'partner' || !missing) return [];
      const edits = confirmFlagsEdits(context, partner, block, missing);
      const names = missing.map((flag) => `${block}.${flag}`).join(', ');
      return edits ? [{ id: 'fix.insert-flags', title: title('fix.insert-flags', { flags: names }), edits, isPreferred: true }] : [];
    },
  });
}
