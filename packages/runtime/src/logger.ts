import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths never written to logs, whatever logs them. */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'variables.password',
  'masterKey',
  '*.masterKey',
  'databaseUrl',
];

export function createLogger(level: string, name = 'proximitat'): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
  });
}

/** Hides the password of a connection URL, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const parsed = new URL(raw);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[invalid url]';
  }
}
