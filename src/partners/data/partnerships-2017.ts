import type { Partnership2017, PartnershipLevel, PartnershipNote, UkNation } from './types.js';

/** Force areas referred to below, with the codes of /work/shared/data/forces/forces.csv. */
export const FORCE_AREAS = {
  met: { code: 'E23000001', name: 'Metropolitan Police' },
  cityOfLondon: { code: 'E23000034', name: 'City of London Police' },
  lancashire: { code: 'E23000003', name: 'Lancashire Constabulary' },
  merseyside: { code: 'E23000004', name: 'Merseyside Police' },
  greaterManchester: { code: 'E23000005', name: 'Greater Manchester Police' },
  cheshire: { code: 'E23000006', name: 'Cheshire Constabulary' },
  northumbria: { code: 'E23000007', name: 'Northumbria Police' },
  northYorkshire: { code: 'E23000009', name: 'North Yorkshire Police' },
  westYorkshire: { code: 'E23000010', name: 'West Yorkshire Police' },
  southYorkshire: { code: 'E23000011', name: 'South Yorkshire Police' },
  humberside: { code: 'E23000012', name: 'Humberside Police' },
  cleveland: { code: 'E23000013', name: 'Cleveland Police' },
  westMidlands: { code: 'E23000014', name: 'West Midlands Police' },
  staffordshire: { code: 'E23000015', name: 'Staffordshire Police' },
  westMercia: { code: 'E23000016', name: 'West Mercia Police' },
  warwickshire: { code: 'E23000017', name: 'Warwickshire Police' },
  derbyshire: { code: 'E23000018', name: 'Derbyshire Constabulary' },
  nottinghamshire: { code: 'E23000019', name: 'Nottinghamshire Police' },
  lincolnshire: { code: 'E23000020', name: 'Lincolnshire Police' },
  leicestershire: { code: 'E23000021', name: 'Leicestershire Police' },
  northamptonshire: { code: 'E23000022', name: 'Northamptonshire Police' },
  cambridgeshire: { code: 'E23000023', name: 'Cambridgeshire Constabulary' },
  bedfordshire: { code: 'E23000026', name: 'Bedfordshire Police' },
  hertfordshire: { code: 'E23000027', name: 'Hertfordshire Constabulary' },
  essex: { code: 'E23000028', name: 'Essex Police' },
  thamesValley: { code: 'E23000029', name: 'Thames Valley Police' },
  hampshire: { code: 'E23000030', name: 'Hampshire and Isle of Wight Constabulary' },
  kent: { code: 'E23000032', name: 'Kent Police' },
  sussex: { code: 'E23000033', name: 'Sussex Police' },
  devonCornwall: { code: 'E23000035', name: 'Devon and Cornwall Police' },
  avonSomerset: { code: 'E23000036', name: 'Avon and Somerset Police' },
  gloucestershire: { code: 'E23000037', name: 'Gloucestershire Constabulary' },
  wiltshire: { code: 'E23000038', name: 'Wiltshire Police' },
  dorset: { code: 'E23000039', name: 'Dorset Police' },
  northWales: { code: 'W15000001', name: 'North Wales Police' },
  gwent: { code: 'W15000002', name: 'Gwent Police' },
  southWales: { code: 'W15000003', name: 'South Wales Police' },
  dyfedPowys: { code: 'W15000004', name: 'Dyfed-Powys Police' },
  scotland: { code: 'S23000009', name: 'Police Scotland' },
  psni: { code: 'N23000001', name: 'Police Service of Northern Ireland' },
} as const;

type ForceKey = keyof typeof FORCE_AREAS;

const APPENDIX =
  'Appendix 1: anti-slavery partnership arrangements in the UK (responding to April 2017 survey)';

const GROUPS: Readonly<Record<PartnershipLevel, string>> = {
  local: 'Local',
  'sub-regional': 'County/Sub-regional',
  regional: 'Regional',
  national: 'National',
  other: 'Other arrangements (bi-laterals etc.)',
};

interface Entry {
  id: string;
  name: string;
  components?: readonly string[];
  area: string;
  nation?: UkNation;
  forces: readonly ForceKey[];
  appendixNotes?: readonly string[];
  notes?: readonly PartnershipNote[];
  /** A verbatim piece of the appendix entry, when the full entry wraps awkwardly in the PDF text. */
  quote?: string;
}

function group(level: PartnershipLevel, entries: readonly Entry[]): Partnership2017[] {
  return entries.map((e, i) => ({
    id: e.id,
    level,
    appendixGroup: GROUPS[level],
    appendixNumber: i + 1,
    name: e.name,
    components: e.components ?? [e.name],
    area: e.area,
    nation: e.nation ?? 'england',
    forceCodes: e.forces.map((f) => FORCE_AREAS[f].code),
    appendixNotes: e.appendixNotes ?? [],
    notes: e.notes ?? [],
    source: '2017 survey',
    seedRef: { seed: '003', where: `${APPENDIX} > ${GROUPS[level]} ${i + 1}`, quote: e.quote ?? e.name },
  }));
}

const note = (text: string, where: string, quote: string): PartnershipNote => ({
  text,
  seedRef: { seed: '003', where, quote },
});

/**
 * The 42 partnerships of seed 003 Appendix 1, grouped by level exactly as the appendix groups them. The
 * appendix has a fifth group, "Other arrangements (bi-laterals etc.)", which is kept as level 'other' rather
 * than forced into one of the four levels.
 */
export const partnerships2017: readonly Partnership2017[] = [
  ...group('local', [
    {
      id: 'brighton-and-hove-msg',
      name: 'Brighton and Hove Modern Slavery Group',
      area: 'Brighton and Hove',
      forces: ['sussex'],
    },
    {
      id: 'bristol-operation-breakthrough',
      name: 'Bristol based Operation Breakthrough',
      area: 'Bristol',
      forces: ['avonSomerset'],
      notes: [
        note(
          'Engages specialist sex-work liaison officers in multi-agency visits; has a guidance manual with a toolkit of tactical options.',
          'What good work is happening now? > Support for sex workers',
          'Bristol’s Operation Breakthrough engages specialist sexwork liaison officers in multi-agency visits',
        ),
      ],
    },
    {
      id: 'blackpool-asp',
      name: 'Blackpool Anti-Slavery Partnership',
      area: 'Blackpool',
      forces: ['lancashire'],
      notes: [
        note(
          'Initiated at local level independently of wider sub-regional arrangements.',
          'Mapping anti-slavery partnerships in the UK in 2017',
          'initiated at a local level independently of wider sub-regional arrangements',
        ),
      ],
    },
    {
      id: 'croydon-asp',
      name: 'Croydon Anti-Slavery Partnership',
      area: 'London Borough of Croydon',
      forces: ['met'],
    },
    {
      id: 'fenland-partnership-taskforce',
      name: 'Fenland Partnership Taskforce',
      area: 'Fenland, Cambridgeshire',
      forces: ['cambridgeshire'],
    },
    {
      id: 'gatwick-msp',
      name: 'Gatwick Modern Slavery Partnership',
      area: 'Gatwick Airport',
      forces: ['sussex'],
    },
    {
      id: 'nottingham-ms-forum',
      name: 'Nottingham Modern Slavery Forum',
      area: 'Nottingham',
      forces: ['nottinghamshire'],
      notes: [
        note(
          'City-based forum raising awareness with the local voluntary and community sector; feeds updates to the Nottingham and Nottinghamshire partnership.',
          'Nottingham and Nottinghamshire: a new partnership with an ambitious agenda',
          'receives updates from Nottingham’s City-based Modern Slavery Forum, which raises awareness with the local voluntary and community sector',
        ),
      ],
    },
    {
      id: 'warrington-asn',
      name: 'Warrington Anti-Slavery Network',
      area: 'Warrington',
      forces: ['cheshire'],
      notes: [
        note(
          'Online survey of all statutory partners to set a baseline for training needs; sexual health advisors supporting Eastern European sex workers.',
          'What good work is happening now? > Training',
          'In Warrington an online survey was carried out across all statutory partners to establish a baseline for training needs.',
        ),
      ],
    },
    {
      id: 'wolverhampton-asp',
      name: 'Wolverhampton Anti-Slavery Partnership',
      area: 'Wolverhampton',
      forces: ['westMidlands'],
      notes: [
        note(
          'Grass-roots partnership (WASP) that grew organically from GLAA frontline work; recently formalised with terms of reference and an action plan; intelligence updates from West Midlands Police at each meeting.',
          'Wolverhampton: a grass-roots partnership moving to more formalised activity',
          'The partnership has set an action-plan, working jointly on an improved local modern slavery profile.',
        ),
      ],
    },
  ]),
  ...group('sub-regional', [
    {
      id: 'avon-and-somerset-asp',
      name: 'Avon and Somerset Anti-Slavery Partnership',
      area: 'Avon and Somerset',
      forces: ['avonSomerset'],
    },
    {
      id: 'bedfordshire-ams',
      name: 'Bedfordshire Against Modern Slavery / Bedfordshire Police MS&HT Partnership Development Group',
      components: [
        'Bedfordshire Against Modern Slavery',
        'Bedfordshire Police MS&HT Partnership Development Group',
      ],
      area: 'Bedfordshire',
      forces: ['bedfordshire'],
      quote: 'Bedfordshire Against Modern Slavery / Bedfordshire Police MS&HT Partnership Development Group',
    },
    { id: 'cheshire-asn', name: 'Cheshire Anti-Slavery Network', area: 'Cheshire', forces: ['cheshire'] },
    {
      id: 'derby-and-derbyshire-msp',
      name: 'Derby and Derbyshire Modern Slavery Partnership',
      area: 'Derby and Derbyshire',
      forces: ['derbyshire'],
      notes: [
        note(
          "Works with the British Red Cross and YMCA on 'Your Space', a five-day support and accommodation service for people considering the NRM and those who choose not to enter it.",
          'What good work is happening now? > Reception centres and victim support',
          'Derby and Derbyshire Modern Slavery Partnership are working with the British Red Cross and YMCA',
        ),
      ],
    },
    {
      id: 'devon-and-cornwall-asp',
      name: 'Devon and Cornwall Anti-Slavery Partnership',
      area: 'Devon and Cornwall',
      forces: ['devonCornwall'],
    },
    {
      id: 'dorset-asp',
      name: 'Dorset Anti-Slavery Partnership',
      area: 'Dorset',
      forces: ['dorset'],
      notes: [
        note(
          'Shares facilities for reception centres and emergency provisions for NRM referrals.',
          'What good work is happening now? > Reception centres and victim support',
          'In Dorset, facilities for reception centres and emergency provisions for NRM referrals are now being shared.',
        ),
      ],
    },
    {
      id: 'gloucestershire-asp',
      name: 'Gloucestershire Anti-Slavery Partnership',
      area: 'Gloucestershire',
      forces: ['gloucestershire'],
    },
    {
      id: 'hampshire-iow-msp',
      name: 'Hampshire & Isle of Wight Modern Slavery Partnership',
      area: 'Hampshire and the Isle of Wight',
      forces: ['hampshire'],
      notes: [
        note(
          "A bi-monthly 'pursue' group brings all law enforcement partners together; district SPOCs embed modern slavery in neighbourhood policing.",
          'What good work is happening now? > Intelligence gathering',
          'a ‘pursue’ group within the partnership brings all of the law enforcement partners together bi-monthly',
        ),
      ],
    },
    {
      id: 'hertfordshire-mssg',
      name: 'Hertfordshire Modern Slavery Steering Group',
      area: 'Hertfordshire',
      forces: ['hertfordshire'],
      notes: [
        note(
          'Recently established by the Police, the Office of the PCC, a charity (Shiva Foundation) and the local authority, after an initial multi-agency conference.',
          'What good work is happening now? > Governance',
          'Hertfordshire have recently established a modern slavery partnership.',
        ),
      ],
    },
    {
      id: 'humber-msp',
      name: 'Humber Modern Slavery Partnership',
      area: 'Humber',
      forces: ['humberside'],
      notes: [
        note(
          "'Train the trainers' sessions let member agencies retrain their own staff.",
          'What good work is happening now? > Training',
          'In Humber ‘train the trainers’ sessions have allowed member agencies to send representatives to free training sessions.',
        ),
      ],
    },
    {
      id: 'kent-and-essex-slasg',
      name: 'Kent and Essex Strategic Leadership Anti-Slavery Group / Tactical Anti-Slavery Sub group / Regional Anti-Slavery sub-group / Charities and Volunteer Sector Anti Slavery sub-group',
      components: [
        'Kent and Essex Strategic Leadership Anti-Slavery Group',
        'Tactical Anti-Slavery Sub group',
        'Regional Anti-Slavery sub-group',
        'Charities and Volunteer Sector Anti Slavery sub-group',
      ],
      area: 'Kent and Essex',
      forces: ['kent', 'essex'],
      quote: 'Kent and Essex Strategic Leadership Anti-Slavery Group / Tactical Anti-Slavery Sub group',
      notes: [
        note(
          'Crosses police force boundaries; multilingual awareness campaigns (Albanian, Vietnamese, Polish, Romanian, Lithuanian); about 5,000 frontline people trained.',
          'Case study: awareness-raising in Kent and Essex',
          'A third awareness-raising campaign has been completed and was carried out in multiple languages including Albanian, Vietnamese, Polish, Romanian and Lithuanian.',
        ),
      ],
    },
    {
      id: 'lancashire-msp',
      name: 'Lancashire Modern Slavery Partnership',
      area: 'Lancashire',
      forces: ['lancashire'],
      appendixNotes: ['planned, new'],
      quote: 'Lancashire Modern Slavery Partnership (planned, new)',
    },
    {
      id: 'lincolnshire-police-msp',
      name: 'Lincolnshire Police Modern Slavery Partnership / Business Accreditation Partnership',
      components: ['Lincolnshire Police Modern Slavery Partnership', 'Business Accreditation Partnership'],
      area: 'Lincolnshire',
      forces: ['lincolnshire'],
      quote: 'Lincolnshire Police Modern Slavery Partnership /',
      notes: [
        note(
          "Business accreditation partnership welcomed by labour suppliers; the NGO 'Just Enough' educates local school children.",
          'What good work is happening now? > Awareness raising',
          'Lincolnshire has also established a business accreditation partnership',
        ),
      ],
    },
    {
      id: 'london-working-group',
      name: 'Human Trafficking & Modern Slavery London Working Group (LWG)',
      area: 'London',
      forces: ['met', 'cityOfLondon'],
      quote: 'Human Trafficking & Modern Slavery London Working Group (LWG)',
    },
    {
      id: 'greater-manchester-mscu',
      name: 'Greater Manchester Modern Slavery Coordination Unit',
      components: [
        'Greater Manchester Modern Slavery Coordination Unit (multi-agency co-located internal partnership)',
        'Modern Slavery Response Network (external partners)',
      ],
      area: 'Greater Manchester',
      forces: ['greaterManchester'],
      appendixNotes: [
        'includes multi-agency co located internal partnership, and Modern Slavery Response Network with external partners',
      ],
      quote: 'Greater Manchester Modern Slavery Coordination Unit',
      notes: [
        note(
          'Contact between NGOs and 95 Victim Liaison Officers doubled NGO referrals into the Modern Slavery Unit in 2016; pre-NRM safe houses.',
          'What good work is happening now? > Intelligence gathering',
          'leading to a doubling in referrals into the Modern Slavery Unit from NGO’s in 2016 compared to 2015',
        ),
      ],
    },
    {
      id: 'merseyside-htms',
      name: 'Merseyside Human Trafficking and Modern Slavery Meeting / Merseyside Slavery Network',
      components: ['Merseyside Human Trafficking and Modern Slavery Meeting', 'Merseyside Slavery Network'],
      area: 'Merseyside',
      forces: ['merseyside'],
      quote: 'Merseyside Human Trafficking and Modern Slavery Meeting / Merseyside Slavery Network',
    },
    {
      id: 'nottingham-and-nottinghamshire-msp',
      name: 'Nottingham and Nottinghamshire Modern Slavery Partnership',
      area: 'Nottingham and Nottinghamshire',
      forces: ['nottinghamshire'],
      notes: [
        note(
          'Set up late 2016 as a sub-group of the Safer Nottinghamshire Board; chaired by the Chief Executive of Gedling Borough Council, which also coordinates the quarterly meetings; place-based slavery-free action plan and community pledge.',
          'Nottingham and Nottinghamshire: a new partnership with an ambitious agenda',
          'It is chaired by the Chief Executive of Gedling Borough Council',
        ),
      ],
    },
    {
      id: 'northamptonshire-msg',
      name: 'Northamptonshire Modern Slavery Group',
      area: 'Northamptonshire',
      forces: ['northamptonshire'],
    },
    {
      id: 'north-yorkshire-atpwg',
      name: 'North Yorkshire Anti-Trafficking Practitioners Working Group',
      area: 'North Yorkshire',
      forces: ['northYorkshire'],
      quote: 'North Yorkshire Anti-Trafficking Practitioners Working',
    },
    {
      id: 'south-yorkshire-aspg',
      name: 'South Yorkshire Anti-Slavery Practitioners Group',
      area: 'South Yorkshire',
      forces: ['southYorkshire'],
      appendixNotes: ['currently no NGO representation'],
      quote: 'South Yorkshire Anti-Slavery Practitioners Group',
    },
    {
      id: 'staffordshire-asp',
      name: 'Staffordshire Anti-Slavery Partnership',
      area: 'Staffordshire',
      forces: ['staffordshire'],
      notes: [
        note(
          'Involves every partner with an active interest in joint visits to premises.',
          'What good work is happening now? > Joint operations',
          'Staffordshire felt that the practice of involving all partners with an active interest in visiting premises worked particularly well.',
        ),
      ],
    },
    {
      id: 'sussex-pan-sussex',
      name: 'Sussex – Pan-Sussex Partnership, and safer West-Sussex Partnership',
      components: ['Pan-Sussex Partnership', 'Safer West Sussex Partnership'],
      area: 'Sussex',
      forces: ['sussex'],
      quote: 'Sussex – Pan-Sussex Partnership, and safer West-Sussex',
    },
    {
      id: 'swindon-and-wiltshire-asp',
      name: 'Swindon and Wiltshire Anti-Slavery Partnership',
      area: 'Swindon and Wiltshire',
      forces: ['wiltshire'],
    },
    {
      id: 'thames-valley-asn',
      name: 'Thames Valley Anti-Slavery Networks',
      components: [
        'Berkshire Anti-Slavery Network',
        'Buckinghamshire Anti-Slavery Network',
        'Milton Keynes Anti-Slavery Network',
        'Oxfordshire Anti-Slavery Network',
      ],
      area: 'Thames Valley (Berkshire, Buckinghamshire, Milton Keynes, Oxfordshire)',
      forces: ['thamesValley'],
      appendixNotes: [
        'encompasses Berkshire Anti-Slavery Network, Buckinghamshire Anti-Slavery Network, Milton Keynes Anti-Slavery Network and Oxfordshire Anti-Slavery Network',
      ],
      quote: 'Thames Valley Anti-Slavery Networks (encompasses',
    },
    {
      id: 'west-yorkshire-atms',
      name: 'West Yorkshire Anti Trafficking and Modern Slavery network',
      components: ['Leeds', 'Kirklees', 'Calderdale', 'Bradford', 'Wakefield'].map(
        (p) => `${p} anti-slavery network`,
      ),
      area: 'West Yorkshire (Leeds, Kirklees, Calderdale, Bradford, Wakefield)',
      forces: ['westYorkshire'],
      appendixNotes: [
        'encompasses anti-slavery networks in Leeds, Kirklees, Calderdale, Bradford, and Wakefield',
      ],
      quote: 'West Yorkshire Anti Trafficking and Modern Slavery network',
      notes: [
        note(
          'Established 2014 with a £200,000 Ministry of Justice grant secured by the PCC; organised by Hope for Justice; meets quarterly; five local fora working to the 4Ps; a flexible network with no statutory or governance role.',
          'West Yorkshire: statutory and voluntary sectors in a flexible partnership',
          'It meets quarterly to facilitate shared expertise',
        ),
      ],
    },
  ]),
  ...group('regional', [
    {
      id: 'east-midlands-htmds',
      name: 'East Midlands Regional Human Trafficking and Modern Day Slavery Tactical Meeting / East Midlands Anti-Human Trafficking Partnership meeting',
      components: [
        'East Midlands Regional Human Trafficking and Modern Day Slavery Tactical Meeting',
        'East Midlands Anti-Human Trafficking Partnership meeting',
      ],
      area: 'East Midlands',
      forces: ['derbyshire', 'nottinghamshire', 'lincolnshire', 'leicestershire', 'northamptonshire'],
      quote: 'East Midlands Regional Human Trafficking and Modern Day Slavery Tactical Meeting',
    },
    {
      id: 'south-west-asp',
      name: 'South West Region Anti-Slavery Partnership',
      area: 'South West England',
      forces: ['devonCornwall', 'avonSomerset', 'gloucestershire', 'wiltshire', 'dorset'],
      notes: [
        note(
          'Learning collated in shared toolkits; regular reporting and sharing of good practice between force-level partnerships.',
          'What good work is happening now? > Learning',
          'In the South West, learning has been collated in shared toolkits',
        ),
      ],
    },
    {
      id: 'west-midlands-asn',
      name: 'West Midlands Anti-Slavery Network (WMASN) / WM Panel for the Protection of Trafficked Children / WM Preventing Violence against Vulnerable People (PVVP) Board',
      components: [
        'West Midlands Anti-Slavery Network (WMASN)',
        'WM Panel for the Protection of Trafficked Children',
        'WM Preventing Violence against Vulnerable People (PVVP) Board',
      ],
      area: 'West Midlands region',
      forces: ['westMidlands', 'staffordshire', 'westMercia', 'warwickshire'],
      quote: 'West Midlands Anti-Slavery Network (WMASN) /',
      notes: [
        note(
          'Exploring pre-NRM support across several local authority borders.',
          'What good work is happening now? > Reception centres and victim support',
          'The West Midlands antislavery partnership was also exploring provision of pre-NRM support across multiple local authority borders.',
        ),
      ],
    },
  ]),
  ...group('national', [
    {
      id: 'psni-partnerships',
      name: 'PSNI Joint Agency Cross Border Task Force / PSNI Engagement Group on Human Trafficking / PSNI Organised Crime Task Force Immigration and Human Trafficking Subgroup / PSNI Regional Practice Network on Trafficked and Separated Children',
      components: [
        'PSNI Joint Agency Cross Border Task Force',
        'PSNI Engagement Group on Human Trafficking',
        'PSNI Organised Crime Task Force Immigration and Human Trafficking Subgroup',
        'PSNI Regional Practice Network on Trafficked and Separated Children',
      ],
      area: 'Northern Ireland',
      nation: 'northern-ireland',
      forces: ['psni'],
      quote: 'PSNI Joint Agency Cross Border Task Force / PSNI Engagement Group on Human Trafficking',
      notes: [
        note(
          'The Engagement Group is chaired by the Department of Justice with PSNI, NGO and faith partners; trains frontline staff and supported school education resources.',
          'What good work is happening now? > Awareness raising',
          'The engagement group is chaired by the Department of Justice',
        ),
      ],
    },
    {
      id: 'scotland-partnerships',
      name: 'Scottish Government Strategy Implementation Group / Police Scotland Human Trafficking Champions Meeting',
      components: [
        'Scottish Government Strategy Implementation Group',
        'Police Scotland Human Trafficking Champions Meeting',
      ],
      area: 'Scotland',
      nation: 'scotland',
      forces: ['scotland'],
      quote:
        'Scottish Government Strategy Implementation Group / Police Scotland Human Trafficking Champions Meeting',
    },
    {
      id: 'wales-partnerships',
      name: 'Wales Anti-Slavery Leadership Group / Wales Anti Slavery Operational Delivery Group / Wales Threat Group for Modern Slavery / Wales Anti-Slavery Casework Review Group / Wales Anti-Slavery Training Sub-Group / Wales Sex Worker Support Group / Wales Regional Anti-Slavery groups: Cardiff & the Vale of Glamorgan, Cwm Taf, Western Bay',
      components: [
        'Wales Anti-Slavery Leadership Group',
        'Wales Anti Slavery Operational Delivery Group',
        'Wales Threat Group for Modern Slavery',
        'Wales Anti-Slavery Casework Review Group',
        'Wales Anti-Slavery Training Sub-Group',
        'Wales Sex Worker Support Group',
        'Wales Regional Anti-Slavery group: Cardiff & the Vale of Glamorgan',
        'Wales Regional Anti-Slavery group: Cwm Taf',
        'Wales Regional Anti-Slavery group: Western Bay',
      ],
      area: 'Wales',
      nation: 'wales',
      forces: ['northWales', 'gwent', 'southWales', 'dyfedPowys'],
      quote: 'Wales Anti-Slavery Leadership Group / Wales Anti Slavery Operational Delivery Group',
      notes: [
        note(
          'Structured, formalised model led by a dedicated anti-slavery co-ordinator funded by and accountable to the Welsh Government, working to a published delivery plan; first anti-slavery casework review group in the UK; quality-assured training.',
          'Wales: a structured and formalised approach to partnership working',
          'led by a dedicated antislavery co-ordinator who is funded by and accountable to the Welsh Government',
        ),
      ],
    },
  ]),
  ...group('other', [
    {
      id: 'cleveland-arrangements',
      name: 'Cleveland Serious and Organised Crime Partnership Group / Cleveland Strategic Vulnerable Exploited Missing and Trafficked Partnership Board (VEMT) / Cleveland Regional Clandestine Entry Group',
      components: [
        'Cleveland Serious and Organised Crime Partnership Group',
        'Cleveland Strategic Vulnerable Exploited Missing and Trafficked Partnership Board (VEMT)',
        'Cleveland Regional Clandestine Entry Group',
      ],
      area: 'Cleveland',
      forces: ['cleveland'],
      quote: 'Cleveland Serious and Organised Crime Partnership Group',
      notes: [
        note(
          'The force asked Hope for Justice to peer review its approach to trafficking and modern slavery.',
          'What good work is happening now? > Learning',
          'In Cleveland the force has requested that Hope for Justice conduct a ‘peer review’',
        ),
      ],
    },
    {
      id: 'northumbria-bilaterals',
      name: 'Northumbria Police: Bi-laterals with Hope for Justice, Community Safety Partnerships, Local authorities, Immigration / Border Force, Policing partners, DWP / HMRC, HSE, Changing Lives, NGOs',
      components: [
        'Hope for Justice',
        'Community Safety Partnerships',
        'Local authorities',
        'Immigration / Border Force',
        'Policing partners',
        'DWP / HMRC',
        'HSE',
        'Changing Lives',
        'NGOs',
      ],
      area: 'Northumbria',
      forces: ['northumbria'],
      quote: 'Northumbria Police: Bi-laterals with Hope for',
      notes: [
        note(
          'Uses multiple bilateral arrangements in place of a single anti-slavery partnership; Changing Lives is co-located in the force victim hub.',
          'Mapping anti-slavery partnerships in the UK in 2017',
          'Northumbria reported using multiple bilateral arrangements in place of a single anti-slavery partnership',
        ),
      ],
    },
  ]),
];

/** Distinct force areas the 2017 partnerships cover. */
export function forceAreasCovered(partnerships: readonly Partnership2017[] = partnerships2017): string[] {
  return [...new Set(partnerships.flatMap((p) => p.forceCodes))].sort();
}

export function partnershipsInForceArea(forceCode: string): Partnership2017[] {
  return partnerships2017.filter((p) => p.forceCodes.includes(forceCode));
}

export function countByLevel(): Record<PartnershipLevel, number> {
  const counts: Record<PartnershipLevel, number> = {
    local: 0,
    'sub-regional': 0,
    regional: 0,
    national: 0,
    other: 0,
  };
  for (const p of partnerships2017) counts[p.level]++;
  return counts;
}
