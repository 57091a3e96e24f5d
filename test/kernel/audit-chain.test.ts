import { describe, expect, it } from 'vitest';
import { type AuditRow, chainHash, GENESIS_HASH, verifyRun } from '../../src/kernel/audit/chain.js';

const row = (seq: number, action: string): AuditRow => ({
  seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), user_id: null, agency_code: 'met', roles: 'analyst', action,
  entity_kind: 'person', entity_id: String(seq), purpose: null, ip: '127.0.0.1', outcome: 'ok', detail: { b: 1, a: [2] },
});

function chain(n: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const r = row(i + 1, 'read');
    const hash = chainHash(prev, r);
    const full = { ...r, prev_hash: prev, hash };
    prev = hash;
    return full;
  });
}

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyRun(chain(50), { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, checked: 50 });
  });
  it('names an altered entry', () => {
    const rows = chain(20);
    rows[6] = { ...rows[6]!, action: 'write' };
    expect(verifyRun(rows, { seq: 0, hash: GENESIS_HASH }).brokenAt).toEqual({ seq: 7, reason: 'its content does not match its hash' });
  });
  it('names a deleted entry', () => {
    const rows = chain(20);
    rows.splice(9, 1);
    expect(verifyRun(rows, { seq: 0, hash: GENESIS_HASH }).brokenAt?.seq).toBe(10);
  });
  it('is independent of key order in the detail', () => {
    const a = row(1, 'x');
    expect(chainHash(GENESIS_HASH, a)).toBe(chainHash(GENESIS_HASH, { ...a, detail: { a: [2], b: 1 } }));
  });
});
