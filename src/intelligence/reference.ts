/**
 * Reference lists of the intelligence capability: crime identifier codes, the 3x5x2 grading, debrief sections,
 * NCCU incident types. Everything else in the capability reads them from here only. Stored reports carry these
 * codes, so changing a code needs a migration of the reports that hold it.
 */

export const THREAT_CODES = ['msht', 'oic'] as const;
export type ThreatCode = (typeof THREAT_CODES)[number];
export const THREAT_LABELS: Record<ThreatCode, string> = {
  msht: 'Modern slavery and human trafficking (MSHT)',
  oic: 'Organised immigration crime (OIC)',
};

export interface CrimeCode {
  code: string;
  label: string;
  /** Each code belongs to exactly one threat: MSHT and OIC are never merged (DOMAIN §1). */
  threat: ThreatCode;
}

/** Crime identifier codes (004 rec 6: mandatory on every submission; the OIC code dates from August 2023). */
export const CRIME_CODES: readonly CrimeCode[] = [
  { code: 'OIC', label: 'Organised immigration crime (general)', threat: 'oic' },
  { code: 'OIC-SB', label: 'OIC: small boat crossings', threat: 'oic' },
  { code: 'OIC-CLAN', label: 'OIC: clandestine entry in vehicles or freight', threat: 'oic' },
  { code: 'OIC-AIR', label: 'OIC: abuse of air routes', threat: 'oic' },
  { code: 'OIC-DOC', label: 'OIC: false or fraudulently obtained documents', threat: 'oic' },
  { code: 'OIC-FAC', label: 'OIC: facilitation inside the UK (Immigration Act 1971 s25)', threat: 'oic' },
  { code: 'MSHT', label: 'Modern slavery and human trafficking (general)', threat: 'msht' },
  { code: 'MSHT-SEX', label: 'MSHT: sexual exploitation', threat: 'msht' },
  { code: 'MSHT-LAB', label: 'MSHT: labour exploitation', threat: 'msht' },
  {
    code: 'MSHT-CRIM',
    label: 'MSHT: criminal exploitation (including county lines and cannabis cultivation)',
    threat: 'msht',
  },
  { code: 'MSHT-DS', label: 'MSHT: domestic servitude', threat: 'msht' },
  { code: 'MSHT-ORG', label: 'MSHT: organ harvesting', threat: 'msht' },
];
const CODE_MAP = new Map(CRIME_CODES.map((c) => [c.code, c]));
export const crimeCode = (code: string) => CODE_MAP.get(code);
export const CRIME_CODE_VALUES: string[] = CRIME_CODES.map((c) => c.code);

/** 3x5x2 (DOMAIN §5). */
export const SOURCE_EVALUATIONS = [
  { value: 1, label: 'Reliable' },
  { value: 2, label: 'Untested' },
  { value: 3, label: 'Not reliable' },
] as const;
export const ASSESSMENTS = [
  { value: 'A', label: 'Known directly to the source' },
  { value: 'B', label: 'Known indirectly to the source but corroborated' },
  { value: 'C', label: 'Known indirectly to the source' },
  { value: 'D', label: 'Not known' },
  { value: 'E', label: 'Suspected to be false' },
] as const;
export const HANDLING_CODES = [
  { value: 'P', label: 'Lawful sharing permitted' },
  { value: 'C', label: 'Lawful sharing permitted with conditions' },
] as const;

export const sourceEvaluationLabel = (v: number | null | undefined) =>
  SOURCE_EVALUATIONS.find((s) => s.value === v)?.label ?? '';
export const assessmentLabel = (v: string | null | undefined) =>
  ASSESSMENTS.find((a) => a.value === v)?.label ?? '';

/** "1/A/P" - the way officers write a grading. */
export function gradingText(r: {
  source_evaluation: number | null;
  assessment: string | null;
  handling_code: string;
}): string {
  return `${r.source_evaluation ?? '-'}/${r.assessment ?? '-'}/${r.handling_code}`;
}

export const SECURITY_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'] as const;

export const SOURCE_TYPES = [
  { value: 'human', label: 'Human source or officer observation' },
  { value: 'debrief', label: 'Debrief' },
  { value: 'community', label: 'Community intelligence' },
  { value: 'partner', label: 'Partner agency' },
  { value: 'nccu', label: 'NCCU intelligence document' },
  { value: 'technical', label: 'Device or technical' },
  { value: 'open_source', label: 'Open source' },
  { value: 'legacy_import', label: 'Legacy system import' },
] as const;

export const SUBJECT_KINDS = [
  'person',
  'phone',
  'email',
  'vehicle',
  'address',
  'bank_account',
  'ocg',
  'location',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_LABELS: Record<SubjectKind, string> = {
  person: 'Person',
  phone: 'Phone',
  email: 'Email address',
  vehicle: 'Vehicle',
  address: 'Address',
  bank_account: 'Bank account',
  ocg: 'Organised crime group',
  location: 'Location',
};

/** Debrief structure (001 §53): one agency's debrief gathers what every agency needs. */
export const DEBRIEF_SECTIONS = [
  {
    key: 'recruitment',
    title: 'Recruitment',
    hint: 'Where, how and by whom the person was recruited or first approached, and what was promised.',
  },
  {
    key: 'route',
    title: 'Transit route',
    hint: 'Each leg of the journey: countries, transport, facilitators and payments.',
  },
  {
    key: 'crossing',
    title: 'Border crossing',
    hint: 'How, where and when the person crossed the UK border.',
  },
  {
    key: 'uk_activity',
    title: 'Activity in the UK',
    hint: 'Where the person went, who met them, work, accommodation and any control or exploitation.',
  },
] as const;

export const SUBJECT_TYPES = [
  { value: 'victim', label: 'Victim or potential victim' },
  { value: 'migrant', label: 'Irregular migrant' },
  { value: 'offender', label: 'Offender or suspect' },
] as const;

/** Qualifications a debriefer may hold (004 rec 3: "the most suitable and qualified staff"). */
export const DEBRIEFER_QUALIFICATIONS = [
  { value: 'accredited_debriefer', label: 'Accredited debriefer' },
  { value: 'jdt', label: 'Joint Debriefing Team officer' },
  { value: 'pip2_interviewer', label: 'PIP level 2 investigative interviewer' },
  { value: 'trained_intelligence_officer', label: 'Trained intelligence officer' },
  { value: 'other', label: 'Other (describe)' },
] as const;

export const TRANSPORT_MODES = [
  'small boat',
  'lorry or freight',
  'car or van',
  'coach or bus',
  'ferry',
  'train',
  'air',
  'on foot',
  'other',
] as const;
export const CROSSING_METHODS = [
  'small boat',
  'concealed in a lorry',
  'concealed in a car or van',
  'air with false documents',
  'air with genuine documents',
  'ferry as foot passenger',
  'Common Travel Area',
  'other',
] as const;

export const NCCU_INCIDENT_TYPES = [
  { value: 'inland_vehicle', label: 'Migrants found in a vehicle (inland)' },
  { value: 'self_presented', label: 'Migrants self-presented' },
  { value: 'workplace', label: 'Found at a workplace or address' },
  { value: 'maritime', label: 'Maritime (vessel)' },
  { value: 'aviation', label: 'Aviation (light aircraft)' },
  { value: 'arrest', label: 'Foreign national arrested or detained' },
  { value: 'other', label: 'Other' },
] as const;
export const NCCU_SUBJECT_ROLES = [
  { value: 'suspected_irregular_migrant', label: 'Suspected irregular migrant' },
  { value: 'suspected_facilitator', label: 'Suspected facilitator' },
  { value: 'potential_victim', label: 'Potential victim' },
  { value: 'other', label: 'Other' },
] as const;

/** Days a force has to return the intelligence document once the NCCU sends it. */
export const NCCU_DOCUMENT_DAYS = 14;
