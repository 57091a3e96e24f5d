import { z } from 'zod';
import { FORCES } from '../kernel/reference/forces.js';
import { CAPACITY_LEVELS } from './allocation.js';
import { CHARGE_GROUPS, CHARGE_OUTCOMES, ENGAGEMENT, OFFENCES, ORDER_KINDS, ORDER_STATUSES, STATUSES, SUBJECT_ROLES } from './model.js';

const text = (max: number) => z.string().trim().max(max);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const enumOf = <T extends readonly { code: string }[]>(list: T) => z.enum(list.map((x) => x.code) as [T[number]['code'], ...T[number]['code'][]]);
export const ForceCode = z.enum(FORCES.map((f) => f.code) as [string, ...string[]]);
const Threat = z.enum(['msht', 'oic']);

export const OicFactsSchema = z.object({
  fatality: z.boolean().default(false),
  safetyConcern: z.boolean().default(false),
  initialResponse: z.boolean().default(false),
  complexFacilitation: z.boolean().default(false),
  overseas: z.boolean().default(false),
  online: z.boolean().default(false),
  s24: z.boolean().default(false),
  s25: z.boolean().default(false),
  administrativeRemoval: z.boolean().default(false),
});

export const InvestigationCreate = z.object({
  operationName: text(100).min(1),
  summary: text(5000).default(''),
  primaryThreat: Threat,
  threats: z.array(z.object({ threat: Threat, subtype: text(40).min(1) })).min(1).max(20),
  offences: z.array(enumOf(OFFENCES)).max(20).default([]),
  leadForceCode: ForceCode.nullish(),
  supportingForces: z.array(z.object({ forceCode: ForceCode, duties: text(2000).default('') })).max(45).default([]),
  openedOn: IsoDate,
  crossRegional: z.boolean().default(false),
  dedicatedTeam: z.boolean().default(false),
  victimNavigator: z.boolean().default(false),
  evidenceLed: z.boolean().default(false),
  financialInvestigation: z.boolean().default(false),
  assetsIdentifiedGbp: z.number().min(0).max(1e12).nullish(),
  confiscationOrderedGbp: z.number().min(0).max(1e12).nullish(),
  oicFacts: OicFactsSchema.nullish(),
  handlingCode: z.enum(['P', 'C']).default('P'),
  handlingConditions: z.object({ namedAgencies: z.array(text(60)).max(50).optional(), text: text(2000).optional() }).nullish(),
  ocgIds: z.array(z.uuid()).max(20).default([]),
});
export type InvestigationCreate = z.output<typeof InvestigationCreate>;

export const InvestigationPatch = z.object({
  operationName: text(100).min(1).optional(),
  summary: text(5000).optional(),
  offences: z.array(enumOf(OFFENCES)).max(20).optional(),
  status: enumOf(STATUSES).optional(),
  closedOn: IsoDate.nullish(),
  dedicatedTeam: z.boolean().optional(),
  victimNavigator: z.boolean().optional(),
  evidenceLed: z.boolean().optional(),
  financialInvestigation: z.boolean().optional(),
  assetsIdentifiedGbp: z.number().min(0).max(1e12).nullish(),
  confiscationOrderedGbp: z.number().min(0).max(1e12).nullish(),
  oicFacts: OicFactsSchema.nullish(),
  lessonsLearnt: text(10000).nullish(),
});

export const SubjectCreate = z.object({
  name: text(200).min(1),
  role: enumOf(SUBJECT_ROLES),
  residesForceCode: ForceCode.nullish(),
  personEntityId: text(100).nullish(),
  personRecordId: text(100).nullish(),
});

export const VictimCreate = z.object({
  referralId: text(60).nullish(),
  label: text(60).nullish(),
  isChild: z.boolean().default(false),
  engagement: enumOf(ENGAGEMENT).default('not_yet_contacted'),
  navigator: z.boolean().default(false),
});
export const VictimPatch = z.object({ engagement: enumOf(ENGAGEMENT).optional(), navigator: z.boolean().optional() });

export const GroupLink = z.object({ ocgId: z.uuid() });

export const AdviceCreate = z.object({
  requestedOn: IsoDate,
  receivedOn: IsoDate.nullish(),
  accessible: z.boolean().nullish(),
  effective: z.boolean().nullish(),
  note: text(2000).default(''),
});

export const ChargeCreate = z.object({
  subjectId: z.uuid().nullish(),
  group: enumOf(CHARGE_GROUPS),
  offence: text(300),
  chargedOn: IsoDate,
  s45Raised: z.boolean().default(false),
  outcome: enumOf(CHARGE_OUTCOMES).default('pending'),
  outcomeOn: IsoDate.nullish(),
  sentenceMonths: z.number().int().min(0).max(1200).nullish(),
});
export const ChargeOutcome = z.object({
  outcome: enumOf(CHARGE_OUTCOMES),
  outcomeOn: IsoDate.nullish(),
  sentenceMonths: z.number().int().min(0).max(1200).nullish(),
  s45Raised: z.boolean().optional(),
});

export const OrderCreate = z.object({ subjectId: z.uuid().nullish(), kind: enumOf(ORDER_KINDS), status: enumOf(ORDER_STATUSES), datedOn: IsoDate });

export const CandidateSchema = z.object({
  forceCode: ForceCode,
  victims: z.number().int().min(0).max(100000),
  harm: z.number().min(0).max(5).default(0),
  suspects: z.number().int().min(0).max(100000),
  evidenceSites: z.number().int().min(0).max(100000),
  capacity: z.enum(CAPACITY_LEVELS),
});
export const RecommendationRequest = z.object({ candidates: z.array(CandidateSchema).min(1).max(20) });
/** Rationale and duties are checked by the domain rule (decisionErrors) so that a missing one is a 422 naming the field. */
export const AllocationCreate = z.object({
  candidates: z.array(CandidateSchema).min(1).max(20),
  decidedForceCode: ForceCode.nullish(),
  rationale: text(5000).nullish(),
  duties: z.record(z.string().max(60), text(2000)).default({}),
});
