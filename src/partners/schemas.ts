import { z } from 'zod';
import { IsoDate } from '../kernel/http/schemas.js';
import type { PartnerKind } from './data/types.js';
import {
  ACTIVITIES,
  CHALLENGES,
  FUNDING_SOURCES,
  GAPS,
  keysOf,
  LEVEL_VALUES,
  MEMBER_TYPES,
  ORGANISATION_TYPES,
  PROGRESS_MEASURES,
} from './model/categories.js';
import { OUTCOME_MEASURES, OUTPUT_MEASURES, PROGRESS_RATINGS } from './model/reviews.js';
import { CASE_KINDS } from './recommendations.js';

/** API shapes (zod -> OpenAPI) and the input schemas the pages reuse. */

export const PARTNER_KINDS: readonly { value: PartnerKind; text: string }[] = [
  { value: 'police', text: 'Police' },
  { value: 'law-enforcement', text: 'Law enforcement' },
  { value: 'government', text: 'Government' },
  { value: 'regulator', text: 'Regulator or enforcement body' },
  { value: 'local-authority', text: 'Local authority' },
  { value: 'health', text: 'Health' },
  { value: 'emergency-service', text: 'Emergency service' },
  { value: 'ngo', text: 'Charity or NGO' },
  { value: 'international', text: 'International' },
  { value: 'intelligence-network', text: 'Intelligence network' },
  { value: 'communication-channel', text: 'Communication channel' },
  { value: 'public-private-partnership', text: 'Public-private partnership' },
  { value: 'financial-sector', text: 'Financial sector' },
  { value: 'diplomatic', text: 'Diplomatic' },
];
export const kindLabel = (k: string) => PARTNER_KINDS.find((x) => x.value === k)?.text ?? k;

const keyEnum = (keys: string[]) => z.enum(keys as [string, ...string[]]);
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const SeedRefOut = z.object({ seed: z.string(), where: z.string(), quote: z.string().optional() });
export const PublicContactOut = z.object({
  phone: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
});

export const PartnerOut = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  parentCode: z.string().nullable(),
  agencyCode: z.string().nullable(),
  source: z.string(),
  listing: z.string(),
  capabilities: z.array(z.string()),
  whenToEngage: z.string(),
  howToReach: z.string().nullable(),
  available24x7: z.boolean().nullable(),
  publicContact: PublicContactOut.nullable(),
  restrictions: z.array(z.string()),
  seedRefs: z.array(SeedRefOut),
  version: z.number(),
  updatedAt: z.string(),
});

/** Codes that would shadow fixed paths under /partners. */
export const RESERVED_CODES = new Set(['new', 'recommendations', 'engagements', 'export']);

export const PartnerInput = z.strictObject({
  name: text(200).min(1, 'Enter the organisation’s name'),
  shortName: optText(40),
  kind: z.enum(PARTNER_KINDS.map((k) => k.value) as [PartnerKind, ...PartnerKind[]]),
  capabilities: z.array(text(400).min(1)).min(1, 'Enter at least one thing the organisation can do').max(30),
  whenToEngage: text(1000).min(1, 'Enter when to engage the organisation'),
  howToReach: optText(1000),
  available24x7: z.boolean().nullable(),
  publicPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9 +()-]*$/, 'must be a telephone number (digits, spaces, + ( ) -)')
    .nullable()
    .optional(),
  publicEmail: z.email('must be an email address').max(200).nullable().optional(),
  publicWebsite: z
    .url({ protocol: /^https?$/, message: 'must be a web address starting https://' })
    .max(300)
    .nullable()
    .optional(),
  restrictions: z.array(text(1000).min(1)).max(20),
});
export const PartnerCreate = PartnerInput.extend({
  code: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'must be lower-case letters and numbers joined by hyphens, like "city-hearts"',
    )
    .max(60)
    .refine((c) => !RESERVED_CODES.has(c), 'is reserved; choose another'),
});
export const PartnerUpdate = PartnerInput.extend({ version: z.number().int().min(1) });

export const RuleOut = z.object({
  id: z.string(),
  title: z.string(),
  urgency: z.enum(['immediately', 'should', 'consider']),
  reason: z.string(),
  route: z.string().nullable(),
  because: z.string(),
  seed: z.object({ seed: z.string(), title: z.string(), where: z.string(), quote: z.string().nullable() }),
});

export const RecommendationsOut = z.object({
  facts: z.record(z.string(), z.unknown()),
  derived: z.array(z.string()),
  recommendations: z.array(
    z.object({
      partner: z.object({
        code: z.string(),
        name: z.string(),
        shortName: z.string().nullable(),
        howToReach: z.string().nullable(),
        available24x7: z.boolean().nullable(),
        publicContact: PublicContactOut.nullable(),
        restrictions: z.array(z.string()),
      }),
      urgency: z.enum(['immediately', 'should', 'consider']),
      rules: z.array(RuleOut),
    }),
  ),
  countries: z.array(z.object({ code: z.string(), name: z.string(), uk: z.boolean(), europol: z.boolean() })),
});

export const EngagementInput = z.strictObject({
  partnerCode: z.string().trim().min(1).max(60),
  caseKind: z.enum(CASE_KINDS),
  caseId: z
    .string()
    .trim()
    .min(1, 'Enter the case’s id or reference')
    .max(100)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._/-]*$/,
      'must be the id or reference of the case (letters, numbers, - _ . /)',
    ),
  ruleId: z.string().trim().max(80).nullable().optional(),
  engagedOn: IsoDate.optional(),
  note: optText(2000),
});

export const EngagementOut = z.object({
  id: z.string(),
  partnerCode: z.string(),
  partnerName: z.string(),
  caseKind: z.string(),
  caseId: z.string(),
  ruleId: z.string().nullable(),
  engagedOn: z.string(),
  note: z.string().nullable(),
  agencyCode: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

export const PartnershipPatchInput = z.strictObject({
  version: z.number().int().min(1),
  chairType: keyEnum(keysOf(ORGANISATION_TYPES)).nullable(),
  coordinatorType: keyEnum(keysOf(ORGANISATION_TYPES)).nullable(),
  memberTypes: z.array(keyEnum(keysOf(MEMBER_TYPES))).max(60),
  memberNames: z.array(text(200).min(1)).max(200),
  activities: z.array(keyEnum(keysOf(ACTIVITIES))).max(20),
  otherActivities: optText(2000),
  governanceDocuments: z.boolean().nullable(),
  governanceNotes: optText(2000),
  actionPlan: z.boolean().nullable(),
  actionPlanNotes: optText(2000),
  progressMeasures: z.array(keyEnum(keysOf(PROGRESS_MEASURES))).max(20),
  progressNotes: optText(2000),
  fundingSources: z.array(keyEnum(keysOf(FUNDING_SOURCES))).max(20),
  fundingNotes: optText(2000),
  gaps: z.array(keyEnum(keysOf(GAPS))).max(20),
  challenges: z.array(keyEnum(keysOf(CHALLENGES))).max(20),
  gapsNotes: optText(2000),
  meetingFrequency: optText(100),
});

export const PartnershipSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
  area: z.string(),
  nation: z.string(),
  forceAreaCodes: z.array(z.string()),
  activities: z.array(z.string()),
  chairType: z.string().nullable(),
  coordinatorType: z.string().nullable(),
  source: z.string(),
  lastReviewedOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  hasSharingAgreement: z.boolean(),
});

export const IsaOut = z.object({
  title: z.string(),
  signedOn: z.string().nullable(),
  reviewOn: z.string().nullable(),
  parties: z.string().nullable(),
  notes: z.string().nullable(),
  sharingAgreementIds: z.array(z.number()),
  agreementsInForce: z.array(z.object({ id: z.number(), name: z.string() })),
  version: z.number(),
});

export const PartnershipOut = PartnershipSummaryOut.extend({
  components: z.array(z.string()),
  memberTypes: z.array(z.string()),
  memberNames: z.array(z.string()),
  otherActivities: z.string().nullable(),
  governanceDocuments: z.boolean().nullable(),
  governanceNotes: z.string().nullable(),
  actionPlan: z.boolean().nullable(),
  actionPlanNotes: z.string().nullable(),
  progressMeasures: z.array(z.string()),
  progressNotes: z.string().nullable(),
  fundingSources: z.array(z.string()),
  fundingNotes: z.string().nullable(),
  gaps: z.array(z.string()),
  challenges: z.array(z.string()),
  gapsNotes: z.string().nullable(),
  meetingFrequency: z.string().nullable(),
  coordinatingAgencyCode: z.string().nullable(),
  coordinators: z.array(z.object({ userId: z.string(), name: z.string(), agencyName: z.string() })),
  appendixGroup: z.string().nullable(),
  appendixNumber: z.number().nullable(),
  appendixNotes: z.array(z.string()),
  seedNotes: z.array(z.object({ text: z.string(), seedRef: SeedRefOut })),
  seedRefs: z.array(SeedRefOut),
  sharingAgreement: IsaOut.nullable(),
  reviewDueOn: z.string(),
  version: z.number(),
});

export const IsaInput = z.strictObject({
  title: text(300).min(1, 'Enter the agreement’s title'),
  signedOn: IsoDate.nullable().optional(),
  reviewOn: IsoDate.nullable().optional(),
  parties: optText(2000),
  notes: optText(2000),
  sharingAgreementIds: z.array(z.number().int().min(1).max(2_147_483_647)).max(50),
  version: z.number().int().min(1).optional(),
});

const measureShape = (ms: readonly { key: string }[]) =>
  z.strictObject(
    Object.fromEntries(
      ms.map((m) => [m.key, z.number().int().min(0).max(1_000_000).nullable().optional()]),
    ) as Record<string, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>,
  );

export const ReviewInput = z.strictObject({
  periodStart: IsoDate,
  periodEnd: IsoDate,
  reviewedOn: IsoDate.optional(),
  outputs: measureShape(OUTPUT_MEASURES),
  outcomes: measureShape(OUTCOME_MEASURES),
  progressRating: z.enum(PROGRESS_RATINGS.map((r) => r.value) as ['on-track', 'some-concerns', 'off-track']),
  progressSummary: text(4000).min(1, 'Enter a summary of progress against the action plan'),
  goodPractice: optText(4000),
  shareGoodPractice: z.boolean().optional(),
  gapsChallenges: optText(4000),
  nextActions: optText(4000),
});

export const ReviewOut = z.object({
  id: z.string(),
  partnershipId: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  reviewedOn: z.string(),
  outputs: z.record(z.string(), z.number().nullable()),
  outcomes: z.record(z.string(), z.number().nullable()),
  progressRating: z.string(),
  progressSummary: z.string(),
  goodPractice: z.string().nullable(),
  shareGoodPractice: z.boolean(),
  gapsChallenges: z.string().nullable(),
  nextActions: z.string().nullable(),
  reviewedByName: z.string(),
  createdAt: z.string(),
});

export const LevelQuery = z.object({
  level: z.enum(LEVEL_VALUES).optional(),
  activity: keyEnum(keysOf(ACTIVITIES)).optional(),
});

export const IncidentInput = z.strictObject({
  type: z.enum(['inland', 'maritime', 'aviation']),
  occurredAt: z.iso.datetime({ offset: true, message: 'must be a date and time like 2026-05-01T14:30:00Z' }),
  location: text(300).min(1, 'Enter where the incident happened'),
  forceAreaCode: z
    .string()
    .regex(/^[ENSW]\d{8}$/, 'must be a force area code like E23000001')
    .nullable()
    .optional(),
  summary: text(4000).optional(),
  peopleFound: z.number().int().min(0).max(10_000).nullable().optional(),
  childrenFound: z.number().int().min(0).max(10_000).nullable().optional(),
});

export const IncidentOut = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.string(),
  threat: z.string(),
  occurredAt: z.string(),
  location: z.string(),
  forceAreaCode: z.string().nullable(),
  summary: z.string(),
  peopleFound: z.number().nullable(),
  childrenFound: z.number().nullable(),
  status: z.string(),
  agencyCode: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number(),
});

export const ChecklistItemOut = z.object({
  id: z.string(),
  phase: z.string(),
  text: z.string(),
  partners: z.array(z.string()),
  derivedFrom: z.string(),
  seedRef: SeedRefOut,
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  note: z.string().nullable(),
});

export const ChecklistInput = z.strictObject({
  tick: z
    .array(z.strictObject({ itemId: z.string().max(80), note: optText(1000) }))
    .max(50)
    .default([]),
  untick: z.array(z.string().max(80)).max(50).default([]),
});

export const IncidentStatusInput = z.strictObject({
  status: z.enum(['open', 'closed']),
  version: z.number().int().min(0).max(2_000_000_000).optional(),
  confirmRemaining: z.boolean().optional(),
});
