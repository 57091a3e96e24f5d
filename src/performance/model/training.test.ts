import { describe, expect, it } from 'vitest';
import { parseTrainingCsv } from './training.js';

const courses = new Set(['hydra-oic', 'oic-elearning']);
const opts = { courses, today: '2026-11-24', allowedForces: null };

describe('training CSV', () => {
  it('reads forces by code or name, with or without a headcount', () => {
    const r = parseTrainingCsv(
      'force,course,as_of,completed,relevant_headcount\ngmp,oic-elearning,2026-09-30,"4,180",4400\nGreater Manchester Police,hydra-oic,2026-09-30,120,\n',
      opts,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        force_code: 'gmp',
        course_code: 'oic-elearning',
        as_of: '2026-09-30',
        completed: 4180,
        relevant_headcount: 4400,
      },
      {
        force_code: 'gmp',
        course_code: 'hydra-oic',
        as_of: '2026-09-30',
        completed: 120,
        relevant_headcount: null,
      },
    ]);
  });

  it('reports every problem by row and field and imports nothing', () => {
    const r = parseTrainingCsv(
      [
        'force,course,as_of,completed,relevant_headcount',
        'atlantis,oic-elearning,2026-09-30,5,10',
        'kent,nope,2026-02-30,-1,',
        'kent,hydra-oic,2027-01-01,20,10',
        'met,hydra-oic,2026-09-30,1,2',
        'met,hydra-oic,2026-09-30,1,2',
      ].join('\n'),
      opts,
    );
    expect(r.rows).toEqual([]);
    expect(r.total).toBe(5);
    const by = r.errors.map((e) => `${e.row}:${e.field}`);
    expect(by).toEqual([
      '1:force',
      '2:course',
      '2:as_of',
      '2:completed',
      '3:as_of',
      '3:completed',
      '5:as_of',
    ]);
    expect(r.errors.find((e) => e.row === 3 && e.field === 'completed')?.message).toMatch(
      /More completed the course \(20\) than the relevant headcount \(10\)/,
    );
    expect(r.errors.find((e) => e.row === 5)?.message).toMatch(/Row 4 already gives/);
  });

  it('refuses a file without the required columns, an empty file and rows for another force', () => {
    expect(parseTrainingCsv('force,course\nmet,hydra-oic', opts).errors[0]).toMatchObject({
      row: 0,
      field: 'header',
    });
    expect(parseTrainingCsv('', opts).errors[0]).toMatchObject({ row: 0, field: 'file' });
    const own = parseTrainingCsv('force,course,as_of,completed\nmet,hydra-oic,2026-09-30,3', {
      ...opts,
      allowedForces: new Set(['kent']),
    });
    expect(own.errors[0]?.message).toMatch(/your own force only/);
  });
});
