import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, buildLinkChart } from './bundle.js';

describe('link chart bundle', () => {
  it('is the esbuild output of its sources (run `npx tsx src/entities/client/build.ts` after changing them)', async () => {
    const built = await buildLinkChart();
    expect(built).not.toMatch(/\beval\(|new Function\(/);
    expect(fs.readFileSync(BUNDLE_FILE, 'utf8')).toBe(built);
  });
});
