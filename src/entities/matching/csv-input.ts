/** Reading person records from CSV: common column names, or an explicit `--map`. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { PersonRecord } from './types.js';

type Target =
  | 'given_name'
  | 'surname'
  | 'full_name'
  | 'date_of_birth'
  | 'street_number'
  | 'address_1'
  | 'address_2'
  | 'address'
  | 'town'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'nationality'
  | 'sex';

/** Column names recognised without a map (compared lower-case, spaces and dashes as underscores). */
const ALIASES: Record<Target, readonly string[]> = {
  given_name: ['given_name', 'given_names', 'first_name', 'firstname', 'forename', 'forenames', 'given'],
  surname: ['surname', 'last_name', 'lastname', 'family_name', 'familyname'],
  full_name: ['full_name', 'fullname', 'name'],
  date_of_birth: ['date_of_birth', 'dob', 'birth_date', 'birthdate', 'date_birth'],
  street_number: ['street_number', 'house_number', 'house_no', 'number'],
  address_1: ['address_1', 'address1', 'address_line_1', 'street', 'street_address'],
  address_2: ['address_2', 'address2', 'address_line_2', 'locality'],
  address: ['address', 'full_address'],
  town: ['town', 'city', 'suburb', 'post_town'],
  postcode: ['postcode', 'post_code', 'postal_code', 'zip', 'zipcode'],
  phone: ['phone', 'telephone', 'mobile', 'phone_number', 'tel'],
  email: ['email', 'email_address', 'e_mail'],
  nationality: ['nationality', 'citizenship', 'country_of_birth'],
  sex: ['sex', 'gender'],
};

/** Columns taken as identifiers (typed by column name) without a map. */
const IDENTIFIER_COLUMNS = ['soc_sec_id', 'passport', 'passport_number', 'nino', 'ni_number', 'national_insurance_number', 'nhs_number', 'pnc_id', 'cro_number', 'identifier', 'other_id', 'home_office_reference', 'ho_ref'];

function canon(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Parses "given_name=first,surname=last" into target -> source column. */
export function parseColumnMap(map: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!map) return out;
  for (const part of map.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`bad --map entry "${part}": expected target=column`);
    out.set(canon(part.slice(0, eq)), part.slice(eq + 1).trim());
  }
  return out;
}

export interface ColumnPlan {
  id: string;
  fields: Partial<Record<Target, string>>;
  /** identifier type -> source column */
  identifiers: [string, string][];
}

/**
 * Decides which source column feeds which field. Explicit map entries win; a map target that is
 * not a person field (e.g. "passport=pass_no") becomes an identifier of that type.
 */
export function planColumns(header: readonly string[], idColumn: string, map: Map<string, string>): ColumnPlan {
  const byCanon = new Map(header.map((h) => [canon(h), h]));
  const find = (name: string) => byCanon.get(canon(name)) ?? (header.includes(name) ? name : undefined);
  const id = find(idColumn);
  if (!id) throw new Error(`id column "${idColumn}" not in CSV header (${header.join(', ')})`);
  const fields: Partial<Record<Target, string>> = {};
  const identifiers: [string, string][] = [];
  const used = new Set<string>([id]);
  for (const [target, source] of map) {
    const col = find(source);
    if (!col) throw new Error(`--map column "${source}" not in CSV header`);
    used.add(col);
    if (target in ALIASES) fields[target as Target] = col;
    else identifiers.push([target, col]);
  }
  for (const target of Object.keys(ALIASES) as Target[]) {
    if (fields[target]) continue;
    for (const alias of ALIASES[target]) {
      const col = byCanon.get(alias);
      if (col && !used.has(col)) {
        fields[target] = col;
        used.add(col);
        break;
      }
    }
  }
  for (const name of IDENTIFIER_COLUMNS) {
    const col = byCanon.get(name);
    if (col && !used.has(col)) {
      identifiers.push([name, col]);
      used.add(col);
    }
  }
  return { id, fields, identifiers };
}

function joinParts(...parts: (string | undefined)[]): string | null {
  const s = parts.filter((p) => p && p.trim()).join(' ');
  return s || null;
}

export function rowToPerson(row: Record<string, string>, plan: ColumnPlan): PersonRecord {
  const f = plan.fields;
  const get = (t: Target) => (f[t] ? row[f[t]!] : undefined);
  const identifiers: string[] = [];
  for (const [type, col] of plan.identifiers) {
    const v = row[col];
    if (v && v.trim()) identifiers.push(`${type}:${v.trim()}`);
  }
  return {
    id: row[plan.id],
    given_name: get('given_name') || null,
    surname: get('surname') || null,
    full_name: get('full_name') || null,
    date_of_birth: get('date_of_birth') || null,
    address: joinParts(get('address'), get('street_number'), get('address_1'), get('address_2')),
    town: get('town') || null,
    postcode: get('postcode') || null,
    phone: get('phone') || null,
    email: get('email') || null,
    nationality: get('nationality') || null,
    sex: get('sex') || null,
    identifiers,
  };
}

/** Reads a CSV of person records (values trimmed: FEBRL writes a space after each comma). */
export async function readPersonCsv(path: string, idColumn: string, map = new Map<string, string>()): Promise<PersonRecord[]> {
  let header: string[] = [];
  const parser = createReadStream(path).pipe(
    parse({
      columns: (h: string[]) => {
        header = h.map((x) => x.trim());
        return header;
      },
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
    }),
  );
  const out: PersonRecord[] = [];
  let plan: ColumnPlan | null = null;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    plan ??= planColumns(header, idColumn, map);
    out.push(rowToPerson(row, plan));
  }
  return out;
}
