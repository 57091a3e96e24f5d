/**
 * Demo groups, assessments, intelligence links and disruptions shaped like the published figures (DOMAIN §6,
 * seed 004): the P-grade mix of OIC-primary groups on 1 May 2024 (P1 0, P2 14, P3 31, P4 34, scaled), police OIC
 * disruptions by year (22, 204, 424, 803, 575 to 31 August 2024, scaled) with four forces (Surrey, Thames
 * Valley, Northamptonshire, Sussex) recording 62% of them, and other agencies recording the rest (3,873 against
 * 2,028). Sizes: small about 80 groups and 600 disruptions; large ten times that; xl forty.
 */
import { sql } from 'kysely';
import { hashPassword } from '../kernel/auth/passwords.js';
import type { DemoGenerator } from '../kernel/demo/demo.js';
import { DEMO_PASSWORD } from '../kernel/demo/demo.js';
import { FORCES, ROCUS } from '../kernel/reference/forces.js';
import { apportion } from './concentration.js';
import {
  addDaysIso,
  COUNTRY_OF,
  createRng,
  dateAt,
  demoToday,
  familyName,
  minIso,
  MSHT_CULTURES,
  OIC_CULTURES,
  personName,
  randomDate,
  type Rng,
  sizeFactor,
  uuidFrom,
  weightedPicker,
} from './demo-support.js';
import { DEFAULT_SCORING_CONFIG, FACTORS, type FactorRatings, type Grade, GRADES, assess, gradeFor } from './scoring.js';
import { feedPeople } from './entity-feed.js';
import { tables } from './store.js';

/** Published shapes (seed 004) the demo is scaled from. */
export const PUBLISHED = {
  oicGradeMix: { P1: 0, P2: 14, P3: 31, P4: 34 },
  policeOicByYear: [
    [2020, 22],
    [2021, 204],
    [2022, 424],
    [2023, 803],
    [2024, 575],
  ] as [number, number][],
  topFourForces: ['surrey', 'thames-valley', 'northamptonshire', 'sussex'],
  topFourShare: 0.62,
  policeTotal: 2028,
  otherTotal: 3873,
};

const HOME_OFFICE_FORCES = FORCES.filter((f) => f.forceAreaCode && /^[EW]/.test(f.forceAreaCode)).map((f) => f.code);

/** Sharing the SOC master list among the agencies that assess and disrupt groups (demo agreements). */
const SOC_KINDS = ['ocg', 'disruption', 'investigation'];
const DEMO_SOC_AGREEMENTS = [
  ['SOC master list: ROCUs to the NCA', 'rocu', 'nca'],
  ['SOC master list: NCA to ROCUs', 'nca', 'rocu'],
  ['SOC master list: within the NCA', 'nca', 'nca'],
  ['SOC master list: between ROCUs', 'rocu', 'rocu'],
  ['SOC master list: Home Office to the NCA', 'home_office', 'nca'],
  ['SOC master list: Home Office to ROCUs', 'home_office', 'rocu'],
  ['SOC master list: Home Office to police', 'home_office', 'police_force'],
  ['SOC master list: police to the Home Office', 'police_force', 'home_office'],
  ['SOC master list: NCA to the Home Office', 'nca', 'home_office'],
  ['SOC master list: ROCUs to the Home Office', 'rocu', 'home_office'],
] as const;

const OIC_AREAS = weightedPicker<string>([
  ['kent', 18], ['sussex', 8], ['essex', 8], ['met', 10], ['surrey', 5], ['thames-valley', 5], ['northamptonshire', 3], ['hampshire-and-isle-of-wight', 5],
  ['west-midlands', 6], ['gmp', 5], ['west-yorkshire', 4], ['lancashire', 3], ['merseyside', 3], ['suffolk', 3], ['bedfordshire', 3], ['humberside', 2],
  ['devon-and-cornwall', 2], ['south-wales', 2], ['north-wales', 1], ['lincolnshire', 2],
]);
const MSHT_AREAS = weightedPicker<string>(HOME_OFFICE_FORCES.map((f) => [f, ['met', 'west-midlands', 'gmp', 'west-yorkshire'].includes(f) ? 6 : ['kent', 'essex', 'merseyside', 'south-yorkshire', 'thames-valley', 'lancashire', 'northumbria', 'avon-and-somerset'].includes(f) ? 3 : 1] as const));
const OIC_METHODS = weightedPicker<string>([['small_boats', 45], ['clandestine_vehicle', 25], ['document_fraud', 10], ['visa_abuse', 10], ['air', 5], ['common_travel_area', 5]]);
const MSHT_TYPES = weightedPicker<string>([['criminal', 35], ['labour', 30], ['sexual', 30], ['domestic_servitude', 5]]);
const MEMBER_ROLE = weightedPicker<string>([['lieutenant', 12], ['facilitator', 20], ['recruiter', 10], ['transporter', 18], ['controller', 10], ['enabler', 12], ['money_launderer', 8], ['associate', 10]]);
const CATEGORY = weightedPicker<string>([['pursue', 66], ['prevent', 14], ['protect', 12], ['prepare', 8]]);
const MAGNITUDE = weightedPicker<string>([['minor', 55], ['moderate', 35], ['major', 10]]);
const PURSUE_TACTICS = weightedPicker<string>([['arrest', 40], ['charge', 12], ['seizure', 22], ['warrant', 12], ['conviction', 6], ['asset_recovery', 4], ['overseas_partner', 4]]);
const OTHER_TACTICS: Record<string, string[]> = { prevent: ['awareness', 'civil_order'], protect: ['safeguarding'], prepare: ['other', 'awareness'] };
const OTHER_RECORDERS = weightedPicker<string>([['nca', 30], ['border-force', 30], ['ie-cfi', 20], ['hoi', 10], ['ie-ice', 5], ['rocu-eastern', 2], ['rocu-south-east', 2], ['rocu-north-west', 1]]);
const OTHER_FORCE_AREA = weightedPicker<string | null>([['kent', 40], ['sussex', 8], ['essex', 8], ['met', 8], ['hampshire-and-isle-of-wight', 4], [null, 32]]);

const SUFFIX = ['network', 'OCG', 'group', 'crew', 'organisation', 'brothers'];
const TOWN_NAMES: Record<string, string> = { kent: 'Dover', sussex: 'Newhaven', essex: 'Tilbury', met: 'Ilford', 'west-midlands': 'Birmingham', gmp: 'Oldham', 'west-yorkshire': 'Bradford', merseyside: 'Bootle', lancashire: 'Preston', 'thames-valley': 'Slough', surrey: 'Woking', northamptonshire: 'Corby', suffolk: 'Ipswich', 'south-yorkshire': 'Rotherham', northumbria: 'Gateshead' };

function evidenceText(rng: Rng, tactic: string, magnitude: string, threat: string): string {
  const n = rng.int(2, 9);
  const byTactic: Record<string, string[]> = {
    arrest: [`${rng.int(1, 4)} members arrested, including the UK coordinator`, `Arrest of a facilitator who organised ${n} crossings`],
    charge: [`${rng.int(1, 3)} members charged; remanded in custody`],
    conviction: [`Principal convicted and sentenced to ${rng.int(3, 12)} years`],
    seizure: threat === 'oic' ? [`Seizure of ${n} boat engines and ${n * 4} life jackets bound for northern France`, `Seizure of ${n} counterfeit passports`, `Lorry used for clandestine entry seized`] : [`Seizure of £${n * 3},000 cash and ${n} phones`, `Cannabis farm dismantled: ${n * 40} plants seized`],
    warrant: [`Warrant executed at ${rng.int(1, 4)} addresses; phones and ledgers recovered`],
    safeguarding: [`${n} potential victims safeguarded and referred to the NRM`],
    asset_recovery: [`Account freezing orders on £${n * 12},000`],
    overseas_partner: [`Arrests by an overseas partner on UK intelligence`],
    awareness: [`Awareness campaign at ${n} car washes and nail bars`, `Hotel and haulier engagement on clandestine entry`],
    civil_order: [`Slavery and Trafficking Risk Order granted against a member`],
    other: [`Joint exercise with partners on the response to a lorry drop`],
  };
  const effect: Record<string, string> = {
    major: 'Intelligence since shows the group has stopped operating in this area.',
    moderate: 'Intelligence since shows a marked drop in activity for several months.',
    minor: 'Short-term effect on the group’s activity.',
  };
  return `${rng.pick(byTactic[tactic] ?? byTactic.other!)}. ${effect[magnitude]}`;
}

/** Ratings whose score falls in the target grade's band under the default configuration. */
function ratingsFor(rng: Rng, grade: Grade, threat: string): FactorRatings {
  const base = { P1: 4.5, P2: 3.8, P3: 2.9, P4: 1.9 }[grade];
  for (let i = 0; i < 2000; i++) {
    const r = Object.fromEntries(FACTORS.map((f) => [f, Math.max(1, Math.min(5, Math.round(base + (rng.next() - 0.5) * 2.4 - (f === 'confidence' && threat === 'oic' ? 0.6 : 0))))])) as FactorRatings;
    if (gradeFor(assess(r, DEFAULT_SCORING_CONFIG).score, DEFAULT_SCORING_CONFIG) === grade) return r;
  }
  throw new Error(`no ratings found for ${grade}`);
}

const DECISION_BY_GRADE: Record<Grade, (readonly [string, number])[]> = {
  P1: [['investigate', 80], ['disrupt', 20]],
  P2: [['investigate', 55], ['disrupt', 35], ['develop_intelligence', 10]],
  P3: [['develop_intelligence', 45], ['disrupt', 30], ['monitor', 25]],
  P4: [['monitor', 65], ['develop_intelligence', 35]],
};
const RATIONALE: Record<string, string> = {
  investigate: 'Sufficient intelligence and harm to justify a proactive investigation; tasked through regional tasking and coordination.',
  disrupt: 'Disruption opportunities identified (enablers, assets, vehicles); task partners to disrupt while intelligence develops.',
  develop_intelligence: 'Intelligence gaps on leadership and finances; collection plan agreed with the force and the ROCU.',
  monitor: 'Limited current intelligence; passive response, scanning for disruption opportunities.',
};

export const ocgDemo: DemoGenerator = {
  name: 'organised crime groups and disruptions',
  order: 40,
  async run(ctx, opts) {
    const rng = createRng(opts.seed ^ 0x0c6);
    const m = sizeFactor(opts.size);
    const today = demoToday();
    const users = new Map((await sql<{ id: string; email: string }>`SELECT id, email FROM users WHERE demo`.execute(ctx.db)).rows.map((r) => [r.email, r.id]));

    // Agreements that let NCA and ROCU staff see the whole SOC master list.
    for (const [name, from, to] of DEMO_SOC_AGREEMENTS) {
      const exists = await ctx.db.selectFrom('sharing_agreements').select('id').where('name', '=', name).executeTakeFirst();
      if (!exists) {
        await ctx.db
          .insertInto('sharing_agreements')
          .values({ name, from_agency_code: null, from_agency_type: from, to_agency_code: null, to_agency_type: to, record_kinds: SOC_KINDS, purposes: ['law-enforcement'], valid_until: null })
          .execute();
      }
    }
    // A supervisor at the NCA itself, who may change the scoring and assess groups.
    const nca = await ctx.db.selectFrom('agencies').select('id').where('code', '=', 'nca').executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('users')
      .values({ email: 'ocg@nca.demo', name: 'Rachel Osei', agency_id: nca.id, roles: ['supervisor', 'analyst', 'intelligence_officer'], password_hash: await hashPassword(DEMO_PASSWORD), demo: true, oidc_subject: null, locked_until: null })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    await ctx.agreements.refresh();

    // ---- groups -----------------------------------------------------------------------------------------------
    const oicCount = 64 * m;
    const mshtCount = 16 * m;
    const oicGrades = apportion(GRADES.map((g) => PUBLISHED.oicGradeMix[g]), oicCount);
    const mshtGrades = apportion([1, 4, 6, 5], mshtCount);
    const plan: { threat: 'oic' | 'msht'; grade: Grade | null }[] = [];
    GRADES.forEach((g, i) => {
      for (let k = 0; k < oicGrades[i]!; k++) plan.push({ threat: 'oic', grade: g });
      for (let k = 0; k < mshtGrades[i]!; k++) plan.push({ threat: 'msht', grade: g });
    });
    // A few recently recorded groups not yet assessed.
    for (let k = 0; k < 2 * m; k++) plan.push({ threat: 'oic', grade: null });
    for (let k = 0; k < m; k++) plan.push({ threat: 'msht', grade: null });
    rng.shuffle(plan);

    const groupRows: Record<string, unknown>[] = [];
    const threatRows: { ocg_id: string; threat: string; subtype: string }[] = [];
    const areaRows: { ocg_id: string; force_code: string; force_area_code: string | null }[] = [];
    const memberRows: Record<string, unknown>[] = [];
    const assessmentRows: Record<string, unknown>[] = [];
    const linkRows: { ocg_id: string; report_id: string; linked_at: Date; linked_by: null; linked_by_agency: string }[] = [];
    const groups: { id: string; threat: 'oic' | 'msht'; threats: string[]; grade: Grade | null; created: string; areas: string[] }[] = [];
    const usedNames = new Set<string>();
    let intelSeq = 1;
    const forceOf = new Map(FORCES.map((f) => [f.code, f]));
    const assessors = [
      { name: 'James Carter', agency: 'nca', email: 'analyst@nca.demo' },
      { name: 'Rachel Osei', agency: 'nca', email: 'ocg@nca.demo' },
      { name: 'Helen Price', agency: 'rocu-north-west', email: 'coordinator@rocu-north-west.demo' },
    ];

    for (const [i, p] of plan.entries()) {
      const g = rng.fork(`group-${i}`);
      const id = uuidFrom(g);
      const culture = p.threat === 'oic' ? OIC_CULTURES(g) : MSHT_CULTURES(g);
      const areas = [...new Set(Array.from({ length: g.int(1, 3) }, () => (p.threat === 'oic' ? OIC_AREAS(g) : MSHT_AREAS(g))))];
      let name = '';
      for (let tries = 0; tries < 20 && (!name || usedNames.has(name)); tries++) {
        name = g.chance(0.25) && TOWN_NAMES[areas[0]!] ? `${TOWN_NAMES[areas[0]!]} ${familyName(g, culture)} ${g.pick(SUFFIX)}` : `${familyName(g, culture)} ${g.pick(SUFFIX)}`;
      }
      if (usedNames.has(name)) name = `${name} ${i}`;
      usedNames.add(name);
      const created = p.grade ? randomDate(g, '2019-01-07', addDaysIso(today, -120)) : randomDate(g, addDaysIso(today, -60), addDaysIso(today, -3));
      const ownerKind = p.threat === 'oic' ? g.weighted([['nca', 35], ['rocu', 35], ['force', 30]] as const) : g.weighted([['force', 60], ['rocu', 35], ['nca', 5]] as const);
      const rocu = forceOf.get(areas[0]!)?.rocuCode ?? g.pick(ROCUS).code;
      const owner = ownerKind === 'nca' ? 'nca' : ownerKind === 'rocu' ? rocu : areas[0]!;
      const ownerType = ownerKind === 'nca' ? 'nca' : ownerKind === 'rocu' ? 'rocu' : 'police_force';
      const subtypes = new Set<string>();
      const primaryTypes = p.threat === 'oic' ? OIC_METHODS : MSHT_TYPES;
      for (let k = g.int(1, 2); k > 0; k--) subtypes.add(primaryTypes(g));
      for (const s of subtypes) threatRows.push({ ocg_id: id, threat: p.threat, subtype: s });
      const threats = [p.threat];
      if (g.chance(p.threat === 'oic' ? 0.2 : 0.15)) {
        const other = p.threat === 'oic' ? 'msht' : 'oic';
        threats.push(other);
        threatRows.push({ ocg_id: id, threat: other, subtype: other === 'oic' ? OIC_METHODS(g) : g.pick(['labour', 'criminal', 'sexual']) });
      }
      for (const a of areas) areaRows.push({ ocg_id: id, force_code: a, force_area_code: forceOf.get(a)?.forceAreaCode ?? null });
      const handling = g.chance(0.9) ? 'P' : 'C';
      const conditions =
        handling === 'C'
          ? g.chance(0.3)
            ? { namedAgencies: ['nca', owner], text: 'Covert source: share only with the NCA and the owner.' }
            : { text: 'Not for use in court without the originator’s consent.' }
          : null;

      // Members.
      const size = p.threat === 'oic' ? g.int(3, 8) : g.int(3, 10);
      for (let k = 0; k < size; k++) {
        const role = k === 0 ? 'principal' : MEMBER_ROLE(g);
        const overseas = p.threat === 'oic' && g.chance(role === 'principal' ? 0.7 : 0.35);
        memberRows.push({
          id: uuidFrom(g),
          ocg_id: id,
          name: personName(g, culture, g.chance(p.threat === 'oic' ? 0.9 : 0.75)),
          role,
          location: overseas ? 'overseas' : g.chance(0.85) ? 'uk' : 'unknown',
          country: overseas ? g.pick(COUNTRY_OF[culture] ?? ['France']) : null,
          person_entity_id: null,
          person_record_id: null,
          added_by: null,
          added_at: dateAt(addDaysIso(created, g.int(0, 30))),
          removed_at: null,
        });
      }

      // Assessments: the latest gives the target grade; the due date falls before or after today.
      let lastAssessed: string | null = null;
      let latest: { score: number; grade: Grade; tier: number; nextDue: string | null } | null = null;
      if (p.grade) {
        const interval = DEFAULT_SCORING_CONFIG.reviewDays[p.grade];
        const ageDays = Math.round(interval * (0.08 + g.next() * 1.3));
        const last = [addDaysIso(today, -ageDays), addDaysIso(created, 14)].sort().at(-1)!;
        const dates = [last];
        for (let k = g.int(0, 3); k > 0; k--) {
          const prev = addDaysIso(dates[0]!, -interval);
          if (prev <= addDaysIso(created, 14)) break;
          dates.unshift(prev);
        }
        dates.forEach((d, k) => {
          const isLast = k === dates.length - 1;
          const targetGrade: Grade = isLast ? p.grade! : GRADES[Math.max(0, Math.min(3, GRADES.indexOf(p.grade!) + g.pick([-1, 0, 0, 1])))]!;
          const ratings = ratingsFor(g, targetGrade, p.threat);
          const res = assess(ratings, DEFAULT_SCORING_CONFIG);
          const decision = g.weighted(DECISION_BY_GRADE[res.grade]);
          const who = g.pick(assessors);
          const nextDue = addDaysIso(d, DEFAULT_SCORING_CONFIG.reviewDays[res.grade]);
          assessmentRows.push({
            id: uuidFrom(g),
            ocg_id: id,
            assessed_at: dateAt(d, g.int(9, 17)),
            assessed_by: users.get(who.email) ?? null,
            assessor_name: who.name,
            assessor_agency_code: who.agency,
            ...ratings,
            config_version: 0,
            config: JSON.stringify(DEFAULT_SCORING_CONFIG),
            score: res.score,
            computed_grade: res.grade,
            grade: res.grade,
            override_reason: null,
            tier: res.tier,
            decision,
            rationale: RATIONALE[decision]!,
            intelligence_count: 0,
            new_intelligence_count: 0,
            next_due: nextDue,
          });
          if (isLast) latest = { score: res.score, grade: res.grade, tier: res.tier, nextDue };
        });
        lastAssessed = last;
      }

      // Intelligence: little on low-graded OIC groups (the vicious circle); new reports on some since the last assessment.
      const intelCount = p.grade === 'P1' || p.grade === 'P2' ? g.int(3, 10) : p.grade === 'P3' ? g.int(1, 5) : g.int(0, 3);
      for (let k = 0; k < intelCount; k++) {
        const on = randomDate(g, created, lastAssessed ? addDaysIso(lastAssessed, -1) : today);
        linkRows.push({ ocg_id: id, report_id: `DEMO-INT-${String(intelSeq++).padStart(6, '0')}`, linked_at: dateAt(on, g.int(8, 18)), linked_by: null, linked_by_agency: owner });
      }
      if (lastAssessed && lastAssessed < addDaysIso(today, -2) && g.chance(p.grade === 'P3' || p.grade === 'P4' ? 0.22 : 0.3)) {
        for (let k = g.int(1, 2); k > 0; k--) {
          const on = randomDate(g, addDaysIso(lastAssessed, 1), today);
          linkRows.push({ ocg_id: id, report_id: `DEMO-INT-${String(intelSeq++).padStart(6, '0')}`, linked_at: dateAt(on, g.int(8, 18)), linked_by: null, linked_by_agency: areas[0]! });
        }
      }

      const l = latest as { score: number; grade: Grade; tier: number; nextDue: string | null } | null;
      groupRows.push({
        id,
        reference: `OCG-${created.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
        name,
        aliases: g.chance(0.3) ? [`${familyName(g, culture)} ${g.pick(SUFFIX)}`] : [],
        summary: p.threat === 'oic'
          ? `Facilitates ${[...subtypes].map((s) => s.replace(/_/g, ' ')).join(' and ')} into the UK; UK cell in ${areas.map((a) => forceOf.get(a)?.name ?? a).join(', ')}.`
          : `Exploits victims (${[...subtypes].map((s) => s.replace(/_/g, ' ')).join(', ')}) in ${areas.map((a) => forceOf.get(a)?.name ?? a).join(', ')}.`,
        primary_threat: p.threat,
        other_criminality: g.chance(0.3) ? [g.pick(['drugs', 'money_laundering', 'fraud', 'firearms', 'violence'])] : [],
        owning_agency_code: owner,
        owning_agency_type: ownerType,
        handling_code: handling,
        handling_conditions: conditions ? JSON.stringify(conditions) : null,
        status: 'active',
        grade: l?.grade ?? null,
        tier: l?.tier ?? null,
        score: l?.score ?? null,
        last_assessed_at: lastAssessed ? dateAt(lastAssessed, 17) : null,
        next_assessment_due: l?.nextDue ?? null,
        created_by: null,
        created_at: dateAt(created, 9),
        updated_at: dateAt(lastAssessed ?? created, 18),
      });
      groups.push({ id, threat: p.threat, threats, grade: p.grade, created, areas });
      opts.progress(i + 1, plan.length, 'groups');
    }

    // The last-assessed timestamp is end of day, but assessment rows are during the day: align them.
    for (const a of assessmentRows) {
      const g = groupRows.find((x) => x.id === a.ocg_id)!;
      const sameDay = (a.assessed_at as Date).toISOString().slice(0, 10) === (g.last_assessed_at as Date | null)?.toISOString().slice(0, 10);
      if (sameDay) g.last_assessed_at = a.assessed_at;
    }
    // Intelligence counts known at each assessment.
    const linksBy = new Map<string, Date[]>();
    for (const l of linkRows) linksBy.set(l.ocg_id, [...(linksBy.get(l.ocg_id) ?? []), l.linked_at]);
    const prevBy = new Map<string, Date>();
    for (const a of [...assessmentRows].sort((x, y) => (x.assessed_at as Date).getTime() - (y.assessed_at as Date).getTime())) {
      const links = linksBy.get(a.ocg_id as string) ?? [];
      const at = a.assessed_at as Date;
      const prev = prevBy.get(a.ocg_id as string) ?? new Date(0);
      a.intelligence_count = links.filter((d) => d <= at).length;
      a.new_intelligence_count = links.filter((d) => d <= at && d > prev).length;
      prevBy.set(a.ocg_id as string, at);
    }

    await ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      for (let i = 0; i < groupRows.length; i += 500) await t.insertInto('ocg_groups').values(groupRows.slice(i, i + 500) as never).execute();
      for (let i = 0; i < threatRows.length; i += 1000) await t.insertInto('ocg_threats').values(threatRows.slice(i, i + 1000)).execute();
      for (let i = 0; i < areaRows.length; i += 1000) await t.insertInto('ocg_areas').values(areaRows.slice(i, i + 1000)).execute();
      // Members become person records in the shared entity model, as live additions do.
      const membersBy = new Map<string, Record<string, unknown>[]>();
      for (const mr of memberRows) membersBy.set(mr.ocg_id as string, [...(membersBy.get(mr.ocg_id as string) ?? []), mr]);
      for (const g of groupRows) {
        const list = membersBy.get(g.id as string) ?? [];
        const ids = await feedPeople(
          trx,
          {
            agencyCode: g.owning_agency_code as string,
            kind: 'ocg',
            id: g.id as string,
            handlingCode: g.handling_code as string,
            conditions: g.handling_conditions ? JSON.parse(g.handling_conditions as string) : null,
            threats: threatRows.filter((x) => x.ocg_id === g.id).map((x) => x.threat),
            recordedOn: (g.created_at as Date).toISOString().slice(0, 10),
          },
          list.map((mr) => ({ role: 'member' as const, fullName: mr.name as string })),
        );
        list.forEach((mr, i) => {
          mr.person_record_id = ids[i] ?? null;
        });
      }
      for (let i = 0; i < memberRows.length; i += 1000) await t.insertInto('ocg_members').values(memberRows.slice(i, i + 1000) as never).execute();
      for (let i = 0; i < assessmentRows.length; i += 500) await t.insertInto('ocg_assessments').values(assessmentRows.slice(i, i + 500) as never).execute();
      for (let i = 0; i < linkRows.length; i += 1000) await t.insertInto('ocg_intelligence_links').values(linkRows.slice(i, i + 1000)).execute();
      await sql`SELECT setval('ocg_reference_seq', ${groupRows.length + 1})`.execute(trx);
    });

    // ---- disruptions ------------------------------------------------------------------------------------------
    const d = rng.fork('disruptions');
    const drafts: { threat: 'oic' | 'msht'; on: string; recorder: string; recorderType: string; force: string | null }[] = [];
    const policeWindow = 158 * m;
    const otherWindow = 302 * m;
    const yearCounts = (total: number) => apportion(PUBLISHED.policeOicByYear.map(([, v]) => v), total);
    const yearDate = (rng: Rng, year: number) => randomDate(rng, `${year}-01-01`, year === 2024 ? '2024-08-31' : `${year}-12-31`);

    // Police: the four forces record 62%; the rest is spread over the other Home Office forces (Zipf-like).
    const others = d.shuffle(HOME_OFFICE_FORCES.filter((f) => !PUBLISHED.topFourForces.includes(f)));
    const otherWeights = others.map((_, i) => 1 / (i + 1.6));
    const otherSum = otherWeights.reduce((s, w) => s + w, 0);
    const forceWeights: [string, number][] = [
      ['surrey', 0.19],
      ['thames-valley', 0.165],
      ['northamptonshire', 0.14],
      ['sussex', 0.125],
      ...others.map((f, i) => [f, ((1 - PUBLISHED.topFourShare) * otherWeights[i]!) / otherSum] as [string, number]),
    ];
    const policeSlots = (total: number) => {
      const counts = apportion(forceWeights.map(([, w]) => w), total);
      return d.shuffle(forceWeights.flatMap(([f], i) => Array.from({ length: counts[i]! }, () => f)));
    };
    const windowForces = policeSlots(policeWindow);
    let slot = 0;
    yearCounts(policeWindow).forEach((n, yi) => {
      for (let k = 0; k < n; k++) {
        const f = windowForces[slot++]!;
        drafts.push({ threat: 'oic', on: yearDate(d, PUBLISHED.policeOicByYear[yi]![0]), recorder: f, recorderType: 'police_force', force: f });
      }
    });
    yearCounts(otherWindow).forEach((n, yi) => {
      for (let k = 0; k < n; k++) {
        const r = OTHER_RECORDERS(d);
        drafts.push({ threat: 'oic', on: yearDate(d, PUBLISHED.policeOicByYear[yi]![0]), recorder: r, recorderType: r.startsWith('rocu') ? 'rocu' : r === 'nca' ? 'nca' : 'home_office', force: OTHER_FORCE_AREA(d) });
      }
    });
    // Since the published extract (1 September 2024 to today).
    const recentPolice = policeSlots(21 * m);
    for (const f of recentPolice) drafts.push({ threat: 'oic', on: randomDate(d, '2024-09-01', today), recorder: f, recorderType: 'police_force', force: f });
    for (let k = 0; k < 39 * m; k++) {
      const r = OTHER_RECORDERS(d);
      drafts.push({ threat: 'oic', on: randomDate(d, '2024-09-01', today), recorder: r, recorderType: r.startsWith('rocu') ? 'rocu' : r === 'nca' ? 'nca' : 'home_office', force: OTHER_FORCE_AREA(d) });
    }
    // MSHT disruptions, kept apart from OIC.
    for (let k = 0; k < 80 * m; k++) {
      const glaa = d.chance(0.08);
      const f = MSHT_AREAS(d);
      drafts.push({ threat: 'msht', on: randomDate(d, d.chance(0.3) ? '2020-01-01' : '2023-01-01', today), recorder: glaa ? 'glaa' : f, recorderType: glaa ? 'regulator' : 'police_force', force: f });
    }
    drafts.sort((a, b) => a.on.localeCompare(b.on));

    const byThreat = { oic: groups.filter((g) => g.threats.includes('oic')), msht: groups.filter((g) => g.threats.includes('msht')) };
    const gradeWeight = (g: (typeof groups)[number]) => (g.grade === 'P1' ? 8 : g.grade === 'P2' ? 5 : g.grade === 'P3' ? 2 : 1);
    const seq = new Map<number, number>();
    const disruptionRows = drafts.map((x, i) => {
      const r = d.fork(`d-${i}`);
      const candidates = byThreat[x.threat].filter((g) => g.created <= x.on);
      const group = candidates.length && r.chance(0.7) ? r.weighted(candidates.map((g) => [g, gradeWeight(g)] as const)) : null;
      const category = CATEGORY(r);
      const tactic = category === 'pursue' ? PURSUE_TACTICS(r) : r.pick(OTHER_TACTICS[category]!);
      const magnitude = MAGNITUDE(r);
      const year = Number(x.on.slice(0, 4));
      const n = (seq.get(year) ?? 0) + 1;
      seq.set(year, n);
      const recent = x.on >= addDaysIso(today, -45);
      const status = recent && r.chance(0.6) ? 'recorded' : r.chance(0.1) ? 'recorded' : 'validated';
      return {
        id: uuidFrom(r),
        reference: `DSR-${year}-${String(n).padStart(5, '0')}`,
        ocg_id: group?.id ?? null,
        threat: x.threat,
        category,
        magnitude,
        tactic,
        evidence: evidenceText(r, tactic, magnitude, x.threat),
        disrupted_on: x.on,
        recording_agency_code: x.recorder,
        recording_agency_type: x.recorderType,
        force_code: x.force,
        status,
        recorded_by: null,
        recorded_by_name: x.recorderType === 'police_force' ? `DC ${personName(r, 'english')}` : personName(r, 'english'),
        validated_by: null,
        validated_by_name: (status === "validated" ? `DS ${personName(r, "english")}` : null) as string | null,
        validated_at: status === 'validated' ? dateAt(minIso(addDaysIso(x.on, r.int(1, 20)), today), 12) : null,
        validation_note: null as string | null,
        created_at: dateAt(x.on, r.int(9, 18)),
      };
    });
    // A few rejected by supervisors (never counted), and some awaiting validation where demo supervisors work.
    for (let k = 0; k < 12 * m; k++) {
      const r = d.fork(`rejected-${k}`);
      const base = r.pick(disruptionRows.filter((x) => x.threat === 'oic'));
      const year = Number(base.disrupted_on.slice(0, 4));
      const n = (seq.get(year) ?? 0) + 1;
      seq.set(year, n);
      disruptionRows.push({ ...base, id: uuidFrom(r), reference: `DSR-${year}-${String(n).padStart(5, '0')}`, status: 'rejected', validated_by_name: `DS ${personName(r, 'english')}`, validation_note: 'Duplicate of a disruption already recorded by another agency.', evidence: `${base.evidence} (recorded twice)` });
    }
    for (const [k, agency] of ['met', 'met', 'west-yorkshire', 'rocu-north-west'].entries()) {
      const r = d.fork(`pending-${k}`);
      const on = randomDate(r, addDaysIso(today, -20), addDaysIso(today, -1));
      const n = (seq.get(Number(on.slice(0, 4))) ?? 0) + 1;
      seq.set(Number(on.slice(0, 4)), n);
      const group = r.pick(byThreat.msht);
      disruptionRows.push({
        id: uuidFrom(r),
        reference: `DSR-${on.slice(0, 4)}-${String(n).padStart(5, '0')}`,
        ocg_id: group.id,
        threat: 'msht',
        category: 'pursue',
        magnitude: 'moderate',
        tactic: 'warrant',
        evidence: evidenceText(r, 'warrant', 'moderate', 'msht'),
        disrupted_on: on,
        recording_agency_code: agency,
        recording_agency_type: agency.startsWith('rocu') ? 'rocu' : 'police_force',
        force_code: agency.startsWith('rocu') ? 'gmp' : agency,
        status: 'recorded',
        recorded_by: null,
        recorded_by_name: `DC ${personName(r, 'english')}`,
        validated_by: null,
        validated_by_name: null,
        validated_at: null,
        validation_note: null,
        created_at: dateAt(on, 11),
      });
    }
    await ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      for (let i = 0; i < disruptionRows.length; i += 500) await t.insertInto('ocg_disruptions').values(disruptionRows.slice(i, i + 500) as never).execute();
      await sql`SELECT setval('ocg_disruption_reference_seq', ${disruptionRows.length + 1})`.execute(trx);
      await ctx.audit.append(trx, { userId: null, agencyCode: null, roles: 'system', ip: null }, [
        { action: 'demo.ocg.created', detail: { groups: groupRows.length, assessments: assessmentRows.length, intelligenceLinks: linkRows.length, disruptions: disruptionRows.length } },
      ]);
    });
    opts.progress(plan.length, plan.length, 'disruptions');
  },
};
