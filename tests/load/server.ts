/**
 * The local stack's API for the load harness: the same `createApp` as `npm start`, on @hono/node-server,
 * run as `API_WORKERS` processes (default 1; the harness picks one per core but one) on one port, the way a
 * Node server is run on a multi-core host, and the way Lambda runs one instance per concurrent call: each
 * worker keeps its own warm catalogues, exactly as each function instance does. Two endpoints for the
 * harness, answered for all workers together:
 *  - `GET /__load/capacity` — the DynamoDB read and write units their calls consumed since the last
 *    `?reset=1` (summed from ReturnConsumedCapacity), so the harness can divide by calls, and the calls
 *    and units per access pattern (where they went);
 *  - `POST /__load/warm` with `{ calls: [{ path, token }] }` — every worker makes these calls itself (its
 *    cold loads, at once), and the answer says when all are done.
 * Env: TABLE_NAME, DYNAMODB_ENDPOINT, MATCH_READS (`catalog` or `query`), PORT, API_WORKERS; per-user
 * rate limits off (RATE_LIMITS=off: a few thousand users call far faster than people do).
 */
import cluster from 'node:cluster';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../functions/src/app';
import { loadConfigForLocalStack } from '../../functions/src/config';
import { createDocumentClient } from '../../functions/src/store/client';
import { ACCESS_PATTERNS, type AccessPatternName } from '../../functions/src/store/table';

/** What one worker asks all of them to do, and what each answers. */
type Task = { kind: 'capacity'; reset: boolean } | { kind: 'warm'; calls: { path: string; token: string }[] };
type Message =
  | { ask: number; task: Task } // worker → primary
  | { run: number; task: Task } // primary → every worker
  | { ran: number; result: unknown } // worker → primary
  | { answer: number; results: unknown[] }; // primary → the worker that asked

const workers = Math.max(1, Number(process.env.API_WORKERS ?? 1));
const port = Number(process.env.PORT ?? 0);

if (cluster.isPrimary && workers > 1) {
  /** Tasks running on every worker: who asked (worker id, and its own number for the ask), results so far. */
  const pending = new Map<number, { from: number; ask: number; results: unknown[] }>();
  let next = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    // listen(0) in a cluster gives every worker the same port.
    if (++listening === workers) console.log(`LISTENING ${address.port} (${workers} workers)`);
  });
  cluster.on('exit', (_worker, code) => {
    console.error(`an API worker exited (${code})`);
    process.exit(1);
  });
  cluster.on('message', (worker, message: Message) => {
    if ('ask' in message) {
      const id = next++;
      pending.set(id, { from: worker.id, ask: message.ask, results: [] });
      for (const w of Object.values(cluster.workers ?? {})) w?.send({ run: id, task: message.task });
    } else if ('ran' in message) {
      const p = pending.get(message.ran);
      if (!p) return;
      p.results.push(message.result);
      if (p.results.length === workers) {
        pending.delete(message.ran);
        cluster.workers?.[p.from]?.send({ answer: p.ask, results: p.results } satisfies Message);
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      process.exit(0);
    });
} else {
  const config = loadConfigForLocalStack({ ...process.env, RATE_LIMITS: 'off' });
  let read = 0;
  let write = 0;
  /** Calls and units per access pattern since the last reset: where the units went. */
  let patterns: Record<string, { calls: number; units: number }> = {};
  const READS = new Set(['GetItem', 'Query', 'BatchGetItem']);
  const onAccess = (pattern: AccessPatternName, consumed: ConsumedCapacity[]) => {
    const units = consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    if (READS.has(ACCESS_PATTERNS[pattern].op)) read += units;
    else write += units;
    const seen = patterns[pattern] ?? { calls: 0, units: 0 };
    seen.calls++;
    seen.units += units;
    patterns[pattern] = seen;
  };
  const api = createApp({
    config,
    db: createDocumentClient(config),
    onAccess,
    matchReads: process.env.MATCH_READS === 'query' ? 'query' : 'catalog',
  });

  /** Runs a task here (for every worker, when asked by the primary). */
  async function run(task: Task): Promise<unknown> {
    if (task.kind === 'capacity') {
      const mine = { read, write, patterns };
      if (task.reset) {
        read = 0;
        write = 0;
        patterns = {};
      }
      return mine;
    }
    const statuses: number[] = [];
    for (const call of task.calls) {
      const reply = await api.request(call.path, { headers: { authorization: `Bearer ${call.token}` } });
      await reply.arrayBuffer();
      statuses.push(reply.status);
    }
    return statuses;
  }

  /** Runs a task on every worker and returns their results (just this one's when alone). */
  const asked = new Map<number, (results: unknown[]) => void>();
  let nextAsk = 0;
  const everywhere = (task: Task): Promise<unknown[]> => {
    if (!cluster.isWorker) return run(task).then((result) => [result]);
    const id = nextAsk++;
    return new Promise((resolve) => {
      asked.set(id, resolve);
      process.send?.({ ask: id, task } satisfies Message);
    });
  };
  if (cluster.isWorker)
    process.on('message', (message: Message) => {
      if ('run' in message)
        void run(message.task).then((result) =>
          process.send?.({ ran: message.run, result } satisfies Message),
        );
      else if ('answer' in message) {
        asked.get(message.answer)?.(message.results);
        asked.delete(message.answer);
      }
    });

  const app = new Hono();
  app.get('/__load/capacity', async (c) => {
    const all = (await everywhere({ kind: 'capacity', reset: c.req.query('reset') === '1' })) as {
      read: number;
      write: number;
      patterns: Record<string, { calls: number; units: number }>;
    }[];
    const patterns: Record<string, { calls: number; units: number }> = {};
    for (const [name, seen] of all.flatMap((x) => Object.entries(x.patterns))) {
      const sum = patterns[name] ?? { calls: 0, units: 0 };
      sum.calls += seen.calls;
      sum.units += seen.units;
      patterns[name] = sum;
    }
    return c.json({
      read: all.reduce((s, x) => s + x.read, 0),
      write: all.reduce((s, x) => s + x.write, 0),
      patterns,
      workers: all.length,
    });
  });
  app.post('/__load/warm', async (c) => {
    const { calls } = (await c.req.json()) as { calls: { path: string; token: string }[] };
    return c.json({ statuses: await everywhere({ kind: 'warm', calls }) });
  });
  app.route('/', api);
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
    if (!cluster.isWorker) console.log(`LISTENING ${info.port} (1 worker)`);
  });
}
