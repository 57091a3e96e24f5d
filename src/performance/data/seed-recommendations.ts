import type { SeedRecommendation, SeedRef } from './types.js';

// ---- Seed 004: HMICFRS, Improving the response to organised immigration crime (May 2025) ---------------------

const r004 = (
  number: number,
  theme: string,
  fields: Pick<SeedRecommendation, 'text' | 'owner' | 'partners' | 'deadline' | 'deadlineText'> &
    Partial<Pick<SeedRecommendation, 'subItems' | 'note'>>,
  quote = fields.text,
): SeedRecommendation => ({
  code: `004-R${number}`,
  source: '004',
  number,
  theme,
  subItems: [],
  ...fields,
  seedRef: { seed: '004', where: `Recommendations > Recommendation ${number}`, quote },
});

const DEC_2025 = { deadline: '2025-12-31', deadlineText: 'By 31 December 2025' } as const;
const APR_2026 = { deadline: '2026-04-30', deadlineText: 'By 30 April 2026' } as const;

export const hmicfrsOicRecommendations: readonly SeedRecommendation[] = [
  r004(1, 'Governance and direction', {
    text: 'By 31 December 2025, the National Crime Agency, in consultation with the Border Security Command and the Home Office, should review, revise and reissue its roles and responsibilities document, ‘Organised Immigration Crime High Level Responsibilities’.',
    subItems: [
      'describe relevant responsibilities of the Border Security Command; and',
      'where police forces retain substantial serious organised crime investigation capabilities, extend those responsibilities to include investigating organised immigration crime.',
    ],
    owner: 'National Crime Agency',
    partners: ['Border Security Command', 'Home Office'],
    ...DEC_2025,
  }),
  r004(2, 'Initial response: NCCU', {
    text: 'By 30 April 2026, chief constables should make sure that every time a member of their force reports a case to Immigration Enforcement’s National Command and Control Unit, the reporting officer completes and submits the required intelligence document.',
    owner: 'Chief constables',
    partners: [],
    ...APR_2026,
  }),
  r004(3, 'Gathering intelligence from migrants', {
    text: 'By 30 April 2026, the Border Security Command should further develop the migrant identification and intelligence-gathering processes, including those in operation at Western Jet Foil arrival centre and Manston processing centre facilities.',
    subItems: [
      'providing on-site access to the Police National Database and the routine comparison of migrants with the custody and crime scene facial imagery it holds;',
      'considering the possibility of introducing other forms of automated facial‑recognition technology;',
      'examining the extent to which the 24-hour time limit on detention affects the ability of counter-terrorism policing officers to investigate migrants of interest;',
      'increasing the proportion of arriving migrants who are debriefed; and',
      'co-ordinating migrant debriefs between the various agencies to make sure that the most suitable and qualified staff carry them out.',
    ],
    owner: 'Border Security Command',
    partners: [],
    ...APR_2026,
  }),
  r004(4, 'Collecting and analysing intelligence', {
    text: 'By 31 December 2025, chief constables should make sure they have clear plans to collect, analyse and share information related to organised immigration crime.',
    owner: 'Chief constables',
    partners: [],
    ...DEC_2025,
  }),
  r004(5, 'Information sharing: the Joint Fusion Cell', {
    text: 'By 30 April 2026, the National Crime Agency, working with the Home Office, should develop the Joint Fusion Cell.',
    subItems: [
      'making sure that vacancies are filled;',
      'making sure it has access to all relevant intelligence systems and removing the need to copy information from one system to another;',
      'designing formal data-sharing agreements and processes with other agencies; and',
      'providing greater access to analytical support.',
      'The National Crime Agency should also examine the possibility of automating processes to link the intelligence systems of the law enforcement agencies involved in tackling organised immigration crime.',
    ],
    owner: 'National Crime Agency',
    partners: ['Home Office'],
    ...APR_2026,
  }),
  r004(6, 'Police National Database: crime identifier codes', {
    text: 'By 31 December 2025, the National Police Chiefs’ Council, working with the Border Security Command, should introduce a system mandating all law enforcement agencies to use the correct crime identifier code when submitting intelligence concerning organised immigration crime to the Police National Database.',
    owner: 'National Police Chiefs’ Council',
    partners: ['Border Security Command'],
    ...DEC_2025,
  }),
  r004(7, 'Investigating organised crime groups', {
    text: 'By 30 April 2026, the National Crime Agency should establish and begin operating a system to regularly assess the known organised crime groups recorded on the Police National Database and serious and organised crime master list. The National Crime Agency should make sure all opportunities to investigate and disrupt them are taken.',
    owner: 'National Crime Agency',
    partners: [],
    ...APR_2026,
  }),
  r004(8, 'Training: Hydra', {
    text: 'By 30 April 2026, chief constables, working with the Modern Slavery & Organised Immigration Crime Unit, should make sure that relevant personnel in all Home Office police forces complete the Hydra training package on organised immigration crime.',
    owner: 'Chief constables',
    partners: ['Modern Slavery & Organised Immigration Crime Unit'],
    ...APR_2026,
  }),
  r004(9, 'Training: OIC e-learning', {
    text: 'By 30 April 2026, chief constables, working with the Modern Slavery & Organised Immigration Crime Unit and the College of Policing, should make sure that relevant personnel in all Home Office police forces complete the four modules of the organised immigration crime e-learning package.',
    owner: 'Chief constables',
    partners: ['Modern Slavery & Organised Immigration Crime Unit', 'College of Policing'],
    ...APR_2026,
  }),
  r004(
    10,
    'Peer review',
    {
      text: 'By 30 April 2026, the Home Office, working with the National Police Chiefs’ Council, should extend and, where appropriate, modify the Modern Slavery & Organised Immigration Crime Unit peer review process to include:',
      subItems: [
        'non-Home Office police forces such as British Transport Police and the Police Service of Northern Ireland;',
        'the nine ROCUs;',
        'other agencies involved in the response to OIC; and',
        'a schedule for revisits to assess how well each force implemented its enhancement plan.',
      ],
      owner: 'Home Office',
      partners: ['National Police Chiefs’ Council'],
      ...APR_2026,
      note: 'The seed text stops after "to include:". The sub-items are taken from the paragraphs before the recommendation ("The MSOICU peer review process is valuable, but needs extending"), not from the recommendation itself.',
    },
    'should extend and, where appropriate, modify the Modern Slavery & Organised Immigration Crime Unit peer review process to include:',
  ),
];

// ---- Seed 002: Leapwise for the IASC, Policing response to modern slavery (July 2025) ------------------------

const SIGNAL = 'To signal prioritisation and build understanding across the system';
const OPERATIONAL = 'To improve the police operational response';
const CJS = 'To ensure effective police liaison and work with the wider criminal justice system';

const r002 = (
  number: number,
  altNumber: number,
  theme: string,
  text: string,
  owner: string | null = null,
  quote = text,
): SeedRecommendation => ({
  code: `002-R${number}`,
  source: '002',
  number,
  altNumber,
  theme,
  text,
  subItems: [],
  owner,
  partners: [],
  deadline: null,
  deadlineText: null,
  seedRef: {
    seed: '002',
    where: `Executive Summary > Recommendations for strengthening the police response > ${number}`,
    quote,
  },
});

/** Numbered as in the executive summary; `altNumber` is the section 7 number. */
export const iascPolicingRecommendations: readonly SeedRecommendation[] = [
  {
    ...r002(
      1,
      1,
      SIGNAL,
      'Develop a new Home Office-led national Modern Slavery Strategy to ensure prioritisation and effective coordination of the response to modern slavery and human trafficking.',
      'Home Office',
    ),
    note: 'Section 7 names the owner: "(Home Office)".',
  },
  r002(
    2,
    3,
    SIGNAL,
    'Communicate the significant economic impact of MSHT and the positive financial impact on the wider economy from reducing these offences to build support for a more prevention-oriented response.',
  ),
  r002(
    3,
    2,
    SIGNAL,
    'Demarcate the narrative between modern slavery & human trafficking (MSHT) and Organised Immigration Crime (OIC)',
  ),
  r002(
    4,
    4,
    SIGNAL,
    'Continue using the umbrella term "modern slavery" for continuous tracking of current and emerging forms of exploitation for financial gain.',
  ),
  r002(
    5,
    7,
    OPERATIONAL,
    'Identify and promote the most effective police operating models for tackling MSHT, including key components identified as effective in this resource that work e.g. dedicated resource, use of covert tactics.',
  ),
  r002(
    6,
    8,
    OPERATIONAL,
    'Address cross-regional ownership issues by establishing clear and transparent decision-making processes outlining the criteria for determining which region and consequently which force within that region should be assigned a cross-regional case. Additionally, ensure all forces provide support to the lead force for cases that fall within their jurisdiction.',
  ),
  r002(
    7,
    9,
    OPERATIONAL,
    'Embed Victim Navigators nationally, identifying and securing sustainable funding to support police and victim engagement.',
    null,
    'nationally, identifying and securing sustainable funding to support police and victim engagement.',
  ),
  r002(
    8,
    6,
    OPERATIONAL,
    'Encourage replication of best practice models for partnership arrangements and multi-agency intelligence sharing e.g. Humberside Police and West Yorkshire Police',
  ),
  r002(
    9,
    5,
    OPERATIONAL,
    'Strengthen, simplify, and reinforce the frontline model for recognising and responding to exploitation and vulnerability.',
  ),
  r002(
    10,
    10,
    CJS,
    'Identify and widely share case examples of evidence-led prosecution strategies for modern slavery cases other than sexual exploitation to ensure knowledge of best practices for a broader range of MSHT cases is embedded across the country.',
  ),
  r002(
    11,
    13,
    CJS,
    'Draw on lived experience panels to apply a more victim-centred approach to justice, focusing on outcomes that benefit both victims and the public.',
  ),
  r002(
    12,
    11,
    CJS,
    'Enhance CPS-police collaboration to improve early advice and promote a consistent charging approach.',
  ),
  r002(
    13,
    12,
    CJS,
    'Integrate CPS and police data to enhance understanding of which investigations result in successful charges and convictions.',
  ),
];

// ---- Seed 001: Human Trafficking: The Government's Strategy (2011), Annex A -------------------------------------

const a001 = (
  number: number,
  paragraph: string,
  theme: string,
  text: string,
  owner: string,
  extra: Partial<Pick<SeedRecommendation, 'deadline' | 'deadlineText' | 'recurrence' | 'note'>> = {},
): SeedRecommendation => ({
  code: `001-A${number}`,
  source: '001',
  number,
  theme,
  text,
  subItems: [],
  owner,
  partners: [],
  deadline: null,
  deadlineText: null,
  paragraph,
  ...extra,
  seedRef: {
    seed: '001',
    where: `Annex A: Human Trafficking Strategy Actions > action ${number} (§${paragraph})`,
    quote: text,
  } satisfies SeedRef,
});

const RESPONSE = 'Our response to combating human trafficking';
const VICTIMS = 'Improved victim identification and care';
const EARLY = 'Enhancing our ability to act early';
const BORDER = 'Smarter action at the Border';
const UK = 'Increasing coordination of our law enforcement efforts in the UK';
const CHILDREN = 'Child Victims of Human Trafficking';

export const traffickingStrategyActions: readonly SeedRecommendation[] = [
  a001(
    1,
    '19',
    RESPONSE,
    'Work with the private sector to strengthen our overall approach to tackling trafficking.',
    'Government',
  ),
  a001(
    2,
    '20',
    RESPONSE,
    'Explore what further role the public can play in identifying information about trafficking and how we can raise awareness and vigilance in particular communities.',
    'Government',
  ),
  a001(
    3,
    '26',
    VICTIMS,
    'Work with key partners both within the UK and the EU to implement the EU Directive on Human Trafficking effectively by April 2013.',
    'Home Office',
    {
      deadline: '2013-04-30',
      deadlineText: 'by April 2013',
      note: 'The seed gives a month, not a day; the deadline is set to the last day of April 2013.',
    },
  ),
  a001(
    4,
    '27',
    VICTIMS,
    'Raise the quality of decision-making under the NRM by running case review exercises and auditing decisions.',
    'UKBA / SOCA',
  ),
  a001(
    5,
    '30',
    VICTIMS,
    'Raise awareness of trafficking among frontline staff through: Implementation of the findings of the trafficking and health project – to promote training and awareness of health professionals; and Working with the London Safeguarding Children Board to raise awareness amongst local authorities through their Child Trafficking Toolkit.',
    'Home Office / UKBA / DoH / DfE',
  ),
  a001(
    6,
    '32',
    VICTIMS,
    'Continue to look for ways to enhance victim identification decision-making through driving up the quality of decisions and exploring the best match with immigration decision-making systems.',
    'UKBA',
  ),
  a001(
    7,
    '37',
    VICTIMS,
    'Monitor delivery of victim care in conjunction with MOJ on a quarterly basis.',
    'Home Office / MOJ',
    { recurrence: 'quarterly' },
  ),
  a001(
    8,
    '41',
    EARLY,
    'Explore greater opportunities to work with other countries – by focusing on targeting traffickers before they reach the UK and preventing more people from becoming victims in the first place.',
    'Home Office / SOCA / UKBA / FCO',
  ),
  a001(
    9,
    '43',
    EARLY,
    'Work with other agencies to ensure the information that we gather is as consistent and thorough as possible, and is fed consistently into our Organised Crime Mapping Tools.',
    'SOCA',
  ),
  a001(
    10,
    '48',
    EARLY,
    'Focus on those transit and source countries from where the greatest threat originates, through the Country Business Plans.',
    'Home Office / FCO',
  ),
  a001(
    11,
    '50',
    EARLY,
    'Through close working with FCO, engage foreign governments to ensure that common challenges are identified, and that they work with us to address those challenges.',
    'Home Office / FCO',
  ),
  a001(
    12,
    '50 (box)',
    EARLY,
    'Work with other countries to ensure staff stationed in those countries have the tools necessary to lead the fight on trafficking.',
    'Home Office / UKBA / FCO',
  ),
  a001(
    13,
    '53',
    EARLY,
    'Ensure de-briefing is set up in such a way that when one agency carries out a de-brief, they are gathering the information needed by all agencies – from recruitment, to transit route, to how they crossed the UK border, to activity within the UK.',
    'SOCA / UKBA / Police',
  ),
  a001(
    14,
    '55',
    EARLY,
    'Work increasingly closely with the airline industry to enhance its knowledge of human trafficking and provide its staff with the tools needed to identify victims of trafficking and trigger an intervention.',
    'UKBA',
  ),
  a001(
    15,
    '56',
    EARLY,
    'Continue to work with source countries to raise awareness among those who may be at risk of becoming a trafficking victim.',
    'FCO / DfID',
  ),
  a001(
    16,
    '57',
    EARLY,
    'Continue to work with our FCC partners to identify best practice in deterring the use of people smugglers and, where possible, will work with our partners on coordinated education projects.',
    'Government',
  ),
  a001(
    17,
    '60',
    EARLY,
    'Work closely with labour inspectorates across European Member States to achieve common standards on identifying and punishing labour exploitation.',
    'Home Office / SOCA',
  ),
  a001(
    18,
    '61',
    EARLY,
    'Explore further the opportunities for establishing joint operations with overseas counterparts, building on the success of Operation Golf, a joint Metropolitan Police Service and Romanian National Police investigation team.',
    'Home Office / Police',
  ),
  a001(
    19,
    '67',
    BORDER,
    'Through the National Crime Agency and the Border Police Command, draw on the capability of a wide range of organisations and focus efforts on detection, intervention and the gathering and sharing of Intelligence.',
    'Home Office NCA team / UKBA',
  ),
  a001(
    20,
    '67',
    BORDER,
    'Develop a set of UK specific risk indicators that can be deployed at our ports.',
    'UKBA',
  ),
  a001(
    21,
    '70',
    BORDER,
    'Issue further guidance to all frontline border staff so that they understand what information is relevant to human trafficking, how it should be shared, and how to do this quickly so as to support effective intervention.',
    'UKBA',
  ),
  a001(
    22,
    '72',
    BORDER,
    'Continue to deter and disrupt the use of false documentation and identities by working with airlines, strengthening checks on visa applicants, using appropriate biometric information, and working with overseas law enforcement and international partners to share information.',
    'UKBA',
  ),
  a001(
    23,
    '73',
    BORDER,
    'Ensure our border staff have access to the right information and intelligence to identify and scrutinise those most at risk.',
    'UKBA',
  ),
  a001(
    24,
    '74',
    BORDER,
    'Ensure that Intelligence gathered in country and overseas, including details held by the UKHTC on those convicted or suspected of trafficking, are passed to staff at the border.',
    'SOCA / UKBA',
  ),
  a001(
    25,
    '88',
    UK,
    'Work with law enforcement agencies across the UK to build capacity of police officers to recognise intelligence about organised crime networks.',
    'Home Office',
  ),
  a001(
    26,
    '89',
    UK,
    'Attack the profits of the traffickers through greater use of asset recovery and financial investigation.',
    'Home Office',
  ),
  a001(
    27,
    '91',
    UK,
    'Explore the option of issuing clear guidance on when and how to initiate confiscation proceedings, if we believe this is necessary.',
    'Home Office',
  ),
  a001(
    28,
    '92',
    UK,
    'Further boost the capacity of financial investigation in human trafficking investigations through better linking Regional Asset Recovery Teams (RARTs) with human trafficking investigators.',
    'Police',
  ),
  a001(
    29,
    '93',
    UK,
    'By 31 December 2011 review whether the current legislation supports the effective prosecution of traffickers.',
    'Home Office',
    {
      deadline: '2011-12-31',
      deadlineText: 'By 31 December 2011',
    },
  ),
  a001(
    30,
    '97',
    CHILDREN,
    'Identify opportunities to promote the child trafficking toolkit, developed by the London Safeguarding Children Board.',
    'Home Office',
  ),
  a001(
    31,
    '97',
    CHILDREN,
    'Update core Government guidance – Safeguarding children who may have been trafficked.',
    'DfE / Home Office',
  ),
  a001(
    32,
    '97',
    CHILDREN,
    'Continue to work with the NSPCC in support of their Child Trafficking Advice and Information Line (CTAIL).',
    'Home Office',
  ),
  a001(
    33,
    '98',
    CHILDREN,
    'Work with the police and criminal justice partners to ensure that trafficked children found involved in criminal activity are safeguarded and not unnecessarily criminalised.',
    'Home Office / CPS',
  ),
  a001(
    34,
    '99',
    CHILDREN,
    'Tackle the issue of trafficked children who go missing from Local Authority Care by working with CEOP, who from 1st July will have the lead for missing children, to ensure the national capability supports this in the best way possible.',
    'Home Office / DFE / CEOP',
  ),
  a001(
    35,
    '103',
    CHILDREN,
    'Work with our partners and look to build on the success of the child safeguarding multi-agency teams such as Operation Paladin and Newbridge.',
    'Police / Home Office / UKBA',
  ),
  a001(
    36,
    '104',
    CHILDREN,
    'Raise awareness in source countries of the risk of child trafficking.',
    'Home Office / DfID / CEOP',
  ),
  a001(
    37,
    '106',
    CHILDREN,
    'Work to ensure the vulnerabilities of children are taken into account when debriefs take place.',
    'Home Office / CEOP',
  ),
];

// ---- Seed 003: recommendations for partnership work (2017) ----------------------------------------------------

const r003 = (number: number, theme: string, text: string): SeedRecommendation => ({
  code: `003-R${number}`,
  source: '003',
  number,
  theme,
  text,
  subItems: [],
  owner: null,
  partners: [],
  deadline: null,
  deadlineText: null,
  seedRef: {
    seed: '003',
    where: `Strengthening multi-agency anti-slavery partnership work: recommendations > ${theme}`,
    quote: text,
  },
});

export const partnershipRecommendations2017: readonly SeedRecommendation[] = [
  r003(
    1,
    'Leadership',
    'Establish a national / local coordination protocol and communications to improve coordination and joint work between national initiatives and regional/local anti-slavery leadership and action.',
  ),
  r003(
    2,
    'Leadership',
    'Review what actions and functions of an effective anti-slavery response are most effectively led nationally, regionally and locally.',
  ),
  r003(
    3,
    'Leadership',
    'Distribute leadership: engage local politicians, community and business leaders in the antislavery agenda.',
  ),
  r003(
    4,
    'Engagement',
    'Review and clarify statutory responsibilities for local authorities and the health service, and, where necessary, consider amending legislation to remove conflicting objectives.',
  ),
  r003(
    5,
    'Engagement',
    'Consider specifying a lead agency at local level with accountability for ensuring local partnership work to support anti-slavery initiative is in place.',
  ),
  r003(
    6,
    'Engagement',
    'Consider establishing a statutory duty to engage in anti-slavery partnerships for CCGs, Acute Trusts and Local Authorities.',
  ),
  r003(7, 'Engagement', 'Encourage a higher level of engagement and co-production with local communities'),
  r003(8, 'Engagement', 'Build survivor input into local programmes and policies wherever possible.'),
  r003(
    9,
    'Accountability',
    'Work with practitioners to come up with consistent, meaningful and useful progress measures that could assist in assessing progress and effectiveness.',
  ),
  r003(
    10,
    'Accountability',
    'Monitor progress of partnerships on at least an annual basis and share emerging best practices.',
  ),
  r003(
    11,
    'Funding',
    'Provide a basic level of ring-fenced resource for local partnership coordination and / or activities at force level.',
  ),
  r003(
    12,
    'Funding',
    'Provide resources and assistance for public sector partners to meet their statutory responsibilities.',
  ),
];

export const allSeedRecommendations: readonly SeedRecommendation[] = [
  ...hmicfrsOicRecommendations,
  ...iascPolicingRecommendations,
  ...traffickingStrategyActions,
  ...partnershipRecommendations2017,
];

export function seedRecommendation(code: string): SeedRecommendation | undefined {
  return allSeedRecommendations.find((r) => r.code === code);
}

/** Recommendations with a deadline on or before `asOf` (ISO date), soonest first. */
export function dueBy(
  asOf: string,
  recs: readonly SeedRecommendation[] = allSeedRecommendations,
): SeedRecommendation[] {
  return recs
    .filter((r) => r.deadline !== null && r.deadline <= asOf)
    .sort((a, b) =>
      a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : a.code.localeCompare(b.code),
    );
}
