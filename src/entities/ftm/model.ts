/**
 * The FollowTheMoney model, read from the upstream schema files (./schema, MIT, copied from
 * ../shared/data/followthemoney): each schema's full property set with inheritance, so exports are checked
 * against the real model and imports refuse what it does not define.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface FtmProperty {
  name: string;
  type: string;
  range?: string;
}

export interface FtmSchema {
  name: string;
  extends: string[];
  abstract: boolean;
  edge: { source: string; target: string } | null;
  properties: Map<string, FtmProperty>;
}

/** One FtM entity as NDJSON carries it. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema');

interface RawSchema {
  extends?: string[];
  abstract?: boolean;
  edge?: { source: string; target: string };
  properties?: Record<string, { type?: string; range?: string } | null>;
}

let loaded: Map<string, FtmSchema> | null = null;

export function schemas(): Map<string, FtmSchema> {
  if (loaded) return loaded;
  const raw = new Map<string, RawSchema>();
  for (const file of fs.readdirSync(SCHEMA_DIR)) {
    if (!file.endsWith('.yaml')) continue;
    const doc = parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, RawSchema>;
    for (const [name, def] of Object.entries(doc)) raw.set(name, def ?? {});
  }
  const out = new Map<string, FtmSchema>();
  const build = (name: string): FtmSchema => {
    const done = out.get(name);
    if (done) return done;
    const def = raw.get(name);
    if (!def) throw new Error(`FollowTheMoney schema ${name} is not defined`);
    const properties = new Map<string, FtmProperty>();
    for (const parent of def.extends ?? []) for (const [k, v] of build(parent).properties) properties.set(k, v);
    for (const [k, v] of Object.entries(def.properties ?? {})) properties.set(k, { name: k, type: v?.type ?? 'string', range: v?.range });
    const s: FtmSchema = { name, extends: def.extends ?? [], abstract: !!def.abstract, edge: def.edge ?? null, properties };
    out.set(name, s);
    return s;
  };
  for (const name of raw.keys()) build(name);
  loaded = out;
  return out;
}

/** Is `schema` the same as or a descendant of `ancestor`? */
export function isA(schema: string, ancestor: string): boolean {
  if (schema === ancestor) return true;
  const s = schemas().get(schema);
  return !!s && s.extends.some((p) => isA(p, ancestor));
}

/** Problems with an entity against the model: unknown or abstract schema, unknown property, bad reference. */
export function validateEntity(e: unknown): string[] {
  const errors: string[] = [];
  if (!e || typeof e !== 'object') return ['not an object'];
  const ent = e as Partial<FtmEntity>;
  if (typeof ent.id !== 'string' || !ent.id) errors.push('id is missing');
  const s = typeof ent.schema === 'string' ? schemas().get(ent.schema) : undefined;
  if (!s) return [...errors, `schema "${String(ent.schema)}" is not a FollowTheMoney schema`];
  if (s.abstract) errors.push(`schema ${s.name} is abstract`);
  if (!ent.properties || typeof ent.properties !== 'object') return [...errors, 'properties are missing'];
  for (const [k, v] of Object.entries(ent.properties)) {
    const p = s.properties.get(k);
    if (!p) {
      errors.push(`${s.name} has no property "${k}"`);
      continue;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) errors.push(`${k} must be a list of strings`);
  }
  return errors;
}

/** ISO 3166 alpha-3 (as the matching engine normalises nationalities) to FtM's lower-case alpha-2. */
const ALPHA3: Record<string, string> = {
  GBR: 'gb', ALB: 'al', VNM: 'vn', ERI: 'er', SDN: 'sd', IRN: 'ir', IRQ: 'iq', AFG: 'af', SYR: 'sy', ETH: 'et', ROU: 'ro', POL: 'pl',
  NGA: 'ng', CHN: 'cn', IND: 'in', PAK: 'pk', EGY: 'eg', KWT: 'kw', SOM: 'so', LBY: 'ly', FRA: 'fr', DEU: 'de', ITA: 'it', ESP: 'es',
  TUR: 'tr', UKR: 'ua', BGR: 'bg', LTU: 'lt', LVA: 'lv', CZE: 'cz', SVK: 'sk', HUN: 'hu', PRT: 'pt', NLD: 'nl', BEL: 'be', IRL: 'ie',
};

export function countryCode(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = v.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toLowerCase();
  return ALPHA3[t.toUpperCase()] ?? null;
}

export function alpha3FromFtm(code: string): string {
  const hit = Object.entries(ALPHA3).find(([, two]) => two === code.toLowerCase());
  return hit ? hit[0] : code.toUpperCase();
}
