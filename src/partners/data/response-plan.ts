import type { PartnerCode } from './directory.js';
import type { IncidentType, ResponsePhase, ResponsePlanItem, SeedRef } from './types.js';

/**
 * The National Response Plan (NRP) for a suspected immigration crime incident, as a checklist. The NRP itself is
 * not public; seed 004 describes what it covers (welfare and safety first; crime scene, legislation, counter
 * terrorism and unaccompanied children; maximising intelligence and evidence) and the practice around such
 * incidents. Items marked `derivedFrom: 'inspection'` come from that practice rather than from the NRP text.
 */

export const INCIDENT_TYPES: readonly {
  type: IncidentType;
  label: string;
  examples: string;
  seedRef: SeedRef;
}[] = [
  {
    type: 'inland',
    label: 'Inland',
    examples: 'Migrants discovered hidden in a vehicle, or who self-present to the authorities.',
    seedRef: {
      seed: '004',
      where: 'The National Response Plan is generally well understood',
      quote:
        'inland incidents, such as migrants being discovered hidden in a vehicle or when migrants self-present to the authorities',
    },
  },
  {
    type: 'maritime',
    label: 'Maritime',
    examples: 'Vessel-related incidents, including small boats crossing the English Channel.',
    seedRef: {
      seed: '004',
      where: 'The National Response Plan is generally well understood',
      quote: 'maritime (vessel-related) and aviation (light aircraft) incidents',
    },
  },
  {
    type: 'aviation',
    label: 'Aviation',
    examples: 'Light aircraft incidents.',
    seedRef: {
      seed: '004',
      where: 'The National Response Plan is generally well understood',
      quote: 'maritime (vessel-related) and aviation (light aircraft) incidents',
    },
  },
];

/** Phases in the order an officer works through them. */
export const RESPONSE_PHASES: readonly { phase: ResponsePhase; label: string }[] = [
  { phase: 'welfare-and-safety', label: 'Welfare and safety first' },
  { phase: 'scene', label: 'Scene' },
  { phase: 'evidence-and-intelligence', label: 'Evidence and intelligence' },
  { phase: 'nccu-contact', label: 'Contact NCCU' },
  { phase: 'counter-terrorism', label: 'Counter-terrorism considerations' },
  { phase: 'unaccompanied-children', label: 'Unaccompanied children' },
  { phase: 'investigation-ownership', label: 'Who investigates' },
  { phase: 'recording', label: 'Record and share' },
];

const ALL: readonly IncidentType[] = ['inland', 'maritime', 'aviation'];
const NRP_SECTION = 'The National Response Plan is generally well understood';
const OWNERSHIP = 'Initial response and reactive investigations > ownership for criminal investigations';

type Item = Omit<ResponsePlanItem, 'partners'> & { partners: readonly PartnerCode[] };

const items: readonly Item[] = [
  // ---- welfare and safety -------------------------------------------------------------------------------
  {
    id: 'welfare-first',
    phase: 'welfare-and-safety',
    text: 'Make the people found safe first: medical needs, water, warmth and shelter come before anything else. Treat them as potential victims and witnesses, not only as offenders.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'nrp',
    seedRef: {
      seed: '004',
      where: NRP_SECTION,
      quote:
        'The NRP concentrates on the welfare and safety of migrants, and aims to maximise the collection of intelligence and evidence.',
    },
  },
  {
    id: 'hidden-in-vehicle',
    phase: 'welfare-and-safety',
    text: 'If people are concealed in a lorry, trailer or container, get them out and check breathing and heat at once: concealment can kill.',
    appliesTo: ['inland'],
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Introduction > Background',
      quote:
        'In 2019, 39 Vietnamese migrants suffocated in the trailer of an articulated lorry that travelled from Belgium to Essex.',
    },
  },
  {
    id: 'search-and-rescue',
    phase: 'welfare-and-safety',
    text: 'At sea, people are recovered by search and rescue when the Maritime and Coastguard Agency directs; small-boat arrivals are taken to the Border Force arrival point and processing centre.',
    appliesTo: ['maritime'],
    partners: ['border-force'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Opportunities to gather intelligence from irregular migrants are being missed',
      quote:
        'who are recovered to the UK by search and rescue services when directed to by the Maritime and Coastguard Agency',
    },
  },
  {
    id: 'children-safety',
    phase: 'welfare-and-safety',
    text: 'Check whether any children are present and deal with their safety first; keep family members together.',
    appliesTo: ALL,
    partners: ['childrens-social-care'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: OWNERSHIP,
      quote:
        'Police forces manage the initial response to OIC incidents and deal with any safety concerns, particularly for children',
    },
  },
  {
    id: 'fatalities',
    phase: 'welfare-and-safety',
    text: 'If anyone has died, police always investigate: treat it as a potential homicide or manslaughter scene.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: OWNERSHIP,
      quote: 'they always investigate offences involving fatalities',
    },
  },
  // ---- scene --------------------------------------------------------------------------------------------
  {
    id: 'preserve-scene',
    phase: 'scene',
    text: 'Preserve the vehicle, vessel or aircraft and the drop-off location as a crime scene; follow the NRP crime scene advice.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'nrp',
    seedRef: {
      seed: '004',
      where: NRP_SECTION,
      quote:
        'It includes advice for first responders in categories including crime scene investigation, legislation, counter terrorism and dealing with unaccompanied children.',
    },
  },
  {
    id: 'seize-boat-and-equipment',
    phase: 'scene',
    text: 'Boats, engines and equipment are seized for examination and their origin traced (manufacturer, buyer, supplier); full forensic examination of a boat is only done where there were fatalities.',
    appliesTo: ['maritime'],
    partners: ['border-force'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where:
        'Equipment and property recovered following small boat crossings is being considered for potential evidence and intelligence',
      quote:
        'forensic experts only examine the recovered small boats if the crossing resulted in any fatalities',
    },
  },
  {
    id: 'secure-aircraft',
    phase: 'scene',
    text: 'Secure the aircraft and the airfield location, identify the pilot, and tell your ROCU OIC co-ordinator, who leads intelligence work at small airports.',
    appliesTo: ['aviation'],
    partners: ['rocu'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Regional OIC co-ordinators are effective',
      quote:
        'Regional co-ordinators are also leading intelligence development operations in locations vulnerable to OIC, such as small airports and coastal areas.',
    },
  },
  // ---- evidence and intelligence -------------------------------------------------------------------------
  {
    id: 'devices-and-material',
    phase: 'evidence-and-intelligence',
    text: 'Secure electronic devices and other material in the vehicle, vessel or aircraft or on suspects, using the powers you have: phones show the organisers, payments, routes and modes of travel. (At the time of the inspection there was no general power to seize migrants’ phones.)',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Case study 3',
      quote:
        'They started the investigation immediately, including seizing all electronic devices and other material found in the vehicle or on the migrants.',
    },
  },
  {
    id: 'identify-pilot-driver',
    phase: 'evidence-and-intelligence',
    text: 'Identify the pilot, driver or agent: arrest under s24/s25 Immigration Act 1971 applies in the most serious cases or where someone is suspected of piloting the boat. Note repeat attempts and previous convictions (CPS aggravating factors).',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'A joint control room tracks small boats across the English Channel using a range of technology',
      quote:
        'Immigration Enforcement staff only arrest individuals under section 24 or 25 of the 1971 Act in the most serious cases, or if they suspect the individual had been the boat’s pilot.',
    },
  },
  {
    id: 'property-and-cash',
    phase: 'evidence-and-intelligence',
    text: 'Document people’s property; seize items that may be evidence; deal with substantial cash under the Proceeds of Crime Act 2002.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where:
        'Equipment and property recovered following small boat crossings is being considered for potential evidence and intelligence',
      quote: 'They deal with any substantial amounts of cash under the Proceeds of Crime Act 2002.',
    },
  },
  {
    id: 'documents',
    phase: 'evidence-and-intelligence',
    text: 'Refer suspected fraudulent documents to the National Document Fraud Unit.',
    appliesTo: ALL,
    partners: ['ndfu'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Training for frontline personnel (Greater Manchester how-to cards)',
      quote:
        'how to address concerns in respect of fraudulent documentation via the National Document Fraud Unit',
    },
  },
  {
    id: 'witnesses-and-debrief',
    phase: 'evidence-and-intelligence',
    text: 'Treat the people found as potential witnesses and sources: record who is willing to be debriefed, and co-ordinate any debrief so nobody is interviewed twice or by inexperienced staff.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Debriefs should be carried out in a co-ordinated way and by experienced personnel',
      quote:
        'there was a risk of multiple agencies trying to speak to the same person or inexperienced personnel going to carry out the interviews',
    },
  },
  {
    id: 'exploitation-check',
    phase: 'evidence-and-intelligence',
    text: 'Look for signs of exploitation as well as smuggling (debt to the organisers, control, fear): if there are any, follow the modern slavery route (NRM or Duty to Notify) and keep MSHT and OIC recorded separately.',
    appliesTo: ALL,
    partners: ['modern-slavery-helpline'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Definitions of terms used in this report',
      quote:
        'then finds themselves in debt to the criminals and, on arrival, is subject to labour exploitation',
    },
  },
  // ---- NCCU ----------------------------------------------------------------------------------------------
  {
    id: 'contact-nccu',
    phase: 'nccu-contact',
    text: 'Contact the NCCU (24/7) about every person you think entered the UK without clearance; it agrees how the case will progress and connects you to the on-call IE CFI investigator.',
    appliesTo: ALL,
    partners: ['nccu', 'ie-cfi'],
    derivedFrom: 'nrp',
    seedRef: {
      seed: '004',
      where: 'Initial response and reactive investigations > The National Response Plan is working well',
      quote:
        'The NCCU then connects them with the on-call CFI team member who will advise the police officers.',
    },
  },
  {
    id: 'return-nccu-document',
    phase: 'nccu-contact',
    text: 'Complete and return the intelligence document the NCCU sends you: only 14 of 44 were returned in June to September 2024, and intelligence is lost.',
    appliesTo: ALL,
    partners: ['nccu'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Recommendation 2',
      quote: 'the reporting officer completes and submits the required intelligence document',
    },
  },
  // ---- counter-terrorism -----------------------------------------------------------------------------------
  {
    id: 'counter-terrorism',
    phase: 'counter-terrorism',
    text: 'Consider counter-terrorism interest in the people or the route and follow your force’s CT notification procedure; CT policing staff work at ports and airports, and detention for immigration processing is limited to 24 hours.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'nrp',
    seedRef: {
      seed: '004',
      where: 'Counter terrorism policing',
      quote:
        'they too were concerned about the lack of automated facial-recognition technology in use. They also expressed concerns that the 24-hour detention time limit sometimes affected their ability to investigate people they were interested in.',
    },
  },
  // ---- unaccompanied children ----------------------------------------------------------------------------
  {
    id: 'unaccompanied-children',
    phase: 'unaccompanied-children',
    text: 'Hand unaccompanied children to local authority children’s services, who manage them under child safeguarding procedures.',
    appliesTo: ALL,
    partners: ['childrens-social-care'],
    derivedFrom: 'nrp',
    seedRef: {
      seed: '004',
      where: 'The process to verify the identity of irregular migrants should be improved',
      quote:
        'local authority children’s services manage any unaccompanied children using child safeguarding procedures',
    },
  },
  {
    id: 'children-not-debriefed',
    phase: 'unaccompanied-children',
    text: 'Do not debrief children under 16 unless another agency asks for it; any debrief of a child is multi-agency and takes their vulnerability into account.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Debriefs should be carried out in a co-ordinated way and by experienced personnel',
      quote: 'They don’t debrief children under 16 unless requested by other agencies.',
    },
  },
  {
    id: 'children-not-criminalised',
    phase: 'unaccompanied-children',
    text: 'Deal with children found in criminal activity as victims first: they must not be needlessly criminalised.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '001',
      where: 'Annex A action 33 (§98)',
      quote:
        'trafficked children found involved in criminal activity are safeguarded and not unnecessarily criminalised',
    },
  },
  // ---- ownership -----------------------------------------------------------------------------------------
  {
    id: 'who-investigates',
    phase: 'investigation-ownership',
    text: 'Ownership: IE CFI investigates most s24/s25 offences; the NCA the most complex facilitation and overseas or online cases; ICE handles administrative removal; police keep the initial response, child safety and any fatality.',
    appliesTo: ALL,
    partners: ['ie-cfi', 'nca', 'ice'],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: OWNERSHIP,
      quote: 'In most instances, ownership for criminal investigations is as follows:',
    },
  },
  // ---- recording -----------------------------------------------------------------------------------------
  {
    id: 'submit-intelligence-with-code',
    phase: 'recording',
    text: 'Submit the intelligence to the Police National Database with the OIC crime identifier code, so that searches find it.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'Law enforcement agencies should submit intelligence more accurately to improve data quality',
      quote:
        'An OIC intelligence identifier code was introduced in August 2023, but we found that many intelligence submissions were made without it.',
    },
  },
  {
    id: 'record-disruption',
    phase: 'recording',
    text: 'Record any disruption against the SOC threat on APMIS.',
    appliesTo: ALL,
    partners: [],
    derivedFrom: 'inspection',
    seedRef: {
      seed: '004',
      where: 'The agency and partner management information system, and the single picture of demand',
      quote:
        'APMIS is also where police forces, ROCUs and other agencies should record their disruption activity against SOC threats.',
    },
  },
];

export const responsePlanItems: readonly ResponsePlanItem[] = items;

/** The ordered checklist for one incident type: by phase, then by the order above. */
export function responsePlanFor(type: IncidentType): ResponsePlanItem[] {
  const phaseIndex = (p: ResponsePhase) => RESPONSE_PHASES.findIndex((x) => x.phase === p);
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.appliesTo.includes(type))
    .sort((a, b) => phaseIndex(a.item.phase) - phaseIndex(b.item.phase) || a.index - b.index)
    .map(({ item }) => item);
}
