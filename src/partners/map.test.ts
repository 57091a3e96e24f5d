import { describe, expect, it } from 'vitest';
import { partnerships2017 } from './data/partnerships-2017.js';
import { classOf, colourClasses, forceAreaNames, forceAreas, renderForceAreaMap } from './map.js';

describe('force area map', () => {
  it('has every UK police force area, with the codes the partnerships use', () => {
    const names = forceAreaNames();
    expect(forceAreas().features).toHaveLength(45);
    for (const p of partnerships2017)
      for (const code of p.forceCodes) expect(names.has(code), `${p.id} ${code}`).toBe(true);
  });

  it('renders one accessible image: role img, title, a description naming the counts, a path per area', () => {
    const svg = renderForceAreaMap({
      id: 'm',
      title: 'Partnerships',
      summary: 'Partnerships per area.',
      values: new Map([
        ['E23000010', 3],
        ['S23000009', 1],
      ]),
      classes: colourClasses(3),
    });
    expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="m-t m-d"/);
    expect(svg).toContain('<title id="m-t">Partnerships</title>');
    expect(svg).toMatch(/<desc id="m-d">[^<]*West Yorkshire Police: 3; Police Scotland: 1/);
    expect(svg.match(/<path /g)).toHaveLength(45);
    expect(svg).toContain('data-area="E23000010" data-count="3"');
  });

  it('gives zero its own neutral class and covers every count with a class', () => {
    const few = colourClasses(3);
    expect(few.map((c) => c.label)).toEqual([
      'No partnerships',
      '1 partnership',
      '2 partnerships',
      '3 partnerships',
    ]);
    const many = colourClasses(23);
    for (let v = 0; v <= 30; v++) expect(classOf(many, v).min).toBeLessThanOrEqual(v);
    expect(classOf(many, 0).colour).not.toBe(classOf(many, 1).colour);
    expect(many[many.length - 1]!.max).toBeNull();
  });
});
