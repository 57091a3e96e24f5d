import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { SRC_DIR } from '../db/migrate.js';

const require = createRequire(import.meta.url);
export const GOVUK_DIST = path.dirname(path.dirname(require.resolve('govuk-frontend/package.json'))) + '/govuk-frontend/dist';
export const MOJ_ROOT = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'));

/**
 * Nunjucks over src/ (templates are named by capability: 'referrals/views/list.njk'), GOV.UK Frontend
 * ('govuk/components/...') and MoJ Frontend ('moj/components/...'). Autoescape is on.
 */
export function createViews(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([SRC_DIR, GOVUK_DIST, MOJ_ROOT], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('date', (v: unknown) => formatDate(v));
  env.addFilter('dateTime', (v: unknown) => formatDateTime(v));
  env.addFilter('number', (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-GB') : v));
  env.addFilter('percent', (v: unknown, digits = 0) =>
    typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '-',
  );
  env.addFilter('humanise', (v: unknown) => (typeof v === 'string' ? v.replace(/_/g, ' ') : v));
  env.addFilter('json', (v: unknown) => JSON.stringify(v ?? null));
  /** Turns [{value,text}] options into GOV.UK items with `checked`/`selected` from a current value. */
  env.addFilter('govukItems', (options: { value: string; text: string; hint?: string }[], current: unknown, mode = 'checked') => {
    const values = Array.isArray(current) ? current.map(String) : current === undefined || current === null ? [] : [String(current)];
    return options.map((o) => ({ ...o, hint: o.hint ? { text: o.hint } : undefined, [mode]: values.includes(o.value) }));
  });
  return env;
}

export function formatDate(v: unknown): string {
  if (!v) return '';
  const d = v instanceof Date ? v : new Date(String(v).length === 10 ? `${v}T00:00:00Z` : String(v));
  if (Number.isNaN(d.getTime())) return String(v);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

export function formatDateTime(v: unknown): string {
  if (!v) return '';
  const d = v instanceof Date ? v : new Date(String(v));
  if (Number.isNaN(d.getTime())) return String(v);
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
}

/** GOV.UK Frontend's stylesheet without the GDS Transport font: Fusion is not a GOV.UK public service. */
export function systemFontCss(css: string): string {
  const stack = 'system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';
  return css
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replace(/font-family:GDS Transport,arial,sans-serif/g, `font-family:${stack}`)
    .replace(/font-family:GDS Transport/g, `font-family:${stack}`);
}
