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

describe('mapTileOrigin', () => {
  it('is the tile server origin the Content-Security-Policy lets images come from', () => {
    expect(readEnv({}).mapTileOrigin).toBeUndefined();
    expect(
      readEnv({ VITE_MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }).mapTileOrigin,
    ).toBe('https://tile.openstreetmap.org');
    expect(
      readEnv({ VITE_MAP_TILE_URL: 'https://{s}.tiles.example:8443/{z}/{x}/{y}{r}.png' }).mapTileOrigin,
    ).toBe('https://*.tiles.example:8443');
    expect(() => readEnv({ VITE_MAP_TILE_URL: 'javascript:alert(1)' })).toThrow(/VITE_MAP_TILE_URL/);
    expect(() => readEnv({ VITE_MAP_TILE_URL: 'https://{z}.example/{x}' })).toThrow(/only \{s\}/);
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection URL', () => {
    expect(redactUrl('postgresql://user:s3cret@db:5432/app')).toBe('postgresql://user:***@db:5432/app');
    expect(redactUrl('nonsense')).toBe('[invalid url]');
  });
});
