import { sql } from 'kysely';
import type { AppContext } from '../kernel/context.js';
import { THREAT_SUBTYPES } from '../ocg/model.js';
import { measureById } from '../performance/data/governance-figures.js';
import { mshtSeries } from '../performance/data/governance-figures.js';
import { CHARGE_GROUPS } from './model.js';
import { averageSentence, chargingMix, convictionRate, liveOverTime, outcomeRates } from './outcomes.js';
import { outcomeFacts } from './store.js';

const MSHT_TYPES = THREAT_SUBTYPES.msht.filter((t) => t.code !== 'organ_harvesting');

/** Everything the "what works" page and API show: national figures, MSHT and OIC kept apart. */
export async function whatWorks(ctx: AppContext) {
  const facts = await outcomeFacts(ctx.db);
  const today = new Date().toISOString().slice(0, 10);
  const groups = CHARGE_GROUPS.map((g) => g.code);
  const byThreat = (t: 'msht' | 'oic') => {
    const charges = facts.charges.filter((c) => c.threat === t);
    return {
      charges: charges.length,
      conviction: convictionRate(charges),
      chargeGroups: groups.map((g) => ({ group: g, count: charges.filter((c) => c.group === g).length })),
      outcomeRates: outcomeRates(facts.cases.filter((c) => c.threat === t)),
      closedCases: facts.cases.filter((c) => c.threat === t && c.closed).length,
    };
  };
  const msht = byThreat('msht');
  const oic = byThreat('oic');
  const mshtCharges = facts.charges.filter((c) => c.threat === 'msht');
  const [orders, s45] = await Promise.all([
    sql<{ kind: string; status: string; n: number }>`SELECT kind, status, count(*)::int AS n FROM inv_orders GROUP BY kind, status ORDER BY kind, status`.execute(ctx.db),
    sql<{ raised: number; total: number }>`SELECT count(*) FILTER (WHERE s45_raised)::int AS raised, count(*)::int AS total FROM inv_charges`.execute(ctx.db),
  ]);
  return {
    asOf: today,
    liveOverTime: liveOverTime(facts.spans, 2016, today),
    chargingMix: chargingMix(mshtCharges, MSHT_TYPES.map((t) => t.code), groups),
    msht,
    oic,
    sentences: { s1: averageSentence(mshtCharges, 'msa_s1'), s2: averageSentence(mshtCharges, 'msa_s2') },
    advice: {
      ...facts.advice,
      accessibleShare: facts.advice.answered ? facts.advice.accessible / facts.advice.answered : null,
      effectiveShare: facts.advice.effectiveAnswered ? facts.advice.effective / facts.advice.effectiveAnswered : null,
    },
    s45: s45.rows[0] ?? { raised: 0, total: 0 },
    orders: orders.rows,
    published: {
      liveInvestigations: mshtSeries.find((s) => s.id === 'live-msht-investigations')?.points ?? [],
      convictionRate: measureById('conviction-rate') ?? null,
      alternativeOffences: measureById('alternative-offences') ?? null,
      earlyAdviceAccessible: measureById('cps-early-advice-accessible') ?? null,
      earlyAdviceEffective: measureById('cps-early-advice-effective') ?? null,
      sentenceS1: measureById('average-sentence-s1') ?? null,
      sentenceS2: measureById('average-sentence-s2') ?? null,
    },
  };
}
export type WhatWorks = Awaited<ReturnType<typeof whatWorks>>;
