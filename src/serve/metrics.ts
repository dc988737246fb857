/**
 * The service's Prometheus metrics (prom-client), one registry per server so
 * two servers in one process (tests) never share counters.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PooledCleaner } from '../batch/pooled.js';

export interface ServeMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  latency: Histogram<'route'>;
  documents: Counter<'outcome'>;
  failures: Counter<'reason'>;
}

export function createMetrics(pool: PooledCleaner): ServeMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'copydesk_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'copydesk_http_request_duration_seconds',
    help: 'Time from request to response, by route',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const documents = new Counter({
    name: 'copydesk_documents_total',
    help: 'Documents processed, by outcome (cleaned, empty, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'copydesk_failures_total',
    help: 'Documents that failed, by reason (binary, undecodable, too-large, timeout, crashed, busy)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'copydesk_pool_utilization',
    help: 'Share of the worker pool capacity in use (0-1)',
    registers: [registry],
    collect() {
      this.set(pool.utilization);
    },
  });
  new Gauge({
    name: 'copydesk_pool_pending',
    help: 'Documents accepted and not finished (running and waiting)',
    registers: [registry],
    collect() {
      this.set(pool.pending);
    },
  });
  new Gauge({
    name: 'copydesk_pool_threads',
    help: 'Worker threads of the pool',
    registers: [registry],
    collect() {
      this.set(pool.threads);
    },
  });
  return { registry, requests, latency, documents, failures };
}
