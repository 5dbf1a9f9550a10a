/**
 * The last slot, over HTTP against the running local stack (startLocalStack: the server `npm start`
 * runs, its own DynamoDB Local): RACE_ROUNDS rounds (default 20) of RACE_ACCEPTS concurrent accepts
 * (default 60 so `npm test` fits 2 cores; the report runs 200) on a fresh offer with 1–5 slots. Every round: exactly `slots`
 * answers are 200 and the rest 409 capacity-full; the offer's `remaining` is 0; exactly `slots`
 * partnerships of the offer are active; the partnerships counter moved by exactly `slots`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/src/local/server';
import { writeFigures } from '../../scripts/figures';

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 20);
const ACCEPTS = Number(process.env.RACE_ACCEPTS ?? 60);
/** A request may wait on 10 proposals at once; each pool of UMKM serves this many rounds. */
const ROUNDS_PER_POOL = 9;

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    host: '127.0.0.1',
    seed: false,
    buildSite: false,
    // Hundreds of accepts by one partner at once: far past a person's rate limit, on purpose.
    env: { ...process.env, RATE_LIMITS: 'off' },
    log: () => undefined,
  });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: a test reads JSON loosely
type Json = any;

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${stack.url}/api${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Runs `tasks` with at most `limit` at once (setup only; the race itself is all at once). */
async function pooled<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function pool(tag: string) {
  return pooled(ACCEPTS, 16, async (i) => {
    const login = await call('POST', '/auth/dev-login', undefined, {
      role: 'business',
      name: `Race ${tag} ${i}`,
    });
    const token = login.body.token as string;
    const b = await call('POST', '/businesses', token, {
      name: `UMKM Race ${i}`,
      province: '33',
      sizeClass: 'mikro',
      sector: 'kuliner',
    });
    expect(b.status).toBe(201);
    const r = await call('POST', '/requests', token, { type: 'mentorship', needs: ['pemasaran digital'] });
    expect(r.status).toBe(201);
    return { token, requestId: r.body.id as string };
  });
}

describe('the last slot over HTTP', () => {
  it(`${ROUNDS} rounds of ${ACCEPTS} concurrent accepts: exactly the slots succeed, counters agree`, async () => {
    const login = await call('POST', '/auth/dev-login', undefined, {
      role: 'corporate',
      name: 'Race Partner',
    });
    const partner = login.body.token as string;
    expect(
      (await call('POST', '/organizations', partner, { name: 'Mitra Balapan', province: '31' })).status,
    ).toBe(201);
    let umkm = await pool('0');
    const durations: number[] = [];
    let totalSlots = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0 && round % ROUNDS_PER_POOL === 0) umkm = await pool(String(round));
      const slots = 1 + (round % 5);
      const offer = await call('POST', '/offers', partner, {
        type: 'mentorship',
        title: `Kelas balapan ${round}`,
        topics: ['pemasaran digital'],
        mode: 'online',
        capacity: slots,
      });
      expect(offer.status).toBe(201);
      const proposals = await pooled(umkm.length, 16, async (i) => {
        const u = umkm[i] as (typeof umkm)[number];
        const p = await call('POST', '/partnerships', u.token, {
          requestId: u.requestId,
          offerId: offer.body.id,
        });
        expect(p.status, JSON.stringify(p.body)).toBe(201);
        return p.body.id as string;
      });
      const before = (await call('GET', '/stats/summary')).body.partnerships as number;

      const started = performance.now();
      const answers = await Promise.all(
        proposals.map((id) => call('POST', `/partnerships/${id}/accept`, partner)),
      );
      durations.push(performance.now() - started);

      const won = answers.filter((a) => a.status === 200);
      const lost = answers.filter((a) => a.status === 409);
      expect(won.length, `round ${round}`).toBe(slots);
      expect(lost.length, `round ${round}`).toBe(ACCEPTS - slots);
      for (const a of lost) expect(a.body.type).toMatch(/capacity-full$/);
      expect((await call('GET', `/offers/${offer.body.id}`, partner)).body.remaining).toBe(0);
      const active: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          'GET',
          `/partnerships?role=mine&status=active&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          partner,
        );
        for (const p of page.body.items) if (p.offerId === offer.body.id) active.push(p.id);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(active.sort()).toEqual(won.map((a) => a.body.id as string).sort());
      expect((await call('GET', '/stats/summary')).body.partnerships).toBe(before + slots);
      totalSlots += slots;
      // The winners' requests are matched now; the others keep one more live proposal (a full offer's).
      const winners = new Set(won.map((a) => a.body.requestId as string));
      umkm = umkm.filter((u) => !winners.has(u.requestId));
      // Top the pool up so every round races ACCEPTS accepts.
      if (umkm.length < ACCEPTS) umkm.push(...(await pool(`top-${round}`)).slice(0, ACCEPTS - umkm.length));
    }

    durations.sort((a, b) => a - b);
    writeFigures(
      'faults-last-slot',
      `RACE_ROUNDS=${ROUNDS} RACE_ACCEPTS=${ACCEPTS} npx vitest run tests/faults/last-slot.integ.test.ts`,
      [
        {
          measure: `rounds of ${ACCEPTS} concurrent accepts over HTTP (1–5 slots)`,
          value: `${ROUNDS} rounds, ${totalSlots} slots: exactly the slots won every round, the rest 409`,
          target: 'exact every round',
        },
        {
          measure: 'stored state vs answers (remaining, active partnerships, counter)',
          value: 'equal in every round',
          target: 'equal',
        },
        {
          measure: `time for ${ACCEPTS} concurrent accepts (median / slowest round)`,
          value: `${(durations[Math.floor(durations.length / 2)] ?? 0).toFixed(0)} ms / ${(durations.at(-1) ?? 0).toFixed(0)} ms`,
          target: 'reported',
        },
      ],
    );
  }, 900_000);
});
