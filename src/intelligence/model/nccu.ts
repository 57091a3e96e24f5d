/**
 * NCCU contacts: every time police deal with a suspected immigration crime incident they contact Immigration
 * Enforcement's NCCU; the NCCU sends the force an intelligence document to complete and return (004 rec 2).
 * Pure rules: when a document is due, whether it is overdue, and the return rate by force.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/http/schemas.js';
import { NCCU_DOCUMENT_DAYS, NCCU_INCIDENT_TYPES, NCCU_SUBJECT_ROLES, THREAT_CODES } from '../reference.js';

const text = (max: number) => z.string().trim().max(max);

export const NccuSubjectInput = z.object({
  role: z
    .enum(NCCU_SUBJECT_ROLES.map((r) => r.value) as [string, ...string[]])
    .default('suspected_irregular_migrant'),
  givenName: text(100).nullish(),
  familyName: text(100).nullish(),
  dateOfBirth: text(40).nullish(),
  nationality: text(60).nullish(),
});

export const NccuContactInput = z.object({
  forceCode: text(60).min(1, 'Select the police force that contacted the NCCU'),
  contactedAt: z.iso.datetime({ offset: true }).or(IsoDate),
  incidentType: z.enum(NCCU_INCIDENT_TYPES.map((t) => t.value) as [string, ...string[]]),
  location: text(200).nullish(),
  summary: text(4000).min(1, 'Describe the incident'),
  officerName: text(120).nullish(),
  threats: z.array(z.enum(THREAT_CODES)).max(2).default(['oic']),
  subjects: z.array(NccuSubjectInput).max(200).default([]),
  /** Send the intelligence document now (NCCU staff). */
  sendDocument: z.boolean().default(false),
});
export type NccuContactInput = z.infer<typeof NccuContactInput>;

export function dueDate(sentOn: string, days = NCCU_DOCUMENT_DAYS): string {
  const d = new Date(`${sentOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type DocumentState = 'not_requested' | 'due' | 'overdue' | 'returned';

export function documentState(
  r: { document_status: string; document_due_on: string | null },
  today: string,
): DocumentState {
  if (r.document_status === 'returned') return 'returned';
  if (r.document_status === 'due') return r.document_due_on && r.document_due_on < today ? 'overdue' : 'due';
  return 'not_requested';
}

export interface ReturnRateRow {
  forceCode: string;
  forceName: string;
  sent: number;
  returned: number;
  overdue: number;
  rate: number | null;
}

/** Return rate = documents returned / documents sent, per force and in total (004: 14 of 44, Jun-Sep 2024). */
export function returnRates(
  rows: readonly { forceCode: string; forceName: string; sent: number; returned: number; overdue: number }[],
) {
  const byForce: ReturnRateRow[] = rows.map((r) => ({ ...r, rate: r.sent ? r.returned / r.sent : null }));
  const total = byForce.reduce(
    (t, r) => ({ sent: t.sent + r.sent, returned: t.returned + r.returned, overdue: t.overdue + r.overdue }),
    { sent: 0, returned: 0, overdue: 0 },
  );
  return { byForce, total: { ...total, rate: total.sent ? total.returned / total.sent : null } };
}
