import type { Insertable, Kysely } from 'kysely';
import type { Role } from '../access/roles.js';
import type { KernelTables } from '../db/tables.js';

export interface DemoUser {
  email: string;
  name: string;
  agency: string;
  roles: Role[];
}

/** Listed in the README. Password for all: fusion-demo. Only created in demo mode. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'officer@met.demo', name: 'PC Sam Okafor', agency: 'met', roles: ['first_responder'] },
  { email: 'officer@west-midlands.demo', name: 'PC Priya Shah', agency: 'west-midlands', roles: ['first_responder'] },
  { email: 'intel@met.demo', name: 'DC Laura Bennett', agency: 'met', roles: ['intelligence_officer'] },
  { email: 'supervisor@met.demo', name: 'DS Tom Hughes', agency: 'met', roles: ['supervisor', 'intelligence_officer'] },
  { email: 'analyst@west-yorkshire.demo', name: 'Aisha Rahman', agency: 'west-yorkshire', roles: ['analyst', 'intelligence_officer'] },
  { email: 'mslead@west-yorkshire.demo', name: 'DI Chris Walsh', agency: 'west-yorkshire', roles: ['ms_lead', 'supervisor'] },
  { email: 'coordinator@rocu-north-west.demo', name: 'Helen Price', agency: 'rocu-north-west', roles: ['intelligence_officer', 'analyst', 'supervisor'] },
  { email: 'analyst@nca.demo', name: 'James Carter', agency: 'nca', roles: ['analyst', 'intelligence_officer'] },
  { email: 'jfc@nca.demo', name: 'Mina Patel', agency: 'nca-jfc', roles: ['analyst', 'intelligence_officer', 'supervisor'] },
  { email: 'nccu@ie.demo', name: 'Daniel Reid', agency: 'ie-nccu', roles: ['intelligence_officer', 'first_responder'] },
  { email: 'decision@sca.demo', name: 'Grace Adeyemi', agency: 'sca', roles: ['decision_maker'] },
  { email: 'reviewer@sca.demo', name: 'Oliver Grant', agency: 'sca', roles: ['second_reviewer', 'decision_maker'] },
  { email: 'navigator@salvation-army.demo', name: 'Ruth Evans', agency: 'salvation-army', roles: ['support_worker', 'first_responder'] },
  { email: 'navigator@justice-and-care.demo', name: 'Ben Cole', agency: 'justice-and-care', roles: ['support_worker'] },
  { email: 'safeguarding@la-hillingdon.demo', name: 'Fatima Noor', agency: 'la-hillingdon', roles: ['first_responder', 'partnership_coordinator'] },
  { email: 'coordinator@la-leeds.demo', name: 'Mark Dunn', agency: 'la-leeds', roles: ['partnership_coordinator'] },
  { email: 'msoicu@npcc.demo', name: 'Sarah Lloyd', agency: 'npcc-msoicu', roles: ['ms_lead', 'analyst'] },
  { email: 'auditor@nca.demo', name: 'Peter Shaw', agency: 'nca', roles: ['auditor'] },
  { email: 'admin@met.demo', name: 'Admin Met', agency: 'met', roles: ['administrator'] },
  { email: 'integrator@nca.demo', name: 'API Integrator', agency: 'nca', roles: ['integrator', 'intelligence_officer'] },
  { email: 'glaa@glaa.demo', name: 'Kate Morris', agency: 'glaa', roles: ['first_responder', 'intelligence_officer'] },
];

type AgreementInsert = Pick<
  Insertable<KernelTables['sharing_agreements']>,
  'name' | 'from_agency_code' | 'from_agency_type' | 'to_agency_code' | 'to_agency_type' | 'record_kinds' | 'purposes' | 'valid_until'
> & { valid_from?: string };

/** Demo data-sharing agreements: police and the NCA share intelligence nationally; IE shares NCCU documents with police. */
export const DEMO_AGREEMENTS: AgreementInsert[] = [
  { name: 'Police intelligence sharing (national)', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: null, to_agency_type: 'police_force', record_kinds: ['intelligence_report', 'debrief', 'ocg', 'disruption', 'investigation', 'person'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'Police to ROCUs', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: null, to_agency_type: 'rocu', record_kinds: ['intelligence_report', 'debrief', 'ocg', 'disruption', 'investigation', 'person', 'referral_facts'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'ROCUs to police', from_agency_code: null, from_agency_type: 'rocu', to_agency_code: null, to_agency_type: 'police_force', record_kinds: ['intelligence_report', 'debrief', 'ocg', 'disruption', 'investigation', 'person'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'Police to the NCA', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: null, to_agency_type: 'nca', record_kinds: ['intelligence_report', 'debrief', 'ocg', 'disruption', 'investigation', 'person', 'referral_facts'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'NCA to police and ROCUs', from_agency_code: null, from_agency_type: 'nca', to_agency_code: null, to_agency_type: 'police_force', record_kinds: ['intelligence_report', 'ocg', 'disruption', 'investigation', 'person'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'Joint Fusion Cell (Home Office to NCA)', from_agency_code: null, from_agency_type: 'home_office', to_agency_code: null, to_agency_type: 'nca', record_kinds: ['intelligence_report', 'debrief', 'nccu_contact', 'person', 'ocg'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'NCCU documents to police', from_agency_code: null, from_agency_type: 'home_office', to_agency_code: null, to_agency_type: 'police_force', record_kinds: ['nccu_contact', 'intelligence_report', 'debrief'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'Police to Immigration Enforcement', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: null, to_agency_type: 'home_office', record_kinds: ['nccu_contact', 'debrief', 'intelligence_report'], purposes: ['law-enforcement'], valid_until: null },
  { name: 'Referrals to the competent authority', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: 'sca', to_agency_type: null, record_kinds: ['referral', 'person'], purposes: ['nrm-decision'], valid_until: null },
  { name: 'Local authority referrals to the competent authority', from_agency_code: null, from_agency_type: 'local_authority', to_agency_code: 'sca', to_agency_type: null, record_kinds: ['referral', 'person'], purposes: ['nrm-decision'], valid_until: null },
  { name: 'NGO referrals to the competent authority', from_agency_code: null, from_agency_type: 'ngo', to_agency_code: 'sca', to_agency_type: null, record_kinds: ['referral', 'person'], purposes: ['nrm-decision'], valid_until: null },
  { name: 'Home Office referrals to the competent authority', from_agency_code: null, from_agency_type: 'home_office', to_agency_code: 'sca', to_agency_type: null, record_kinds: ['referral', 'person'], purposes: ['nrm-decision'], valid_until: null },
  { name: 'Adult victim support contract', from_agency_code: 'sca', from_agency_type: null, to_agency_code: 'salvation-army', to_agency_type: null, record_kinds: ['referral', 'support_case'], purposes: ['victim-support'], valid_until: null },
  { name: 'Referral facts to law enforcement (non-identifying)', from_agency_code: null, from_agency_type: 'competent_authority', to_agency_code: null, to_agency_type: 'police_force', record_kinds: ['referral_facts'], purposes: ['intelligence'], valid_until: null },
  { name: 'Referral facts to the NCA (non-identifying)', from_agency_code: null, from_agency_type: 'competent_authority', to_agency_code: null, to_agency_type: 'nca', record_kinds: ['referral_facts'], purposes: ['intelligence'], valid_until: null },
  { name: 'Performance figures to MSOICU', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: 'npcc-msoicu', to_agency_type: null, record_kinds: ['performance'], purposes: ['performance'], valid_until: null },
];

/** Production refuses to start while demo accounts exist. */
export async function ensureNoDemoUsersInProduction(db: Kysely<KernelTables>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('demo', '=', true).executeTakeFirst();
  return Number(row?.n ?? 0);
}
