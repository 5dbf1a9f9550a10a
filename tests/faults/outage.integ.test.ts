/**
 * DynamoDB Local (on disk) is killed with SIGKILL in the middle of a write load through the API over
 * HTTP, and started again from its files:
 * - every write the API acknowledged (201) is there afterwards;
 * - every request sent while the database was down got a prompt 503 problem with Retry-After (never a
 *   500, never a hang past the client's timeout), and wrote nothing;
 * - a write in flight at the moment of the kill may or may not have committed (its answer was lost with
 *   the connection); it is counted, and a retry with its Idempotency-Key after the restart never
 *   produces two of it while the claim's record survived.
 * Figures go to the report (tests/support/figures.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { loadConfig } from '../../functions/src/config';
import { ensureTable } from '../../functions/src/local/create-table';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../functions/src/local/dynamodb-local';
import { createDocumentClient } from '../../functions/src/store/client';
import { writeFigures } from '../../scripts/figures';

const CLIENT_TIMEOUT_MS = 10_000;
const USERS = 6;

let dir: string;
let db: DynamoDbLocal;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sinergi-outage-'));
  db = await startDynamoDbLocal({ dbPath: dir, log: () => undefined });
  // A write load of a few users, each far faster than a person writes: past the rate limits on purpose.
  const config = loadConfig({
    AUTH_MODE: 'local',
    DYNAMODB_ENDPOINT: db.endpoint,
    TABLE_NAME: 'sinergi-outage',
    RATE_LIMITS: 'off',
  });
  const client = createDocumentClient(config);
  await ensureTable(client, config.TABLE_NAME);
  const app = createApp({ config, db: client });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, token?: string, body?: unknown, headers = {}) {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    return {
      status: response.status,
      // biome-ignore lint/suspicious/noExplicitAny: a test reads JSON loosely
      body: (text ? JSON.parse(text) : undefined) as any,
      headers: response.headers,
      ms: performance.now() - started,
    };
  } catch (error) {
    return { status: -1, body: String(error), headers: new Headers(), ms: performance.now() - started };
  }
}

interface Attempt {
  user: number;
  note: string;
  key: string;
  startedAt: number;
  endedAt: number;
  status: number;
  id?: string;
  retryAfter: string | null;
  contentType: string | null;
  ms: number;
}

describe('SIGKILL of the database during a write load', () => {
  it('keeps every acknowledged write, refuses promptly during the outage, writes nothing refused', async () => {
    // Partners posting offers: a write with no cap per user (a UMKM may keep only a few requests open).
    const users: string[] = [];
    const organizations: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const login = await call('POST', '/auth/dev-login', undefined, {
        role: 'corporate',
        name: `Outage ${i} ${dir}`,
      });
      const token = login.body.token as string;
      const made = await call('POST', '/organizations', token, { name: `Mitra Outage ${i}`, province: '33' });
      expect(made.status).toBe(201);
      users.push(token);
      organizations.push(made.body.id as string);
    }

    const attempts: Attempt[] = [];
    let stop = false;
    let n = 0;
    const worker = async (user: number) => {
      while (!stop) {
        const note = `catatan ${user}-${n++}`;
        const key = `outage-${user}-${n}`;
        const startedAt = performance.now();
        const r = await call(
          'POST',
          '/offers',
          users[user],
          { type: 'mentorship', title: note, topics: ['pemasaran digital'], mode: 'online', capacity: 1 },
          { 'idempotency-key': key },
        );
        attempts.push({
          user,
          note,
          key,
          startedAt,
          endedAt: performance.now(),
          status: r.status,
          ...(r.status === 201 ? { id: r.body.id as string } : {}),
          retryAfter: r.headers.get('retry-after'),
          contentType: r.status === -1 ? String(r.body) : r.headers.get('content-type'),
          ms: r.ms,
        });
        if (r.status !== 201) await new Promise((res) => setTimeout(res, 50));
      }
    };
    const load = Promise.all(users.map((_, i) => worker(i)));

    // Kill it mid-load: once a few writes per user went through, while every user has one in flight.
    const warm = performance.now() + 20_000;
    while (attempts.filter((a) => a.status === 201).length < 2 * USERS && performance.now() < warm)
      await new Promise((r) => setTimeout(r, 50));
    const killedAt = performance.now();
    process.kill(db.javaPid, 'SIGKILL');
    await db.stop(); // the watchdog sees its JVM gone; this releases the data folder's lock
    await new Promise((r) => setTimeout(r, 2000));
    const restartAt = performance.now();
    db = await startDynamoDbLocal({ dbPath: dir, port: db.port, log: () => undefined });
    const upAt = performance.now();
    // Run on until every user has had a write acknowledged that started after the restart (at most 30 s).
    const deadline = upAt + 30_000;
    while (performance.now() < deadline) {
      const recovered = new Set(
        attempts.filter((a) => a.startedAt > upAt && a.status === 201).map((a) => a.user),
      );
      if (recovered.size === USERS) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    stop = true;
    await load;

    const before = attempts.filter((a) => a.endedAt < killedAt);
    const during = attempts.filter((a) => a.startedAt > killedAt + 200 && a.endedAt < restartAt);
    const inFlight = attempts.filter((a) => a.startedAt <= killedAt && a.endedAt >= killedAt);
    const after = attempts.filter((a) => a.startedAt > upAt);
    const statuses = (list: Attempt[]) => [...new Set(list.map((a) => a.status))].sort();

    // Never a 500, never a hang: every answer is 201 or a 503 problem with Retry-After.
    for (const a of attempts) {
      const at = `${a.note}: ${a.status} ${a.contentType} after ${Math.round(a.ms)} ms, sent ${Math.round(a.startedAt - killedAt)} ms after the kill (restart ${Math.round(restartAt - killedAt)}, up ${Math.round(upAt - killedAt)})`;
      expect([201, 503], at).toContain(a.status);
      expect(a.ms).toBeLessThan(CLIENT_TIMEOUT_MS);
      if (a.status === 503) {
        expect(a.retryAfter).toMatch(/^\d+$/);
        expect(a.contentType).toContain('application/problem+json');
      }
    }
    expect(before.length).toBeGreaterThanOrEqual(2 * USERS);
    expect(statuses(before)).toEqual([201]);
    expect(during.length).toBeGreaterThan(3);
    expect(statuses(during)).toEqual([503]);
    expect(after.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(USERS);

    // What the table holds, read through the API after the restart.
    const stored = new Map<string, string>();
    for (const [i, token] of users.entries()) {
      let cursor: string | undefined;
      do {
        const page = await call(
          'GET',
          `/offers?organizationId=${organizations[i]}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          token,
        );
        expect(page.status).toBe(200);
        for (const o of page.body.items) stored.set(o.title, o.id);
        cursor = page.body.nextCursor;
      } while (cursor);
    }
    const acknowledged = attempts.filter((a) => a.status === 201);
    for (const a of acknowledged) expect(stored.get(a.note), `acknowledged ${a.note}`).toBe(a.id);
    for (const a of during) expect(stored.has(a.note), `refused during the outage: ${a.note}`).toBe(false);
    const ambiguous = attempts.filter((a) => a.status !== 201 && !during.includes(a));
    const ambiguousStored = ambiguous.filter((a) => stored.has(a.note)).length;
    // Nothing but what was sent: every stored request is one of the attempts, once.
    expect(stored.size).toBe(acknowledged.length + ambiguousStored);

    const outageAnswers = during.map((a) => a.ms).sort((x, y) => x - y);
    writeFigures('faults-outage', 'npx vitest run tests/faults/outage.integ.test.ts', [
      {
        measure: 'writes acknowledged (201) through a SIGKILL and restart of DynamoDB Local',
        value: `${acknowledged.length}, all present afterwards`,
        target: 'all present',
      },
      {
        measure: 'requests sent during the outage',
        value: `${during.length}, all 503 + Retry-After, none stored`,
        target: 'all 503, none stored',
      },
      {
        measure: 'slowest answer during the outage',
        value: `${Math.round(outageAnswers.at(-1) ?? 0)} ms`,
        target: `< ${CLIENT_TIMEOUT_MS} ms client timeout`,
      },
      {
        measure: 'writes in flight at the kill, answer lost (503)',
        value: `${inFlight.filter((a) => a.status !== 201).length} (${ambiguousStored} of them committed)`,
        target: 'reported',
      },
      {
        measure: 'DynamoDB Local restart from disk',
        value: `${Math.round(upAt - restartAt)} ms`,
        target: 'reported',
      },
    ]);
  }, 180_000);
});
