/**
 * Intelligence demo data (DOMAIN §5), deterministic by seed:
 * - reports graded 3x5x2 and coded, a share of C-coded reports with sanitised versions and disseminations, reports
 *   awaiting review or returned, and legacy imports that arrived without crime identifier codes;
 * - migrant debriefs calibrated to 2023 (36,704 arrivals, 5,000 approached, about half agreed, fewer than 1 in 15
 *   debriefed), victim and offender debriefs, people debriefed by two agencies under different spellings, claims;
 * - NCCU contacts calibrated to June-September 2024 (441 contacts, 708 people, 44 documents sent, 14 returned);
 * - community submissions from multilingual posters, collection plans and problem profiles with linked reports.
 */
import { type Kysely, sql } from 'kysely';
import { createRng, hashString, type Rng, weightedPicker } from '../../entities/demo/rng.js';
import { decideRecord, type HandlingConditions } from '../../kernel/access/policy.js';
import { hashPassword } from '../../kernel/auth/passwords.js';
import type { AppContext } from '../../kernel/context.js';
import { DEMO_PASSWORD, type DemoGenerator } from '../../kernel/demo/demo.js';
import { type AgencyInfo, agencies } from '../agencies.js';
import { isoDateOfBirth, matchKeys } from '../coordination/person-match.js';
import { idb } from '../db.js';
import { dueDate } from '../model/nccu.js';
import { crimeCode, NCCU_INCIDENT_TYPES } from '../reference.js';
import { agencyPrincipal } from '../store/reports.js';
import { KIND_REPORT, metaOf } from '../visibility.js';
import {
  NAMES,
  NATIONALITY_MIX,
  NCCU_FORCES,
  OCG_NAMES,
  PLACES,
  REPORT_OWNERS,
  REPORT_TEMPLATES,
  ROUTES,
  SPELLING_PAIRS,
  STREETS,
  UK_AREAS,
} from './content.js';

const SYSTEM = { userId: null, agencyCode: null, roles: 'system', ip: null };

function uuidOf(rng: Rng): string {
  const h = Array.from({ length: 4 }, () =>
    Math.floor(rng.next() * 4294967296)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function dayBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rng.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Inserts rows through one JSON parameter per chunk (jsonb_populate_recordset): on the embedded database this is
 * several times faster than thousands of bound parameters. jsonb columns take plain objects, not strings.
 */
async function insertChunks<T extends object>(db: Kysely<any>, table: string, rows: T[], size = 5000) {
  if (!rows.length) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = sql.join(cols.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = JSON.stringify(rows.slice(i, i + size));
    await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${chunk}::jsonb)`.execute(
      db,
    );
  }
}

interface Sizes {
  reports: number;
  debriefScale: number;
  nccuScale: number;
}
const SIZES: Record<string, Sizes> = {
  small: { reports: 400, debriefScale: 1, nccuScale: 1 },
  large: { reports: 50_000, debriefScale: 3, nccuScale: 3 },
  xl: { reports: 200_000, debriefScale: 6, nccuScale: 6 },
};

export const intelligenceDemo: DemoGenerator = {
  name: 'intelligence',
  order: 30,
  async run(ctx, opts) {
    const size = SIZES[opts.size] ?? SIZES.small!;
    const rng = createRng((opts.seed ^ hashString('intelligence')) >>> 0);
    const ag = await agencies(ctx);
    await demoAccounts(ctx);
    const users = await userIndex(ctx);
    const total = 7;
    let step = 0;
    const tick = (label: string) => opts.progress(++step, total, label);

    await posters(ctx, users);
    tick('posters and arrivals');
    await arrivals(ctx);
    const reportIds = await reports(ctx, rng.fork('reports'), size, ag, users, (d, t) =>
      opts.progress(step + d / Math.max(1, t), total, 'reports'),
    );
    tick('reports');
    await debriefs(ctx, rng.fork('debriefs'), size, ag, users);
    tick('debriefs');
    await nccu(ctx, rng.fork('nccu'), size, ag, users);
    tick('NCCU contacts');
    await community(ctx, rng.fork('community'), users);
    tick('community intelligence');
    await plans(ctx, rng.fork('plans'), ag, users, reportIds);
    tick('collection plans');
    await ctx.db
      .transaction()
      .execute((trx) =>
        ctx.audit.append(trx, SYSTEM, [
          { action: 'demo.intelligence.created', detail: { size: opts.size, reports: size.reports } },
        ]),
      );
    tick('done');
  },
};

/** Demo accounts this capability adds (listed in the README by the lead): a Bedfordshire intelligence officer and a JDT debriefer. */
export const INTELLIGENCE_DEMO_USERS = [
  {
    email: 'intel@bedfordshire.demo',
    name: 'DC Rachel Moss',
    agency: 'bedfordshire',
    roles: ['intelligence_officer', 'analyst'],
  },
  { email: 'jdt@ie.demo', name: 'Omar Siddiqui', agency: 'ie', roles: ['intelligence_officer'] },
];

async function demoAccounts(ctx: AppContext) {
  const hash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (trx) => {
    for (const u of INTELLIGENCE_DEMO_USERS) {
      const agency = await trx
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', u.agency)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('users')
        .values({
          email: u.email,
          name: u.name,
          agency_id: agency.id,
          roles: u.roles,
          password_hash: hash,
          demo: true,
          oidc_subject: null,
          locked_until: null,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
    }
    await ctx.audit.append(trx, SYSTEM, [
      { action: 'demo.intelligence.users', detail: { users: INTELLIGENCE_DEMO_USERS.map((u) => u.email) } },
    ]);
  });
}

type Users = Map<string, { id: string; name: string; supervisor: string | null; intel: boolean }>;

async function userIndex(ctx: AppContext): Promise<Users> {
  const rows = await idb(ctx.db)
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.name', 'u.roles', 'a.code'])
    .where('u.demo', '=', true)
    .orderBy('u.email')
    .execute();
  const m: Users = new Map();
  const intel = (roles: string[]) => roles.includes('intelligence_officer') || roles.includes('analyst');
  for (const r of rows)
    if (!m.has(r.code) || (intel(r.roles) && !m.get(r.code)!.intel))
      m.set(r.code, { id: r.id, name: r.name, supervisor: null, intel: intel(r.roles) });
  for (const r of rows) {
    const e = m.get(r.code)!;
    if (!e.supervisor && r.roles.includes('supervisor') && r.id !== e.id) e.supervisor = r.id;
  }
  return m;
}

// ------------------------------------------------------------------------------------------------------ posters

async function posters(ctx: AppContext, users: Users) {
  const rows = [
    {
      code: 'bedfordshire-luton-airport-arrivals',
      name: 'Luton Airport arrivals',
      description: 'Arrivals hall, beside the bus stops',
      force_code: 'bedfordshire',
    },
    {
      code: 'bedfordshire-toddington-services',
      name: 'Toddington services (M1)',
      description: 'Lorry park and washrooms',
      force_code: 'bedfordshire',
    },
    {
      code: 'kent-dover-eastern-docks',
      name: 'Dover Eastern Docks',
      description: 'Freight check-in',
      force_code: 'kent',
    },
    {
      code: 'west-yorkshire-leeds-bus-station',
      name: 'Leeds city bus station',
      description: null,
      force_code: 'west-yorkshire',
    },
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await insertChunks(
      trx,
      'intel_poster_locations',
      rows.map((r) => ({
        ...r,
        languages: ['en', 'sq', 'vi', 'pl', 'ro'],
        created_by: users.get(r.force_code)?.id ?? null,
      })),
    );
    await ctx.audit.append(trx, SYSTEM, [
      { action: 'demo.intelligence.posters', detail: { posters: rows.length } },
    ]);
  });
}

/** Small-boat arrivals in 2023 by month: 36,704 in the year (004), spread by season. */
async function arrivals(ctx: AppContext) {
  const weights = [3, 3, 6, 5, 8, 12, 14, 16, 13, 10, 6, 4];
  const sum = weights.reduce((a, b) => a + b, 0);
  const months = weights.map((w) => Math.floor((36_704 * w) / sum));
  months[7]! += 36_704 - months.reduce((a, b) => a + b, 0);
  await ctx.db.transaction().execute(async (trx) => {
    await insertChunks(
      trx,
      'intel_arrivals',
      months.map((n, i) => ({
        month: `2023-${pad(i + 1)}-01`,
        place: 'Small boats (Western Jet Foil, Dover)',
        arrivals: n,
        source: 'Home Office irregular migration statistics (total 36,704 in 2023, as cited by HMICFRS 2025)',
      })),
    );
    await ctx.audit.append(trx, SYSTEM, [
      { action: 'demo.intelligence.arrivals', detail: { months: 12, total: 36_704 } },
    ]);
  });
}

// ------------------------------------------------------------------------------------------------------ reports

function fill(text: string, rng: Rng, area: string) {
  return text
    .replace('{nick}', rng.pick(['"Tony"', '"Kapo"', '"the Doctor"', '"Baba"', '"Mr B"']))
    .replace('{price}', `${rng.pick(['1,500', '2,000', '3,000', '4,500'])} euros`)
    .replace('{place}', rng.pick(PLACES))
    .replace('{street}', rng.pick(STREETS))
    .replace('{area}', area);
}

function personName(rng: Rng, nat: string) {
  const pool = NAMES[nat] ?? NAMES.AL!;
  return { given: rng.pick(pool.given), family: rng.pick(pool.family) };
}

async function reports(
  ctx: AppContext,
  rng: Rng,
  size: Sizes,
  ag: Map<string, AgencyInfo>,
  users: Users,
  progress: (d: number, t: number) => void,
): Promise<
  {
    id: string;
    owner: string;
    codes: string[];
    area: string | null;
    region: string | null;
    reported: string;
    status: string;
    handling: string;
  }[]
> {
  const owner = weightedPicker(REPORT_OWNERS);
  const template = weightedPicker(
    REPORT_TEMPLATES.map((t) => [t, t.code.startsWith('OIC') ? 11 : 9] as const),
  );
  const ukArea = weightedPicker(UK_AREAS);
  const nationality = weightedPicker(NATIONALITY_MIX[2024]!);
  const out: {
    id: string;
    owner: string;
    codes: string[];
    area: string | null;
    region: string | null;
    reported: string;
    status: string;
    handling: string;
  }[] = [];
  const agreements = ctx.agreements.all();
  let n = 0;
  const CHUNK = 1000;
  while (n < size.reports) {
    const batch = Math.min(CHUNK, size.reports - n);
    const rows: Record<string, unknown>[] = [];
    const subjects: { report_id: string; kind: string; value: string; details: unknown }[] = [];
    const versions: Record<string, unknown>[] = [];
    const disseminations: Record<string, unknown>[] = [];
    for (let i = 0; i < batch; i++, n++) {
      const o = owner(rng);
      const oa = ag.get(o)!;
      const t = template(rng);
      const c = crimeCode(t.code)!;
      const codes = [t.code];
      if (rng.chance(0.15)) {
        const same = REPORT_TEMPLATES.filter(
          (x) => crimeCode(x.code)!.threat === c.threat && x.code !== t.code,
        );
        codes.push(rng.pick(same).code);
      }
      // A report about both threats carries a code of each: MSHT and OIC are never merged into one.
      if (rng.chance(0.06)) codes.push(c.threat === 'oic' ? 'MSHT-LAB' : 'OIC');
      const area = oa.type === 'police_force' ? (rng.chance(0.85) ? o : ukArea(rng)) : ukArea(rng);
      const areaInfo = ag.get(area);
      const reported = dayBetween(rng, '2023-01-01', '2025-06-30');
      const legacy = rng.chance(0.1);
      const statusRoll = rng.next();
      const status = legacy
        ? 'needs_codes'
        : statusRoll < 0.78
          ? 'approved'
          : statusRoll < 0.86
            ? 'awaiting_review'
            : statusRoll < 0.9
              ? 'returned'
              : 'draft';
      const handling = !legacy && rng.chance(0.15) ? 'C' : 'P';
      const conditions: HandlingConditions | null =
        handling === 'C'
          ? rng.chance(0.6)
            ? {
                namedAgencies: rng.sample(
                  ['nca', 'nca-jfc', 'kent', 'met', 'rocu-eastern'].filter((x) => x !== o),
                  2,
                ),
                noOnwardSharing: true,
                text: 'Source protection: share only with the agencies named.',
              }
            : {
                noOnwardSharing: true,
                text: 'Not to be disseminated further without the originator’s agreement.',
              }
          : null;
      const id = uuidOf(rng);
      const threats = [...new Set(codes.map((x) => crimeCode(x)!.threat))].sort();
      const lines = rng
        .sample(t.lines, Math.min(t.lines.length, 2 + (rng.chance(0.5) ? 1 : 0)))
        .map((l) => fill(l, rng, areaInfo?.name ?? 'the area'));
      const author = users.get(o);
      rows.push({
        id,
        owning_agency_code: o,
        owning_agency_type: oa.type,
        area_code: areaInfo?.type === 'police_force' ? area : null,
        region: areaInfo?.region ?? null,
        title: rng.pick(t.titles),
        narrative: lines.join(' '),
        source_type: legacy
          ? 'legacy_import'
          : rng.pick(['human', 'human', 'partner', 'debrief', 'technical', 'open_source']),
        source_evaluation:
          legacy && rng.chance(0.5)
            ? null
            : rng.weighted([
                [1, 3],
                [2, 6],
                [3, 1],
              ] as const),
        assessment:
          legacy && rng.chance(0.5)
            ? null
            : rng.weighted([
                ['A', 15],
                ['B', 35],
                ['C', 35],
                ['D', 10],
                ['E', 5],
              ] as const),
        handling_code: handling,
        conditions,
        security_marking: 'OFFICIAL-SENSITIVE',
        threats,
        crime_codes: legacy ? [] : codes,
        status,
        occurred_on: rng.chance(0.6) ? addDays(reported, -rng.int(1, 60)) : null,
        reported_on: reported,
        external_id: legacy ? `PND-LEG-${pad(n, 6)}` : null,
        created_by: author?.id ?? null,
        updated_by: author?.id ?? null,
        submitted_at: status === 'draft' || legacy ? null : `${reported}T12:00:00Z`,
        reviewed_by: status === 'approved' || status === 'returned' ? (author?.supervisor ?? null) : null,
        reviewed_at:
          status === 'approved' || status === 'returned'
            ? `${addDays(reported, rng.int(0, 3))}T15:00:00Z`
            : null,
        review_note: status === 'returned' ? 'Add the second code and say how the source knows this.' : null,
        created_at: `${reported}T10:00:00Z`,
        updated_at: `${reported}T12:00:00Z`,
      });
      versions.push({
        record_kind: KIND_REPORT,
        record_id: id,
        version: 1,
        changed_by: author?.id ?? null,
        changed_by_name: author ? `${author.name} (${oa.name})` : legacy ? 'Legacy import' : oa.name,
        changed_at: `${reported}T10:00:00Z`,
        changes: { created: { from: null, to: status } },
      });
      const nat = nationality(rng);
      const k = rng.int(1, 3);
      for (let s = 0; s < k; s++) {
        const kind =
          s === 0
            ? 'person'
            : rng.pick(['phone', 'vehicle', 'address', 'person', 'ocg', 'bank_account', 'email', 'location']);
        const p = personName(rng, nat);
        const value =
          kind === 'person'
            ? `${p.given} ${p.family}`
            : kind === 'phone'
              ? `07700 9${pad(rng.int(0, 99999), 5)}`
              : kind === 'vehicle'
                ? `${rng.pick(['AB', 'KX', 'LD', 'YJ', 'BD'])}${pad(rng.int(10, 74))} ${String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25), 65 + rng.int(0, 25))}`
                : kind === 'address'
                  ? `${rng.int(1, 180)} ${rng.pick(STREETS)}, ${areaInfo?.name.replace(/ (Police|Constabulary)$/, '') ?? 'London'}`
                  : kind === 'ocg'
                    ? rng.pick(OCG_NAMES)
                    : kind === 'bank_account'
                      ? `00-00-${pad(rng.int(10, 99))} ${pad(rng.int(0, 99_999_999), 8)}`
                      : kind === 'email'
                        ? `${p.given.toLowerCase().replace(/\s/g, '')}.${rng.int(10, 99)}@example.com`
                        : rng.pick(PLACES);
        subjects.push({
          report_id: id,
          kind,
          value,
          details:
            kind === 'person'
              ? JSON.stringify({
                  role: rng.pick(['suspect', 'suspect', 'victim', 'facilitator', 'associate']),
                  nationality: nat,
                })
              : null,
        });
      }
      out.push({
        id,
        owner: o,
        codes: legacy ? [] : codes,
        area: areaInfo?.type === 'police_force' ? area : null,
        region: areaInfo?.region ?? null,
        reported,
        status,
        handling,
      });
      // Some approved reports were disseminated under an agreement (or to an agency named in the conditions).
      if (status === 'approved' && rng.chance(0.2)) {
        const meta = metaOf(KIND_REPORT, {
          id,
          owning_agency_code: o,
          owning_agency_type: oa.type,
          handling_code: handling,
          conditions,
        });
        for (const to of rng.sample(
          ['nca', 'nca-jfc', 'kent', 'met', 'west-yorkshire', 'rocu-eastern', 'ie', 'glaa'].filter(
            (x) => x !== o,
          ),
          3,
        )) {
          const recipient = await agencyPrincipal(ctx, to);
          const d = recipient ? decideRecord(recipient, meta, { agreements }) : null;
          if (!recipient || !d?.allow) continue;
          const agreement =
            d.rule === 'agreement'
              ? agreements.find((a) => a.fromAgencyType === oa.type || a.fromAgencyCode === o)
              : undefined;
          disseminations.push({
            id: uuidOf(rng),
            report_id: id,
            report_version: 1,
            to_agency_code: to,
            agreement_id: agreement?.id ?? null,
            basis: agreement ? `Agreement: ${agreement.name}` : d.reason,
            purpose: 'Operational intelligence',
            disseminated_by: author?.id ?? users.get('nca')!.id,
            disseminated_at: `${addDays(reported, 4)}T09:00:00Z`,
          });
          break;
        }
      }
    }
    await ctx.db.transaction().execute(async (trx) => {
      await insertChunks(trx, 'intel_reports', rows);
      await sql`INSERT INTO intel_report_subjects (report_id, kind, value, normalised, details)
        SELECT s.report_id, s.kind, s.value, COALESCE(intel_subject_norm(s.kind, s.value), ''), s.details::jsonb
        FROM jsonb_to_recordset(${JSON.stringify(subjects)}::jsonb) AS s(report_id uuid, kind text, value text, details text)`.execute(
        trx,
      );
      await insertChunks(trx, 'intel_record_versions', versions);
      if (disseminations.length) await insertChunks(trx, 'intel_disseminations', disseminations);
      await ctx.audit.append(trx, SYSTEM, [
        {
          action: 'demo.intelligence.reports',
          entityKind: KIND_REPORT,
          detail: { created: rows.length, subjects: subjects.length },
        },
      ]);
    });
    progress(n, size.reports);
  }
  // Sanitised versions of a quarter of the approved C-coded reports.
  const restricted = out.filter((r) => r.handling === 'C' && r.status === 'approved');
  const sanitised: Record<string, unknown>[] = [];
  for (const r of restricted.filter(() => rng.chance(0.25))) {
    const oa = ag.get(r.owner)!;
    sanitised.push({
      id: uuidOf(rng),
      owning_agency_code: r.owner,
      owning_agency_type: oa.type,
      area_code: r.area,
      region: r.region,
      title: 'Sanitised: activity reported in the area',
      narrative:
        'Intelligence indicates the activity described is continuing in this area. Details that could identify the source have been removed; contact the originator for the restricted report.',
      source_type: 'human',
      source_evaluation: 2,
      assessment: 'C',
      handling_code: 'P',
      conditions: null,
      threats: [...new Set(r.codes.map((x) => crimeCode(x)!.threat))].sort(),
      crime_codes: r.codes,
      status: 'approved',
      reported_on: r.reported,
      sanitised_of: r.id,
      created_by: users.get(r.owner)?.id ?? null,
    });
  }
  if (sanitised.length) {
    await ctx.db.transaction().execute(async (trx) => {
      await insertChunks(trx, 'intel_reports', sanitised);
      await ctx.audit.append(trx, SYSTEM, [
        {
          action: 'demo.intelligence.sanitised',
          entityKind: KIND_REPORT,
          detail: { created: sanitised.length },
        },
      ]);
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------ debriefs

interface DebriefDraft {
  row: Record<string, unknown>;
  legs: Record<string, unknown>[];
}

function debriefOf(
  rng: Rng,
  o: {
    legs?: boolean;
    owner: string;
    ownerType: string;
    year: number;
    nationality: string;
    subjectType: 'migrant' | 'victim' | 'offender';
    name?: { given: string; family: string; dob: string };
    outcome?: 'completed' | 'declined' | 'agreed' | 'planned';
    ukArea: (r: Rng) => string;
    areaOf: (code: string) => AgencyInfo | undefined;
    debriefer: { id: string | null; name: string };
    note?: string | null;
    handling?: 'P' | 'C';
    conditions?: HandlingConditions | null;
  },
): DebriefDraft {
  const id = uuidOf(rng);
  const name =
    o.name ??
    (() => {
      const p = personName(rng, o.nationality);
      const dob = `${o.year - rng.int(17, 45)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      return { ...p, dob: rng.chance(0.15) ? dob.slice(0, 4) : dob };
    })();
  const approached =
    o.outcome === 'planned'
      ? null
      : dayBetween(rng, `${o.year}-01-01`, o.year === 2025 ? '2025-06-30' : `${o.year}-12-31`);
  const outcome = o.outcome ?? (rng.chance(0.5) ? 'declined' : rng.chance(0.04) ? 'agreed' : 'completed');
  const consent = outcome === 'declined' ? false : outcome === 'planned' ? null : true;
  const route = ROUTES.find((r) => r.origin === o.nationality) ?? ROUTES[0]!;
  const via = rng.pick(route.via);
  const legs: Record<string, unknown>[] = [];
  let crossing: Record<string, unknown> | null = null;
  let recruitment: Record<string, unknown> | null = null;
  let uk: Record<string, unknown> | null = null;
  const area = o.ukArea(rng);
  if (outcome === 'completed') {
    let from = route.origin;
    const start = addDays(approached!, -rng.int(40, 400));
    if (o.legs !== false)
      [...via].forEach((to, i) => {
        legs.push({
          debrief_id: id,
          seq: i + 1,
          from_country: from,
          to_country: to,
          transport: rng.pick(route.transport),
          facilitators: rng.chance(0.6)
            ? `${rng.pick(['A man called', 'A woman known as', 'An agent called'])} ${rng.pick(['"Tony"', '"Kapo"', '"Baba"', '"the Doctor"', '"Mr B"', '"Ali"'])}`
            : null,
          payment_amount: rng.chance(0.5)
            ? Math.round(rng.int(route.price[0], route.price[1]) / via.length / 100) * 100
            : null,
          payment_currency: route.currency,
          payment_method: rng.chance(0.5)
            ? rng.pick(['cash', 'hawala', 'bank transfer by a relative', 'debt to be repaid in work'])
            : null,
          started_on: addDays(start, i * rng.int(5, 40)),
          notes: null,
        });
        from = to;
      });
    const method = rng.weighted(route.crossing as [string, number][]);
    crossing = {
      method,
      place:
        method === 'small boat'
          ? rng.pick(['Dungeness', 'Dover', 'Folkestone', 'Hythe', 'Deal'])
          : method.includes('lorry')
            ? rng.pick(['Dover Eastern Docks', 'Folkestone Channel Tunnel', 'Purfleet', 'Hull'])
            : rng.pick(['Heathrow', 'Stansted', 'Belfast']),
      date: addDays(approached!, -rng.int(1, 20)),
      fromCountry: via[via.length - 1],
    };
    recruitment = {
      country: route.origin,
      place: rng.pick(['home town', 'the capital', 'a border town', 'a camp']),
      method: rng.pick([
        'social media advert',
        'a relative put them in touch',
        'a contact at a cafe',
        'a recruiter visited the village',
      ]),
      recruiter: rng.chance(0.5)
        ? `"${rng.pick(['Tony', 'Kapo', 'Baba', 'Ali', 'Mr B'])}" on WhatsApp`
        : null,
      promised: rng.pick([
        'work in a car wash',
        'a job and papers',
        'to be taken to family in the UK',
        'passage for an agreed price',
      ]),
    };
    uk = {
      arrivalPlace: crossing.place,
      areaCode: area,
      work: rng.chance(0.4)
        ? rng.pick(['car wash', 'nail bar', 'cannabis grow', 'building site', 'takeaway'])
        : null,
      accommodation: rng.chance(0.4)
        ? rng.pick(['hotel', 'shared house arranged by the agent', 'above the workplace'])
        : null,
      controllers: rng.chance(0.25) ? 'The agent’s cousin collects wages' : null,
      exploitation:
        o.subjectType === 'victim'
          ? rng.pick(['labour exploitation', 'criminal exploitation (cannabis)', 'sexual exploitation'])
          : null,
    };
  }
  const areaInfo = o.areaOf(area);
  return {
    row: {
      id,
      owning_agency_code: o.owner,
      owning_agency_type: o.ownerType,
      area_code: o.ownerType === 'police_force' ? o.owner : area,
      region: areaInfo?.region ?? null,
      subject_type: o.subjectType,
      given_name: name.given,
      family_name: name.family,
      date_of_birth_text: name.dob,
      date_of_birth: isoDateOfBirth(name.dob),
      nationality: o.nationality,
      match_keys: matchKeys({
        givenName: name.given,
        familyName: name.family,
        dateOfBirth: name.dob,
        nationality: o.nationality,
      }),
      status: outcome,
      planned_on: outcome === 'planned' ? dayBetween(rng, '2025-07-01', '2025-08-31') : approached,
      location: rng.pick([
        'Home Office reporting centre',
        'asylum hotel',
        'immigration removal centre',
        'police station',
        'prison',
      ]),
      approached_on: approached,
      consent_given: consent,
      voluntary_confirmed: consent === null ? null : true,
      consent_notes: null,
      interpreter_used: outcome === 'completed' ? o.nationality !== 'GB' : null,
      interpreter_language:
        outcome === 'completed' && o.nationality !== 'GB'
          ? ((
              {
                AL: 'Albanian',
                VN: 'Vietnamese',
                ER: 'Tigrinya',
                SD: 'Arabic',
                AF: 'Pashto',
                IQ: 'Kurdish Sorani',
                IR: 'Farsi',
                SY: 'Arabic',
              } as Record<string, string>
            )[o.nationality] ?? 'English')
          : null,
      subject_language: null,
      debriefer_user_id: o.debriefer.id,
      debriefer_name: o.debriefer.name,
      debriefer_qualification:
        o.ownerType === 'home_office'
          ? 'jdt'
          : rng.pick(['accredited_debriefer', 'pip2_interviewer', 'trained_intelligence_officer']),
      debriefed_on: outcome === 'completed' ? addDays(approached!, rng.int(0, 5)) : null,
      recruitment,
      border_crossing: crossing,
      uk_activity: uk,
      threats: o.subjectType === 'victim' ? ['msht'] : ['oic'],
      handling_code: o.handling ?? 'P',
      conditions: o.conditions ?? null,
      coordination_note: o.note ?? null,
      created_by: o.debriefer.id,
      updated_by: o.debriefer.id,
      created_at: `${approached ?? '2025-06-30'}T09:00:00Z`,
    },
    legs,
  };
}

async function debriefs(ctx: AppContext, rng: Rng, size: Sizes, ag: Map<string, AgencyInfo>, users: Users) {
  const ukArea = weightedPicker(UK_AREAS);
  const areaOf = (c: string) => ag.get(c);
  const drafts: DebriefDraft[] = [];
  const debrieferOf = (code: string) => ({
    id: users.get(code)?.id ?? null,
    name: users.get(code)?.name ?? `${ag.get(code)?.name ?? code} debriefer`,
  });
  const policeOwners = [
    'kent',
    'met',
    'west-yorkshire',
    'rocu-eastern',
    'rocu-north-west',
    'west-midlands',
    'gmp',
  ];
  // Migrant debriefs: 2023 calibrated (5,000 approached, half agreed, 2,400 debriefed); other years for trends.
  const years: [number, number][] = [
    [2022, 300 * size.debriefScale],
    [2023, 5_000],
    [2024, 800 * size.debriefScale],
    [2025, 300 * size.debriefScale],
  ];
  for (const [year, approached] of years) {
    const nat = weightedPicker(NATIONALITY_MIX[year]!);
    const outcomes: ('completed' | 'declined' | 'agreed')[] = [];
    if (year === 2023) {
      for (let i = 0; i < 2_500; i++) outcomes.push('declined');
      for (let i = 0; i < 100; i++) outcomes.push('agreed');
      for (let i = 0; i < 2_400; i++) outcomes.push('completed');
    } else {
      for (let i = 0; i < approached; i++) outcomes.push(rng.chance(0.5) ? 'declined' : 'completed');
    }
    for (const outcome of outcomes) {
      const jdt = rng.chance(0.75);
      const owner = jdt ? 'ie' : rng.pick(policeOwners);
      // The small data set records route legs for one 2023 debrief in three (the rest keep recruitment, crossing and UK activity).
      const legs = !(year === 2023 && size.debriefScale === 1 && !rng.chance(1 / 3));
      drafts.push(
        debriefOf(rng, {
          owner,
          ownerType: ag.get(owner)!.type,
          year,
          nationality: nat(rng),
          subjectType: 'migrant',
          outcome,
          ukArea,
          areaOf,
          debriefer: debrieferOf(owner),
          legs,
        }),
      );
    }
  }
  // Victim and offender debriefs by forces; the Met's victim debriefs are C-coded for the NCA only.
  for (let i = 0; i < 150; i++) {
    const owner = rng.pick(['met', 'west-yorkshire', 'kent', 'gmp', 'west-midlands', 'bedfordshire']);
    const victim = rng.chance(0.7);
    const c =
      owner === 'met' && victim
        ? { namedAgencies: ['nca'], noOnwardSharing: true, text: 'Victim debrief: the NCA only.' }
        : null;
    drafts.push(
      debriefOf(rng, {
        owner,
        ownerType: 'police_force',
        year: rng.pick([2023, 2024, 2025]),
        nationality: rng.pick(['AL', 'VN', 'RO', 'ER', 'GB', 'SD']),
        subjectType: victim ? 'victim' : 'offender',
        outcome: 'completed',
        ukArea,
        areaOf,
        debriefer: debrieferOf(owner),
        handling: c ? 'C' : 'P',
        conditions: c,
      }),
    );
  }
  // The same people debriefed by two agencies under different spellings (what coordination prevents).
  SPELLING_PAIRS.forEach((pair, i) => {
    const [first, second] =
      i % 3 === 0 ? ['ie', 'kent'] : i % 3 === 1 ? ['met', 'west-yorkshire'] : ['rocu-north-west', 'gmp'];
    drafts.push(
      debriefOf(rng, {
        owner: first,
        ownerType: ag.get(first)!.type,
        year: 2024,
        nationality: pair.a.nationality,
        subjectType: 'migrant',
        outcome: 'completed',
        ukArea,
        areaOf,
        debriefer: debrieferOf(first),
        name: { given: pair.a.given, family: pair.a.family, dob: pair.a.dob },
      }),
    );
    drafts.push(
      debriefOf(rng, {
        owner: second,
        ownerType: 'police_force',
        year: 2025,
        nationality: pair.b.nationality,
        subjectType: 'migrant',
        outcome: 'completed',
        ukArea,
        areaOf,
        debriefer: debrieferOf(second),
        name: { given: pair.b.given, family: pair.b.family, dob: pair.b.dob },
        note: 'Debriefed again before coordination checks: the same person had already been debriefed by another agency under a different spelling.',
      }),
    );
  });
  // Planned debriefs (each claims its subject).
  const planned: DebriefDraft[] = [];
  for (let i = 0; i < 12; i++) {
    const owner = rng.pick(['ie', 'kent', 'met', 'west-yorkshire']);
    planned.push(
      debriefOf(rng, {
        owner,
        ownerType: ag.get(owner)!.type,
        year: 2025,
        nationality: rng.pick(['VN', 'ER', 'SD', 'AF']),
        subjectType: 'migrant',
        outcome: 'planned',
        ukArea,
        areaOf,
        debriefer: debrieferOf(owner),
      }),
    );
  }
  drafts.push(...planned);
  const claims = planned.map((d) => ({
    id: uuidOf(rng),
    agency_code: d.row.owning_agency_code,
    given_name: d.row.given_name,
    family_name: d.row.family_name,
    date_of_birth_text: d.row.date_of_birth_text,
    nationality: d.row.nationality,
    match_keys: d.row.match_keys,
    reason: 'Debrief planned',
    claimed_by: d.row.created_by,
    expires_on: '2099-12-31',
    debrief_id: d.row.id,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await insertChunks(
      trx,
      'intel_debriefs',
      drafts.map((d) => d.row),
    );
    await insertChunks(
      trx,
      'intel_debrief_legs',
      drafts.flatMap((d) => d.legs),
    );
    await insertChunks(trx, 'intel_subject_claims', claims);
    await ctx.audit.append(trx, SYSTEM, [
      {
        action: 'demo.intelligence.debriefs',
        entityKind: 'debrief',
        detail: { created: drafts.length, claims: claims.length },
      },
    ]);
  });
}

// ------------------------------------------------------------------------------------------------------ NCCU

async function nccu(ctx: AppContext, rng: Rng, size: Sizes, ag: Map<string, AgencyInfo>, users: Users) {
  const force = weightedPicker(NCCU_FORCES);
  const incident = weightedPicker(
    NCCU_INCIDENT_TYPES.map(
      (t) =>
        [
          t.value,
          t.value === 'inland_vehicle' ? 5 : t.value === 'self_presented' ? 3 : t.value === 'arrest' ? 3 : 1,
        ] as const,
    ),
  );
  const nat = weightedPicker(NATIONALITY_MIX[2024]!);
  const nccuUser = users.get('ie-nccu');
  const contacts: Record<string, unknown>[] = [];
  const subjects: Record<string, unknown>[] = [];
  const chases: Record<string, unknown>[] = [];
  // [from, to, contacts, people, documents sent, returned] - the June-September 2024 row is HMICFRS's (004).
  const periods: [string, string, number, number, number, number][] = [
    ['2024-01-01', '2024-05-31', 300, 480, 30, 20],
    ['2024-06-01', '2024-09-30', 441, 708, 44, 14],
    ['2024-10-01', '2025-03-31', 350, 560, 40, 18],
  ];
  for (const [from, to, n0, people0, sent0, returned0] of periods) {
    const seedPeriod = from === '2024-06-01';
    const scale = seedPeriod ? 1 : size.nccuScale;
    const n = n0 * scale;
    const people = people0 * scale;
    const sent = sent0 * scale;
    const returned = returned0 * scale;
    // People per contact: one each, the rest spread at random so the period totals are exact.
    const counts = Array.from({ length: n }, () => 1);
    for (let i = 0; i < people - n; i++) counts[rng.int(0, n - 1)]! += 1;
    const sentIdx = new Set(rng.sample([...Array(n).keys()], sent));
    const sentList = [...sentIdx];
    const returnedIdx = new Set(rng.sample(sentList, returned));
    for (let i = 0; i < n; i++) {
      const id = uuidOf(rng);
      const f = force(rng);
      // Documents are sent a few days after the contact, inside the period, so the period counts hold.
      const day = dayBetween(rng, from, addDays(to, -10));
      const sentOn = sentIdx.has(i) ? addDays(day, rng.int(1, 7)) : null;
      const isReturned = returnedIdx.has(i);
      contacts.push({
        id,
        owning_agency_code: 'ie-nccu',
        owning_agency_type: 'home_office',
        force_code: f,
        region: ag.get(f)?.region ?? null,
        contacted_at: `${day}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:00Z`,
        incident_type: incident(rng),
        location: rng.pick([
          'A20 near Dover',
          'M25 services',
          'industrial estate',
          'port freight lanes',
          'railway station',
          'a residential address',
          'hotel car park',
        ]),
        summary: rng.pick([
          'Officers found people in the back of a lorry after reports of banging.',
          'A group of men walked into the police station and asked for help.',
          'People found working at a car wash had no documents.',
          'A vessel landed on the beach; the people on board were met by officers.',
        ]),
        officer_name: `PC ${rng.pick(['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Foster', 'Green', 'Hughes'])}`,
        threats: rng.chance(0.1) ? ['msht', 'oic'] : ['oic'],
        subjects_count: counts[i],
        document_status: sentOn ? (isReturned ? 'returned' : 'due') : 'not_requested',
        document_sent_on: sentOn,
        document_due_on: sentOn ? dueDate(sentOn) : null,
        document_returned_on: isReturned && sentOn ? addDays(sentOn, rng.int(3, 25)) : null,
        chase_count: 0,
        created_by: nccuUser?.id ?? null,
        updated_by: nccuUser?.id ?? null,
        created_at: `${day}T23:00:00Z`,
      });
      for (let s = 0; s < counts[i]!; s++) {
        const nt = nat(rng);
        const named = rng.chance(0.4);
        const p = personName(rng, nt);
        subjects.push({
          contact_id: id,
          role: rng.chance(0.9) ? 'suspected_irregular_migrant' : 'suspected_facilitator',
          given_name: named ? p.given : null,
          family_name: named ? p.family : null,
          date_of_birth_text:
            named && rng.chance(0.6)
              ? `${rng.int(1975, 2007)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
              : null,
          nationality: nt,
        });
      }
      if (sentOn && !isReturned && rng.chance(0.4)) {
        const c = contacts[contacts.length - 1]!;
        c.chase_count = 1;
        c.last_chased_on = addDays(sentOn, 21);
        chases.push({
          contact_id: id,
          chased_on: addDays(sentOn, 21),
          chased_by: nccuUser?.id ?? null,
          note: 'Emailed the force intelligence bureau.',
        });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'intel_nccu_contacts', contacts);
    await insertChunks(trx, 'intel_nccu_subjects', subjects);
    await insertChunks(trx, 'intel_nccu_chases', chases);
    await ctx.audit.append(trx, SYSTEM, [
      {
        action: 'demo.intelligence.nccu',
        entityKind: 'nccu_contact',
        detail: { contacts: contacts.length, people: subjects.length },
      },
    ]);
  });
}

// ------------------------------------------------------------------------------------------------------ community

async function community(ctx: AppContext, rng: Rng, users: Users) {
  const posterList = [
    'bedfordshire-luton-airport-arrivals',
    'bedfordshire-toddington-services',
    'kent-dover-eastern-docks',
    'west-yorkshire-leeds-bus-station',
    null,
  ];
  const forceOf: Record<string, string> = {
    'bedfordshire-luton-airport-arrivals': 'bedfordshire',
    'bedfordshire-toddington-services': 'bedfordshire',
    'kent-dover-eastern-docks': 'kent',
    'west-yorkshire-leeds-bus-station': 'west-yorkshire',
  };
  const texts: Record<string, string[]> = {
    forced_work: [
      'The men at the car wash sleep in the back room and never have a day off.',
      'Workers are dropped at the farm at 5am by a van and look exhausted.',
    ],
    sexual_exploitation: [
      'Different young women arrive at the flat every week and a man collects money.',
      'A girl at the nail bar seemed frightened and was not allowed to talk to customers.',
    ],
    people_smuggling: [
      'A lorry stopped in the lay-by and several people climbed out and ran across the field.',
      'A man in the cafe was offering to arrange a boat from France for 2,000 euros.',
    ],
    other: ['Something is not right at the house on the corner: people come and go at night.'],
  };
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const poster = rng.pick(posterList);
    const concern = rng.weighted([
      ['forced_work', 4],
      ['sexual_exploitation', 2],
      ['people_smuggling', 4],
      ['other', 1],
    ] as const);
    const status = i < 16 ? 'new' : i < 30 ? 'rejected' : 'new';
    rows.push({
      id: uuidOf(rng),
      owning_agency_code: poster ? forceOf[poster] : rng.pick(['met', 'nca-jfc']),
      poster_code: poster,
      language: rng.weighted([
        ['en', 4],
        ['sq', 2],
        ['vi', 2],
        ['pl', 1],
        ['ro', 1],
      ] as const),
      concern,
      what_happened: rng.pick(texts[concern]!),
      place: rng.chance(0.7) ? rng.pick(PLACES) : null,
      when_text: rng.chance(0.5) ? rng.pick(['last week', 'every morning', 'on Saturday night']) : null,
      people: rng.chance(0.4) ? 'A tall man with a grey van, called Tony' : null,
      vehicles: rng.chance(0.3) ? 'White van, registration starting KX' : null,
      contact_allowed: false,
      contact_details: null,
      received_at: `${dayBetween(rng, '2024-09-01', '2025-06-30')}T${pad(rng.int(7, 22))}:00:00Z`,
      status,
      triaged_by: status === 'rejected' ? (users.get(poster ? forceOf[poster]! : 'met')?.id ?? null) : null,
      triaged_at: status === 'rejected' ? '2025-07-01T10:00:00Z' : null,
      triage_note:
        status === 'rejected' ? 'Not enough detail to act on; kept for the problem profile.' : null,
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'intel_community_submissions', rows);
    await ctx.audit.append(trx, SYSTEM, [
      { action: 'demo.intelligence.community', detail: { submissions: rows.length } },
    ]);
  });
}

// ------------------------------------------------------------------------------------------------------ plans

async function plans(
  ctx: AppContext,
  rng: Rng,
  ag: Map<string, AgencyInfo>,
  users: Users,
  reports: {
    id: string;
    owner: string;
    codes: string[];
    area: string | null;
    region: string | null;
    reported: string;
    status: string;
    handling: string;
  }[],
) {
  const plansDef = [
    {
      owner: 'bedfordshire',
      scope_kind: 'force',
      scope_code: 'bedfordshire',
      title: 'Organised immigration crime collection plan 2025',
      threat: 'oic',
      from: '2025-01-01',
      to: '2025-12-31',
      reqs: [
        {
          q: 'Which groups arrange onward travel from Luton Airport for new arrivals?',
          p: 'high',
          codes: ['OIC-AIR', 'OIC-FAC'],
          target: 3,
        },
        {
          q: 'Which lorry parks and services on the M1 are used to drop people off?',
          p: 'high',
          codes: ['OIC-CLAN'],
          target: 3,
        },
        {
          q: 'Who supplies false documents to new arrivals in the county?',
          p: 'medium',
          codes: ['OIC-DOC'],
          target: 2,
        },
      ],
    },
    {
      owner: 'west-yorkshire',
      scope_kind: 'force',
      scope_code: 'west-yorkshire',
      title: 'Labour exploitation collection plan 2024',
      threat: 'msht',
      from: '2024-01-01',
      to: '2024-12-31',
      reqs: [
        {
          q: 'Which car washes and nail bars use workers who are not paid?',
          p: 'high',
          codes: ['MSHT-LAB'],
          target: 5,
        },
        {
          q: 'Who controls the cannabis grows tended by trafficked men?',
          p: 'medium',
          codes: ['MSHT-CRIM'],
          target: 3,
        },
      ],
    },
    {
      owner: 'rocu-north-west',
      scope_kind: 'region',
      scope_code: 'North West',
      title: 'North West OIC regional collection plan 2024-25',
      threat: 'oic',
      from: '2024-04-01',
      to: '2025-03-31',
      reqs: [
        {
          q: 'Which OCGs move small-boat arrivals from the south coast to the North West?',
          p: 'high',
          codes: ['OIC-FAC', 'OIC-SB'],
          target: 4,
        },
        {
          q: 'How are crossings paid for from the region (hawala, cash couriers)?',
          p: 'medium',
          codes: ['OIC'],
          target: 2,
        },
      ],
    },
  ];
  const planRows: Record<string, unknown>[] = [];
  const reqRows: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  for (const p of plansDef) {
    const id = uuidOf(rng);
    planRows.push({
      id,
      owning_agency_code: p.owner,
      owning_agency_type: ag.get(p.owner)!.type,
      scope_kind: p.scope_kind,
      scope_code: p.scope_code,
      title: p.title,
      threat: p.threat,
      period_from: p.from,
      period_to: p.to,
      created_by: users.get(p.owner)?.id ?? null,
    });
    p.reqs.forEach((r, i) => {
      const rid = uuidOf(rng);
      reqRows.push({
        id: rid,
        plan_id: id,
        seq: i + 1,
        question: r.q,
        priority: r.p,
        crime_codes: r.codes,
        target_reports: r.target,
        due_on: p.to,
      });
      // Link some matching reports so some requirements are met and others show gaps.
      const matching = reports.filter(
        (x) =>
          x.status === 'approved' &&
          x.codes.some((c) => r.codes.includes(c)) &&
          (p.scope_kind === 'force' ? x.area === p.scope_code : x.region === p.scope_code) &&
          x.reported >= p.from &&
          x.reported <= p.to,
      );
      for (const m of matching.slice(0, i === 0 ? r.target : Math.max(0, r.target - 2)))
        links.push({
          owner_kind: 'requirement',
          owner_id: rid,
          report_id: m.id,
          linked_by: users.get(p.owner)?.id ?? null,
        });
    });
  }
  const profileId = uuidOf(rng);
  const profile = {
    id: profileId,
    owning_agency_code: 'bedfordshire',
    owning_agency_type: 'police_force',
    scope_kind: 'force',
    scope_code: 'bedfordshire',
    title: 'Organised immigration crime in Bedfordshire: problem profile',
    threat: 'oic',
    summary:
      'Luton Airport and the M1 corridor are the county’s main OIC vulnerabilities. Community intelligence from multilingual posters has grown since 2023.',
    findings:
      'Arrivals by air are collected and moved to short-term accommodation within hours. Lorry drop-offs cluster at two service stations.',
    gaps: 'Little is known about how onward travel is paid for, or who supplies documents.',
    recommendations:
      'Extend the poster campaign to the coach station; agree a debrief request with the Joint Debriefing Team for arrivals found in the county.',
    status: 'published',
    period_from: '2024-01-01',
    period_to: '2025-06-30',
    created_by: users.get('bedfordshire')?.id ?? null,
    updated_by: users.get('bedfordshire')?.id ?? null,
  };
  for (const r of reports
    .filter(
      (x) => x.area === 'bedfordshire' && x.codes.some((c) => c.startsWith('OIC')) && x.status === 'approved',
    )
    .slice(0, 12))
    links.push({
      owner_kind: 'profile',
      owner_id: profileId,
      report_id: r.id,
      linked_by: profile.created_by,
    });
  await ctx.db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'intel_collection_plans', planRows);
    await insertChunks(trx, 'intel_collection_requirements', reqRows);
    await insertChunks(trx, 'intel_problem_profiles', [profile]);
    if (links.length) await insertChunks(trx, 'intel_report_links', links);
    await ctx.audit.append(trx, SYSTEM, [
      {
        action: 'demo.intelligence.plans',
        detail: { plans: planRows.length, requirements: reqRows.length, links: links.length },
      },
    ]);
  });
}
