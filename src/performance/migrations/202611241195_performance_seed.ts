import type { Kysely } from 'kysely';
import { courses } from '../data/courses.js';
import { allSeedRecommendations } from '../data/seed-recommendations.js';
import { trackerRow } from '../model/recommendations.js';

/**
 * Initial data of the tracker and the course list, from src/performance/data (extracted from the seeds): seed
 * 004's ten recommendations, seed 002's thirteen, seed 001's 37 Annex A actions and seed 003's twelve, each not
 * started until someone records progress; the courses, with the OIC e-learning's four modules under it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('perf_recommendations').values(allSeedRecommendations.map(trackerRow)).execute();
  let sort = 0;
  for (const c of courses) {
    await db
      .insertInto('perf_courses')
      .values({
        code: c.code,
        name: c.name,
        threat: c.threat,
        provider: c.provider,
        format: c.format,
        audience: c.audience,
        parent_code: null,
        recommended_by: c.recommendedBy,
        sort: sort++,
      })
      .execute();
    for (const m of c.modules) {
      await db
        .insertInto('perf_courses')
        .values({
          code: m.code,
          name: `${c.name}: ${m.title}`,
          threat: c.threat,
          provider: c.provider,
          format: c.format,
          audience: c.audience,
          parent_code: c.code,
          recommended_by: c.recommendedBy,
          sort: sort++,
        })
        .execute();
    }
  }
}
