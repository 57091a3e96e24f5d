/**
 * Runs the matching benchmarks and prints one JSON line per figure.
 *   npx tsx bench/match/run.ts            FEBRL, linkage and transliteration beside pg_trgm
 *   npx tsx bench/match/run.ts --quick    FEBRL3 and a small transliteration set only
 *   npx tsx bench/match/run.ts --scale 1000000 [--threads 2]
 */
import { benchMatch, benchMatchScale } from './index.js';

const args = process.argv.slice(2);
const print = (line: object) => console.log(JSON.stringify(line));
const scaleAt = args.indexOf('--scale');
if (scaleAt >= 0) {
  const threadsAt = args.indexOf('--threads');
  await benchMatchScale(print, {
    records: Number(args[scaleAt + 1] ?? 100_000),
    threads: threadsAt >= 0 ? Number(args[threadsAt + 1]) : undefined,
  });
} else {
  await benchMatch(print, { quick: args.includes('--quick') });
}
