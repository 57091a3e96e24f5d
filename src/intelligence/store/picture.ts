/** Route records for the routes picture: completed debriefs the user may see, and referral facts they may see. */
import { sql } from 'kysely';
import { decideRecord } from '../../kernel/access/policy.js';
import type { Principal } from '../../kernel/access/principal.js';
import type { AppContext } from '../../kernel/context.js';
import type { AgencyType } from '../../kernel/reference/agencies.js';
import { listReferralFacts } from '../../referrals/store.js';
import { agencies } from '../agencies.js';
import { idb, jsonOf } from '../db.js';
import type { RouteRecord } from '../model/picture.js';
import { KIND_DEBRIEF, visibleSql } from '../visibility.js';

export interface PictureFilter {
  from?: string;
  to?: string;
  threat?: 'msht' | 'oic';
}

export async function debriefRoutes(ctx: AppContext, p: Principal, f: PictureFilter): Promise<RouteRecord[]> {
  const ag = await agencies(ctx);
  let q = idb(ctx.db)
    .selectFrom('intel_debriefs as d')
    .select([
      'd.id',
      'd.nationality',
      'd.debriefed_on',
      'd.recruitment',
      'd.border_crossing',
      'd.uk_activity',
      'd.area_code',
      'd.threats',
      'd.owning_agency_code',
      'd.owning_agency_type',
      'd.handling_code',
      'd.conditions',
    ])
    .select(
      sql<
        string[]
      >`COALESCE((SELECT array_agg(l.to_country ORDER BY l.seq) FROM intel_debrief_legs l WHERE l.debrief_id = d.id), '{}')`.as(
        'route',
      ),
    )
    .where('d.status', '=', 'completed')
    .where(visibleSql('d', p, ctx.agreements.all(), KIND_DEBRIEF));
  if (f.from) q = q.where(sql<boolean>`d.debriefed_on >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`d.debriefed_on <= ${f.to}::date`);
  if (f.threat) q = q.where(sql<boolean>`d.threats @> ARRAY[${f.threat}]::text[]`);
  const rows = await q.limit(100_000).execute();
  return rows.map((r) => {
    const rec = jsonOf<{ country?: string }>(r.recruitment) ?? {};
    const cross = jsonOf<{ method?: string; fromCountry?: string }>(r.border_crossing) ?? {};
    const uk = jsonOf<{ areaCode?: string }>(r.uk_activity) ?? {};
    const area = uk.areaCode ?? r.area_code;
    return {
      source: 'debrief' as const,
      date: String(r.debriefed_on).slice(0, 10),
      origin: rec.country ?? r.nationality,
      transit: (r.route ?? []).filter((c): c is string => !!c),
      crossing: cross.method ?? null,
      departure: cross.fromCountry ?? null,
      ukArea: area,
      ukRegion: area ? (ag.get(area)?.region ?? null) : null,
      threats: r.threats,
    };
  });
}

/**
 * Referral facts through the referrals capability's exported `listReferralFacts` (its store), each row kept only
 * when the policy lets the principal see that kind of record from its owner.
 */
export async function referralRoutes(
  ctx: AppContext,
  p: Principal,
  f: PictureFilter,
): Promise<RouteRecord[]> {
  if (f.threat === 'oic') return []; // referrals concern MSHT
  const ag = await agencies(ctx);
  const out: RouteRecord[] = [];
  const decisions = new Map<string, boolean>();
  for (let offset = 0; ; offset += 5000) {
    const batch = await listReferralFacts(ctx.db, { from: f.from, to: f.to, limit: 5000, offset });
    for (const r of batch) {
      let ok = decisions.get(r.owningAgency);
      if (ok === undefined) {
        ok = decideRecord(
          p,
          {
            kind: 'referral_facts',
            owningAgencyCode: r.owningAgency,
            owningAgencyType: ag.get(r.owningAgency)?.type as AgencyType | undefined,
            handlingCode: 'P',
          },
          { agreements: ctx.agreements.all() },
        ).allow;
        decisions.set(r.owningAgency, ok);
      }
      if (!ok) continue;
      const area = r.forceAreas[0] ?? null;
      out.push({
        source: 'referral',
        date: String(r.submittedOn).slice(0, 10),
        origin: r.countryOfOrigin ?? r.nationality ?? null,
        transit: r.transitCountries,
        crossing: null,
        ukArea: area,
        ukRegion: area ? (ag.get(area)?.region ?? null) : null,
        threats: ['msht'],
      });
    }
    if (batch.length < 5000 || offset > 200_000) break;
  }
  return out;
}
