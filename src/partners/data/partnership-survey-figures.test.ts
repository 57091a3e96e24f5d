import { describe, expect, it } from 'vitest';
import {
  partnershipSurvey2017,
  partnershipSurveyFigures,
  surveyFigure,
} from './partnership-survey-figures.js';

describe('2017 partnership survey figures (seed 003)', () => {
  it('has the figures the capability charts: chairs, coordinators, members, activities, governance, measures, funding', () => {
    for (const id of [
      'chairs',
      'coordinators',
      'members',
      'activities',
      'governance-documents',
      'progress-measures',
      'funding-sources',
    ]) {
      expect(surveyFigure(id), id).toBeDefined();
    }
    expect(partnershipSurvey2017).toMatchObject({ responses: 51, forceAreas: 40, partnerships: 42 });
  });

  it('ranks categories 1..n with unique keys, police first for chairs and coordinators', () => {
    for (const f of partnershipSurveyFigures) {
      expect(f.categories.map((c) => c.rank)).toEqual(f.categories.map((_, i) => i + 1));
      expect(new Set(f.categories.map((c) => c.key)).size).toBe(f.categories.length);
      expect(f.seedRef.seed).toBe('003');
    }
    expect(surveyFigure('chairs')?.categories[0].key).toBe('police');
    expect(surveyFigure('coordinators')?.categories[0].key).toBe('police');
    expect(surveyFigure('funding-sources')?.categories[0].key).toBe('mainstream');
    expect(
      surveyFigure('activities')
        ?.categories.slice(0, 3)
        .map((c) => c.key),
    ).toEqual(['intelligence', 'training', 'awareness']);
  });

  it('states counts only where the text gives them', () => {
    const withCounts = partnershipSurveyFigures.flatMap((f) =>
      f.categories.filter((c) => c.count !== null).map((c) => `${f.id}:${c.key}=${c.count}`),
    );
    expect(withCounts).toEqual(['chairs:regional-lga=1', 'chairs:la-district=1', 'chairs:health=1']);
  });
});
