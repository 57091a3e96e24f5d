/**
 * The measure registry: every dashboard measure defined once, with the plain-English definition shown beside it,
 * its unit, the capability its figures come from, whether it is marked for publication (then small numbers are
 * suppressed in anything published), and `compute(db, scope)` that returns its figures, tables and trend for the
 * nation, a region or a force. Pages, CSV, the API and the tests all read measures from here.
 */
import type { StatTable } from '../referrals/model/statistics.js';
import { CHARGE_GROUPS, MSA_GROUPS } from '../investigations/model.js';
import { RG_TARGET_WORKING_DAYS } from '../referrals/model/workflow.js';
import { courseByCode } from './data/courses.js';
import { type IsoDate, lastTwelveMonths, todayInUk } from './model/dates.js';
import { SIGNALS, signalCounts, teamLocationCounts, ANSWER_LABELS } from './model/governance.js';
import { forceName, type Scope, scopeForces } from './model/scope.js';
import { completionShare } from './model/training.js';
import {
  type Db,
  intelligenceSource,
  investigationsSource,
  ocgSource,
  type Period,
  presentTables,
  referralsSource,
  THREATS,
} from './sources.js';
import * as store from './store.js';

export type Unit = 'count' | 'percent' | 'days';
export type SourceName = 'referrals' | 'intelligence' | 'ocg' | 'investigations' | 'performance';
export const SOURCE_LABELS: Record<SourceName, string> = {
  referrals: 'Identification and referral',
  intelligence: 'Intelligence',
  ocg: 'Organised crime groups',
  investigations: 'Investigations',
  performance: 'Performance and learning',
};

export interface Figure {
  key: string;
  label: string;
  /** Counts and days as they are; percentages 0-100. Null when not available for this scope. */
  value: number | null;
  unit: Unit;
  /** For a percentage: its numerator and denominator (both are checked by the small-number rule). */
  of?: { n: number; d: number };
  /** Why the value is missing, when it is. */
  missing?: string;
}

export interface Trend {
  title: string;
  description: string;
  categories: string[];
  series: { key: string; name: string; values: (number | null)[] }[];
  unit: Unit;
}

export interface MeasureResult {
  available: boolean;
  reason?: string;
  figures: Figure[];
  tables: (StatTable & { rowHeader?: string })[];
  trend: Trend | null;
  notes: string[];
}

/** What one request shares between measures: the date, the period, the tables present, and each source's answer. */
export interface MeasureEnv {
  db: Db;
  today: IsoDate;
  period: Period;
  tables: Set<string>;
  memo<T>(key: string, fn: () => Promise<T>): Promise<T>;
  onError?: (e: unknown) => void;
}

export async function measureEnv(
  db: Db,
  opts: { today?: IsoDate; onError?: (e: unknown) => void } = {},
): Promise<MeasureEnv> {
  const today = opts.today ?? todayInUk();
  const cache = new Map<string, Promise<unknown>>();
  return {
    db,
    today,
    period: lastTwelveMonths(today),
    tables: await presentTables(db),
    onError: opts.onError,
    memo<T>(key: string, fn: () => Promise<T>) {
      if (!cache.has(key)) cache.set(key, fn());
      return cache.get(key) as Promise<T>;
    },
  };
}

export interface MeasureDef {
  id: string;
  title: string;
  /** Shown beside the measure. */
  definition: string;
  unit: Unit;
  source: SourceName;
  /** Marked for publication: counts (and rates built on counts) below 5 are shown as [c] in published output. */
  publish: boolean;
  compute(db: Db, scope: Scope, env?: MeasureEnv): Promise<MeasureResult>;
}

const key = (scope: Scope) => JSON.stringify(scope);
const referrals = (e: MeasureEnv, s: Scope) =>
  e.memo(`referrals:${key(s)}`, () => referralsSource(e.db, e.tables, s, e.period, e.today, e.onError));
const intelligence = (e: MeasureEnv, s: Scope) =>
  e.memo(`intelligence:${key(s)}`, () => intelligenceSource(e.db, e.tables, s, e.period, e.today, e.onError));
const ocg = (e: MeasureEnv, s: Scope) =>
  e.memo(`ocg:${key(s)}`, () => ocgSource(e.db, e.tables, s, e.period, e.today, e.onError));
const investigations = (e: MeasureEnv, s: Scope) =>
  e.memo(`investigations:${key(s)}`, () =>
    investigationsSource(e.db, e.tables, s, e.period, e.today, e.onError),
  );

const unavailable = (source: SourceName): MeasureResult => ({
  available: false,
  reason: `Not available: the ${SOURCE_LABELS[source].toLowerCase()} records this measure needs are not in this database yet.`,
  figures: [],
  tables: [],
  trend: null,
  notes: [],
});

const ok = (
  figures: Figure[],
  more: Partial<Omit<MeasureResult, 'available' | 'figures'>> = {},
): MeasureResult => ({
  available: true,
  figures,
  tables: more.tables ?? [],
  trend: more.trend ?? null,
  notes: more.notes ?? [],
});
const count = (k: string, label: string, value: number | null, missing?: string): Figure => ({
  key: k,
  label,
  value,
  unit: 'count',
  ...(value === null && missing ? { missing } : {}),
});
const percent = (k: string, label: string, n: number, d: number): Figure => ({
  key: k,
  label,
  value: d ? Math.round((n / d) * 1000) / 10 : null,
  unit: 'percent',
  of: { n, d },
  ...(d ? {} : { missing: 'No cases to measure' }),
});
const days = (k: string, label: string, v: number | null): Figure => ({
  key: k,
  label,
  value: v === null ? null : Math.round(v * 10) / 10,
  unit: 'days',
  ...(v === null ? { missing: 'No one is waiting' } : {}),
});
const THREAT_LABEL = { msht: 'MSHT', oic: 'OIC' } as const;

function envFor(db: Db, env?: MeasureEnv) {
  return env ? Promise.resolve(env) : measureEnv(db);
}

/** Defines a measure, filling in the environment when a caller gives none. */
function measure(
  def: Omit<MeasureDef, 'compute'> & { run(env: MeasureEnv, scope: Scope): Promise<MeasureResult> },
): MeasureDef {
  const { run, ...rest } = def;
  return { ...rest, compute: async (db, scope, env) => run(await envFor(db, env), scope) };
}

export const MEASURES: readonly MeasureDef[] = [
  measure({
    id: 'referrals',
    title: 'NRM referrals and Duty to Notify',
    definition:
      'NRM referrals and Duty to Notify records submitted in the last 12 months where the person was found in the area (by date submitted). A Duty to Notify is an adult who did not consent to a referral; it is counted separately, never as a referral.',
    unit: 'count',
    source: 'referrals',
    publish: true,
    async run(env, scope) {
      const r = await referrals(env, scope);
      if (!r) return unavailable('referrals');
      const table: StatTable & { rowHeader: string } = {
        id: 'referrals',
        rowHeader: 'Kind',
        title: 'Referrals and Duty to Notify records, last 12 months',
        description: 'By kind and age group.',
        publish: true,
        columns: [{ key: 'n', label: 'Number' }],
        rows: [
          { key: 'nrm-adult', label: 'NRM referrals: adults', cells: { n: r.referrals - r.referralsChild } },
          { key: 'nrm-child', label: 'NRM referrals: children', cells: { n: r.referralsChild } },
          { key: 'dtn', label: 'Duty to Notify (adults)', cells: { n: r.dtn } },
        ],
      };
      return ok(
        [
          count('referrals', 'NRM referrals', r.referrals),
          count('referralsChild', 'of which children', r.referralsChild),
          count('dtn', 'Duty to Notify records', r.dtn),
        ],
        {
          tables: [table],
          trend: {
            title: 'Referrals and Duty to Notify by month',
            description: 'Monthly counts over the last 24 months.',
            categories: r.monthly.map((m) => m.month),
            series: [
              { key: 'nrm', name: 'NRM referrals', values: r.monthly.map((m) => m.nrm) },
              { key: 'dtn', name: 'Duty to Notify', values: r.monthly.map((m) => m.dtn) },
            ],
            unit: 'count',
          },
        },
      );
    },
  }),
  measure({
    id: 'rg-timeliness',
    title: 'Reasonable grounds decisions on time',
    definition: `First reasonable grounds decisions issued in the last 12 months (upheld by a second decision-maker), and the share issued within ${RG_TARGET_WORKING_DAYS} working days of the referral.`,
    unit: 'percent',
    source: 'referrals',
    publish: false,
    async run(env, scope) {
      const r = await referrals(env, scope);
      if (!r) return unavailable('referrals');
      return ok([
        count('rgDecisions', 'Reasonable grounds decisions', r.rgDecisions),
        count('rgWithinTarget', `Within ${RG_TARGET_WORKING_DAYS} working days`, r.rgWithinTarget),
        percent('rgShare', 'Share on time', r.rgWithinTarget, r.rgDecisions),
      ]);
    },
  }),
  measure({
    id: 'cg-backlog',
    title: 'Backlog awaiting a conclusive grounds decision',
    definition:
      'People with a positive reasonable grounds decision and no conclusive grounds decision yet, today, and how long they have waited since the referral (mean and median days). Seed 002: 17,168 waiting at the end of 2024, mean 831 days.',
    unit: 'count',
    source: 'referrals',
    publish: false,
    async run(env, scope) {
      const r = await referrals(env, scope);
      if (!r) return unavailable('referrals');
      return ok([
        count('backlog', 'Awaiting a conclusive grounds decision', r.backlog),
        days('meanDays', 'Mean days waiting', r.meanDaysWaiting),
        days('medianDays', 'Median days waiting', r.medianDaysWaiting),
      ]);
    },
  }),
  measure({
    id: 'live-investigations',
    title: 'Live investigations',
    definition:
      'Investigations open today (opened and not yet closed), led by a force in the area; MSHT and OIC counted separately. The trend counts those open on 31 December of each year. Seed 002: 3,552 live MSHT investigations in 2024.',
    unit: 'count',
    source: 'investigations',
    publish: true,
    async run(env, scope) {
      const r = await investigations(env, scope);
      if (!r) return unavailable('investigations');
      return ok(
        [
          count('liveMsht', 'Live MSHT investigations', r.live.msht),
          count('liveOic', 'Live OIC investigations', r.live.oic),
        ],
        {
          trend: {
            title: 'Live investigations at the end of each year',
            description: 'MSHT and OIC investigations open on 31 December (this year: today).',
            categories: r.liveByYear.map((y) => String(y.year)),
            series: [
              { key: 'msht', name: 'MSHT', values: r.liveByYear.map((y) => y.msht) },
              { key: 'oic', name: 'OIC', values: r.liveByYear.map((y) => y.oic) },
            ],
            unit: 'count',
          },
        },
      );
    },
  }),
  measure({
    id: 'disruptions',
    title: 'Disruptions',
    definition:
      'Disruptions of organised crime recorded in the last 12 months (not rejected), by police forces and by other agencies, for MSHT and OIC separately. For a region or force: those recorded by its forces (and, for a region, its ROCU).',
    unit: 'count',
    source: 'ocg',
    publish: true,
    async run(env, scope) {
      const r = (await ocg(env, scope)).disruptions;
      if (!r) return unavailable('ocg');
      const forces = new Set([...r.msht.byForce, ...r.oic.byForce].map((f) => f.key));
      const table: StatTable & { rowHeader: string } = {
        id: 'disruptions-by-force',
        rowHeader: 'Force',
        title: 'Disruptions recorded by each police force, last 12 months',
        description: 'Police-recorded disruptions by threat.',
        publish: true,
        columns: [
          { key: 'msht', label: 'MSHT' },
          { key: 'oic', label: 'OIC' },
        ],
        rows: [...forces]
          .map((f) => ({
            key: f,
            label: forceName(f),
            cells: {
              msht: r.msht.byForce.find((x) => x.key === f)?.count ?? 0,
              oic: r.oic.byForce.find((x) => x.key === f)?.count ?? 0,
            },
          }))
          .sort(
            (a, b) =>
              b.cells.msht + b.cells.oic - (a.cells.msht + a.cells.oic) || a.label.localeCompare(b.label),
          ),
      };
      const years = [...new Set([...r.msht.byYear, ...r.oic.byYear].map((y) => y.year))].sort();
      const yv = (t: 'msht' | 'oic', k: 'police' | 'other') =>
        years.map((y) => r[t].byYear.find((x) => x.year === y)?.[k] ?? 0);
      return ok(
        THREATS.flatMap((t) => [
          count(`${t}Total`, `${THREAT_LABEL[t]} disruptions`, r[t].total),
          count(`${t}Police`, `${THREAT_LABEL[t]}: recorded by police`, r[t].police),
        ]),
        {
          tables: [table],
          trend: {
            title: 'Disruptions by year',
            description:
              'Recorded by police and by other agencies, MSHT and OIC separately (this year to date).',
            categories: years.map(String),
            series: [
              { key: 'msht-police', name: 'MSHT: police', values: yv('msht', 'police') },
              { key: 'msht-other', name: 'MSHT: other agencies', values: yv('msht', 'other') },
              { key: 'oic-police', name: 'OIC: police', values: yv('oic', 'police') },
              { key: 'oic-other', name: 'OIC: other agencies', values: yv('oic', 'other') },
            ],
            unit: 'count',
          },
        },
      );
    },
  }),
  measure({
    id: 'disruption-concentration',
    title: 'Concentration of disruption recording',
    definition:
      'Share of police-recorded disruptions in the last 12 months recorded by the four forces that recorded most (seed 004: four forces recorded 62%). For a force: its share of all police-recorded disruptions nationally.',
    unit: 'percent',
    source: 'ocg',
    publish: false,
    async run(env, scope) {
      const r = (await ocg(env, scope)).disruptions;
      if (!r) return unavailable('ocg');
      if (scope.level === 'force') {
        return ok(
          THREATS.map((t) =>
            percent(
              `${t}Share`,
              `${THREAT_LABEL[t]}: share of national police disruptions`,
              r[t].police,
              r[t].nationalPolice ?? 0,
            ),
          ),
        );
      }
      const table: StatTable & { rowHeader: string } = {
        id: 'top-four',
        rowHeader: 'Force',
        title: 'The four forces that recorded most, last 12 months',
        description: 'Police-recorded disruptions, by threat.',
        publish: false,
        columns: [
          { key: 'rank', label: 'Rank' },
          { key: 'n', label: 'Disruptions' },
        ],
        rows: THREATS.flatMap((t) =>
          r[t].concentration.top.map((f, i) => ({
            key: `${t}-${f.key}`,
            label: `${THREAT_LABEL[t]}: ${f.label}`,
            cells: { rank: i + 1, n: f.count },
          })),
        ),
      };
      return ok(
        THREATS.map((t) =>
          percent(
            `${t}TopFour`,
            `${THREAT_LABEL[t]}: share recorded by the top four forces`,
            r[t].concentration.topCount,
            r[t].concentration.total,
          ),
        ),
        { tables: [table] },
      );
    },
  }),
  measure({
    id: 'ocg-assessments',
    title: 'Organised crime group assessments due',
    definition:
      'Active groups owned by agencies in the area: never assessed, assessment overdue (next assessment date passed) and due in the next 30 days, by primary threat. Seed 004 rec 7: every known group should be assessed regularly.',
    unit: 'count',
    source: 'ocg',
    publish: false,
    async run(env, scope) {
      const r = (await ocg(env, scope)).assessments;
      if (!r) return unavailable('ocg');
      const table: StatTable & { rowHeader: string } = {
        id: 'ocg-assessments',
        rowHeader: 'Threat',
        title: 'Active groups by assessment state',
        description: 'By primary threat.',
        publish: false,
        columns: [
          { key: 'active', label: 'Active groups' },
          { key: 'notAssessed', label: 'Never assessed' },
          { key: 'overdue', label: 'Overdue' },
          { key: 'dueSoon', label: 'Due in 30 days' },
        ],
        rows: THREATS.map((t) => ({ key: t, label: THREAT_LABEL[t], cells: { ...r[t] } })),
      };
      return ok(
        THREATS.flatMap((t) => [
          count(`${t}Overdue`, `${THREAT_LABEL[t]}: assessments overdue`, r[t].overdue),
          count(`${t}NotAssessed`, `${THREAT_LABEL[t]}: never assessed`, r[t].notAssessed),
          count(`${t}DueSoon`, `${THREAT_LABEL[t]}: due in 30 days`, r[t].dueSoon),
        ]),
        { tables: [table] },
      );
    },
  }),
  measure({
    id: 'debrief-rate',
    title: 'Migrant debrief rate',
    definition:
      'Irregular arrivals (national Border Force figures, by month of arrival) and migrants approached for a debrief in the last 12 months, how many agreed and how many were debriefed; the rate is debriefed per arrival. Seed 004: 36,704 arrivals, about 5,000 approached, about half agreed (2023). For a region or force: debriefs by its agencies (arrivals are national only).',
    unit: 'percent',
    source: 'intelligence',
    publish: true,
    async run(env, scope) {
      const r = (await intelligence(env, scope)).debriefs;
      if (!r) return unavailable('intelligence');
      const national = r.arrivals !== null;
      const figures = [
        count('arrivals', 'Irregular arrivals', r.arrivals, 'National figure only'),
        count('approached', 'Approached for a debrief', r.approached),
        count('agreed', 'Agreed', r.agreed),
        count('debriefed', 'Debriefed', r.debriefed),
        national
          ? percent('rate', 'Debriefed per arrival', r.debriefed, r.arrivals ?? 0)
          : {
              key: 'rate',
              label: 'Debriefed per arrival',
              value: null,
              unit: 'percent' as const,
              missing: 'National figure only',
            },
      ];
      return ok(figures, {
        trend: {
          title: 'Debriefs by year',
          description: national
            ? 'Arrivals, approached, agreed and debriefed by calendar year.'
            : 'Approached, agreed and debriefed by calendar year.',
          categories: r.byYear.map((y) => String(y.year)),
          series: [
            ...(national
              ? [{ key: 'arrivals', name: 'Arrivals', values: r.byYear.map((y) => y.arrivals) }]
              : []),
            { key: 'approached', name: 'Approached', values: r.byYear.map((y) => y.approached) },
            { key: 'agreed', name: 'Agreed', values: r.byYear.map((y) => y.agreed) },
            { key: 'debriefed', name: 'Debriefed', values: r.byYear.map((y) => y.debriefed) },
          ],
          unit: 'count',
        },
      });
    },
  }),
  measure({
    id: 'nccu-return',
    title: 'NCCU intelligence documents returned',
    definition:
      'Intelligence documents the NCCU sent to forces in the last 12 months after a police contact, and the share the force returned (seed 004 rec 2: 14 of 44 returned, June to September 2024). Overdue: sent, not returned and past the due date.',
    unit: 'percent',
    source: 'intelligence',
    publish: false,
    async run(env, scope) {
      const r = (await intelligence(env, scope)).nccu;
      if (!r) return unavailable('intelligence');
      const table: StatTable & { rowHeader: string } = {
        id: 'nccu-by-force',
        rowHeader: 'Force',
        title: 'Documents sent and returned by force, last 12 months',
        description: 'The return rate is returned / sent.',
        publish: false,
        columns: [
          { key: 'sent', label: 'Sent' },
          { key: 'returned', label: 'Returned' },
          { key: 'rate', label: 'Returned (%)' },
        ],
        rows: r.byForce.map((f) => ({
          key: f.force,
          label: forceName(f.force),
          cells: {
            sent: f.sent,
            returned: f.returned,
            rate: f.sent ? Math.round((f.returned / f.sent) * 1000) / 10 : 0,
          },
        })),
      };
      return ok(
        [
          count('sent', 'Documents sent', r.sent),
          count('returned', 'Returned', r.returned),
          count('overdue', 'Overdue', r.overdue),
          percent('rate', 'Return rate', r.returned, r.sent),
        ],
        { tables: [table] },
      );
    },
  }),
  measure({
    id: 'intelligence-codes',
    title: 'Intelligence carrying the mandatory crime identifier codes',
    definition:
      'Intelligence reports submitted in the last 12 months by agencies in the area (originals, not drafts), and the share carrying a crime identifier code for each threat they concern (an OIC code for OIC, an MSHT code for MSHT). Seed 004 rec 6 asks for the code to be mandatory.',
    unit: 'percent',
    source: 'intelligence',
    publish: false,
    async run(env, scope) {
      const r = (await intelligence(env, scope)).codes;
      if (!r) return unavailable('intelligence');
      return ok([
        count('submitted', 'Reports submitted', r.submitted),
        count('coded', 'With the right codes', r.coded),
        percent('share', 'Share correctly coded', r.coded, r.submitted),
      ]);
    },
  }),
  measure({
    id: 'training',
    title: 'Training completion',
    definition:
      'For the two courses HMICFRS asks every force to complete (004 rec 8 and 9): the latest number who completed the Hydra OIC package and all four OIC e-learning modules, against the force’s relevant headcount for each. Seed 004: from over 4,000 in one force to single figures in others.',
    unit: 'percent',
    source: 'performance',
    publish: false,
    async run(env, scope) {
      const forces = scopeForces(scope);
      const latest = await store.latestCompletion(env.db, forces);
      const COURSES = ['hydra-oic', 'oic-elearning'] as const;
      const sum = (c: string, k: 'completed' | 'relevant_headcount') =>
        latest.filter((r) => r.course_code === c).reduce((s, r) => s + (r[k] ?? 0), 0);
      const figures = COURSES.flatMap((c) => {
        const name = c === 'hydra-oic' ? 'Hydra' : 'OIC e-learning';
        return [
          count(`${c}Completed`, `${name}: completed`, sum(c, 'completed')),
          count(`${c}Headcount`, `${name}: relevant headcount`, sum(c, 'relevant_headcount')),
          percent(`${c}Share`, `${name}: share completed`, sum(c, 'completed'), sum(c, 'relevant_headcount')),
        ];
      });
      const byForce = new Map<string, Record<string, number>>();
      for (const r of latest) {
        if (!COURSES.includes(r.course_code as never)) continue;
        const cells = byForce.get(r.force_code) ?? {};
        cells[`${r.course_code}-done`] = r.completed;
        cells[`${r.course_code}-head`] = r.relevant_headcount ?? 0;
        cells[`${r.course_code}-share`] =
          Math.round((completionShare(r.completed, r.relevant_headcount) ?? 0) * 1000) / 10;
        byForce.set(r.force_code, cells);
      }
      const table: StatTable & { rowHeader: string } = {
        id: 'training-by-force',
        rowHeader: 'Force',
        title: 'Completion by force (latest figures)',
        description: 'Completed and relevant headcount for each course.',
        publish: false,
        columns: COURSES.flatMap((c) => {
          const name = courseByCode(c)?.code === 'hydra-oic' ? 'Hydra' : 'OIC e-learning';
          return [
            { key: `${c}-done`, label: `${name}: completed` },
            { key: `${c}-head`, label: `${name}: headcount` },
            { key: `${c}-share`, label: `${name}: completed (%)` },
          ];
        }),
        rows: [...byForce.entries()].map(([f, cells]) => ({ key: f, label: forceName(f), cells })),
      };
      const hydra = await store.completionSeries(env.db, forces, 'hydra-oic');
      const elearning = await store.completionSeries(env.db, forces, 'oic-elearning');
      const dates = [...new Set([...hydra, ...elearning].map((p) => p.as_of))].sort();
      return ok(figures, {
        tables: [table],
        trend: {
          title: 'Completions over time',
          description: 'Total completed on each reporting date (each force’s latest figures then).',
          categories: dates,
          series: [
            {
              key: 'hydra',
              name: 'Hydra',
              values: dates.map((d) => hydra.find((p) => p.as_of === d)?.completed ?? null),
            },
            {
              key: 'elearning',
              name: 'OIC e-learning',
              values: dates.map((d) => elearning.find((p) => p.as_of === d)?.completed ?? null),
            },
          ],
          unit: 'count',
        },
      });
    },
  }),
  measure({
    id: 'charging',
    title: 'Charging mix and outcomes',
    definition:
      'Charges laid in the last 12 months in investigations led by forces in the area, by offence group, for MSHT and OIC investigations separately; the share of MSHT charges under the Modern Slavery Act; and the conviction rate of defendants whose charges have all been decided (seed 002: conviction rate 70-76%, MSA offences undercharged).',
    unit: 'percent',
    source: 'investigations',
    publish: true,
    async run(env, scope) {
      const r = await investigations(env, scope);
      if (!r) return unavailable('investigations');
      const total = (t: 'msht' | 'oic') => Object.values(r.charges[t]).reduce((s, n) => s + n, 0);
      const msa = MSA_GROUPS.reduce((s, g) => s + (r.charges.msht[g] ?? 0), 0);
      const table: StatTable & { rowHeader: string } = {
        id: 'charges-by-group',
        rowHeader: 'Offence group',
        title: 'Charges by offence group, last 12 months',
        description: 'By the threat of the investigation.',
        publish: true,
        columns: [
          { key: 'msht', label: 'MSHT investigations' },
          { key: 'oic', label: 'OIC investigations' },
        ],
        rows: CHARGE_GROUPS.map((g) => ({
          key: g.code,
          label: g.long,
          cells: { msht: r.charges.msht[g.code] ?? 0, oic: r.charges.oic[g.code] ?? 0 },
        })),
      };
      return ok(
        [
          count('mshtCharges', 'MSHT: charges', total('msht')),
          percent('msaShare', 'MSHT: share under the Modern Slavery Act', msa, total('msht')),
          percent(
            'mshtConviction',
            'MSHT: defendants convicted',
            r.conviction.msht.convicted,
            r.conviction.msht.finished,
          ),
          count('oicCharges', 'OIC: charges', total('oic')),
          percent(
            'oicConviction',
            'OIC: defendants convicted',
            r.conviction.oic.convicted,
            r.conviction.oic.finished,
          ),
        ],
        { tables: [table] },
      );
    },
  }),
  measure({
    id: 'governance',
    title: 'Governance signals',
    definition:
      'Forces whose MSHT (and, separately, OIC) response is in the control strategy, monitored by governance meetings and tracked by performance measures, and forces with a dedicated team, from each force’s latest answers, beside the share of MS leads answering yes in seed 002 (spring 2025).',
    unit: 'percent',
    source: 'performance',
    publish: false,
    async run(env, scope) {
      const rows = await store.signalsInScope(env.db, scope);
      const counts = signalCounts(rows);
      const table: StatTable & { rowHeader: string } = {
        id: 'governance-signals',
        rowHeader: 'Signal',
        title: 'Forces answering yes, no or unsure',
        description: 'Seed 002 is the share of MS leads answering yes (n=37).',
        publish: false,
        columns: [
          { key: 'yes', label: 'Yes' },
          { key: 'no', label: 'No' },
          { key: 'unsure', label: 'Unsure' },
          { key: 'pct', label: 'Yes (%)' },
          { key: 'seed', label: 'Seed 002 yes (%)' },
        ],
        rows: counts.map((c) => ({
          key: c.key,
          label: c.label,
          cells: { yes: c.yes, no: c.no, unsure: c.unsure, pct: c.yesPercent ?? 0, seed: c.seedPercent ?? 0 },
        })),
      };
      const location: StatTable & { rowHeader: string } = {
        id: 'team-location',
        rowHeader: 'Where the team sits',
        title: 'Where dedicated teams sit',
        description: 'Forces with a dedicated team, by where it sits.',
        publish: false,
        columns: [{ key: 'n', label: 'Forces' }],
        rows: teamLocationCounts(rows).map((l) => ({ key: l.value, label: l.label, cells: { n: l.forces } })),
      };
      const notes =
        scope.level === 'force' && rows[0]
          ? [SIGNALS.map((s) => `${s.label}: ${ANSWER_LABELS[rows[0]![s.key]]}`).join('. ') + '.']
          : [];
      return ok(
        counts.map((c) => percent(c.key, c.label, c.yes, c.forces)),
        { tables: [table, location], notes },
      );
    },
  }),
  measure({
    id: 'enhancement-plans',
    title: 'Peer review enhancement plans',
    definition:
      'Recommendations in the enhancement plans of MSOICU peer reviews of forces and ROCUs in the area: how many, how many are done, how many are past their due date and not done, and reviews whose revisit date has passed without a revisit.',
    unit: 'count',
    source: 'performance',
    publish: false,
    async run(env, scope) {
      const r = await store.planFigures(env.db, scope, env.today);
      return ok([
        count('reviews', 'Peer reviews reported', r.reviews),
        count('items', 'Plan recommendations', r.items),
        count('done', 'Done', r.done),
        count('overdue', 'Overdue', r.overdue),
        count('revisitsOverdue', 'Revisits overdue', r.revisits_overdue),
      ]);
    },
  }),
];

export const measureDef = (id: string) => MEASURES.find((m) => m.id === id);

// ---------------------------------------------------------------------------------------------------------------
// Materialised figures: computing every measure reads every capability's tables (about a second on the large
// demo data, most of it in the sources' own measure functions), so dashboards serve figures computed at most
// FRESH_MS ago, recomputing in the background once they are older, and never older than MAX_STALE_MS. A write
// in this capability (training, signals, reviews, the tracker) starts a new generation, so its effect shows at
// once; other capabilities' changes show within FRESH_MS. The page says when its figures were computed.

let generation = 0;
/** Called after every write of the performance capability. */
export const figuresChanged = () => {
  generation++;
};

type Computed = Awaited<ReturnType<typeof computeAll>>;

export class FigureCache {
  private entries = new Map<string, { at: number; value: Promise<Computed>; refreshing: boolean }>();
  constructor(
    private readonly freshMs = 60_000,
    private readonly maxStaleMs = 15 * 60_000,
  ) {}

  async get(key: string, compute: () => Promise<Computed>): Promise<{ computed: Computed; at: Date }> {
    const k = `${generation}|${key}`;
    const now = Date.now();
    const e = this.entries.get(k);
    if (e && now - e.at < this.maxStaleMs) {
      if (now - e.at >= this.freshMs && !e.refreshing) {
        e.refreshing = true;
        compute()
          .then((v) => this.entries.set(k, { at: Date.now(), value: Promise.resolve(v), refreshing: false }))
          .catch(() => {
            e.refreshing = false;
          });
      }
      return { computed: await e.value, at: new Date(e.at) };
    }
    if (this.entries.size > 200) this.entries.clear();
    const value = compute();
    this.entries.set(k, { at: now, value, refreshing: false });
    value.catch(() => this.entries.delete(k));
    return { computed: await value, at: new Date(now) };
  }
}

/** Every measure for a scope, sharing one environment (one look at the schema, one call per source). */
export async function computeAll(db: Db, scope: Scope, env?: MeasureEnv) {
  const e = env ?? (await measureEnv(db));
  const results = await Promise.all(
    MEASURES.map(async (m) => ({
      def: m,
      result: await m.compute(db, scope, e).catch((err) => {
        e.onError?.(err);
        return unavailable(m.source);
      }),
    })),
  );
  return { env: e, results };
}
