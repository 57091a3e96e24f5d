import { describe, expect, it } from 'vitest';
import { courseByCode, courses, recommendedCourses } from './courses.js';

describe('courses', () => {
  it('names the Hydra package and the four OIC e-learning modules as the seed describes them', () => {
    expect(recommendedCourses().map((c) => c.code)).toEqual(['hydra-oic', 'oic-elearning']);
    const elearning = courseByCode('oic-elearning')!;
    expect(elearning.modules).toHaveLength(4);
    expect(elearning.modules[1].coverage).toBe(
      'the legislation and powers available to police officers when dealing with an OIC incident',
    );
    expect(courseByCode('hydra-oic')?.description).toMatch(/clandestine lorry-drop/);
  });

  it('includes MSHT training and has unique codes', () => {
    expect(courses.some((c) => c.threat === 'MSHT')).toBe(true);
    expect(new Set(courses.map((c) => c.code)).size).toBe(courses.length);
  });
});
