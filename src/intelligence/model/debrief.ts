/**
 * Debriefs in the one standard structure (001 §53; 004 rec 3): who the subject is, consent and voluntariness,
 * interpreter, the debriefer's qualification, then recruitment -> transit route legs -> border crossing ->
 * activity in the UK. Pure rules: under-16s only on a recorded request, what each status needs.
 */
import { z } from 'zod';
import type { FieldError } from '../../kernel/errors.js';
import { IsoDate } from '../../kernel/http/schemas.js';
import { DEBRIEFER_QUALIFICATIONS, THREAT_CODES } from '../reference.js';
import { ConditionsInput } from './report.js';

const text = (max: number) => z.string().trim().max(max);
const opt = (max = 200) => text(max).nullish();

export const DEBRIEF_STATUSES = ['planned', 'declined', 'agreed', 'completed', 'cancelled'] as const;
export type DebriefStatus = (typeof DEBRIEF_STATUSES)[number];
export const DEBRIEF_STATUS_LABELS: Record<DebriefStatus, string> = {
  planned: 'Planned',
  declined: 'Approached: declined',
  agreed: 'Approached: agreed',
  completed: 'Debriefed',
  cancelled: 'Cancelled',
};

export const SubjectIdentityInput = z.object({
  givenName: text(100).min(1, 'Enter the given name'),
  familyName: text(100).min(1, 'Enter the family name'),
  dateOfBirth: opt(40),
  nationality: opt(60),
});

export const Under16Request = z.object({
  requestingAgency: text(60).min(1, 'Enter the agency that requested the debrief'),
  reason: text(1000).min(1, 'Enter why the debrief was requested'),
});

export const DebriefPlanInput = SubjectIdentityInput.extend({
  subjectType: z.enum(['victim', 'migrant', 'offender']),
  plannedOn: IsoDate.nullish(),
  location: opt(200),
  areaCode: opt(60),
  debrieferName: text(120).min(1, 'Enter who will carry out the debrief'),
  debrieferQualification: z.enum(DEBRIEFER_QUALIFICATIONS.map((q) => q.value) as [string, ...string[]]),
  qualificationDetail: opt(300),
  under16Request: Under16Request.nullish(),
  threats: z.array(z.enum(THREAT_CODES)).max(2).default([]),
  handlingCode: z.enum(['P', 'C']).default('P'),
  conditions: ConditionsInput.nullish(),
  /** Plan even though the coordination check found the person debriefed or approached elsewhere. */
  acknowledgeMatches: z.boolean().default(false),
  coordinationNote: opt(1000),
});
export type DebriefPlanInput = z.infer<typeof DebriefPlanInput>;

export const Recruitment = z.object({
  country: opt(2),
  place: opt(200),
  date: opt(40),
  method: opt(200),
  recruiter: opt(300),
  promised: opt(1000),
  notes: opt(2000),
});
export const RouteLeg = z.object({
  fromCountry: opt(2),
  toCountry: opt(2),
  transport: opt(60),
  facilitators: opt(500),
  paymentAmount: z.number().min(0).max(10_000_000).nullish(),
  paymentCurrency: opt(3),
  paymentMethod: opt(100),
  startedOn: IsoDate.nullish(),
  notes: opt(2000),
});
export type RouteLeg = z.infer<typeof RouteLeg>;
export const Crossing = z.object({
  method: opt(100),
  place: opt(200),
  date: IsoDate.nullish(),
  fromCountry: opt(2),
  notes: opt(2000),
});
export const UkActivity = z.object({
  arrivalPlace: opt(200),
  areaCode: opt(60),
  work: opt(1000),
  accommodation: opt(1000),
  controllers: opt(1000),
  exploitation: opt(1000),
  notes: opt(2000),
});

export const DebriefPatch = z
  .object({
    status: z.enum(DEBRIEF_STATUSES).optional(),
    plannedOn: IsoDate.nullish(),
    location: opt(200),
    approachedOn: IsoDate.nullish(),
    consentGiven: z.boolean().nullish(),
    voluntaryConfirmed: z.boolean().nullish(),
    consentNotes: opt(2000),
    interpreterUsed: z.boolean().nullish(),
    interpreterLanguage: opt(60),
    subjectLanguage: opt(60),
    debrieferName: text(120).min(1).optional(),
    debrieferQualification: z
      .enum(DEBRIEFER_QUALIFICATIONS.map((q) => q.value) as [string, ...string[]])
      .optional(),
    qualificationDetail: opt(300),
    debriefedOn: IsoDate.nullish(),
    recruitment: Recruitment.nullish(),
    legs: z.array(RouteLeg).max(30).optional(),
    crossing: Crossing.nullish(),
    ukActivity: UkActivity.nullish(),
    threats: z.array(z.enum(THREAT_CODES)).max(2).optional(),
  })
  .strict();
export type DebriefPatch = z.infer<typeof DebriefPatch>;

/** Age in whole years on a date, or null when the date of birth is not a full date. */
export function ageOn(dateOfBirth: string | null | undefined, on: string): number | null {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - y;
  if (om < m || (om === m && od < d)) age--;
  return age;
}

/** Under-16s are not debriefed unless another agency requested it (004): the request must be recorded. */
export function checkUnder16(
  isoDob: string | null,
  on: string,
  request: { requestingAgency: string; reason: string } | null | undefined,
): FieldError[] {
  const age = ageOn(isoDob, on);
  if (age !== null && age < 16 && !request) {
    return [
      {
        field: 'under16Request',
        message: `The subject is ${age}: children under 16 are debriefed only when an agency requests it. Record the request (agency and reason) or do not plan the debrief.`,
      },
    ];
  }
  return [];
}

export function checkQualification(
  q: string | null | undefined,
  detail: string | null | undefined,
): FieldError[] {
  if (!q) return [{ field: 'debrieferQualification', message: 'Select the debriefer’s qualification' }];
  if (q === 'other' && !detail?.trim())
    return [{ field: 'qualificationDetail', message: 'Describe the debriefer’s qualification' }];
  return [];
}

export interface DebriefState {
  status: DebriefStatus;
  approachedOn: string | null;
  consentGiven: boolean | null;
  voluntaryConfirmed: boolean | null;
  interpreterUsed: boolean | null;
  interpreterLanguage: string | null;
  debriefedOn: string | null;
  hasContent: boolean;
}

const ALLOWED: Record<DebriefStatus, DebriefStatus[]> = {
  planned: ['planned', 'declined', 'agreed', 'completed', 'cancelled'],
  agreed: ['agreed', 'completed', 'declined', 'cancelled'],
  declined: ['declined', 'agreed'],
  completed: ['completed'],
  cancelled: ['cancelled', 'planned'],
};

/** What a debrief needs in each status: an approach date once approached; consent and voluntariness to agree; all of it, the interpreter decision and some content to complete. */
export function checkDebriefState(from: DebriefStatus, s: DebriefState): FieldError[] {
  const errors: FieldError[] = [];
  if (!ALLOWED[from].includes(s.status)) {
    errors.push({
      field: 'status',
      message: `A debrief that is ${DEBRIEF_STATUS_LABELS[from].toLowerCase()} cannot become ${DEBRIEF_STATUS_LABELS[s.status].toLowerCase()}`,
    });
    return errors;
  }
  if (['declined', 'agreed', 'completed'].includes(s.status) && !s.approachedOn)
    errors.push({ field: 'approachedOn', message: 'Enter the date the person was approached' });
  if (s.status === 'agreed' || s.status === 'completed') {
    if (s.consentGiven !== true)
      errors.push({
        field: 'consentGiven',
        message: 'A debrief needs the person’s consent: debriefs are voluntary and confidential',
      });
    if (s.voluntaryConfirmed !== true)
      errors.push({
        field: 'voluntaryConfirmed',
        message: 'Confirm the person was told the debrief is voluntary and may stop at any time',
      });
  }
  if (s.status === 'completed') {
    if (!s.debriefedOn) errors.push({ field: 'debriefedOn', message: 'Enter the date of the debrief' });
    if (s.interpreterUsed === null)
      errors.push({ field: 'interpreterUsed', message: 'Say whether an interpreter was used' });
    if (s.interpreterUsed && !s.interpreterLanguage?.trim())
      errors.push({ field: 'interpreterLanguage', message: 'Enter the interpreter’s language' });
    if (!s.hasContent)
      errors.push({
        field: 'recruitment',
        message: 'Record at least one section: recruitment, route, border crossing or activity in the UK',
      });
  }
  return errors;
}

/** Debrief rate (004: 36,704 arrivals, about 5,000 approached, half agreed, fewer than 1 in 15 debriefed in 2023). */
export function debriefRate(m: { arrivals: number; approached: number; agreed: number; debriefed: number }) {
  return {
    ...m,
    approachedShare: m.arrivals ? m.approached / m.arrivals : null,
    agreedShare: m.approached ? m.agreed / m.approached : null,
    debriefedShare: m.arrivals ? m.debriefed / m.arrivals : null,
    oneIn: m.debriefed ? Math.round(m.arrivals / m.debriefed) : null,
  };
}
