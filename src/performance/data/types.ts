import type { Basis, SeedId, SeedRef } from '../../partners/data/seed-ref.js';

export type { Basis, SeedId, SeedRef };

export interface SeedRecommendation {
  /** '004-R1', '002-R9', '001-A13', '003-R4'. */
  readonly code: string;
  readonly source: SeedId;
  /** The number the seed gives it (for 002, the executive-summary numbering). */
  readonly number: number;
  /**
   * Seed 002 numbers its 13 recommendations differently in the executive summary and in section 7 ("How could
   * the response be improved?"); this is the section 7 number.
   */
  readonly altNumber?: number;
  /** The heading the seed groups it under. */
  readonly theme: string;
  /** Verbatim, or as close as the PDF text allows. */
  readonly text: string;
  readonly subItems: readonly string[];
  /** The accountable body as the seed names it; null where the seed names none. */
  readonly owner: string | null;
  /** Bodies the owner works "with" or "in consultation with". */
  readonly partners: readonly string[];
  /** ISO date, or null when the seed gives no deadline. */
  readonly deadline: string | null;
  /** The deadline in the seed's words, when it has one. */
  readonly deadlineText: string | null;
  readonly recurrence?: 'quarterly';
  /** Paragraph of the strategy the action comes from (seed 001 Annex A). */
  readonly paragraph?: string;
  /** Where the seed's text is incomplete or Fusion had to interpret it. */
  readonly note?: string;
  readonly seedRef: SeedRef;
}

export type CourseThreat = 'OIC' | 'MSHT' | 'MSHT and OIC';

export interface CourseModule {
  readonly code: string;
  /** Fusion's short title. */
  readonly title: string;
  /** What the module covers, in the seed's words. */
  readonly coverage: string;
  readonly seedRef: SeedRef;
}

export interface Course {
  readonly code: string;
  readonly name: string;
  readonly threat: CourseThreat;
  readonly provider: string;
  readonly format:
    | 'immersive'
    | 'e-learning'
    | 'classroom'
    | 'video'
    | 'programme'
    | 'accreditation'
    | 'resource';
  readonly audience: string;
  readonly description: string;
  readonly modules: readonly CourseModule[];
  /** The inspection recommendation that asks for completion, if any. */
  readonly recommendedBy: string | null;
  /** Completion or delivery figures the seed reports. */
  readonly figures: readonly string[];
  readonly status: 'available' | 'planned';
  readonly seedRef: SeedRef;
}

export interface Breakdown {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

export interface Measure {
  readonly id: string;
  readonly label: string;
  /** Headline value; for percentages 0-100. */
  readonly value: number;
  readonly unit: 'percent' | 'count' | 'years' | 'gbp';
  /** Survey size or population the value is out of, when the seed gives it. */
  readonly base?: { readonly n: number; readonly of: string };
  /** Remaining answers (e.g. "no" and "unsure") or parts of the total. */
  readonly breakdown?: readonly Breakdown[];
  readonly period: string;
  readonly seedRef: SeedRef;
}

export interface SeriesPoint {
  readonly period: string;
  readonly value: number;
  /** e.g. "to 31 August only". */
  readonly note?: string;
}

export interface Series {
  readonly id: string;
  readonly label: string;
  readonly unit: 'count' | 'percent';
  readonly points: readonly SeriesPoint[];
  readonly seedRef: SeedRef;
}
