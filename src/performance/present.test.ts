import { describe, expect, it } from 'vitest';
import { barChart, lineChart, niceMax } from './charts.js';
import type { MeasureDef, MeasureResult } from './measures.js';
import { boundaryOf, parseMultipart } from './multipart.js';
import { figureSuppressed, present } from './present.js';

const def = {
  id: 'm',
  title: 'Measure',
  definition: 'Defined so.',
  unit: 'count',
  source: 'referrals',
  publish: true,
} as unknown as MeasureDef;
const result: MeasureResult = {
  available: true,
  figures: [
    { key: 'a', label: 'Small', value: 3, unit: 'count' },
    { key: 'b', label: 'Big', value: 12, unit: 'count' },
    { key: 'c', label: 'Rate', value: 25, unit: 'percent', of: { n: 2, d: 8 } },
  ],
  tables: [
    {
      id: 't',
      title: 'Table',
      description: 'd',
      publish: true,
      columns: [{ key: 'n', label: 'N' }],
      rows: [
        { key: 'x', label: 'X', cells: { n: 2 } },
        { key: 'y', label: 'Y', cells: { n: 40 } },
      ],
    },
  ],
  trend: {
    title: 'Trend',
    description: 'By year',
    categories: ['2024', '2025'],
    series: [{ key: 's', name: 'S', values: [4, 30] }],
    unit: 'count',
  },
  notes: [],
};

describe('presenting measures', () => {
  it('suppresses counts 1-4 and rates built on them only for publication', () => {
    const pub = present(def, result, { publication: true, sourceLabel: 'Referrals' });
    expect(pub.figures.map((f) => f.text)).toEqual(['[c]', '12', '[c]']);
    expect(pub.tables[0]!.display.map((r) => r.cells.n)).toEqual(['[c]', '40']);
    expect(pub.trend!.table.display.map((r) => r.cells.s)).toEqual(['[c]', '30']);
    const internal = present(def, result, { publication: false, sourceLabel: 'Referrals' });
    expect(internal.figures.map((f) => f.text)).toEqual(['3', '12', '25.0%']);
    expect(
      present({ ...def, publish: false }, result, { publication: true, sourceLabel: 'R' }).figures[0]!.text,
    ).toBe('3');
    expect(figureSuppressed({ key: 'z', label: 'Zero', value: 0, unit: 'count' }, true)).toBe(false);
  });

  it('draws the trend as an SVG with a title and description, leaving suppressed points out', () => {
    const svg = present(def, result, { publication: true, sourceLabel: 'R' }).trend!.svg;
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/<title id="chart-m-t">Measure: Trend<\/title>/);
    expect((svg.match(/<circle/g) ?? []).length).toBe(2); // one point drawn + the legend marker
    expect(
      lineChart({
        id: 'x',
        title: 'a<b',
        description: 'd',
        categories: ['1'],
        series: [{ name: 'S', values: [1] }],
      }),
    ).toContain('a&lt;b');
    expect(
      barChart({ id: 'b', title: 'T', description: 'D', bars: [{ label: 'Kent', value: 5 }] }),
    ).toContain('Kent');
    expect([niceMax(0), niceMax(7), niceMax(130), niceMax(4180)]).toEqual([1, 10, 200, 5000]);
  });

  it('reads a multipart upload with a file and fields', () => {
    const b = 'XyZ';
    const body = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntok\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/csv\r\n\r\nforce,course\r\nmet,x\r\n--${b}--\r\n`,
    );
    expect(boundaryOf(`multipart/form-data; boundary=${b}`)).toBe(b);
    const parsed = parseMultipart(body, b);
    expect(parsed.fields).toEqual({ _csrf: 'tok' });
    expect(parsed.files).toEqual([{ field: 'file', filename: 't.csv', content: 'force,course\r\nmet,x' }]);
  });
});
