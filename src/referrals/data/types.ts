import type { Basis, SeedRef } from '../../partners/data/seed-ref.js';

export type { Basis, SeedRef };

/** Exploitation types as the NRM and seed 002 (Figure 5) name them; 'unknown' is the NRM's "unspecified". */
export type ExploitationTypeCode =
  | 'sexual'
  | 'labour'
  | 'criminal'
  | 'domestic-servitude'
  | 'organ-harvesting'
  | 'unknown';

export interface ExploitationType {
  readonly code: ExploitationTypeCode;
  readonly label: string;
  readonly description: string;
  /** Forms the seeds name under this type (county lines, cannabis cultivation, ...). */
  readonly examples: readonly string[];
  /** Other offences it overlaps with, which are often charged instead of the Modern Slavery Act (002 Fig 5). */
  readonly overlappingOffences: readonly string[];
  readonly detection: string | null;
  readonly seedRef: SeedRef;
}

export type FirstResponderSector =
  | 'police'
  | 'law-enforcement'
  | 'government'
  | 'local-authority'
  | 'health'
  | 'ngo';

export interface FirstResponderOrganisationType {
  readonly code: string;
  readonly label: string;
  readonly sector: FirstResponderSector;
  /** Named examples of organisations of this type. */
  readonly examples: readonly string[];
  /** Children only (e.g. NSPCC and Barnardo's joined the NRM to refer child victims, 001 §28). */
  readonly childrenOnly: boolean;
  /** 'proposed' where the seed describes an intention (health professionals, 001 §29). */
  readonly status: 'designated' | 'proposed';
  readonly basis: Basis;
  readonly seedRef: SeedRef;
}

export interface IndicatorItem {
  /** `<group>.<item>` kebab code, stable for storage. */
  readonly code: string;
  readonly label: string;
  readonly seedRef: SeedRef;
}

export interface IndicatorGroup {
  readonly code: string;
  readonly label: string;
  /** Share of frontline officers in 002's focus groups (n=39) who named this group unprompted. */
  readonly frontlineShare: number;
  readonly items: readonly IndicatorItem[];
  readonly seedRef: SeedRef;
}

export interface GoldenHourStep {
  readonly order: number;
  readonly id: string;
  readonly title: string;
  /** One or two sentences an officer can read at the roadside. */
  readonly summary: string;
  readonly actions: readonly string[];
  /** Partner directory codes this step may call on. */
  readonly partners: readonly string[];
  readonly basis: Basis;
  readonly seedRefs: readonly SeedRef[];
}

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: 'count' | 'percent' | 'days' | 'years';
  /** Period or date the figure describes, as the seed states it. */
  readonly period: string;
  readonly seedRef: SeedRef;
}

export interface ShareRow {
  readonly key: string;
  readonly label: string;
  /** Percentage, 0-100. */
  readonly percent: number;
}
