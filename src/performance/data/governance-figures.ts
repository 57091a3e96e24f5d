import type { Breakdown, Measure, SeedRef, Series } from './types.js';

/**
 * Published figures a force or national dashboard calibrates against. Seed 002's figures come from its survey
 * of force MS Leads (n=37), frontline focus groups (n=39-44) and ROCU co-ordinator interviews, spring 2025;
 * seed 004's from HMICFRS fieldwork and national systems (PND, APMIS), 2024.
 */

const LEADS = { n: 37, of: 'MS Leads surveyed (44 forces incl. BTP)' } as const;
const FRONTLINE = (n: number) => ({ n, of: 'frontline officers in focus groups' }) as const;
const S2025 = 'Feb-Apr 2025';

const b = (...rows: (readonly [string, string, number])[]): Breakdown[] =>
  rows.map(([key, label, value]) => ({ key, label, value }));
const ref002 = (where: string, quote: string): SeedRef => ({ seed: '002', where, quote });
const ref004 = (where: string, quote: string): SeedRef => ({ seed: '004', where, quote });

const GOVERNANCE = 'Prioritisation and Strategic Approach > Governance and Performance Monitoring';
const DEDICATED = 'Investigating and Disrupting > Resources > Dedicated Teams';

/** The force-level signals of MSHT governance (seed 002). */
export const forceSignals: readonly Measure[] = [
  {
    id: 'msht-in-control-strategy',
    label: 'MSHT features in the force control strategy',
    value: 59,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['yes', 'Yes', 59], ['no', 'No', 27], ['unsure', 'Unsure', 14]),
    period: S2025,
    seedRef: ref002(
      GOVERNANCE,
      '59% of the MS Leads confirmed MSHT features in their force control strategy, 27% said it did not, 14% were unsure.',
    ),
  },
  {
    id: 'governance-meetings',
    label: 'Force holds governance meetings to monitor the MSHT response',
    value: 81,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['yes', 'Yes', 81], ['no', 'No', 14], ['unsure', 'Unsure', 5]),
    period: S2025,
    seedRef: ref002(
      GOVERNANCE,
      '81% of the MS Leads surveyed stated that their organisation holds governance meetings to monitor the response to MSHT.',
    ),
  },
  {
    id: 'performance-measures',
    label: 'Force has performance measures to track the MSHT response',
    value: 54,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['yes', 'Yes', 54], ['no', 'No', 35], ['unsure', 'Unsure', 11]),
    period: S2025,
    seedRef: ref002(
      GOVERNANCE,
      '54% confirmed that their organisation has performance measures in place to track the response to MSHT.',
    ),
  },
  {
    id: 'dedicated-teams',
    label: 'Forces with a dedicated MSHT team',
    value: 55,
    unit: 'percent',
    base: { n: 44, of: 'police forces in England and Wales incl. BTP (24 with teams)' },
    breakdown: b(
      ['fib', 'Force Intelligence Bureau', 5],
      ['safeguarding', 'Safeguarding / vulnerabilities', 2],
      ['soc', 'Serious organised crime', 3],
      ['exploitation', 'Dedicated exploitation team', 8],
      ['cid', 'CID', 1],
      ['operational', 'Embedded in operational teams', 2],
      ['unclear', 'Unclear', 3],
    ),
    period: S2025,
    seedRef: ref002(DEDICATED, '24 forces were identified as having dedicated teams, equating to 55%.'),
  },
  {
    id: 'control-strategy-removed-one-region',
    label: 'Forces in one region that recently removed MSHT from their control strategy',
    value: 50,
    unit: 'percent',
    period: S2025,
    seedRef: ref002(
      'Indicators of Declining Prioritisation',
      'In one region, 50% of the forces recently removed MSHT from their force control strategies.',
    ),
  },
];

/** Other MS Leads and frontline survey results (seed 002). */
export const mshtSurveyMeasures: readonly Measure[] = [
  {
    id: 'leads-also-oic',
    label: 'MS Leads who are also responsible for OIC',
    value: 51,
    unit: 'percent',
    base: LEADS,
    breakdown: b(
      ['msht-only', 'MSHT only', 7],
      ['msht-oic', 'MSHT and OIC', 7],
      ['msht-oic-plus-1', 'MSHT, OIC and one other area', 5],
      ['msht-oic-plus-2', 'MSHT, OIC and two other areas', 4],
      ['msht-soc', 'MSHT and SOC', 2],
      ['msht-plus-1', 'MSHT and another area', 4],
      ['oic-plus-4', 'OIC and four or more other areas', 8],
    ),
    period: S2025,
    seedRef: ref002(
      'MS Leads: Responsibility For Other Crime Types',
      'Out of the 37 MS Leads surveyed, only 7 were solely dedicated to MSHT. Additionally, 51% identified OIC as another responsibility.',
    ),
  },
  {
    id: 'dedicated-teams-also-oic',
    label: 'Dedicated MSHT teams that also cover OIC',
    value: 38,
    unit: 'percent',
    period: S2025,
    seedRef: ref002(DEDICATED, '38% of the dedicated teams also focused on OIC.'),
  },
  {
    id: 'prioritised-by-organisation',
    label: 'MS Leads who say MSHT is adequately prioritised by their organisation',
    value: 38,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Current Picture',
      'Only 38% agreed MSHT is adequately prioritised by their organisation',
    ),
  },
  {
    id: 'prioritised-by-government',
    label: 'MS Leads who say MSHT is adequately prioritised by the government',
    value: 24,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Current Picture',
      'an even smaller percentage (24%) felt it is adequately prioritised by the government',
    ),
  },
  {
    id: 'frontline-organisation-emphasises',
    label: 'Frontline officers who say their organisation emphasises tackling MSHT',
    value: 23,
    unit: 'percent',
    base: FRONTLINE(44),
    period: S2025,
    seedRef: ref002(
      'Current Picture',
      'only 23% agreeing that their organisation emphasises the importance of tackling MSHT',
    ),
  },
  {
    id: 'understood-leads',
    label: 'MS Leads who say MSHT is widely understood in policing',
    value: 27,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['agree', 'Agree', 27], ['disagree', 'Disagree', 59]),
    period: S2025,
    seedRef: ref002(
      'Police Understanding of MSHT',
      'only 27% of MS Leads agreed that MSHT is widely understood within policing today, with 59% disagreeing',
    ),
  },
  {
    id: 'understood-frontline',
    label: 'Frontline officers who say MSHT is widely understood by their peers',
    value: 9,
    unit: 'percent',
    base: FRONTLINE(44),
    breakdown: b(['agree', 'Agree', 9], ['disagree', 'Disagree', 59]),
    period: S2025,
    seedRef: ref002(
      'Police Understanding of MSHT',
      'Among frontline officers, only 9% agreed that modern slavery is widely understood by their peers, with 59% disagreeing.',
    ),
  },
  {
    id: 'frontline-training',
    label: 'Frontline officers with no MSHT training',
    value: 22,
    unit: 'percent',
    base: FRONTLINE(41),
    breakdown: b(
      ['none', 'No training', 22],
      ['some', 'Some training', 49],
      ['vlo', 'Victim liaison officer training', 24],
      ['dedicated', 'In dedicated roles', 5],
    ),
    period: S2025,
    seedRef: ref002(
      'Identifying the MSHT challenge > Training',
      '22% of frontline officers reported having had no training',
    ),
  },
  {
    id: 'right-people-trained',
    label: 'MS Leads who agree the right people have had the right training',
    value: 46,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['agree', 'Agree', 46], ['disagree', 'Disagree', 38]),
    period: S2025,
    seedRef: ref002(
      'Identifying the MSHT challenge > Training',
      '46% of MS Leads agreed that the right people in the organisation had received the right training, while 38% disagreed',
    ),
  },
  {
    id: 'victim-liaison-officers',
    label: 'Forces with Victim Liaison Officers',
    value: 49,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['yes', 'Yes', 49], ['no', 'No', 46], ['unsure', 'Unsure', 5]),
    period: S2025,
    seedRef: ref002(
      'Investigating and disrupting > Victim Safeguarding and Engagement',
      'When surveyed, 49% of the MS Leads identified that their organisations have VLOs, 46% said their organisations did not and 5% were unsure.',
    ),
  },
  {
    id: 'vlos-per-force',
    label: 'Victim Liaison Officers per force that has them (average; range 1 to 120)',
    value: 15,
    unit: 'count',
    breakdown: b(['min', 'Fewest', 1], ['max', 'Most', 120]),
    period: S2025,
    seedRef: ref002(
      'Investigating and disrupting > Victim Safeguarding and Engagement',
      'The average number of VLOs per organisation was identified as 15, but this ranged from 1 VLO to 120.',
    ),
  },
  {
    id: 'financial-investigators-used',
    label: 'MS Leads who always or often use financial investigators on MSHT cases',
    value: 43,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Support mechanisms > Financial Investigations',
      '43% indicating they always or often use them for MSHT cases',
    ),
  },
  {
    id: 'victim-navigators-used',
    label: 'MS Leads who often or always use victim navigators',
    value: 25,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Victim Safeguarding and Engagement',
      'Only, 25% of MS Leads reported they often or always used victim navigators.',
    ),
  },
  {
    id: 'toex-used',
    label: 'MS Leads who often or always use TOEX',
    value: 43,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['often-always', 'Often or always', 43], ['sometimes', 'Sometimes', 46]),
    period: S2025,
    seedRef: ref002(
      'Victim Safeguarding and Engagement',
      '43% saying they often or always use TOEX to support investigations and 46% saying sometimes',
    ),
  },
  {
    id: 'rocu-coordinators-used',
    label: 'MS Leads who often or always use ROCU co-ordinators',
    value: 41,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['often-always', 'Often or always', 41], ['sometimes', 'Sometimes', 43]),
    period: S2025,
    seedRef: ref002(
      'Victim Safeguarding and Engagement',
      "ROCU coordinators were also frequently used with 41% saying often or always and 43% saying sometimes. Only 19% reported often or always using the NCA's unit.",
    ),
  },
  {
    id: 'nca-unit-used',
    label: "MS Leads who often or always use the NCA's unit",
    value: 19,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Victim Safeguarding and Engagement',
      "Only 19% reported often or always using the NCA's unit.",
    ),
  },
  {
    id: 'local-authority-collaboration',
    label: 'MS Leads who often or always work with the Local Authority Lead',
    value: 41,
    unit: 'percent',
    base: LEADS,
    breakdown: b(
      ['often-always', 'Often or always', 41],
      ['occasionally', 'Occasionally', 16],
      ['rarely-never', 'Rarely or never', 19],
      ['uncertain', 'Uncertain', 28],
    ),
    period: S2025,
    seedRef: ref002(
      'Multi-Agency Collaboration',
      '41% of MS Leads said they often or always worked with the Local Authority Leads, and 16% reported occasional collaboration.',
    ),
  },
  {
    id: 'cps-early-advice-accessible',
    label: 'MS Leads who agree CPS early advice is accessible',
    value: 57,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Bringing Perpetrators to Justice > Problems With Early Advice',
      'While MS Leads generally agree that CPS early advice is accessible, they were less likely to agree it was effective.',
    ),
  },
  {
    id: 'cps-early-advice-effective',
    label: 'MS Leads who agree CPS early advice is effective',
    value: 33,
    unit: 'percent',
    base: LEADS,
    breakdown: b(['agree', 'Agree', 33], ['neither', 'Neither agree nor disagree', 35]),
    period: S2025,
    seedRef: ref002(
      'Bringing Perpetrators to Justice > Problems With Early Advice',
      'only 33% agreed CPS early advice is effective with 35% neither agreeing nor disagreeing',
    ),
  },
  {
    id: 'evidence-led-prosecutions',
    label: 'MS Leads who always or often pursue evidence-led prosecutions',
    value: 30,
    unit: 'percent',
    base: LEADS,
    period: S2025,
    seedRef: ref002(
      'Bringing Perpetrators to Justice > Evidence-Led Prosecutions',
      '30% of respondents indicating they always or often pursue evidence lead prosecutions for MSHT',
    ),
  },
  {
    id: 'charged-under-other-legislation',
    label:
      'MS Leads saying exploitation is often or always charged under other legislation instead of the MSA',
    value: 50,
    unit: 'percent',
    base: LEADS,
    breakdown: b(
      ['criminal', 'Criminal exploitation', 50],
      ['sexual', 'Sexual exploitation', 47],
      ['domestic-servitude', 'Domestic servitude', 33],
      ['labour', 'Labour exploitation', 25],
    ),
    period: S2025,
    seedRef: ref002(
      'Bringing Perpetrators to Justice',
      'said criminal exploitation is often or always charged under other legislation instead of the MSA, with similar trends for sexual exploitation (47%).',
    ),
  },
  {
    id: 'alternative-offences',
    label: 'Alternative offences MS Leads see charged instead of MSA offences',
    value: 62,
    unit: 'percent',
    base: LEADS,
    breakdown: b(
      ['drugs', 'Drug offences', 62],
      ['sexual', 'Sexual offences', 59],
      ['violence', 'Violent offences / offences against the person', 35],
      ['financial', 'Financial offences', 21],
      ['coercive-control', 'Controlling or coercive behaviour', 21],
      ['immigration', 'Immigration offences', 8],
    ),
    period: S2025,
    seedRef: ref002(
      'Bringing Perpetrators to Justice',
      '62% identified drug offences, 59% identified sexual offences, 35% identified violent offences/offences, 21% identified financial offences, 8% identified immigration offences and 21% identified offences relating to controlling or coercive behaviour.',
    ),
  },
  {
    id: 'conviction-rate',
    label:
      'Conviction rate for modern slavery flagged prosecutions (average of the last four years; range 70-76%)',
    value: 72.5,
    unit: 'percent',
    breakdown: b(['min', 'Lowest year', 70], ['max', 'Highest year', 76]),
    period: '2020/21-2023/24',
    seedRef: ref002(
      'Application of the Modern Slavery Act 2015',
      'averaging at 72.5% and ranging from 70% to 76% over the last four years',
    ),
  },
  {
    id: 'average-sentence-s1',
    label: 'Average sentence under MSA section 1',
    value: 5.4,
    unit: 'years',
    period: 'as reported 2023',
    seedRef: ref002(
      'The importance of Enforcing the Modern Slavery Act',
      'The average sentence under Section 1 of the MSA is 5.4 years and under Section 2 is 5.6 years',
    ),
  },
  {
    id: 'average-sentence-s2',
    label: 'Average sentence under MSA section 2',
    value: 5.6,
    unit: 'years',
    period: 'as reported 2023',
    seedRef: ref002(
      'The importance of Enforcing the Modern Slavery Act',
      'The average sentence under Section 1 of the MSA is 5.4 years and under Section 2 is 5.6 years',
    ),
  },
];

/** Year-on-year MSHT activity (seed 002). */
export const mshtSeries: readonly Series[] = [
  {
    id: 'live-msht-investigations',
    label: 'Live police modern slavery operations / investigations',
    unit: 'count',
    points: [
      { period: '2016', value: 188 },
      { period: '2019', value: 1479 },
      { period: '2022', value: 4322 },
      { period: '2024', value: 3552 },
    ],
    seedRef: ref002(
      'Investigating and Disrupting > Investigations',
      'The momentum peaked in 2022 with 4,322 live investigations. But by 2024, the figure had dropped to 3,552',
    ),
  },
  {
    id: 'msht-prosecutions',
    label: 'Modern slavery prosecutions',
    unit: 'count',
    points: [
      { period: '2016', value: 349 },
      { period: '2023/24', value: 416 },
    ],
    seedRef: ref002(
      'Application of the Modern Slavery Act 2015',
      'In 2016 there were 349 prosecutions and in 2023/24 there were 416',
    ),
  },
];

const DISRUPTIONS =
  'Law enforcement agencies have substantially increased the number of disruptions relating to OIC';

/** OIC performance signals (seed 004). */
export const oicMeasures: readonly Measure[] = [
  {
    id: 'nccu-documents-returned',
    label: 'NCCU intelligence documents returned by police',
    value: 14,
    unit: 'count',
    base: { n: 44, of: 'intelligence documents the NCCU sent to forces' },
    breakdown: b(
      ['sent', 'Sent', 44],
      ['returned', 'Returned', 14],
      ['contacts', 'Police contacts with NCCU', 441],
      ['migrants', 'Suspected irregular migrants involved', 708],
    ),
    period: 'Jun-Sep 2024',
    seedRef: ref004(
      'Police work well with Immigration Enforcement but some intelligence opportunities are being missed',
      'From June to September 2024, the NCCU sent 44 intelligence documents to police forces. Only 14 were returned.',
    ),
  },
  {
    id: 'migrant-debriefs',
    label: 'Migrants approached for a debrief by the Joint Debriefing Team',
    value: 5000,
    unit: 'count',
    base: { n: 36704, of: 'irregular migrant arrivals in 2023' },
    breakdown: b(
      ['approached', 'Approached', 5000],
      ['agreed', 'Agreed (approximately half)', 2500],
      ['arrivals', 'Arrivals', 36704],
    ),
    period: '2023',
    seedRef: ref004(
      'Debriefs should be carried out in a co-ordinated way and by experienced personnel',
      'during 2023, they approached 5,000 migrants and approximately half agreed to be interviewed. During 2023, the Government recorded 36,704 irregular migrant arrivals. So fewer than 1 in 15 migrants are debriefed.',
    ),
  },
  {
    id: 'ocg-priority-grades',
    label: 'OCGs with OIC as primary criminality, by priority grade',
    value: 79,
    unit: 'count',
    breakdown: b(['P1', 'P1', 0], ['P2', 'P2', 14], ['P3', 'P3', 31], ['P4', 'P4', 34]),
    period: 'APMIS, extracted 10 September 2024',
    seedRef: ref004(
      'OIC is sometimes given a low priority grade on the national database for serious organised crime',
      'Of these 111 were linked to OCGs and 79 had OIC as their primary criminality.',
    ),
  },
  {
    id: 'soc-threats-linked-to-oic',
    label: 'SOC threats linked to OIC on APMIS',
    value: 338,
    unit: 'count',
    breakdown: b(
      ['linked-to-ocgs', 'Linked to OCGs', 111],
      ['oic-primary', 'OCGs with OIC as primary criminality', 79],
    ),
    period: '1 May 2024',
    seedRef: ref004(
      'OIC is sometimes given a low priority grade on the national database for serious organised crime',
      'On 1 May 2024, there were 338 SOC threats linked to OIC on APMIS.',
    ),
  },
  {
    id: 'pnd-ocgs-tier-4',
    label: 'OCGs on the PND with OIC as primary criminality at tier 4 (lowest priority)',
    value: 51,
    unit: 'count',
    base: { n: 56, of: 'OCGs on the PND with OIC as primary criminality' },
    period: '24 June 2024',
    seedRef: ref004(
      'Organised crime groups aren’t always prioritised for active investigation',
      'Most of them (51) were assigned tier 4, the lowest level of priority.',
    ),
  },
  {
    id: 'disruptions-by-agency',
    label: 'OIC disruptions recorded on APMIS by police (1 Jan 2020 - 31 Aug 2024)',
    value: 2028,
    unit: 'count',
    breakdown: b(
      ['police', 'Police forces', 2028],
      ['other-agencies', 'Other agencies (NCA, Border Force, IE, HOI)', 3873],
    ),
    period: '2020-01-01 to 2024-08-31',
    seedRef: ref004(DISRUPTIONS, 'Police forces recorded a total of 2,028 disruptions on APMIS.'),
  },
  {
    id: 'disruptions-concentration',
    label:
      'Share of police OIC disruptions recorded by four forces (Surrey, Thames Valley, Northamptonshire, Sussex)',
    value: 62,
    unit: 'percent',
    period: '2020-01-01 to 2024-08-31',
    seedRef: ref004(
      'Police are taking a more active role, but four forces are doing most of the work',
      'had submitted 62 percent of the recorded disruptions',
    ),
  },
  {
    id: 'nca-oic-officers',
    label: 'NCA OIC-dedicated officers',
    value: 320,
    unit: 'count',
    period: '2024',
    seedRef: ref004(
      'Bodies concerned with tackling organised immigration crime > The National Crime Agency',
      'including having 320 OIC-dedicated officers',
    ),
  },
];

/** Year-on-year OIC activity (seed 004). */
export const oicSeries: readonly Series[] = [
  {
    id: 'oic-disruptions-police',
    label: 'OIC disruptions recorded on APMIS by police in England and Wales',
    unit: 'count',
    points: [
      { period: '2020', value: 22 },
      { period: '2021', value: 204 },
      { period: '2022', value: 424 },
      { period: '2023', value: 803 },
      { period: '2024', value: 575, note: 'to 31 August 2024 only' },
    ],
    seedRef: ref004(
      `${DISRUPTIONS} > Figure 2`,
      'The number grew from only 22 disruptions in 2020, to 204 in 2021 and 424 in 2022. Disruptions peaked in 2023, with 803 that year.',
    ),
  },
  {
    id: 'pnd-oic-intelligence-reports',
    label: 'OIC intelligence reports submitted to the PND',
    unit: 'count',
    points: [
      { period: '2019-10-05 to 2021-10-05', value: 1 },
      { period: '2021-10 to 2024-06-24', value: 3089 },
    ],
    seedRef: ref004(
      'Immigration crime intelligence submitted to the PND has increased',
      'Between October 2021 and 24 June 2024, the number of reports submitted had increased to 3,089.',
    ),
  },
];

export function measureById(id: string): Measure | undefined {
  return [...forceSignals, ...mshtSurveyMeasures, ...oicMeasures].find((m) => m.id === id);
}
