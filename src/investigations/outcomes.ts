import { type Characteristic, CHARACTERISTICS, MSA_GROUPS } from './model.js';

/**
 * "What works" (seed 002 rec 12-13: "we don't know which investigations lead to successful outcomes"): pure
 * aggregations over investigations and their charges, shown with the published figures beside them.
 */

export interface InvestigationSpan {
  threat: 'msht' | 'oic';
  openedOn: string;
  closedOn: string | null;
}

/** Investigations live on 31 December of each year (on `today` for the current year). */
export function liveOverTime(items: readonly InvestigationSpan[], fromYear: number, today: string) {
  const thisYear = Number(today.slice(0, 4));
  const out: { year: number; at: string; msht: number; oic: number }[] = [];
  for (let y = fromYear; y <= thisYear; y++) {
    const at = y === thisYear ? today : `${y}-12-31`;
    let msht = 0;
    let oic = 0;
    for (const i of items) {
      if (i.openedOn <= at && (!i.closedOn || i.closedOn > at)) {
        if (i.threat === 'oic') oic++;
        else msht++;
      }
    }
    out.push({ year: y, at, msht, oic });
  }
  return out;
}

export interface ChargeFact {
  investigationId: string;
  subjectId: string | null;
  group: string;
  outcome: string;
  sentenceMonths: number | null;
  /** MSHT exploitation types of the investigation (a charge counts under each). */
  exploitation: string[];
}

/** Charges by exploitation type and charge group, and the share under the MSA for each type. */
export function chargingMix(charges: readonly ChargeFact[], types: readonly string[], groups: readonly string[]) {
  return types.map((t) => {
    const counts: Record<string, number> = Object.fromEntries(groups.map((g) => [g, 0]));
    let total = 0;
    for (const c of charges) {
      if (!c.exploitation.includes(t)) continue;
      counts[c.group] = (counts[c.group] ?? 0) + 1;
      total++;
    }
    const msa = MSA_GROUPS.reduce((s, g) => s + (counts[g] ?? 0), 0);
    return { type: t, counts, total, msaShare: total ? msa / total : null };
  });
}

/**
 * Conviction rate as the CPS counts it, per defendant: of defendants whose prosecution has finished (every
 * charge has an outcome), the share convicted of at least one charge.
 */
export function convictionRate(charges: readonly ChargeFact[]) {
  const bySubject = new Map<string, string[]>();
  for (const c of charges) {
    const key = c.subjectId ?? `${c.investigationId}:unknown`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), c.outcome]);
  }
  let finished = 0;
  let convicted = 0;
  for (const outcomes of bySubject.values()) {
    if (outcomes.includes('pending')) continue;
    finished++;
    if (outcomes.includes('convicted')) convicted++;
  }
  return { defendants: bySubject.size, finished, convicted, rate: finished ? convicted / finished : null };
}

/** Average custodial sentence in years for convictions of one charge group. */
export function averageSentence(charges: readonly ChargeFact[], group: string) {
  const s = charges.filter((c) => c.group === group && c.outcome === 'convicted' && c.sentenceMonths !== null).map((c) => c.sentenceMonths!);
  return { n: s.length, years: s.length ? s.reduce((a, b) => a + b, 0) / s.length / 12 : null };
}

export interface CaseFacts {
  id: string;
  closed: boolean;
  characteristics: Record<Characteristic, boolean>;
  charged: boolean;
  convicted: boolean;
  msaCharged: boolean;
}

/** For each characteristic, outcome rates of closed cases with it and without it. */
export function outcomeRates(cases: readonly CaseFacts[]) {
  const closed = cases.filter((c) => c.closed);
  const rate = (list: CaseFacts[], pick: (c: CaseFacts) => boolean) => (list.length ? list.filter(pick).length / list.length : null);
  return CHARACTERISTICS.map((ch) => {
    const withIt = closed.filter((c) => c.characteristics[ch.code]);
    const without = closed.filter((c) => !c.characteristics[ch.code]);
    return {
      characteristic: ch.code,
      label: ch.label,
      with: { n: withIt.length, charged: rate(withIt, (c) => c.charged), convicted: rate(withIt, (c) => c.convicted), msa: rate(withIt, (c) => c.msaCharged) },
      without: { n: without.length, charged: rate(without, (c) => c.charged), convicted: rate(without, (c) => c.convicted), msa: rate(without, (c) => c.msaCharged) },
    };
  });
}
