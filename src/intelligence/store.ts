/**
 * What other capabilities may read from the intelligence capability (they never query its tables directly):
 * the debrief-rate measures, the NCCU intelligence-document return rates (both aggregate counts, no personal data),
 * and the reports a principal may see (already filtered by ownership, agreements and handling conditions).
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { debriefsByAgency, debriefMeasures as measures } from './store/debriefs.js';
import { returnRatesByForce } from './store/nccu.js';
import { type ReportFilters, searchReports } from './store/reports.js';

/** Arrivals, approached, agreed and debriefed (migrant debriefs) by year, with the rates. */
export function debriefRateByYear(db: Kysely<any>, period: { from?: string; to?: string } = {}) {
  return measures(db, period);
}

/** Debriefs approached, agreed and completed by owning agency and subject type. */
export function debriefCountsByAgency(db: Kysely<any>, period: { from?: string; to?: string } = {}) {
  return debriefsByAgency(db, period);
}

/** NCCU intelligence documents sent and returned by force, for documents sent in the period. */
export function nccuReturnRates(ctx: AppContext, period: { from?: string; to?: string } = {}) {
  return returnRatesByForce(ctx, period);
}

/** Intelligence reports the principal may see (newest first), e.g. for an OCG's or an investigation's page. */
export function visibleIntelligenceReports(
  ctx: AppContext,
  principal: Principal,
  filters: ReportFilters,
  page = { limit: 50, offset: 0 },
) {
  return searchReports(ctx, principal, filters, page);
}

export type { ReportFilters };
