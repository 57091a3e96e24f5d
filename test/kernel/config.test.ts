import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/kernel/config.js';

describe('configuration', () => {
  it('defaults to demo mode on port 3000 with data in ./.fusion', () => {
    const c = loadConfig({} as NodeJS.ProcessEnv);
    expect(c.mode).toBe('demo');
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('.fusion')).toBe(true);
  });
  it('refuses a bad port with one sentence naming PORT', () => {
    expect(() => loadConfig({ PORT: 'eighty' } as NodeJS.ProcessEnv)).toThrow(/^PORT must be a whole number/);
    expect(() => loadConfig({ PORT: '70000' } as NodeJS.ProcessEnv)).toThrow(ConfigError);
  });
  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' } as NodeJS.ProcessEnv)).toThrow(/^DATABASE_URL is not valid/);
  });
  it('refuses the default secret in production', () => {
    expect(() => loadConfig({ FUSION_MODE: 'production' } as NodeJS.ProcessEnv)).toThrow(/FUSION_SECRET must be set/);
    expect(loadConfig({ FUSION_MODE: 'production', FUSION_SECRET: 'a-long-enough-real-secret' } as NodeJS.ProcessEnv).demoUsers).toBe(false);
  });
});
