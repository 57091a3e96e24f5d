/**
 * Intelligence reports: the input schema (API and pages share it) and the pure rules - what a report needs before
 * it can be submitted (crime identifier codes, a full 3x5x2 grading, conditions for handling code C, threats that
 * agree with the codes), the status workflow and what an edit changes.
 */
import { z } from 'zod';
import type { FieldError } from '../../kernel/errors.js';
import { IsoDate } from '../../kernel/http/schemas.js';
import {
  CRIME_CODES,
  crimeCode,
  SECURITY_MARKINGS,
  SOURCE_TYPES,
  SUBJECT_KINDS,
  THREAT_CODES,
  type ThreatCode,
} from '../reference.js';

const text = (max: number) => z.string().trim().max(max);

export const ConditionsInput = z.object({
  namedAgencies: z.array(text(60).min(1)).max(50).optional(),
  noOnwardSharing: z.boolean().optional(),
  originatorConsent: z.boolean().optional(),
  consentedAgencies: z.array(text(60).min(1)).max(50).optional(),
  text: text(2000).optional(),
});
export type ConditionsInput = z.infer<typeof ConditionsInput>;

export const SubjectInput = z.object({
  kind: z.enum(SUBJECT_KINDS),
  value: text(500).min(1, 'Enter the value'),
  role: text(60).optional(),
  dateOfBirth: text(40).optional(),
  nationality: text(60).optional(),
  notes: text(1000).optional(),
});
export type SubjectInput = z.infer<typeof SubjectInput>;

export const ReportFields = {
  title: text(200).min(1, 'Enter a title'),
  narrative: text(20000).min(1, 'Enter the intelligence'),
  sourceType: z.enum(SOURCE_TYPES.map((s) => s.value) as [string, ...string[]]).default('human'),
  sourceEvaluation: z.number().int().min(1).max(3).nullish(),
  assessment: z.enum(['A', 'B', 'C', 'D', 'E']).nullish(),
  handlingCode: z.enum(['P', 'C']).default('P'),
  conditions: ConditionsInput.nullish(),
  securityMarking: z.enum(SECURITY_MARKINGS).default('OFFICIAL-SENSITIVE'),
  threats: z.array(z.enum(THREAT_CODES)).max(2).optional(),
  crimeCodes: z.array(text(20)).max(20).default([]),
  areaCode: text(60).nullish(),
  occurredOn: IsoDate.nullish(),
  reportedOn: IsoDate.optional(),
  subjects: z.array(SubjectInput).max(200).default([]),
};

export const ReportInput = z.object({
  ...ReportFields,
  /** Submit for supervisor review straight away (needs codes and grading). */
  submit: z.boolean().default(false),
});
export type ReportInput = z.infer<typeof ReportInput>;

/** A partial edit: only the fields sent change. */
export const ReportPatch = z
  .object({
    title: ReportFields.title.optional(),
    narrative: ReportFields.narrative.optional(),
    sourceType: z.enum(SOURCE_TYPES.map((s) => s.value) as [string, ...string[]]).optional(),
    sourceEvaluation: ReportFields.sourceEvaluation,
    assessment: ReportFields.assessment,
    handlingCode: z.enum(['P', 'C']).optional(),
    conditions: ReportFields.conditions,
    securityMarking: z.enum(SECURITY_MARKINGS).optional(),
    threats: ReportFields.threats,
    crimeCodes: z.array(text(20)).max(20).optional(),
    areaCode: ReportFields.areaCode,
    occurredOn: ReportFields.occurredOn,
    subjects: z.array(SubjectInput).max(200).optional(),
  })
  .strict();
export type ReportPatch = z.infer<typeof ReportPatch>;

export type ReportStatus = 'draft' | 'awaiting_review' | 'returned' | 'approved' | 'needs_codes';

/** The threats a set of codes concerns, in a fixed order. */
export function threatsOfCodes(codes: readonly string[]): ThreatCode[] {
  const set = new Set(codes.map((c) => crimeCode(c)?.threat).filter((t): t is ThreatCode => !!t));
  return THREAT_CODES.filter((t) => set.has(t));
}

export const MISSING_CODE_MESSAGE =
  'Enter at least one crime identifier code. Reports without one are missed by searches, so they cannot be submitted (HMICFRS 2025, recommendation 6).';

export interface CheckableReport {
  crimeCodes: readonly string[];
  threats?: readonly string[] | null;
  sourceEvaluation?: number | null;
  assessment?: string | null;
  handlingCode: 'P' | 'C';
  conditions?: ConditionsInput | null;
}

/**
 * Field errors for a report. Always: codes must be known and threats must agree with them (MSHT and OIC are
 * separate codes; a report about both carries codes of both). For submission also: at least one code, a full
 * grading, and conditions stated when the handling code is C.
 */
export function checkReport(r: CheckableReport, opts: { forSubmission: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const unknown = r.crimeCodes.filter((c) => !crimeCode(c));
  if (unknown.length) {
    errors.push({
      field: 'crimeCodes',
      message: `Crime identifier code ${unknown.join(', ')} is not recognised. Choose from ${CRIME_CODES.map((c) => c.code).join(', ')}.`,
    });
  } else if (opts.forSubmission && r.crimeCodes.length === 0) {
    errors.push({ field: 'crimeCodes', message: MISSING_CODE_MESSAGE });
  }
  if (r.threats?.length && !unknown.length && r.crimeCodes.length) {
    const fromCodes = threatsOfCodes(r.crimeCodes);
    const given = [...new Set(r.threats)].sort();
    if (given.join() !== [...fromCodes].sort().join()) {
      errors.push({
        field: 'threats',
        message: `The threats must match the crime identifier codes: the codes given concern ${fromCodes.map((t) => t.toUpperCase()).join(' and ')}. MSHT and OIC are recorded separately, never merged.`,
      });
    }
  }
  if (opts.forSubmission) {
    if (!r.sourceEvaluation)
      errors.push({ field: 'sourceEvaluation', message: 'Select the source evaluation (1, 2 or 3)' });
    if (!r.assessment)
      errors.push({ field: 'assessment', message: 'Select the intelligence assessment (A to E)' });
  }
  if (r.handlingCode === 'C') {
    const c = r.conditions ?? {};
    const stated =
      (c.namedAgencies?.length ?? 0) > 0 ||
      c.noOnwardSharing ||
      c.originatorConsent ||
      (c.text ?? '').trim().length > 0;
    if (!stated)
      errors.push({
        field: 'conditions',
        message:
          'Handling code C needs its conditions: name the agencies, forbid onward sharing, require your consent, or describe them',
      });
  }
  return errors;
}

/** Conditions kept only for handling code C, tidied (no empty lists). */
export function normaliseConditions(
  handlingCode: 'P' | 'C',
  c: ConditionsInput | null | undefined,
): ConditionsInput | null {
  if (handlingCode !== 'C' || !c) return null;
  const out: ConditionsInput = {};
  if (c.namedAgencies?.length) out.namedAgencies = [...new Set(c.namedAgencies)];
  if (c.noOnwardSharing) out.noOnwardSharing = true;
  if (c.originatorConsent) {
    out.originatorConsent = true;
    out.consentedAgencies = [...new Set(c.consentedAgencies ?? [])];
  }
  if (c.text?.trim()) out.text = c.text.trim();
  return out;
}

export type ReportAction = 'submit' | 'approve' | 'return';

/** The status workflow: who reviews, and from where. Returns null when the action is not possible now. */
export function nextStatus(current: ReportStatus, action: ReportAction): ReportStatus | null {
  switch (action) {
    case 'submit':
      return current === 'draft' || current === 'returned' || current === 'needs_codes'
        ? 'awaiting_review'
        : null;
    case 'approve':
      return current === 'awaiting_review' ? 'approved' : null;
    case 'return':
      return current === 'awaiting_review' ? 'returned' : null;
  }
}

/** Fields whose change on an approved report sends it back for review before it can be disseminated again. */
export const REVIEWED_FIELDS = [
  'title',
  'narrative',
  'sourceEvaluation',
  'assessment',
  'handlingCode',
  'conditions',
  'crimeCodes',
  'threats',
  'subjects',
] as const;

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Draft',
  awaiting_review: 'Awaiting review',
  returned: 'Returned for changes',
  approved: 'Approved',
  needs_codes: 'Needs crime codes',
};
