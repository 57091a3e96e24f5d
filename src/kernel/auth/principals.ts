import type { Kysely } from 'kysely';
import type { Principal } from '../access/principal.js';
import { isRole } from '../access/roles.js';
import type { KernelTables } from '../db/tables.js';
import type { AgencyType } from '../reference/agencies.js';

export async function loadPrincipal(
  db: Kysely<KernelTables>,
  userId: string,
  via: Principal['via'],
  scopes?: string[],
): Promise<Principal | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.roles',
      'users.disabled',
      'agencies.code as agency_code',
      'agencies.name as agency_name',
      'agencies.type as agency_type',
      'agencies.region',
      'agencies.force_area_code',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    agencyType: row.agency_type as AgencyType,
    region: row.region,
    forceAreaCode: row.force_area_code,
    roles: row.roles.filter(isRole),
    scopes,
    via,
  };
}
