/**
 * Demo data of the performance capability (runs last, order 90): governance signals for every force calibrated
 * to seed 002 (control strategy 59%, governance meetings 81%, performance measures 54%, dedicated teams 55% with
 * where they sit), MSOICU peer reviews of the 43 Home Office forces (late 2022 to September 2024, seed 004) with
 * enhancement plans at every stage and some revisits, two ROCU reviews and a BTP review planned (rec 10), and
 * training completion per force by quarter, from over 4,000 in Greater Manchester to single figures elsewhere
 * (seed 004). The recommendations tracker gets statuses and evidence. Deterministic by seed; the volumes do not
 * grow with size: there are 46 forces whatever the size.
 */
import { sql } from 'kysely';
import { createRng, type Rng } from '../entities/demo/rng.js';
import type { DemoGenerator } from '../kernel/demo/demo.js';
import { FORCES, ROCUS } from '../kernel/reference/forces.js';
import { addDays, addMonths, todayInUk } from './model/dates.js';
import { AREAS } from './model/peer-review.js';

/** Police officers per force, rounded (approximate public figures, 2024): the base of the relevant headcounts. */
const OFFICERS: Record<string, number> = {
  met: 33000,
  'city-of-london': 950,
  cumbria: 1300,
  lancashire: 3500,
  merseyside: 4000,
  gmp: 8000,
  cheshire: 2300,
  'north-wales': 1600,
  northumbria: 3700,
  durham: 1300,
  cleveland: 1500,
  'north-yorkshire': 1600,
  'west-yorkshire': 6000,
  'south-yorkshire': 3100,
  humberside: 2200,
  'west-midlands': 7500,
  staffordshire: 1900,
  'west-mercia': 2500,
  warwickshire: 1100,
  derbyshire: 2000,
  nottinghamshire: 2400,
  lincolnshire: 1200,
  leicestershire: 2300,
  northamptonshire: 1500,
  cambridgeshire: 1700,
  norfolk: 1900,
  suffolk: 1400,
  bedfordshire: 1400,
  hertfordshire: 2300,
  essex: 3700,
  kent: 4200,
  'thames-valley': 4900,
  'hampshire-and-isle-of-wight': 3600,
  surrey: 2200,
  sussex: 3200,
  'devon-and-cornwall': 3600,
  'avon-and-somerset': 3200,
  gloucestershire: 1300,
  wiltshire: 1100,
  dorset: 1400,
  gwent: 1500,
  'south-wales': 3500,
  'dyfed-powys': 1300,
  'police-scotland': 16500,
  psni: 6300,
  btp: 3100,
};

const HOME_OFFICE_FORCES = FORCES.filter((f) => !['police-scotland', 'psni', 'btp'].includes(f.code)).map(
  (f) => f.code,
);
/** Seed 002 surveyed the MS leads of 44 forces: the 43 Home Office forces and BTP. */
const SURVEYED = [...HOME_OFFICE_FORCES, 'btp'];

/** Exactly `counts` of each answer, in a seeded order (so the percentages match the seed's). */
function allocate<T>(rng: Rng, forces: string[], counts: [T, number][]): Map<string, T> {
  const order = rng.shuffle([...forces]);
  const out = new Map<string, T>();
  let i = 0;
  for (const [v, n] of counts) for (let k = 0; k < n && i < order.length; k++) out.set(order[i++]!, v);
  for (; i < order.length; i++) out.set(order[i]!, counts[counts.length - 1]![0]);
  return out;
}

const FINDINGS: Record<string, string[]> = {
  leadership_governance: [
    'OIC is not in the force control strategy and has no named strategic lead.',
    'A strategic lead is in place but governance meetings do not review OIC performance.',
    'Clear leadership: OIC is a standing item at the force tasking meeting.',
  ],
  intelligence: [
    'Few intelligence reports carry the OIC crime identifier code.',
    'NCCU intelligence documents are not returned after most contacts.',
    'There is no OIC collection plan or problem profile.',
  ],
  operational_response: [
    'Control room staff did not know the National Response Plan.',
    'Frontline officers knew to contact the NCCU and to put welfare first.',
    'Guidance is on officers’ phones and is used at incidents.',
  ],
  investigations: [
    'OIC offences are passed to Immigration Enforcement without consideration of a police investigation.',
    'Financial investigation is rarely considered.',
    'Investigations are supported by the ROCU OIC co-ordinator.',
  ],
  training: [
    'Few relevant officers have completed the OIC e-learning.',
    'Hydra has not been delivered in the force.',
    'Trainers were trained to deliver Hydra locally.',
  ],
};
const RECOMMENDATIONS: Record<string, string[]> = {
  leadership_governance: [
    'Include OIC in the force control strategy and name a chief officer lead.',
    'Make OIC a standing item of the force governance meeting, with performance measures.',
  ],
  intelligence: [
    'Make sure every intelligence report about OIC carries the OIC crime identifier code.',
    'Return the NCCU intelligence document after every contact, and check returns monthly.',
    'Write an OIC collection plan and a problem profile.',
  ],
  operational_response: [
    'Brief every control room supervisor on the National Response Plan.',
    'Put the National Response Plan on officers’ mobile devices.',
  ],
  investigations: [
    'Agree with the ROCU when the force investigates OIC offences itself.',
    'Consider financial investigation in every OIC case.',
  ],
  training: [
    'Make the four OIC e-learning modules mandatory for frontline officers and investigators.',
    'Deliver the Hydra package to managers and investigators.',
  ],
};
const OWNERS = [
  'Head of Crime',
  'Force MSHT and OIC lead',
  'Head of Intelligence',
  'Head of Contact Management',
  'Head of Learning and Development',
  'Assistant Chief Constable (Crime)',
];
const NOTES = [
  'Action plan agreed at the force governance meeting.',
  'Work started; progress reviewed monthly.',
  'Owner changed after a restructure; work restarted.',
  'Completed and signed off by the chief officer lead.',
];
const EVIDENCE = [
  'Minutes of the force governance meeting',
  'Force control strategy, new version',
  'Monthly NCCU return figures',
  'Training records from College Learn',
  'Intelligence audit of crime identifier codes',
  'Briefing note to control room staff',
];

export const performanceDemo: DemoGenerator = {
  name: 'performance and learning',
  order: 90,
  async run(ctx, opts) {
    const rng = createRng(opts.seed ^ 0x9e7f);
    const today = todayInUk();
    const db = ctx.db as any;
    const msoicu = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', 'msoicu@npcc.demo')
      .executeTakeFirst();
    const keeper = { id: msoicu?.id ?? null, name: msoicu?.name ?? 'MSOICU' };
    const total = 4;
    opts.progress(0, total, 'governance signals');

    // ---- governance signals (seed 002) ----
    const g = rng.fork('signals');
    const control = allocate(g, SURVEYED, [
      ['yes', 26],
      ['no', 12],
      ['unsure', 6],
    ]);
    const oic = allocate(g, SURVEYED, [
      ['yes', 18],
      ['no', 20],
      ['unsure', 6],
    ]);
    const meetings = allocate(g, SURVEYED, [
      ['yes', 36],
      ['no', 6],
      ['unsure', 2],
    ]);
    const measures = allocate(g, SURVEYED, [
      ['yes', 24],
      ['no', 15],
      ['unsure', 5],
    ]);
    const team = allocate(g, SURVEYED, [
      ['yes', 24],
      ['no', 20],
    ]);
    const withTeam = SURVEYED.filter((f) => team.get(f) === 'yes');
    const location = allocate(g, withTeam, [
      ['fib', 5],
      ['safeguarding', 2],
      ['soc', 3],
      ['exploitation', 8],
      ['cid', 1],
      ['operational', 2],
      ['unclear', 3],
    ]);
    const signalRows = FORCES.map((f) => {
      const other = !SURVEYED.includes(f.code);
      const pick = (m: Map<string, string>) => (other ? g.pick(['yes', 'yes', 'no']) : m.get(f.code)!);
      const meets = pick(meetings);
      const hasTeam = other ? 'yes' : team.get(f.code)!;
      return {
        force_code: f.code,
        msht_in_control_strategy: pick(control),
        oic_in_control_strategy: pick(oic),
        governance_meetings: meets,
        meeting_frequency:
          meets === 'yes' ? g.pick(['monthly', 'bi-monthly', 'quarterly', 'quarterly']) : null,
        performance_measures: pick(measures),
        dedicated_team: hasTeam,
        team_location: hasTeam === 'yes' ? (location.get(f.code) ?? 'exploitation') : null,
        notes: other
          ? 'Outside the 2025 MS leads survey (seed 002 covered the 43 Home Office forces and BTP).'
          : '',
        as_of: '2025-04-30',
        updated_by: keeper.id,
        updated_by_name: keeper.name,
      };
    });
    await db
      .insertInto('perf_governance_signals')
      .values(signalRows)
      .onConflict((oc: any) => oc.column('force_code').doNothing())
      .execute();
    opts.progress(1, total, 'peer reviews');

    // ---- peer reviews (seed 004) ----
    const existing = await db
      .selectFrom('perf_peer_reviews')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    if (!existing?.n) {
      const p = rng.fork('reviews');
      const order = p.shuffle([...HOME_OFFICE_FORCES]);
      const start = Date.parse('2022-10-03');
      const span = Date.parse('2024-09-13') - start;
      const reviews: any[] = [];
      const areas: any[] = [];
      const items: any[] = [];
      const updates: any[] = [];
      let seq = 0;
      const plan = (reviewId: string, agency: string, reportedOn: string) => {
        const n = p.int(4, 8);
        const chosen = p.sample(
          AREAS.flatMap((a) => RECOMMENDATIONS[a.value]!.map((text) => ({ area: a.value, text }))),
          n,
        );
        chosen.forEach((c, i) => {
          const due = addMonths(reportedOn, p.int(3, 12));
          const id = crypto.randomUUID();
          // Older plans are further along; a share of items stays late.
          const age = (Date.parse(today) - Date.parse(due)) / 86_400_000;
          const roll = p.next();
          let status = 'not_started';
          if (age > 0)
            status =
              roll < 0.55
                ? 'done'
                : roll < 0.85
                  ? 'in_progress'
                  : roll < 0.95
                    ? 'not_started'
                    : 'not_accepted';
          else status = roll < 0.3 ? 'done' : roll < 0.8 ? 'in_progress' : 'not_started';
          const drawn = addDays(due, p.int(-60, 45));
          const completed = status === 'done' ? (drawn > today ? today : drawn) : null;
          const completedOn = completed && completed < reportedOn ? reportedOn : completed;
          items.push({
            id,
            review_id: reviewId,
            number: i + 1,
            area: c.area,
            text: c.text,
            owner: p.pick(OWNERS),
            due_on: due,
            status,
            completed_on: completedOn,
          });
          if (status !== 'not_started') {
            const steps = status === 'done' ? p.int(1, 3) : p.int(1, 2);
            for (let k = 0; k < steps; k++) {
              const last = k === steps - 1;
              const on =
                last && completedOn
                  ? completedOn
                  : addDays(
                      reportedOn,
                      Math.min(
                        p.int(20, 300),
                        Math.max(
                          1,
                          Math.floor((Date.parse(today) - Date.parse(reportedOn)) / 86_400_000) - 1,
                        ),
                      ),
                    );
              updates.push({
                item_id: id,
                status: last ? status : 'in_progress',
                note:
                  last && status === 'done'
                    ? NOTES[3]!
                    : last && status === 'not_accepted'
                      ? 'The force did not accept this recommendation: the ROCU already does this work.'
                      : p.pick(NOTES.slice(0, 3)),
                evidence:
                  last && status === 'done' ? p.pick(EVIDENCE) : p.chance(0.5) ? p.pick(EVIDENCE) : '',
                recorded_on: on > today ? today : on,
                recorded_by: null,
                recorded_by_name: `MS lead, ${FORCES.find((f) => f.code === agency)?.name ?? agency}`,
                recorded_by_agency: agency,
              });
            }
          }
        });
      };
      order.forEach((force, i) => {
        const fieldwork = new Date(start + (span * i) / (order.length - 1)).toISOString().slice(0, 10);
        const reported = addDays(fieldwork, p.int(42, 75));
        const revisitDue = addMonths(reported, p.int(12, 20));
        const revisited =
          revisitDue < addDays(today, -30) && p.chance(0.6) ? addDays(revisitDue, p.int(-30, 20)) : null;
        const id = crypto.randomUUID();
        seq++;
        reviews.push({
          id,
          reference: `PR-${fieldwork.slice(0, 4)}-${String(seq).padStart(4, '0')}`,
          agency_code: force,
          agency_type: 'police_force',
          region: FORCES.find((f) => f.code === force)!.region,
          status: revisited ? 'revisited' : 'reported',
          fieldwork_on: fieldwork,
          reported_on: reported,
          revisit_due_on: revisitDue,
          revisited_on:
            revisited && revisited > reported ? revisited : revisited ? addDays(reported, 200) : null,
          lead_reviewer: p.pick(['DCI A. Morgan (MSOICU)', 'DI R. Khan (MSOICU)', 'Ms J. Walters (MSOICU)']),
          summary:
            'Review of the force’s response to organised immigration crime across the five MSOICU areas.',
          created_by: keeper.id,
        });
        for (const a of AREAS) {
          const rating = p.weighted([
            ['effective', 2],
            ['partly_effective', 4],
            ['needs_improvement', 3],
          ] as const);
          const f = FINDINGS[a.value]!;
          areas.push({
            review_id: id,
            area: a.value,
            rating,
            findings: rating === 'effective' ? f[2]! : p.pick(f.slice(0, 2)),
            good_practice: rating === 'effective' ? f[2]! : '',
          });
        }
        plan(id, force, reported);
      });
      // Seed 004 rec 10 extends the programme to BTP and the ROCUs: the first of those reviews are planned.
      const planned: [string, string, string][] = [
        ['rocu-eastern', 'rocu', '2026-10-12'],
        ['rocu-north-west', 'rocu', '2027-01-18'],
        ['btp', 'police_force', '2027-02-22'],
      ];
      for (const [agency, type, fieldwork] of planned) {
        seq++;
        const id = crypto.randomUUID();
        const reported = fieldwork < today ? addDays(fieldwork, 30) : null;
        reviews.push({
          id,
          reference: `PR-${fieldwork.slice(0, 4)}-${String(seq).padStart(4, '0')}`,
          agency_code: agency,
          agency_type: type,
          region: type === 'police_force' ? 'National' : null,
          status: reported && reported <= today ? 'reported' : 'planned',
          fieldwork_on: fieldwork,
          reported_on: reported && reported <= today ? reported : null,
          revisit_due_on: null,
          revisited_on: null,
          lead_reviewer: 'DCI A. Morgan (MSOICU)',
          summary: `First review of ${ROCUS.find((r) => r.code === agency)?.name ?? 'British Transport Police'} under the extended programme (HMICFRS 2025, recommendation 10).`,
          created_by: keeper.id,
        });
      }
      await db.insertInto('perf_peer_reviews').values(reviews).execute();
      await sql`SELECT setval('perf_peer_review_seq', ${seq})`.execute(db);
      await db.insertInto('perf_peer_review_areas').values(areas).execute();
      for (let i = 0; i < items.length; i += 500)
        await db
          .insertInto('perf_plan_items')
          .values(items.slice(i, i + 500))
          .execute();
      for (let i = 0; i < updates.length; i += 500)
        await db
          .insertInto('perf_plan_updates')
          .values(updates.slice(i, i + 500))
          .execute();
    }
    opts.progress(2, total, 'training completion');

    // ---- training completion by quarter (seed 004: from over 4,000 to single figures) ----
    const t = rng.fork('training');
    const quarters: string[] = [];
    for (let d = '2024-03-31'; d <= today; d = addDays(addMonths(addDays(d, 1), 3), -1)) quarters.push(d);
    const rows: any[] = [];
    const singleFigures = new Set(
      t.sample(
        HOME_OFFICE_FORCES.filter((f) => f !== 'gmp' && (OFFICERS[f] ?? 0) < 4000),
        6,
      ),
    );
    for (const f of [...HOME_OFFICE_FORCES, 'btp']) {
      const officers = OFFICERS[f] ?? 1500;
      const elearnHead = Math.round(officers * 0.55);
      const hydraHead = Math.round(officers * 0.12);
      const mshtHead = Math.round(officers * 0.6);
      const elearnFinal =
        f === 'gmp'
          ? 4180
          : singleFigures.has(f)
            ? t.int(2, 9)
            : Math.round(
                elearnHead * Math.exp(Math.log(0.005) + t.next() * (Math.log(0.6) - Math.log(0.005))),
              );
      const hydraFinal = singleFigures.has(f)
        ? t.int(0, 4)
        : Math.min(hydraHead, Math.round(hydraHead * (0.05 + 0.7 * t.next())));
      const mshtFinal = Math.min(mshtHead, Math.round(mshtHead * (0.1 + 0.8 * t.next())));
      const modules = [0, 1, 2, 3].map((m) =>
        Math.min(elearnHead, Math.round(elearnFinal * (1 + (3 - m) * 0.08 * t.next()))),
      );
      quarters.forEach((q, i) => {
        const share = ((i + 1) / quarters.length) ** 1.4;
        const at = (n: number) => Math.round(n * share);
        rows.push({
          force_code: f,
          course_code: 'oic-elearning',
          as_of: q,
          completed: at(elearnFinal),
          relevant_headcount: elearnHead,
        });
        modules.forEach((n, m) => {
          rows.push({
            force_code: f,
            course_code: `oic-elearning-${m + 1}`,
            as_of: q,
            completed: at(n),
            relevant_headcount: elearnHead,
          });
        });
        rows.push({
          force_code: f,
          course_code: 'hydra-oic',
          as_of: q,
          completed: at(hydraFinal),
          relevant_headcount: hydraHead,
        });
        if (i % 2 === quarters.length % 2 || i === quarters.length - 1)
          rows.push({
            force_code: f,
            course_code: 'msht-frontline-awareness',
            as_of: q,
            completed: at(mshtFinal),
            relevant_headcount: mshtHead,
          });
      });
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('perf_training_completion')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc: any) => oc.columns(['force_code', 'course_code', 'as_of']).doNothing())
        .execute();
    }
    opts.progress(3, total, 'recommendations');

    // ---- the tracker's statuses (demo: progress recorded by the MSOICU) ----
    const recs = await db
      .selectFrom('perf_recommendations')
      .select(['id', 'code', 'source', 'number', 'status'])
      .execute();
    const untouched = recs.filter((r: any) => r.status === 'not_started');
    const r = rng.fork('tracker');
    const plan004: Record<number, [string, string]> = {
      1: [
        'in_progress',
        'Draft revised "OIC High Level Responsibilities" circulated to the Border Security Command and the Home Office.',
      ],
      2: ['in_progress', 'NCCU document returns reported to chief officers monthly; return rate rising.'],
      3: ['in_progress', 'On-site PND access at Manston agreed; debrief co-ordination protocol drafted.'],
      4: ['in_progress', 'Collection plans written in 31 of 43 forces.'],
      5: ['in_progress', 'Vacancies advertised; data-sharing agreements with partner agencies in draft.'],
      6: [
        'done',
        'Crime identifier codes are mandatory on submission: Fusion refuses an intelligence report without one (HMICFRS 2025, rec 6).',
      ],
      7: [
        'in_progress',
        'Assessment schedule set for the OCGs on the SOC master list; first cycle under way.',
      ],
      8: ['not_started', ''],
      9: ['in_progress', 'E-learning made mandatory in 12 forces; completion tracked per force in Fusion.'],
      10: ['in_progress', 'Peer reviews of two ROCUs and BTP scheduled; revisit schedule published.'],
    };
    const updates: any[] = [];
    for (const rec of untouched) {
      let status = 'not_started';
      let evidence = '';
      if (rec.source === '004') [status, evidence] = plan004[rec.number] ?? ['not_started', ''];
      else if (rec.source === '001') {
        const roll = r.next();
        status = roll < 0.6 ? 'done' : roll < 0.85 ? 'superseded' : 'in_progress';
        evidence =
          status === 'done'
            ? 'Demo data: reported complete in the inter-departmental ministerial group report.'
            : status === 'superseded'
              ? 'Demo data: superseded by the Modern Slavery Act 2015 and the Modern Slavery Strategy 2014.'
              : '';
      } else {
        status = r.pick(['not_started', 'in_progress', 'in_progress']);
        evidence =
          status === 'in_progress'
            ? 'Demo data: work begun; see the national strategic delivery group minutes.'
            : '';
      }
      if (status === 'not_started') continue;
      const on =
        rec.source === '001' ? addDays('2013-01-01', r.int(0, 1400)) : addDays(today, -r.int(10, 200));
      await db
        .updateTable('perf_recommendations')
        .set({ status, evidence, status_on: on, updated_by: keeper.id, updated_by_name: keeper.name })
        .where('id', '=', rec.id)
        .execute();
      updates.push({
        recommendation_id: rec.id,
        status,
        evidence,
        recorded_on: on,
        recorded_by: keeper.id,
        recorded_by_name: keeper.name,
        recorded_by_agency: 'npcc-msoicu',
      });
    }
    if (updates.length) await db.insertInto('perf_recommendation_updates').values(updates).execute();
    await ctx.db.transaction().execute((trx) =>
      ctx.audit.append(trx, { userId: null, agencyCode: null, roles: 'system', ip: null }, [
        {
          action: 'demo.performance.created',
          detail: { forces: FORCES.length, trainingRows: rows.length },
        },
      ]),
    );
    opts.progress(4, total, 'done');
  },
};
