import type {
  Basis,
  Grade,
  GradeDefinition,
  HandlingCode,
  IntelligenceAssessment,
  SeedRef,
  SourceEvaluation,
} from './types.js';

/**
 * The 3x5x2 intelligence grading used by UK police. No seed defines it; the definitions follow the team digest
 * (DOMAIN §5) and are labelled domain knowledge.
 */
export const GRADING_BASIS: Basis = 'domain-knowledge';
export const GRADING_REF: SeedRef = {
  seed: 'DOMAIN',
  where: '§5 Intelligence',
  quote: 'Police intelligence is graded 3x5x2',
};

export const sourceEvaluations: readonly GradeDefinition<SourceEvaluation>[] = [
  { code: '1', label: 'Reliable', description: 'The source is judged reliable.' },
  {
    code: '2',
    label: 'Untested',
    description: 'The source has not been tested, so its reliability cannot yet be judged.',
  },
  { code: '3', label: 'Not reliable', description: 'There are doubts about the reliability of the source.' },
];

export const intelligenceAssessments: readonly GradeDefinition<IntelligenceAssessment>[] = [
  {
    code: 'A',
    label: 'Known directly',
    description: 'The source knows the information directly (saw or heard it).',
  },
  {
    code: 'B',
    label: 'Known indirectly but corroborated',
    description: 'The source learned it from someone else, and it has been corroborated.',
  },
  {
    code: 'C',
    label: 'Known indirectly',
    description: 'The source learned it from someone else; not corroborated.',
  },
  { code: 'D', label: 'Not known', description: 'It is not known how the source came by the information.' },
  { code: 'E', label: 'Suspected false', description: 'The information is suspected to be false.' },
];

export const handlingCodes: readonly GradeDefinition<HandlingCode>[] = [
  {
    code: 'P',
    label: 'Lawful sharing permitted',
    description: 'May be shared lawfully without further conditions.',
  },
  {
    code: 'C',
    label: 'Lawful sharing permitted with conditions',
    description: 'May be shared lawfully only under the conditions stated with the report.',
  },
];

/** Intelligence reports are usually marked OFFICIAL-SENSITIVE (DOMAIN §5). */
export const DEFAULT_PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

const SOURCES = new Set<string>(sourceEvaluations.map((d) => d.code));
const ASSESSMENTS = new Set<string>(intelligenceAssessments.map((d) => d.code));
const HANDLING = new Set<string>(handlingCodes.map((d) => d.code));

/** "1/A/P". */
export function formatGrade(grade: Pick<Grade, 'source' | 'assessment' | 'handling'>): string {
  return `${grade.source}/${grade.assessment}/${grade.handling}`;
}

/** Reads "1/A/P", "1AP", "1 a p" or "1-A-P"; null when it is not a valid 3x5x2 grade. */
export function parseGrade(text: string): Pick<Grade, 'source' | 'assessment' | 'handling'> | null {
  const match = /^\s*([1-3])\s*[/\- ]?\s*([a-e])\s*[/\- ]?\s*([pc])\s*$/i.exec(text);
  if (!match) return null;
  return {
    source: match[1] as SourceEvaluation,
    assessment: match[2].toUpperCase() as IntelligenceAssessment,
    handling: match[3].toUpperCase() as HandlingCode,
  };
}

/** What is wrong with a grade, in words a form can show; empty when it is valid. */
export function gradeProblems(grade: Partial<Grade>): string[] {
  const problems: string[] = [];
  if (!grade.source || !SOURCES.has(grade.source)) problems.push('Choose a source evaluation: 1, 2 or 3.');
  if (!grade.assessment || !ASSESSMENTS.has(grade.assessment)) {
    problems.push('Choose an intelligence assessment: A, B, C, D or E.');
  }
  if (!grade.handling || !HANDLING.has(grade.handling)) problems.push('Choose a handling code: P or C.');
  if (grade.handling === 'C' && !grade.conditions?.trim()) {
    problems.push('Handling code C needs the conditions on sharing to be stated.');
  }
  if (grade.handling === 'P' && grade.conditions?.trim()) {
    problems.push('Handling code P carries no conditions; use C if sharing has conditions.');
  }
  return problems;
}

export function describeGrade(grade: Pick<Grade, 'source' | 'assessment' | 'handling'>): string {
  const s = sourceEvaluations.find((d) => d.code === grade.source)?.label ?? '?';
  const a = intelligenceAssessments.find((d) => d.code === grade.assessment)?.label ?? '?';
  const h = handlingCodes.find((d) => d.code === grade.handling)?.label ?? '?';
  return `${formatGrade(grade)}: source ${s.toLowerCase()}; ${a.toLowerCase()}; ${h.toLowerCase()}`;
}
