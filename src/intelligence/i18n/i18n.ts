/**
 * Translations of the public community-intelligence form. One JSON file per language beside this module; a
 * machine or unchecked draft says `"reviewed": false` and the form then tells the reader so. Every language must
 * have every English key (checked by the test beside this file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LANGUAGES = ['en', 'sq', 'vi', 'pl', 'ro'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Translation {
  code: Language;
  language: string;
  reviewed: boolean;
  strings: Record<string, string>;
}

const DIR = path.dirname(fileURLToPath(import.meta.url));
const cache = new Map<Language, Translation>();

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

export function translation(code: Language): Translation {
  let t = cache.get(code);
  if (!t) {
    const raw = JSON.parse(fs.readFileSync(path.join(DIR, `${code}.json`), 'utf8')) as Omit<
      Translation,
      'code'
    >;
    const english = code === 'en' ? raw.strings : translation('en').strings;
    // A missing key falls back to English rather than showing a blank.
    t = {
      code,
      language: raw.language,
      reviewed: raw.reviewed === true,
      strings: { ...english, ...raw.strings },
    };
    cache.set(code, t);
  }
  return t;
}

export function languageChoices(current: Language) {
  return LANGUAGES.map((code) => ({
    code,
    name: translation(code).language,
    current: code === current,
    reviewed: translation(code).reviewed,
  }));
}
