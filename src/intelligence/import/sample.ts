/**
 * Deterministic sample import files (for the benchmark and the kill-and-resume test): realistic report rows with
 * codes, grading, handling, areas, dates and subjects, optionally with a share of legacy rows missing codes and
 * of invalid rows.
 */

import { once } from 'node:events';
import fs from 'node:fs';
import { createRng } from '../../entities/demo/rng.js';
import { csvField } from './copy.js';

export const SAMPLE_HEADER = [
  'external_id',
  'title',
  'narrative',
  'source_evaluation',
  'assessment',
  'handling_code',
  'named_agencies',
  'crime_codes',
  'area',
  'reported_on',
  'subjects',
];

const AREAS = [
  'met',
  'kent',
  'essex',
  'west-yorkshire',
  'gmp',
  'west-midlands',
  'bedfordshire',
  'humberside',
  'sussex',
  'thames-valley',
  'merseyside',
  'south-yorkshire',
];
const PLACES = [
  'a car wash',
  'a nail bar',
  'a cannabis grow',
  'a takeaway',
  'a lorry park',
  'a hotel',
  'a caravan site',
  'a port',
  'a motorway services',
  'a flat above a shop',
];
const WHAT = [
  'Workers are collected before dawn in a white van and appear not to be paid.',
  'A man is said to arrange small boat crossings from northern France for 3,000 euros each.',
  'Young women are moved between short-let flats every few days; adverts change phone numbers weekly.',
  'Several men sleep on site and hand their wages to a supervisor who holds their passports.',
  'People were seen leaving the back of a curtain-sided lorry at a services car park.',
  'A recruiter offers jobs in the UK through social media and charges for travel and documents.',
];
const CODES = [
  ['OIC-SB'],
  ['OIC-CLAN'],
  ['MSHT-LAB'],
  ['MSHT-SEX'],
  ['MSHT-CRIM'],
  ['OIC', 'MSHT-LAB'],
  ['OIC-DOC'],
  ['MSHT-DS'],
];
const GIVEN = [
  'Ardit',
  'Besnik',
  'Van An',
  'Thi Lan',
  'Tesfay',
  'Mohammed',
  'Andrei',
  'Piotr',
  'Dritan',
  'Minh',
];
const FAMILY = [
  'Hoxha',
  'Krasniqi',
  'Nguyen',
  'Tran',
  'Gebremedhin',
  'Al-Hassan',
  'Popescu',
  'Kowalski',
  'Berisha',
  'Pham',
];

export interface SampleOptions {
  rows: number;
  seed?: number;
  /** Share of rows without crime codes (legacy). */
  missingCodes?: number;
  /** Share of invalid rows (bad grading or date). */
  invalid?: number;
  /** Rows carry an external id. */
  externalIds?: boolean;
}

export function sampleRow(i: number, rng: ReturnType<typeof createRng>, o: SampleOptions): string[] {
  const area = AREAS[i % AREAS.length]!;
  const codes = o.missingCodes && rng.next() < o.missingCodes ? [] : rng.pick(CODES);
  const bad = o.invalid && rng.next() < o.invalid;
  const handling = rng.next() < 0.15 ? 'C' : 'P';
  const year = 2021 + (i % 5);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const name = `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`;
  const phone = `07700 9${String(i % 100000).padStart(5, '0')}`;
  return [
    o.externalIds ? `LEG-${i}` : '',
    `${codes[0]?.startsWith('OIC') ? 'Immigration crime' : 'Exploitation'} at ${rng.pick(PLACES)} (${area})`,
    `${rng.pick(WHAT)} Reported near ${rng.pick(PLACES)} in the ${area} area. ${rng.pick(WHAT)}`,
    bad ? '7' : String(1 + (i % 3)),
    'ABCDE'[i % 5]!,
    handling,
    handling === 'C' ? 'nca' : '',
    codes.join(';'),
    area,
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    `person:${name}|phone:${phone}`,
  ];
}

/**
 * The rows an import of the sample file stores, in the target tables' own column formats: what a raw COPY
 * straight into intel_reports and intel_report_subjects would load (the benchmark's baseline). Mirrors the
 * import's mapping for the sample's valid rows (ids, idempotency keys, derived threats, normalised subjects).
 */
export async function writeTargetCsv(
  sampleFile: string,
  reportsFile: string,
  subjectsFile: string,
  o: {
    idPrefix: string;
    keyPrefix: string;
    importId: string;
    agency: string;
    regionOf: (area: string) => string | null;
  },
) {
  const { parse } = await import('csv-parse');
  const reports = fs.createWriteStream(reportsFile);
  const subjects = fs.createWriteStream(subjectsFile);
  let row = 0;
  let rbuf: string[] = [];
  let sbuf: string[] = [];
  const flush = async () => {
    if (!reports.write(rbuf.join(''))) await once(reports, 'drain');
    if (!subjects.write(sbuf.join(''))) await once(subjects, 'drain');
    rbuf = [];
    sbuf = [];
  };
  const threatOf = (c: string) => (c.startsWith('OIC') ? 'oic' : 'msht');
  const norm = (kind: string, v: string) =>
    kind === 'phone'
      ? v.replace(/[ +\-().]/g, '')
      : v
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .replace(/[-.,/]/g, ' ')
          .replace(/'/g, '')
          .replace(/ {2,}/g, ' ')
          .trim();
  for await (const rec of fs.createReadStream(sampleFile).pipe(parse({ from_line: 2 })) as AsyncIterable<
    string[]
  >) {
    row++;
    const [ext, title, narrative, se, assessment, handling, named, codes, area, reported, subj] =
      rec as string[];
    const codeList = codes ? codes.split(';') : [];
    const threats = [...new Set(codeList.map(threatOf))].sort((a, b) =>
      a === 'msht' ? -1 : b === 'msht' ? 1 : 0,
    );
    const id = `${o.idPrefix}${row.toString(16).padStart(15, '0')}`;
    const conditions = handling === 'C' ? JSON.stringify({ namedAgencies: named!.split(';') }) : null;
    rbuf.push(
      [
        id,
        o.agency,
        'police_force',
        area,
        o.regionOf(area!),
        title,
        narrative,
        'legacy_import',
        se,
        assessment,
        handling,
        conditions,
        'OFFICIAL-SENSITIVE',
        `{${threats.join(',')}}`,
        `{${codeList.join(',')}}`,
        codeList.length ? 'approved' : 'needs_codes',
        reported,
        ext || null,
        `${o.keyPrefix}${row.toString(16).padStart(16, '0')}`,
        o.importId,
        String(row),
      ]
        .map((v) => csvField(v ?? null))
        .join(',') + '\n',
    );
    for (const item of (subj ?? '').split('|').filter(Boolean)) {
      const at = item.indexOf(':');
      const kind = item.slice(0, at).trim().toLowerCase();
      const value = item.slice(at + 1).trim();
      sbuf.push(`${id},${kind},${csvField(value)},${csvField(norm(kind, value))}\n`);
    }
    if (rbuf.length >= 5000) await flush();
  }
  await flush();
  reports.end();
  subjects.end();
  await Promise.all([once(reports, 'finish'), once(subjects, 'finish')]);
}

export const TARGET_REPORT_COLUMNS =
  'id, owning_agency_code, owning_agency_type, area_code, region, title, narrative, source_type, source_evaluation, assessment, handling_code, conditions, security_marking, threats, crime_codes, status, reported_on, external_id, import_key, import_id, import_row';
export const TARGET_SUBJECT_COLUMNS = 'report_id, kind, value, normalised';

/** Writes a sample CSV; returns the number of data rows written. */
export async function writeSampleCsv(file: string, o: SampleOptions): Promise<number> {
  const rng = createRng(o.seed ?? 4);
  const out = fs.createWriteStream(file);
  out.write(`${SAMPLE_HEADER.join(',')}\n`);
  let buf: string[] = [];
  for (let i = 1; i <= o.rows; i++) {
    buf.push(
      `${sampleRow(i, rng, o)
        .map((v, k) => (v === '' && k !== 0 ? '' : csvField(v || null)))
        .join(',')}\n`,
    );
    if (buf.length >= 5000) {
      if (!out.write(buf.join(''))) await once(out, 'drain');
      buf = [];
    }
  }
  out.write(buf.join(''));
  out.end();
  await once(out, 'finish');
  return o.rows;
}
