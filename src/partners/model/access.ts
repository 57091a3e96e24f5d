import type { Decision } from '../../kernel/access/policy.js';
import type { Principal } from '../../kernel/access/principal.js';

/**
 * Who may change a partnership: its own coordinators only. A coordinator is a user with the
 * partnership_coordinator role who is linked to the partnership (partnership_coordinators) or who belongs to the
 * agency recorded as its coordinating agency. The route permission lets every coordinator reach the edit pages;
 * this record rule decides which partnership.
 */
export const PARTNERSHIP_RULE = 'partnership-coordinator';
export const PARTNERSHIP_RULE_LABEL = 'Coordinator of this partnership';

export interface PartnershipOwnership {
  name: string;
  coordinatingAgencyCode: string | null;
  coordinatorUserIds: readonly string[];
}

export function decidePartnershipEdit(principal: Principal, p: PartnershipOwnership): Decision {
  if (!principal.roles.includes('partnership_coordinator')) {
    return {
      allow: false,
      rule: PARTNERSHIP_RULE,
      reason: `Only a partnership coordinator of ${p.name} may change it.`,
    };
  }
  if (p.coordinatorUserIds.includes(principal.userId)) {
    return { allow: true, rule: PARTNERSHIP_RULE, reason: `You are a coordinator of ${p.name}.` };
  }
  if (p.coordinatingAgencyCode && p.coordinatingAgencyCode === principal.agencyCode) {
    return {
      allow: true,
      rule: PARTNERSHIP_RULE,
      reason: `Your agency (${principal.agencyName}) coordinates ${p.name}.`,
    };
  }
  return {
    allow: false,
    rule: PARTNERSHIP_RULE,
    reason: `Only the coordinators of ${p.name} may change it, and you are not one of them.`,
  };
}
