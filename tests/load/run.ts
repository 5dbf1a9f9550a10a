/**
 * `npm run load` — Sinergi at national scale on the local stack, measured in one run.
 *
 * 1. Starts DynamoDB Local (in memory) and bulk-loads two tables with BatchWriteItem: a national one
 *    (20,000 offers, 100,000 open requests) and a small one (200 offers, 1,000 requests).
 * 2. Starts the API (tests/load/server.ts, the same createApp as `npm start`) as child processes: warm
 *    catalogues on each table, as one worker process per core but one (`LOAD_API_WORKERS`), as a
 *    multi-core host runs a Node server (each worker keeps its own catalogues, as each Lambda instance
 *    does), and the
 *    query-everything path (MATCH_READS=query, one worker) on the national one. DynamoDB Local runs with
 *    its JVM's full JIT here: it stands in for DynamoDB, whose servers are not on the API's cores.
 * 3. Drives them from this process with autocannon over loopback: match reads, candidate reads, the
 *    200-offer instance's match reads side by side with the national one's (both before any write),
 *    listing, propose, accept, match reads after the writes; then the same match and candidate reads
 *    through the query-everything path.
 * 4. Prints per route rps, p50/p95/p99, errors and RCU/WCU per call, the ratios to the baseline, the
 *    200 vs 20,000 offers latency side by side, and each target with PASS/MISS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prepareOffer, rankOffers } from '@sinergi/shared/matching';
import { type Offer, type PartnershipRequest, toMatchOffer, toMatchRequest } from '@sinergi/shared/schemas';
import autocannon from 'autocannon';
import { localTokens } from '../../functions/src/auth/tokens';
import { DEV_JWT_SECRET } from '../../functions/src/config';
import { ensureTable } from '../../functions/src/local/create-table';
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local';
import { createDocumentClient } from '../../functions/src/store/client';
import { writeFigures } from '../../scripts/figures';
import { bulkLoad } from './bulk-load';
import { saveLoadFigures } from './figures';

const CONNECTIONS = 16;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
const OFFERS = Number(process.env.LOAD_OFFERS ?? 20_000);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 100_000);
/**
 * API worker processes per warm instance: one per core but one, which DynamoDB Local and the load
 * generator need (on 2 cores, 1 worker measured p95 37–49 ms where 2 measured 44–57 ms).
 */
const WORKERS = Math.max(1, Number(process.env.LOAD_API_WORKERS ?? availableParallelism() - 1));
/**
 * Unrecorded reads before the measured ones, so they meet code the JITs have compiled, as a warm
 * instance does: the API's, DynamoDB Local's (its CPU per call falls ~5× over the first 20 s) and the
 * load generator's. Measured at 20,000 offers, p95 at 16 connections went 90 → 66 → 49 → 40 ms over
 * successive 8 s runs after the cold load.
 */
const WARM_UP_SECONDS = 15;
/** How a count reads in a row's name: 20000 → "20k". */
const short = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : n.toLocaleString('en'));
const AT_OFFERS = `${short(OFFERS)} offers`;
const AT_REQUESTS = `${short(REQUESTS)} requests`;

const log = (line: string) => console.log(`[load] ${line}`);
const tokens = localTokens(DEV_JWT_SECRET);
const children: ChildProcess[] = [];

async function startApi(env: Record<string, string>, workers: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        ...env,
        PORT: '0',
        API_WORKERS: String(workers),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`API exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /LISTENING (\d+)/.exec(chunk.toString());
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
  });
}

/** Every worker of the API at `base` makes these calls itself (its cold loads); resolves when all have. */
async function warmAll(base: string, calls: readonly Call[]): Promise<void> {
  const r = await fetch(`${base}/__load/warm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ calls: calls.map(({ path, token }) => ({ path, token })) }),
  });
  const { statuses } = (await r.json()) as { statuses: number[][] };
  if (!r.ok || statuses.flat().some((s) => s !== 200))
    throw new Error(`warm-up: ${JSON.stringify(statuses)}`);
}

interface Used {
  read: number;
  write: number;
  /** Calls and units per access pattern (tests/load/server.ts). */
  patterns: Record<string, { calls: number; units: number }>;
}

async function capacity(base: string, reset = true): Promise<Used> {
  const r = await fetch(`${base}/__load/capacity${reset ? '?reset=1' : ''}`);
  return (await r.json()) as Used;
}

/** Where a route's units went, per call: `readCatalogVersions 0.13 (1 in 8 calls)`, largest first. */
function unitsByPattern(used: Used, calls: number): string {
  return Object.entries(used.patterns)
    .sort((a, b) => b[1].units - a[1].units)
    .slice(0, 4)
    .map(([name, p]) => `${name} ${(p.units / calls).toFixed(2)} (${p.calls} calls)`)
    .join(', ');
}

interface Row {
  route: string;
  calls: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rcu: number;
  wcu: number;
}
const rows: Row[] = [];
const targets: [string, string, string, boolean][] = [];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number);
};

interface Call {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

/** Drives `next()` calls against `base` with autocannon; returns the row (also recorded). */
async function drive(
  route: string,
  base: string,
  next: () => Call,
  options: {
    connections?: number;
    seconds?: number;
    amount?: number;
    onBody?: (status: number, body: string) => void;
    /** Not recorded: warms the workers' compiled code before the measured reads. */
    warmUp?: boolean;
  },
): Promise<Row> {
  await capacity(base);
  const latencies: number[] = [];
  let errors = 0;
  let calls = 0;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections: options.connections ?? CONNECTIONS,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.seconds ?? SECONDS }),
    timeout: 120,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const call = next();
          return {
            ...req,
            method: call.method,
            path: call.path,
            headers: {
              authorization: `Bearer ${call.token}`,
              ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
          };
        },
        ...(options.onBody
          ? { onResponse: (status: number, body: string) => options.onBody?.(status, body) }
          : {}),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    calls++;
    latencies.push(ms);
    if (status >= 400) errors++;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  errors += result.errors + result.timeouts;
  const used = await capacity(base);
  const row: Row = {
    route,
    calls,
    rps: calls / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors,
    rcu: calls ? used.read / calls : 0,
    wcu: calls ? used.write / calls : 0,
  };
  if (options.warmUp) {
    log(`${route} (warm-up, not recorded): ${calls} calls, p95 ${row.p95.toFixed(1)} ms`);
    return row;
  }
  rows.push(row);
  log(
    `${route}: ${calls} calls, p95 ${row.p95.toFixed(1)} ms, ${errors} errors, ${row.rcu.toFixed(2)} RCU/call` +
      (calls ? ` [units per call: ${unitsByPattern(used, calls)}]` : ''),
  );
  return row;
}

const cycle = <T>(xs: readonly T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length] as T;
};

async function signAll(
  ids: readonly { ownerId: string }[],
  role: 'business' | 'corporate' | 'university' | 'community',
) {
  const out = new Map<string, string>();
  for (const x of ids)
    if (!out.has(x.ownerId)) out.set(x.ownerId, await tokens.sign({ userId: x.ownerId, role }));
  return out;
}

async function main() {
  const startLoad = loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  log(`node ${process.version}, load average ${startLoad}, ${WORKERS} API worker(s) per warm instance`);
  const ddb = await startDynamoDbLocal({ log, jvm: 'throughput' });
  const db = createDocumentClient({ AWS_REGION: 'ap-southeast-3', DYNAMODB_ENDPOINT: ddb.endpoint });
  try {
    await ensureTable(db, 'load-national');
    await ensureTable(db, 'load-small');
    const national = await bulkLoad(db, 'load-national', OFFERS, REQUESTS, 'n');
    log(`bulk-loaded ${OFFERS} offers + ${REQUESTS} requests in ${national.seconds.toFixed(1)} s`);
    const small = await bulkLoad(db, 'load-small', 200, 1_000, 's');
    log(`bulk-loaded 200 offers + 1,000 requests in ${small.seconds.toFixed(1)} s`);

    const envOf = (table: string, reads: 'catalog' | 'query') => ({
      TABLE_NAME: table,
      DYNAMODB_ENDPOINT: ddb.endpoint,
      MATCH_READS: reads,
      AUTH_MODE: 'local',
    });
    const [warm, baseline, warmSmall] = await Promise.all([
      startApi(envOf('load-national', 'catalog'), WORKERS),
      startApi(envOf('load-national', 'query'), 1),
      startApi(envOf('load-small', 'catalog'), WORKERS),
    ]);

    // Reads target mentorship, the largest type; the counts per type are printed.
    const type = 'mentorship';
    const perType = (xs: readonly { type: string }[]) => xs.filter((x) => x.type === type).length;
    log(
      `${type}: ${perType(national.offers)} offers, ${perType(national.requests)} open requests of the type`,
    );
    const reqs = national.requests.filter((r) => r.type === type).slice(0, 6_000);
    const offs = national.offers.filter((o) => o.type === type);
    const reqTokens = await signAll(reqs, 'business');
    const offTokens = await signAll(offs, 'corporate');
    const matchCall = (r: PartnershipRequest): Call => ({
      method: 'GET',
      path: `/api/requests/${r.id}/matches?limit=20`,
      token: reqTokens.get(r.ownerId) as string,
    });
    const candidateCall = (o: Offer): Call => ({
      method: 'GET',
      path: `/api/offers/${o.id}/candidates?limit=20`,
      token: offTokens.get(o.ownerId) as string,
    });

    // Cold start of the warm instance: the first reads of each worker load the catalogues once, in pages.
    for (const [what, call] of [
      ['offers', matchCall(reqs[0] as PartnershipRequest)],
      ['open requests', candidateCall(offs[0] as Offer)],
    ] as const) {
      const t0 = performance.now();
      await warmAll(warm, [call]);
      const each = WORKERS > 1 ? ` (${WORKERS} workers at once)` : '';
      log(`cold load of the ${what} catalogue: ${((performance.now() - t0) / 1000).toFixed(1)} s${each}`);
    }
    await capacity(warm);

    const nextReq = cycle(reqs.slice(1));
    const nextOff = cycle(offs.slice(1));
    // Candidates first, so the match reads are measured right after their own warm-up.
    await drive('GET /offers/{id}/candidates', warm, () => candidateCall(nextOff()), {
      seconds: WARM_UP_SECONDS,
      warmUp: true,
    });
    await drive('GET /requests/{id}/matches', warm, () => matchCall(nextReq()), {
      seconds: WARM_UP_SECONDS,
      warmUp: true,
    });
    const match = await drive(
      `GET /requests/{id}/matches (warm catalogue, ${AT_OFFERS})`,
      warm,
      () => matchCall(nextReq()),
      {},
    );
    const cand = await drive(
      `GET /offers/{id}/candidates (warm catalogue, ${AT_REQUESTS})`,
      warm,
      () => candidateCall(nextOff()),
      {},
    );
    // 200 offers: the same warm match read on the small table, its instance warmed the same way, while
    // both instances hold what they loaded (before the writes: their effect has its own row below).
    const smallReqs = small.requests.filter((r) => r.type === type);
    const smallOffer = small.offers.find((o) => o.type === type) as Offer;
    const smallTokens = await signAll(smallReqs, 'business');
    const nextSmall = cycle(smallReqs);
    const smallCall = (): Call => {
      const r = nextSmall();
      return {
        method: 'GET',
        path: `/api/requests/${r.id}/matches?limit=20`,
        token: smallTokens.get(r.ownerId) as string,
      };
    };
    await warmAll(warmSmall, [
      smallCall(),
      {
        method: 'GET',
        path: `/api/offers/${smallOffer.id}/candidates?limit=20`,
        token: await tokens.sign({ userId: smallOffer.ownerId, role: 'corporate' }),
      },
    ]);
    await drive('GET /requests/{id}/matches (200 offers)', warmSmall, smallCall, {
      seconds: WARM_UP_SECONDS,
      warmUp: true,
    });
    const smallMatch = await drive(
      'GET /requests/{id}/matches (warm catalogue, 200 offers)',
      warmSmall,
      smallCall,
      {},
    );
    // Side by side, in the same minute (the machine is shared): 20,000 offers again, then one connection.
    const bigAgain = await drive(
      `GET /requests/{id}/matches (warm catalogue, ${AT_OFFERS}, right after the 200)`,
      warm,
      () => matchCall(nextReq()),
      {},
    );
    const smallOne = await drive(
      'GET /requests/{id}/matches (200 offers, 1 connection)',
      warmSmall,
      smallCall,
      {
        connections: 1,
        amount: 100,
      },
    );

    // One connection: each call's own time, without the queue 16 connections build in one process.
    const matchOne = await drive(
      'GET /requests/{id}/matches (1 connection)',
      warm,
      () => matchCall(nextReq()),
      {
        connections: 1,
        amount: 100,
      },
    );
    await drive('GET /offers/{id}/candidates (1 connection)', warm, () => candidateCall(nextOff()), {
      connections: 1,
      amount: 50,
    });
    const anyToken = reqTokens.values().next().value as string;
    await drive(
      'GET /offers?type=mentorship&limit=20 (listing)',
      warm,
      () => ({ method: 'GET', path: `/api/offers?type=${type}&limit=20`, token: anyToken }),
      {},
    );

    // Propose: distinct UMKM, each to one of its eligible offers of the type (the matching core picks
    // among its best five the one least proposed to so far), with places (capacity ≥ 2).
    const half = Math.floor(reqs.length / 2);
    const proposers = reqs.slice(half, half + 600);
    const targetsOffers = offs.filter((o) => o.capacity >= 2);
    const preparedTargets = targetsOffers.map((o) => prepareOffer(toMatchOffer(o)));
    const proposedTo = new Map<string, number>();
    const remainingOf = new Map(targetsOffers.map((o) => [o.id, o.remaining]));
    const pairs = proposers.flatMap((r) => {
      // No more proposals to an offer than its places, so every accept can succeed.
      const best = rankOffers(toMatchRequest(r), preparedTargets, { limit: 5 })
        .ranked.map((m) => m.offerId)
        .filter((id) => (proposedTo.get(id) ?? 0) < (remainingOf.get(id) ?? 0));
      const pick = best.sort((a, b) => (proposedTo.get(a) ?? 0) - (proposedTo.get(b) ?? 0))[0];
      if (pick === undefined) return [];
      proposedTo.set(pick, (proposedTo.get(pick) ?? 0) + 1);
      return [{ request: r, offerId: pick }];
    });
    let pi = 0;
    const proposals: { id: string; offerOwner: string }[] = [];
    const offerOwner = new Map(targetsOffers.map((o) => [o.id, o.ownerId]));
    await drive(
      'POST /partnerships (propose)',
      warm,
      () => {
        const { request: r, offerId } = pairs[pi++ % pairs.length] as (typeof pairs)[number];
        return {
          method: 'POST',
          path: '/api/partnerships',
          token: reqTokens.get(r.ownerId) as string,
          body: { requestId: r.id, offerId },
        };
      },
      {
        amount: pairs.length,
        onBody: (status, body) => {
          if (status !== 201) return;
          const p = JSON.parse(body) as { id: string; offerId: string };
          proposals.push({ id: p.id, offerOwner: offerOwner.get(p.offerId) as string });
        },
      },
    );
    let ai = 0;
    await drive(
      'POST /partnerships/{id}/accept',
      warm,
      () => {
        const p = proposals[ai++ % proposals.length] as { id: string; offerOwner: string };
        return {
          method: 'POST',
          path: `/api/partnerships/${p.id}/accept`,
          token: offTokens.get(p.offerOwner) as string,
        };
      },
      { amount: proposals.length },
    );
    // Warm reads again, now that the catalogues changed under them.
    const matchAfter = await drive(
      'GET /requests/{id}/matches (after the writes)',
      warm,
      () => matchCall(nextReq()),
      {},
    );

    // The baseline: the same reads through the query-everything path, same table, same run.
    const base = await drive(
      'GET /requests/{id}/matches (query-everything baseline)',
      baseline,
      () => matchCall(nextReq()),
      {
        connections: 2,
        amount: 12,
      },
    );
    const baseCand = await drive(
      'GET /offers/{id}/candidates (query-everything baseline)',
      baseline,
      () => candidateCall(nextOff()),
      {
        connections: 1,
        amount: 3,
      },
    );

    console.log('\nPer route (16 connections unless noted; RCU/WCU per call from ReturnConsumedCapacity):');
    console.table(
      rows.map((r) => ({
        route: r.route,
        calls: r.calls,
        rps: Math.round(r.rps),
        'p50 ms': r.p50.toFixed(1),
        'p95 ms': r.p95.toFixed(1),
        'p99 ms': r.p99.toFixed(1),
        errors: r.errors,
        'RCU/call': r.rcu.toFixed(2),
        'WCU/call': r.wcu.toFixed(2),
      })),
    );
    const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
    targets.push(
      ['warm match read RCU/call (avg)', '≤ 5', match.rcu.toFixed(2), match.rcu <= 5],
      [
        'match read RCU: baseline / warm',
        '≥ 100×',
        `${ratio(base.rcu, match.rcu).toFixed(0)}× (${base.rcu.toFixed(0)} vs ${match.rcu.toFixed(2)})`,
        ratio(base.rcu, match.rcu) >= 100,
      ],
      [
        'match read p95 at 16 connections',
        '< 50 ms',
        `${match.p95.toFixed(1)} ms (baseline p95 ${base.p95.toFixed(0)} ms)`,
        match.p95 < 50,
      ],
      [
        'match read errors',
        '0',
        String(match.errors + matchAfter.errors),
        match.errors + matchAfter.errors === 0,
      ],
      ['warm candidate read RCU/call (avg)', '≤ 5', cand.rcu.toFixed(2), cand.rcu <= 5],
      [
        'candidate read RCU: baseline / warm',
        '≥ 100×',
        `${ratio(baseCand.rcu, cand.rcu).toFixed(0)}× (${baseCand.rcu.toFixed(0)} vs ${cand.rcu.toFixed(2)})`,
        ratio(baseCand.rcu, cand.rcu) >= 100,
      ],
      [
        'candidate read p95 at 16 connections',
        '< 50 ms',
        `${cand.p95.toFixed(1)} ms (baseline p95 ${baseCand.p95.toFixed(0)} ms)`,
        cand.p95 < 50,
      ],
      ['candidate read errors', '0', String(cand.errors), cand.errors === 0],
      [
        `match read latency 200 → ${OFFERS.toLocaleString('en')} offers, side by side at 16 connections (p50 / p95)`,
        '≤ 2× growth',
        `${smallMatch.p50.toFixed(1)} → ${bigAgain.p50.toFixed(1)} ms / ${smallMatch.p95.toFixed(1)} → ${bigAgain.p95.toFixed(1)} ms (${ratio(bigAgain.p95, smallMatch.p95).toFixed(2)}× at p95)`,
        ratio(bigAgain.p95, smallMatch.p95) <= 2,
      ],
      [
        `match read latency 200 → ${OFFERS.toLocaleString('en')} offers, one connection (p50 / p95)`,
        '≤ 2× growth',
        `${smallOne.p50.toFixed(1)} → ${matchOne.p50.toFixed(1)} ms / ${smallOne.p95.toFixed(1)} → ${matchOne.p95.toFixed(1)} ms (${ratio(matchOne.p95, smallOne.p95).toFixed(2)}× at p95)`,
        ratio(matchOne.p95, smallOne.p95) <= 2,
      ],
    );
    console.log('\nTargets:');
    console.table(
      targets.map(([what, target, measured, pass]) => ({
        what,
        target,
        measured,
        result: pass ? 'PASS' : 'MISS',
      })),
    );
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ');
    const figures = [
      {
        measure: 'scale (bulk-loaded with BatchWriteItem)',
        value: `${OFFERS.toLocaleString('en')} offers + ${REQUESTS.toLocaleString('en')} open requests (${perType(national.offers)} offers / ${perType(national.requests)} requests of ${type}); loaded in ${national.seconds.toFixed(0)} s`,
      },
      {
        measure: 'machine load average (1 / 5 / 15 min) at the start → at the end',
        value: `${startLoad} → ${load}`,
      },
      {
        measure: 'API worker processes per warm instance (one per core; each keeps its own catalogues)',
        value: String(WORKERS),
      },
      ...rows.map((r) => ({
        measure: r.route,
        value: `${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors, ${r.rcu.toFixed(2)} RCU + ${r.wcu.toFixed(2)} WCU per call (${r.calls} calls)`,
      })),
      ...targets.map(([what, target, measured, pass]) => ({
        measure: what,
        target,
        value: `${measured} (${pass ? 'met' : 'MISSED'})`,
      })),
    ];
    const command = `LOAD_OFFERS=${OFFERS} LOAD_REQUESTS=${REQUESTS} LOAD_SECONDS=${SECONDS} LOAD_API_WORKERS=${WORKERS} npm run load`;
    writeFigures('load', command, figures);
    if (OFFERS >= 20_000 && REQUESTS >= 100_000) saveLoadFigures(command, figures);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await ddb.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    for (const c of children) c.kill('SIGTERM');
    process.exit(1);
  },
);
