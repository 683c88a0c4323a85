import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { paramList, reasonMessage } from '@proximitat/errors';
import type { Env } from '@proximitat/runtime';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express from 'express';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  visit,
} from 'graphql';
import helmet from 'helmet';
import type { AppServices, Context } from './context.ts';
import {
  AppError,
  appError,
  ErrorCode,
  errorBody,
  isDatabaseUnavailable,
  reasonExtensions,
} from './errors.ts';
import { costlyFieldsRule } from './limits/costly-fields.ts';
import { createDocumentStore } from './limits/document-store.ts';
import { LIMITS } from './limits/limits.ts';
import { pageSizeErrors } from './limits/page-size.ts';
import { responseSizeLimit } from './limits/response-size.ts';
import { SESSION_COOKIE, viewerForToken } from './modules/account/session.service.ts';
import { localePlugin, requestLocale } from './modules/i18n/request-locale.ts';
import { accountabilityCsvHandler } from './modules/plan/accountability.csv.ts';
import { awardsOcdsHandler } from './modules/procurement/award-ocds.ts';
import { shortlistCsvHandler } from './modules/procurement/shortlist-export.ts';
import { boundaryFilesHandler } from './modules/reference/boundary-files.ts';
import { clientAddressKey } from './rate-limit/client-address.ts';
import { createResponseCache, type ResponseCache } from './response-cache/response-cache.ts';

/** Codes whose errors are meant for the client; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function isPublic(formatted: GraphQLFormattedError, error: unknown): boolean {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return true;
  const original = (error as { originalError?: Error })?.originalError;
  // Pothos reports bad arguments (validation plugin, complexity limits) with its own error classes.
  return original?.name === 'PothosValidationError' || original?.name === 'ValidationError';
}

/** Whether a value (variables, a document) holds U+0000 anywhere in its strings. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentContainsNul(document: DocumentNode): boolean {
  const known = nulInDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  nulInDocument.set(document, found);
  return found;
}

/** A response whose only errors say the database is unreachable is a 503, so proxies and clients retry. */
const unavailablePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (
          errors.length > 0 &&
          errors.every((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)
        ) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};

function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const errors = pageSizeErrors(schema, document, request.variables);
          if (errors.length > 0) throw errors[0] as GraphQLError;
          // PostgreSQL cannot store the NUL character: refuse it in any text, here, with a clear error.
          if (containsNul(request.variables) || documentContainsNul(document)) {
            throw new AppError('TEXT_HAS_NUL', [], { http: { status: 400 } });
          }
        },
      };
    },
  };
}

/** The session token a request carries: a bearer token, or the session cookie (parsed before). */
function sessionTokenOf(req: express.Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return bearer ?? (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
}

export interface App {
  app: express.Express;
  apollo: ApolloServer<Context>;
  responseCache: ResponseCache;
}

export interface CreateAppOptions {
  env: Env;
  services: AppServices;
  schema: GraphQLSchema;
  httpServer: Server;
  /** Serves the web client through Vite's dev server instead of the built files. */
  webMiddleware?: express.RequestHandler;
}

export async function createApp({
  env,
  services,
  schema,
  httpServer,
  webMiddleware,
}: CreateAppOptions): Promise<App> {
  const { db, search, log } = services;
  const production = env.nodeEnv === 'production';
  const responseCache = createResponseCache();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    csrfPrevention: true,
    // The platform's own shutdown stops Apollo, after the services it depends on are no longer needed.
    stopOnTerminationSignals: false,
    // Stack traces are internals: logged, never sent.
    includeStacktraceInErrorResponses: false,
    // "Did you mean …?" would describe the schema that introspection hides in production.
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: LIMITS.tokens },
    documentStore: createDocumentStore(),
    validationRules: [
      costlyFieldsRule,
      maxAliasesRule({
        n: LIMITS.aliases,
        propagateOnRejection: false,
        onReject: [
          (context, _error) =>
            context?.reportError(
              new GraphQLError(reasonMessage('EN', 'TOO_MANY_ALIASES', paramList({ max: LIMITS.aliases })), {
                extensions: reasonExtensions('TOO_MANY_ALIASES', { max: LIMITS.aliases }),
              }),
            ),
        ],
      }),
    ],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are unused (public answers are cached by response-cache.ts), and the plugin
      // wraps every field's resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(schema),
      localePlugin,
      unavailablePlugin,
      responseCache.plugin,
    ],
    formatError: (formatted, error) => {
      // Pothos refuses a malformed connection argument (a cursor that is not one of ours) with
      // its own error class: an expected failure with a reason, not an internal one.
      const original = (error as { originalError?: Error } | undefined)?.originalError;
      if (original?.name === 'PothosValidationError') {
        const refused = /cursor/i.test(original.message)
          ? appError('INVALID_CURSOR', 'after')
          : appError('INVALID_VALUE', null);
        return {
          message: refused.message,
          ...(formatted.path ? { path: formatted.path } : {}),
          ...(formatted.locations ? { locations: formatted.locations } : {}),
          extensions: refused.extensions,
        };
      }
      if (isPublic(formatted, error)) return formatted;
      if (isDatabaseUnavailable(error)) {
        log.warn({ requestPath: formatted.path }, 'the database is unavailable');
        const unavailable = appError('DATABASE_UNAVAILABLE', null);
        return {
          message: unavailable.message,
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: unavailable.extensions,
        };
      }
      log.error(
        { err: (error as { originalError?: unknown })?.originalError ?? error },
        'unexpected GraphQL error',
      );
      return {
        message: 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names: anyone else could name
  // any address and so escape (or aim) the per-address limits.
  app.set('trust proxy', env.trustProxy.length > 0 ? env.trustProxy : false);

  // Security headers on every route: the API, health, exports and reports as well as the pages.
  app.use(
    helmet({
      // Vite's dev server injects inline scripts for hot reload; the built client needs none.
      contentSecurityPolicy: webMiddleware
        ? false
        : {
            directives: {
              'default-src': ["'self'"],
              // The basemap's tiles, when the client is built with one (VITE_MAP_TILE_URL).
              'img-src': ["'self'", 'data:', ...(env.mapTileOrigin ? [env.mapTileOrigin] : [])],
              'style-src': ["'self'", "'unsafe-inline'"],
              'connect-src': ["'self'", ...(production ? [] : ['ws:'])],
              'upgrade-insecure-requests': production ? [] : null,
            },
          },
    }),
  );

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.debug({ requestId, method: req.method, path: req.path, status: res.statusCode, ms }, 'request');
    });
    next();
  });

  // Up (200) while the database answers: without search the platform still serves, degraded. Only
  // staff learn which dependency is down; anyone else would learn when an attack could hurt most.
  app.get('/healthz', cookieParser(), async (req, res) => {
    const database = await db.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
    res.setHeader('Cache-Control', 'no-store');
    const viewer = database ? await viewerForToken(db, sessionTokenOf(req)).catch(() => null) : null;
    if (viewer?.role !== 'STAFF' && viewer?.role !== 'ADMIN') {
      res.status(database ? 200 : 503).json({ status: database ? 'ok' : 'unavailable' });
      return;
    }
    const searchOk = await search.healthy();
    res.status(200).json({
      status: searchOk ? 'ok' : 'degraded',
      database: 'ok',
      search: searchOk ? 'ok' : 'unavailable',
    });
  });

  app.use('/geo', boundaryFilesHandler(db));

  // A request still running after REQUEST_TIMEOUT_MS is answered with an error; whatever it
  // produces later is dropped (PostgreSQL's statement_timeout stops runaway queries themselves).
  app.use('/graphql', (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.locals.timedOut = true;
      res
        .status(503)
        .setHeader('retry-after', '5')
        .json(
          errorBody(requestLocale(null, req.headers['accept-language']), 'REQUEST_TIMEOUT', {
            ms: env.requestTimeoutMs,
          }),
        );
    }, env.requestTimeoutMs);
    res.once('close', () => clearTimeout(timer));
    next();
  });

  app.use(
    '/graphql',
    // Same-origin only, unless CORS_ORIGINS names the other sites allowed to call the API.
    cors({ origin: env.corsOrigins.length > 0 ? env.corsOrigins : false, credentials: true }),
    cookieParser(),
    express.json({ limit: LIMITS.bodyBytes }),
    responseSizeLimit(LIMITS.responseBytes),
    responseCache.middleware(db),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const sessionToken = sessionTokenOf(req);
        const viewer = await viewerForToken(db, sessionToken);
        return {
          db,
          search,
          log,
          requestId: String(res.locals.requestId),
          viewer,
          locale: requestLocale(viewer?.locale, req.headers['accept-language']),
          sessionToken,
          clientAddress: clientAddressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown'),
          publicUrl: env.publicUrl,
          dataVersions: res.locals.dataVersions,
          http: {
            setHeader: (name, value) => res.setHeader(name, value),
            setCookie: (name, value, maxAgeSeconds) =>
              res.cookie(name, value, {
                httpOnly: true,
                sameSite: 'lax',
                secure: production,
                path: '/',
                maxAge: maxAgeSeconds * 1000,
              }),
            clearCookie: (name) =>
              res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: production, path: '/' }),
          },
        };
      },
    }),
  );

  app.get('/reports/accountability.csv', accountabilityCsvHandler(db));
  app.get('/exports/awards.ocds.json', awardsOcdsHandler(db, env.publicUrl, env.ocdsOcidPrefix));
  app.get('/exports/shortlists/:id.csv', shortlistCsvHandler(db, env.publicUrl));
  app.get('/exports/shortlists/:id/snapshots/:snapshotId.csv', shortlistCsvHandler(db, env.publicUrl));

  if (webMiddleware) {
    app.use(webMiddleware);
  } else if (existsSync(join(env.webDist, 'index.html'))) {
    app.use(express.static(env.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: any other page request gets the app shell.
    app.get('/{*path}', (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(env.webDist, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The web client is not built: run pnpm build');
    });
  }

  app.use(
    (
      error: Error & { status?: number; type?: string },
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      // The late answer of a request that timed out has nowhere to go.
      if (res.locals.timedOut) return;
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') {
        res.status(413).json(
          errorBody(requestLocale(null, req.headers['accept-language']), 'BODY_TOO_LARGE', {
            max: LIMITS.bodyBytes,
          }),
        );
        return;
      }
      if (error.status && error.status < 500) {
        res
          .status(error.status)
          .json({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      log.error({ err: error }, 'unexpected HTTP error');
      res.status(500).json({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    },
  );

  return { app, apollo, responseCache };
}
