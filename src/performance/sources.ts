/**
 * Everything the dashboards read from other capabilities, one function per source capability, so a schema change
 * there is fixed in one place here. Each function uses the source's own exported measure functions where they
 * exist (referrals: `referralMeasures`; intelligence: `debriefMeasures`, `returnRatesByForce`; ocg:
 * `disruptionStats`, `concentration`; investigations: `outcomeFacts`, `liveOverTime`, `convictionRate`) and plain
 * SQL only where they do not cover a scope (a region, a force) or a figure. A part whose tables are missing is
 * returned as null (the measure then shows "not available"), so a capability still being built cannot break the
 * dashboards.
 */
import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../kernel/context.js';
import { debriefMeasures, debriefsByAgency } from '../intelligence/store/debriefs.js';
import { returnRatesByForce } from '../intelligence/store/nccu.js';
import { CRIME_CODES } from '../intelligence/reference.js';
import { CHARGE_GROUPS } from '../investigations/model.js';
import {
  type ChargeFact,
  convictionRate,
  type InvestigationSpan,
  liveOverTime,
} from '../investigations/outcomes.js';
import { outcomeFacts } from '../investigations/store.js';
import { type Concentration, concentration, type CountBy } from '../ocg/concentration.js';
import { disruptionStats } from '../ocg/store.js';
import { referralMeasures } from '../referrals/measures.js';
import { type IsoDate, addDays, monthsTo } from './model/dates.js';
import { forceName, type Scope, scopeAgencies, scopeForces } from './model/scope.js';

export type Db = Kysely<any>;

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Tables present in the database (asked once per request). */
export async function presentTables(db: Db): Promise<Set<string>> {
  const r = await sql<{
    table_name: string;
  }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db);
  return new Set(r.rows.map((x) => x.table_name));
}

/** Runs a part when its tables exist; a failing query (a changed schema) also yields null, with the reason logged. */
async function part<T>(
  tables: Set<string>,
  need: string[],
  fn: () => Promise<T>,
  onError?: (e: unknown) => void,
): Promise<T | null> {
  if (!need.every((t) => tables.has(t))) return null;
  try {
    return await fn();
  } catch (e) {
    onError?.(e);
    return null;
  }
}

const forcesArray = (forces: string[]) => sql`${sql.val(forces)}::text[]`;

// ---------------------------------------------------------------------------------------------------------------
// Referrals (src/referrals): NRM referrals, Duty to Notify, RG timeliness, the backlog awaiting CG

export interface ReferralFigures {
  referrals: number;
  referralsChild: number;
  dtn: number;
  rgDecisions: number;
  rgWithinTarget: number;
  backlog: number;
  meanDaysWaiting: number | null;
  medianDaysWaiting: number | null;
  monthly: { month: string; nrm: number; dtn: number }[];
}

export async function referralsSource(
  db: Db,
  tables: Set<string>,
  scope: Scope,
  period: Period,
  today: IsoDate,
  onError?: (e: unknown) => void,
): Promise<ReferralFigures | null> {
  return part(
    tables,
    ['referrals', 'referral_decisions'],
    async () => {
      const forces = scopeForces(scope);
      let head: Omit<ReferralFigures, 'monthly'>;
      if (forces === null || forces.length === 1) {
        const m = await referralMeasures(
          db,
          { from: period.from, to: period.to, forceArea: forces?.[0] },
          today,
        );
        head = {
          referrals: m.referrals,
          referralsChild: m.referralsChild,
          dtn: m.dtn,
          rgDecisions: m.rgDecisions,
          rgWithinTarget: m.rgWithinTarget,
          backlog: m.backlog,
          meanDaysWaiting: m.meanDaysWaiting,
          medianDaysWaiting: m.medianDaysWaiting,
        };
      } else {
        // referralMeasures takes one force area: a region adds up its forces; the median (not additive) is asked
        // of the database with the same definition (days from referral to today, awaiting CG).
        const per: Awaited<ReturnType<typeof referralMeasures>>[] = [];
        for (const f of forces)
          per.push(await referralMeasures(db, { from: period.from, to: period.to, forceArea: f }, today));
        const sum = (
          k: 'referrals' | 'referralsChild' | 'dtn' | 'rgDecisions' | 'rgWithinTarget' | 'backlog',
        ) => per.reduce((s, m) => s + m[k], 0);
        const backlog = sum('backlog');
        const med = await sql<{ median: number | null }>`
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (${today}::date - submitted_on))::float AS median
          FROM referrals WHERE status IN ('awaiting_cg', 'cg_review') AND submitted_on <= ${today}::date AND force_area = ANY(${forcesArray(forces)})`.execute(
          db,
        );
        head = {
          referrals: sum('referrals'),
          referralsChild: sum('referralsChild'),
          dtn: sum('dtn'),
          rgDecisions: sum('rgDecisions'),
          rgWithinTarget: sum('rgWithinTarget'),
          backlog,
          meanDaysWaiting: backlog
            ? per.reduce((s, m) => s + (m.meanDaysWaiting ?? 0) * m.backlog, 0) / backlog
            : null,
          medianDaysWaiting: med.rows[0]?.median ?? null,
        };
      }
      const months = monthsTo(today, 24);
      const r = await sql<{ month: string; nrm: number; dtn: number }>`
      SELECT to_char(submitted_on, 'YYYY-MM') AS month, count(*) FILTER (WHERE kind = 'nrm')::int AS nrm, count(*) FILTER (WHERE kind = 'dtn')::int AS dtn
        FROM referrals
       WHERE submitted_on >= ${`${months[0]}-01`}::date AND submitted_on <= ${today}::date
         ${forces ? sql`AND force_area = ANY(${forcesArray(forces)})` : sql``}
       GROUP BY 1`.execute(db);
      const byMonth = new Map(r.rows.map((x) => [x.month, x]));
      return {
        ...head,
        monthly: months.map((month) => ({
          month,
          nrm: byMonth.get(month)?.nrm ?? 0,
          dtn: byMonth.get(month)?.dtn ?? 0,
        })),
      };
    },
    onError,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Intelligence (src/intelligence): crime identifier codes, migrant debriefs, NCCU intelligence documents

export interface IntelligenceFigures {
  codes: { submitted: number; coded: number } | null;
  debriefs: {
    arrivals: number | null;
    approached: number;
    agreed: number;
    debriefed: number;
    byYear: {
      year: number;
      arrivals: number | null;
      approached: number;
      agreed: number;
      debriefed: number;
    }[];
  } | null;
  nccu: {
    sent: number;
    returned: number;
    overdue: number;
    byForce: { force: string; sent: number; returned: number }[];
  } | null;
}

const OIC_CODES = CRIME_CODES.filter((c) => c.threat === 'oic').map((c) => c.code);
const MSHT_CODES = CRIME_CODES.filter((c) => c.threat === 'msht').map((c) => c.code);

export async function intelligenceSource(
  db: Db,
  tables: Set<string>,
  scope: Scope,
  period: Period,
  _today: IsoDate,
  onError?: (e: unknown) => void,
): Promise<IntelligenceFigures> {
  const agencies = scopeAgencies(scope);
  const forces = scopeForces(scope);
  const codes = await part(
    tables,
    ['intel_reports'],
    async () => {
      // Originals submitted for review or beyond (drafts are unfinished; sanitised copies repeat their original).
      const r = await sql<{ submitted: number; coded: number }>`
      SELECT count(*)::int AS submitted,
             count(*) FILTER (WHERE cardinality(crime_codes) > 0
               AND (NOT ('oic' = ANY(threats)) OR crime_codes && ${sql.val(OIC_CODES)}::text[])
               AND (NOT ('msht' = ANY(threats)) OR crime_codes && ${sql.val(MSHT_CODES)}::text[]))::int AS coded
        FROM intel_reports
       WHERE status <> 'draft' AND sanitised_of IS NULL AND reported_on BETWEEN ${period.from}::date AND ${period.to}::date
         ${agencies ? sql`AND owning_agency_code = ANY(${forcesArray(agencies)})` : sql``}`.execute(db);
      return r.rows[0]!;
    },
    onError,
  );
  const debriefs = await part(
    tables,
    ['intel_debriefs', 'intel_arrivals'],
    async () => {
      if (!agencies) {
        const inPeriod = await debriefMeasures(db, { from: period.from, to: period.to });
        const byYear = await debriefMeasures(db);
        const sum = (k: 'arrivals' | 'approached' | 'agreed' | 'debriefed') =>
          inPeriod.reduce((s, y) => s + (y[k] ?? 0), 0);
        return {
          arrivals: sum('arrivals'),
          approached: sum('approached'),
          agreed: sum('agreed'),
          debriefed: sum('debriefed'),
          byYear: byYear.map((y) => ({
            year: y.year,
            arrivals: y.arrivals,
            approached: y.approached,
            agreed: y.agreed,
            debriefed: y.debriefed,
          })),
        };
      }
      // Arrivals are national figures (Border Force): a force or region has debriefs but no denominator.
      const r = await sql<{
        year: number;
        in_period: boolean;
        approached: number;
        agreed: number;
        debriefed: number;
      }>`
      SELECT extract(year FROM approached_on)::int AS year, (approached_on BETWEEN ${period.from}::date AND ${period.to}::date) AS in_period,
             count(*)::int AS approached,
             count(*) FILTER (WHERE consent_given AND status IN ('agreed', 'completed'))::int AS agreed,
             count(*) FILTER (WHERE status = 'completed')::int AS debriefed
        FROM intel_debriefs
       WHERE subject_type = 'migrant' AND approached_on IS NOT NULL AND owning_agency_code = ANY(${forcesArray(agencies)})
       GROUP BY 1, 2`.execute(db);
      const inP = r.rows.filter((x) => x.in_period);
      const years = [...new Set(r.rows.map((x) => x.year))].sort();
      const yearSum = (y: number, k: 'approached' | 'agreed' | 'debriefed') =>
        r.rows.filter((x) => x.year === y).reduce((s, x) => s + x[k], 0);
      return {
        arrivals: null,
        approached: inP.reduce((s, x) => s + x.approached, 0),
        agreed: inP.reduce((s, x) => s + x.agreed, 0),
        debriefed: inP.reduce((s, x) => s + x.debriefed, 0),
        byYear: years.map((year) => ({
          year,
          arrivals: null,
          approached: yearSum(year, 'approached'),
          agreed: yearSum(year, 'agreed'),
          debriefed: yearSum(year, 'debriefed'),
        })),
      };
    },
    onError,
  );
  const nccu = await part(
    tables,
    ['intel_nccu_contacts'],
    async () => {
      const rates = await returnRatesByForce({ db } as unknown as AppContext, {
        from: period.from,
        to: period.to,
      });
      const rows = rates.byForce.filter((f) => !forces || forces.includes(f.forceCode));
      return {
        sent: rows.reduce((s, f) => s + f.sent, 0),
        returned: rows.reduce((s, f) => s + f.returned, 0),
        overdue: rows.reduce((s, f) => s + f.overdue, 0),
        byForce: rows.map((f) => ({ force: f.forceCode, sent: f.sent, returned: f.returned })),
      };
    },
    onError,
  );
  return { codes, debriefs, nccu };
}

/** Debriefs by agency (the intelligence capability's own table of them), for the debrief measure's detail. */
export const debriefAgencies = debriefsByAgency;

// ---------------------------------------------------------------------------------------------------------------
// Organised crime groups (src/ocg): disruptions and their concentration, assessments due

export type Threat = 'msht' | 'oic';
export const THREATS: Threat[] = ['msht', 'oic'];

export interface DisruptionThreat {
  total: number;
  police: number;
  other: number;
  byForce: CountBy[];
  /** Top four forces' share within the scope (nation or region). */
  concentration: Concentration;
  /** For a force: police-recorded disruptions nationally, so its share can be shown. */
  nationalPolice: number | null;
  byYear: { year: number; police: number; other: number; total: number }[];
}

export interface OcgFigures {
  disruptions: Record<Threat, DisruptionThreat> | null;
  assessments: Record<
    Threat,
    { active: number; notAssessed: number; overdue: number; dueSoon: number }
  > | null;
}

export async function ocgSource(
  db: Db,
  tables: Set<string>,
  scope: Scope,
  period: Period,
  today: IsoDate,
  onError?: (e: unknown) => void,
): Promise<OcgFigures> {
  const agencies = scopeAgencies(scope);
  const disruptions = await part(
    tables,
    ['ocg_disruptions'],
    async () => {
      const out = {} as Record<Threat, DisruptionThreat>;
      if (!agencies) {
        for (const threat of THREATS) {
          const s = await disruptionStats(db, { threat, from: period.from, to: period.to });
          const all = await disruptionStats(db, { threat });
          out[threat] = {
            total: s.total,
            police: s.policeTotal,
            other: s.otherTotal,
            byForce: s.byForce,
            concentration: s.concentration,
            nationalPolice: null,
            byYear: all.byYear,
          };
        }
        return out;
      }
      const r = await sql<{
        threat: Threat;
        agency: string;
        police: boolean;
        year: number;
        in_period: boolean;
        n: number;
      }>`
      SELECT threat, recording_agency_code AS agency, (recording_agency_type = 'police_force') AS police, extract(year FROM disrupted_on)::int AS year,
             (disrupted_on BETWEEN ${period.from}::date AND ${period.to}::date) AS in_period, count(*)::int AS n
        FROM ocg_disruptions
       WHERE status <> 'rejected' AND recording_agency_code = ANY(${forcesArray(agencies)})
       GROUP BY 1, 2, 3, 4, 5`.execute(db);
      const national = await sql<{ threat: Threat; n: number }>`
      SELECT threat, count(*)::int AS n FROM ocg_disruptions
       WHERE status <> 'rejected' AND recording_agency_type = 'police_force' AND disrupted_on BETWEEN ${period.from}::date AND ${period.to}::date
       GROUP BY 1`.execute(db);
      for (const threat of THREATS) {
        const rows = r.rows.filter((x) => x.threat === threat);
        const inP = rows.filter((x) => x.in_period);
        const police = inP.filter((x) => x.police).reduce((s, x) => s + x.n, 0);
        const total = inP.reduce((s, x) => s + x.n, 0);
        const forceCounts = new Map<string, number>();
        for (const x of inP.filter((y) => y.police))
          forceCounts.set(x.agency, (forceCounts.get(x.agency) ?? 0) + x.n);
        const byForce = [...forceCounts.entries()]
          .map(([key, count]) => ({ key, label: forceName(key), count }))
          .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
        const years = [...new Set(rows.map((x) => x.year))].sort();
        out[threat] = {
          total,
          police,
          other: total - police,
          byForce,
          concentration: concentration(byForce, 4),
          nationalPolice: national.rows.find((x) => x.threat === threat)?.n ?? 0,
          byYear: years.map((year) => {
            const p = rows.filter((x) => x.year === year && x.police).reduce((s, x) => s + x.n, 0);
            const o = rows.filter((x) => x.year === year && !x.police).reduce((s, x) => s + x.n, 0);
            return { year, police: p, other: o, total: p + o };
          }),
        };
      }
      return out;
    },
    onError,
  );
  const assessments = await part(
    tables,
    ['ocg_groups'],
    async () => {
      const r = await sql<{
        threat: Threat;
        active: number;
        not_assessed: number;
        overdue: number;
        due_soon: number;
      }>`
      SELECT primary_threat AS threat, count(*)::int AS active,
             count(*) FILTER (WHERE last_assessed_at IS NULL)::int AS not_assessed,
             count(*) FILTER (WHERE last_assessed_at IS NOT NULL AND next_assessment_due < ${today}::date)::int AS overdue,
             count(*) FILTER (WHERE next_assessment_due BETWEEN ${today}::date AND ${addDays(today, 30)}::date)::int AS due_soon
        FROM ocg_groups
       WHERE status = 'active' ${agencies ? sql`AND owning_agency_code = ANY(${forcesArray(agencies)})` : sql``}
       GROUP BY 1`.execute(db);
      const of = (t: Threat) => {
        const x = r.rows.find((y) => y.threat === t);
        return {
          active: x?.active ?? 0,
          notAssessed: x?.not_assessed ?? 0,
          overdue: x?.overdue ?? 0,
          dueSoon: x?.due_soon ?? 0,
        };
      };
      return { msht: of('msht'), oic: of('oic') };
    },
    onError,
  );
  return { disruptions, assessments };
}

// ---------------------------------------------------------------------------------------------------------------
// Investigations (src/investigations): live investigations, charges and outcomes

export interface InvestigationFigures {
  live: Record<Threat, number>;
  liveByYear: { year: number; msht: number; oic: number }[];
  /** Charges laid in the period, by charge group, for MSHT-led and OIC-led investigations. */
  charges: Record<Threat, Record<string, number>>;
  conviction: Record<
    Threat,
    { defendants: number; finished: number; convicted: number; rate: number | null }
  >;
}

export const CHARGE_GROUP_CODES: string[] = CHARGE_GROUPS.map((g) => g.code);

export async function investigationsSource(
  db: Db,
  tables: Set<string>,
  scope: Scope,
  period: Period,
  today: IsoDate,
  onError?: (e: unknown) => void,
): Promise<InvestigationFigures | null> {
  return part(
    tables,
    ['inv_investigations', 'inv_charges'],
    async () => {
      const forces = scopeForces(scope);
      let spans: InvestigationSpan[];
      if (!forces) {
        spans = (await outcomeFacts(db)).spans;
      } else {
        const r = await sql<{ primary_threat: Threat; opened_on: string; closed_on: string | null }>`
        SELECT primary_threat, opened_on::text AS opened_on, closed_on::text AS closed_on FROM inv_investigations WHERE lead_force_code = ANY(${forcesArray(forces)})`.execute(
          db,
        );
        spans = r.rows.map((x) => ({
          threat: x.primary_threat,
          openedOn: x.opened_on,
          closedOn: x.closed_on,
        }));
      }
      const liveByYear = liveOverTime(spans, Number(today.slice(0, 4)) - 7, today);
      const now = liveByYear[liveByYear.length - 1]!;
      // Charges laid in the period, with their investigation's threat (the outcomes module has no period or force).
      const c = await sql<{
        investigation_id: string;
        subject_id: string | null;
        offence_group: string;
        outcome: string;
        sentence_months: number | null;
        threat: Threat;
      }>`
      SELECT c.investigation_id, c.subject_id, c.offence_group, c.outcome, c.sentence_months, i.primary_threat AS threat
        FROM inv_charges c JOIN inv_investigations i ON i.id = c.investigation_id
       WHERE c.charged_on BETWEEN ${period.from}::date AND ${period.to}::date
         ${forces ? sql`AND i.lead_force_code = ANY(${forcesArray(forces)})` : sql``}`.execute(db);
      const facts = (t: Threat): ChargeFact[] =>
        c.rows
          .filter((x) => x.threat === t)
          .map((x) => ({
            investigationId: x.investigation_id,
            subjectId: x.subject_id,
            group: x.offence_group,
            outcome: x.outcome,
            sentenceMonths: x.sentence_months,
            exploitation: [],
          }));
      const groups = (t: Threat) =>
        Object.fromEntries(
          CHARGE_GROUP_CODES.map((g) => [
            g,
            c.rows.filter((x) => x.threat === t && x.offence_group === g).length,
          ]),
        );
      return {
        live: { msht: now.msht, oic: now.oic },
        liveByYear: liveByYear.map((y) => ({ year: y.year, msht: y.msht, oic: y.oic })),
        charges: { msht: groups('msht'), oic: groups('oic') },
        conviction: { msht: convictionRate(facts('msht')), oic: convictionRate(facts('oic')) },
      };
    },
    onError,
  );
}
