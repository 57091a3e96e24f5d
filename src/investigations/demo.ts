/**
 * Demo investigations shaped like the published figures (DOMAIN §6, seed 002): live MSHT investigations rising
 * from 188 (2016) to 1,479 (2019) and 4,322 (2022), then falling to 3,552 (2024), scaled; dedicated teams in 55%
 * of cases, financial investigation in 43%, victim navigators in 25%; MSA offences undercharged (drugs, sexual,
 * violence, financial, coercive control and immigration offences used instead); conviction rate about 72%;
 * CPS early advice accessible 57%, effective 33%. OIC investigations are owned as the ownership rules suggest
 * (most of the time). Sizes: small about 150 investigations, large ten times that.
 */
import { sql } from 'kysely';
import type { DemoGenerator } from '../kernel/demo/demo.js';
import { FORCES } from '../kernel/reference/forces.js';
import {
  addDaysIso,
  createRng,
  dateAt,
  demoToday,
  minIso,
  MSHT_CULTURES,
  OIC_CULTURES,
  personName,
  randomDate,
  type Rng,
  sizeFactor,
  uuidFrom,
  weightedPicker,
} from '../ocg/demo-support.js';
import { groupIndex } from '../ocg/store.js';
import { type Candidate, recommendLead } from './allocation.js';
import { NO_FACTS, type OicFacts, suggestOwner } from './ownership.js';
import { feedPeople } from '../ocg/entity-feed.js';
import { tables } from './store.js';

/** Live police MSHT investigations at each year end (seed 002); years between are interpolated. */
export const PUBLISHED_LIVE: [number, number][] = [
  [2016, 188],
  [2017, 600],
  [2018, 1000],
  [2019, 1479],
  [2020, 2400],
  [2021, 3400],
  [2022, 4322],
  [2023, 3947],
  [2024, 3552],
  [2025, 3300],
  [2026, 3200],
];

const FORCE = new Map(FORCES.map((f) => [f.code, f]));
const HOME_OFFICE_FORCES = FORCES.filter((f) => f.forceAreaCode && /^[EW]/.test(f.forceAreaCode)).map((f) => f.code);
const LEAD_FORCE = weightedPicker<string>(HOME_OFFICE_FORCES.map((f) => [f, ['met', 'west-midlands', 'gmp', 'west-yorkshire'].includes(f) ? 6 : ['kent', 'essex', 'merseyside', 'south-yorkshire', 'thames-valley', 'lancashire', 'northumbria', 'avon-and-somerset', 'btp'].includes(f) ? 3 : 1] as const));
const TYPE = weightedPicker<string>([['criminal', 35], ['labour', 30], ['sexual', 30], ['domestic_servitude', 5]]);
const ENGAGEMENT = weightedPicker<string>([['engaged', 45], ['partly_engaged', 25], ['disengaged', 20], ['not_yet_contacted', 10]]);
const MSA_SHARE: Record<string, number> = { criminal: 0.42, sexual: 0.48, labour: 0.7, domestic_servitude: 0.62 };
const ALTERNATIVE: Record<string, (readonly [string, number])[]> = {
  criminal: [['drugs', 70], ['violence', 18], ['coercive_control', 8], ['other', 4]],
  sexual: [['sexual', 72], ['coercive_control', 14], ['violence', 10], ['financial', 4]],
  labour: [['financial', 55], ['immigration', 20], ['violence', 15], ['other', 10]],
  domestic_servitude: [['coercive_control', 50], ['violence', 30], ['immigration', 20]],
};
const OFFENCE_TEXT: Record<string, string[]> = {
  msa_s1: ['s1 Modern Slavery Act 2015: holding a person in slavery or servitude', 's1 Modern Slavery Act 2015: requiring a person to perform forced or compulsory labour'],
  msa_s2: ['s2 Modern Slavery Act 2015: arranging or facilitating travel with a view to exploitation'],
  drugs: ['Being concerned in the supply of class A drugs', 'Possession with intent to supply class A drugs', 'Production of cannabis'],
  sexual: ['Controlling prostitution for gain (s53 Sexual Offences Act 2003)', 'Keeping a brothel used for prostitution'],
  violence: ['False imprisonment', 'Assault occasioning actual bodily harm', 'Kidnap'],
  financial: ['Money laundering (s327 Proceeds of Crime Act 2002)', 'Fraud by false representation'],
  coercive_control: ['Controlling or coercive behaviour (s76 Serious Crime Act 2015)'],
  immigration: ['Assisting unlawful immigration (s25 Immigration Act 1971)', 'Possession of false identity documents'],
  other: ['Conspiracy to commit an offence', 'Perverting the course of justice'],
};
const SENTENCE: Record<string, number> = { msa_s1: 65, msa_s2: 67, drugs: 48, sexual: 54, violence: 36, financial: 30, coercive_control: 22, immigration: 40, other: 24 };
const OPERATION_WORDS = [
  'Aconite', 'Bramble', 'Cobalt', 'Dunlin', 'Ember', 'Fieldfare', 'Granite', 'Heron', 'Ivory', 'Juniper', 'Kestrel', 'Larch', 'Marram', 'Nightjar', 'Osprey',
  'Pennant', 'Quartz', 'Rowan', 'Sandpiper', 'Thistle', 'Umber', 'Verdant', 'Wagtail', 'Yarrow', 'Zircon', 'Alder', 'Basalt', 'Cinder', 'Dipper', 'Egret',
  'Flint', 'Garnet', 'Hawthorn', 'Indigo', 'Jasper', 'Kittiwake', 'Linnet', 'Merlin', 'Nettle', 'Oriel', 'Plover', 'Quill', 'Redwing', 'Sorrel', 'Tern',
  'Vetch', 'Willow', 'Yellowhammer', 'Amber', 'Beacon', 'Curlew', 'Damson', 'Elder', 'Falcon', 'Gorse', 'Harrier', 'Iris', 'Kingfisher', 'Lapwing', 'Mistle',
];

const LESSONS: Record<string, string[]> = {
  criminal: [
    'Evidence-led prosecution for criminal exploitation without relying on the children’s testimony: phone downloads, cell-site and ANPR showed the control of the line; charged under s2 MSA rather than drugs offences alone.',
    'Early engagement with the CPS meant the s45 defence of the young people was addressed before charge; they were safeguarded as victims, not prosecuted.',
    'Charged as drug supply only: the exploitation was not evidenced early enough. Next time record the control and recruitment from the first arrest.',
  ],
  labour: [
    'GLAA and HMRC joined from the start; financial investigation traced wages into the controllers’ accounts, which proved the exploitation without relying on victims.',
    'Victims disengaged after relocation: a victim navigator from the first day would have kept them engaged through the trial.',
    'Joint visits with the local authority and fire service found the accommodation; photographs and tenancy records became key evidence.',
  ],
  sexual: [
    'Evidence-led case using adverts, payment records and phone data; controlling prostitution for gain and s2 MSA charged together.',
    'Victim navigator support kept two victims engaged for 18 months; both gave evidence by video link.',
    'Early advice was requested but came only after a full file; the CPS lawyer embedded later made the difference.',
  ],
  domestic_servitude: [
    'Case rested on a single victim account; neighbours’ statements and medical records corroborated it. Consider STPOs at sentencing.',
  ],
  oic: [
    'Phones seized at the scene were downloaded within days through the NCA; they identified the facilitator in Belgium.',
    'The NCCU connected the force with the on-call CFI team within the hour; the National Response Plan worked as written.',
    'Joint investigation with overseas partners through Europol: arrest and prosecution abroad counted as the outcome.',
  ],
};

function liveTargets(today: string): { year: number; end: string; target: number }[] {
  const y = Number(today.slice(0, 4));
  return PUBLISHED_LIVE.filter(([year]) => year <= y).map(([year, v]) => ({ year, end: year === y ? today : `${year}-12-31`, target: v }));
}

interface Span {
  opened: string;
  closed: string | null;
}

/** Opens and closes investigations year by year so that the number live at each year end follows the targets. */
function simulateSpans(rng: Rng, scale: number, today: string): Span[] {
  const spans: Span[] = [];
  let live: { span: Span; plannedEnd: string }[] = [];
  for (const { year, end, target } of liveTargets(today)) {
    const start = `${year}-01-01`;
    const want = Math.max(0, Math.round(target * scale));
    const closing = live.filter((l) => l.plannedEnd <= end);
    for (const l of closing) l.span.closed = l.plannedEnd;
    live = live.filter((l) => l.plannedEnd > end);
    live.sort((a, b) => a.plannedEnd.localeCompare(b.plannedEnd));
    while (live.length > want) {
      const l = live.shift()!;
      const closeOn = [randomDate(rng, start, end), addDaysIso(l.span.opened, 30)].sort().at(-1)!;
      l.span.closed = minIso(closeOn, end);
    }
    const add = want - live.length;
    for (let k = 0; k < add; k++) {
      const opened = randomDate(rng, start, addDaysIso(end, -1));
      const minEnd = addDaysIso(end, 1);
      const plannedEnd = [addDaysIso(opened, Math.round(rng.int(180, 1300))), minEnd].sort().at(-1)!;
      const span: Span = { opened, closed: null };
      spans.push(span);
      live.push({ span, plannedEnd });
    }
    // Short investigations that open and close within the year (no further action, quick charges).
    for (let k = Math.round(add * 0.35); k > 0; k--) {
      const opened = randomDate(rng, start, addDaysIso(end, -40));
      spans.push({ opened, closed: [addDaysIso(opened, rng.int(20, 200)), end].sort()[0]! });
    }
  }
  return spans;
}

function spansFor(seed: number, wanted: number, today: string): Span[] {
  let lo = 0.0005;
  let hi = 0.5;
  let best: Span[] = [];
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    const spans = simulateSpans(createRng(seed), mid, today);
    best = spans;
    if (spans.length === wanted) break;
    if (spans.length < wanted) lo = mid;
    else hi = mid;
  }
  return best;
}

export const investigationsDemo: DemoGenerator = {
  name: 'investigations',
  order: 50,
  async run(ctx, opts) {
    const rng = createRng(opts.seed ^ 0x1a7);
    const m = sizeFactor(opts.size);
    const today = demoToday();
    const groups = await groupIndex(ctx.db);
    const mshtGroups = groups.filter((g) => g.threats.some((t) => t.threat === 'msht'));
    const oicGroups = groups.filter((g) => g.threats.some((t) => t.threat === 'oic'));

    const inv: Record<string, unknown>[] = [];
    const threats: { investigation_id: string; threat: string; subtype: string }[] = [];
    const supporting: { investigation_id: string; force_code: string; duties: string }[] = [];
    const links: { investigation_id: string; ocg_id: string; linked_at: Date }[] = [];
    const subjects: Record<string, unknown>[] = [];
    const victims: Record<string, unknown>[] = [];
    const allocations: Record<string, unknown>[] = [];
    const duties: { allocation_id: string; force_code: string; duties: string }[] = [];
    const advice: Record<string, unknown>[] = [];
    const charges: Record<string, unknown>[] = [];
    const orders: Record<string, unknown>[] = [];
    let seq = 0;
    let nrm = 1;
    const usedOps = new Set<string>();
    // Single words first, then pairs; once the pairs run short (the xl size has more investigations than there are
    // pairs of words) a number tells operations apart, so the draw always ends.
    const opName = (r: Rng) => {
      for (let attempt = 0; ; attempt++) {
        const n =
          usedOps.size < OPERATION_WORDS.length * 0.8
            ? r.pick(OPERATION_WORDS)
            : `${r.pick(OPERATION_WORDS)} ${r.pick(OPERATION_WORDS)}${attempt < 20 ? '' : ` ${attempt - 18}`}`;
        if (!usedOps.has(n)) {
          usedOps.add(n);
          return n;
        }
      }
    };

    interface Plan {
      threat: 'msht' | 'oic';
      span: Span;
    }
    const plans: Plan[] = [
      ...spansFor(opts.seed ^ 0x5ea, 120 * m, today).map((span) => ({ threat: 'msht' as const, span })),
      ...Array.from({ length: 30 * m }, (_, k) => {
        const r = rng.fork(`oic-span-${k}`);
        const opened = randomDate(r, '2021-06-01', addDaysIso(today, -20));
        const closed = r.chance(0.55) ? [addDaysIso(opened, r.int(60, 900)), today].sort()[0]! : null;
        return { threat: 'oic' as const, span: { opened, closed: closed && closed < today ? closed : null } };
      }),
    ];

    for (const [k, plan] of plans.entries()) {
      const r = rng.fork(`inv-${k}`);
      const id = uuidFrom(r);
      const { opened, closed } = plan.span;
      seq++;
      const isOic = plan.threat === 'oic';
      let leadCode: string;
      let leadType: string;
      let leadForce: string | null;
      let facts: OicFacts | null = null;
      const types = new Set<string>();
      let group: (typeof groups)[number] | null = null;
      if (isOic) {
        const candidates = oicGroups.filter((g) => g.created_at.toISOString().slice(0, 10) <= opened);
        group = candidates.length && r.chance(0.75) ? r.pick(candidates) : null;
        facts = {
          ...NO_FACTS,
          fatality: r.chance(0.05),
          safetyConcern: r.chance(0.2),
          initialResponse: r.chance(0.35),
          complexFacilitation: r.chance(0.3),
          overseas: r.chance(0.25),
          online: r.chance(0.08),
          s24: r.chance(0.4),
          s25: r.chance(0.75),
          administrativeRemoval: r.chance(0.15),
        };
        const s = suggestOwner(facts);
        const area = group?.areas[0] ?? r.pick(['kent', 'sussex', 'essex', 'met', 'suffolk', 'hampshire-and-isle-of-wight']);
        const follow = r.chance(0.85);
        const owner = follow ? (s.owner ?? 'ie-cfi') : r.pick(['police', 'nca', 'ie-cfi'] as const);
        leadCode = owner === 'police' ? area : owner;
        leadType = owner === 'police' ? 'police_force' : owner === 'nca' ? 'nca' : 'home_office';
        leadForce = area;
        for (const t of group?.threats.filter((x) => x.threat === 'oic') ?? [{ threat: 'oic', subtype: r.pick(['small_boats', 'clandestine_vehicle', 'document_fraud']) }]) types.add(t.subtype);
      } else {
        leadForce = LEAD_FORCE(r);
        const rocu = FORCE.get(leadForce)?.rocuCode ?? null;
        const kind = r.weighted([['force', 82], ['rocu', 15], ['nca', 3]] as const);
        leadCode = kind === 'force' || !rocu ? leadForce : kind === 'rocu' ? rocu : 'nca';
        leadType = kind === 'force' || !rocu ? 'police_force' : kind === 'rocu' ? 'rocu' : 'nca';
        for (let n = r.chance(0.2) ? 2 : 1; n > 0; n--) types.add(TYPE(r));
        const candidates = mshtGroups.filter((g) => g.created_at.toISOString().slice(0, 10) <= opened && g.areas.includes(leadForce!));
        group = candidates.length && r.chance(0.6) ? r.pick(candidates) : null;
      }
      for (const t of types) threats.push({ investigation_id: id, threat: plan.threat, subtype: t });
      if (group) links.push({ investigation_id: id, ocg_id: group.id, linked_at: dateAt(opened, 12) });

      const dedicated = !isOic && r.chance(0.55);
      const fi = r.chance(0.43);
      const navigator = !isOic && r.chance(0.25);
      const evidenceLed = r.chance(isOic ? 0.4 : 0.3);
      const earlyAdvice = r.chance(0.45);
      const crossRegional = !isOic && r.chance(0.12);

      // Subjects.
      const culture = isOic ? OIC_CULTURES(r) : MSHT_CULTURES(r);
      const subjectIds: { id: string; role: string; force: string }[] = [];
      for (let n = r.int(1, 5), i = 0; i < n; i++) {
        const role = i === 0 ? 'principal' : r.chance(0.2) ? 'principal' : r.chance(0.7) ? 'secondary' : 'enabler';
        const sid = uuidFrom(r);
        const force = crossRegional && r.chance(0.5) ? r.pick(HOME_OFFICE_FORCES) : (leadForce ?? r.pick(HOME_OFFICE_FORCES));
        subjectIds.push({ id: sid, role, force });
        subjects.push({ id: sid, investigation_id: id, name: personName(r, culture), role, resides_force_code: force, person_entity_id: null, person_record_id: null, added_at: dateAt(minIso(addDaysIso(opened, r.int(0, 60)), today), 11) });
      }

      // Victims (held by NRM referral only).
      const victimCount = isOic ? r.int(0, 3) : r.int(1, 8);
      for (let i = 0; i < victimCount; i++) {
        victims.push({
          id: uuidFrom(r),
          investigation_id: id,
          referral_id: r.chance(0.85) ? `DEMO-NRM-${String(nrm++).padStart(6, '0')}` : null,
          label: `Victim ${i + 1}`,
          is_child: r.chance(types.has('criminal') ? 0.45 : 0.08),
          engagement: navigator ? r.weighted([['engaged', 60], ['partly_engaged', 25], ['disengaged', 10], ['not_yet_contacted', 5]] as const) : ENGAGEMENT(r),
          navigator: navigator && r.chance(0.7),
          updated_at: dateAt(opened, 15),
        });
      }

      // Cross-regional allocation.
      if (crossRegional && leadForce) {
        const region = FORCE.get(leadForce)?.region;
        const others = r.sample(HOME_OFFICE_FORCES.filter((f) => FORCE.get(f)?.region !== region), r.int(1, 2));
        const cands: Candidate[] = [leadForce, ...others].map((f, i) => ({
          forceCode: f,
          victims: i === 0 ? r.int(2, 8) : r.int(0, 4),
          harm: r.int(1, 5),
          suspects: subjectIds.filter((s) => s.role === 'principal' && s.force === f).length + (i === 0 ? 1 : 0),
          evidenceSites: r.int(0, 4),
          capacity: r.pick(['high', 'medium', 'medium', 'low'] as const),
        }));
        const rec = recommendLead(cands, (c) => FORCE.get(c)?.name ?? c);
        const decided = r.chance(0.85) ? rec.forceCode! : r.pick(cands.filter((c) => c.forceCode !== rec.forceCode)).forceCode;
        leadForce = decided;
        if (leadType === 'police_force') leadCode = decided;
        const aid = uuidFrom(r);
        allocations.push({
          id: aid,
          investigation_id: id,
          criteria: JSON.stringify({ candidates: cands, scored: rec.candidates, firstCriterionUses: rec.firstCriterionUses }),
          recommended_force_code: rec.forceCode,
          recommendation_reason: rec.reason,
          decided_force_code: decided,
          rationale:
            decided === rec.forceCode
              ? 'Follows the recommendation: most victims and the principal suspects are in this area, and it has the capacity.'
              : 'Departs from the recommendation: the recommended force’s dedicated team is committed to a linked operation; this force has the capacity and the main premises.',
          decided_by: null,
          decided_by_name: 'Regional tactical delivery group chair',
          decided_by_agency: FORCE.get(decided)?.rocuCode ?? 'npcc-msoicu',
          decided_at: dateAt(minIso(addDaysIso(opened, r.int(10, 40)), today), 14),
        });
        for (const c of cands.filter((x) => x.forceCode !== decided)) {
          const text = r.pick(['Trace and safeguard victims in its area; execute warrants at addresses there.', 'Provide the financial investigator and arrest teams for suspects living in its area.', 'Secure and download devices seized in its area; share intelligence within 48 hours.']);
          duties.push({ allocation_id: aid, force_code: c.forceCode, duties: text });
          supporting.push({ investigation_id: id, force_code: c.forceCode, duties: text });
        }
      }

      // Outcomes: better with a dedicated team, financial investigation, navigator, early advice, evidence-led.
      const status = closed
        ? null
        : r.weighted([['live', 70], ['suspended', 10], ['charged', 20]] as const);
      const chargeChance = 0.42 + (dedicated ? 0.12 : 0) + (fi ? 0.08 : 0) + (navigator ? 0.08 : 0) + (earlyAdvice ? 0.06 : 0) + (evidenceLed ? 0.04 : 0);
      const finished = closed ? r.chance(0.7) : false;
      const charged = status === 'charged' || (finished && r.chance(chargeChance));
      const finalStatus = closed ? (charged ? 'finished' : finished ? 'finished' : 'no_further_action') : status!;
      let anyConviction = false;
      if (charged) {
        const chargedOn = [addDaysIso(opened, r.int(60, 500)), closed ?? today].sort()[0]!;
        const chargedDay = minIso(chargedOn, today);
        const defendants = subjectIds.filter((s) => s.role === 'principal' || r.chance(0.5));
        for (const d of defendants) {
          const convicted = r.chance(0.7 + (evidenceLed ? 0.04 : 0) + (dedicated ? 0.03 : 0));
          const n = r.int(1, 2);
          for (let i = 0; i < n; i++) {
            const type = [...types][0]!;
            const group = isOic ? (r.chance(0.85) ? 'immigration' : 'financial') : r.chance(MSA_SHARE[type] ?? 0.5) ? (['labour', 'domestic_servitude'].includes(type) ? (r.chance(0.6) ? 'msa_s1' : 'msa_s2') : r.chance(0.7) ? 'msa_s2' : 'msa_s1') : r.weighted(ALTERNATIVE[type] ?? ALTERNATIVE.criminal!);
            const pending = !closed;
            const outcome = pending ? 'pending' : convicted ? (i === 0 || r.chance(0.7) ? 'convicted' : 'discontinued') : r.chance(0.6) ? 'acquitted' : 'discontinued';
            const outcomeOn = outcome === 'pending' ? null : [addDaysIso(chargedDay, r.int(90, 400)), closed!].sort()[0]!;
            if (outcome === 'convicted') anyConviction = true;
            charges.push({
              id: uuidFrom(r),
              investigation_id: id,
              subject_id: d.id,
              offence_group: group,
              offence: r.pick(OFFENCE_TEXT[group]!),
              charged_on: chargedDay,
              s45_raised: r.chance(0.08),
              outcome,
              outcome_on: outcomeOn,
              sentence_months: outcome === 'convicted' ? Math.max(6, Math.round((SENTENCE[group] ?? 30) + (r.next() - 0.5) * 40)) : null,
            });
          }
          if (convicted && closed && r.chance(0.08)) orders.push({ id: uuidFrom(r), investigation_id: id, subject_id: d.id, kind: 'stpo', status: r.chance(0.8) ? 'granted' : 'refused', dated_on: closed });
        }
        if (!closed && r.chance(0.03)) orders.push({ id: uuidFrom(r), investigation_id: id, subject_id: defendants[0]?.id ?? null, kind: 'stro', status: 'applied', dated_on: chargedDay });
      }
      if (earlyAdvice) {
        const requested = [addDaysIso(opened, r.int(20, 200)), closed ?? today, today].sort()[0]!;
        const received = r.chance(0.85) ? [addDaysIso(requested, r.int(7, 90)), today].sort()[0]! : null;
        advice.push({
          id: uuidFrom(r),
          investigation_id: id,
          requested_on: requested,
          received_on: received,
          accessible: r.chance(0.57),
          effective: received ? r.chance(0.33) : null,
          note: received ? 'Advice on charging under the MSA and on the s45 defence.' : 'Awaiting advice: CPS asked for a fuller file.',
        });
      }
      const assets = fi ? r.int(5, 800) * 1000 : null;
      const name = opName(r);
      const lessonsPool = isOic ? LESSONS.oic! : LESSONS[[...types][0]!] ?? LESSONS.criminal!;
      inv.push({
        id,
        reference: `INV-${opened.slice(0, 4)}-${String(seq).padStart(5, '0')}`,
        operation_name: name,
        summary: isOic
          ? `${[...types].map((t) => t.replace(/_/g, ' ')).join(' and ')} facilitation${group ? ` linked to ${group.name}` : ''}; ${facts!.s25 ? 's25 offences' : 's24 offences'}${facts!.overseas ? ', with an overseas element' : ''}.`
          : `${[...types].map((t) => t.replace(/_/g, ' ')).join(' and ')} exploitation of ${victimCount} identified victim${victimCount === 1 ? '' : 's'} in ${FORCE.get(leadForce ?? '')?.name ?? 'the force area'}${group ? `, linked to ${group.name}` : ''}.`,
        primary_threat: plan.threat,
        offences: isOic ? ['ia1971_s25', ...(facts!.s24 ? ['ia1971_s24'] : [])] : [...types].map((t): string => (t === 'sexual' || t === 'criminal' ? 'msa_s2' : 'msa_s1')).concat(types.has('criminal') ? ['drugs'] : []),
        lead_agency_code: leadCode,
        lead_agency_type: leadType,
        lead_force_code: leadForce,
        rocu_code: leadForce ? (FORCE.get(leadForce)?.rocuCode ?? null) : null,
        handling_code: 'P',
        handling_conditions: null,
        status: finalStatus,
        opened_on: opened,
        closed_on: closed,
        cross_regional: crossRegional,
        dedicated_team: dedicated,
        victim_navigator: navigator,
        evidence_led: evidenceLed,
        financial_investigation: fi,
        assets_identified_gbp: assets,
        confiscation_ordered_gbp: assets && anyConviction && r.chance(0.5) ? Math.round(assets * (0.3 + r.next() * 0.4)) : null,
        oic_facts: facts ? JSON.stringify(facts) : null,
        lessons_learnt: closed && r.chance(0.7) ? r.pick(lessonsPool) : null,
        created_by: null,
        created_at: dateAt(opened, 9),
        updated_at: dateAt(closed ?? opened, 17),
      });
      opts.progress(k + 1, plans.length, 'investigations');
    }

    await ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const put = async (table: string, rows: Record<string, unknown>[], size = 500) => {
        for (let i = 0; i < rows.length; i += size) await (t as any).insertInto(table).values(rows.slice(i, i + size)).execute();
      };
      await put('inv_investigations', inv);
      await put('inv_threats', threats);
      await put('inv_supporting_forces', supporting);
      await put('inv_groups', links);
      // Subjects become person records in the shared entity model, as live additions do.
      const subjectsBy = new Map<string, Record<string, unknown>[]>();
      for (const sr of subjects) subjectsBy.set(sr.investigation_id as string, [...(subjectsBy.get(sr.investigation_id as string) ?? []), sr]);
      for (const i of inv) {
        const list = subjectsBy.get(i.id as string) ?? [];
        const ids = await feedPeople(
          trx,
          { agencyCode: i.lead_agency_code as string, kind: 'investigation', id: i.id as string, handlingCode: 'P', conditions: null, threats: [i.primary_threat as string], recordedOn: i.opened_on as string },
          list.map((sr) => ({ role: 'suspect' as const, fullName: sr.name as string })),
        );
        list.forEach((sr, k) => {
          sr.person_record_id = ids[k] ?? null;
        });
      }
      await put('inv_subjects', subjects);
      await put('inv_victims', victims);
      await put('inv_allocations', allocations);
      await put('inv_allocation_duties', duties);
      await put('inv_cps_advice', advice);
      await put('inv_charges', charges);
      await put('inv_orders', orders);
      await sql`SELECT setval('inv_reference_seq', ${seq + 1})`.execute(trx);
      await ctx.audit.append(trx, { userId: null, agencyCode: null, roles: 'system', ip: null }, [
        { action: 'demo.investigations.created', detail: { investigations: inv.length, charges: charges.length, allocations: allocations.length } },
      ]);
    });
  },
};
