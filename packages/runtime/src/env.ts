import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory of the command. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export type NodeEnv = 'development' | 'production' | 'test';

/**
 * Every environment variable the platform reads, parsed in one place.
 * README.md documents each of them with its default.
 */
export interface Env {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  /** Prepended to index names, so that several deployments or test runs can share one server. */
  meiliIndexPrefix: string;
  /** smtp(s)://user:password@host:port for outgoing mail; without it mail is written to the log. */
  smtpUrl: string | undefined;
  /** The sender of outgoing mail. */
  mailFrom: string;
  /** The platform's public address, for links in mail. */
  publicUrl: string;
  /** The registered OCDS prefix of open contracting IDs (ocds-xxxxxx) for the awards export. */
  ocdsOcidPrefix: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  sampleCompanies: number;
  corsOrigins: string[];
  /**
   * The proxies whose X-Forwarded-For is believed (Express's `trust proxy` list: addresses,
   * CIDR ranges or `loopback`); empty: none, the peer's address is the client's.
   */
  trustProxy: string[];
  /** A GraphQL request still running after this long is answered with an error. */
  requestTimeoutMs: number;
  /** HTTP server processes sharing the port (node:cluster); 1 serves from the main process. */
  apiProcesses: number;
  webDist: string;
  /**
   * The origin of the map's tile server (from VITE_MAP_TILE_URL, the one the client is built with),
   * for the Content-Security-Policy's img-src; `{s}` subdomains become `*`. Undefined: no basemap.
   */
  mapTileOrigin: string | undefined;
  /** Serve the web client through Vite with hot reload (set by `pnpm dev`). */
  webDev: boolean;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(
  source: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = source[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EnvError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function url(source: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = source[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new EnvError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new EnvError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function tileOrigin(source: NodeJS.ProcessEnv): string | undefined {
  const raw = source.VITE_MAP_TILE_URL?.trim();
  if (!raw) return undefined;
  const SUBDOMAIN = 'tile-subdomain-placeholder';
  let parsed: URL;
  try {
    parsed = new URL(raw.replaceAll('{s}', SUBDOMAIN));
  } catch {
    throw new EnvError('VITE_MAP_TILE_URL is not a valid URL template');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new EnvError('VITE_MAP_TILE_URL must start with http:// or https://');
  }
  if (/[{}]/.test(parsed.host) || parsed.host.includes('%7B')) {
    throw new EnvError('VITE_MAP_TILE_URL: only {s} may stand in its host');
  }
  return `${parsed.protocol}//${parsed.host.replace(SUBDOMAIN, '*')}`;
}

function optional(source: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = source[name]?.trim();
  return raw ? raw : undefined;
}

function ocidPrefix(source: NodeJS.ProcessEnv): string {
  const value = optional(source, 'OCDS_OCID_PREFIX') ?? 'ocds-proximitat';
  if (!/^ocds-[a-z0-9]{6,}$/.test(value)) {
    throw new EnvError(`OCDS_OCID_PREFIX must look like ocds-abc123 (got "${value}")`);
  }
  return value;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const nodeEnvRaw = source.NODE_ENV?.trim() || 'development';
  if (nodeEnvRaw !== 'development' && nodeEnvRaw !== 'production' && nodeEnvRaw !== 'test') {
    throw new EnvError(`NODE_ENV must be development, production or test, not "${nodeEnvRaw}"`);
  }
  const logLevel = source.LOG_LEVEL?.trim() || (nodeEnvRaw === 'test' ? 'warn' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new EnvError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }
  return {
    nodeEnv: nodeEnvRaw,
    port: integer(source, 'PORT', 4000, 0, 65535),
    host: optional(source, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(optional(source, 'DATA_DIR') ?? resolve(repoRoot, '.data')),
    databaseUrl: url(source, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    meiliUrl: url(source, 'MEILI_URL', ['http:', 'https:']),
    meiliMasterKey: optional(source, 'MEILI_MASTER_KEY'),
    meiliIndexPrefix: indexPrefix(source),
    smtpUrl: url(source, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: source.MAIL_FROM?.trim() || 'Proximitat <no-reply@proximitat.localhost>',
    publicUrl: (
      url(source, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${source.PORT ?? '4000'}`
    ).replace(/\/$/, ''),
    ocdsOcidPrefix: ocidPrefix(source),
    adminEmail: optional(source, 'ADMIN_EMAIL'),
    adminPassword: optional(source, 'ADMIN_PASSWORD'),
    logLevel,
    sampleCompanies: integer(source, 'SAMPLE_COMPANIES', 300, 0, 10_000_000),
    requestTimeoutMs: integer(source, 'REQUEST_TIMEOUT_MS', 10_000, 1, 600_000),
    apiProcesses: integer(source, 'API_PROCESSES', 1, 1, 64),
    corsOrigins: (optional(source, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: trustProxy(source),
    webDev: source.WEB_DEV === '1',
    mapTileOrigin: tileOrigin(source),
    webDist: resolve(optional(source, 'WEB_DIST') ?? resolve(repoRoot, 'packages/web/dist')),
  };
}

const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

function trustProxy(source: Record<string, string | undefined>): string[] {
  const entries = (source.TRUST_PROXY ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!PROXY_ENTRY.test(entry)) {
      throw new EnvError(
        `TRUST_PROXY: "${entry}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`,
      );
    }
  }
  return entries;
}

function indexPrefix(source: Record<string, string | undefined>): string {
  const value = source.MEILI_INDEX_PREFIX?.trim() ?? '';
  if (!/^[A-Za-z0-9_-]{0,40}$/.test(value)) {
    throw new EnvError('MEILI_INDEX_PREFIX: letters, digits, - and _ only, at most 40');
  }
  return value;
}
