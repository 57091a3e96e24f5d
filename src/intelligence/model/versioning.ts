/**
 * Optimistic concurrency for records many people edit at once: every accepted edit increments `version`; an
 * edit names the version it started from (If-Match or a hidden form field) and is refused when the record has
 * moved on, showing what the other person changed instead of silently overwriting it.
 */

export const etagOf = (version: number) => `"${version}"`;

/** The version named by an If-Match header (`"3"`, `W/"3"` or `3`); null when absent or unreadable. */
export function parseIfMatch(header: string | string[] | undefined): number | null {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(v);
  return m ? Number(m[1]) : null;
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What an edit changes: only the fields present in `next` whose value differs from `prev`. */
export function diff(prev: Record<string, unknown>, next: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    if (!same(prev[k], v)) out[k] = { from: prev[k] ?? null, to: v ?? null };
  }
  return out;
}

export interface VersionEntry {
  version: number;
  changedByName: string | null;
  changedAt: string;
  changes: Changes;
}

/** The body of a refused stale edit: the current version and what changed since the editor's version. */
export interface StaleDetail {
  currentVersion: number;
  yourVersion: number | null;
  changesSince: VersionEntry[];
}

/** Plain-English lines for a stale-edit banner ("Mina Patel changed title, narrative at 10:42"). */
export function describeChanges(
  entries: readonly VersionEntry[],
  label: (field: string) => string = (f) => f,
): string[] {
  return entries.map((e) => {
    const fields = Object.keys(e.changes).map(label);
    return `${e.changedByName ?? 'Someone'} changed ${fields.length ? fields.join(', ') : 'the record'} (version ${e.version}).`;
  });
}
