/**
 * A small pool of worker threads for the demo loader's CPU work (normalising records into CSV), in order: results
 * come back in the order chunks were sent, so the database receives a deterministic stream.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { chunkRows, type RowInput } from './demo-rows.js';

type Rows = { people: string; mentions: string };

function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const url = new URL(`./demo-rows-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url);
  // Running from TypeScript sources (tsx): register the loader in the worker first.
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class RowPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: Rows) => void; reject: (e: unknown) => void }>();
  private next = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = startWorker();
      w.on('message', (m: Rows & { id: number }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        p?.resolve({ people: m.people, mentions: m.mentions });
      });
      w.on('error', (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      return w;
    });
  }

  /** Rows for a chunk: in a worker when the pool has any, else here. */
  rows(inputs: RowInput[]): Promise<Rows> {
    if (!this.workers.length) return Promise.resolve(chunkRows(inputs));
    const id = this.next++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise<Rows>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, inputs });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
