/**
 * Feeds the shared entity model (src/entities) with the people the OCG register and investigations name: group
 * members and investigation subjects become person records with their provenance (agency, handling code,
 * threats), inside the transaction that writes them. Entity resolution links them to the same person in every
 * other agency's records; the register shows the resolved person from there.
 */
import type { Kysely, Transaction } from 'kysely';
import type { HandlingConditions } from '../kernel/access/policy.js';
import type { AppContext } from '../kernel/context.js';
import { mentionsOf, recordMentions, resolveIncrementally } from '../entities/store.js';

export interface PeopleSource {
  agencyCode: string;
  kind: 'ocg' | 'investigation';
  id: string;
  handlingCode: string;
  conditions: unknown;
  threats: string[];
  recordedOn?: string;
}

/** Records the people as mentions of the source; returns their person record ids in the same order. */
export async function feedPeople(trx: Kysely<any> | Transaction<any>, src: PeopleSource, people: { role: 'member' | 'suspect'; fullName: string; nationality?: string | null }[]): Promise<string[]> {
  if (!people.length) return [];
  const r = await recordMentions(trx, {
    agencyCode: src.agencyCode,
    sourceKind: src.kind,
    sourceId: src.id,
    sourceUrl: src.kind === 'ocg' ? `/ocgs/${src.id}` : `/investigations/${src.id}`,
    handlingCode: src.handlingCode === 'C' ? 'C' : 'P',
    conditions: (src.conditions as HandlingConditions | null) ?? undefined,
    threats: [...new Set(src.threats.filter((t): t is 'msht' | 'oic' => t === 'msht' || t === 'oic'))],
    recordedOn: src.recordedOn,
    people: people.map((p) => ({ role: p.role, fullName: p.fullName, nationality: p.nationality ?? null })),
  });
  return r.people.map((p) => p.id);
}

/** Resolves new person records now (after the write has committed); a failure leaves them for the next run. */
export async function resolveNow(ctx: AppContext, recordIds: string[]): Promise<Record<string, number>> {
  if (!recordIds.length) return {};
  try {
    return (await resolveIncrementally(ctx, recordIds)).entities;
  } catch (e) {
    ctx.log.warn({ err: e }, 'entity resolution of new person records failed; the next resolution run will pick them up');
    return {};
  }
}

/** The entity each person record of a source currently belongs to (entities merge and split over time). */
export async function currentEntities(db: Kysely<any>, kind: 'ocg' | 'investigation', id: string): Promise<Map<string, string | null>> {
  const rows = await mentionsOf(db, kind, id);
  return new Map(rows.map((r) => [String(r.id), r.entity_id === null || r.entity_id === undefined ? null : String(r.entity_id)]));
}
