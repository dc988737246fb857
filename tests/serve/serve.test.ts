/**
 * `copydesk serve`: real HTTP requests to a server listening on a free port
 * (in-process `buildServer`, the same worker pool as batches).
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PooledCleaner } from '../../src/batch/pooled.js';
import { buildServer, type ServeConfig } from '../../src/serve/app.js';

const ARTICLE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Council approves riverside park</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves riverside park</h1>
<p>The council voted seven to two on Tuesday evening to approve the riverside park, ending a debate that lasted nearly three years.</p>
<p>Residents who spoke at the meeting mostly supported the plan, though several raised concerns about parking near the new footbridge.</p>
<p>Construction is expected to begin next spring and to take about eighteen months, according to the planning office.</p>
</article></body></html>`;

interface Running {
  base: string;
  close: () => Promise<void>;
}

async function start(
  overrides: Partial<ServeConfig> & {
    threads?: number;
    maxQueue?: number;
    timeoutMs?: number;
  } = {},
): Promise<Running> {
  const { threads = 1, maxQueue, timeoutMs = 30_000, ...rest } = overrides;
  const pool = new PooledCleaner({ threads, options: {}, timeoutMs, maxQueue });
  // The event-loop check is off: a shared test machine stalls the loop for reasons of its own.
  const app = await buildServer({
    pool,
    options: {},
    maxBytes: 1024 * 1024,
    maxEventLoopDelayMs: 0,
    ...rest,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base: address,
    close: async () => {
      await app.close();
      await pool.close();
    },
  };
}

describe('copydesk serve (HTTP)', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('should clean a raw text/html body into {markdown, metadata}', async () => {
    const res = await fetch(
      `${server.base}/v1/clean?url=${encodeURIComponent('https://news.example.org/park')}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: ARTICLE_HTML,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { markdown: string; metadata: Record<string, unknown> };
    expect(body.markdown).toMatch(/^# Council approves riverside park/);
    expect(body.markdown).toContain('eighteen months');
    expect(body.markdown).not.toContain('Home');
    const source = body.metadata.source as { format: string; url: string };
    expect(source.format).toBe('html');
    expect(source.url).toBe('https://news.example.org/park');
    expect(body.metadata.status).not.toBe('empty');
  });

  it('should decode a raw body with the charset named in Content-Type', async () => {
    const text =
      'Le café du village rouvre ses portes après trois années de travaux importants.\nLes habitants du quartier se réjouissent de retrouver leur lieu de rencontre préféré.';
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=ISO-8859-1' },
      body: new Uint8Array(iconv.encode(text, 'latin1')),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { markdown: string };
    expect(body.markdown).toContain('café');
    expect(body.markdown).toContain('réjouissent');
  });

  it('should refuse an unknown charset with 422 and a reason', async () => {
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=x-no-such-charset' },
      body: 'Hello there, this is some text.',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown charset/);
  });

  it('should answer text/markdown when Accept prefers it', async () => {
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/html', accept: 'text/markdown, application/json;q=0.5' },
      body: ARTICLE_HTML,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await res.text();
    expect(text).toMatch(/^# Council approves riverside park/);
    expect(res.headers.get('x-copydesk-status')).toBeTruthy();
  });

  it('should clean a JSON body {content, format, url}', async () => {
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: ARTICLE_HTML, format: 'html', url: 'https://a.example/x' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { markdown: string; metadata: { source: { url: string } } };
    expect(body.markdown).toContain('riverside park');
    expect(body.metadata.source.url).toBe('https://a.example/x');
  });

  it('should reject a JSON body without content (400) and an unknown format', async () => {
    const a = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(a.status).toBe(400);
    expect(((await a.json()) as { error: string }).error).toMatch(/content/);
    const b = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'x', format: 'pdf' }),
    });
    expect(b.status).toBe(400);
  });

  it('should give status empty (200) for a whitespace-only page, as the CLI skips it', async () => {
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: '  \n\t ' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { markdown: string; metadata: { status: string } };
    expect(body.markdown).toBe('');
    expect(body.metadata.status).toBe('empty');
  });

  it('should answer 422 with the one-line reason for binary content, never a 500', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: new Uint8Array(png),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; problem: string };
    expect(body).toEqual({ error: 'binary, not text (PNG image)', problem: 'binary' });
  });

  it('should answer 415 for an unsupported content type', async () => {
    const res = await fetch(`${server.base}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: 'x',
    });
    expect(res.status).toBe(415);
  });

  it('should stream NDJSON: results come back while the request is still open', async () => {
    const url = new URL(`${server.base}/v1/clean`);
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let nl = buf.indexOf('\n');
            while (nl !== -1) {
              lines.push(buf.slice(0, nl));
              buf = buf.slice(nl + 1);
              nl = buf.indexOf('\n');
            }
            // The first result arrived before the second record was sent.
            if (lines.length === 1) {
              req.write('not json\n');
              req.end(`${JSON.stringify({ id: 'c', content: ARTICLE_HTML, format: 'html' })}\n`);
            }
          });
          res.on('end', () => resolve());
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.write(
        `${JSON.stringify({ id: 'a', content: 'A first record with a sentence or two of plain text in it.' })}\n`,
      );
      req.flushHeaders();
    });
    const results = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(results).toHaveLength(3);
    expect(results[0]?.id).toBe('a');
    expect(results[0]?.markdown).toMatch(/first record/);
    expect(results[1]).toEqual({ id: null, line: 2, error: 'not a JSON object' });
    expect(results[2]?.id).toBe('c');
    expect(results[2]?.markdown).toMatch(/^# Council approves/);
  });

  it('should answer healthz, readyz, metrics and openapi.json', async () => {
    expect(await (await fetch(`${server.base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await fetch(`${server.base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(
      /copydesk_http_requests_total\{method="POST",route="\/v1\/clean",status="200"\} \d+/,
    );
    expect(text).toMatch(/copydesk_documents_total\{outcome="cleaned"\} \d+/);
    expect(text).toMatch(/copydesk_failures_total\{reason="binary"\} 1/);
    expect(text).toMatch(/copydesk_http_request_duration_seconds_bucket/);
    expect(text).toMatch(/copydesk_pool_utilization \d/);
    const api = (await (await fetch(`${server.base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(api.openapi).toMatch(/^3\./);
    const post = api.paths['/v1/clean']?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual(
      expect.arrayContaining([
        'application/json',
        'text/html',
        'text/markdown',
        'text/plain',
        'application/x-ndjson',
      ]),
    );
    expect(api.paths['/healthz']).toBeDefined();
  });

  it('should send no CORS headers unless configured', async () => {
    const res = await fetch(`${server.base}/healthz`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should never fetch the url it is given', async () => {
    let hits = 0;
    const target = createServer((_req, res) => {
      hits++;
      res.end('<html><body><p>fetched</p></body></html>');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const port = (target.address() as AddressInfo).port;
    try {
      const res = await fetch(`${server.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: ARTICLE_HTML, url: `http://127.0.0.1:${port}/page` }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { markdown: string };
      expect(body.markdown).not.toContain('fetched');
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });
});

describe('copydesk serve limits and auth', () => {
  it('should answer 413 with a reason above the size limit', async () => {
    const s = await start({ maxBytes: 2000 });
    try {
      const raw = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'word '.repeat(1000),
      });
      expect(raw.status).toBe(413);
      expect(((await raw.json()) as { error: string }).error).toMatch(/too large.*limit 2000/);
      const json = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'word '.repeat(1000) }),
      });
      expect(json.status).toBe(413);
      const huge = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'word '.repeat(100_000),
      });
      expect(huge.status).toBe(413);
    } finally {
      await s.close();
    }
  });

  it('should answer 503 with Retry-After when the queue is full, and only that', async () => {
    const s = await start({ threads: 1, maxQueue: 0 });
    const big = `<html><body><article>${'<p>The council met again on Tuesday to talk about the park and the bridge and the parking.</p>'.repeat(600)}</article></body></html>`;
    try {
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${s.base}/v1/clean`, {
            method: 'POST',
            headers: { 'content-type': 'text/html' },
            body: big,
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      expect(statuses.every((c) => c === 200 || c === 503)).toBe(true);
      const busy = responses.find((r) => r.status === 503);
      if (!busy) throw new Error('no 503');
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(((await busy.json()) as { problem: string }).problem).toBe('busy');
    } finally {
      await s.close();
    }
  });

  it('should drop the documents of clients that went away, queued or running', async () => {
    const s = await start({ threads: 1, maxQueue: 16 });
    const big = `<html><body><article>${'<p>The council met again on Tuesday to talk about the park and the bridge and the parking.</p>'.repeat(600)}</article></body></html>`;
    const metric = async (name: string): Promise<number> => {
      const text = await (await fetch(`${s.base}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(name));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    try {
      const clients = Array.from({ length: 6 }, () => new AbortController());
      const sent = clients.map((c) =>
        fetch(`${s.base}/v1/clean`, {
          method: 'POST',
          headers: { 'content-type': 'text/html' },
          body: big,
          signal: c.signal,
        }).catch(() => undefined),
      );
      // Wait until the server holds all six, then hang up on every one.
      for (let i = 0; i < 200 && (await metric('copydesk_pool_pending')) < 6; i++)
        await new Promise((r) => setTimeout(r, 50));
      for (const c of clients) c.abort();
      await Promise.all(sent);
      let gone = 0;
      for (let i = 0; i < 600 && gone < 6; i++) {
        gone = await metric('copydesk_failures_total{reason="client-gone"}');
        if (gone < 6) await new Promise((r) => setTimeout(r, 50));
      }
      expect(gone).toBe(6);
      expect(await metric('copydesk_pool_pending')).toBe(0);
      // The pool still serves the next client.
      const res = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'text/html' },
        body: ARTICLE_HTML,
      });
      expect(res.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('should fail a page over the time limit with 422 (timeout)', async () => {
    const s = await start({ timeoutMs: 1 });
    try {
      const res = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'text/html' },
        body: ARTICLE_HTML,
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({
        error: 'over the time limit (0.001 s, see --timeout)',
        problem: 'timeout',
      });
    } finally {
      await s.close();
    }
  });

  it('should require the bearer token when one is set, except on healthz/readyz', async () => {
    const s = await start({ token: 's3cret-token' });
    try {
      const none = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'Some text here.',
      });
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const wrong = await fetch(`${s.base}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${s.base}/v1/clean`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: 'Bearer s3cret-token' },
        body: 'Some text here, with a few more words to make a paragraph.',
      });
      expect(right.status).toBe(200);
      expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
      expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('should allow only the configured CORS origins', async () => {
    const s = await start({ corsOrigins: ['https://app.example'] });
    try {
      const ok = await fetch(`${s.base}/healthz`, { headers: { origin: 'https://app.example' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
      const other = await fetch(`${s.base}/healthz`, {
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.close();
    }
  });
});
