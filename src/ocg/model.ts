/**
 * The vocabulary of the OCG register and of disruptions (DOMAIN §6; seed 004). MSHT and OIC are two threats that
 * are never merged: a group carries threat rows of each kind it is involved in, every disruption names one.
 */

export const THREAT_CODES = ['msht', 'oic'] as const;
export type ThreatCode = (typeof THREAT_CODES)[number];
export const THREAT_LABELS: Record<ThreatCode, string> = {
  msht: 'Modern slavery and human trafficking',
  oic: 'Organised immigration crime',
};

/** MSHT sub-threats (DOMAIN §1) and the OIC methods seed 004 describes (small boats, vehicles, visas, CTA, air). */
export const THREAT_SUBTYPES: Record<ThreatCode, readonly { code: string; label: string }[]> = {
  msht: [
    { code: 'sexual', label: 'Sexual exploitation' },
    { code: 'labour', label: 'Labour exploitation' },
    { code: 'criminal', label: 'Criminal exploitation (incl. county lines, cannabis farms)' },
    { code: 'domestic_servitude', label: 'Domestic servitude' },
    { code: 'organ_harvesting', label: 'Organ harvesting' },
  ],
  oic: [
    { code: 'small_boats', label: 'Small boat crossings' },
    { code: 'clandestine_vehicle', label: 'Clandestine entry in vehicles' },
    { code: 'visa_abuse', label: 'Abuse of the visa system' },
    { code: 'document_fraud', label: 'Document fraud' },
    { code: 'common_travel_area', label: 'Abuse of the Common Travel Area' },
    { code: 'air', label: 'Illegal migration by air' },
  ],
};
export const subtypeCodes = (threat: ThreatCode) => THREAT_SUBTYPES[threat].map((s) => s.code);
export const subtypeLabel = (threat: string, code: string) =>
  THREAT_SUBTYPES[threat as ThreatCode]?.find((s) => s.code === code)?.label ?? code.replace(/_/g, ' ');

export const OTHER_CRIMINALITY = [
  { code: 'drugs', label: 'Drug supply' },
  { code: 'firearms', label: 'Firearms' },
  { code: 'money_laundering', label: 'Money laundering' },
  { code: 'fraud', label: 'Fraud' },
  { code: 'violence', label: 'Violence' },
] as const;

export const MEMBER_ROLES = [
  { code: 'principal', label: 'Principal (leader)' },
  { code: 'lieutenant', label: 'Lieutenant' },
  { code: 'facilitator', label: 'Facilitator' },
  { code: 'recruiter', label: 'Recruiter' },
  { code: 'transporter', label: 'Transporter or driver' },
  { code: 'controller', label: 'Controller of victims' },
  { code: 'enabler', label: 'Enabler (accommodation, documents, boats)' },
  { code: 'money_launderer', label: 'Money launderer' },
  { code: 'associate', label: 'Associate' },
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number]['code'];

export const MEMBER_LOCATIONS = [
  { code: 'uk', label: 'In the UK' },
  { code: 'overseas', label: 'Overseas' },
  { code: 'unknown', label: 'Not known' },
] as const;

/** What an assessment decides (seed 004 rec 7: "make sure all opportunities to investigate and disrupt them are taken"). */
export const DECISIONS = [
  { code: 'investigate', label: 'Open or support an investigation' },
  { code: 'disrupt', label: 'Task disruption activity' },
  { code: 'develop_intelligence', label: 'Develop intelligence (collection plan)' },
  { code: 'monitor', label: 'Monitor (passive response)' },
  { code: 'archive', label: 'Archive: no longer active' },
] as const;
export type Decision = (typeof DECISIONS)[number]['code'];

/** The 4 Ps (DOMAIN §1). */
export const FOUR_P = [
  { code: 'pursue', label: 'Pursue' },
  { code: 'prevent', label: 'Prevent' },
  { code: 'protect', label: 'Protect' },
  { code: 'prepare', label: 'Prepare' },
] as const;
export type FourP = (typeof FOUR_P)[number]['code'];

export const MAGNITUDES = [
  { code: 'major', label: 'Major', hint: 'The group can no longer operate, or its leadership is removed' },
  { code: 'moderate', label: 'Moderate', hint: 'The group’s activity is significantly reduced for a period' },
  { code: 'minor', label: 'Minor', hint: 'Some short-term effect on the group’s activity' },
] as const;
export type Magnitude = (typeof MAGNITUDES)[number]['code'];

export const TACTICS = [
  { code: 'arrest', label: 'Arrest' },
  { code: 'charge', label: 'Charge' },
  { code: 'conviction', label: 'Conviction' },
  { code: 'seizure', label: 'Seizure (boats, engines, vehicles, documents, cash)' },
  { code: 'warrant', label: 'Warrant executed' },
  { code: 'safeguarding', label: 'Victims safeguarded' },
  { code: 'asset_recovery', label: 'Asset recovery' },
  { code: 'civil_order', label: 'Civil order (STPO, STRO)' },
  { code: 'overseas_partner', label: 'Action by an overseas partner' },
  { code: 'awareness', label: 'Awareness or prevention activity' },
  { code: 'other', label: 'Other' },
] as const;

export const DISRUPTION_STATUSES = [
  { code: 'recorded', label: 'Awaiting validation' },
  { code: 'validated', label: 'Validated' },
  { code: 'rejected', label: 'Rejected' },
] as const;
export type DisruptionStatus = (typeof DISRUPTION_STATUSES)[number]['code'];

export const labelOf = (list: readonly { code: string; label: string }[], code: string | null | undefined) =>
  (code && list.find((x) => x.code === code)?.label) || (code ?? '');

/** Agencies that record disruptions besides police forces (seed 004: NCA, Border Force, IE, HOI). */
export const LAW_ENFORCEMENT_TYPES = ['police_force', 'rocu', 'nca', 'national_policing', 'home_office', 'regulator'] as const;
export const RECORDING_TYPES = ['police_force', 'rocu', 'nca', 'home_office', 'regulator'] as const;
