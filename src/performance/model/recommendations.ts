import type { Principal } from '../../kernel/access/principal.js';
import type { AgencyType } from '../../kernel/reference/agencies.js';
import type { SeedRecommendation } from '../data/types.js';
import type { IsoDate } from './dates.js';

/**
 * The recommendations tracker's rules (pure): who owns a recommendation (from the owner's name in the seed), who
 * may record progress, and when it is overdue. The MSOICU keeps the tracker, so its MS leads may update any.
 */
export const RECOMMENDATION_STATUSES = ['not_started', 'in_progress', 'done', 'superseded'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  superseded: 'Superseded',
};

export const SOURCE_TITLES: Record<string, string> = {
  '004': 'HMICFRS: Improving the response to organised immigration crime (May 2025)',
  '002': 'IASC / Leapwise: Policing response to modern slavery (July 2025)',
  '001': "Human Trafficking: The Government's Strategy, Annex A (2011)",
  '003': 'IASC / University of Nottingham: Collaborating for freedom (2017)',
};

export const TRACKER_KEEPER = 'npcc-msoicu';

/** Names in the seeds' owner fields and the agencies that answer for them today. */
const OWNER_WORDS: { pattern: RegExp; codes?: string[]; types?: AgencyType[] }[] = [
  { pattern: /national crime agency|\bnca\b|\bsoca\b/i, codes: ['nca'] },
  { pattern: /border security command|\bukba\b|border force/i, codes: ['ie', 'border-force', 'hoi'] },
  { pattern: /home office/i, types: ['home_office'] },
  {
    pattern: /national police chiefs|\bnpcc\b|\bacpo\b|modern slavery & organised immigration crime unit/i,
    codes: ['npcc-msoicu'],
  },
  { pattern: /chief constables|\bpolice\b/i, types: ['police_force'] },
  { pattern: /\bcps\b|crown prosecution/i, codes: ['cps'] },
  { pattern: /\bceop\b/i, codes: ['nca'] },
];

export function ownerAgencies(owner: string | null): { codes: string[]; types: AgencyType[] } {
  const codes = new Set<string>();
  const types = new Set<AgencyType>();
  for (const w of OWNER_WORDS) {
    if (!owner || !w.pattern.test(owner)) continue;
    for (const c of w.codes ?? []) codes.add(c);
    for (const t of w.types ?? []) types.add(t);
  }
  return { codes: [...codes].sort(), types: [...types].sort() };
}

export interface TrackedRecommendation {
  code: string;
  deadline: IsoDate | null;
  status: RecommendationStatus;
  owner_agencies: readonly string[];
  owner_agency_types: readonly string[];
}

/** Past its deadline and not done (or superseded). */
export function isOverdue(r: Pick<TrackedRecommendation, 'deadline' | 'status'>, today: IsoDate): boolean {
  return !!r.deadline && r.deadline < today && (r.status === 'not_started' || r.status === 'in_progress');
}

/** May this user record progress on the recommendation? Its owners' MS leads and supervisors, and the MSOICU. */
export function mayUpdateRecommendation(
  p: Pick<Principal, 'agencyCode' | 'agencyType' | 'roles'>,
  r: Pick<TrackedRecommendation, 'owner_agencies' | 'owner_agency_types'>,
) {
  if (!p.roles.some((x) => x === 'ms_lead' || x === 'supervisor'))
    return { allow: false, reason: 'Only MS leads and supervisors record progress on recommendations.' };
  if (p.agencyCode === TRACKER_KEEPER && p.roles.includes('ms_lead'))
    return { allow: true, reason: 'The MSOICU keeps the recommendations tracker.' };
  if (r.owner_agencies.includes(p.agencyCode) || r.owner_agency_types.includes(p.agencyType)) {
    return { allow: true, reason: 'Your agency owns this recommendation.' };
  }
  return { allow: false, reason: 'Only the recommendation’s owners and the MSOICU record its progress.' };
}

/** The row the tracker starts from, for one recommendation of the data module. */
export function trackerRow(r: SeedRecommendation) {
  const owners = ownerAgencies(r.owner);
  return {
    code: r.code,
    source: r.source,
    source_title: SOURCE_TITLES[r.source] ?? r.source,
    number: r.number,
    theme: r.theme,
    text: r.text,
    sub_items: [...r.subItems],
    owner: r.owner,
    owner_agencies: owners.codes,
    owner_agency_types: owners.types,
    partners: [...r.partners],
    deadline: r.deadline,
    deadline_text: r.deadlineText,
    recurrence: r.recurrence ?? null,
    note: r.note ?? null,
  };
}
