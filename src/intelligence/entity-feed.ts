/**
 * Feeds the shared entity model (src/entities: recordMentions) with what intelligence records say about people
 * and things, inside the transaction that writes the record, so reports, debriefs and NCCU contacts join the
 * dots with everyone else's records. Provenance (agency, handling code and conditions, threats) travels with it.
 */
import type { Kysely } from 'kysely';
import type { MentionBatch } from '../entities/mentions.js';
import { forgetMentions, recordMentions } from '../entities/store.js';
import type { HandlingConditions } from '../kernel/access/policy.js';
import type { SubjectInput } from './model/report.js';

const THING_FIELD: Record<string, keyof MentionBatch> = {
  phone: 'phones',
  email: 'emails',
  vehicle: 'vehicles',
  address: 'addresses',
  bank_account: 'accounts',
  ocg: 'organisations',
  location: 'locations',
};

export interface FeedSource {
  agencyCode: string;
  kind: 'intelligence_report' | 'debrief' | 'nccu_contact';
  id: string;
  url: string;
  handlingCode: 'P' | 'C';
  conditions: HandlingConditions | null;
  threats: string[];
  recordedOn: string;
}

function batchOf(src: FeedSource): MentionBatch {
  return {
    agencyCode: src.agencyCode,
    sourceKind: src.kind,
    sourceId: src.id,
    sourceUrl: src.url,
    handlingCode: src.handlingCode,
    conditions: src.conditions ?? undefined,
    threats: src.threats.filter((t): t is 'msht' | 'oic' => t === 'msht' || t === 'oic'),
    recordedOn: src.recordedOn,
  };
}

/** A report's structured subjects as mentions (replacing what the report said before). */
export async function feedReportSubjects(
  trx: Kysely<any>,
  src: FeedSource,
  subjects: readonly SubjectInput[],
): Promise<void> {
  await forgetMentions(trx, src.kind, src.id);
  if (!subjects.length) return;
  const b = batchOf(src) as Record<string, unknown>;
  const people: NonNullable<MentionBatch['people']> = [];
  for (const s of subjects) {
    if (s.kind === 'person') {
      people.push({
        role: s.role || 'subject',
        fullName: s.value,
        dateOfBirth: s.dateOfBirth ?? null,
        nationality: s.nationality ?? null,
      });
    } else {
      const field = THING_FIELD[s.kind]!;
      const list = (b[field] as { value: string }[] | undefined) ?? [];
      list.push({ value: s.value });
      b[field] = list;
    }
  }
  if (people.length) b.people = people;
  await recordMentions(trx, b as MentionBatch);
}

/** The people of a debrief or NCCU contact as mentions. */
export async function feedPeople(
  trx: Kysely<any>,
  src: FeedSource,
  people: readonly {
    role: string;
    givenName: string | null;
    familyName: string | null;
    dateOfBirth: string | null;
    nationality: string | null;
  }[],
): Promise<void> {
  const named = people.filter((p) => p.givenName || p.familyName);
  if (!named.length) return;
  await recordMentions(trx, {
    ...batchOf(src),
    people: named.map((p) => ({
      role: p.role,
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      nationality: p.nationality,
    })),
  });
}
