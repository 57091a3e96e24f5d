import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/fusion.mjs');
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;

function run(env: NodeJS.ProcessEnv, args = ['serve']) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 60_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return (await res.json()) as { status: string; database: string };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('the fusion command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fusion-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits non-zero with one clear sentence on a bad PORT, an unreachable DATABASE_URL or the default secret in production', () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ PORT: 'eighty', FUSION_DATA_DIR: dir }, /^fusion: PORT must be a whole number/],
      [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, /^fusion: DATABASE_URL postgres:\/\/postgres@127\.0\.0\.1:1\/none cannot be reached/],
      [{ DATABASE_URL: 'not a url' }, /^fusion: DATABASE_URL is not valid/],
      [{ FUSION_MODE: 'production', FUSION_DATA_DIR: dir }, /^fusion: FUSION_SECRET must be set/],
    ];
    for (const [env, message] of cases) {
      const r = run(env);
      expect(r.status, JSON.stringify(env)).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('serves the embedded database with demo data, and keeps the data across a restart', async () => {
    const dataDir = path.join(dir, 'data');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { ...baseEnv, PORT: String(port), HOST: '127.0.0.1', FUSION_DATA_DIR: dataDir };
    let child = spawn(process.execPath, [BIN, 'serve', '--demo-if-empty'], { env, stdio: 'ignore' });
    try {
      expect(await waitForHealth(url, child)).toMatchObject({ status: 'ok', database: 'embedded' });
      const token = await fetch(`${url}/api/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'intel@met.demo', password: 'fusion-demo', name: 'survives restart' }),
      });
      expect(token.status).toBe(201);
      const { token: bearer } = (await token.json()) as { token: string };
      await stop(child);
      child = spawn(process.execPath, [BIN, 'serve', '--demo-if-empty'], { env, stdio: 'ignore' });
      await waitForHealth(url, child);
      const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${bearer}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { agency: { code: string } }).agency.code).toBe('met');
    } finally {
      await stop(child);
    }
  }, 240_000);
});
