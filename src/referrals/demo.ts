import { sql } from 'kysely';
import { hashPassword } from '../kernel/auth/passwords.js';
import type { AppContext } from '../kernel/context.js';
import { DEMO_PASSWORD, type DemoGenerator, type DemoOptions } from '../kernel/demo/demo.js';
import { FORCES } from '../kernel/reference/forces.js';
import { drawCulture, drawPersonName, NATIONALITY_MIX } from '../entities/demo/names.js';
import { PhoneAllocator } from '../entities/demo/phones.js';
import { addressLine, drawResidentialAddress, drawTownIndex, TOWNS } from '../entities/demo/places.js';
import { createRng, type Rng, weightedPicker } from '../entities/demo/rng.js';
import { joinCompound } from '../entities/demo/variants.js';
import { randomVrm } from '../entities/demo/vehicles.js';
import { COMPETENT_AUTHORITY, ICTG_PROVIDER, PRIME_CONTRACTOR, agencyTypeOf } from './access.js';
import { firstResponderType, INDICATOR_CODES, indicatorGroups } from './catalogue.js';
import { ictgAvailable } from './model/children.js';
import { addDays, addWorkingDays, type IsoDate, todayInUk } from './model/dates.js';
import { type FactItem, parseItems } from './model/facts.js';
import { drawSample, seedFrom } from './model/sampling.js';
import { rgDueOn } from './model/workflow.js';
import { tables } from './store.js';

/**
 * Demo referrals, Duty to Notify records, decisions with second reviews, support cases, children's missing
 * episodes, threshold notices and case-review samples, calibrated to DOMAIN §3 and seed 002: volumes growing
 * towards 2024's 19,125 a year; 23% UK nationals (62% of children, 9% of adults), then Albania, Eritrea and
 * Vietnam; labour the largest adult type and criminal exploitation the largest for children; and a backlog
 * awaiting conclusive grounds decisions with long waits (mean about 800 days against the published 831).
 * Dates run back five years from the day the demo is loaded; the same seed on the same day gives the same data.
 */

const VOLUME = { small: 300, large: 20_000, xl: 100_000 } as const;
/** Relative yearly volume, oldest first (NRM referrals grew about 80% in five years, seed 002). */
const YEAR_WEIGHTS = [0.55, 0.66, 0.88, 0.89, 1.0];
/** Share of each yearly cohort whose conclusive grounds decision came quickly; the rest waited years. */
const FAST_CG_SHARE = [0.5, 0.55, 0.65, 0.8, 0.92];
const CHILD_SHARE = 0.26;
const ADULT_DTN_SHARE = 0.25;
const RG_POSITIVE = 0.7;
const CG_POSITIVE = 0.9;

/** Extra demo accounts of this capability (README lists them). */
export const REFERRAL_DEMO_USERS = [{ email: 'reviewer2@sca.demo', name: 'Amira Hassan', agency: 'sca', roles: ['second_reviewer', 'decision_maker'] }];

const TOWN_FORCE: Record<string, string> = {
  wmp: 'west-midlands',
  wyp: 'west-yorkshire',
  syp: 'south-yorkshire',
  'avon-somerset': 'avon-and-somerset',
  leics: 'leicestershire',
  notts: 'nottinghamshire',
  hampshire: 'hampshire-and-isle-of-wight',
  cambs: 'cambridgeshire',
  lincs: 'lincolnshire',
  beds: 'bedfordshire',
  northants: 'northamptonshire',
  staffs: 'staffordshire',
  lancs: 'lancashire',
  'devon-cornwall': 'devon-and-cornwall',
  herts: 'hertfordshire',
};
const townsByForce = new Map<string, number[]>();
TOWNS.forEach((t, i) => {
  const f = TOWN_FORCE[t.force] ?? t.force;
  townsByForce.set(f, [...(townsByForce.get(f) ?? []), i]);
});

const FORCE_WEIGHT: Record<string, number> = {
  met: 14, gmp: 6, 'west-midlands': 6, 'west-yorkshire': 5, 'thames-valley': 4, kent: 5, essex: 4, lancashire: 3, merseyside: 3,
  'hampshire-and-isle-of-wight': 3, 'avon-and-somerset': 3, 'south-yorkshire': 3, northumbria: 3, 'devon-and-cornwall': 2,
  'police-scotland': 3, psni: 1, btp: 1, 'south-wales': 2, nottinghamshire: 2, leicestershire: 2,
};
const pickForce = weightedPicker(FORCES.map((f) => [f.code, FORCE_WEIGHT[f.code] ?? 1.2] as const));
const pickForeign = weightedPicker(NATIONALITY_MIX.filter(([c]) => c !== 'GB'));

const HOME_OFFICE = ['ie', 'ie-ice', 'border-force', 'ukvi', 'ie-nccu'];
const LA_FORCE: Record<string, string> = {
  'la-hillingdon': 'met',
  'la-birmingham': 'west-midlands',
  'la-leeds': 'west-yorkshire',
  'la-manchester': 'gmp',
  'la-kent': 'kent',
  'la-cardiff': 'south-wales',
  'la-bedford': 'bedfordshire',
};
const FORCE_LA = Object.fromEntries(Object.entries(LA_FORCE).map(([la, f]) => [f, la]));
const SUBCONTRACTORS = ['medaille-trust', 'city-hearts', 'migrant-help', 'red-cross'];

const ROUTES: Record<string, string[][]> = {
  AL: [['FR'], ['BE', 'FR'], ['IT', 'FR'], []],
  ER: [['ET', 'SD', 'LY', 'IT', 'FR'], ['SD', 'LY', 'IT', 'FR'], ['LY', 'IT', 'FR']],
  ET: [['SD', 'LY', 'IT', 'FR'], ['LY', 'IT', 'FR']],
  VN: [['CN', 'RU', 'PL', 'DE', 'FR'], ['RU', 'BY', 'PL', 'FR'], ['FR'], ['CZ', 'DE', 'FR']],
  SD: [['LY', 'IT', 'FR'], ['EG', 'LY', 'IT', 'FR'], ['TD', 'LY', 'IT', 'FR']],
  AF: [['IR', 'TR', 'GR', 'RS', 'HU', 'AT', 'DE', 'FR'], ['IR', 'TR', 'BG', 'RS', 'DE', 'FR']],
  IR: [['TR', 'GR', 'IT', 'FR'], ['TR', 'BG', 'RS', 'DE', 'FR']],
  IQ: [['TR', 'GR', 'DE', 'FR'], ['TR', 'BG', 'DE', 'BE']],
  SY: [['TR', 'GR', 'DE', 'FR'], ['LB', 'TR', 'GR', 'FR']],
  EG: [['LY', 'IT', 'FR'], []],
  NG: [['NE', 'LY', 'IT', 'FR'], []],
  RO: [[], ['HU', 'AT', 'DE', 'FR']],
  PL: [[], ['DE', 'NL']],
  CN: [[], ['RU', 'FR']],
  IN: [[]],
  PK: [[], ['AE']],
};

const SECTORS_BY_TYPE: Record<string, [string, number][]> = {
  labour: [['car-wash', 5], ['construction', 4], ['agriculture', 3], ['food-processing', 3], ['nail-bar', 3], ['restaurant', 3], ['hospitality', 2], ['care', 2], ['waste', 2], ['fisheries', 1], ['manufacturing', 2]],
  criminal: [['cannabis-cultivation', 5], ['begging', 1], ['other', 2]],
  sexual: [['sex-industry', 6], ['hmo', 1]],
  'domestic-servitude': [['domestic-work', 1]],
};

const NEEDS = ['Accommodation', 'Health', 'Mental health', 'Legal advice', 'Immigration advice', 'Interpreter', 'Finances and benefits', 'Education and training', 'Safety'];

function uuid(rng: Rng): string {
  const hex = () => Math.floor(rng.next() * 0x100000000).toString(16).padStart(8, '0');
  const h = hex() + hex() + hex() + hex();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(rng.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Network {
  nationality: string;
  suspects: string[];
  phones: string[];
  vehicles: string[];
  addresses: string[];
}

function drawName(rng: Rng, nationality: string, gender: string) {
  const n = drawPersonName(rng, drawCulture(rng, nationality), gender === 'female' ? 'female' : gender === 'male' ? 'male' : rng.chance(0.5) ? 'female' : 'male');
  return { given: joinCompound(n.given[0]!), family: n.family.map(joinCompound).join(' ') };
}

function typesFor(rng: Rng, age: 'adult' | 'child'): string[] {
  const primary =
    age === 'adult'
      ? rng.weighted([['labour', 50], ['sexual', 15], ['criminal', 15], ['domestic-servitude', 7], ['unknown', 12.7], ['organ-harvesting', 0.3]] as const)
      : rng.weighted([['criminal', 60], ['sexual', 14], ['labour', 12], ['domestic-servitude', 2], ['unknown', 12]] as const);
  const types: string[] = [primary];
  if (primary !== 'unknown' && rng.chance(0.25)) {
    const second =
      age === 'adult' ? rng.weighted([['labour', 40], ['criminal', 45], ['sexual', 15]] as const) : rng.weighted([['labour', 50], ['criminal', 30], ['sexual', 20]] as const);
    if (second !== primary) types.push(second);
  }
  return types;
}

function genderFor(rng: Rng, primary: string, age: 'adult' | 'child'): string {
  if (rng.chance(0.01)) return rng.chance(0.5) ? 'other' : 'unknown';
  const female = primary === 'sexual' || primary === 'domestic-servitude' ? 0.8 : primary === 'unknown' ? 0.35 : age === 'child' ? 0.18 : 0.2;
  return rng.chance(female) ? 'female' : 'male';
}

function pickIndicators(rng: Rng): string[] {
  const out = new Set<string>();
  const n = rng.int(2, 6);
  const groupPick = weightedPicker(indicatorGroups.map((g) => [g, g.frontlineShare] as const));
  for (let i = 0; i < n; i++) out.add(rng.pick(groupPick(rng).items).code);
  return [...out].filter((c) => INDICATOR_CODES.includes(c));
}

type Row = Record<string, unknown>;

async function insertAll(db: any, table: string, rows: Row[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size)).execute();
}

export const referralsDemo: DemoGenerator = {
  name: 'referrals, decisions and victim support',
  order: 20,
  async run(ctx: AppContext, opts: DemoOptions) {
    await generate(ctx, opts);
  },
};

async function ensureUsers(ctx: AppContext) {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of REFERRAL_DEMO_USERS) {
    const agency = await ctx.db.selectFrom('agencies').select('id').where('code', '=', u.agency).executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('users')
      .values({ email: u.email, name: u.name, agency_id: agency.id, roles: u.roles, password_hash: hash, demo: true, oidc_subject: null, locked_until: null })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
  }
  const users = await ctx.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.email', 'users.roles', 'agencies.code as agency'])
    .where('users.demo', '=', true)
    .execute();
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const responders = new Map<string, string[]>();
  for (const u of users) if (u.roles.includes('first_responder')) responders.set(u.agency, [...(responders.get(u.agency) ?? []), u.id]);
  const deciders = ['decision@sca.demo', 'reviewer@sca.demo', 'reviewer2@sca.demo'].map((e) => byEmail.get(e)).filter((x): x is string => !!x);
  const reviewers = ['reviewer@sca.demo', 'reviewer2@sca.demo'].map((e) => byEmail.get(e)).filter((x): x is string => !!x);
  return { byEmail, responders, deciders, reviewers };
}

async function generate(ctx: AppContext, opts: DemoOptions) {
  const rng = createRng(opts.seed).fork('referrals');
  const total = VOLUME[opts.size];
  const today = todayInUk();
  const period = ctx.config.recoveryPeriodDays;
  const users = await ensureUsers(ctx);
  if (users.deciders.length < 2 || users.reviewers.length < 2) throw new Error('The referrals demo needs the competent-authority demo users.');
  const phones = new PhoneAllocator(rng.fork('phones'));
  const navigatorUser = users.byEmail.get('navigator@salvation-army.demo') ?? users.deciders[0]!;

  // Exploiting networks: referrals that share one share its suspects, phones, vehicles and addresses.
  const networks: Network[] = [];
  const nNetworks = Math.max(8, Math.round(total / 12));
  for (let i = 0; i < nNetworks; i++) {
    const nationality = rng.chance(0.3) ? 'GB' : pickForeign(rng);
    const townIndex = drawTownIndex(rng);
    networks.push({
      nationality,
      suspects: Array.from({ length: rng.int(1, 3) }, () => {
        const n = drawName(rng, nationality, rng.chance(0.85) ? 'male' : 'female');
        return rng.chance(0.2) ? `${n.given} (known as "${rng.pick(['Boss', 'Uncle', 'Big Man', 'Driver', 'Mama', 'Landlord'])}")` : `${n.given} ${n.family}`;
      }),
      phones: Array.from({ length: rng.int(1, 3) }, () => phones.personal()),
      vehicles: Array.from({ length: rng.int(0, 2) }, () => randomVrm(rng)),
      addresses: Array.from({ length: rng.int(1, 2) }, () => addressLine(drawResidentialAddress(rng, townIndex))),
    });
  }
  const networksByNationality = new Map<string, Network[]>();
  for (const n of networks) networksByNationality.set(n.nationality, [...(networksByNationality.get(n.nationality) ?? []), n]);

  // Who referred, when, and about whom: drawn first, then sorted by date so references run in order.
  const start = addDays(today, -5 * 365 + 1);
  const yearPick = weightedPicker(YEAR_WEIGHTS.map((w, i) => [i, w] as const));
  // Each referral's records (ids included) come from its own seed, so seeds must differ: at the xl size's 100,000
  // referrals two 32-bit draws would otherwise meet about once.
  const seeds = new Set<number>();
  const freshSeed = () => {
    let seed = Math.floor(rng.next() * 2 ** 32);
    while (seeds.has(seed)) seed = Math.floor(rng.next() * 2 ** 32);
    seeds.add(seed);
    return seed;
  };
  const specs = Array.from({ length: total }, () => {
    const year = yearPick(rng);
    const submittedOn = addDays(start, year * 365 + rng.int(0, 364));
    return { year, submittedOn: submittedOn > today ? today : submittedOn, seed: freshSeed() };
  }).sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0));

  const out = {
    referrals: [] as Row[],
    victims: [] as Row[],
    facts: [] as Row[],
    items: [] as Row[],
    children: [] as Row[],
    episodes: [] as Row[],
    decisions: [] as Row[],
    reconsiderations: [] as Row[],
    cases: [] as Row[],
    providers: [] as Row[],
    workers: [] as Row[],
    plan: [] as Row[],
    contacts: [] as Row[],
    accommodation: [] as Row[],
  };
  let n = 0;

  for (const spec of specs) {
    const r = createRng(spec.seed);
    const id = uuid(r);
    const S = spec.submittedOn;
    const age: 'adult' | 'child' = r.chance(CHILD_SHARE) ? 'child' : 'adult';
    const kind: 'nrm' | 'dtn' = age === 'adult' && r.chance(ADULT_DTN_SHARE) ? 'dtn' : 'nrm';
    const nationality = r.chance(age === 'child' ? 0.62 : 0.09) ? 'GB' : pickForeign(r);
    const types = typesFor(r, age);
    const gender = genderFor(r, types[0]!, age);

    // The first responder's organisation and where the person was found.
    const frKind =
      age === 'child'
        ? r.weighted([['police', 45], ['la', 35], ['ho', 10], ['child-ngo', 10]] as const)
        : r.weighted([['police', 38], ['ho', 32], ['la', 15], ['ngo', 12], ['other', 3]] as const);
    let agency: string;
    let force: string;
    if (frKind === 'police') {
      agency = pickForce(r);
      force = agency;
    } else if (frKind === 'la') {
      agency = r.pick(Object.keys(LA_FORCE));
      force = LA_FORCE[agency]!;
    } else {
      agency =
        frKind === 'ho' ? r.pick(HOME_OFFICE) : frKind === 'child-ngo' ? r.pick(['nspcc', 'barnardos']) : frKind === 'ngo' ? r.pick(['salvation-army', 'medaille-trust', 'migrant-help']) : r.pick(['nca', 'glaa']);
      force = r.chance(0.25) ? r.pick(['kent', 'met']) : pickForce(r);
    }
    const agencyType = agencyTypeOf(agency)!;
    const responder = users.responders.get(agency)?.[0] ?? null;
    const forceAreas = [force, ...(r.chance(0.15) ? [pickForce(r)].filter((f) => f !== force) : [])];

    // Route and timing.
    const routes = ROUTES[nationality];
    const origin = nationality === 'GB' ? (r.chance(0.95) ? null : 'GB') : r.chance(0.92) ? nationality : null;
    const transit = origin && routes ? r.pick(routes) : [];
    const overseas = transit.length && r.chance(0.15) ? [r.pick(transit)] : [];
    const fromMonth = addDays(S, -r.int(0, 720)).slice(0, 7);
    const ongoing = r.chance(0.3);
    const toMonth = ongoing ? null : addDays(S, -r.int(0, 60)).slice(0, 7);
    const sectors = [...new Set(types.flatMap((t) => (SECTORS_BY_TYPE[t] && r.chance(0.7) ? [r.weighted(SECTORS_BY_TYPE[t]!)] : [])))];

    // Facts linking to an exploiting network.
    const pool = networksByNationality.get(nationality) ?? networks;
    const net = r.chance(0.6) ? r.pick(pool) : null;
    const items: FactItem[] = [];
    if (net) {
      const take = (list: string[], p: number) => list.filter(() => r.chance(p));
      items.push(
        ...parseItems('suspect', take(net.suspects, 0.7), 'suspects').items,
        ...parseItems('phone', take(net.phones, 0.6), 'phones').items,
        ...parseItems('vehicle', take(net.vehicles, 0.5), 'vehicles').items,
        ...parseItems('address', take(net.addresses, 0.5), 'addresses').items,
      );
    } else if (r.chance(0.3)) {
      const towns = townsByForce.get(force);
      items.push(...parseItems('address', [addressLine(drawResidentialAddress(r, towns ? r.pick(towns) : drawTownIndex(r)))], 'addresses').items);
    }

    const year = S.slice(0, 4);
    const k = kind === 'nrm' ? 'NRM' : 'DTN';
    n++;
    const reference = `${k}-${year}-${String(n).padStart(6, '0')}`;
    const sharedWith = [COMPETENT_AUTHORITY];

    // Children: children's services, the guardian service and missing episodes.
    if (kind === 'nrm' && age === 'child') {
      const la = FORCE_LA[force] ?? null;
      const ictgArea = ictgAvailable(force);
      const ictgReferred = ictgArea ? r.chance(0.8) : null;
      if (la) sharedWith.push(la);
      if (ictgReferred) sharedWith.push(ICTG_PROVIDER);
      let missingNow = false;
      if (r.chance(0.25)) {
        const count = r.int(1, 3);
        let t = new Date(`${addDays(S, r.int(1, 60))}T${String(r.int(8, 22)).padStart(2, '0')}:00:00Z`);
        for (let e = 0; e < count && t.getTime() < Date.now() - 3600_000; e++) {
          const hours = r.int(3, 96);
          const back = new Date(t.getTime() + hours * 3600_000);
          const open = e === count - 1 && Date.now() - t.getTime() < 30 * 86_400_000 && r.chance(0.4);
          const returned = open || back.getTime() > Date.now() ? null : back;
          if (!returned) missingNow = true;
          out.episodes.push({ id: uuid(r), referral_id: id, went_missing_at: t, returned_at: returned, reported_to_police: r.chance(0.85), notes: null, recorded_by: responder ?? users.deciders[0], recorded_by_agency: agency });
          if (!returned) break;
          t = new Date(back.getTime() + r.int(5, 120) * 86_400_000);
        }
      }
      out.children.push({
        referral_id: id,
        local_authority: la ?? `${FORCES.find((f) => f.code === force)?.name.replace(/ (Police|Constabulary)$/, '') ?? 'Local'} area children's services`,
        la_notified_on: S,
        ictg_area: ictgArea,
        ictg_referred: ictgReferred,
        missing_from_care: missingNow,
      });
    }

    // The competent authority's decisions.
    let status = kind === 'dtn' ? 'dtn' : 'awaiting_rg';
    let rgOutcome: string | null = null;
    let rgIssued: IsoDate | null = null;
    let recoveryEnds: IsoDate | null = null;
    let cgOutcome: string | null = null;
    let cgIssued: IsoDate | null = null;
    const decide = (stage: 'rg' | 'cg', outcome: string, decidedOn: IsoDate, issuedOn: IsoDate | null, from: string, reconsideration = false) => {
      const by = r.pick(users.deciders);
      const reviewers = users.reviewers.filter((x) => x !== by);
      out.decisions.push({
        id: uuid(r),
        referral_id: id,
        stage,
        outcome,
        reconsideration,
        reasons:
          stage === 'rg'
            ? outcome === 'positive'
              ? 'The indicators recorded (control, living and work conditions) and the account given meet the reasonable grounds threshold.'
              : 'The information provided does not meet the reasonable grounds threshold: no evidence of the means or purpose of exploitation.'
            : outcome === 'positive'
              ? 'On the balance of probabilities the person is a victim of modern slavery: the account is consistent and corroborated.'
              : 'On the balance of probabilities the evidence does not establish that the person was exploited.',
        decided_on: decidedOn,
        decided_by: by,
        from_status: from,
        review_status: issuedOn ? 'upheld' : 'awaiting',
        reviewed_by: issuedOn ? r.pick(reviewers) : null,
        reviewed_on: issuedOn,
        review_notes: null,
        reviewer_declaration: issuedOn ? true : null,
        issued_on: issuedOn,
        created_at: new Date(`${decidedOn}T10:00:00Z`),
      });
    };
    if (kind === 'nrm') {
      const wd = r.chance(0.55) ? r.int(1, 5) : r.chance(0.67) ? r.int(6, 20) : r.int(21, 90);
      const issue = addWorkingDays(S, wd);
      const decided = addWorkingDays(S, Math.max(0, wd - 1));
      if (issue > today) {
        if (decided <= today) {
          status = 'rg_review';
          decide('rg', r.chance(RG_POSITIVE) ? 'positive' : 'negative', decided, null, 'awaiting_rg');
        }
      } else {
        let positive = r.chance(RG_POSITIVE);
        decide('rg', positive ? 'positive' : 'negative', decided, issue, 'awaiting_rg');
        rgOutcome = positive ? 'positive' : 'negative';
        rgIssued = issue;
        status = positive ? 'awaiting_cg' : 'rg_negative';
        if (!positive && r.chance(0.15)) {
          const asked = addDays(issue, r.int(14, 60));
          if (asked <= today) {
            out.reconsiderations.push({ id: uuid(r), referral_id: id, stage: 'rg', grounds: 'New evidence from the support provider about control by the employer.', requested_on: asked, recorded_by: responder ?? users.deciders[0] });
            status = 'rg_reconsideration';
            const again = addDays(asked, r.int(20, 90));
            if (again <= today) {
              positive = r.chance(0.5);
              decide('rg', positive ? 'positive' : 'negative', addDays(again, -1), again, 'rg_reconsideration', true);
              rgOutcome = positive ? 'positive' : 'negative';
              rgIssued = again;
              status = positive ? 'awaiting_cg' : 'rg_negative';
            }
          }
        }
        if (positive && rgIssued) {
          recoveryEnds = addDays(rgIssued, period);
          const fast = r.chance(FAST_CG_SHARE[spec.year]!);
          const wait = fast ? r.int(Math.max(60, period + 5), 250) : r.int(1100, 4500);
          let cg = addDays(S, wait);
          if (cg < addDays(recoveryEnds, 1)) cg = addDays(recoveryEnds, r.int(1, 30));
          if (cg <= today) {
            const cgPositive = r.chance(CG_POSITIVE);
            const proposed = addDays(cg, -r.int(1, 5));
            decide('cg', cgPositive ? 'positive' : 'negative', proposed < recoveryEnds ? recoveryEnds : proposed, cg, 'awaiting_cg');
            cgOutcome = cgPositive ? 'positive' : 'negative';
            cgIssued = cg;
            status = cgPositive ? 'cg_positive' : 'cg_negative';
          } else if (addDays(cg, -7) <= today && today >= recoveryEnds && r.chance(0.5)) {
            status = 'cg_review';
            decide('cg', r.chance(CG_POSITIVE) ? 'positive' : 'negative', today, null, 'awaiting_cg');
          }
        }
      }
    }

    out.referrals.push({
      id,
      reference,
      kind,
      status,
      age_group: age,
      gender,
      nationality,
      exploitation_types: types,
      force_area: force,
      consent: kind === 'dtn' ? false : age === 'adult' ? true : null,
      agency_code: agency,
      agency_type: agencyType,
      responder_type: firstResponderType(agencyType, agency),
      responder_user_id: responder,
      competent_authority: COMPETENT_AUTHORITY,
      shared_with: sharedWith,
      submitted_at: new Date(`${S}T${String(r.int(7, 22)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00Z`),
      submitted_on: S,
      rg_due_on: kind === 'nrm' ? rgDueOn(S) : null,
      rg_outcome: rgOutcome,
      rg_issued_on: rgIssued,
      recovery_ends_on: recoveryEnds,
      cg_outcome: cgOutcome,
      cg_issued_on: cgIssued,
      updated_at: new Date(),
    });
    if (kind === 'nrm') {
      const name = drawName(r, nationality, gender);
      const ageYears = age === 'child' ? r.int(12, 17) : 18 + Math.floor(r.next() ** 1.5 * 40);
      out.victims.push({
        referral_id: id,
        given_name: name.given,
        family_name: name.family,
        other_names: r.chance(0.1) ? drawName(r, nationality, gender).given : null,
        date_of_birth: r.chance(0.85) ? addDays(S, -(ageYears * 365 + r.int(0, 364))) : null,
        account: null,
      });
    }
    out.facts.push({
      referral_id: id,
      reference,
      kind,
      owning_agency: COMPETENT_AUTHORITY,
      referring_agency: agency,
      referring_agency_type: agencyType,
      submitted_on: S,
      age_group: age,
      gender,
      nationality,
      exploitation_types: types,
      sectors,
      force_areas: forceAreas,
      country_of_origin: origin,
      transit_countries: transit,
      overseas_countries: overseas,
      exploitation_from: fromMonth,
      exploitation_to: toMonth,
      exploitation_ongoing: ongoing,
      indicators: pickIndicators(r),
    });
    const pos = new Map<string, number>();
    for (const it of items) {
      const p = (pos.get(it.kind) ?? 0) + 1;
      pos.set(it.kind, p);
      out.items.push({ referral_id: id, kind: it.kind, position: p, value: it.value, normalised: it.normalised, detail: it.detail ? JSON.stringify(it.detail) : null });
    }

    // Support for an adult with a positive reasonable grounds decision.
    if (kind === 'nrm' && age === 'adult' && rgOutcome === 'positive' && rgIssued) {
      const caseId = uuid(r);
      const opened = rgIssued;
      const closeOn = cgIssued ? addDays(cgIssued, r.int(30, 120)) : null;
      const closed = closeOn && closeOn <= today ? closeOn : null;
      const end = closed ?? today;
      const shared = new Set([COMPETENT_AUTHORITY]);
      let from = opened;
      let provider = PRIME_CONTRACTOR;
      const periods: { provider: string; from: IsoDate }[] = [];
      const changes: { provider: string; from: IsoDate }[] = [];
      if (r.chance(0.45)) changes.push({ provider: r.pick(SUBCONTRACTORS), from: addDays(opened, r.int(1, 30)) });
      if (r.chance(0.1)) changes.push({ provider: r.pick(SUBCONTRACTORS), from: addDays(opened, r.int(60, 400)) });
      for (const c of changes) {
        if (c.from > end || c.from <= from || c.provider === provider) continue;
        out.providers.push({ case_id: caseId, provider, from_on: from, to_on: addDays(c.from, -1), reason: provider === PRIME_CONTRACTOR ? 'Support offered after a positive reasonable grounds decision' : 'Moved nearer to family' });
        periods.push({ provider, from });
        provider = c.provider;
        from = c.from;
        shared.add(c.provider);
      }
      out.providers.push({ case_id: caseId, provider, from_on: from, to_on: closed, reason: provider === PRIME_CONTRACTOR ? 'Support offered after a positive reasonable grounds decision' : 'Placed with a subcontracted provider' });
      periods.push({ provider, from });
      if (r.chance(0.35)) {
        const nav = drawName(r, 'GB', r.chance(0.6) ? 'female' : 'male');
        out.workers.push({ case_id: caseId, role: 'navigator', name: `${nav.given} ${nav.family}`, agency_code: 'justice-and-care', from_on: addDays(opened, r.int(0, 20)), to_on: null });
        shared.add('justice-and-care');
      }
      if (agencyType === 'police_force' && r.chance(0.4)) {
        const vlo = drawName(r, 'GB', r.chance(0.5) ? 'female' : 'male');
        out.workers.push({ case_id: caseId, role: 'vlo', name: `DC ${vlo.given} ${vlo.family}`, agency_code: agency, from_on: addDays(opened, r.int(0, 20)), to_on: null });
        shared.add(agency);
      }
      for (const need of r.sample(NEEDS, r.int(2, 4))) {
        const due = addDays(opened, r.int(7, 90));
        out.plan.push({ case_id: caseId, need, action: `Arrange ${need.toLowerCase()} support`, owner: null, due_on: due, done_on: due <= today && r.chance(0.65) ? due : null });
      }
      const relocated = r.chance(0.12);
      out.accommodation.push({ case_id: caseId, kind: r.chance(0.6) ? 'safe-house' : 'outreach', force_area: force, from_on: opened, to_on: relocated ? addDays(opened, 30) : null, relocation: false, reason: null });
      if (relocated && addDays(opened, 30) <= today) {
        out.accommodation.push({ case_id: caseId, kind: 'safe-house', force_area: pickForce(r), from_on: addDays(opened, 30), to_on: null, relocation: true, reason: 'Risk from the exploiters in the home area' });
      }
      // Contacts over the last year of the case (older history is not generated).
      const disengaging = !closed && r.chance(0.12);
      let day = opened < addDays(end, -365) ? addDays(end, -365) : opened;
      const silentFrom = disengaging && r.chance(0.5) ? addDays(end, -r.int(30, 90)) : null;
      const missedTail = disengaging && !silentFrom ? r.int(3, 5) : 0;
      const planned: IsoDate[] = [];
      while (day <= end) {
        planned.push(day);
        day = addDays(day, r.int(10, 35));
      }
      planned.forEach((on, i) => {
        if (silentFrom && on >= silentFrom) return;
        const missed = i >= planned.length - missedTail || r.chance(0.12);
        const prov = [...periods].reverse().find((p) => p.from <= on);
        out.contacts.push({ case_id: caseId, contact_on: on, outcome: missed ? 'missed' : 'made', method: r.weighted([['in-person', 4], ['phone', 4], ['video', 1], ['message', 1]] as const), provider: prov?.provider ?? PRIME_CONTRACTOR, notes: null, recorded_by: navigatorUser });
      });
      out.cases.push({
        id: caseId,
        referral_id: id,
        owning_agency: PRIME_CONTRACTOR,
        shared_with: [...shared],
        opened_on: opened,
        closed_on: closed,
        close_reason: closed ? (cgOutcome === 'positive' ? 'Move-on support ended after the conclusive grounds decision' : 'Support ended after a negative conclusive grounds decision') : null,
        updated_at: new Date(),
      });
    }
    if (n % 250 === 0) opts.progress(n, total, 'referrals');
  }

  await ctx.db.transaction().execute(async (trx) => {
    const t = tables(trx) as any;
    await insertAll(t, 'referrals', out.referrals, 400);
    await insertAll(t, 'referral_victims', out.victims);
    await insertAll(t, 'referral_facts', out.facts, 400);
    await insertAll(t, 'referral_fact_items', out.items, 1000);
    await insertAll(t, 'referral_children', out.children);
    await insertAll(t, 'missing_episodes', out.episodes);
    await insertAll(t, 'referral_decisions', out.decisions, 500);
    await insertAll(t, 'referral_reconsiderations', out.reconsiderations);
    await insertAll(t, 'support_cases', out.cases);
    await insertAll(t, 'support_providers', out.providers, 1000);
    await insertAll(t, 'support_workers', out.workers, 1000);
    await insertAll(t, 'support_plan_items', out.plan, 1000);
    await insertAll(t, 'support_contacts', out.contacts, 1000);
    await insertAll(t, 'support_accommodation', out.accommodation, 1000);
    await sql`SELECT setval('referral_reference_seq', ${n + 1})`.execute(trx);
    await noticesAndReviews(trx, users, today, rng.fork('reviews'));
    await ctx.audit.append(trx, { userId: null, agencyCode: null, roles: 'system', ip: null }, [
      { action: 'demo.referrals.created', detail: { referrals: out.referrals.length, decisions: out.decisions.length, supportCases: out.cases.length } },
    ]);
  });
  opts.progress(total, total, 'referrals');
}

async function noticesAndReviews(trx: any, users: Awaited<ReturnType<typeof ensureUsers>>, today: IsoDate, rng: Rng) {
  const grace = users.byEmail.get('decision@sca.demo')!;
  const notices = [
    {
      id: uuid(rng),
      competent_authority: COMPETENT_AUTHORITY,
      title: 'Reasonable grounds: what evidence we look for',
      body: 'A reasonable grounds decision needs objective information that the person was recruited, moved or held by force, threat, deception or abuse of vulnerability, for exploitation. Record the indicators you saw and what the person said in their own words; a referral with only "suspected trafficking" is likely to be refused.',
      effective_from: addDays(today, -200),
      published_by: grace,
      published_at: new Date(`${addDays(today, -200)}T09:00:00Z`),
      withdrawn_at: null,
    },
    {
      id: uuid(rng),
      competent_authority: COMPETENT_AUTHORITY,
      title: 'Recovery period: tell people it lasts at least 45 days',
      body: 'When you explain the NRM, tell the person that a positive reasonable grounds decision starts a recovery period of at least 45 days in which they will not be removed and will be offered support, and that a conclusive grounds decision may take a long time. This helps people make an informed choice about consent.',
      effective_from: addDays(today, -7),
      published_by: grace,
      published_at: new Date(`${addDays(today, -7)}T09:00:00Z`),
      withdrawn_at: null,
    },
  ];
  await trx.insertInto('threshold_notices').values(notices).execute();
  const acks = [...users.responders.values()].flat().map((u) => ({ notice_id: notices[0]!.id, user_id: u, acknowledged_at: new Date(`${addDays(today, -150)}T12:00:00Z`) }));
  if (acks.length) await trx.insertInto('threshold_notice_acks').values(acks).onConflict((oc: any) => oc.doNothing()).execute();

  // Case-review samples for the last three complete months.
  for (let back = 3; back >= 1; back--) {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    const month = d.toISOString().slice(0, 7);
    const from = `${month}-01`;
    const next = new Date(d);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const to = addDays(next.toISOString().slice(0, 10), -1);
    const population = await trx
      .selectFrom('referral_decisions')
      .select(['id', 'decided_by', 'reviewed_by'])
      .where('review_status', '=', 'upheld')
      .where('issued_on', '>=', from)
      .where('issued_on', '<=', to)
      .orderBy('id')
      .execute();
    if (!population.length) continue;
    const seed = seedFrom(`demo:${month}`);
    const chosen = drawSample(population, 10, seed) as { id: string; decided_by: string; reviewed_by: string }[];
    const sampleId = uuid(rng);
    await trx.insertInto('case_review_samples').values({ id: sampleId, competent_authority: COMPETENT_AUTHORITY, month, size: chosen.length, seed, drawn_by: grace, drawn_at: new Date(`${addDays(to, 3)}T09:00:00Z`) }).execute();
    await trx
      .insertInto('case_review_items')
      .values(
        chosen.map((c, i) => {
          const reviewer = users.deciders.find((u) => u !== c.decided_by && u !== c.reviewed_by) ?? null;
          const done = reviewer && (back > 1 || i < chosen.length / 2);
          const finding = done ? rng.weighted([['sound', 80], ['minor', 15], ['unsound', 5]] as const) : null;
          return {
            sample_id: sampleId,
            decision_id: c.id,
            position: i + 1,
            finding,
            notes: finding === 'minor' ? 'Reasons should name the indicators relied on.' : finding === 'unsound' ? 'The evidence of control was not weighed; reconsider.' : null,
            reviewed_by: done ? reviewer : null,
            reviewed_at: done ? new Date(`${addDays(to, 10)}T09:00:00Z`) : null,
          };
        }),
      )
      .execute();
  }
}

