/**
 * The protected-values list: adding a value detaches every mention of it from its entity at once (it stops being
 * a link node) and re-scores the people it had helped join, so it no longer joins anyone; removing it lets the
 * mentions join their entity again.
 */
import { sql } from 'kysely';
import type { Actor } from '../kernel/audit/audit-log.js';
import type { AppContext } from '../kernel/context.js';
import { conflict, notFound, validationFailed } from '../kernel/errors.js';
import { protectedKey } from './mentions.js';
import { reclusterEntity } from './review.js';
import { currentIndex, exclusive } from './resolution/index-cache.js';
import { tables } from './store.js';

export const PROTECTED_KINDS = [
  { value: 'address', text: 'Address', hint: 'A safe house, refuge or office: write it with its postcode' },
  { value: 'postcode', text: 'Whole postcode', hint: 'Every address in the postcode' },
  { value: 'phone', text: 'Phone number', hint: 'A helpline or a support provider’s number' },
  { value: 'email', text: 'Email address', hint: 'A support provider’s inbox' },
] as const;
export type ProtectedKind = (typeof PROTECTED_KINDS)[number]['value'];

export async function listProtected(ctx: AppContext) {
  return tables(ctx.db).selectFrom('protected_values').selectAll().orderBy('kind').orderBy('created_at').execute();
}

/** Mentions holding the value: for an address its key, for a postcode every address in it. */
function mentionMatch(kind: ProtectedKind, key: string) {
  if (kind === 'postcode') return sql`m.kind = 'address' AND split_part(m.key, '|', 1) = ${key}`;
  return sql`m.kind = ${kind} AND m.key = ${key}`;
}

export async function addProtected(ctx: AppContext, actor: Actor & { userId: string | null }, input: { kind: ProtectedKind; value: string; reason: string }): Promise<{ id: string; detached: number; rescored: number }> {
  const fields: { field: string; message: string }[] = [];
  const value = input.value.trim();
  const reason = input.reason.trim();
  if (!value) fields.push({ field: 'value', message: 'Enter the value to protect' });
  if (!reason) fields.push({ field: 'reason', message: 'Enter why the value is protected' });
  if (reason.length > 300) fields.push({ field: 'reason', message: 'The reason must be 300 characters or fewer' });
  const key = value ? protectedKey(input.kind, value) : null;
  if (value && !key) fields.push({ field: 'value', message: input.kind === 'phone' ? 'Enter a phone number with at least 6 digits' : input.kind === 'email' ? 'Enter an email address like name@example.org' : 'Enter an address or postcode Fusion can read' });
  if (fields.length) throw validationFailed(fields);
  return exclusive(ctx, async () => {
    const result = await ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const exists = await t.selectFrom('protected_values').select('id').where('kind', '=', input.kind).where('key', '=', key!).executeTakeFirst();
      if (exists) throw conflict('This value is already protected.', [{ field: 'value', message: 'This value is already protected' }]);
      const row = await t.insertInto('protected_values').values({ kind: input.kind, value, key: key!, reason, created_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
      const detached = await sql<{ n: number }>`
        WITH d AS (UPDATE entity_mentions m SET protected = true, entity_id = NULL WHERE NOT m.protected AND ${mentionMatch(input.kind, key!)} RETURNING m.person_record_id)
        SELECT count(*)::int AS n FROM d`.execute(trx);
      await ctx.audit.append(trx, actor, [{ action: 'entities.protected.added', entityKind: 'protected_value', entityId: row.id, detail: { kind: input.kind, reason, detached: detached.rows[0]!.n } }]);
      return { id: row.id, detached: detached.rows[0]!.n };
    });
    // People joined with the help of this value are scored again without it.
    const affected = await sql<{ entity_id: number }>`
      SELECT DISTINCT p.entity_id FROM person_records p
       WHERE p.entity_id IS NOT NULL AND (
         (${input.kind} = 'phone' AND p.phone_e164 = ${key})
         OR (${input.kind} = 'email' AND p.norm_email = ${key})
         OR (${input.kind} = 'postcode' AND p.postcode = ${key})
         OR (${input.kind} = 'address' AND p.postcode = split_part(${key}, '|', 1)))`.execute(ctx.db);
    const idx = await currentIndex(ctx);
    const probability = (l: string, r: string) => {
      if (!idx.resolver.store.idIndex.has(l) || !idx.resolver.store.idIndex.has(r)) return null;
      const e = idx.resolver.explain(l, r);
      return e.veto ? 0 : e.probability;
    };
    let rescored = 0;
    for (const row of affected.rows) {
      await ctx.db.transaction().execute(async (trx) => {
        if ((await reclusterEntity(trx, Number(row.entity_id), probability)) > 1) rescored++;
      });
    }
    return { ...result, rescored };
  });
}

export async function removeProtected(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await exclusive(ctx, () =>
    ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const row = await t.deleteFrom('protected_values').where('id', '=', id).returning(['kind', 'key']).executeTakeFirst();
      if (!row) throw notFound('protected value');
      const still = await t.selectFrom('protected_values').select(['kind', 'key']).execute();
      const mentions = await sql<{ id: string; kind: string; key: string; value: string }>`
        SELECT m.id, m.kind, m.key, m.value FROM entity_mentions m WHERE m.protected AND ${mentionMatch(row.kind, row.key)}`.execute(trx);
      for (const m of mentions.rows) {
        const blocked = still.some((s) => (s.kind === m.kind && s.key === m.key) || (s.kind === 'postcode' && m.kind === 'address' && m.key.split('|')[0] === s.key));
        if (blocked || !m.key) continue;
        const e = await t
          .insertInto('entities')
          .values({ kind: m.kind, key: m.key, label: m.value.slice(0, 200), merged_into: null })
          .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet({ kind: m.kind }))
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.updateTable('entity_mentions').set({ protected: false, entity_id: Number(e.id) }).where('id', '=', m.id).execute();
      }
      await ctx.audit.append(trx, actor, [{ action: 'entities.protected.removed', entityKind: 'protected_value', entityId: id, detail: { kind: row.kind } }]);
    }),
  );
}
