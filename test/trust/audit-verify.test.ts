import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/audit/audit-log.js';
import { chainHash } from '../../src/kernel/audit/chain.js';
import { type TestEnv, testEnv } from '../support/context.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Runs `node bin/fusion.mjs audit verify` for real against the test database. */
function verifyCli(databaseUrl: string, ...args: string[]): Promise<{ code: number; out: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['bin/fusion.mjs', 'audit', 'verify', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, FUSION_MODE: 'test', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, ms: Date.now() - t0 }));
  });
}

describe('audit chain after 100,000 operations (PostgreSQL, CLI)', () => {
  let env: TestEnv;
  let url: string;
  let admin: pg.Client;
  let total: number;
  beforeAll(async () => {
    env = await testEnv('postgres', 'empty');
    url = env.ctx.config.databaseUrl!;
    const actors: Actor[] = Array.from({ length: 20 }, (_, i) => ({ userId: null, agencyCode: ['met', 'nca', 'sca', 'ie-nccu'][i % 4]!, roles: 'analyst', ip: `10.0.0.${i}` }));
    // 100,000 audited operations: audited reads through the group commit and writes appending inside their own
    // transactions, all at once on a pool of 10 connections.
    const writes = Array.from({ length: 2000 }, (_, t) =>
      env.ctx.db.transaction().execute((trx) =>
        env.ctx.audit.append(trx, actors[t % 20]!, Array.from({ length: 10 }, (_, k) => ({ action: 'test.write', entityKind: 'person', entityId: `${t}-${k}`, detail: { t, k } }))),
      ),
    );
    for (let chunk = 0; chunk < 40; chunk++) {
      await Promise.all(
        Array.from({ length: 2000 }, (_, i) =>
          env.ctx.audit.record(actors[i % 20]!, { action: 'test.read', entityKind: 'person', entityId: String(chunk * 2000 + i), purpose: 'law-enforcement', detail: { n: i, s: 'é\u0000' } }),
        ),
      );
    }
    await Promise.all(writes);
    await env.ctx.audit.flush();
    total = (await env.ctx.audit.head()).seq;
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  }, 600_000);
  afterAll(async () => {
    await admin?.end();
    await env?.close();
  });

  const tamper = async (statement: string, params: unknown[] = []) => {
    await admin.query('BEGIN');
    // Disables the append-only triggers for this transaction only, as a database superuser could.
    await admin.query('SET LOCAL session_replication_role = replica');
    await admin.query(statement, params);
    await admin.query('COMMIT');
  };
  const row = async (seq: number) => (await admin.query('SELECT * FROM audit_log WHERE seq = $1', [seq])).rows[0];
  const putBack = (r: Record<string, unknown>) =>
    tamper(
      'INSERT INTO audit_log (seq, at, user_id, agency_code, roles, action, entity_kind, entity_id, purpose, ip, outcome, detail, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)',
      [r.seq, r.at, r.user_id, r.agency_code, r.roles, r.action, r.entity_kind, r.entity_id, r.purpose, r.ip, r.outcome, r.detail === null ? null : JSON.stringify(r.detail), r.prev_hash, r.hash],
    );

  it('verifies 100,000 entries with `fusion audit verify` and prints the head', async () => {
    expect(total).toBeGreaterThanOrEqual(100_000);
    const seqs = await admin.query('SELECT count(*)::int AS n, min(seq)::int AS lo, max(seq)::int AS hi FROM audit_log');
    expect(seqs.rows[0]).toEqual({ n: total, lo: 1, hi: total });
    const r = await verifyCli(url);
    console.log(`fusion audit verify: ${total} entries in ${r.ms} ms (process included): ${r.out.trim().split('\n').slice(-2).join(' | ')}`);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Audit chain verified: ${total} entries, no break`);
    expect(r.out).toMatch(new RegExp(`Head: ${total}:[0-9a-f]{64}`));
  }, 120_000);

  it('fails and names the entry when any one row is altered', async () => {
    for (const seq of [1, 4242, 77_777, total]) {
      const original = await row(seq);
      await tamper('UPDATE audit_log SET entity_id = $2 WHERE seq = $1', [seq, 'someone-else']);
      const r = await verifyCli(url);
      expect(r.code, r.out).toBe(2);
      expect(r.out).toContain(`BROKEN at entry ${seq}:`);
      await tamper('UPDATE audit_log SET entity_id = $2 WHERE seq = $1', [seq, original.entity_id]);
    }
    // Re-hashing an altered row is not enough: the next entry's link breaks.
    const original = await row(5000);
    const forged = chainHash(original.prev_hash, { ...original, seq: 5000, at: new Date(original.at), action: 'forged' });
    await tamper("UPDATE audit_log SET action = 'forged', hash = $1 WHERE seq = 5000", [forged]);
    const relinked = await verifyCli(url);
    expect(relinked.out).toContain('BROKEN at entry 5001: its link to the previous entry does not match');
    await tamper('UPDATE audit_log SET action = $2, hash = $3 WHERE seq = $1', [5000, original.action, original.hash]);
    expect((await verifyCli(url)).code).toBe(0);
  }, 300_000);

  it('fails and names the entry when any one row is deleted, the newest included', async () => {
    for (const seq of [2, 50_001, total]) {
      const original = await row(seq);
      await tamper('DELETE FROM audit_log WHERE seq = $1', [seq]);
      const r = await verifyCli(url);
      expect(r.code, r.out).toBe(2);
      expect(r.out).toContain(`BROKEN at entry ${seq}:`);
      await putBack(original);
    }
    expect((await verifyCli(url)).code).toBe(0);
  }, 300_000);

  it('checks an anchor kept outside the database', async () => {
    const head = await env.ctx.audit.head();
    expect((await verifyCli(url, '--expect', `${head.seq}:${head.hash}`)).code).toBe(0);
    const wrong = await verifyCli(url, '--expect', `${head.seq}:${'b'.repeat(64)}`);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain(`BROKEN at entry ${head.seq}:`);
  }, 120_000);
});
