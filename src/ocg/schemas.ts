import { z } from 'zod';
import type { FieldError } from '../kernel/errors.js';
import { FORCES } from '../kernel/reference/forces.js';
import { DECISIONS, FOUR_P, MAGNITUDES, MEMBER_ROLES, OTHER_CRIMINALITY, TACTICS, THREAT_SUBTYPES } from './model.js';
import { FACTORS, GRADES } from './scoring.js';

/** zod schemas of the ocg API (they also produce the OpenAPI document). */

const text = (max: number) => z.string().trim().max(max);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const enumOf = <T extends readonly { code: string }[]>(list: T) => z.enum(list.map((x) => x.code) as [T[number]['code'], ...T[number]['code'][]]);

export const ThreatCode = z.enum(['msht', 'oic']);
export const ThreatRowSchema = z.object({ threat: ThreatCode, subtype: text(40).min(1) });
export const ForceCode = z.enum(FORCES.map((f) => f.code) as [string, ...string[]]);

export const HandlingConditions = z.object({
  namedAgencies: z.array(text(60)).max(50).optional(),
  noOnwardSharing: z.boolean().optional(),
  originatorConsent: z.boolean().optional(),
  consentedAgencies: z.array(text(60)).max(50).optional(),
  text: text(2000).optional(),
});

export const GroupCreate = z.object({
  name: text(200).min(1),
  aliases: z.array(text(200).min(1)).max(30).default([]),
  summary: text(5000).default(''),
  primaryThreat: ThreatCode,
  threats: z.array(ThreatRowSchema).min(1).max(20),
  otherCriminality: z.array(enumOf(OTHER_CRIMINALITY)).max(10).default([]),
  areas: z.array(ForceCode).max(46).default([]),
  handlingCode: z.enum(['P', 'C']).default('P'),
  handlingConditions: HandlingConditions.nullish(),
});
export type GroupCreate = z.output<typeof GroupCreate>;

export const GroupPatch = z.object({
  name: text(200).min(1).optional(),
  aliases: z.array(text(200).min(1)).max(30).optional(),
  summary: text(5000).optional(),
  primaryThreat: ThreatCode.optional(),
  threats: z.array(ThreatRowSchema).min(1).max(20).optional(),
  otherCriminality: z.array(enumOf(OTHER_CRIMINALITY)).max(10).optional(),
  areas: z.array(ForceCode).max(46).optional(),
  handlingCode: z.enum(['P', 'C']).optional(),
  handlingConditions: HandlingConditions.nullish(),
});

/** Domain checks zod cannot express on its own: sub-types belong to their threat; the primary threat is listed. */
export function threatErrors(primary: string | undefined, threats: { threat: string; subtype: string }[] | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!threats) return errors;
  threats.forEach((t, i) => {
    const allowed = THREAT_SUBTYPES[t.threat as 'msht' | 'oic']?.map((s) => s.code) ?? [];
    if (!allowed.includes(t.subtype)) {
      errors.push({ field: `threats.${i}.subtype`, message: `"${t.subtype}" is not a ${t.threat.toUpperCase()} sub-type: use one of ${allowed.join(', ')}` });
    }
  });
  if (primary && !threats.some((t) => t.threat === primary)) {
    errors.push({ field: 'threats', message: `List at least one ${primary.toUpperCase()} sub-type: it is the group's primary threat` });
  }
  return errors;
}

export const MemberCreate = z.object({
  name: text(200).min(1),
  role: enumOf(MEMBER_ROLES),
  location: z.enum(['uk', 'overseas', 'unknown']).default('unknown'),
  country: text(80).nullish(),
  personEntityId: text(100).nullish(),
  personRecordId: text(100).nullish(),
});

export const IntelligenceLink = z.object({
  reportId: text(100).min(1),
  linkedAt: z.iso.datetime({ offset: true }).optional(),
});

export const Ratings = z.object(Object.fromEntries(FACTORS.map((f) => [f, z.number().int().min(1).max(5)])) as Record<(typeof FACTORS)[number], z.ZodNumber>);

export const AssessmentCreate = z.object({
  ratings: Ratings,
  decision: enumOf(DECISIONS),
  rationale: text(5000),
  gradeOverride: z.enum(GRADES).nullish(),
  overrideReason: text(2000).nullish(),
  nextDue: IsoDate.nullish(),
});

export const ScoringConfigSchema = z.object({
  weights: z.object({ harm: z.number(), likelihood: z.number(), confidence: z.number(), capacity: z.number() }),
  gradeBands: z.object({ P1: z.number(), P2: z.number(), P3: z.number(), P4: z.number() }),
  confidenceBands: z.object({ lowMax: z.number().int(), highMin: z.number().int() }),
  tierMatrix: z.object(
    Object.fromEntries(GRADES.map((g) => [g, z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() })])) as Record<
      (typeof GRADES)[number],
      z.ZodObject<{ low: z.ZodNumber; medium: z.ZodNumber; high: z.ZodNumber }>
    >,
  ),
  reviewDays: z.object({ P1: z.number().int(), P2: z.number().int(), P3: z.number().int(), P4: z.number().int() }),
  firstAssessmentDays: z.number().int(),
  lowGrades: z.array(z.enum(GRADES)).max(4),
  inactivityDays: z.number().int(),
});

export const ConfigUpdate = z.object({ config: ScoringConfigSchema, reason: text(2000), version: z.number().int().min(0).optional() });

export const DisruptionCreate = z.object({
  ocgId: z.uuid().nullish(),
  threat: ThreatCode,
  category: enumOf(FOUR_P),
  magnitude: enumOf(MAGNITUDES),
  tactic: enumOf(TACTICS),
  evidence: text(5000),
  disruptedOn: IsoDate,
  forceCode: ForceCode.nullish(),
});

export const DisruptionValidation = z.object({
  decision: z.enum(['validated', 'rejected']),
  note: text(2000).nullish(),
  version: z.number().int().optional(),
});

export const Uuid = z.uuid();
