import { parse } from 'csv-parse/sync';
import { FORCES } from '../../kernel/reference/forces.js';
import { isIsoDate, type IsoDate } from './dates.js';

/**
 * Training completion imported from CSV (pure): one row per force, course and date, with the number who have
 * completed it and the force's relevant headcount for it. Every problem is reported against its row and field;
 * a file with any problem imports nothing, so a corrected file can simply be sent again.
 */
export const TRAINING_COLUMNS = ['force', 'course', 'as_of', 'completed', 'relevant_headcount'] as const;
export const REQUIRED_COLUMNS = ['force', 'course', 'as_of', 'completed'] as const;
export const MAX_ROWS = 50_000;

export interface TrainingRow {
  force_code: string;
  course_code: string;
  as_of: IsoDate;
  completed: number;
  relevant_headcount: number | null;
}

export interface RowError {
  /** Line of the data row (1 = first row after the header); 0 for the file as a whole. */
  row: number;
  field: string;
  value: string;
  message: string;
}

export interface Parsed {
  total: number;
  rows: TrainingRow[];
  errors: RowError[];
}

const FORCE_BY_KEY = new Map<string, string>();
for (const f of FORCES) {
  FORCE_BY_KEY.set(f.code.toLowerCase(), f.code);
  FORCE_BY_KEY.set(f.name.toLowerCase(), f.code);
}
export const forceCodeOf = (v: string) => FORCE_BY_KEY.get(v.trim().toLowerCase()) ?? null;

const wholeNumber = (v: string) =>
  /^\d{1,7}$/.test(v.replace(/,/g, '')) ? Number(v.replace(/,/g, '')) : null;

export function parseTrainingCsv(
  text: string,
  opts: { courses: ReadonlySet<string>; today: IsoDate; allowedForces: ReadonlySet<string> | null },
): Parsed {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (e) {
    return {
      total: 0,
      rows: [],
      errors: [
        { row: 0, field: 'file', value: '', message: `The file is not valid CSV: ${(e as Error).message}` },
      ],
    };
  }
  if (!records.length)
    return {
      total: 0,
      rows: [],
      errors: [
        {
          row: 0,
          field: 'file',
          value: '',
          message: 'The file is empty: it needs a header row and at least one row',
        },
      ],
    };
  const header = records[0]!.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      total: records.length - 1,
      rows: [],
      errors: [
        {
          row: 0,
          field: 'header',
          value: records[0]!.join(','),
          message: `The header row must name the columns ${REQUIRED_COLUMNS.join(', ')} (and optionally relevant_headcount); missing: ${missing.join(', ')}`,
        },
      ],
    };
  }
  const data = records.slice(1);
  if (data.length === 0)
    return {
      total: 0,
      rows: [],
      errors: [{ row: 0, field: 'file', value: '', message: 'The file has a header row but no data rows' }],
    };
  if (data.length > MAX_ROWS)
    return {
      total: data.length,
      rows: [],
      errors: [
        {
          row: 0,
          field: 'file',
          value: String(data.length),
          message: `The file has ${data.length} rows; send at most ${MAX_ROWS} at a time`,
        },
      ],
    };
  const col = (r: string[], name: string) => {
    const i = header.indexOf(name);
    return i >= 0 ? (r[i] ?? '').trim() : '';
  };
  const rows: TrainingRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  data.forEach((r, i) => {
    const row = i + 1;
    const err = (field: string, value: string, message: string) =>
      errors.push({ row, field, value, message });
    const before = errors.length;
    const forceRaw = col(r, 'force');
    const force = forceCodeOf(forceRaw);
    if (!forceRaw) err('force', forceRaw, 'Enter the force (its code, such as gmp, or its name)');
    else if (!force) err('force', forceRaw, `"${forceRaw}" is not a police force Fusion knows`);
    else if (opts.allowedForces && !opts.allowedForces.has(force))
      err('force', forceRaw, 'You may import figures for your own force only');
    const course = col(r, 'course');
    if (!course) err('course', course, 'Enter the course code');
    else if (!opts.courses.has(course))
      err('course', course, `"${course}" is not a course code; use one listed on the training page`);
    const asOf = col(r, 'as_of');
    if (!isIsoDate(asOf))
      err('as_of', asOf, 'Enter the date of the figures as YYYY-MM-DD, for example 2026-09-30');
    else if (asOf > opts.today) err('as_of', asOf, 'The date of the figures cannot be in the future');
    const completedRaw = col(r, 'completed');
    const completed = wholeNumber(completedRaw);
    if (completed === null)
      err(
        'completed',
        completedRaw,
        'Enter the number who completed the course as a whole number, 0 or more',
      );
    const headRaw = col(r, 'relevant_headcount');
    const headcount = headRaw === '' ? null : wholeNumber(headRaw);
    if (headRaw !== '' && headcount === null)
      err('relevant_headcount', headRaw, 'Enter the relevant headcount as a whole number, or leave it empty');
    else if (headcount !== null && completed !== null && completed > headcount)
      err(
        'completed',
        completedRaw,
        `More completed the course (${completed}) than the relevant headcount (${headcount})`,
      );
    if (errors.length > before) return;
    const key = `${force}|${course}|${asOf}`;
    if (seen.has(key)) {
      err(
        'as_of',
        asOf,
        `Row ${seen.get(key)} already gives this force's figures for this course on this date`,
      );
      return;
    }
    seen.set(key, row);
    rows.push({
      force_code: force!,
      course_code: course,
      as_of: asOf,
      completed: completed!,
      relevant_headcount: headcount,
    });
  });
  return { total: data.length, rows: errors.length ? [] : rows, errors };
}

/** Share of the relevant headcount that completed, 0-1, or null when the headcount is unknown or zero. */
export const completionShare = (completed: number, headcount: number | null) =>
  headcount ? completed / headcount : null;
