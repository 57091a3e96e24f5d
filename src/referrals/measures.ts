import { sql } from 'kysely';
import { EXPLOITATION_CODES, exploitationLabel, FIRST_RESPONDER_TYPES, FORCE_AREAS, firstResponderTypeLabel } from './catalogue.js';
import { countryName, UNKNOWN_NATIONALITY } from './model/countries.js';
import { addDays, daysBetween, type IsoDate, workingDaysBetween } from './model/dates.js';
import { type Column, crossTable, mean, median, type StatTable } from './model/statistics.js';
import { BACKLOG_STATUSES, RG_TARGET_WORKING_DAYS } from './model/workflow.js';
import { type Db, tables } from './store.js';

/**
 * The measures of identification and referral: official-statistics shaped tables (Home Office NRM and Duty to
 * Notify statistics), the backlog awaiting a conclusive grounds decision and how long people wait, and the share
 * of reasonable grounds decisions made within five working days. Each is defined once here; pages, CSV and the
 * performance capability read them from these functions.
 */

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /** Only referrals where the person was found in this force area. */
  forceArea?: string;
}

export const MEASURE_DEFINITIONS = {
  referrals: 'NRM referrals submitted in the period (by date submitted). A Duty to Notify is not a referral and is counted separately.',
  dtn: 'Duty to Notify records submitted in the period: adults who did not consent to a referral. They hold no identifying details.',
  backlog:
    'People with a positive reasonable grounds decision and no conclusive grounds decision yet, on the date shown. Days waiting run from the date of referral to that date.',
  rgTimeliness: `Reasonable grounds decisions issued in the period (first decisions, not reconsiderations), and how many were issued within ${RG_TARGET_WORKING_DAYS} working days of the referral (weekends and bank holidays in England and Wales excluded).`,
  exploitation:
    'Each referral counted once: under its exploitation type, or under "Multiple types" when the first responder recorded more than one.',
};

const AGE_COLUMNS: Column[] = [
  { key: 'adult', label: 'Adult' },
  { key: 'child', label: 'Child' },
];

const EXPLOITATION_ROWS: Column[] = [
  ...EXPLOITATION_CODES.filter((c) => c !== 'unknown').map((c) => ({ key: c, label: exploitationLabel(c) })),
  { key: 'multiple', label: 'Multiple types' },
  { key: 'unknown', label: 'Not specified or unknown' },
];

const primaryTypeSql = sql<string>`CASE WHEN cardinality(exploitation_types) > 1 THEN 'multiple' WHEN cardinality(exploitation_types) = 0 THEN 'unknown' ELSE exploitation_types[1] END`;

function periodWhere(p: Period, column: 'submitted_on' = 'submitted_on') {
  return (qb: any) => {
    let q = qb.where(column, '>=', p.from).where(column, '<=', p.to);
    if (p.forceArea) q = q.where('force_area', '=', p.forceArea);
    return q;
  };
}

export async function statisticsTables(db: Db, p: Period): Promise<StatTable[]> {
  const t = tables(db);
  const inPeriod = periodWhere(p);

  const byType = await inPeriod(
    t.selectFrom('referrals').select([primaryTypeSql.as('row'), 'age_group as col', (eb: any) => eb.fn.countAll().as('n')]).where('kind', '=', 'nrm'),
  )
    .groupBy([sql`1`, sql`2`])
    .execute();
  const mentions = await inPeriod(
    t
      .selectFrom('referrals')
      .select([sql<string>`unnest(exploitation_types)`.as('row'), 'age_group as col', (eb: any) => eb.fn.countAll().as('n')])
      .where('kind', '=', 'nrm'),
  )
    .groupBy([sql`1`, sql`2`])
    .execute();
  const byNationality = await inPeriod(
    t.selectFrom('referrals').select(['nationality as row', 'age_group as col', (eb: any) => eb.fn.countAll().as('n')]).where('kind', '=', 'nrm'),
  )
    .groupBy(['nationality', 'age_group'])
    .execute();
  const byResponder = await inPeriod(t.selectFrom('referrals').select(['responder_type as row', 'kind as col', (eb: any) => eb.fn.countAll().as('n')]))
    .groupBy(['responder_type', 'kind'])
    .execute();
  const byForce = await inPeriod(
    t
      .selectFrom('referrals')
      .select([
        sql<string>`coalesce(force_area, 'unknown')`.as('row'),
        sql<string>`CASE WHEN kind = 'dtn' THEN 'dtn' ELSE 'nrm-' || age_group END`.as('col'),
        (eb: any) => eb.fn.countAll().as('n'),
      ]),
  )
    .groupBy([sql`1`, sql`2`])
    .execute();
  const dtn = await inPeriod(
    t
      .selectFrom('referrals')
      .select([primaryTypeSql.as('row'), sql<string>`CASE WHEN gender IN ('female', 'male') THEN gender ELSE 'other' END`.as('col'), (eb: any) => eb.fn.countAll().as('n')])
      .where('kind', '=', 'dtn'),
  )
    .groupBy([sql`1`, sql`2`])
    .execute();
  const outcomes = async (stage: 'rg' | 'cg') => {
    let q = t
      .selectFrom('referral_decisions as d')
      .innerJoin('referrals as r', 'r.id', 'd.referral_id')
      .select(['d.outcome as row', 'r.age_group as col', (eb) => eb.fn.countAll<number>().as('n')])
      .where('d.stage', '=', stage)
      .where('d.review_status', '=', 'upheld')
      .where('d.issued_on', '>=', p.from)
      .where('d.issued_on', '<=', p.to);
    if (p.forceArea) q = q.where('r.force_area', '=', p.forceArea);
    return q.groupBy(['d.outcome', 'r.age_group']).execute();
  };
  const rg = await outcomes('rg');
  const cg = await outcomes('cg');

  const n = (rows: { row: string | null; col: string | null; n: unknown }[]) => rows.map((r) => ({ row: String(r.row), col: String(r.col), n: Number(r.n) }));

  const nat = n(byNationality);
  const natTotals = new Map<string, number>();
  for (const r of nat) natTotals.set(r.row, (natTotals.get(r.row) ?? 0) + r.n);
  const topNat = [...natTotals.entries()]
    .filter(([k]) => k !== UNKNOWN_NATIONALITY)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 15)
    .map(([k]) => k);
  const natRows: Column[] = [
    ...topNat.map((k) => ({ key: k, label: countryName(k) })),
    { key: 'other', label: 'Other nationalities' },
    { key: UNKNOWN_NATIONALITY, label: 'Not specified or unknown' },
  ];
  const natCounts = nat.map((r) => ({ ...r, row: r.row === UNKNOWN_NATIONALITY || topNat.includes(r.row) ? r.row : 'other' }));

  const forceCounts = n(byForce);
  const forcesWithData = new Set(forceCounts.map((r) => r.row));
  const forceRows: Column[] = [
    ...FORCE_AREAS.filter((f) => forcesWithData.has(f.code)).map((f) => ({ key: f.code, label: f.name })),
    ...(forcesWithData.has('unknown') ? [{ key: 'unknown', label: 'Not recorded' }] : []),
  ];
  const responderRows: Column[] = [...FIRST_RESPONDER_TYPES.map((r) => ({ key: r.code, label: r.label })), { key: 'other', label: firstResponderTypeLabel('other') }];
  const mentionCounts = n(mentions);
  const nrmByAge = new Map<string, number>();
  for (const r of n(byType)) nrmByAge.set(r.col, (nrmByAge.get(r.col) ?? 0) + r.n);

  return [
    crossTable(
      {
        id: 'exploitation-by-age',
        title: 'NRM referrals by exploitation type and age group at exploitation',
        description: MEASURE_DEFINITIONS.exploitation,
        publish: true,
      },
      EXPLOITATION_ROWS,
      AGE_COLUMNS,
      n(byType),
    ),
    {
      id: 'exploitation-mentions',
      title: 'Share of NRM referrals mentioning each exploitation type',
      description: 'A referral can mention several types, so the shares add up to more than 100%.',
      publish: true,
      columns: [
        { key: 'adult', label: 'Adult referrals mentioning' },
        { key: 'child', label: 'Child referrals mentioning' },
        { key: 'share', label: 'Share of all referrals (%)' },
      ],
      rows: EXPLOITATION_CODES.map((c) => {
        const adult = mentionCounts.find((m) => m.row === c && m.col === 'adult')?.n ?? 0;
        const child = mentionCounts.find((m) => m.row === c && m.col === 'child')?.n ?? 0;
        const all = (nrmByAge.get('adult') ?? 0) + (nrmByAge.get('child') ?? 0);
        return { key: c, label: exploitationLabel(c), cells: { adult, child, share: all ? Math.round(((adult + child) / all) * 1000) / 10 : 0 } };
      }),
      note: 'Shares are not suppressed: they are computed from the referral totals.',
    },
    crossTable(
      { id: 'nationality', title: 'NRM referrals by nationality and age group', description: 'The 15 most referred nationalities in the period; the rest together.', publish: true },
      natRows,
      AGE_COLUMNS,
      natCounts,
    ),
    crossTable(
      { id: 'first-responder', title: 'Referrals and Duty to Notify records by type of first responder', description: 'The kind of organisation that made the referral or notification.', publish: true },
      responderRows,
      [
        { key: 'nrm', label: 'NRM referrals' },
        { key: 'dtn', label: 'Duty to Notify' },
      ],
      n(byResponder),
    ),
    crossTable(
      { id: 'force-area', title: 'Referrals and Duty to Notify records by police force area', description: 'The force area where the person was found.', publish: true },
      forceRows,
      [
        { key: 'nrm-adult', label: 'NRM adult' },
        { key: 'nrm-child', label: 'NRM child' },
        { key: 'dtn', label: 'Duty to Notify' },
      ],
      forceCounts,
    ),
    crossTable(
      { id: 'rg-outcomes', title: 'Reasonable grounds decisions issued, by outcome and age group', description: 'Decisions upheld by a second decision-maker and issued in the period, including reconsiderations.', publish: true },
      [
        { key: 'positive', label: 'Positive' },
        { key: 'negative', label: 'Negative' },
      ],
      AGE_COLUMNS,
      n(rg),
    ),
    crossTable(
      { id: 'cg-outcomes', title: 'Conclusive grounds decisions issued, by outcome and age group', description: 'Decisions upheld by a second decision-maker and issued in the period, including reconsiderations.', publish: true },
      [
        { key: 'positive', label: 'Positive' },
        { key: 'negative', label: 'Negative' },
      ],
      AGE_COLUMNS,
      n(cg),
    ),
    crossTable(
      { id: 'dtn', title: 'Duty to Notify records by exploitation type and gender', description: MEASURE_DEFINITIONS.dtn, publish: true },
      EXPLOITATION_ROWS,
      [
        { key: 'female', label: 'Female' },
        { key: 'male', label: 'Male' },
        { key: 'other', label: 'Other or not known' },
      ],
      n(dtn),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Backlog and timeliness

export interface Backlog {
  asOf: IsoDate;
  awaiting: number;
  meanDaysWaiting: number | null;
  medianDaysWaiting: number | null;
  byAge: { ageGroup: 'adult' | 'child'; awaiting: number; meanDaysWaiting: number | null; medianDaysWaiting: number | null }[];
  /** How long people have waited, in bands. */
  bands: { label: string; count: number }[];
}

const WAIT_BANDS: [string, number, number][] = [
  ['Under 3 months', 0, 90],
  ['3 to 12 months', 91, 365],
  ['1 to 2 years', 366, 730],
  ['2 to 3 years', 731, 1095],
  ['Over 3 years', 1096, Number.POSITIVE_INFINITY],
];

/** The backlog awaiting a conclusive grounds decision now (by the referrals' current status). */
export async function backlog(db: Db, asOf: IsoDate, forceArea?: string): Promise<Backlog> {
  let q = tables(db).selectFrom('referrals').select(['submitted_on', 'age_group']).where('status', 'in', [...BACKLOG_STATUSES]).where('submitted_on', '<=', asOf);
  if (forceArea) q = q.where('force_area', '=', forceArea);
  const rows = await q.execute();
  const waits = rows.map((r) => ({ age: r.age_group, days: daysBetween(r.submitted_on, asOf) }));
  const summary = (list: number[]) => ({ awaiting: list.length, meanDaysWaiting: mean(list), medianDaysWaiting: median(list) });
  return {
    asOf,
    ...summary(waits.map((w) => w.days)),
    byAge: (['adult', 'child'] as const).map((age) => ({ ageGroup: age, ...summary(waits.filter((w) => w.age === age).map((w) => w.days)) })),
    bands: WAIT_BANDS.map(([label, lo, hi]) => ({ label, count: waits.filter((w) => w.days >= lo && w.days <= hi).length })),
  };
}

export interface Timeliness {
  from: IsoDate;
  to: IsoDate;
  decisions: number;
  withinTarget: number;
  share: number | null;
  byAge: { ageGroup: 'adult' | 'child'; decisions: number; withinTarget: number; share: number | null }[];
  /** Awaiting an RG decision now and already past the target date. */
  overdueNow: number;
}

/** Share of first reasonable grounds decisions issued in the period within five working days of referral. */
export async function rgTimeliness(db: Db, p: Period, today: IsoDate): Promise<Timeliness> {
  let q = tables(db)
    .selectFrom('referral_decisions as d')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select(['r.submitted_on', 'd.issued_on', 'r.age_group'])
    .where('d.stage', '=', 'rg')
    .where('d.reconsideration', '=', false)
    .where('d.review_status', '=', 'upheld')
    .where('d.issued_on', '>=', p.from)
    .where('d.issued_on', '<=', p.to);
  if (p.forceArea) q = q.where('r.force_area', '=', p.forceArea);
  const rows = await q.execute();
  const within = rows.map((r) => ({ age: r.age_group, ok: workingDaysBetween(r.submitted_on, r.issued_on!) <= RG_TARGET_WORKING_DAYS }));
  const summary = (list: { ok: boolean }[]) => {
    const withinTarget = list.filter((x) => x.ok).length;
    return { decisions: list.length, withinTarget, share: list.length ? withinTarget / list.length : null };
  };
  let overdue = tables(db)
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['awaiting_rg', 'rg_review'])
    .where('rg_due_on', '<', today);
  if (p.forceArea) overdue = overdue.where('force_area', '=', p.forceArea);
  const overdueNow = Number((await overdue.executeTakeFirst())?.n ?? 0);
  return {
    from: p.from,
    to: p.to,
    ...summary(within),
    byAge: (['adult', 'child'] as const).map((age) => ({ ageGroup: age, ...summary(within.filter((w) => w.age === age)) })),
    overdueNow,
  };
}

/** The backlog and timeliness as tables (operational: not marked for publication, so never suppressed). */
export function operationalTables(b: Backlog, tl: Timeliness): StatTable[] {
  const r1 = (v: number | null) => (v === null ? 0 : Math.round(v * 10) / 10);
  return [
    {
      id: 'backlog',
      title: `Awaiting a conclusive grounds decision on ${b.asOf}`,
      description: MEASURE_DEFINITIONS.backlog,
      publish: false,
      columns: [
        { key: 'awaiting', label: 'People awaiting' },
        { key: 'mean', label: 'Mean days waiting' },
        { key: 'median', label: 'Median days waiting' },
      ],
      rows: [
        ...b.byAge.map((a) => ({ key: a.ageGroup, label: a.ageGroup === 'adult' ? 'Adult' : 'Child', cells: { awaiting: a.awaiting, mean: r1(a.meanDaysWaiting), median: r1(a.medianDaysWaiting) } })),
        { key: 'total', label: 'All', cells: { awaiting: b.awaiting, mean: r1(b.meanDaysWaiting), median: r1(b.medianDaysWaiting) } },
      ],
    },
    {
      id: 'backlog-bands',
      title: 'How long people awaiting a conclusive grounds decision have waited',
      description: MEASURE_DEFINITIONS.backlog,
      publish: false,
      columns: [{ key: 'count', label: 'People' }],
      rows: b.bands.map((x, i) => ({ key: String(i), label: x.label, cells: { count: x.count } })),
    },
    {
      id: 'rg-timeliness',
      title: `Reasonable grounds decisions within ${RG_TARGET_WORKING_DAYS} working days, ${tl.from} to ${tl.to}`,
      description: MEASURE_DEFINITIONS.rgTimeliness,
      publish: false,
      columns: [
        { key: 'decisions', label: 'Decisions' },
        { key: 'within', label: `Within ${RG_TARGET_WORKING_DAYS} working days` },
        { key: 'share', label: 'Share within (%)' },
      ],
      rows: [
        ...tl.byAge.map((a) => ({ key: a.ageGroup, label: a.ageGroup === 'adult' ? 'Adult' : 'Child', cells: { decisions: a.decisions, within: a.withinTarget, share: r1(a.share === null ? null : a.share * 100) } })),
        { key: 'total', label: 'All', cells: { decisions: tl.decisions, within: tl.withinTarget, share: r1(tl.share === null ? null : tl.share * 100) } },
      ],
    },
  ];
}

export function defaultPeriod(today: IsoDate): Period {
  return { from: addDays(today, -364), to: today };
}

export interface ReferralMeasures {
  period: Period;
  referrals: number;
  referralsChild: number;
  dtn: number;
  rgDecisions: number;
  rgWithinTarget: number;
  rgWithinTargetShare: number | null;
  backlog: number;
  meanDaysWaiting: number | null;
  medianDaysWaiting: number | null;
  definitions: typeof MEASURE_DEFINITIONS;
}

/** For other capabilities (performance dashboards): the headline measures for a period and, optionally, a force area. */
export async function referralMeasures(db: Db, p: Period, today: IsoDate): Promise<ReferralMeasures> {
  let q = tables(db)
    .selectFrom('referrals')
    .select([
      sql<number>`count(*) FILTER (WHERE kind = 'nrm')`.as('nrm'),
      sql<number>`count(*) FILTER (WHERE kind = 'nrm' AND age_group = 'child')`.as('child'),
      sql<number>`count(*) FILTER (WHERE kind = 'dtn')`.as('dtn'),
    ])
    .where('submitted_on', '>=', p.from)
    .where('submitted_on', '<=', p.to);
  if (p.forceArea) q = q.where('force_area', '=', p.forceArea);
  const counts = await q.executeTakeFirstOrThrow();
  const tl = await rgTimeliness(db, p, today);
  const b = await backlog(db, today, p.forceArea);
  return {
    period: p,
    referrals: Number(counts.nrm),
    referralsChild: Number(counts.child),
    dtn: Number(counts.dtn),
    rgDecisions: tl.decisions,
    rgWithinTarget: tl.withinTarget,
    rgWithinTargetShare: tl.share,
    backlog: b.awaiting,
    meanDaysWaiting: b.meanDaysWaiting,
    medianDaysWaiting: b.medianDaysWaiting,
    definitions: MEASURE_DEFINITIONS,
  };
}
