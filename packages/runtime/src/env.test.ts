import { describe, expect, it } from 'vitest';
import { EnvError, readEnv, repoRoot } from './env.ts';
import { redactUrl } from './logger.ts';

describe('readEnv', () => {
  it('has documented defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      host: '0.0.0.0',
      dataDir: `${repoRoot}/.data`,
      databaseUrl: undefined,
      meiliUrl: undefined,
      sampleCompanies: 300,
      corsOrigins: [],
      webDev: false,
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => readEnv({ PORT: 'abc' })).toThrow(
      new EnvError('PORT must be a whole number from 0 to 65535, not "abc"'),
    );
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:/);
    expect(() => readEnv({ MEILI_URL: 'not a url' })).toThrow(/MEILI_URL is not a valid URL/);
    expect(() => readEnv({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV/);
    expect(() => readEnv({ SAMPLE_COMPANIES: '-1' })).toThrow(/SAMPLE_COMPANIES/);
  });

  it('reads lists and paths', () => {
    const env = readEnv({ CORS_ORIGINS: 'https://a.example, https://b.example', DATA_DIR: '/tmp/x/../y' });
    expect(env.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(env.dataDir).toBe('/tmp/y');
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection URL', () => {
    expect(redactUrl('postgresql://user:s3cret@db:5432/app')).toBe('postgresql://user:***@db:5432/app');
    expect(redactUrl('nonsense')).toBe('[invalid url]');
  });
});
