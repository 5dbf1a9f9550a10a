/**
 * The local stack's API for the load harness: the same `createApp` as `npm start`, on @hono/node-server,
 * plus `GET /__load/capacity` — the DynamoDB read and write units its calls consumed since the last
 * `?reset=1` (summed from ReturnConsumedCapacity by access pattern), so the harness can divide by calls.
 * Env: TABLE_NAME, DYNAMODB_ENDPOINT, MATCH_READS (`catalog` or `query`), PORT; per-user rate limits off
 * (RATE_LIMITS=off: a few thousand users call far faster than people do).
 */
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../functions/src/app';
import { loadConfigForLocalStack } from '../../functions/src/config';
import { createDocumentClient } from '../../functions/src/store/client';
import { ACCESS_PATTERNS, type AccessPatternName } from '../../functions/src/store/table';

const config = loadConfigForLocalStack({ ...process.env, RATE_LIMITS: 'off' });
let read = 0;
let write = 0;
const READS = new Set(['GetItem', 'Query', 'BatchGetItem']);
const onAccess = (pattern: AccessPatternName, consumed: ConsumedCapacity[]) => {
  const units = consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
  if (READS.has(ACCESS_PATTERNS[pattern].op)) read += units;
  else write += units;
};
const api = createApp({
  config,
  db: createDocumentClient(config),
  onAccess,
  matchReads: process.env.MATCH_READS === 'query' ? 'query' : 'catalog',
});
const app = new Hono();
app.get('/__load/capacity', (c) => {
  const body = { read, write };
  if (c.req.query('reset') === '1') {
    read = 0;
    write = 0;
  }
  return c.json(body);
});
app.route('/', api);
const port = Number(process.env.PORT ?? 0);
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => console.log(`LISTENING ${info.port}`));
