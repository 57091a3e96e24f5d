import { AGENCIES, type AgencyRef, type AgencyType } from '../kernel/reference/agencies.js';
import { partnerDirectory } from './data/directory.js';
import { partnershipDetails2017 } from './data/partnership-details-2017.js';
import { partnerships2017 } from './data/partnerships-2017.js';
import type { Partner, PartnerKind, SeedRef } from './data/types.js';

/**
 * The initial rows of the directory and the register, built from the data modules (seed 000, seed 003) and the
 * kernel's reference agencies. Used by migrations/202611241161_partners_seed.ts and by tests.
 */

/** Seed 000 entries that describe an agency of the kernel's reference data. */
export const DIRECTORY_AGENCY: Readonly<Record<string, string>> = {
  nca: 'nca',
  nccu: 'ie-nccu',
  'immigration-enforcement': 'ie',
  'ie-cfi': 'ie-cfi',
  ice: 'ie-ice',
  'border-force': 'border-force',
  ukvi: 'ukvi',
  ndfu: 'ndfu',
  glaa: 'glaa',
  dwp: 'dwp',
  hmrc: 'hmrc',
  'national-trading-standards': 'trading-standards',
  'environment-agency': 'environment-agency',
  hse: 'hse',
  'fire-and-rescue': 'fire-rescue',
  europol: 'europol',
  jicc: 'jicc',
  acro: 'acro',
  interpol: 'interpol',
  jmlit: 'jmlit',
  'city-of-london-police': 'city-of-london',
  'metropolitan-police': 'met',
  nhs: 'nhs',
  unseen: 'unseen',
  'red-cross': 'red-cross',
  'salvation-army': 'salvation-army',
  nspcc: 'nspcc',
  barnardos: 'barnardos',
  ecpat: 'ecpat',
  'medaille-trust': 'medaille-trust',
  iom: 'iom',
  'refugee-council': 'refugee-council',
};

const KIND_OF_AGENCY: Record<AgencyType, PartnerKind> = {
  police_force: 'police',
  rocu: 'police',
  national_policing: 'police',
  nca: 'law-enforcement',
  home_office: 'government',
  competent_authority: 'government',
  regulator: 'regulator',
  government: 'government',
  prosecutor: 'government',
  local_authority: 'local-authority',
  health: 'health',
  ngo: 'ngo',
  international: 'international',
};

const REF_DATA: SeedRef = { seed: 'DOMAIN', where: 'Fusion reference data: agencies (DOMAIN §2)' };

/** What the seeds (or the domain digest) say about reference agencies seed 000 does not describe. */
const REFERENCE_TEXT: Readonly<Record<string, { capabilities: string[]; when: string; refs: SeedRef[] }>> = {
  'nca-jfc': {
    capabilities: [
      'Joint Fusion Cell of the NCA, Home Office Intelligence and Immigration Enforcement: small-boat and OIC intelligence',
    ],
    when: 'Intelligence on small-boat crossings and the groups that organise them.',
    refs: [{ seed: '004', where: 'Recommendation 5 (Joint Fusion Cell)' }],
  },
  'npcc-msoicu': {
    capabilities: [
      'Runs the ROCU modern slavery and OIC co-ordinators',
      'Peer reviews of forces and enhancement plans',
      'National training',
    ],
    when: 'Advice on force practice, peer review and training.',
    refs: [{ seed: '004', where: 'Recommendation 10 (MSOICU peer reviews)' }],
  },
  hoi: {
    capabilities: ['Home Office intelligence on immigration crime'],
    when: 'Intelligence on organised immigration crime held by the Home Office.',
    refs: [{ seed: '004', where: 'Bodies concerned with tackling organised immigration crime' }],
  },
  sca: {
    capabilities: ['Competent authority: reasonable and conclusive grounds decisions on NRM referrals'],
    when: 'A potential victim has been referred into the National Referral Mechanism.',
    refs: [{ seed: '001', where: '§24-32 (competent authorities)' }],
  },
  iecc: {
    capabilities: ['Competent authority for NRM decisions on people subject to immigration control'],
    when: 'A referral concerns someone subject to immigration control.',
    refs: [{ seed: '001', where: '§24-32 (competent authorities)' }],
  },
  cps: {
    capabilities: ['Early investigative advice', 'Charging decisions and prosecutions'],
    when: 'Early in an investigation, to plan charges under the Modern Slavery Act and evidence-led prosecutions.',
    refs: [{ seed: '002', where: 'Recommendations 10-13 (CPS early advice, charging)' }],
  },
  'justice-and-care': {
    capabilities: ['Victim Navigators who keep survivors engaged through long investigations'],
    when: 'A survivor needs support to stay engaged with an investigation.',
    refs: [{ seed: 'DOMAIN', where: '§4 Victim care (Victim Navigators)' }],
  },
  'city-hearts': {
    capabilities: [
      'Integration support programme for survivors beyond the NRM, with a flag when a survivor disengages',
    ],
    when: 'A survivor needs long-term integration support in the North of England.',
    refs: [{ seed: '003', where: 'Case study: City Hearts integration support programme' }],
  },
  crimestoppers: {
    capabilities: ['Anonymous reporting by the public'],
    when: 'Someone wants to report concerns anonymously.',
    refs: [{ seed: 'DOMAIN', where: '§5 Community intelligence' }],
  },
  'migrant-help': {
    capabilities: ['Designated NRM first responder organisation'],
    when: 'A potential victim needs identifying and referring.',
    refs: [REF_DATA],
  },
  btp: {
    capabilities: ['Police force for the railways of Great Britain'],
    when: 'The case touches the rail network.',
    refs: [REF_DATA],
  },
};

const GENERIC_BY_TYPE: Partial<
  Record<AgencyType, { capabilities: (a: AgencyRef) => string[]; when: string; refs: SeedRef[] }>
> = {
  police_force: {
    capabilities: (a) => [
      `Police force${a.region ? ` (${a.region})` : ''}: initial response, safeguarding, investigation and intelligence for its area`,
    ],
    when: 'The case touches this force’s area, or a victim or offender lives there.',
    refs: [REF_DATA],
  },
  rocu: {
    capabilities: () => [
      'Specialist serious and organised crime capabilities for the forces of its region',
      'SIENA access for Europol enquiries',
      'Modern slavery and OIC co-ordinators',
    ],
    when: 'SIENA enquiries, specialist support, and investigations that go beyond one force in the region.',
    refs: [
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > Secure Information Exchange Network Application (SIENA)',
      },
      { seed: '004', where: 'Regional OIC co-ordinators are effective' },
    ],
  },
  local_authority: {
    capabilities: () => [
      'Children’s and adult social care and safeguarding',
      'Housing information, including houses in multiple occupation',
    ],
    when: 'A child or adult in the council’s area needs safeguarding, or housing information is needed.',
    refs: [
      {
        seed: '000',
        where:
          'Partner organisations (Appendix B) > National Health Service, social care and local authorities',
      },
    ],
  },
};

export interface DirectoryRow {
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_code: string | null;
  agency_code: string | null;
  source: 'seed-000' | 'reference-data';
  listing: 'section' | 'mentioned' | 'reference';
  capabilities: string[];
  when_to_engage: string;
  how_to_reach: string | null;
  available_24x7: boolean | null;
  public_phone: string | null;
  public_email: string | null;
  public_website: string | null;
  restrictions: string[];
  seed_refs: string;
}

export function directorySeedRows(): DirectoryRow[] {
  const rows: DirectoryRow[] = (partnerDirectory as readonly Partner[]).map((p) => ({
    code: p.code,
    name: p.name,
    short_name: p.shortName ?? null,
    kind: p.kind,
    parent_code: p.parent ?? null,
    agency_code: DIRECTORY_AGENCY[p.code] ?? null,
    source: 'seed-000',
    listing: p.listing,
    capabilities: [...p.capabilities],
    when_to_engage: p.whenToEngage,
    how_to_reach: p.howToReach,
    available_24x7: p.available24x7,
    public_phone: p.publicContact?.phone ?? null,
    public_email: p.publicContact?.email ?? null,
    public_website: p.publicContact?.website ?? null,
    restrictions: [...p.restrictions],
    seed_refs: JSON.stringify([p.seedRef, ...(p.moreRefs ?? [])]),
  }));
  const described = new Set(Object.values(DIRECTORY_AGENCY));
  const codes = new Set(rows.map((r) => r.code));
  for (const a of AGENCIES) {
    if (described.has(a.code)) continue;
    if (codes.has(a.code))
      throw new Error(`Reference agency ${a.code} clashes with a seed 000 directory code.`);
    const specific = REFERENCE_TEXT[a.code];
    const generic = GENERIC_BY_TYPE[a.type];
    rows.push({
      code: a.code,
      name: a.name,
      short_name: null,
      kind: KIND_OF_AGENCY[a.type],
      parent_code: null,
      agency_code: a.code,
      source: 'reference-data',
      listing: 'reference',
      capabilities: specific?.capabilities ?? generic?.capabilities(a) ?? [],
      when_to_engage: specific?.when ?? generic?.when ?? '',
      how_to_reach: null,
      available_24x7: null,
      public_phone: null,
      public_email: null,
      public_website: null,
      restrictions: [],
      seed_refs: JSON.stringify(specific?.refs ?? generic?.refs ?? [REF_DATA]),
    });
  }
  return rows;
}

export function partnershipSeedRows() {
  return partnerships2017.map((p) => {
    const d = partnershipDetails2017[p.id];
    return {
      id: p.id,
      name: p.name,
      components: [...p.components],
      level: p.level,
      area: p.area,
      nation: p.nation,
      force_area_codes: [...p.forceCodes],
      chair_type: d?.chair ?? null,
      coordinator_type: d?.coordinator ?? null,
      member_types: [...(d?.memberTypes ?? [])],
      member_names: [...(d?.memberNames ?? [])],
      activities: [...(d?.activities ?? [])],
      governance_documents: d?.governanceDocuments ?? null,
      action_plan: d?.actionPlan ?? null,
      progress_measures: [...(d?.progressMeasures ?? [])],
      funding_sources: [...(d?.funding ?? [])],
      meeting_frequency: d?.meetingFrequency ?? null,
      source: '2017 survey' as const,
      appendix_group: p.appendixGroup,
      appendix_number: p.appendixNumber,
      appendix_notes: [...p.appendixNotes],
      seed_notes: JSON.stringify(p.notes),
      seed_refs: JSON.stringify([p.seedRef, ...(d?.seedRefs ?? [])]),
    };
  });
}
