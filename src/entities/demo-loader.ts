/**
 * The demo people: writes the synthetic population (src/entities/demo) into person_records with COPY, in chunks,
 * so a million records load in bounded memory; keeps the ground truth aside in demo_truth / demo_networks (no
 * route reads them); seeds the protected-values list and puts some of those values into victims' records, as
 * happens when a victim gives the helpline's number or the refuge's address; records the organised networks'
 * shared vehicles and associations; then resolves every record.
 */
import { sql } from 'kysely';
import type { AppContext } from '../kernel/context.js';
import type { DemoGenerator, DemoOptions } from '../kernel/demo/demo.js';
import os from 'node:os';
import { agencyStyleName } from './demo/agencies.js';
import { generatePeople, recordTarget } from './demo/people.js';
import { createRng, hashString } from './demo/rng.js';
import type { NetworkTruth, PersonRecordDraft } from './demo/types.js';
import { csvLine, withBulkSession } from './bulk.js';
import { kernelForceCode } from './geo/force-areas.js';
import { protectedKey } from './mentions.js';
import { demoUuid, MENTION_COLUMNS, PERSON_COLUMNS, type RowInput } from './demo-rows.js';
import { RowPool } from './demo-pool.js';
import { runBatchResolution } from './resolution/batch.js';
import { agencyDirectory, recordMentions, tables } from './store.js';

const CHUNK = 50_000;

/** Helplines, support providers' numbers, a refuge and an NGO office: never link nodes. */
export const DEMO_PROTECTED_VALUES: { kind: 'phone' | 'address' | 'postcode' | 'email'; value: string; reason: string }[] = [
  { kind: 'phone', value: '08000 121 700', reason: 'Modern Slavery and Exploitation Helpline (Unseen)' },
  { kind: 'phone', value: '0800 808 3733', reason: 'Salvation Army 24-hour referral line' },
  { kind: 'phone', value: '0808 2000 247', reason: 'National Domestic Abuse Helpline' },
  { kind: 'address', value: 'Hope House, 14 Sanctuary Road, Leeds LS7 3QP', reason: 'Safe house (adult victim support contract)' },
  { kind: 'address', value: '2 Harbour Street, London SE1 7XX', reason: 'NGO office (victim navigators)' },
  { kind: 'email', value: 'referrals@support.example.org', reason: 'Support provider referral inbox' },
];

const VICTIM_AGENCIES = new Set(['salvation-army', 'unseen', 'barnardos', 'medaille-trust', 'justice-and-care', 'city-hearts', 'nspcc', 'red-cross']);
const NETWORK_WORDS = ['Harbour', 'Lantern', 'Thistle', 'Granite', 'Kestrel', 'Meridian', 'Bramble', 'Cobalt', 'Saffron', 'Juniper', 'Falcon', 'Willow', 'Onyx', 'Laserblue', 'Tundra', 'Mosaic', 'Ember', 'Quarry', 'Sable', 'Pioneer'];

const TRUTH_COLUMNS = ['record_id', 'truth_id', 'household_id', 'network_id'] as const;
/** Records per COPY chunk, and per chunk handed to a worker thread. */
const WORKER_CHUNK = 10_000;

function isoDay(base: Date, minusDays: number): string {
  return new Date(base.getTime() - minusDays * 86_400_000).toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export async function loadDemoPeople(ctx: AppContext, opts: DemoOptions): Promise<{ records: number; networks: number }> {
  const target = recordTarget(opts.size);
  const seed = opts.seed;
  const db = tables(ctx.db);
  const existing = await ctx.db.selectFrom('settings').select('value').where('key', '=', 'entities.demo').executeTakeFirst();
  const want = { size: opts.size, seed };
  if (existing && JSON.stringify(existing.value) === JSON.stringify(want)) return { records: 0, networks: 0 };
  if (existing) await clearDemoPeople(ctx);

  const agencies = await agencyDirectory(ctx.db);
  await seedProtectedValues(ctx);
  const protectedPhone = '08000 121 700';
  const safeHouse = { line: 'Hope House, 14 Sanctuary Road', town: 'Leeds', postcode: 'LS7 3QP' };

  const rng = createRng(seed).fork('entities-demo');
  const seedHash = hashString(`fusion-demo-${seed}`);
  const today = new Date(Date.UTC(2025, 5, 30));
  const networks: NetworkTruth[] = [];
  let recordCount = 0;

  /** The random decisions for one record (main thread, in order, so the seed decides everything). */
  const inputFor = (d: PersonRecordDraft): RowInput => {
    const index = recordCount++;
    const id = demoUuid(seedHash, 1, index);
    const agencyCode = agencies.has(d.agencyCode) ? d.agencyCode : agencies.has(kernelForceCode(d.agencyCode)) ? kernelForceCode(d.agencyCode) : 'nca';
    const style = agencyStyleName(d.agencyCode);
    let role: string;
    const threats: string[] = [];
    if (VICTIM_AGENCIES.has(agencyCode)) {
      role = rng.chance(0.7) ? 'potential_victim' : 'victim';
      threats.push('msht');
    } else if (style === 'immigration') {
      role = d.networkId ? 'suspect' : rng.chance(0.8) ? 'migrant' : 'subject';
      threats.push('oic');
    } else if (style === 'regulator') {
      role = rng.chance(0.6) ? 'potential_victim' : 'subject';
      threats.push('msht');
    } else if (d.networkId) {
      role = rng.chance(0.75) ? 'suspect' : 'potential_victim';
    } else {
      role = rng.weighted([['subject', 50], ['potential_victim', 30], ['witness', 12], ['suspect', 8]] as const);
      if (role === 'potential_victim') threats.push('msht');
    }
    let phone = d.phone;
    let address = d.addressLine;
    let town = d.town;
    let postcode = d.postcode;
    // Victims often give the helpline's number or the refuge's address: protected, they must join no one.
    if (VICTIM_AGENCIES.has(agencyCode)) {
      if (rng.chance(0.12)) phone = protectedPhone;
      if (rng.chance(0.08)) {
        address = safeHouse.line;
        town = safeHouse.town;
        postcode = safeHouse.postcode;
      }
    }
    const recordedOn = isoDay(today, rng.int(0, 3 * 365));
    const restricted = rng.chance(0.08);
    return {
      index,
      id,
      agencyCode,
      agencyForceArea: agencies.get(agencyCode)?.forceAreaCode ?? null,
      sourceId: d.recordId,
      role,
      threats,
      person: {
        role,
        givenName: d.givenName,
        familyName: d.familyName,
        fullName: d.givenName || d.familyName ? null : d.fullName,
        dateOfBirth: d.dateOfBirth,
        nationality: d.nationality,
        gender: d.gender === 'unknown' ? null : d.gender,
        phone,
        email: d.email,
        address,
        town,
        postcode,
      },
      fullNameFallback: d.fullName,
      vehicleVrm: d.vehicleVrm,
      recordedOn,
      reviewDate: addYears(recordedOn, 6),
      handlingCode: restricted ? 'C' : 'P',
      conditions: restricted ? { namedAgencies: [agencyCode, 'nca'], noOnwardSharing: true, text: `${agencies.get(agencyCode)?.name ?? agencyCode} and the NCA only; no onward sharing.` } : null,
      seed: seedHash,
    };
  };

  // Normalising is the costly part: a worker thread does it while this thread generates (large sizes only).
  const pool = new RowPool(target >= 50_000 ? Math.max(1, Math.min(2, os.availableParallelism() - 1)) : 0);
  try {
    await withBulkSession(
      ctx.database,
      async (s) => {
        const pending: { rows: Promise<{ people: string; mentions: string }>; truth: string; count: number }[] = [];
        const drain = async (keep: number) => {
          while (pending.length > keep) {
            const next = pending.shift()!;
            const rows = await next.rows;
            await s.copyIn('person_records', PERSON_COLUMNS, [rows.people]);
            await s.copyIn('entity_mentions', MENTION_COLUMNS, [rows.mentions]);
            await s.copyIn('demo_truth', TRUTH_COLUMNS, [next.truth]);
            copied += next.count;
            opts.progress(copied, target * 2, 'people');
          }
        };
        let copied = 0;
        let inputs: RowInput[] = [];
        let truth = '';
        const send = async () => {
          if (!inputs.length) return;
          pending.push({ rows: pool.rows(inputs), truth, count: inputs.length });
          inputs = [];
          truth = '';
          await drain(3);
        };
        for (const d of generatePeople({ size: target, seed, onGroup: (g) => (g.kind === 'network' ? networks.push(g) : undefined) })) {
          const input = inputFor(d);
          inputs.push(input);
          truth += csvLine([input.id, d.truthId, d.householdId, d.networkId]);
          if (inputs.length >= WORKER_CHUNK) await send();
        }
        await send();
        await drain(0);
        // Things become entities by their key; protected values never do.
        await s.query(`UPDATE entity_mentions m SET protected = true FROM protected_values p
                        WHERE m.entity_id IS NULL AND NOT m.protected
                          AND ((p.kind = m.kind AND p.key = m.key) OR (p.kind = 'postcode' AND m.kind = 'address' AND split_part(m.key, '|', 1) = p.key))`);
        await s.query(`INSERT INTO entities (kind, key, label)
                        SELECT kind, key, min(value) FROM entity_mentions
                         WHERE entity_id IS NULL AND NOT protected AND key IS NOT NULL GROUP BY kind, key
                        ON CONFLICT (kind, key) DO NOTHING`);
        await s.query(`UPDATE entity_mentions m SET entity_id = e.id FROM entities e
                        WHERE m.entity_id IS NULL AND NOT m.protected AND e.kind = m.kind AND e.key = m.key`);
      },
      { transaction: false },
    );
  } finally {
    await pool.close();
  }

  await writeNetworks(ctx, networks, seed);
  await ctx.db
    .insertInto('settings')
    .values({ key: 'entities.demo', value: JSON.stringify(want) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(want) }))
    .execute();
  return { records: recordCount, networks: networks.length };
}

/** Networks: ground truth, threat on their members' records, associations and the vehicles they keep. */
async function writeNetworks(ctx: AppContext, networks: NetworkTruth[], seed: number): Promise<void> {
  if (!networks.length) return;
  const rng = createRng(seed).fork('entities-demo-networks');
  const db = tables(ctx.db);
  const named = networks.map((n, i) => ({
    network_id: n.networkId,
    name: `${rng.pick(NETWORK_WORDS)} ${n.threat === 'oic' ? 'crossing network' : 'exploitation network'} ${i + 1}`,
    threat: n.threat,
    members: n.members.length,
  }));
  for (let i = 0; i < named.length; i += 500) await db.insertInto('demo_networks').values(named.slice(i, i + 500)).execute();
  await sql`UPDATE person_records p SET threats = ARRAY[n.threat]
              FROM demo_truth t JOIN demo_networks n ON n.network_id = t.network_id
             WHERE p.id = t.record_id AND NOT (n.threat = ANY(p.threats))`.execute(ctx.db);
  // One record per network member (their first), to hang relationships on.
  const members = await sql<{ truth_id: string; record_id: string; agency_code: string }>`
    SELECT DISTINCT ON (t.truth_id) t.truth_id, t.record_id::text AS record_id, p.agency_code
      FROM demo_truth t JOIN person_records p ON p.id = t.record_id
     WHERE t.network_id IS NOT NULL ORDER BY t.truth_id, p.seq`.execute(ctx.db);
  const recordOf = new Map(members.rows.map((m) => [m.truth_id, m]));
  const batchSize = 200;
  for (let i = 0; i < networks.length; i += batchSize) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const n of networks.slice(i, i + batchSize)) {
        const principal = n.members.find((m) => m.role === 'principal');
        const lead = principal ? recordOf.get(principal.truthId) : undefined;
        if (!lead) continue;
        const relationships: { kind: 'associate'; from: string; to: string; relationship: string }[] = [];
        const lieutenants = n.members.filter((m) => m.role === 'lieutenant').map((m) => recordOf.get(m.truthId)).filter((r) => !!r);
        for (const l of lieutenants) relationships.push({ kind: 'associate', from: `person:${lead.record_id}`, to: `person:${l!.record_id}`, relationship: 'lieutenant' });
        const bosses = lieutenants.length ? lieutenants : [lead];
        n.members
          .filter((m) => m.role === 'member')
          .forEach((m, k) => {
            const r = recordOf.get(m.truthId);
            if (r && rng.chance(0.6)) relationships.push({ kind: 'associate', from: `person:${bosses[k % bosses.length]!.record_id}`, to: `person:${r.record_id}`, relationship: 'directs' });
          });
        const vehicles = n.vehicles
          .map((v) => ({ v, keeper: recordOf.get(v.keeperTruthId) }))
          .filter((x) => !!x.keeper)
          .map((x, k) => ({ ref: `v${k}`, value: x.v.vrm, person: `k${k}`, relation: 'keeper', details: { make: x.v.make, model: x.v.model, colour: x.v.colour }, keeper: x.keeper! }));
        await recordMentions(trx, {
          agencyCode: lead.agency_code,
          sourceKind: 'import',
          sourceId: `intelligence-${n.networkId}`,
          threats: [n.threat],
          recordedOn: '2025-05-01',
          vehicles: vehicles.map(({ keeper: _k, person: _p, ...v }) => v),
          relationships: [
            ...relationships,
            ...vehicles.map((v) => ({ kind: 'ownership' as const, from: `person:${v.keeper.record_id}`, to: v.ref, relationship: 'registered keeper' })),
          ],
        });
      }
    });
  }
}

async function seedProtectedValues(ctx: AppContext): Promise<void> {
  const db = tables(ctx.db);
  for (const p of DEMO_PROTECTED_VALUES) {
    const key = protectedKey(p.kind, p.value);
    if (!key) continue;
    await db.insertInto('protected_values').values({ kind: p.kind, value: p.value, key, reason: p.reason, created_by: null }).onConflict((oc) => oc.columns(['kind', 'key']).doNothing()).execute();
  }
}

/** Removes a previous demo population (another size or seed) before loading a new one. */
async function clearDemoPeople(ctx: AppContext): Promise<void> {
  await withBulkSession(ctx.database, async (s) => {
    await s.query(`DELETE FROM entity_relationships WHERE source_kind = 'import' AND source_id LIKE 'intelligence-%'`);
    await s.query(`DELETE FROM entity_mentions WHERE source_kind = 'import' AND source_id LIKE 'intelligence-%'`);
    await s.query(`DELETE FROM person_records p USING demo_truth t WHERE p.id = t.record_id`);
    await s.query('TRUNCATE demo_truth, demo_networks, entity_match_links');
  });
}

/**
 * Runs `fn` with the secondary indexes of the bulk-loaded tables dropped, and builds them again afterwards from
 * their own definitions: building an index once is much cheaper than keeping it up to date through a million-row
 * COPY and the UPDATE that stores every entity id. Indexes behind constraints (keys, unique) stay.
 */
async function withoutSecondaryIndexes<T>(ctx: AppContext, tableNames: string[], fn: () => Promise<T>): Promise<T> {
  // A run killed before it rebuilt them left their definitions here: build them first.
  await rebuildIndexes(ctx);
  const rows = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tableNames}::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(ctx.db);
  await ctx.db.insertInto('settings').values({ key: DROPPED_INDEXES, value: JSON.stringify(rows.rows.map((r) => r.indexdef)) }).execute();
  for (const r of rows.rows) await sql.raw(`DROP INDEX IF EXISTS "${r.indexname}"`).execute(ctx.db);
  try {
    return await fn();
  } finally {
    await rebuildIndexes(ctx);
  }
}

const DROPPED_INDEXES = 'entities.demo.dropped_indexes';

async function rebuildIndexes(ctx: AppContext): Promise<void> {
  const saved = await ctx.db.selectFrom('settings').select('value').where('key', '=', DROPPED_INDEXES).executeTakeFirst();
  if (!saved) return;
  const defs = (typeof saved.value === 'string' ? JSON.parse(saved.value) : saved.value) as string[];
  for (const def of defs) await sql.raw(def.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')).execute(ctx.db);
  await ctx.db.deleteFrom('settings').where('key', '=', DROPPED_INDEXES).execute();
}

export const entitiesDemo: DemoGenerator = {
  name: 'people, networks and resolution',
  order: 10,
  async run(ctx, opts) {
    const target = recordTarget(opts.size);
    await withoutSecondaryIndexes(ctx, ['person_records', 'entity_mentions', 'demo_truth'], async () => {
      const loaded = await loadDemoPeople(ctx, opts);
      if (loaded.records === 0) return;
      await runBatchResolution(ctx, { progress: (done, total, message) => opts.progress(target + Math.round((done / total) * target * 0.95), target * 2, message) });
    });
    opts.progress(target * 2, target * 2, 'indexes built');
    await sql`ANALYZE person_records`.execute(ctx.db);
    await sql`ANALYZE entity_mentions`.execute(ctx.db);
  },
};
