/**
 * The API alone, for `npm run dev`: restarted by `tsx watch` on every change while DynamoDB Local and
 * `next dev` keep running. Expects DYNAMODB_ENDPOINT (from dev.ts) and API_PORT.
 */
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createApp } from '../app';
import { loadConfigForLocalStack } from '../config';
import { createDocumentClient } from '../store/client';

const { API_PORT } = z.object({ API_PORT: z.coerce.number().int().min(1).max(65535) }).parse(process.env);
const config = loadConfigForLocalStack(process.env);
const app = createApp({ config, db: createDocumentClient(config), rounds: { lapseEveryMs: 60_000 } });
const server = serve({ fetch: app.fetch, port: API_PORT, hostname: '127.0.0.1' }, () =>
  console.log(`API (re)started on http://127.0.0.1:${API_PORT}/api`),
);
const close = () => server.close(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
