import { type Kysely, sql, type Transaction } from 'kysely';
import type { Principal } from '../access/principal.js';
import type { KernelTables } from '../db/tables.js';
import { type AuditRow, chainHash, GENESIS_HASH, storable, storableJson, verifyRun, type VerifyResult } from './chain.js';

export interface AuditEntry {
  action: string;
  entityKind?: string;
  entityId?: string;
  purpose?: string;
  outcome?: 'ok' | 'refused' | 'failed';
  detail?: Record<string, unknown>;
}

export interface Actor {
  userId: string | null;
  agencyCode: string | null;
  roles: string;
  ip: string | null;
}

export const actorOf = (p: Principal | null | undefined, ip: string | null = null): Actor => ({
  userId: p?.userId ?? null,
  agencyCode: p?.agencyCode ?? null,
  roles: p?.roles.join(',') ?? '',
  ip,
});

export interface ChainHead {
  seq: number;
  hash: string;
}

const MAX_BATCH = 2000;
type Pending = { actor: Actor; entry: AuditEntry; resolve: () => void; reject: (e: unknown) => void };
type FullRow = Omit<AuditRow, 'detail'> & { detail: string | null; prev_hash: string; hash: string };

/** Pure: the stored rows of a batch chained after `prev`, and the chain's new tail. */
function chainRows(prev: ChainHead, items: { actor: Actor; entry: AuditEntry }[], at: Date): { rows: FullRow[]; last: ChainHead } {
  let tail = prev;
  const rows = items.map(({ actor, entry: e }) => {
    const row: AuditRow = {
      seq: tail.seq + 1,
      at,
      user_id: actor.userId,
      agency_code: storable(actor.agencyCode),
      roles: storable(actor.roles) ?? '',
      action: storable(e.action) ?? '',
      entity_kind: storable(e.entityKind),
      entity_id: storable(e.entityId),
      purpose: storable(e.purpose),
      ip: storable(actor.ip),
      outcome: e.outcome ?? 'ok',
      detail: storableJson(e.detail),
    };
    const hash = chainHash(tail.hash, row);
    const full: FullRow = { ...row, detail: row.detail === null ? null : JSON.stringify(row.detail), prev_hash: tail.hash, hash };
    tail = { seq: row.seq, hash };
    return full;
  });
  return { rows, last: tail };
}

/** The rows as one array per column, for `INSERT ... SELECT FROM unnest(...)`: one statement, 14 parameters. */
function unnestRows(rows: FullRow[]) {
  return sql`SELECT * FROM unnest(
    ${rows.map((r) => r.seq)}::bigint[], ${rows.map((r) => r.at.toISOString())}::timestamptz[],
    ${rows.map((r) => r.user_id)}::uuid[], ${rows.map((r) => r.agency_code)}::text[], ${rows.map((r) => r.roles)}::text[],
    ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entity_kind)}::text[], ${rows.map((r) => r.entity_id)}::text[],
    ${rows.map((r) => r.purpose)}::text[], ${rows.map((r) => r.ip)}::text[], ${rows.map((r) => r.outcome)}::text[],
    ${rows.map((r) => r.detail)}::jsonb[], ${rows.map((r) => r.prev_hash)}::text[], ${rows.map((r) => r.hash)}::text[])`;
}
const AUDIT_COLUMNS = sql.raw('(seq, at, user_id, agency_code, roles, action, entity_kind, entity_id, purpose, ip, outcome, detail, prev_hash, hash)');

/**
 * Append-only, hash-chained audit. Writes call `append(trx, ...)` inside their own transaction so the record and
 * its audit entry commit together. Reads call `record(...)`, which batches concurrent entries (group commit) and
 * resolves once they are durable, so an audited read costs a fraction of a commit.
 *
 * Appenders lock the single `audit_head` row (SELECT ... FOR UPDATE), so concurrent writers on any number of
 * connections and processes extend one chain; the head row also anchors the end of the chain against deletion of
 * the newest entries. Call `append` in READ COMMITTED transactions (the default), and preferably last, since the
 * head stays locked until the transaction ends.
 *
 * Read batches take a shorter path (decision 005): the process remembers the tail it last wrote, hashes the
 * batch after it, and sends ONE statement, committed on its own, that moves the head only if it is still that
 * tail (`UPDATE audit_head ... WHERE seq = tail AND hash = tail` in a CTE) and inserts the rows (one multi-row
 * `INSERT ... SELECT FROM unnest`) only if the head moved. When another appender moved the head first, nothing is
 * written and the batch is appended again on the locked path: one round trip and one commit per batch instead of
 * five round trips, with the same chain and the same durability.
 */
export class AuditLog {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** The chain's tail as this process last wrote or saw it; null when unknown. */
  private tail: ChainHead | null = null;

  constructor(private readonly db: Kysely<KernelTables>) {}

  async append(trx: Transaction<any> | Kysely<any>, actor: Actor, entries: AuditEntry[]): Promise<void> {
    await this.appendMany(
      trx,
      entries.map((entry) => ({ actor, entry })),
    );
  }

  async appendMany(trx: Transaction<any> | Kysely<any>, items: { actor: Actor; entry: AuditEntry }[]): Promise<void> {
    if (items.length === 0) return;
    const last = await this.appendLocked(trx, items);
    // Most likely the new tail (if this transaction commits); a wrong guess only sends the next read batch
    // through the locked path.
    this.tail = last;
  }

  private async appendLocked(trx: Transaction<any> | Kysely<any>, items: { actor: Actor; entry: AuditEntry }[]): Promise<ChainHead> {
    const head = await sql<{ seq: number; hash: string }>`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`.execute(trx);
    const prev = head.rows[0] ? { seq: Number(head.rows[0].seq), hash: head.rows[0].hash } : await this.legacyHead(trx);
    const { rows, last } = chainRows(prev, items, new Date());
    for (let i = 0; i < rows.length; i += 500) {
      await sql`INSERT INTO audit_log ${AUDIT_COLUMNS} ${unnestRows(rows.slice(i, i + 500))}`.execute(trx);
    }
    if (head.rows[0]) {
      await sql`UPDATE audit_head SET seq = ${last.seq}, hash = ${last.hash}, updated_at = now() WHERE id = 1`.execute(trx);
    } else {
      await sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, ${last.seq}, ${last.hash})`.execute(trx);
    }
    return last;
  }

  /** Before the head row exists (a database migrated part-way): serialise on an advisory lock instead. */
  private async legacyHead(trx: Transaction<any> | Kysely<any>): Promise<ChainHead> {
    await sql`SELECT pg_advisory_xact_lock(7261002)`.execute(trx);
    const last = await sql<{ seq: number; hash: string }>`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`.execute(trx);
    return last.rows[0] ? { seq: Number(last.rows[0].seq), hash: last.rows[0].hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Audits outside a write (reads of personal data, refusals): durable when the promise resolves. */
  record(actor: Actor, entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ actor, entry, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** Resolves when every entry queued so far is durable. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /**
   * One batch at a time (the head row serialises commits anyway, so batches in flight together would only split
   * the entries into smaller commits): everything queued while the previous batch was committing goes in the next.
   */
  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_BATCH);
        if (this.tail && (await this.appendConditional(this.tail, batch))) {
          for (const b of batch) b.resolve();
          continue;
        }
        await this.appendLockedBatch(batch);
      }
    } finally {
      this.flushing = null;
    }
  }

  /**
   * One statement, committed on its own: moves the head from `expected` to the batch's last entry and inserts the
   * batch, or does neither (the head was moved by another appender, or the database refused the batch).
   */
  private async appendConditional(expected: ChainHead, batch: Pending[]): Promise<boolean> {
    const { rows, last } = chainRows(expected, batch, new Date());
    try {
      const r = await sql`WITH moved AS (
          UPDATE audit_head SET seq = ${last.seq}, hash = ${last.hash}, updated_at = now()
          WHERE id = 1 AND seq = ${expected.seq} AND hash = ${expected.hash} RETURNING 1)
        INSERT INTO audit_log ${AUDIT_COLUMNS} ${unnestRows(rows)} WHERE EXISTS (SELECT 1 FROM moved)`.execute(this.db);
      if (Number(r.numAffectedRows ?? 0) === rows.length) {
        this.tail = last;
        return true;
      }
    } catch {
      // Nothing was written: the statement is atomic.
    }
    this.tail = null;
    return false;
  }

  /** A batch in its own transaction on the head row lock; an entry the database refuses fails alone. */
  private async appendLockedBatch(batch: Pending[]): Promise<void> {
    try {
      this.tail = await this.db.transaction().execute((trx) => this.appendLocked(trx, batch));
      for (const b of batch) b.resolve();
      return;
    } catch (e) {
      this.tail = null;
      // One entry the database refuses must not lose the others queued with it: retry them one by one.
      if (batch.length === 1) {
        batch[0]!.reject(e);
        return;
      }
    }
    for (const b of batch) {
      try {
        await this.db.transaction().execute((trx) => this.appendLocked(trx, [b]));
        b.resolve();
      } catch (one) {
        b.reject(one);
      }
    }
  }

  async head(): Promise<ChainHead> {
    const r = await sql<{ seq: number; hash: string }>`SELECT seq, hash FROM audit_head WHERE id = 1`.execute(this.db);
    return r.rows[0] ? { seq: Number(r.rows[0].seq), hash: r.rows[0].hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /**
   * Walks the whole chain in order; names the first entry that does not verify. The end of the chain must match
   * the head anchor, and, when given, an anchor recorded outside the database (`expect`: a seq and its hash, as
   * printed by an earlier verify).
   */
  async verify(onProgress?: (checked: number, total: number) => void, expect?: ChainHead): Promise<VerifyResult & { head: ChainHead }> {
    const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(this.db)).rows[0]!.n);
    const anchor = await this.head();
    let prev = { seq: 0, hash: GENESIS_HASH };
    let checked = 0;
    let expectSeen = false;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', prev.seq)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      const run = rows.map((r) => ({ ...r, seq: Number(r.seq), at: new Date(r.at) }));
      const res = verifyRun(run, prev);
      checked += res.checked;
      if (!res.ok) return { ok: false, checked, brokenAt: res.brokenAt, head: anchor };
      if (expect && !expectSeen) {
        const hit = run.find((r) => r.seq === expect.seq);
        if (hit) {
          expectSeen = true;
          if (hit.hash !== expect.hash) {
            return { ok: false, checked, brokenAt: { seq: expect.seq, reason: 'its hash differs from the anchor recorded earlier (the chain was rewritten)' }, head: anchor };
          }
        }
      }
      prev = res.last;
      onProgress?.(checked, total);
    }
    const last = prev;
    if (checked !== total) {
      return { ok: false, checked, brokenAt: { seq: last.seq + 1, reason: 'entries after this point are out of sequence' }, head: anchor };
    }
    if (anchor.seq > last.seq) {
      return {
        ok: false,
        checked,
        brokenAt: { seq: last.seq + 1, reason: `it is missing: the chain ends at entry ${last.seq} but its head anchor is entry ${anchor.seq} (newest entries deleted)` },
        head: anchor,
      };
    }
    if (anchor.seq === last.seq && anchor.hash !== last.hash) {
      return { ok: false, checked, brokenAt: { seq: last.seq, reason: 'its hash does not match the head anchor' }, head: anchor };
    }
    if (anchor.seq < last.seq) {
      return { ok: false, checked, brokenAt: { seq: anchor.seq + 1, reason: 'it was added after the head anchor, outside Fusion' }, head: anchor };
    }
    if (expect && expect.seq > 0 && !expectSeen) {
      return { ok: false, checked, brokenAt: { seq: expect.seq, reason: `it is missing: the anchor recorded earlier names entry ${expect.seq}` }, head: anchor };
    }
    return { ok: true, checked, head: anchor };
  }
}
