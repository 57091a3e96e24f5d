import { FORCES, ROCUS } from './forces.js';

/** Kinds of agency. The access policy and the referral rules (who may refer) reason over these. */
export const AGENCY_TYPES = [
  'police_force',
  'rocu',
  'national_policing',
  'nca',
  'home_office',
  'competent_authority',
  'regulator',
  'government',
  'prosecutor',
  'local_authority',
  'health',
  'ngo',
  'international',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  police_force: 'Police force',
  rocu: 'Regional organised crime unit',
  national_policing: 'National policing body',
  nca: 'National Crime Agency',
  home_office: 'Home Office',
  competent_authority: 'Competent authority',
  regulator: 'Regulator or enforcement body',
  government: 'Government department',
  prosecutor: 'Prosecutor',
  local_authority: 'Local authority',
  health: 'Health',
  ngo: 'Non-governmental organisation',
  international: 'International body',
};

export interface AgencyRef {
  code: string;
  name: string;
  type: AgencyType;
  region?: string | null;
  forceAreaCode?: string | null;
  rocuCode?: string | null;
  parentCode?: string | null;
  /** May make NRM referrals (DOMAIN §3: police, local authorities, Home Office, NCA, GLAA, designated NGOs). */
  firstResponder?: boolean;
}

const OTHERS: AgencyRef[] = [
  { code: 'nca', name: 'National Crime Agency', type: 'nca', firstResponder: true },
  { code: 'nca-jfc', name: 'Joint Fusion Cell (NCA, Home Office Intelligence, Immigration Enforcement)', type: 'nca', parentCode: 'nca' },
  { code: 'npcc-msoicu', name: 'NPCC Modern Slavery and Organised Immigration Crime Unit', type: 'national_policing' },
  { code: 'acro', name: 'ACRO Criminal Records Office', type: 'national_policing' },
  { code: 'jicc', name: 'Joint International Crime Centre', type: 'national_policing' },
  { code: 'ie', name: 'Immigration Enforcement', type: 'home_office', firstResponder: true },
  { code: 'ie-nccu', name: 'Immigration Enforcement National Command and Control Unit (NCCU)', type: 'home_office', parentCode: 'ie', firstResponder: true },
  { code: 'ie-cfi', name: 'Immigration Enforcement Criminal and Financial Investigation (CFI)', type: 'home_office', parentCode: 'ie', firstResponder: true },
  { code: 'ie-ice', name: 'Immigration Compliance and Enforcement (ICE)', type: 'home_office', parentCode: 'ie', firstResponder: true },
  { code: 'border-force', name: 'Border Force', type: 'home_office', firstResponder: true },
  { code: 'hoi', name: 'Home Office Intelligence', type: 'home_office' },
  { code: 'ukvi', name: 'UK Visas and Immigration', type: 'home_office', firstResponder: true },
  { code: 'ndfu', name: 'National Document Fraud Unit', type: 'home_office' },
  { code: 'sca', name: 'Single Competent Authority (Home Office)', type: 'competent_authority' },
  { code: 'iecc', name: 'Immigration Enforcement Competent Authority', type: 'competent_authority' },
  { code: 'glaa', name: 'Gangmasters and Labour Abuse Authority', type: 'regulator', firstResponder: true },
  { code: 'hse', name: 'Health and Safety Executive', type: 'regulator' },
  { code: 'environment-agency', name: 'Environment Agency', type: 'regulator' },
  { code: 'trading-standards', name: 'Trading Standards', type: 'regulator' },
  { code: 'hmrc', name: 'HM Revenue and Customs', type: 'government' },
  { code: 'dwp', name: 'Department for Work and Pensions', type: 'government' },
  { code: 'jmlit', name: 'Joint Money Laundering Intelligence Taskforce', type: 'government' },
  { code: 'cps', name: 'Crown Prosecution Service', type: 'prosecutor' },
  { code: 'fire-rescue', name: 'Fire and rescue services', type: 'local_authority' },
  { code: 'la-birmingham', name: 'Birmingham City Council', type: 'local_authority', region: 'West Midlands', firstResponder: true },
  { code: 'la-hillingdon', name: 'London Borough of Hillingdon', type: 'local_authority', region: 'London', firstResponder: true },
  { code: 'la-leeds', name: 'Leeds City Council', type: 'local_authority', region: 'Yorkshire and the Humber', firstResponder: true },
  { code: 'la-manchester', name: 'Manchester City Council', type: 'local_authority', region: 'North West', firstResponder: true },
  { code: 'la-kent', name: 'Kent County Council', type: 'local_authority', region: 'South East', firstResponder: true },
  { code: 'la-cardiff', name: 'Cardiff Council', type: 'local_authority', region: 'Wales', firstResponder: true },
  { code: 'la-bedford', name: 'Bedford Borough Council', type: 'local_authority', region: 'Eastern', firstResponder: true },
  { code: 'nhs', name: 'NHS England', type: 'health' },
  { code: 'salvation-army', name: 'The Salvation Army', type: 'ngo', firstResponder: true },
  { code: 'unseen', name: 'Unseen (Modern Slavery and Exploitation Helpline)', type: 'ngo' },
  { code: 'nspcc', name: 'NSPCC', type: 'ngo', firstResponder: true },
  { code: 'barnardos', name: "Barnardo's (Independent Child Trafficking Guardians)", type: 'ngo', firstResponder: true },
  { code: 'ecpat', name: 'ECPAT UK', type: 'ngo' },
  { code: 'medaille-trust', name: 'Medaille Trust', type: 'ngo', firstResponder: true },
  { code: 'red-cross', name: 'British Red Cross', type: 'ngo' },
  { code: 'iom', name: 'International Organization for Migration', type: 'international' },
  { code: 'refugee-council', name: 'Refugee Council', type: 'ngo' },
  { code: 'justice-and-care', name: 'Justice and Care (Victim Navigators)', type: 'ngo' },
  { code: 'migrant-help', name: 'Migrant Help', type: 'ngo', firstResponder: true },
  { code: 'crimestoppers', name: 'Crimestoppers', type: 'ngo' },
  { code: 'city-hearts', name: 'City Hearts', type: 'ngo' },
  { code: 'europol', name: 'Europol', type: 'international' },
  { code: 'interpol', name: 'Interpol', type: 'international' },
];

export const AGENCIES: AgencyRef[] = [
  ...FORCES.map(
    (f): AgencyRef => ({
      code: f.code,
      name: f.name,
      type: 'police_force',
      region: f.region,
      forceAreaCode: f.forceAreaCode,
      rocuCode: f.rocuCode,
      firstResponder: true,
    }),
  ),
  ...ROCUS.map((r): AgencyRef => ({ code: r.code, name: r.name, type: 'rocu', firstResponder: true })),
  ...OTHERS,
];

export const EXPLOITATION_TYPES = [
  { code: 'sexual', label: 'Sexual exploitation' },
  { code: 'labour', label: 'Labour exploitation' },
  { code: 'criminal', label: 'Criminal exploitation' },
  { code: 'domestic_servitude', label: 'Domestic servitude' },
  { code: 'organ_harvesting', label: 'Organ harvesting' },
  { code: 'unknown', label: 'Not yet known' },
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number]['code'];

/** MSHT and OIC are kept distinct everywhere (DOMAIN §1): a record says which it concerns; reports never merge them. */
export const THREATS = [
  {
    code: 'msht',
    label: 'Modern slavery and human trafficking',
    description: 'A crime against a person: exploitation for gain by force, threat, coercion, deception or abuse of vulnerability.',
  },
  {
    code: 'oic',
    label: 'Organised immigration crime',
    description: 'An organised crime group helping people cross borders without permission: a crime against the border.',
  },
] as const;
export type Threat = (typeof THREATS)[number]['code'];
