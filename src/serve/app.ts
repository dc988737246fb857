/**
 * The HTTP service of `copydesk serve` (Fastify). See docs/service.md.
 *
 * - `POST /v1/clean`: the page as the raw body (`text/html`, `text/markdown`,
 *   `text/plain`, with `charset`), or JSON `{content, format?, url?, options?}`
 *   → `{markdown, metadata}` (or the Markdown itself when `Accept` prefers
 *   `text/markdown`); `application/x-ndjson` streams records in and results
 *   out, as `clean --ndjson` does.
 * - `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus), `GET /openapi.json`.
 *
 * Cleaning runs on one `PooledCleaner` (the batch worker pool). Outcomes are
 * the CLI's: cleaned (200), empty (200, `metadata.status: "empty"`), bad input
 * (422 with the one-line reason), too large (413), pool queue full or under
 * pressure (503 + `Retry-After`). The `url` is metadata only: never fetched.
 */
import { timingSafeEqual } from 'node:crypto';
import { PassThrough } from 'node:stream';
import swagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { CleanJob, JobResult } from '../batch/job.js';
import { Interrupted } from '../batch/pool.js';
import { PoolBusyError, PoolClosedError, type PooledCleaner } from '../batch/pooled.js';
import { version } from '../batch/version.js';
import { InputError } from '../errors.js';
import { runNdjson } from '../ndjson.js';
import type { CleanOptions } from '../options.js';
import { FROM_CHOICES, type FromOption } from '../readers/index.js';
import { charsetOf, mediaType, NDJSON_TYPES, prefersMarkdown, RAW_TYPES, toUtf8 } from './body.js';
import { createMetrics, type ServeMetrics } from './metrics.js';

export interface ServeConfig {
  pool: PooledCleaner;
  /** Options the pool's cleaner was built with (format default for JSON and NDJSON). */
  options: CleanOptions;
  /** Largest document in bytes (raw body, JSON `content`, one NDJSON record). */
  maxBytes: number;
  /** Bearer token required on every route but /healthz and /readyz (default: none). */
  token?: string | undefined;
  /** Origins allowed by CORS (default: none, no CORS headers at all). */
  corsOrigins?: readonly string[] | undefined;
  /** Event-loop delay in ms above which requests get 503 (default: 1000; 0: no check). */
  maxEventLoopDelayMs?: number | undefined;
  /** Seconds a client is told to wait after a 503 (default: 1). */
  retryAfterSeconds?: number | undefined;
}

interface JsonBody {
  content: string;
  format?: FromOption;
  url?: string;
  options?: { from?: FromOption };
}

const ERROR_SCHEMA = {
  type: 'object',
  properties: { error: { type: 'string' }, problem: { type: 'string' } },
  required: ['error'],
} as const;

const CLEAN_JSON_SCHEMA = {
  type: 'object',
  required: ['content'],
  additionalProperties: false,
  properties: {
    content: { type: 'string', description: 'The page: HTML, Markdown or plain text' },
    format: {
      type: 'string',
      enum: [...FROM_CHOICES],
      description: 'Input format (default: auto)',
    },
    url: { type: 'string', description: 'URL of the page: metadata only, never fetched' },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { from: { type: 'string', enum: [...FROM_CHOICES] } },
    },
  },
} as const;

/** Raw bodies are bytes: documented, not validated (the decoder judges them). */
const RAW_BODY_SCHEMA = { description: 'the page, as bytes' } as const;

const problemStatus = (r: Extract<JobResult, { kind: 'failed' }>): number =>
  r.problem === 'too-large' ? 413 : 422;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Build the service (not listening yet: call `listen`). */
export async function buildServer(config: ServeConfig): Promise<FastifyInstance> {
  const { pool, maxBytes } = config;
  const retryAfter = config.retryAfterSeconds ?? 1;
  const metrics = createMetrics(pool);
  const app = Fastify({
    logger: false,
    // A raw body may be at most maxBytes; a JSON body escapes, so allow some slack.
    bodyLimit: maxBytes * 2 + 64 * 1024,
    requestTimeout: pool.timeoutMs + 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'copydesk',
        version: version(),
        description:
          'Cleans scraped pages (HTML, Markdown, plain text) into article Markdown plus metadata.',
      },
      ...(config.token
        ? {
            components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
            security: [{ bearer: [] }],
          }
        : {}),
    },
  });
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs ?? 1000,
    retryAfter,
    pressureHandler: (_req, reply, type, value) => {
      metrics.failures.inc({ reason: 'busy' });
      reply
        .code(503)
        .header('retry-after', String(retryAfter))
        .send({ error: `overloaded (${type} ${value}); retry later`, problem: 'busy' });
    },
  });

  // Raw bodies, kept as bytes: the decoder sees them as `clean` would.
  app.addContentTypeParser(Object.keys(RAW_TYPES), { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  // NDJSON: the request stream itself, read record by record.
  app.addContentTypeParser(NDJSON_TYPES, (_req, payload, done) => done(null, payload));

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && config.corsOrigins?.includes(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (request.method === 'OPTIONS') {
        reply
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'authorization, content-type, accept')
          .code(204)
          .send();
        return reply;
      }
    }
    if (!config.token) return;
    const path = request.url.split('?')[0];
    if (path === '/healthz' || path === '/readyz') return;
    const auth = request.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    if (!m?.[1] || !sameToken(m[1].trim(), config.token)) {
      reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'missing or wrong bearer token' });
      return reply;
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      metrics.failures.inc({ reason: 'too-large' });
      return reply
        .code(413)
        .send({ error: `body too large (limit ${maxBytes} bytes)`, problem: 'too-large' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send({
        error: `unsupported content type; send ${[...Object.keys(RAW_TYPES), 'application/json', NDJSON_TYPES[0]].join(', ')}`,
      });
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: error.message.split('\n')[0] });
    return reply.code(500).send({ error: 'internal error' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });

  const count = (result: JobResult): void => {
    metrics.documents.inc({ outcome: result.kind });
    if (result.kind === 'failed') metrics.failures.inc({ reason: result.problem });
  };

  /** Clean on the pool; busy and closing become 503s, bad input a failed result. */
  const cleanOrBusy = async (job: CleanJob, reply: FastifyReply): Promise<JobResult | null> => {
    // A client that goes away takes its document with it: queued, it is dropped; running, stopped.
    const gone = new AbortController();
    const onClose = (): void => {
      if (!reply.raw.writableFinished) gone.abort();
    };
    reply.raw.once('close', onClose);
    try {
      const result = await pool.clean(job, gone.signal);
      count(result);
      return result;
    } catch (error) {
      if (error instanceof Interrupted) {
        metrics.failures.inc({ reason: 'client-gone' });
        return null; // nobody to answer
      }
      if (error instanceof PoolBusyError || error instanceof PoolClosedError) {
        metrics.failures.inc({ reason: 'busy' });
        await reply
          .code(503)
          .header('retry-after', String(retryAfter))
          .send({ error: error.message, problem: 'busy' });
        return null;
      }
      throw error;
    } finally {
      reply.raw.off('close', onClose);
    }
  };

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: JobResult,
  ): Promise<FastifyReply> => {
    if (result.kind === 'failed')
      return reply
        .code(problemStatus(result))
        .send({ error: result.reason, problem: result.problem });
    reply.header('x-copydesk-status', result.metadata.status);
    if (prefersMarkdown(request.headers.accept))
      return reply.type('text/markdown; charset=utf-8').send(result.markdown);
    return reply.send({ markdown: result.markdown, metadata: result.metadata });
  };

  const tooLarge = (reply: FastifyReply, bytes: number): FastifyReply => {
    metrics.documents.inc({ outcome: 'failed' });
    metrics.failures.inc({ reason: 'too-large' });
    return reply.code(413).send({
      error: `content too large (${bytes} bytes; limit ${maxBytes})`,
      problem: 'too-large',
    });
  };

  const badInput = (reply: FastifyReply, error: InputError): FastifyReply => {
    metrics.documents.inc({ outcome: 'failed' });
    metrics.failures.inc({ reason: error.problem });
    return reply.code(422).send({ error: error.message, problem: error.problem });
  };

  app.post(
    '/v1/clean',
    {
      schema: {
        summary: 'Clean one page (raw or JSON body), or a stream of NDJSON records',
        body: {
          content: {
            'application/json': { schema: CLEAN_JSON_SCHEMA },
            ...Object.fromEntries(
              [...Object.keys(RAW_TYPES), ...NDJSON_TYPES].map((t) => [
                t,
                { schema: RAW_BODY_SCHEMA },
              ]),
            ),
          },
        },
        querystring: {
          type: 'object',
          properties: {
            url: { type: 'string', description: 'URL of a raw-body page (metadata only)' },
            format: { type: 'string', enum: [...FROM_CHOICES] },
          },
        },
        response: {
          200: {
            description:
              '{markdown, metadata} (JSON), the Markdown (Accept: text/markdown) or NDJSON results',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    markdown: { type: 'string' },
                    metadata: { type: 'object', additionalProperties: true },
                  },
                },
              },
              'text/markdown': { schema: { type: 'string' } },
              'application/x-ndjson': { schema: { type: 'string' } },
            },
          },
          400: ERROR_SCHEMA,
          401: ERROR_SCHEMA,
          413: ERROR_SCHEMA,
          415: ERROR_SCHEMA,
          422: ERROR_SCHEMA,
          503: ERROR_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const type = mediaType(request.headers['content-type']);
      const query = request.query as { url?: string; format?: FromOption };
      if (NDJSON_TYPES.includes(type)) return streamNdjson(request, reply);
      let job: CleanJob;
      if (type === 'application/json') {
        const body = request.body as JsonBody;
        const bytes = Buffer.from(body.content, 'utf8');
        if (bytes.length > maxBytes) return tooLarge(reply, bytes.length);
        const from = body.format ?? body.options?.from ?? config.options.from;
        job = { bytes, path: '-', from, url: body.url };
      } else {
        const raw = request.body as Buffer;
        if (raw.length > maxBytes) return tooLarge(reply, raw.length);
        let bytes: Uint8Array;
        try {
          bytes = toUtf8(raw, charsetOf(request.headers['content-type']));
        } catch (error) {
          if (error instanceof InputError) return badInput(reply, error);
          throw error;
        }
        job = { bytes, path: '-', from: query.format ?? RAW_TYPES[type] ?? 'auto', url: query.url };
      }
      const result = await cleanOrBusy(job, reply);
      if (!result) return reply;
      return answer(request, reply, result);
    },
  );

  const streamNdjson = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    const out = new PassThrough();
    const input = request.body as AsyncIterable<Buffer>;
    const done = runNdjson(input, out, config.options, {
      maxBytes,
      clean: async (job) => {
        // A full pool waits here instead of refusing: the stream itself is the back-pressure.
        for (;;) {
          try {
            const result = await pool.clean(job);
            count(result);
            return result;
          } catch (error) {
            if (!(error instanceof PoolBusyError)) throw error;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      },
    });
    done.then(
      () => out.end(),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        out.end(`${JSON.stringify({ id: null, error: `stream stopped: ${message}` })}\n`);
      },
    );
    return reply.type('application/x-ndjson; charset=utf-8').send(out);
  };

  app.get('/healthz', { schema: { summary: 'Liveness: the process answers' } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: the pool takes work and the server is not overloaded' } },
    async (_request, reply) => {
      if (pool.closed) return reply.code(503).send({ status: 'shutting down' });
      if (pool.full || app.isUnderPressure())
        return reply.code(503).header('retry-after', String(retryAfter)).send({ status: 'busy' });
      return { status: 'ready', pending: pool.pending, threads: pool.threads };
    },
  );

  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics (text format)' } },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

export type { ServeMetrics };
