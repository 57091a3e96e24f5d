import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, AuditLog } from '../../src/kernel/audit/audit-log.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { type TestEnv, testEnv } from '../support/context.js';

const actor: Actor = { userId: null, agencyCode: 'met', roles: 'analyst', ip: '127.0.0.1' };
const reads = (log: AuditLog, from: number, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => log.record(actor, { action: 'test.read', entityKind: 'person', entityId: `r${from + i}`, detail: { s: 'é\u0000' } })));

/**
 * Read entries go in one conditional statement after the tail this process last saw (decision 005); when another
 * appender (another process, or a write that rolled back) has moved or not moved the head, the batch must fall
 * back to the locked path: every entry once, the chain intact.
 */
describe.each(DATABASE_KINDS)('audit log on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind, 'empty');
  });
  afterAll(async () => env?.close());

  it('keeps one intact chain, each read entry once, when another process and a rolled-back write move the head', async () => {
    const mine = new AuditLog(env.ctx.db);
    const otherProcess = new AuditLog(env.ctx.db);
    const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(env.ctx.db)).rows[0]!.n);

    await reads(mine, 0, 20); // learns the tail
    await reads(mine, 20, 20); // the conditional path
    await reads(otherProcess, 40, 7); // moves the head behind our back
    await reads(mine, 47, 20); // stale tail: must fall back, not lose or repeat entries
    await env.ctx.db
      .transaction()
      .execute(async (trx) => {
        await mine.append(trx, actor, [{ action: 'test.write', entityKind: 'person', entityId: 'rolled-back' }]);
        throw new Error('roll back');
      })
      .catch(() => {});
    await Promise.all([reads(mine, 67, 15), reads(otherProcess, 82, 15)]); // a tail guess that never committed, and a race

    const rows = await sql<{ entity_id: string }>`SELECT entity_id FROM audit_log WHERE action = 'test.read' ORDER BY seq`.execute(env.ctx.db);
    const ids = rows.rows.map((r) => r.entity_id);
    expect(ids.length).toBe(97);
    expect(new Set(ids).size).toBe(97);
    expect((await sql`SELECT 1 FROM audit_log WHERE entity_id = 'rolled-back'`.execute(env.ctx.db)).rows).toEqual([]);
    const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(env.ctx.db)).rows[0]!.n);
    expect(total - before).toBe(97);
    const verified = await mine.verify();
    expect(verified).toMatchObject({ ok: true, checked: total });
    expect(verified.head.seq).toBe(total);
  });
});
