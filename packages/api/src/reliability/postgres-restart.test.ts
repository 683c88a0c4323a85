import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openMigratedDb, seedReferenceData } from '@proximitat/db';
import { type EmbeddedPostgres, freePort, startEmbeddedPostgres } from '@proximitat/runtime';
import { waitFor } from '@proximitat/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../testing/contract.ts';
import { startTestApi, type TestApi } from '../testing/test-api.ts';

// A PostgreSQL of this file's own, stopped and started again under load while the API runs.
let dir: string;
let port: number;
let password: string;
let postgres: EmbeddedPostgres;
let db: Db;
let api: TestApi;

const start = () => startEmbeddedPostgres({ dir, port, password });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proximitat-pg-restart-'));
  port = await freePort();
  password = randomBytes(12).toString('hex');
  postgres = await start();
  const admin = new pg.Client({ connectionString: postgres.databaseUrl('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE proximitat');
  await admin.end();
  const url = postgres.databaseUrl('proximitat');
  db = await openMigratedDb(url);
  await seedReferenceData(db);
  // Each registration comes from an address of its own (through a trusted proxy on loopback), so
  // that the limit of new accounts per address does not refuse the load.
  api = await startTestApi(
    { TRUST_PROXY: 'loopback' },
    { database: { url, db, drop: async () => db.$disconnect() } },
  );
}, 120_000);
afterAll(async () => {
  await api?.close();
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  phase: 'before' | 'outage' | 'after';
  kind: 'read' | 'write';
  status: number;
  ok: boolean;
  codes: string[];
  messages: string[];
  email?: string;
  ms: number;
}

describe('PostgreSQL stopped and restarted under load', () => {
  it('gives clear errors meanwhile, recovers without restarting the API, and leaves nothing half-written', async () => {
    let phase: Outcome['phase'] = 'before';
    let running = true;
    const outcomes: Outcome[] = [];
    let counter = 0;

    const worker = async () => {
      while (running) {
        const write = counter++ % 2 === 0;
        const email = `carrega-${counter}-${randomBytes(3).toString('hex')}@exemple.cat`;
        const at = phase;
        const started = Date.now();
        const response = await api.graphql<{ register?: { userErrors: unknown[] } }>(
          write ? contractOperation('Register') : '{ districts { code companyCount } }',
          write ? { input: { email, password: 'una contrasenya prou llarga' } } : {},
          { headers: { 'x-forwarded-for': `192.0.2.${counter % 250}` } },
        );
        const ok = !response.errors && (write ? response.data?.register?.userErrors.length === 0 : true);
        outcomes.push({
          // A request that spans a change of phase belongs to the outage.
          phase: at === phase ? at : 'outage',
          kind: write ? 'write' : 'read',
          status: response.status,
          ok,
          codes: (response.errors ?? []).map((error) => String(error.extensions?.code)),
          messages: (response.errors ?? []).map((error) => error.message),
          ...(write ? { email } : {}),
          ms: Date.now() - started,
        });
      }
    };
    const workers = Array.from({ length: 4 }, worker);

    const of = (p: Outcome['phase']) => outcomes.filter((outcome) => outcome.phase === p);
    const succeeded = (p: Outcome['phase'], kind: Outcome['kind']) =>
      of(p).filter((outcome) => outcome.ok && outcome.kind === kind).length;

    // Each phase lasts until what it is for has happened, not for a fixed time.
    await waitFor(() => succeeded('before', 'read') >= 4 && succeeded('before', 'write') >= 4, {
      timeout: 30_000,
      message: 'reads and writes to succeed under load before the outage',
    });
    phase = 'outage';
    await postgres.stop();
    // Every worker meets the outage at least twice.
    await waitFor(() => of('outage').filter((outcome) => !outcome.ok).length >= 2 * workers.length, {
      timeout: 30_000,
      message: 'requests to be refused during the outage',
    });
    postgres = await start();
    phase = 'after';
    // Once a write succeeds again, the load goes on for 16 more requests, which must all succeed.
    const recovery = await waitFor(
      () => {
        const index = of('after').findIndex((outcome) => outcome.ok && outcome.kind === 'write');
        return index < 0 ? null : { index };
      },
      { timeout: 60_000, message: 'a write to succeed after the restart' },
    );
    await waitFor(() => of('after').length >= recovery.index + 1 + 16, {
      timeout: 30_000,
      message: '16 more requests after the recovery',
    });
    running = false;
    await Promise.all(workers);

    expect(of('before').length).toBeGreaterThan(0);
    expect(of('before').every((outcome) => outcome.ok)).toBe(true);

    // During the outage: a clear, stable error, never a hang or an internal one.
    const failed = of('outage').filter((outcome) => !outcome.ok);
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) {
      expect(outcome.codes).toEqual(['SERVICE_UNAVAILABLE']);
      expect(outcome.messages[0]).toBe(
        "La base de dades no està disponible: torna-ho a provar d'aquí a una estona.",
      );
      expect(outcome.status).toBe(503);
    }
    expect(Math.max(...of('outage').map((outcome) => outcome.ms))).toBeLessThan(10_000);

    // After the restart the same API process answers again, reads and writes.
    const sinceRecovery = of('after').slice(recovery.index + 1);
    expect(sinceRecovery.length).toBeGreaterThanOrEqual(16);
    expect(sinceRecovery.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(sinceRecovery.some((outcome) => outcome.kind === 'write')).toBe(true);

    // Nothing half-written: every account that exists has its verification mail, and every
    // registration that was confirmed exists.
    const confirmed = outcomes
      .filter((outcome) => outcome.kind === 'write' && outcome.ok)
      .map((o) => o.email);
    const accounts = await db.account.findMany({
      where: { email: { startsWith: 'carrega-' } },
      select: { email: true },
    });
    const emails = new Set(accounts.map((account) => account.email));
    for (const email of confirmed) expect(emails.has(email as string)).toBe(true);
    const mails = await db.mailOutbox.findMany({
      where: { to: { startsWith: 'carrega-' } },
      select: { to: true },
    });
    expect(new Set(mails.map((mail) => mail.to))).toEqual(emails);
  }, 120_000);
});
