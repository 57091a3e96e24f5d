import { surveyFigure } from '../data/partnership-survey-figures.js';
import type { PartnershipLevel } from '../data/types.js';

/**
 * The vocabularies a partnership is described with: the categories seed 003 used in its 2017 survey (who chairs
 * and coordinates, members, activities, progress measures, funding, gaps and challenges). Keeping the register in
 * the survey's own categories makes today's figures comparable with the published ones.
 */
export interface Option {
  value: string;
  text: string;
}

const optionsOf = (figureId: string, drop: readonly string[] = []): Option[] => {
  const figure = surveyFigure(figureId);
  if (!figure) throw new Error(`Seed 003 figure ${figureId} is missing from the data module.`);
  return figure.categories.filter((c) => !drop.includes(c.key)).map((c) => ({ value: c.key, text: c.label }));
};

export const LEVELS: readonly { value: PartnershipLevel; text: string }[] = [
  { value: 'national', text: 'National' },
  { value: 'regional', text: 'Regional' },
  { value: 'sub-regional', text: 'County or sub-regional' },
  { value: 'local', text: 'Local' },
  { value: 'other', text: 'Other arrangements (bilaterals)' },
];
export const LEVEL_VALUES = LEVELS.map((l) => l.value) as [PartnershipLevel, ...PartnershipLevel[]];

/** Chair and coordinator organisation types: Figures 5 and 6 share one list (a compound like "Police / NGO" is kept). */
export const ORGANISATION_TYPES: Option[] = (() => {
  const seen = new Map<string, Option>();
  for (const o of [...optionsOf('chairs'), ...optionsOf('coordinators')])
    if (!seen.has(o.value)) seen.set(o.value, o);
  return [...seen.values()];
})();
export const MEMBER_TYPES = optionsOf('members');
export const ACTIVITIES = optionsOf('activities');
export const PROGRESS_MEASURES = optionsOf('progress-measures');
export const FUNDING_SOURCES = optionsOf('funding-sources');
/** "No gaps" is the absence of gaps, not a gap: an empty list says it. */
export const GAPS = optionsOf('gaps', ['no-gaps']);
export const CHALLENGES = optionsOf('challenges');

export const keysOf = (options: readonly Option[]) => options.map((o) => o.value);

const labelMaps = new Map<readonly Option[], Map<string, string>>();
/** The label of a key in a vocabulary (the key itself when unknown, so nothing disappears from a page). */
export function labelOf(options: readonly Option[], key: string | null | undefined): string {
  if (!key) return '';
  let map = labelMaps.get(options);
  if (!map) {
    map = new Map(options.map((o) => [o.value, o.text]));
    labelMaps.set(options, map);
  }
  return map.get(key) ?? key;
}

export const levelLabel = (level: string) => LEVELS.find((l) => l.value === level)?.text ?? level;

/** Keys not in a vocabulary (for validation messages). */
export const unknownKeys = (options: readonly Option[], keys: readonly string[]) => {
  const known = new Set(keysOf(options));
  return keys.filter((k) => !known.has(k));
};
