import type { Kysely } from 'kysely';
import { directorySeedRows, partnershipSeedRows } from '../seed-rows.js';

/** The partner directory (seed 000 and the reference agencies) and the 42 partnerships of seed 003 Appendix 1. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('partner_directory').values(directorySeedRows()).execute();
  await db.insertInto('partnerships').values(partnershipSeedRows()).execute();
}
