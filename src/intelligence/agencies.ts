import type { Kysely } from 'kysely';
import type { AppContext } from '../kernel/context.js';

export interface AgencyInfo {
  code: string;
  name: string;
  type: string;
  region: string | null;
  forceAreaCode: string | null;
}

const cache = new WeakMap<object, Promise<Map<string, AgencyInfo>>>();

/**
 * Agencies by code (reference data: loaded once per database). Inside a transaction pass it as `db`: the embedded
 * database has one connection, so a query on `ctx.db` there would wait for the transaction forever.
 */
export function agencies(ctx: AppContext, db?: Kysely<any>): Promise<Map<string, AgencyInfo>> {
  let p = cache.get(ctx.db);
  if (!p) {
    const source = (db ?? ctx.db) as Kysely<any>;
    const loading: Promise<Map<string, AgencyInfo>> = source
      .selectFrom('agencies')
      .select(['code', 'name', 'type', 'region', 'force_area_code'])
      .orderBy('name')
      .execute()
      .then(
        (
          rows: {
            code: string;
            name: string;
            type: string;
            region: string | null;
            force_area_code: string | null;
          }[],
        ) =>
          new Map(
            rows.map((r) => [
              r.code,
              {
                code: r.code,
                name: r.name,
                type: r.type,
                region: r.region,
                forceAreaCode: r.force_area_code,
              },
            ]),
          ),
      );
    loading.catch(() => cache.delete(ctx.db));
    cache.set(ctx.db, loading);
    p = loading;
  }
  return p;
}

export async function agencyName(ctx: AppContext, code: string | null | undefined): Promise<string> {
  if (!code) return '';
  return (await agencies(ctx)).get(code)?.name ?? code;
}

/** Police forces (the areas reports, plans and NCCU contacts are about), sorted by name. */
export async function forces(ctx: AppContext): Promise<AgencyInfo[]> {
  return [...(await agencies(ctx)).values()].filter((a) => a.type === 'police_force');
}

export async function regions(ctx: AppContext): Promise<string[]> {
  return [...new Set((await forces(ctx)).map((f) => f.region).filter((r): r is string => !!r))].sort();
}
