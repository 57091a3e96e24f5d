/**
 * The link chart's script: the static bundle in ../public (made by `npx tsx src/entities/client/build.ts`), or, when
 * it is missing, built in memory with esbuild on first request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLIENT_ENTRY = path.join(here, 'link-chart.ts');
export const BUNDLE_FILE = path.join(here, '..', 'public', 'link-chart.js');

export async function buildLinkChart(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

let cached: Promise<string> | null = null;

export const linkChartScript = {
  path: '/assets/entities/link-chart.js',
  load(): Promise<string> {
    cached ??= fs.promises.readFile(BUNDLE_FILE, 'utf8').catch(() => buildLinkChart());
    return cached;
  },
};

export const STYLESHEET_FILE = path.join(here, '..', 'public', 'entities.css');
