import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAuth, type TestEnv, testEnv } from '../../test/support/context.js';
import { DATABASE_KINDS } from '../../test/support/databases.js';

/**
 * Fifty analysts edit one report at the same moment (the Joint Fusion Cell's one-person spreadsheet, 004 rec 5).
 * No update may be lost: every change the server accepted is in the final version, and every other attempt was
 * refused with 412 (stale) - never silently overwritten, never a 5xx.
 */
describe.each(DATABASE_KINDS)('50 simultaneous editors of one report on %s', (kind) => {
  let env: TestEnv;
  let headers: Record<string, string>[];
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
    // Several people of the owning agency, each with their own token.
    const base = await Promise.all(['intel@met.demo', 'supervisor@met.demo'].map((e) => apiAuth(env.app, e)));
    headers = Array.from({ length: 50 }, (_, i) => base[i % base.length]!);
  });
  afterAll(async () => env?.close());

  const create = async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/intelligence-reports',
      headers: headers[0]!,
      payload: {
        title: 'Shared picture of small-boat launches',
        narrative: 'Log:',
        sourceEvaluation: 2,
        assessment: 'B',
        crimeCodes: ['OIC-SB'],
        submit: false,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const read = (id: string) =>
    env.app.inject({ method: 'GET', url: `/api/v1/intelligence-reports/${id}`, headers: headers[0]! });
  const patch = (id: string, i: number, etag: string, narrative: string) =>
    env.app.inject({
      method: 'PATCH',
      url: `/api/v1/intelligence-reports/${id}`,
      headers: { ...headers[i]!, 'if-match': etag },
      payload: { narrative },
    });

  it('all start from the same version at once: exactly one wins, 49 are refused with 412, nothing is lost', async () => {
    const id = await create();
    const start = await read(id);
    const etag = start.headers.etag as string;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => patch(id, i, etag, `Log: [editor ${i}]`)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412 || c === 409)).toHaveLength(49);
    const winner = results.findIndex((r) => r.statusCode === 200);
    const final = (await read(id)).json();
    expect(final.narrative).toBe(`Log: [editor ${winner}]`);
    expect(final.version).toBe(2);
    // Every refusal showed the winner's change.
    for (const r of results.filter((x) => x.statusCode === 412))
      expect(JSON.stringify(r.json().error.current.changesSince)).toContain(`[editor ${winner}]`);
  });

  it('all keep trying (read, change, save): every accepted change is in the final version, once', async () => {
    const id = await create();
    const accepted: number[] = [];
    const outcomes: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const current = await read(id);
          const body = current.json() as { narrative: string };
          const res = await patch(id, i, current.headers.etag as string, `${body.narrative}\n[editor ${i}]`);
          outcomes.push(res.statusCode);
          if (res.statusCode === 200) {
            accepted.push(i);
            return;
          }
          expect([409, 412]).toContain(res.statusCode);
        }
      }),
    );
    expect(outcomes.filter((c) => c >= 500)).toEqual([]);
    const final = (await read(id)).json() as { narrative: string; version: number };
    expect(accepted).toHaveLength(50);
    for (const i of accepted)
      expect(final.narrative.split('\n').filter((l) => l === `[editor ${i}]`)).toHaveLength(1);
    expect(final.version).toBe(1 + accepted.length);
    // The history holds one entry per accepted change.
    const history = await env.app.inject({
      method: 'GET',
      url: `/api/v1/intelligence-reports/${id}/history`,
      headers: headers[0]!,
    });
    expect(history.json().items).toHaveLength(1 + accepted.length);
  }, 300_000);
});
