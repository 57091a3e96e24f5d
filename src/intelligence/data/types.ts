import type { Basis, SeedRef } from '../../partners/data/seed-ref.js';
import type { ExploitationTypeCode } from '../../referrals/data/types.js';

export type { Basis, ExploitationTypeCode, SeedRef };

/** The two crimes are always recorded separately (002 rec 3; 004 definitions). */
export type Threat = 'MSHT' | 'OIC';

/** How people are brought into the UK illegally, as seed 004 lists the methods. */
export type OicMethod =
  | 'small-boat'
  | 'clandestine-vehicle'
  | 'air'
  | 'visa-abuse'
  | 'common-travel-area'
  | 'false-documents';

export interface IdentifierCode {
  readonly code: string;
  readonly label: string;
  readonly threat: Threat;
  /** The umbrella code this one refines; null for the umbrella itself. */
  readonly parent: string | null;
  readonly exploitationType?: ExploitationTypeCode;
  readonly oicMethod?: OicMethod;
  /** Every record of the threat must carry the umbrella code (004 recommendation 6). */
  readonly mandatory: boolean;
  /**
   * The seeds never print literal PND code values, so every code here is Fusion's own; `mirrors` says which
   * real-world code it stands for, if any, so an integrator can map it.
   */
  readonly definedBy: 'fusion';
  readonly mirrors: string | null;
  readonly basis: Basis;
  readonly seedRef: SeedRef;
}

export type SourceEvaluation = '1' | '2' | '3';
export type IntelligenceAssessment = 'A' | 'B' | 'C' | 'D' | 'E';
export type HandlingCode = 'P' | 'C';

export interface GradeDefinition<Code extends string> {
  readonly code: Code;
  readonly label: string;
  readonly description: string;
}

export interface Grade {
  readonly source: SourceEvaluation;
  readonly assessment: IntelligenceAssessment;
  readonly handling: HandlingCode;
  /** Required when handling is 'C': the conditions on sharing. */
  readonly conditions?: string;
}

export type DebriefSectionCode = 'recruitment' | 'transit-route' | 'border-crossing' | 'activity-in-uk';
export type DebriefSubject = 'victim' | 'migrant' | 'offender';

export interface DebriefPrompt {
  readonly id: string;
  readonly text: string;
  /** What the answer is for, so a debriefer can adapt the wording. */
  readonly purpose: string;
  readonly seedRef: SeedRef;
}

export interface DebriefSection {
  readonly code: DebriefSectionCode;
  readonly order: number;
  readonly title: string;
  readonly purpose: string;
  readonly prompts: readonly DebriefPrompt[];
  readonly seedRef: SeedRef;
}

export interface DebriefRule {
  readonly id: string;
  readonly text: string;
  readonly seedRef: SeedRef;
}
