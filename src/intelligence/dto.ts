/** API shapes of the intelligence capability's records (zod schemas for the OpenAPI document, and mappers). */
import { z } from 'zod';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { agencies } from './agencies.js';
import { jsonOf } from './db.js';
import type { ConditionsInput } from './model/report.js';
import { assessmentLabel, gradingText, sourceEvaluationLabel } from './reference.js';
import { loadReport, type ReportRow, type SubjectRow } from './store/reports.js';
import { decide, KIND_REPORT } from './visibility.js';

export const AgencyRef = z.object({ code: z.string(), name: z.string() });

export const SubjectDto = z.object({
  kind: z.string(),
  value: z.string(),
  role: z.string().optional(),
  dateOfBirth: z.string().optional(),
  nationality: z.string().optional(),
  notes: z.string().optional(),
});

export const ReportDto = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  title: z.string(),
  narrative: z.string(),
  owningAgency: AgencyRef,
  area: AgencyRef.nullable(),
  region: z.string().nullable(),
  sourceType: z.string(),
  grading: z.object({
    sourceEvaluation: z.number().nullable(),
    sourceEvaluationLabel: z.string(),
    assessment: z.string().nullable(),
    assessmentLabel: z.string(),
    handlingCode: z.enum(['P', 'C']),
    text: z.string(),
  }),
  conditions: z
    .object({
      namedAgencies: z.array(z.string()).optional(),
      noOnwardSharing: z.boolean().optional(),
      originatorConsent: z.boolean().optional(),
      consentedAgencies: z.array(z.string()).optional(),
      text: z.string().optional(),
    })
    .nullable(),
  securityMarking: z.string(),
  threats: z.array(z.string()),
  crimeCodes: z.array(z.string()),
  occurredOn: z.string().nullable(),
  reportedOn: z.string(),
  subjects: z.array(SubjectDto),
  sanitisedOf: z.string().nullable().describe('The restricted original, shown only to those who may see it'),
  sanitisedVersionId: z.string().nullable(),
  debriefId: z.string().nullable(),
  reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  access: z.object({ rule: z.string(), reason: z.string() }),
});
export type ReportDto = z.infer<typeof ReportDto>;

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const day = (v: unknown) => (v ? String(v).slice(0, 10) : null);

export async function reportDto(
  ctx: AppContext,
  principal: Principal,
  row: ReportRow,
  subjects: SubjectRow[],
  extra: { sanitisedVersionId: string | null },
): Promise<ReportDto> {
  const ag = await agencies(ctx);
  const decision = decide(ctx, principal, KIND_REPORT, row);
  let sanitisedOf: string | null = null;
  if (row.sanitised_of) {
    // The link to a restricted original is itself shown only to those who may see the original.
    const orig = await loadReport(ctx.db, row.sanitised_of);
    if (orig && decide(ctx, principal, KIND_REPORT, orig).allow) sanitisedOf = orig.id;
  }
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    title: row.title,
    narrative: row.narrative,
    owningAgency: {
      code: row.owning_agency_code,
      name: ag.get(row.owning_agency_code)?.name ?? row.owning_agency_code,
    },
    area: row.area_code ? { code: row.area_code, name: ag.get(row.area_code)?.name ?? row.area_code } : null,
    region: row.region,
    sourceType: row.source_type,
    grading: {
      sourceEvaluation: row.source_evaluation,
      sourceEvaluationLabel: sourceEvaluationLabel(row.source_evaluation),
      assessment: row.assessment,
      assessmentLabel: assessmentLabel(row.assessment),
      handlingCode: row.handling_code as 'P' | 'C',
      text: gradingText(row),
    },
    conditions: jsonOf<ConditionsInput>(row.conditions),
    securityMarking: row.security_marking,
    threats: row.threats,
    crimeCodes: row.crime_codes,
    occurredOn: day(row.occurred_on),
    reportedOn: day(row.reported_on)!,
    subjects: subjects.map((s) => {
      const d = jsonOf<Record<string, string>>(s.details) ?? {};
      return {
        kind: s.kind,
        value: s.value,
        ...(d.role ? { role: d.role } : {}),
        ...(d.dateOfBirth ? { dateOfBirth: d.dateOfBirth } : {}),
        ...(d.nationality ? { nationality: d.nationality } : {}),
        ...(d.notes ? { notes: d.notes } : {}),
      };
    }),
    sanitisedOf,
    sanitisedVersionId: extra.sanitisedVersionId,
    debriefId: row.debrief_id,
    reviewNote: row.review_note,
    submittedAt: iso(row.submitted_at),
    reviewedAt: iso(row.reviewed_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    version: row.version,
    access: { rule: decision.rule, reason: decision.reason },
  };
}

export const StaleResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
    current: z.object({
      currentVersion: z.number(),
      yourVersion: z.number().nullable(),
      changesSince: z.array(
        z.object({
          version: z.number(),
          changedByName: z.string().nullable(),
          changedAt: z.string(),
          changes: z.record(z.string(), z.unknown()),
        }),
      ),
    }),
  }),
});
