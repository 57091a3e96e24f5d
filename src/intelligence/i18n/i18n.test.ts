import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translation } from './i18n.js';

const dir = path.dirname(fileURLToPath(import.meta.url));

describe('translations of the public form', () => {
  const english = JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8')).strings as Record<
    string,
    string
  >;
  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every English string, translated, and says whether it was reviewed',
    (code) => {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, `${code}.json`), 'utf8'));
      expect(Object.keys(raw.strings).sort()).toEqual(Object.keys(english).sort());
      expect(typeof raw.reviewed).toBe('boolean');
      // Machine drafts are marked so the form tells readers (none has been checked by a native speaker yet).
      expect(translation(code).reviewed).toBe(false);
      const same = Object.keys(english).filter(
        (k) => raw.strings[k] === english[k] && !/^\d/.test(english[k]!),
      );
      expect(same).toEqual([]);
    },
  );
});
