import { z } from 'zod';
import { IsoDate } from '../kernel/http/schemas.js';
import { EXPLOITATION_CODES, GENDERS } from './catalogue.js';
import { STATUSES } from './model/workflow.js';

/** Zod schemas of the referrals API (they also write its part of the OpenAPI document). */

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const Text = (max: number) => z.string().max(max);
const Codes = z.array(z.string().max(40)).max(60);
const Items = z.array(z.string().max(200)).max(20);

const answerShape = {
  givenName: Text(100).optional(),
  familyName: Text(100).optional(),
  otherNames: Text(100).optional(),
  dateOfBirth: IsoDate.optional(),
  gender: z.enum(GENDERS.map((g) => g.code) as [string, ...string[]]).optional(),
  nationality: z.string().max(10).optional().describe("ISO 3166-1 alpha-2 code, or 'unknown'"),
  ageGroup: z.enum(['adult', 'child']).optional().describe('Age at exploitation'),
  consent: z.boolean().optional().describe('Adults only: consent to the NRM referral'),
  exploitationTypes: z.array(z.enum(EXPLOITATION_CODES as [string, ...string[]])).max(6).optional(),
  sectors: Codes.optional(),
  forceAreas: Codes.optional().describe('Police force codes; the first is where the person was found'),
  countryOfOrigin: z.string().max(2).optional(),
  transitCountries: Codes.optional(),
  overseasCountries: Codes.optional(),
  exploitationFrom: Month.optional(),
  exploitationOngoing: z.boolean().optional(),
  exploitationTo: Month.optional(),
  indicators: z.array(z.string().max(80)).max(80).optional(),
  account: Text(4000).optional(),
  suspects: Items.optional(),
  phones: Items.optional(),
  vehicles: Items.optional(),
  addresses: Items.optional(),
  localAuthority: Text(150).optional(),
  laNotifiedOn: IsoDate.optional(),
  ictgReferred: z.boolean().optional(),
  missingFromCare: z.boolean().optional(),
};

/** A draft's answers: any subset. */
export const DraftAnswers = z.strictObject(answerShape);

export const SubmitReferral = z.strictObject({
  ...answerShape,
  kind: z.enum(['nrm', 'dtn']).optional().describe("Say 'nrm' or 'dtn' to have the answers checked against what you meant"),
  acknowledgeNotices: z.boolean().optional().describe('You have read the current threshold notices'),
});

export const SubmitDraft = z.strictObject({ kind: z.enum(['nrm', 'dtn']).optional(), acknowledgeNotices: z.boolean().optional() });

export const Submitted = z.object({ id: z.string(), reference: z.string(), kind: z.enum(['nrm', 'dtn']), url: z.string() });

export const Draft = z.object({ id: z.string(), answers: z.record(z.string(), z.unknown()), lastStep: z.string().nullable(), outcome: z.enum(['nrm', 'dtn']).nullable(), updatedAt: z.string(), url: z.string() });

export const Decision = z.object({
  id: z.string(),
  stage: z.enum(['rg', 'cg']),
  outcome: z.enum(['positive', 'negative']),
  reconsideration: z.boolean(),
  reasons: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  reviewStatus: z.enum(['awaiting', 'upheld', 'not_upheld']),
  reviewedBy: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  reviewNotes: z.string().nullable(),
  issuedOn: z.string().nullable(),
});

export const ReferralSummary = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(['nrm', 'dtn']),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  ageGroup: z.enum(['adult', 'child']),
  gender: z.string(),
  nationality: z.string(),
  exploitationTypes: z.array(z.string()),
  forceArea: z.string().nullable(),
  referringAgency: z.string(),
  submittedOn: z.string(),
  rgDueOn: z.string().nullable(),
  recoveryEndsOn: z.string().nullable(),
  version: z.number(),
  victim: z.object({ givenName: z.string().nullable(), familyName: z.string().nullable() }).nullable(),
});

export const ReferralDetail = ReferralSummary.extend({
  consent: z.boolean().nullable(),
  sharedWith: z.array(z.string()),
  rgOutcome: z.string().nullable(),
  rgIssuedOn: z.string().nullable(),
  cgOutcome: z.string().nullable(),
  cgIssuedOn: z.string().nullable(),
  victim: z
    .object({ givenName: z.string().nullable(), familyName: z.string().nullable(), otherNames: z.string().nullable(), dateOfBirth: z.string().nullable(), account: z.string().nullable() })
    .nullable(),
  child: z
    .object({ localAuthority: z.string(), laNotifiedOn: z.string(), ictgArea: z.boolean(), ictgReferred: z.boolean().nullable(), missingFromCare: z.boolean() })
    .nullable(),
  decisions: z.array(Decision),
  reconsiderations: z.array(z.object({ id: z.string(), stage: z.string(), grounds: z.string(), requestedOn: z.string() })),
  missingEpisodes: z.array(z.object({ id: z.string(), wentMissingAt: z.string(), returnedAt: z.string().nullable(), reportedToPolice: z.boolean(), notes: z.string().nullable() })),
  facts: z.unknown(),
  supportCaseId: z.string().nullable(),
});

export const ProposeDecision = z.strictObject({
  stage: z.enum(['rg', 'cg']),
  outcome: z.enum(['positive', 'negative']),
  reasons: z.string().max(5000),
  decidedOn: IsoDate.optional(),
  version: z.number().int().optional(),
});

export const ReviewDecision = z.strictObject({
  upheld: z.boolean(),
  declaresNoImmigrationInvolvement: z.boolean().describe('I have not been involved in any asylum or immigration decision on this person'),
  notes: z.string().max(5000).optional(),
  version: z.number().int().optional(),
});

export const Reconsideration = z.strictObject({ grounds: z.string().max(5000), version: z.number().int().optional() });

export const DrawSample = z.strictObject({ month: z.string().max(7), size: z.number().int().optional() });
export const Finding = z.strictObject({ finding: z.enum(['sound', 'minor', 'unsound']), notes: z.string().max(5000).optional() });

export const PublishNotice = z.strictObject({ title: z.string().max(300), body: z.string().max(10000), effectiveFrom: IsoDate.optional() });

export const MissingEpisode = z.strictObject({
  wentMissingAt: z.string().max(40).describe('ISO date-time'),
  returnedAt: z.string().max(40).nullable().optional(),
  reportedToPolice: z.boolean().optional(),
  notes: z.string().max(2000).optional(),
});
export const Returned = z.strictObject({ returnedAt: z.string().max(40) });

export const ProviderChange = z.strictObject({ provider: z.string().max(60), from: IsoDate, reason: z.string().max(500).optional() });
export const Worker = z.strictObject({ role: z.enum(['navigator', 'vlo']), name: z.string().max(120), agencyCode: z.string().max(60), from: IsoDate });
export const PlanItem = z.strictObject({ need: z.string().max(100), action: z.string().max(1000), owner: z.string().max(120).optional(), dueOn: IsoDate.optional() });
export const PlanDone = z.strictObject({ doneOn: IsoDate });
export const Contact = z.strictObject({
  on: IsoDate,
  outcome: z.enum(['made', 'missed']),
  method: z.enum(['in-person', 'phone', 'video', 'message']),
  notes: z.string().max(2000).optional(),
});
export const Accommodation = z.strictObject({
  kind: z.enum(['safe-house', 'outreach', 'local-authority', 'asylum', 'own', 'other']),
  forceArea: z.string().max(60).optional(),
  from: IsoDate,
  relocation: z.boolean(),
  reason: z.string().max(500).optional(),
});
export const Closure = z.strictObject({ on: IsoDate, reason: z.string().max(500) });
export const DisengagementSettings = z.strictObject({ missedContacts: z.number().int(), daysSilent: z.number().int() });

export const StatsQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  forceArea: z.string().max(60).optional(),
  publication: z.enum(['yes', 'no']).optional().describe('Suppress small cells in tables marked for publication (default yes)'),
  format: z.enum(['json', 'csv']).optional(),
});

export const StatTableJson = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  publish: z.boolean(),
  suppressed: z.boolean(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.record(z.string(), z.string()) })),
});
