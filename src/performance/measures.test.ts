import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/support/databases.js';
import { type TestEnv, testEnv } from '../../test/support/context.js';
import { CRIME_CODES } from '../intelligence/reference.js';
import { workingDaysBetween } from '../referrals/model/dates.js';
import { RG_TARGET_WORKING_DAYS } from '../referrals/model/workflow.js';
import { addDays, lastTwelveMonths, todayInUk } from './model/dates.js';
import { type Scope, scopeAgencies, scopeForces, scopeKey } from './model/scope.js';
import { MEASURES, measureEnv } from './measures.js';

/**
 * Every measure against a direct SQL count on the demo data, for the nation, a region and a force, on both
 * databases. The SQL here is written from each measure's definition, independently of the measure code.
 */
type Db = Kysely<any>;
type Expect = Record<string, number | null>;

const one = async (db: Db, q: ReturnType<typeof sql>) =>
  Number(Object.values(((await q.execute(db)).rows[0] ?? {}) as Record<string, unknown>)[0] ?? 0);
const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
const inList = (column: string, list: string[] | null) =>
  list ? sql`AND ${sql.ref(column)} = ANY(${sql.val(list)}::text[])` : sql``;

const THREATS = ['msht', 'oic'] as const;

/** The expected figures of each measure, by direct SQL. */
const EXPECTED: Record<string, (db: Db, scope: Scope, today: string) => Promise<Expect>> = {
  async referrals(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const f = scopeForces(scope);
    const base = (extra: ReturnType<typeof sql>) =>
      sql`SELECT count(*) FROM referrals WHERE submitted_on BETWEEN ${from}::date AND ${to}::date ${inList('force_area', f)} ${extra}`;
    return {
      referrals: await one(db, base(sql`AND kind = 'nrm'`)),
      referralsChild: await one(db, base(sql`AND kind = 'nrm' AND age_group = 'child'`)),
      dtn: await one(db, base(sql`AND kind = 'dtn'`)),
    };
  },
  async 'rg-timeliness'(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const rows = (
      await sql<{
        s: string;
        i: string;
      }>`SELECT r.submitted_on::text AS s, d.issued_on::text AS i FROM referral_decisions d JOIN referrals r ON r.id = d.referral_id
        WHERE d.stage = 'rg' AND NOT d.reconsideration AND d.review_status = 'upheld' AND d.issued_on BETWEEN ${from}::date AND ${to}::date ${inList('r.force_area', scopeForces(scope))}`.execute(
        db,
      )
    ).rows;
    const within = rows.filter((r) => workingDaysBetween(r.s, r.i) <= RG_TARGET_WORKING_DAYS).length;
    return { rgDecisions: rows.length, rgWithinTarget: within, rgShare: pct(within, rows.length) };
  },
  async 'cg-backlog'(db, scope, today) {
    const r = (
      await sql<{
        n: number;
        mean: number | null;
        median: number | null;
      }>`SELECT count(*)::int AS n, avg(${today}::date - submitted_on)::float AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${today}::date - submitted_on)::float AS median
        FROM referrals WHERE status IN ('awaiting_cg', 'cg_review') AND submitted_on <= ${today}::date ${inList('force_area', scopeForces(scope))}`.execute(
        db,
      )
    ).rows[0]!;
    const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return { backlog: r.n, meanDays: r1(r.mean), medianDays: r1(r.median) };
  },
  async 'live-investigations'(db, scope, today) {
    const live = (t: string) =>
      sql`SELECT count(*) FROM inv_investigations WHERE primary_threat = ${t} AND opened_on <= ${today}::date AND (closed_on IS NULL OR closed_on > ${today}::date) ${inList('lead_force_code', scopeForces(scope))}`;
    return { liveMsht: await one(db, live('msht')), liveOic: await one(db, live('oic')) };
  },
  async disruptions(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const out: Expect = {};
    for (const t of THREATS) {
      const q = (extra: ReturnType<typeof sql>) =>
        sql`SELECT count(*) FROM ocg_disruptions WHERE threat = ${t} AND status <> 'rejected' AND disrupted_on BETWEEN ${from}::date AND ${to}::date ${inList('recording_agency_code', scopeAgencies(scope))} ${extra}`;
      out[`${t}Total`] = await one(db, q(sql``));
      out[`${t}Police`] = await one(db, q(sql`AND recording_agency_type = 'police_force'`));
    }
    return out;
  },
  async 'disruption-concentration'(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const out: Expect = {};
    for (const t of THREATS) {
      const police = sql`FROM ocg_disruptions WHERE threat = ${t} AND status <> 'rejected' AND recording_agency_type = 'police_force' AND disrupted_on BETWEEN ${from}::date AND ${to}::date`;
      if (scope.level === 'force') {
        out[`${t}Share`] = pct(
          await one(db, sql`SELECT count(*) ${police} AND recording_agency_code = ${scope.force}`),
          await one(db, sql`SELECT count(*) ${police}`),
        );
      } else {
        const a = inList('recording_agency_code', scopeAgencies(scope));
        const top = await one(
          db,
          sql`SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n ${police} ${a} GROUP BY recording_agency_code ORDER BY n DESC, recording_agency_code LIMIT 4) x`,
        );
        out[`${t}TopFour`] = pct(top, await one(db, sql`SELECT count(*) ${police} ${a}`));
      }
    }
    return out;
  },
  async 'ocg-assessments'(db, scope, today) {
    const out: Expect = {};
    for (const t of THREATS) {
      const q = (extra: ReturnType<typeof sql>) =>
        sql`SELECT count(*) FROM ocg_groups WHERE status = 'active' AND primary_threat = ${t} ${inList('owning_agency_code', scopeAgencies(scope))} ${extra}`;
      out[`${t}Overdue`] = await one(
        db,
        q(sql`AND last_assessed_at IS NOT NULL AND next_assessment_due < ${today}::date`),
      );
      out[`${t}NotAssessed`] = await one(db, q(sql`AND last_assessed_at IS NULL`));
      out[`${t}DueSoon`] = await one(
        db,
        q(sql`AND next_assessment_due BETWEEN ${today}::date AND ${addDays(today, 30)}::date`),
      );
    }
    return out;
  },
  async 'debrief-rate'(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const a = scopeAgencies(scope);
    const q = (extra: ReturnType<typeof sql>) =>
      sql`SELECT count(*) FROM intel_debriefs WHERE subject_type = 'migrant' AND approached_on BETWEEN ${from}::date AND ${to}::date ${inList('owning_agency_code', a)} ${extra}`;
    const debriefed = await one(db, q(sql`AND status = 'completed'`));
    const arrivals = a
      ? null
      : await one(
          db,
          sql`SELECT coalesce(sum(arrivals), 0) FROM intel_arrivals WHERE month BETWEEN ${from}::date AND ${to}::date`,
        );
    return {
      arrivals,
      approached: await one(db, q(sql``)),
      agreed: await one(db, q(sql`AND consent_given AND status IN ('agreed', 'completed')`)),
      debriefed,
      rate: arrivals === null ? null : pct(debriefed, arrivals),
    };
  },
  async 'nccu-return'(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const q = (extra: ReturnType<typeof sql>) =>
      sql`SELECT count(*) FROM intel_nccu_contacts WHERE document_sent_on BETWEEN ${from}::date AND ${to}::date ${inList('force_code', scopeForces(scope))} ${extra}`;
    const sent = await one(db, q(sql``));
    const returned = await one(db, q(sql`AND document_status = 'returned'`));
    return {
      sent,
      returned,
      overdue: await one(db, q(sql`AND document_status = 'due' AND document_due_on < current_date`)),
      rate: pct(returned, sent),
    };
  },
  async 'intelligence-codes'(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const oic = CRIME_CODES.filter((c) => c.threat === 'oic').map((c) => c.code);
    const msht = CRIME_CODES.filter((c) => c.threat === 'msht').map((c) => c.code);
    const q = (extra: ReturnType<typeof sql>) =>
      sql`SELECT count(*) FROM intel_reports WHERE status <> 'draft' AND sanitised_of IS NULL AND reported_on BETWEEN ${from}::date AND ${to}::date ${inList('owning_agency_code', scopeAgencies(scope))} ${extra}`;
    const submitted = await one(db, q(sql``));
    const coded = await one(
      db,
      q(
        sql`AND cardinality(crime_codes) > 0 AND (NOT 'oic' = ANY(threats) OR crime_codes && ${sql.val(oic)}::text[]) AND (NOT 'msht' = ANY(threats) OR crime_codes && ${sql.val(msht)}::text[])`,
      ),
    );
    return { submitted, coded, share: pct(coded, submitted) };
  },
  async training(db, scope) {
    const out: Expect = {};
    for (const c of ['hydra-oic', 'oic-elearning']) {
      const r = (
        await sql<{
          done: number;
          head: number;
        }>`SELECT coalesce(sum(completed), 0)::int AS done, coalesce(sum(relevant_headcount), 0)::int AS head FROM perf_training_completion t
          WHERE course_code = ${c} AND as_of = (SELECT max(as_of) FROM perf_training_completion u WHERE u.course_code = t.course_code AND u.force_code = t.force_code) ${inList('force_code', scopeForces(scope))}`.execute(
          db,
        )
      ).rows[0]!;
      out[`${c}Completed`] = r.done;
      out[`${c}Headcount`] = r.head;
      out[`${c}Share`] = pct(r.done, r.head);
    }
    return out;
  },
  async charging(db, scope, today) {
    const { from, to } = lastTwelveMonths(today);
    const out: Expect = {};
    for (const t of THREATS) {
      const base = sql`FROM inv_charges c JOIN inv_investigations i ON i.id = c.investigation_id WHERE i.primary_threat = ${t} AND c.charged_on BETWEEN ${from}::date AND ${to}::date ${inList('i.lead_force_code', scopeForces(scope))}`;
      const total = await one(db, sql`SELECT count(*) ${base}`);
      const d = (
        await sql<{
          finished: number;
          convicted: number;
        }>`SELECT count(*) FILTER (WHERE NOT p)::int AS finished, count(*) FILTER (WHERE NOT p AND cv)::int AS convicted
          FROM (SELECT coalesce(c.subject_id::text, c.investigation_id::text || ':unknown') AS k, bool_or(c.outcome = 'pending') AS p, bool_or(c.outcome = 'convicted') AS cv ${base} GROUP BY 1) x`.execute(
          db,
        )
      ).rows[0]!;
      out[`${t}Charges`] = total;
      out[`${t}Conviction`] = pct(d.convicted, d.finished);
      if (t === 'msht')
        out.msaShare = pct(
          await one(db, sql`SELECT count(*) ${base} AND c.offence_group IN ('msa_s1', 'msa_s2')`),
          total,
        );
    }
    return out;
  },
  async governance(db, scope) {
    const f = inList('force_code', scopeForces(scope));
    const forces = await one(db, sql`SELECT count(*) FROM perf_governance_signals WHERE TRUE ${f}`);
    const out: Expect = {};
    for (const k of [
      'msht_in_control_strategy',
      'oic_in_control_strategy',
      'governance_meetings',
      'performance_measures',
      'dedicated_team',
    ]) {
      out[k] = pct(
        await one(db, sql`SELECT count(*) FROM perf_governance_signals WHERE ${sql.ref(k)} = 'yes' ${f}`),
        forces,
      );
    }
    return out;
  },
  async 'enhancement-plans'(db, scope, today) {
    const a = inList('r.agency_code', scopeAgencies(scope));
    const items = (extra: ReturnType<typeof sql>) =>
      sql`SELECT count(*) FROM perf_plan_items i JOIN perf_peer_reviews r ON r.id = i.review_id WHERE TRUE ${a} ${extra}`;
    return {
      reviews: await one(
        db,
        sql`SELECT count(*) FROM perf_peer_reviews r WHERE reported_on IS NOT NULL ${a}`,
      ),
      items: await one(db, items(sql``)),
      done: await one(db, items(sql`AND i.status = 'done'`)),
      overdue: await one(
        db,
        items(sql`AND i.status IN ('not_started', 'in_progress') AND i.due_on < ${today}::date`),
      ),
      revisitsOverdue: await one(
        db,
        sql`SELECT count(*) FROM perf_peer_reviews r WHERE status = 'reported' AND revisited_on IS NULL AND revisit_due_on < ${today}::date ${a}`,
      ),
    };
  },
};

const SCOPES: Scope[] = [
  { level: 'national' },
  { level: 'region', region: 'North West' },
  { level: 'force', force: 'met' },
];

describe.each(DATABASE_KINDS)('measures against direct SQL on %s', (kind) => {
  let env: TestEnv;
  const today = todayInUk();
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
  });
  afterAll(async () => env?.close());

  it('has a direct SQL check for every measure in the registry', () => {
    expect(MEASURES.map((m) => m.id).filter((id) => !EXPECTED[id])).toEqual([]);
  });

  for (const m of MEASURES) {
    it(`${m.id} equals its direct SQL count for the nation, a region and a force`, async () => {
      const shared = await measureEnv(env.ctx.db, { today });
      let nonZero = 0;
      for (const scope of SCOPES) {
        const r = await m.compute(env.ctx.db, scope, shared);
        expect(r.available, `${m.id} ${scopeKey(scope)}: ${r.reason}`).toBe(true);
        const expected = await EXPECTED[m.id]!(env.ctx.db, scope, today);
        const actual = Object.fromEntries(r.figures.map((f) => [f.key, f.value]));
        expect(actual, `${m.id} for ${scopeKey(scope)}`).toEqual(expected);
        nonZero += Object.values(expected).filter((v) => v).length;
      }
      // Measures whose source capability has demo data must show some of it (an all-zero pass proves little).
      if (!['debrief-rate', 'nccu-return', 'intelligence-codes'].includes(m.id))
        expect(nonZero, `${m.id} has figures on the demo data`).toBeGreaterThan(0);
    });
  }

  it('shows a measure as not available, not an error, when its source table is missing', async () => {
    const shared = await measureEnv(env.ctx.db, { today });
    shared.tables.delete('ocg_disruptions');
    const r = await MEASURES.find((m) => m.id === 'disruptions')!.compute(
      env.ctx.db,
      { level: 'national' },
      shared,
    );
    expect(r.available).toBe(false);
    expect(r.reason).toMatch(/Not available/);
  });
});
