import type { FieldError } from '../../kernel/errors.js';

/**
 * A small declarative form: the same field list renders the GOV.UK components (ocg/ui/form.njk) and reads the
 * posted body, so simple "add a ..." pages need no template of their own.
 */
export interface Option {
  value: string;
  text: string;
  hint?: string;
}

export interface FormField {
  name: string;
  label: string;
  hint?: string;
  type: 'text' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'date' | 'number' | 'yesno';
  options?: readonly Option[];
  required?: boolean;
  /** Input width class suffix, e.g. '10' for govuk-input--width-10. */
  width?: string;
  /** Numbers: inclusive bounds. */
  min?: number;
  max?: number;
  /** Plain-English name used in error messages ("the operation name"). */
  noun?: string;
}

export type FormValue = string | string[] | { day: string; month: string; year: string } | undefined;
export type Parsed = Record<string, string | string[] | number | boolean | null>;

const str = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v)).trim();
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)]);

/** ISO date from GOV.UK date input parts, or null if any part is missing or the date does not exist. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export function dateParts(iso: string | null | undefined) {
  if (!iso) return { day: '', month: '', year: '' };
  const [y, m, d] = iso.slice(0, 10).split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y ?? '' };
}

export function readForm(body: Record<string, unknown> | undefined, fields: readonly FormField[]) {
  const b = body ?? {};
  const values: Record<string, FormValue> = {};
  const data: Parsed = {};
  const errors: FieldError[] = [];
  const noun = (f: FormField) => f.noun ?? f.label.toLowerCase();
  for (const f of fields) {
    const allowed = f.options?.map((o) => o.value);
    switch (f.type) {
      case 'date': {
        const parts = { day: str(b[`${f.name}-day`]), month: str(b[`${f.name}-month`]), year: str(b[`${f.name}-year`]) };
        values[f.name] = parts;
        const empty = !parts.day && !parts.month && !parts.year;
        if (empty) {
          data[f.name] = null;
          if (f.required) errors.push({ field: f.name, message: `Enter ${noun(f)}` });
        } else {
          const iso = dateFromParts(parts.day, parts.month, parts.year);
          if (!iso) errors.push({ field: f.name, message: `${capital(noun(f))} must be a real date` });
          data[f.name] = iso;
        }
        break;
      }
      case 'checkboxes': {
        const v = list(b[f.name]).filter((x) => x !== '_unchecked');
        values[f.name] = v;
        if (allowed && v.some((x) => !allowed.includes(x))) errors.push({ field: f.name, message: `Choose ${noun(f)} from the list` });
        if (f.required && !v.length) errors.push({ field: f.name, message: `Select ${noun(f)}` });
        data[f.name] = v;
        break;
      }
      case 'number': {
        const v = str(b[f.name]);
        values[f.name] = v;
        if (!v) {
          data[f.name] = null;
          if (f.required) errors.push({ field: f.name, message: `Enter ${noun(f)}` });
          break;
        }
        const n = Number(v.replace(/,/g, ''));
        if (!Number.isFinite(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
          errors.push({ field: f.name, message: `${capital(noun(f))} must be a number${f.min !== undefined ? ` from ${f.min}` : ''}${f.max !== undefined ? ` to ${f.max}` : ''}` });
          data[f.name] = null;
        } else data[f.name] = n;
        break;
      }
      case 'yesno': {
        const v = str(b[f.name]);
        values[f.name] = v;
        if (v !== 'yes' && v !== 'no') {
          data[f.name] = null;
          if (f.required || v) errors.push({ field: f.name, message: `Select yes or no for ${noun(f)}` });
        } else data[f.name] = v === 'yes';
        break;
      }
      default: {
        const v = str(b[f.name]);
        values[f.name] = v;
        if (!v) {
          data[f.name] = null;
          if (f.required) errors.push({ field: f.name, message: `${f.type === 'select' || f.type === 'radios' ? 'Select' : 'Enter'} ${noun(f)}` });
        } else if (allowed && !allowed.includes(v)) {
          errors.push({ field: f.name, message: `Choose ${noun(f)} from the list` });
          data[f.name] = null;
        } else if (v.length > (f.type === 'textarea' ? 5000 : 300)) {
          errors.push({ field: f.name, message: `${capital(noun(f))} is too long` });
          data[f.name] = null;
        } else data[f.name] = v;
      }
    }
  }
  return { values, data, errors };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Current values for a form shown for the first time. */
export function initialValues(fields: readonly FormField[], from: Record<string, unknown> = {}): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const f of fields) {
    const v = from[f.name];
    if (f.type === 'date') out[f.name] = dateParts(typeof v === 'string' ? v : null);
    else if (f.type === 'checkboxes') out[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.type === 'yesno') out[f.name] = v === true ? 'yes' : v === false ? 'no' : '';
    else out[f.name] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}
