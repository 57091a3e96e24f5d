/** The map's figures: person records linked to at least one other record, per police force area, as one user may see them. */
import { sql } from 'kysely';
import type { AppContext } from '../kernel/context.js';
import type { GraphFilter } from './graph.js';
import { type NeedToKnow, visibilitySql } from './need-to-know.js';

export async function linkedRecordsByArea(
  ctx: AppContext,
  ntk: NeedToKnow,
  opts: GraphFilter & { entities?: number[] | null },
): Promise<Map<string, { records: number; people: number }>> {
  const threat = opts.threat ? sql`AND ${opts.threat} = ANY(p.threats)` : sql``;
  const from = opts.from ? sql`AND p.recorded_on >= ${opts.from}::date` : sql``;
  const to = opts.to ? sql`AND p.recorded_on <= ${opts.to}::date` : sql``;
  const scope = opts.entities ? sql`AND p.entity_id = ANY(${opts.entities}::bigint[])` : sql``;
  const rows = await sql<{ code: string; records: number; people: number }>`
    SELECT p.force_area_code AS code, count(*)::int AS records, count(DISTINCT p.entity_id)::int AS people
      FROM person_records p
     WHERE p.force_area_code IS NOT NULL AND p.entity_id IS NOT NULL
       AND p.entity_id IN (SELECT entity_id FROM person_records WHERE entity_id IS NOT NULL ${scope} GROUP BY entity_id HAVING count(*) > 1)
       AND ${visibilitySql(ntk, 'p')} ${threat} ${from} ${to} ${scope}
     GROUP BY p.force_area_code`.execute(ctx.db);
  return new Map(rows.rows.map((r) => [r.code, { records: r.records, people: r.people }]));
}
