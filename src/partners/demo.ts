import { sql } from 'kysely';
import { createRng, type Rng } from '../entities/demo/rng.js';
import type { AppContext } from '../kernel/context.js';
import type { DemoGenerator, DemoOptions } from '../kernel/demo/demo.js';
import { surveyFigure } from './data/partnership-survey-figures.js';
import { recommendPartners, summarisePartners } from './data/recommend.js';
import { responsePlanFor } from './data/response-plan.js';
import type { CaseFacts, IncidentType } from './data/types.js';
import { monthsBefore, OUTCOME_MEASURES, OUTPUT_MEASURES, type ProgressRating } from './model/reviews.js';
import type { CaseKind } from './recommendations.js';
import * as store from './store.js';

/**
 * Demo data for partners and partnerships: the demo coordinators linked to their partnerships, annual reviews of
 * some partnerships (most within the year, some overdue, some never reviewed), information-sharing agreements,
 * incidents with partly completed National Response Plan checklists, and partners engaged on demo cases of other
 * capabilities (referrals, intelligence reports, investigations) when their tables hold any.
 */

const SYSTEM = { userId: null, agencyCode: null, roles: 'system', ip: null };

/** Demo coordinators and their partnerships (README lists the accounts). */
export const DEMO_COORDINATION: readonly { email: string; partnership: string }[] = [
  { email: 'coordinator@la-leeds.demo', partnership: 'west-yorkshire-atms' },
  { email: 'safeguarding@la-hillingdon.demo', partnership: 'london-working-group' },
];

const GOOD_PRACTICE = [
  'A shared referral pathway agreed with children’s services cut the time from identification to a strategy meeting to two days.',
  'Multi-agency visits to car washes with fire and rescue and HMRC found three potential victims and led to two closure notices.',
  'Train-the-trainer sessions let member agencies retrain their own staff; 14 agencies now run the course themselves.',
  'Survivor-led awareness sessions in three languages at community venues brought two self-referrals to the helpline.',
  'A monthly intelligence cell with the GLAA and the local authority licensing team maps HMOs linked to labour suppliers.',
  'Quarterly case reviews with the CPS improved early advice on evidence-led prosecutions.',
];
const SUMMARIES = [
  'Most actions in the plan are complete; joint visits and training are ahead of target, survivor support is behind.',
  'The partnership met regularly and agreed terms of reference; several actions are overdue because of staff changes.',
  'Good engagement from statutory partners; voluntary sector attendance has fallen and needs attention.',
  'Progress is steady: intelligence sharing works well, but outcome data from partners is incomplete.',
];
const GAPS = [
  'Coordination with the regional tactical group; no dedicated funding for the coordinator role.',
  'Health partners rarely attend; data on outcomes for survivors is hard to obtain.',
  'Awareness in the business community remains low outside the city centre.',
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000));

function measures(
  rng: Rng,
  keys: readonly { key: string }[],
  missing: number,
): Record<string, number | null> {
  const ranges: Record<string, [number, number]> = {
    meetingsHeld: [2, 12],
    frontlineStaffTrained: [0, 600],
    awarenessActivities: [0, 20],
    intelligenceShared: [0, 80],
    referralsCoordinated: [0, 60],
    jointOperations: [0, 15],
    victimsIdentified: [0, 40],
    survivorsSupported: [0, 30],
    disruptions: [0, 12],
    peopleCharged: [0, 6],
  };
  return Object.fromEntries(
    keys.map((k) => [k.key, rng.chance(missing) ? null : rng.int(...(ranges[k.key] ?? [0, 10]))]),
  );
}

async function usersByEmail(ctx: AppContext) {
  const rows = await sql<{
    id: string;
    email: string;
    name: string;
    agency_code: string;
    agency_type: string;
    roles: string[];
  }>`
    SELECT u.id, u.email, u.name, a.code AS agency_code, a.type AS agency_type, u.roles FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.demo`.execute(
    ctx.db,
  );
  return new Map(rows.rows.map((r) => [r.email, r]));
}

/**
 * Demo cases of other capabilities, read with plain SQL because their stores offer no such listing yet. Each
 * query is separate and skipped when its table or columns are not there (capabilities land independently).
 */
async function demoCases(
  ctx: AppContext,
  limit: number,
): Promise<{ kind: CaseKind; id: string; agencyCode: string; agencyType: string; facts: CaseFacts }[]> {
  const out: { kind: CaseKind; id: string; agencyCode: string; agencyType: string; facts: CaseFacts }[] = [];
  const exists = async (table: string) =>
    (await sql<{ t: string | null }>`SELECT to_regclass(${`public.${table}`})::text AS t`.execute(ctx.db))
      .rows[0]?.t != null;
  const attempt = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch {
      // A table whose shape differs from what this reads: no engagements on those cases.
    }
  };
  if (await exists('referrals')) {
    await attempt(async () => {
      const rows = await sql<{
        id: string;
        agency_code: string;
        agency_type: string;
        nationality: string;
        age_group: string;
        exploitation_types: string[];
      }>`
        SELECT id, agency_code, agency_type, nationality, age_group, exploitation_types FROM referrals ORDER BY reference LIMIT ${limit}`.execute(
        ctx.db,
      );
      for (const r of rows.rows) {
        const types = (r.exploitation_types ?? [])
          .map((t) => t.replace(/_/g, '-'))
          .filter((t) =>
            ['sexual', 'labour', 'criminal', 'domestic-servitude', 'organ-harvesting'].includes(t),
          );
        const nat = /^[A-Za-z]{2}$/.test(r.nationality ?? '') ? r.nationality.toUpperCase() : null;
        out.push({
          kind: 'referral',
          id: r.id,
          agencyCode: r.agency_code,
          agencyType: r.agency_type,
          facts: {
            potentialVictim: true,
            ...(nat ? { nationalities: [nat] } : {}),
            child: r.age_group === 'child',
            exploitationTypes: types as CaseFacts['exploitationTypes'],
          },
        });
      }
    });
  }
  if (await exists('inv_investigations')) {
    await attempt(async () => {
      const rows = await sql<{
        id: string;
        lead_agency_code: string;
        lead_agency_type: string;
        primary_threat: string;
      }>`
        SELECT id, lead_agency_code, lead_agency_type, primary_threat FROM inv_investigations ORDER BY reference LIMIT ${limit}`.execute(
        ctx.db,
      );
      for (const r of rows.rows) {
        out.push({
          kind: 'investigation',
          id: r.id,
          agencyCode: r.lead_agency_code,
          agencyType: r.lead_agency_type,
          facts:
            r.primary_threat === 'oic'
              ? { immigrationCrimeIncident: true, organisedCrimeSuspected: true }
              : { organisedCrimeSuspected: true, financialEnquiries: true },
        });
      }
    });
  }
  if (await exists('intel_reports')) {
    await attempt(async () => {
      const rows = await sql<{
        id: string;
        owning_agency_code: string;
        owning_agency_type: string;
        threats: string[];
      }>`
        SELECT id, owning_agency_code, owning_agency_type, threats FROM intel_reports WHERE sanitised_of IS NULL ORDER BY reference LIMIT ${limit}`.execute(
        ctx.db,
      );
      for (const r of rows.rows) {
        out.push({
          kind: 'intelligence_report',
          id: r.id,
          agencyCode: r.owning_agency_code,
          agencyType: r.owning_agency_type,
          facts: (r.threats ?? []).includes('oic')
            ? { noLegitimateStatus: true, organisedCrimeSuspected: true }
            : { potentialVictim: true, exploitationTypes: ['labour'] },
        });
      }
    });
  }
  return out;
}

const INCIDENT_SEEDS: readonly {
  email: string;
  type: IncidentType;
  location: string;
  force: string;
  people: number;
  children: number;
  summary: string;
  done: number;
}[] = [
  {
    email: 'officer@met.demo',
    type: 'inland',
    location: 'Lorry trailer at a distribution centre, Park Royal, London NW10',
    force: 'E23000001',
    people: 9,
    children: 2,
    summary:
      'Nine people found in the trailer of a refrigerated lorry after the driver heard knocking. Two appear to be under 18.',
    done: 9,
  },
  {
    email: 'officer@met.demo',
    type: 'aviation',
    location: 'London Biggin Hill Airport, light aircraft stand',
    force: 'E23000001',
    people: 4,
    children: 0,
    summary:
      'A light aircraft from northern France landed without filing passenger details; four passengers without documents.',
    done: 4,
  },
  {
    email: 'officer@west-midlands.demo',
    type: 'inland',
    location: 'Van stopped on the M6 near Junction 6, Birmingham',
    force: 'E23000014',
    people: 6,
    children: 1,
    summary: 'Six men and a boy found in the back of a van during a traffic stop; the driver left on foot.',
    done: 14,
  },
  {
    email: 'supervisor@met.demo',
    type: 'maritime',
    location: 'Rigid-hulled inflatable boat intercepted on the River Thames at Woolwich',
    force: 'E23000001',
    people: 11,
    children: 3,
    summary: 'A small boat with eleven people on board was intercepted by the Marine Policing Unit.',
    done: 0,
  },
];

const PLACES = [
  'Felixstowe port approach',
  'A14 lay-by near Ipswich',
  'Industrial estate, Wakefield',
  'Beach at Dungeness',
  'Airfield near Lydd',
  'Car wash, Leeds LS9',
  'Service station, M1 Woodall',
];

/** Picks categories of a seed 003 figure, more often the higher they ranked in the published chart. */
function byRank(rng: Rng, figureId: string, drop: readonly string[] = []) {
  const cats = surveyFigure(figureId)!.categories.filter((c) => !drop.includes(c.key));
  const weighted = cats.map((c) => [c.key, 1 / c.rank ** 1.2] as const);
  return {
    one: () => rng.weighted(weighted),
    some: (min: number, max: number) => {
      const n = rng.int(min, max);
      const out = new Set<string>();
      for (let i = 0; i < n * 3 && out.size < n; i++) out.add(rng.weighted(weighted));
      return [...out];
    },
    each: (top: number) =>
      cats.filter((c) => rng.chance(Math.max(0.08, top - (c.rank - 1) * 0.09))).map((c) => c.key),
  };
}

/**
 * Demo only: fills in what coordinators would have recorded for partnerships the seed says nothing about, drawn
 * from the 2017 survey's published order of answers, so the figures and map have something to show. What the
 * seed does say about a partnership is never overwritten.
 */
async function fillDemoDetails(
  trx: Parameters<typeof store.updatePartnership>[0],
  ps: readonly store.Partnership[],
  rng: Rng,
) {
  let filled = 0;
  for (const p of ps) {
    const r = rng.fork(`details:${p.id}`);
    if (!r.chance(0.8)) continue;
    const chairs = byRank(r, 'chairs');
    const coordinators = byRank(r, 'coordinators');
    await store.updatePartnership(
      trx,
      p.id,
      {
        chairType: p.chairType ?? chairs.one(),
        coordinatorType: p.coordinatorType ?? coordinators.one(),
        memberTypes: p.memberTypes.length ? p.memberTypes : byRank(r, 'members').some(5, 12),
        memberNames: p.memberNames,
        activities: p.activities.length ? p.activities : byRank(r, 'activities', ['other']).each(0.9),
        otherActivities: p.otherActivities,
        governanceDocuments: p.governanceDocuments ?? r.chance(0.62),
        governanceNotes: p.governanceNotes,
        actionPlan: p.actionPlan ?? r.chance(0.45),
        actionPlanNotes: p.actionPlanNotes,
        progressMeasures: p.progressMeasures.length
          ? p.progressMeasures
          : byRank(r, 'progress-measures', ['outcomes-and-progress-monitoring', 'outputs-and-outcomes']).some(
              1,
              1,
            ),
        progressNotes: p.progressNotes,
        fundingSources: p.fundingSources.length
          ? p.fundingSources
          : byRank(r, 'funding-sources', ['police-opcc', 'opcc-mainstream', 'ngo-opcc', 'la-opcc']).some(
              1,
              2,
            ),
        fundingNotes: p.fundingNotes,
        gaps: p.gaps.length ? p.gaps : byRank(r, 'gaps', ['no-gaps']).some(0, 2),
        challenges: p.challenges.length ? p.challenges : byRank(r, 'challenges').some(1, 2),
        gapsNotes: p.gapsNotes,
        meetingFrequency:
          p.meetingFrequency ?? r.pick(['Quarterly', 'Quarterly', 'Bi-monthly', 'Monthly', 'Twice a year']),
      },
      p.version,
      null,
    );
    filled++;
  }
  return filled;
}

export const partnersDemo: DemoGenerator = {
  name: 'partners and partnerships',
  order: 60,
  async run(ctx: AppContext, opts: DemoOptions) {
    const rng = createRng(opts.seed).fork('partners');
    const today = isoDay(new Date());
    const users = await usersByEmail(ctx);
    const partnerships = await store.listPartnerships(ctx.db);
    const agreements = await ctx.db.selectFrom('sharing_agreements').select(['id', 'name']).execute();
    const agreementId = (name: string) => agreements.find((a) => a.name === name)?.id;
    const cases = await demoCases(ctx, opts.size === 'small' ? 12 : opts.size === 'large' ? 120 : 600);
    const total = 5;
    let step = 0;

    await ctx.db.transaction().execute(async (trx) => {
      // 1. Coordinators.
      for (const c of DEMO_COORDINATION) {
        const u = users.get(c.email);
        if (u) await store.addCoordinator(trx, c.partnership, u.id, null);
      }
      opts.progress(++step, total, 'coordinators');
      const detailed = await fillDemoDetails(trx, partnerships, rng);

      // 2. Annual reviews: most partnerships reviewed within the year, some overdue, some never.
      const years = opts.size === 'small' ? 2 : 3;
      let reviews = 0;
      for (const p of partnerships) {
        const r = rng.fork(p.id);
        const state =
          p.id === 'west-yorkshire-atms'
            ? 'current'
            : p.id === 'london-working-group'
              ? 'overdue'
              : r.weighted([
                  ['current', 0.55],
                  ['overdue', 0.2],
                  ['never', 0.25],
                ] as const);
        if (state === 'never') continue;
        let reviewedOn =
          state === 'current'
            ? daysBefore(today, r.int(20, 320))
            : daysBefore(monthsBefore(today, 12), r.int(15, 200));
        for (let y = 0; y < years && (y === 0 || r.chance(0.6)); y++) {
          const periodEnd = daysBefore(reviewedOn, r.int(5, 30));
          const periodStart = monthsBefore(periodEnd, 12);
          const rating = r.weighted([
            ['on-track', 0.5],
            ['some-concerns', 0.35],
            ['off-track', 0.15],
          ] as const) as ProgressRating;
          const share = r.chance(0.45);
          await store.insertReview(
            trx,
            p.id,
            {
              periodStart,
              periodEnd,
              reviewedOn,
              outputs: measures(r, OUTPUT_MEASURES, 0.1),
              outcomes: measures(r, OUTCOME_MEASURES, 0.3),
              progressRating: rating,
              progressSummary: r.pick(SUMMARIES),
              goodPractice: share || r.chance(0.3) ? r.pick(GOOD_PRACTICE) : null,
              shareGoodPractice: share,
              gapsChallenges: r.pick(GAPS),
              nextActions:
                'Refresh the action plan with owners and dates; report the standard measures to the next meeting.',
            },
            {
              userId: null,
              name: 'Demo reviewer (partnership coordinator)',
              agencyCode: 'la-leeds',
              agencyType: 'local_authority',
            },
          );
          reviews++;
          reviewedOn = monthsBefore(reviewedOn, 12);
        }
      }
      opts.progress(++step, total, 'reviews');

      // 3. Information-sharing agreements: the coordinated partnerships get agreements that give them effect.
      const wy = users.get('coordinator@la-leeds.demo');
      const hil = users.get('safeguarding@la-hillingdon.demo');
      const ensureAgreement = async (name: string, from: string, to: string) => {
        const found = await trx
          .selectFrom('sharing_agreements')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirst();
        if (found) return found.id;
        const row = await trx
          .insertInto('sharing_agreements')
          .values({
            name,
            from_agency_code: from,
            from_agency_type: null,
            to_agency_code: to,
            to_agency_type: null,
            record_kinds: ['partner_engagement', 'incident'],
            purposes: ['safeguarding'],
            valid_until: null,
            notes: 'Demo: gives effect to a partnership information-sharing agreement.',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      const wyAgreement = await ensureAgreement(
        'West Yorkshire anti-trafficking network: police to Leeds City Council',
        'west-yorkshire',
        'la-leeds',
      );
      const lonAgreement = await ensureAgreement(
        'London Working Group: Metropolitan Police to Hillingdon',
        'met',
        'la-hillingdon',
      );
      const isas: [string, string, number[], string | null][] = [
        [
          'west-yorkshire-atms',
          'West Yorkshire anti-trafficking information-sharing protocol',
          [wyAgreement],
          wy?.id ?? null,
        ],
        [
          'london-working-group',
          'London modern slavery information-sharing agreement',
          [lonAgreement],
          hil?.id ?? null,
        ],
        [
          'east-midlands-htmds',
          'East Midlands regional tactical information-sharing agreement',
          [agreementId('Police intelligence sharing (national)'), agreementId('Police to ROCUs')].filter(
            (x): x is number => !!x,
          ),
          null,
        ],
        [
          'south-west-asp',
          'South West anti-slavery partnership protocol',
          [agreementId('Police to ROCUs')].filter((x): x is number => !!x),
          null,
        ],
        [
          'wolverhampton-asp',
          'Wolverhampton partnership terms of reference (data-sharing section)',
          [],
          null,
        ],
      ];
      for (const [id, title, links, by] of isas) {
        await store.saveIsa(
          trx,
          id,
          {
            title,
            signedOn: daysBefore(today, rng.int(120, 900)),
            reviewOn: daysBefore(today, -rng.int(30, 300)),
            parties: 'Police, local authorities, health, NGOs named in the schedule',
            notes: null,
            sharingAgreementIds: links,
          },
          by,
        );
      }
      opts.progress(++step, total, 'sharing agreements');

      // 4. Incidents with partly completed checklists.
      const incidentCount = opts.size === 'small' ? INCIDENT_SEEDS.length : opts.size === 'large' ? 40 : 200;
      const incidentIds: {
        id: string;
        agencyCode: string;
        agencyType: string;
        type: IncidentType;
        user: string | null;
        name: string;
      }[] = [];
      for (let n = 0; n < incidentCount; n++) {
        const seed = INCIDENT_SEEDS[n % INCIDENT_SEEDS.length]!;
        const u = users.get(seed.email);
        const actor = u
          ? { userId: u.id, name: u.name, agencyCode: u.agency_code, agencyType: u.agency_type }
          : { userId: null, name: 'Demo officer', agencyCode: 'met', agencyType: 'police_force' };
        const extra = n >= INCIDENT_SEEDS.length;
        const type: IncidentType = extra
          ? rng.pick(['inland', 'inland', 'maritime', 'aviation'] as const)
          : seed.type;
        const occurred = new Date(
          Date.now() - (extra ? rng.int(2, 700) : [3, 12, 30, 0][n]! + 0.2) * 86_400_000,
        );
        const inc = await store.createIncident(
          trx,
          {
            type,
            occurredAt: occurred.toISOString(),
            location: extra ? rng.pick(PLACES) : seed.location,
            forceAreaCode: extra ? null : seed.force,
            summary: extra ? 'Demo incident.' : seed.summary,
            peopleFound: extra ? rng.int(1, 40) : seed.people,
            childrenFound: extra ? rng.int(0, 3) : seed.children,
          },
          actor,
        );
        const items = responsePlanFor(type);
        const done = extra ? rng.int(0, items.length) : Math.min(seed.done, items.length);
        for (let k = 0; k < done; k++) {
          await store.applyTicks(
            trx,
            inc.id,
            [{ itemId: items[k]!.id, note: null }],
            [],
            actor,
            new Date(occurred.getTime() + (k + 1) * 6 * 60_000),
          );
        }
        incidentIds.push({
          id: inc.id,
          agencyCode: actor.agencyCode,
          agencyType: actor.agencyType,
          type,
          user: actor.userId,
          name: actor.name,
        });
      }
      opts.progress(++step, total, 'incidents');

      // 5. Engagements with the recommended partners on demo cases (and on the incidents).
      const byAgency = new Map<string, { id: string; name: string }>();
      for (const u of users.values())
        if (!byAgency.has(u.agency_code)) byAgency.set(u.agency_code, { id: u.id, name: u.name });
      let engagements = 0;
      const engage = async (
        kind: CaseKind,
        id: string,
        agencyCode: string,
        agencyType: string,
        facts: CaseFacts,
        r: Rng,
      ) => {
        const top = summarisePartners(recommendPartners(facts)).slice(0, r.int(1, 3));
        const who = byAgency.get(agencyCode);
        for (const s of top) {
          await store.insertEngagement(
            trx,
            {
              partnerCode: s.partner,
              caseKind: kind,
              caseId: id,
              ruleId: s.ruleIds[0] ?? null,
              engagedOn: daysBefore(today, r.int(0, 60)),
              note: null,
            },
            { userId: who?.id ?? null, name: who?.name ?? 'Demo officer', agencyCode, agencyType },
          );
          engagements++;
        }
      };
      // Forked by position, not by id: case ids are random uuids, the choices must not be.
      for (const [n, c] of cases.entries())
        await engage(c.kind, c.id, c.agencyCode, c.agencyType, c.facts, rng.fork(`case:${c.kind}:${n}`));
      for (const i of incidentIds.slice(0, 3)) {
        await engage(
          'incident',
          i.id,
          i.agencyCode,
          i.agencyType,
          { immigrationCrimeIncident: true, encounterSetting: i.type, foreignNational: true },
          rng.fork(`incident:${incidentIds.indexOf(i)}`),
        );
      }
      opts.progress(++step, total, 'engagements');

      await ctx.audit.append(trx, SYSTEM, [
        {
          action: 'demo.partners.created',
          detail: { reviews, detailed, incidents: incidentIds.length, engagements, casesFound: cases.length },
        },
      ]);
    });
    await ctx.agreements.refresh();
  },
};
