import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

export type SchemaEngine = bg.SchemaEngine;

// Node has WebAssembly as a global; its types live in TypeScript's DOM library, which the server does not load.
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: Record<string, unknown> }>;
}

let loading: Promise<void> | undefined;
let lastPanic: string | undefined;

/** The message of the engine's last internal panic, to explain the error that follows it. */
export function takeEnginePanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Its ESM entry imports the .wasm file
 * directly, which Node 20 refuses, so the module is instantiated here by hand.
 */
function loadWasm(): Promise<void> {
  loading ??= (async () => {
    // The engine reports a Rust panic's message here before it throws.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(glue), 'schema_engine_bg.wasm'));
    const module = await wasmApi.compile(bytes);
    const instance = await wasmApi.instantiate(module, { './schema_engine_bg.js': bg });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
  })();
  return loading;
}

const PG_CHAR = 18;
const PG_TEXT = 25;

type RawResult = { fields: { dataTypeID: number }[]; rows: unknown[][] };
type Queryable = Pick<SqlDriverAdapter, 'queryRaw'> & { performIO(query: SqlQuery): Promise<RawResult> };

/**
 * adapter-pg cannot read PostgreSQL's internal "char" type, which the catalog queries of the
 * schema engine return (for example pg_constraint.contype): such columns are read as text and
 * reported to the engine as characters.
 */
function readingChar<T extends object>(queryable: T): T {
  const inner = queryable as unknown as Queryable;
  const wrapped = Object.create(queryable) as Queryable;
  wrapped.queryRaw = async (query: SqlQuery) => {
    const raw = await inner.performIO(query);
    const charColumns: number[] = [];
    raw.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_TEXT;
        charColumns.push(index);
      }
    });
    const call = Object.create(inner) as Queryable;
    call.performIO = async () => raw;
    const result = await inner.queryRaw.call(call, query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return wrapped as unknown as T;
}

function migrationPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * An adapter over `pool` that runs a script as one multi-statement query, as Prisma's native
 * engine does (adapter-pg splits on every `;`, which breaks function bodies), and that ends the
 * pool when disposed.
 */
async function adapterOn(pool: pg.Pool, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPg(pool).connect();
  const adapter = readingChar(inner);
  Object.assign(adapter, {
    startTransaction: async (isolationLevel?: IsolationLevel) =>
      readingChar(await inner.startTransaction(isolationLevel)),
    executeScript: async (script: string) => {
      await pool.query(script);
    },
    dispose: async () => {
      await inner.dispose();
      if (!pool.ended) await pool.end();
      await onDispose?.();
    },
  });
  return adapter;
}

function migrationAwareFactory(url: string, pools: pg.Pool[]): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(url);
  const track = (pool: pg.Pool) => {
    pools.push(pool);
    return pool;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => adapterOn(track(migrationPool(url))),
    connectToShadowDb: async () => {
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      return adapterOn(track(migrationPool(shadowUrl.toString())), async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      });
    },
  };
}

export interface EngineOptions {
  /** The database to migrate or to use for shadow databases. Not needed for schema-to-schema diffs. */
  databaseUrl?: string;
  schemaPath: string;
  schemaText: string;
  onLog?: (message: string) => void;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. */
  close(): Promise<void>;
}

export async function openSchemaEngine(options: EngineOptions): Promise<OpenEngine> {
  await loadWasm();
  const pools: pg.Pool[] = [];
  // Diffs between schema files need no database; a placeholder URL is never connected to.
  const factory = migrationAwareFactory(
    options.databaseUrl ?? 'postgresql://offline@127.0.0.1:1/offline',
    pools,
  );
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[options.schemaPath, options.schemaText]] },
    (message: string) => options.onLog?.(message),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(pools.map((pool) => (pool.ended ? undefined : pool.end().catch(() => undefined))));
    },
  };
}
