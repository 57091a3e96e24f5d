/** A person as other capabilities hand it to the matcher. Every field is optional except the id. */
export interface PersonRecord {
  id: string;
  given_name?: string | null;
  surname?: string | null;
  /** Used when given name and surname are not held separately. */
  full_name?: string | null;
  date_of_birth?: string | null;
  sex?: string | null;
  nationality?: string | null;
  /** Street address in one line (house number, street, locality). */
  address?: string | null;
  postcode?: string | null;
  town?: string | null;
  phone?: string | null;
  email?: string | null;
  /** "type:value" (passport:123, nino:AB123456C) or bare values. */
  identifiers?: string[] | null;
}

/** A record after normalisation: each field one comparable string, or null when missing. */
export interface NormalisedRecord {
  given: string | null;
  surname: string | null;
  /** Encoded date: "YYYYMMDD|" for a full date, "YYYYMMDD|p" for a placeholder, "YYYY|y" year only. */
  dob: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
  phone: string | null;
  email: string | null;
  /** Sorted normalised identifiers joined by "|". */
  identifiers: string | null;
  sex: string | null;
  nationality: string | null;
}

export type FieldName = keyof NormalisedRecord;

/** One comparison's contribution to a pair's score. */
export interface ComparisonExplanation {
  comparison: string;
  level: number;
  label: string;
  /** log2(m/u) for the level: positive supports a match. */
  weight: number;
  /** Term-frequency adjustment added for exact agreement on a common or rare value. */
  tfAdjustment: number;
  left: string | null;
  right: string | null;
}

export interface Explanation {
  /** log2 of the prior odds that two records match. */
  priorWeight: number;
  /** Sum of comparison weights and adjustments (excludes the prior). */
  matchWeight: number;
  probability: number;
  comparisons: ComparisonExplanation[];
  /** Why the pair cannot be linked, when a rule vetoes it regardless of weight. */
  veto: string | null;
  namesSwapped: boolean;
}

export interface ScoredPair {
  left: string;
  right: string;
  /** Match weight excluding the prior, in bits. */
  weight: number;
  probability: number;
  explanation?: Explanation;
}

export type ProgressFn = (p: { phase: string; done: number; total: number }) => void;
