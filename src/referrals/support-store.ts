import { sql } from 'kysely';
import type { ProviderPeriod } from './model/support.js';
import { type Db, tables } from './store.js';

/** SQL over victim support cases. */

export async function getSupportCase(db: Db, id: string, forUpdate = false) {
  let q = tables(db).selectFrom('support_cases').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type SupportCase = NonNullable<Awaited<ReturnType<typeof getSupportCase>>>;

export async function supportCaseForReferral(db: Db, referralId: string) {
  return tables(db).selectFrom('support_cases').selectAll().where('referral_id', '=', referralId).executeTakeFirst();
}

export async function openSupportCase(
  db: Db,
  c: { referralId: string; owningAgency: string; provider: string; sharedWith: string[]; openedOn: string; reason?: string },
): Promise<string> {
  const row = await tables(db)
    .insertInto('support_cases')
    .values({ referral_id: c.referralId, owning_agency: c.owningAgency, shared_with: c.sharedWith, opened_on: c.openedOn, closed_on: null, close_reason: null, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tables(db)
    .insertInto('support_providers')
    .values({ case_id: row.id, provider: c.provider, from_on: c.openedOn, to_on: null, reason: c.reason ?? 'Support offered after a positive reasonable grounds decision' })
    .execute();
  return row.id;
}

export async function caseDetail(db: Db, caseId: string) {
  const [providers, workers, plan, contacts, accommodation] = await Promise.all([
    tables(db).selectFrom('support_providers').selectAll().where('case_id', '=', caseId).orderBy('from_on').orderBy('id').execute(),
    tables(db).selectFrom('support_workers').selectAll().where('case_id', '=', caseId).orderBy('from_on').orderBy('id').execute(),
    tables(db).selectFrom('support_plan_items').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    tables(db).selectFrom('support_contacts').selectAll().where('case_id', '=', caseId).orderBy('contact_on', 'desc').orderBy('id', 'desc').execute(),
    tables(db).selectFrom('support_accommodation').selectAll().where('case_id', '=', caseId).orderBy('from_on').orderBy('id').execute(),
  ]);
  return { providers, workers, plan, contacts, accommodation };
}

export const periodsOf = (rows: { case_id: string; provider: string; from_on: string; to_on: string | null }[]): ProviderPeriod[] =>
  rows.map((p) => ({ caseId: p.case_id, provider: p.provider, from: p.from_on, to: p.to_on }));

/** Support cases the agency may see (owner or named), with their current provider and contact summary. */
export async function listSupportCases(db: Db, agencyCode: string, opts: { open?: boolean; limit?: number; offset?: number } = {}) {
  let q = tables(db)
    .selectFrom('support_cases as c')
    .innerJoin('referrals as r', 'r.id', 'c.referral_id')
    .select([
      'c.id',
      'c.referral_id',
      'c.owning_agency',
      'c.shared_with',
      'c.opened_on',
      'c.closed_on',
      'r.reference',
      'r.exploitation_types',
      'r.status',
      sql<string | null>`(SELECT provider FROM support_providers p WHERE p.case_id = c.id AND p.to_on IS NULL LIMIT 1)`.as('provider'),
    ])
    .where((eb) => eb.or([eb('c.owning_agency', '=', agencyCode), sql<boolean>`c.shared_with @> ARRAY[${agencyCode}]::text[]`]));
  if (opts.open) q = q.where('c.closed_on', 'is', null);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.orderBy('c.opened_on', 'desc').limit(opts.limit ?? 50).offset(opts.offset ?? 0).execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export async function contactsFor(db: Db, caseIds: string[]) {
  if (!caseIds.length) return new Map<string, { on: string; outcome: 'made' | 'missed' }[]>();
  const rows = await tables(db)
    .selectFrom('support_contacts')
    .select(['case_id', 'contact_on', 'outcome'])
    .where('case_id', 'in', caseIds)
    .orderBy('contact_on')
    .execute();
  const map = new Map<string, { on: string; outcome: 'made' | 'missed' }[]>();
  for (const r of rows) {
    const list = map.get(r.case_id) ?? [];
    list.push({ on: r.contact_on, outcome: r.outcome });
    map.set(r.case_id, list);
  }
  return map;
}

/** Everything the quarterly report needs: provider periods and contacts overlapping the quarter. */
export async function quarterData(db: Db, from: string, to: string) {
  const periods = await tables(db)
    .selectFrom('support_providers')
    .select(['case_id', 'provider', 'from_on', 'to_on'])
    .where('from_on', '<=', to)
    .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', from)]))
    .execute();
  const contacts = await tables(db)
    .selectFrom('support_contacts')
    .select(['case_id', 'contact_on', 'outcome', 'provider'])
    .where('contact_on', '>=', from)
    .where('contact_on', '<=', to)
    .execute();
  const openCases = await tables(db)
    .selectFrom('support_cases')
    .select(['id', 'opened_on'])
    .where('opened_on', '<=', to)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', to)]))
    .execute();
  return { periods, contacts, openCases };
}

/** All contacts up to a date of the given cases (to evaluate the disengagement flag at that date). */
export async function contactsUpTo(db: Db, caseIds: string[], to: string) {
  if (!caseIds.length) return new Map<string, { on: string; outcome: 'made' | 'missed' }[]>();
  const out = new Map<string, { on: string; outcome: 'made' | 'missed' }[]>();
  for (let i = 0; i < caseIds.length; i += 5000) {
    const rows = await tables(db)
      .selectFrom('support_contacts')
      .select(['case_id', 'contact_on', 'outcome'])
      .where('case_id', 'in', caseIds.slice(i, i + 5000))
      .where('contact_on', '<=', to)
      .execute();
    for (const r of rows) {
      const list = out.get(r.case_id) ?? [];
      list.push({ on: r.contact_on, outcome: r.outcome });
      out.set(r.case_id, list);
    }
  }
  return out;
}
