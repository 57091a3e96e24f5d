import { addDays, daysBetween, type IsoDate } from './dates.js';

/**
 * Victim support (DOMAIN §4; seed 001 §36-37; seed 003 City Hearts): funding follows the victim to whichever
 * provider supports them, so providers are held as dated periods; engagement is a log of contacts made or
 * missed; a survivor who disengages is flagged so someone acts before they are lost to support.
 */

export interface DisengagementSettings {
  /** Consecutive missed contacts that raise the flag. */
  missedContacts: number;
  /** Days without a contact made that raise the flag. */
  daysSilent: number;
}

export const DEFAULT_DISENGAGEMENT: DisengagementSettings = { missedContacts: 3, daysSilent: 28 };

export interface Contact {
  on: IsoDate;
  outcome: 'made' | 'missed';
}

export interface DisengagementFlag {
  flagged: boolean;
  reasons: string[];
  consecutiveMissed: number;
  daysSinceContact: number | null;
}

/** Raised by either rule; the case's opening date stands in for a last contact when none was ever made. */
export function disengagement(
  contacts: readonly Contact[],
  openedOn: IsoDate,
  today: IsoDate,
  settings: DisengagementSettings = DEFAULT_DISENGAGEMENT,
): DisengagementFlag {
  const sorted = [...contacts].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let consecutiveMissed = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]!.outcome === 'missed'; i--) consecutiveMissed++;
  const lastMade = [...sorted].reverse().find((c) => c.outcome === 'made')?.on ?? null;
  const since = daysBetween(lastMade ?? openedOn, today);
  const reasons: string[] = [];
  if (consecutiveMissed >= settings.missedContacts) {
    reasons.push(`${consecutiveMissed} contacts missed in a row (the flag is raised at ${settings.missedContacts})`);
  }
  if (since >= settings.daysSilent) {
    reasons.push(`${since} days without contact${lastMade ? '' : ' since the case opened'} (the flag is raised at ${settings.daysSilent})`);
  }
  return { flagged: reasons.length > 0, reasons, consecutiveMissed, daysSinceContact: lastMade ? daysBetween(lastMade, today) : null };
}

export interface ProviderPeriod {
  caseId: string;
  provider: string;
  from: IsoDate;
  /** Last day with this provider; null while it continues. */
  to: IsoDate | null;
}

/** A new provider from a date closes the current period the day before (funding follows the victim). */
export function changeProvider(periods: readonly ProviderPeriod[], provider: string, from: IsoDate): { ok: true; close: ProviderPeriod | null } | { ok: false; message: string } {
  const current = periods.find((p) => p.to === null) ?? null;
  if (current && current.provider === provider) return { ok: false, message: 'The person is already supported by this provider.' };
  if (current && from <= current.from) {
    return { ok: false, message: 'The new provider must start after the current provider started.' };
  }
  const latest = periods.reduce<IsoDate | null>((m, p) => (p.to && (!m || p.to > m) ? p.to : m), null);
  if (latest && from <= latest) return { ok: false, message: 'The new provider must start after the previous provider ended.' };
  return { ok: true, close: current ? { ...current, to: addDays(from, -1) } : null };
}

export interface QuarterRow {
  provider: string;
  casesSupported: number;
  casesStarted: number;
  casesEnded: number;
  /** Days of support in the quarter: what funding follows. */
  supportDays: number;
  contactsMade: number;
  contactsMissed: number;
  disengaged: number;
}

/**
 * The quarterly report per provider (001 §37: delivery monitored quarterly): cases and days of support each
 * provider gave in the quarter, contacts made and missed, and cases flagged as disengaged at the quarter's end.
 */
export function quarterlyReport(
  range: { from: IsoDate; to: IsoDate },
  periods: readonly ProviderPeriod[],
  contacts: readonly (Contact & { caseId: string; provider: string })[],
  disengagedAtEnd: ReadonlySet<string>,
): QuarterRow[] {
  const rows = new Map<string, QuarterRow & { cases: Set<string> }>();
  const row = (provider: string) => {
    let r = rows.get(provider);
    if (!r) {
      r = { provider, casesSupported: 0, casesStarted: 0, casesEnded: 0, supportDays: 0, contactsMade: 0, contactsMissed: 0, disengaged: 0, cases: new Set() };
      rows.set(provider, r);
    }
    return r;
  };
  for (const p of periods) {
    const end = p.to ?? range.to;
    if (p.from > range.to || end < range.from) continue;
    const r = row(p.provider);
    r.cases.add(p.caseId);
    const from = p.from > range.from ? p.from : range.from;
    const to = end < range.to ? end : range.to;
    r.supportDays += daysBetween(from, to) + 1;
    if (p.from >= range.from) r.casesStarted++;
    if (p.to && p.to <= range.to) r.casesEnded++;
    if (disengagedAtEnd.has(p.caseId) && (p.to === null || p.to >= range.to)) r.disengaged++;
  }
  for (const c of contacts) {
    if (c.on < range.from || c.on > range.to) continue;
    const r = row(c.provider);
    if (c.outcome === 'made') r.contactsMade++;
    else r.contactsMissed++;
  }
  return [...rows.values()]
    .map(({ cases, ...r }) => ({ ...r, casesSupported: cases.size }))
    .sort((a, b) => b.casesSupported - a.casesSupported || a.provider.localeCompare(b.provider));
}

/** Who held the case on a date. */
export const providerOn = (periods: readonly ProviderPeriod[], on: IsoDate) =>
  periods.find((p) => p.from <= on && (p.to === null || p.to >= on))?.provider ?? null;
