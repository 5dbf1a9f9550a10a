import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Health } from '@sinergi/shared/schemas';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import type { DocumentClient } from '../../store/client';

export interface HealthOptions {
  /** How long an answer is reused, in ms (a healthy one; a failed one for a fifth of it). */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Public and unauthenticated, so it must not let anyone turn requests into database calls: the table is
 * described at most once per `ttlMs` (one call in flight however many requests wait on it), and every
 * answer in between repeats the last measurement with its time.
 */
export function healthRoutes(db: DocumentClient, tableName: string, options: HealthOptions = {}) {
  const ttlMs = options.ttlMs ?? 5000;
  const now = options.now ?? Date.now;
  let cached: { at: number; health: Health; ttl: number } | undefined;
  let inFlight: Promise<Health> | undefined;

  async function measure(): Promise<Health> {
    const started = performance.now();
    const checkedAt = new Date(now()).toISOString();
    try {
      const table = await db.send(new DescribeTableCommand({ TableName: tableName }), {
        abortSignal: AbortSignal.timeout(3000),
      });
      return {
        status: 'ok',
        database: {
          reachable: true,
          table: tableName,
          ...(table.Table?.TableStatus ? { tableStatus: table.Table.TableStatus } : {}),
          latencyMs: Math.round(performance.now() - started),
          checkedAt,
        },
      };
    } catch (error) {
      console.error('health: database unreachable', error);
      return { status: 'degraded', database: { reachable: false, table: tableName, checkedAt } };
    }
  }

  async function current(): Promise<Health> {
    if (cached && now() - cached.at < cached.ttl) return cached.health;
    inFlight ??= measure().then((health) => {
      cached = { at: now(), health, ttl: health.status === 'ok' ? ttlMs : ttlMs / 5 };
      inFlight = undefined;
      return health;
    });
    return inFlight;
  }

  // No input to validate: a plain route, so a cold start that serves only health builds no schema. Its
  // entry in the OpenAPI document is in ./doc.ts.
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const health = await current();
    c.header('cache-control', 'no-store');
    if (health.status === 'ok') return c.json(health, 200);
    c.header('retry-after', '2');
    return c.json(health, 503);
  });
  return app;
}
