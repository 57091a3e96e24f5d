import type { Kysely } from 'kysely';
import { AGENCIES, EXPLOITATION_TYPES, THREATS } from '../reference/agencies.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('agencies')
    .values(
      AGENCIES.map((a) => ({
        code: a.code,
        name: a.name,
        type: a.type,
        region: a.region ?? null,
        force_area_code: a.forceAreaCode ?? null,
        rocu_code: a.rocuCode ?? null,
        parent_code: a.parentCode ?? null,
        first_responder: a.firstResponder ?? false,
      })),
    )
    .execute();
  await db
    .insertInto('exploitation_types')
    .values(EXPLOITATION_TYPES.map((e, i) => ({ code: e.code, label: e.label, sort: i })))
    .execute();
  await db.insertInto('threats').values(THREATS.map((t) => ({ ...t }))).execute();
}
