/** Writes the link chart's static bundle: npx tsx src/entities/client/build.ts */
import fs from 'node:fs';
import { BUNDLE_FILE, buildLinkChart } from './bundle.js';

const js = await buildLinkChart();
fs.writeFileSync(BUNDLE_FILE, js);
process.stdout.write(`${BUNDLE_FILE}: ${js.length} bytes\n`);
