import type { SeedRef } from './types.js';

/**
 * What seed 003 says about individual partnerships, beyond Appendix 1, in the vocabularies of its own survey
 * figures (chair and coordinator types as in Figures 5-6, member types Figure 7, activities Figure 8, progress
 * measures Figure 10, funding Figure 11). Only what the report states for that partnership is here: the survey's
 * per-partnership answers were not published, so everything else starts unknown and coordinators fill it in.
 */
export interface PartnershipDetails2017 {
  readonly chair?: string;
  readonly coordinator?: string;
  readonly memberTypes?: readonly string[];
  readonly memberNames?: readonly string[];
  readonly activities?: readonly string[];
  readonly governanceDocuments?: boolean;
  readonly actionPlan?: boolean;
  readonly progressMeasures?: readonly string[];
  readonly funding?: readonly string[];
  readonly meetingFrequency?: string;
  readonly seedRefs: readonly SeedRef[];
}

const ref = (where: string, quote: string): SeedRef => ({ seed: '003', where, quote });
const GOOD = 'What good work is happening now?';

export const partnershipDetails2017: Readonly<Record<string, PartnershipDetails2017>> = {
  'wales-partnerships': {
    coordinator: 'government',
    memberTypes: ['police', 'la', 'ngo', 'private', 'cps'],
    activities: ['intelligence', 'training', 'monitoring', 'other'],
    governanceDocuments: true,
    actionPlan: true,
    funding: ['government', 'mainstream'],
    seedRefs: [
      ref(
        'Wales: a structured and formalised approach to partnership working',
        'led by a dedicated antislavery co-ordinator who is funded by and accountable to the Welsh Government and working to a published delivery plan with strategic objectives',
      ),
      ref(
        'Wales: a structured and formalised approach to partnership working',
        'most of the staff and resource commitment comes in-kind from partner organisations',
      ),
      ref(`${GOOD} > Learning`, 'Wales started the first anti-slavery casework review group in the UK'),
    ],
  },
  'west-yorkshire-atms': {
    coordinator: 'ngo',
    memberNames: [
      'Hope for Justice (organiser)',
      'West Yorkshire Police',
      'Office of the Police and Crime Commissioner',
    ],
    memberTypes: ['police', 'opcc', 'ngo'],
    activities: ['intelligence', 'training'],
    funding: ['government', 'mainstream'],
    meetingFrequency: 'Quarterly',
    seedRefs: [
      ref(
        'West Yorkshire: statutory and voluntary sectors in a flexible partnership',
        'Police and Crime Commissioner Mark BurnsWilliamson secured a £200,000 grant from the Ministry of Justice to initiate a multi-agency partnership network',
      ),
      ref(
        'West Yorkshire: statutory and voluntary sectors in a flexible partnership',
        'Hope for Justice were subsequently approached to organise the West Yorkshire Anti-Trafficking Network',
      ),
      ref(
        'West Yorkshire: statutory and voluntary sectors in a flexible partnership',
        'The network does not have any statutory or governance role',
      ),
      ref(
        'West Yorkshire: statutory and voluntary sectors in a flexible partnership',
        'It meets quarterly to facilitate shared expertise, share information, intelligence and best practice, and plan joint training and action.',
      ),
    ],
  },
  'wolverhampton-asp': {
    memberNames: [
      'Gangmasters and Labour Abuse Authority',
      'West Midlands Police',
      'Immigration Enforcement',
      'Hope for Justice',
      'Transforming Communities Together',
      'Wolverhampton Council',
    ],
    memberTypes: ['glaa', 'police', 'immigration', 'ngo', 'fbo', 'la'],
    activities: ['training', 'intelligence', 'survivor'],
    governanceDocuments: true,
    actionPlan: true,
    seedRefs: [
      ref(
        'Wolverhampton: a grass-roots partnership moving to more formalised activity',
        'initially included the GLA, West Midlands Police, Immigration Enforcement, Hope for Justice, and Transforming Communities Together',
      ),
      ref(
        'Wolverhampton: a grass-roots partnership moving to more formalised activity',
        'Small sub-groups focused on training, intelligence and the ‘victim pathway’ into support.',
      ),
      ref(
        'Wolverhampton: a grass-roots partnership moving to more formalised activity',
        'The partnership has set an action-plan, working jointly on an improved local modern slavery profile.',
      ),
    ],
  },
  'nottingham-and-nottinghamshire-msp': {
    chair: 'la-district',
    coordinator: 'la-district',
    memberNames: [
      'Gedling Borough Council',
      'Nottinghamshire Police',
      'Fire and Rescue',
      'GLAA',
      'County, District and City Councils',
      'Chamber of Commerce',
      'British Red Cross',
      'NHS',
      'HMRC',
      'The Salvation Army',
      'University of Nottingham',
    ],
    memberTypes: ['police', 'fire', 'glaa', 'la', 'private', 'ngo', 'nhs', 'hmrc', 'university'],
    activities: ['training', 'awareness', 'supply-chains', 'survivor'],
    actionPlan: true,
    funding: ['opcc'],
    meetingFrequency: 'Quarterly',
    seedRefs: [
      ref(
        'Nottingham and Nottinghamshire: a new partnership with an ambitious agenda',
        'It is chaired by the Chief Executive of Gedling Borough Council, and the District council also provides coordination for the partnership’s quarterly meetings.',
      ),
      ref(
        'Nottingham and Nottinghamshire: a new partnership with an ambitious agenda',
        'commissioning training for frontline staff (provided by Hope for Justice and funded by the local Police and Crime Commissioner)',
      ),
      ref(
        'Nottingham and Nottinghamshire: a new partnership with an ambitious agenda',
        'An ambitious place-based action plan has been set',
      ),
    ],
  },
  'psni-partnerships': {
    chair: 'government',
    memberTypes: ['police', 'ngo', 'fbo'],
    activities: ['training', 'awareness'],
    seedRefs: [
      ref(
        `${GOOD} > Awareness raising`,
        'The engagement group is chaired by the Department of Justice and includes the Police Service of Northern Ireland, plus representatives from multiple NGO and faith partners.',
      ),
    ],
  },
  'hertfordshire-mssg': {
    memberNames: [
      'Hertfordshire Constabulary',
      'Office of the Police and Crime Commissioner',
      'Shiva Foundation',
      'Local authority',
    ],
    memberTypes: ['police', 'opcc', 'ngo', 'la'],
    seedRefs: [
      ref(
        `${GOOD} > Governance`,
        'a small team made up of the Police, Office of PCC, a charity (Shiva Foundation) and local authority',
      ),
    ],
  },
  'kent-and-essex-slasg': {
    activities: ['awareness', 'training'],
    seedRefs: [
      ref(
        'Case study: awareness-raising in Kent and Essex',
        'A third awareness-raising campaign has been completed and was carried out in multiple languages',
      ),
    ],
  },
  'humber-msp': {
    activities: ['training'],
    seedRefs: [
      ref(
        `${GOOD} > Training`,
        'In Humber ‘train the trainers’ sessions have allowed member agencies to send representatives to free training sessions.',
      ),
    ],
  },
  'hampshire-iow-msp': {
    activities: ['intelligence', 'enforcement'],
    meetingFrequency: "Bi-monthly ('pursue' group)",
    seedRefs: [
      ref(
        `${GOOD} > Intelligence gathering`,
        'a ‘pursue’ group within the partnership brings all of the law enforcement partners together bi-monthly',
      ),
    ],
  },
  'staffordshire-asp': {
    activities: ['enforcement'],
    seedRefs: [
      ref(
        `${GOOD} > Joint operations`,
        'Staffordshire felt that the practice of involving all partners with an active interest in visiting premises worked particularly well.',
      ),
    ],
  },
  'derby-and-derbyshire-msp': {
    memberNames: ['British Red Cross', 'YMCA'],
    memberTypes: ['ngo', 'fbo'],
    activities: ['survivor'],
    seedRefs: [
      ref(
        `${GOOD} > Reception centres and victim support`,
        'Derby and Derbyshire Modern Slavery Partnership are working with the British Red Cross and YMCA with some support from faith groups',
      ),
    ],
  },
  'dorset-asp': {
    activities: ['survivor'],
    seedRefs: [
      ref(
        `${GOOD} > Reception centres and victim support`,
        'In Dorset, facilities for reception centres and emergency provisions for NRM referrals are now being shared.',
      ),
    ],
  },
  'greater-manchester-mscu': {
    activities: ['intelligence', 'survivor'],
    seedRefs: [
      ref(
        `${GOOD} > Intelligence gathering`,
        'increasing contact has been provided between NGOs and Greater Manchester Police Victim Liaison Officers',
      ),
    ],
  },
  'west-midlands-asn': {
    activities: ['survivor'],
    seedRefs: [
      ref(
        `${GOOD} > Reception centres and victim support`,
        'The West Midlands antislavery partnership was also exploring provision of pre-NRM support across multiple local authority borders.',
      ),
    ],
  },
  'bristol-operation-breakthrough': {
    activities: ['enforcement', 'other'],
    seedRefs: [
      ref(
        `${GOOD} > Support for sex workers`,
        'Bristol’s Operation Breakthrough engages specialist sexwork liaison officers in multi-agency visits',
      ),
    ],
  },
  'warrington-asn': {
    activities: ['training', 'other'],
    seedRefs: [
      ref(
        `${GOOD} > Training`,
        'In Warrington an online survey was carried out across all statutory partners to establish a baseline for training needs.',
      ),
    ],
  },
  'lincolnshire-police-msp': {
    activities: ['awareness'],
    seedRefs: [
      ref(
        `${GOOD} > Awareness raising`,
        'Lincolnshire has also established a business accreditation partnership',
      ),
    ],
  },
  'south-west-asp': {
    activities: ['monitoring'],
    seedRefs: [
      ref(
        `${GOOD} > Learning`,
        'In the South West, learning has been collated in shared toolkits, and there is regular reporting and sharing of good practice',
      ),
    ],
  },
  'cleveland-arrangements': {
    progressMeasures: ['peer-review'],
    seedRefs: [
      ref(
        `${GOOD} > Learning`,
        'In Cleveland the force has requested that Hope for Justice conduct a ‘peer review’',
      ),
    ],
  },
  'nottingham-ms-forum': {
    activities: ['awareness'],
    seedRefs: [
      ref(
        'Nottingham and Nottinghamshire: a new partnership with an ambitious agenda',
        'Nottingham’s City-based Modern Slavery Forum, which raises awareness with the local voluntary and community sector',
      ),
    ],
  },
  'northumbria-bilaterals': {
    memberNames: [
      'Hope for Justice',
      'Changing Lives',
      'Community Safety Partnerships',
      'Local authorities',
      'Immigration / Border Force',
      'DWP',
      'HMRC',
      'HSE',
    ],
    memberTypes: ['ngo', 'csp', 'la', 'immigration', 'police', 'dwp', 'hmrc', 'hse'],
    seedRefs: [
      ref(
        'Appendix 1: anti-slavery partnership arrangements in the UK (responding to April 2017 survey) > Other arrangements (bi-laterals etc.) 2',
        'Northumbria Police: Bi-laterals with Hope for',
      ),
    ],
  },
};
