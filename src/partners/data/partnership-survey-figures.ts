import type { SeedRef, SurveyCategory, SurveyFigure } from './types.js';

/**
 * The charts of seed 003 as chartable data. The published bar charts carry no bar labels in the text the seed
 * preserves, so `count` is null except where the prose states a number; `rank` is the bar's position in the
 * chart, which the prose confirms runs from most to least frequent.
 */
const ranked = (
  labels: readonly (readonly [key: string, label: string, count?: number])[],
): SurveyCategory[] =>
  labels.map(([key, label, count], i) => ({ key, label, rank: i + 1, count: count ?? null }));

const ref = (where: string, quote: string): SeedRef => ({ seed: '003', where, quote });

export const partnershipSurvey2017 = {
  surveyMonth: '2017-04',
  responses: 51,
  forceAreas: 40,
  partnerships: 42,
  seedRef: ref(
    'Research methodology',
    '51 responses were received from Police, local authorities, NGOs and faith based organisations across 40 force areas identifying 42 examples of individual partnerships or multi-layer networks dealing with modern slavery',
  ),
} as const;

export const partnershipSurveyFigures: readonly SurveyFigure[] = [
  {
    id: 'chairs',
    figure: 'Figure 5',
    title: 'Which organisations chair multi-agency partnerships?',
    question: 'Which organisation chairs the partnership?',
    measure: 'counted cases',
    categories: ranked([
      ['police', 'Police'],
      ['la-top-tier', 'Local authority (top tier)'],
      ['ngo', 'NGO'],
      ['independent', 'Independent'],
      ['rotates', 'Rotates'],
      ['government', 'Government'],
      ['cps', 'CPS'],
      ['to-be-decided', 'To be decided'],
      ['opcc', 'OPCC'],
      ['police-ngo', 'Police / NGO'],
      ['regional-lga', 'Regional LGA', 1],
      ['la-district', 'Local authority (district)', 1],
      ['health', 'Health', 1],
    ]),
    findings: [
      'The majority of existing partnerships are currently chaired by Police officers.',
      'Top tier (County or Unitary) local authorities are the next most common chairs for partnerships (albeit at barely a quarter of the number chaired by Police)',
      'There was one case each of a partnership being chaired by a Regional Local Government Association, a District local authority, and the NHS.',
    ],
    seedRef: ref(
      'Who leads and coordinates anti-slavery partnership work? > Figure 5',
      'There was one case each of a partnership being chaired by a Regional Local Government Association, a District local authority, and the NHS.',
    ),
  },
  {
    id: 'coordinators',
    figure: 'Figure 6',
    title: 'Which organisations coordinate multi-agency partnerships?',
    question: 'Which organisation convenes meetings and organises actions?',
    measure: 'counted cases',
    categories: ranked([
      ['police', 'Police'],
      ['ngo', 'NGO'],
      ['la-top-tier', 'Local authority (top tier)'],
      ['government', 'Government'],
      ['cps', 'CPS'],
      ['independent', 'Independent'],
      ['regional-lga', 'Regional LGA'],
      ['opcc', 'OPCC'],
      ['to-be-decided', 'To be decided'],
      ['rotates', 'Rotates'],
      ['la-district', 'Local authority (district)'],
      ['health', 'Health'],
    ]),
    findings: [
      'Operational Police officers are by far the most common co-ordinators of partnerships',
      'NGOs are the next most prominent partners, followed by top tier local authorities.',
    ],
    seedRef: ref(
      'Who leads and coordinates anti-slavery partnership work? > Figure 6',
      'operational Police officers are by far the most common co-ordinators of partnerships',
    ),
  },
  {
    id: 'members',
    figure: 'Figure 7',
    title: 'Members of modern slavery partnerships',
    question: 'Which organisations are members?',
    measure: 'word cloud',
    categories: ranked([
      ['adults-social-services', 'Adult social services'],
      ['childrens-social-services', "Children's social services"],
      ['police', 'Police'],
      ['fire', 'Fire service'],
      ['glaa', 'GLAA'],
      ['ngo', 'NGOs (national and local voluntary and community sector)'],
      ['immigration', 'Immigration enforcement'],
      ['hmrc', 'HMRC'],
      ['nhs', 'NHS'],
      ['la', 'Local authorities'],
      ['opcc', 'OPCC'],
      ['cps', 'CPS'],
      ['nca', 'NCA'],
      ['rocu', 'ROCU'],
      ['dwp', 'DWP'],
      ['hse', 'HSE'],
      ['home-office', 'Home Office'],
      ['ukvi', 'UKVI'],
      ['ukba', 'UKBA'],
      ['gain', 'GAIN'],
      ['crimestoppers', 'Crimestoppers'],
      ['housing', 'Housing'],
      ['safeguarding', 'Safeguarding'],
      ['health', 'Health'],
      ['probation', 'Probation'],
      ['hmps', 'HM Prison Service'],
      ['noms', 'NOMS'],
      ['courts', 'Courts'],
      ['csp', 'Community safety partnerships'],
      ['pvvp', 'PVVP'],
      ['lga', 'LGA'],
      ['councillors', 'Councillors'],
      ['central-government', 'Central government'],
      ['iasc', 'IASC'],
      ['fbo', 'Faith based organisations'],
      ['university', 'Universities'],
      ['private', 'Private sector'],
      ['recruitment', 'Recruitment'],
      ['construction', 'Construction'],
      ['food', 'Food'],
      ['airport', 'Airport'],
      ['cab', 'Citizens Advice'],
      ['lep', 'LEP'],
      ['law', 'Law'],
      ['equality', 'Equality'],
      ['serco', 'SERCO'],
    ]),
    findings: [
      'More than 50 different types of organisation were engaged in modern slavery partnerships from the public, private, community, faith and voluntary sectors',
      'the NHS and local authorities were usually represented in partnership membership, despite not generally taking a leadership role',
    ],
    seedRef: ref(
      'What other organisations are involved? > Figure 7',
      'More than 50 different types of organisation were engaged in modern slavery partnerships from the public, private, community, faith and voluntary sectors',
    ),
  },
  {
    id: 'activities',
    figure: 'Figure 8',
    title: 'Activities undertaken by partnerships',
    question: 'Which activities does the partnership engage in?',
    measure: 'counted cases',
    categories: ranked([
      ['intelligence', 'Intelligence sharing'],
      ['training', 'Training frontline staff'],
      ['awareness', 'Community awareness raising'],
      ['monitoring', 'Monitoring and analysis of progress'],
      ['enforcement', 'Planning for joint enforcement'],
      ['survivor', 'Survivor support'],
      ['referrals', 'Co-ordinating referrals'],
      ['commissioning', 'Joint commissioning'],
      ['supply-chains', 'Supply chains analysis'],
      ['other', 'Other'],
    ]),
    findings: [
      'for most partnerships, key activities included intelligence sharing, training frontline staff and community awareness-raising',
      'fewer partnerships were working together to joint-commission appropriate services for their area',
      'Supply chains analysis was also relatively uncommon',
    ],
    seedRef: ref(
      'What do partnerships do? > Figure 8',
      'for most partnerships, key activities included intelligence sharing, training frontline staff and community awareness-raising',
    ),
  },
  {
    id: 'governance-documents',
    figure: 'Figure 9',
    title: 'Action plans or governance documents available?',
    question: 'Does the partnership have governance documents? An action plan?',
    measure: 'percent of counted cases',
    categories: ranked([
      ['governance-no', 'Governance documents: no'],
      ['governance-yes', 'Governance documents: yes'],
      ['action-plan-no', 'Action plan: no'],
      ['action-plan-yes', 'Action plan: yes'],
    ]),
    findings: [
      'just under two thirds of partnerships had some type of governance documentation in place, more than half did not have action plans',
    ],
    seedRef: ref(
      'How do partnerships measure progress? > Figure 9',
      'just under two thirds of partnerships had some type of governance documentation in place, more than half did not have action plans',
    ),
  },
  {
    id: 'progress-measures',
    figure: 'Figure 10',
    title: 'How do partnerships measure progress?',
    question: 'How do you measure whether the partnership is meeting its objectives?',
    measure: 'counted cases',
    categories: ranked([
      [
        'progress-monitoring-and-accountability',
        'Progress monitoring and accountability (minutes and actions)',
      ],
      ['none', 'None'],
      ['outcomes', 'Outcomes'],
      ['commissioning-agreement', 'Commissioning agreement'],
      ['outputs', 'Outputs'],
      ['outcomes-and-progress-monitoring', 'Outcomes / progress monitoring and accountability'],
      ['peer-review', 'Peer review'],
      ['outputs-and-outcomes', 'Outputs / outcomes'],
    ]),
    findings: [
      'for most partnerships the principal form of measurement was through recording minutes and actions for individual partners',
      'The next most common answer was that there was no progress monitoring.',
      'Only tiny numbers were exploring the use of output or outcome measures',
    ],
    seedRef: ref(
      'How do partnerships measure progress? > Figure 10',
      'for most partnerships the principal form of measurement was through recording minutes and actions for individual partners',
    ),
  },
  {
    id: 'funding-sources',
    figure: 'Figure 11',
    title: 'Funding sources',
    question: 'How is partnership work funded?',
    measure: 'counted cases',
    categories: ranked([
      ['mainstream', 'Mainstream (partners’ own budgets and staff time)'],
      ['government', 'Government'],
      ['opcc', 'OPCC'],
      ['no-funds', 'No funds'],
      ['ngo', 'NGO'],
      ['unknown', 'Unknown'],
      ['police-opcc', 'Police / OPCC'],
      ['police', 'Police'],
      ['opcc-mainstream', 'OPCC / mainstream'],
      ['ngo-opcc', 'NGO / OPCC'],
      ['la-opcc', 'Local authority / OPCC'],
      ['la', 'Local authority'],
      ['hse', 'HSE'],
      ['faith-based', 'Faith based'],
    ]),
    findings: [
      'For most partnerships the main source of funding for their work was the individual budgets and staff time of participating organisations.',
      'A few partnerships (principally in the devolved administrations) looked to central Government bodies to provide the major part of their funding.',
    ],
    seedRef: ref(
      'How is work funded? > Figure 11',
      'For most partnerships the main source of funding for their work was the individual budgets and staff time of participating organisations.',
    ),
  },
  {
    id: 'gaps',
    figure: 'Figure 12',
    title: 'What gaps are there in partnership work?',
    question: 'What gaps are there in partnership work?',
    measure: 'counted cases',
    categories: ranked([
      ['strategic-coordination', 'Strategic coordination'],
      ['no-gaps', 'No gaps'],
      ['engagement', 'Engagement'],
      ['victims', 'Victims'],
      ['awareness', 'Awareness'],
      ['data', 'Data'],
      ['info-sharing', 'Information sharing'],
      ['training', 'Training'],
      ['resources', 'Resources'],
      ['funding', 'Funding'],
    ]),
    findings: [
      'Practitioners focussed most often on the need for better strategic coordination at a national level, and between national, regional and local levels.',
      'the next most-common response in relation to gaps was that there were no gaps in partnership work',
    ],
    seedRef: ref(
      'Gaps, challenges and increasing partnership effectiveness > Figure 12',
      'Practitioners focussed most often on the need for better strategic coordination at a national level, and between national, regional and local levels.',
    ),
  },
  {
    id: 'challenges',
    figure: 'Figure 13',
    title: 'Common identified challenges',
    question: 'What are the key challenges?',
    measure: 'counted cases',
    categories: ranked([
      ['coordination', 'Coordination'],
      ['funding', 'Funding'],
      ['ownership', 'Ownership'],
      ['awareness', 'Awareness'],
      ['conflicts', 'Conflicts between partners’ objectives'],
      ['intelligence', 'Intelligence'],
      ['engagement', 'Engagement'],
      ['data', 'Data'],
      ['victims', 'Victims'],
      ['training', 'Training'],
    ]),
    findings: ['The most frequently cited challenge for practitioners was also co-ordination'],
    seedRef: ref(
      'What do practitioners see as the key challenges? > Figure 13',
      'The most frequently cited challenge for practitioners was also co-ordination',
    ),
  },
];

/** The 2025 picture from seed 002, for comparison with the 2017 survey. */
export const partnershipPicture2025 = {
  msLeadsReportingAPartnership: { yes: 70, no: 8, unsure: 22, respondents: 37 },
  partnershipsIdentifiedByRocuCoordinators: 20,
  ledByPccOffice: 2,
  chairedByUniversityExpert: 1,
  seedRef: {
    seed: '002',
    where: 'Investigating and disrupting > Multi-Agency Collaboration',
    quote: 'ROCU MSHT and OIC coordinators between them identified 20 partnerships in England and Wales',
  } satisfies SeedRef,
  moreRefs: [
    {
      seed: '002',
      where: 'Investigating and disrupting > Multi-Agency Collaboration',
      quote:
        'When surveyed, 70% of the MS Leads confirmed the presence of some form of anti-slavery partnership in their area, while 8% said there were none and 22% were unsure.',
    },
  ] satisfies SeedRef[],
} as const;

export function surveyFigure(id: string): SurveyFigure | undefined {
  return partnershipSurveyFigures.find((f) => f.id === id);
}
