import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import type { Config } from './config';
import { problemHandler } from './http/problem';
import type { DocumentClient } from './store/client';

export interface AppDeps {
  config: Config;
  db: DocumentClient;
}

/**
 * The whole API as one Hono app, mounted under /api. The same object runs on Lambda (lambda.ts) and
 * locally under @hono/node-server (local/server.ts).
 */
export function createApp(deps: AppDeps) {
  const api = new Hono();

  api.get('/health', async (c) => {
    const started = performance.now();
    try {
      const table = await deps.db.send(new DescribeTableCommand({ TableName: deps.config.TABLE_NAME }));
      return c.json({
        status: 'ok',
        database: {
          reachable: true,
          table: deps.config.TABLE_NAME,
          tableStatus: table.Table?.TableStatus,
          latencyMs: Math.round(performance.now() - started),
        },
      });
    } catch (error) {
      console.error('health: database unreachable', error);
      return c.json(
        { status: 'degraded', database: { reachable: false, table: deps.config.TABLE_NAME } },
        503,
      );
    }
  });

  const app = new Hono();
  app.route('/api', api);
  app.onError(problemHandler);
  app.notFound((c) =>
    c.json(
      { type: 'about:blank', title: 'Tidak ditemukan / Not Found', status: 404, detail: c.req.path },
      404,
      {
        'content-type': 'application/problem+json',
      },
    ),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;
