/**
 * `npm run bench` — the matching core's benchmark, one run, printed as a table of targets vs measured.
 *
 * 1. Pair scores per second on one core (prepared inputs, the kernel alone).
 * 2. Ranking one request against 100,000 prepared offers (top 10 with reasons).
 * 3. Allocating a round of 20,000 requests over 2,000 offers (with the impact-off comparison), then an
 *    exhaustive blocking-pair count of that round.
 * 4. Optimality gap against the exact optimum from HiGHS on a smaller round: maximise Σ fit (and Σ score)
 *    subject to one offer per request and each offer's capacity. The constraint matrix of a bipartite
 *    b-matching is totally unimodular, so the LP optimum is integral — HiGHS solves it as an LP, and we
 *    check the solution is integral.
 * 5. Share of placed UMKM in high-poverty provinces with impact priority on and off.
 * 6. The same optimality gap on the rounds of the seeded demo data (600 UMKM, 86 partners), one per
 *    partnership type: what a programme admin running a round on `npm start`'s data would get.
 *
 * Instances come from a seeded PRNG (instances.ts), so every run measures the same rounds. Timings are
 * wall-clock on whatever machine runs this; the load average is printed because a busy machine slows
 * every figure.
 */
import { loadavg } from 'node:os';
// The demo data that `npm start` seeds (pure and deterministic): the most realistic round we have.
import { generateDemoData } from '../../functions/src/seed/generate';
import { writeFigures } from '../../scripts/figures';
import {
  allocateRound,
  countBlockingPairs,
  indexOffers,
  indexRequests,
  type MatchOffer,
  type MatchRequest,
  type PreparedOffer,
  type PreparedRequest,
  prepareOffer,
  prepareRequest,
  rankIndexedOffers,
  rankIndexedRequests,
  rankOffers,
  rankRequests,
  resolveWeights,
  scorePrepared,
} from '../src/matching';
import { solveOptimum } from './highs';
import { generateOffers, generateRequests, mulberry32 } from './instances';

const now = () => performance.now();
const rows: [string, string, string, string][] = [];
const record = (what: string, target: string, measured: string, pass: boolean | null) =>
  rows.push([what, target, measured, pass === null ? '—' : pass ? 'PASS' : 'MISS']);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

console.log(
  `Sinergi matching benchmark — node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

// ── 1. Pair scores per second ────────────────────────────────────────────────────────────────────
{
  const requests = generateRequests(2_000, 11).map(prepareRequest);
  const offers = generateOffers(2_000, 12).map(prepareOffer);
  const w = resolveWeights();
  // Same-type pairs only: every one of them runs the filters and, when eligible, the full kernel — the
  // work allocation actually does. (All pairs would look ~2× faster, because a type mismatch is rejected
  // in the first instruction.)
  const byType = [0, 1, 2].map((t) => offers.filter((o) => o.typeCode === t));
  let sink = 0;
  let best = 0;
  let pairs = 0;
  let eligible = 0;
  for (let rep = 0; rep < 4; rep++) {
    const t0 = now();
    pairs = 0;
    eligible = 0;
    for (const r of requests) {
      const list = byType[r.typeCode] as PreparedOffer[];
      for (let i = 0; i < list.length; i++) {
        const s = scorePrepared(r, list[i] as PreparedOffer, w, null);
        if (s >= 0) {
          sink += s;
          eligible++;
        }
        pairs++;
      }
    }
    best = Math.max(best, pairs / ((now() - t0) / 1000));
  }
  let allPairs = 0;
  const t1 = now();
  for (const r of requests) for (const o of offers) if (scorePrepared(r, o, w, null) >= 0) allPairs++;
  const mixed = (requests.length * offers.length) / ((now() - t1) / 1000);
  record(
    'pair scores / s, one core (same-type pairs)',
    '≥ 2,000,000',
    `${(best / 1e6).toFixed(2)} M/s (${pct(eligible / pairs)} eligible; all pairs incl. other types ${(mixed / 1e6).toFixed(2)} M/s)`,
    best >= 2e6,
  );
  if (sink < 0 || allPairs < 0) console.log(sink);
}

// ── 2. Ranking one request against 100,000 offers ────────────────────────────────────────────────
{
  // Generation is outside the timer: only preparation is what the API pays.
  const rawOffers = generateOffers(100_000, 21);
  const t0 = now();
  const offers = rawOffers.map(prepareOffer);
  const prepTime = now() - t0;
  const requests = generateRequests(12, 22).map(prepareRequest);
  const times: number[] = [];
  let shown = 0;
  for (const r of requests) {
    const t = now();
    const { ranked } = rankOffers(r, offers, { limit: 10 });
    times.push(now() - t);
    shown += ranked.length;
  }
  const warm = times.slice(2);
  record(
    'rank 1 request vs 100,000 prepared offers (top 10 + reasons)',
    '< 50 ms',
    `${ms(median(warm))} median, ${ms(Math.max(...warm))} max (preparing the 100k offers once: ${ms(prepTime)}, ${((prepTime / offers.length) * 1000).toFixed(1)} µs per offer)`,
    median(warm) < 50,
  );
  // What a caller pays without a cache of prepared offers: every ranking prepares all 100k again.
  const rawTimes: number[] = [];
  for (const r of requests.slice(0, 3)) {
    const t = now();
    shown += rankOffers(r.source, rawOffers, { limit: 10 }).ranked.length;
    rawTimes.push(now() - t);
  }
  record(
    '  same, from 100,000 raw offers (prepare + rank)',
    'reported',
    `${ms(median(rawTimes))} median of ${rawTimes.length}`,
    null,
  );
  if (shown === 0) console.log('no offers ranked');
}

// ── 2b. Indexed ranking (what match and candidate reads use): cost by catalogue size ─────────────
{
  const timed = <T>(f: () => T): [T, number] => {
    const t = now();
    const x = f();
    return [x, now() - t];
  };
  const medianOf = (f: () => unknown, runs: number) =>
    median(Array.from({ length: runs }, () => timed(f)[1]).slice(2));
  const offerRows: [number, number, number][] = [];
  for (const n of [200, 20_000, 100_000]) {
    const offers = generateOffers(n, 31).map(prepareOffer);
    const [index, build] = timed(() => indexOffers(offers));
    const requests = generateRequests(40, 32).map(prepareRequest);
    let q = 0;
    const indexed = medianOf(
      () => rankIndexedOffers(requests[q++ % 40] as PreparedRequest, index, { limit: 20 }),
      40,
    );
    const full = medianOf(() => rankOffers(requests[q++ % 40] as PreparedRequest, offers, { limit: 20 }), 12);
    offerRows.push([n, indexed, full]);
    record(
      `rank 1 request vs ${n.toLocaleString('en')} offers, indexed (top 20 + reasons)`,
      'reported',
      `${ms(indexed)} median vs ${ms(full)} scanning them all (${(full / indexed).toFixed(1)}× faster); index built in ${ms(build)}`,
      null,
    );
  }
  const [small, national, large] = offerRows.map((row) => row[1]) as [number, number, number];
  record(
    'indexed match ranking: 200 → 20,000 offers (the core alone)',
    'reported: the ≤ 2× target is the whole read over HTTP (npm run load)',
    `${ms(small)} → ${ms(national)} (${(national / small).toFixed(2)}×; 100,000: ${ms(large)}): the bound pass still visits every offer of the type`,
    null,
  );
  for (const n of [1_000, 100_000]) {
    const requests = generateRequests(n, 33).map(prepareRequest);
    const [index, build] = timed(() => indexRequests(requests));
    const offers = generateOffers(40, 34).map(prepareOffer);
    let q = 0;
    const indexed = medianOf(
      () => rankIndexedRequests(offers[q++ % 40] as PreparedOffer, index, { limit: 20 }),
      40,
    );
    const full = medianOf(() => rankRequests(offers[q++ % 40] as PreparedOffer, requests, { limit: 20 }), 12);
    record(
      `rank 1 offer vs ${n.toLocaleString('en')} open requests, indexed (top 20 + reasons)`,
      'reported',
      `${ms(indexed)} median vs ${ms(full)} scanning them all (${(full / indexed).toFixed(1)}× faster); index built in ${ms(build)}`,
      null,
    );
  }
}

// ── 3 & 5. A round of 20,000 × 2,000 ─────────────────────────────────────────────────────────────
{
  const rawRequests = generateRequests(20_000, 31);
  const rawOffers = generateOffers(2_000, 32);
  const t0 = now();
  const requests = rawRequests.map(prepareRequest);
  const offers = rawOffers.map(prepareOffer);
  const prepTime = now() - t0;
  // Warm-up on a smaller round so the timed run measures optimised code, as in a long-lived Lambda.
  allocateRound(requests.slice(0, 2_000), offers.slice(0, 400), { verify: false });
  const t1 = now();
  const round = allocateRound(requests, offers, { verify: false });
  const allocTime = now() - t1;
  const on = round.report;
  const off = round.withoutImpact?.report;
  record(
    'allocate 20,000 requests × 2,000 offers (impact on + off)',
    '< 2 s',
    `${ms(allocTime)} (+ ${ms(prepTime)} preparing inputs); ${on.assignedCount} placed, fill ${pct(on.fillRate)}, ${on.proposals} proposals in the impact-on run`,
    allocTime < 2000,
  );
  const t2 = now();
  const blocking = countBlockingPairs(requests, offers, round.assignments);
  const blockingOff = countBlockingPairs(requests, offers, round.withoutImpact?.assignments ?? [], {
    impact: false,
  });
  record(
    'blocking pairs in that round (exhaustive check, 40M pairs × 2)',
    '0',
    `${blocking} with impact, ${blockingOff} without (${ms(now() - t2)})`,
    blocking === 0 && blockingOff === 0,
  );
  record(
    'share of placed UMKM in high-poverty provinces',
    'reported',
    `impact on ${pct(on.highPovertyShare)} vs off ${pct(off?.highPovertyShare ?? 0)} (requests: ${pct(on.highPovertyShareOfRequests)}); total fit on ${on.totalFit.toFixed(1)} vs off ${off?.totalFit.toFixed(1)}`,
    null,
  );
}

// ── 3b. Tie-heavy rounds (the tie cliff) ─────────────────────────────────────────────────────────
// Identical requests used to make every loser rescan every free offer on every extension (32 s for
// 5,000 × 1,000); ties are now broken by the round's seed and the gate skips tied losers. Where fits tie
// a first chunk's scan cannot stop early, so copies of one request share one scoring (10,000 × 2,000:
// 20M scores before). Proposals are the impact-on run's, per request beside them.
{
  const identicalRequests = (n: number): MatchRequest[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `tie-r${String(i).padStart(6, '0')}`,
      type: 'mentorship',
      needs: ['pemasaran digital', 'pembukuan'],
      business: { id: `tie-b${i}`, province: '31', sizeClass: 'kecil', sector: 'kuliner' },
    }));
  const identicalOffers = (n: number): MatchOffer[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `tie-o${String(i).padStart(6, '0')}`,
      type: 'mentorship',
      topics: ['pemasaran digital', 'pembukuan'],
      mode: 'online',
      capacity: 1,
      remaining: 1,
      organization: { id: 'tie-org', kind: 'corporate', province: '31' },
    }));
  for (const [nr, no, seed] of [
    [5_000, 1_000, 7],
    [5_000, 1_000, 8],
    [10_000, 2_000, 7],
  ] as const) {
    const requests = identicalRequests(nr).map(prepareRequest);
    const offers = identicalOffers(no).map(prepareOffer);
    const t0 = now();
    const round = allocateRound(requests, offers, { verify: false, seed });
    const time = now() - t0;
    const t1 = now();
    const blocking = countBlockingPairs(requests, offers, round.assignments, { seed });
    record(
      `allocate ${nr.toLocaleString('en')} identical requests × ${no.toLocaleString('en')} offers of capacity 1 (seed ${seed}, impact on + off)`,
      '< 1 s',
      `${ms(time)}; ${round.report.assignedCount} placed, ${round.report.proposals} proposals in the impact-on run (${(round.report.proposals / nr).toFixed(1)} per request), ${blocking} blocking pairs (${ms(now() - t1)} to check)`,
      time < 1000 && blocking === 0,
    );
  }
  // 30% of the 20k round's requests are copies of others (same needs, business, dates): heavy ties.
  const base = generateRequests(20_000, 31);
  const rng = mulberry32(33);
  const tied = base.map((r, i) =>
    rng() < 0.3 ? { ...(base[Math.floor(rng() * 2_000)] as MatchRequest), id: `${r.id}-tie${i}` } : r,
  );
  const requests = tied.map(prepareRequest);
  const offers = generateOffers(2_000, 32).map(prepareOffer);
  const t0 = now();
  const round = allocateRound(requests, offers, { verify: false, seed: 1 });
  const time = now() - t0;
  const t1 = now();
  const blocking = countBlockingPairs(requests, offers, round.assignments, { seed: 1 });
  record(
    'allocate 20,000 × 2,000 with 30% of requests tied copies (impact on + off)',
    '< 2 s',
    `${ms(time)}; ${round.report.assignedCount} placed, ${round.report.proposals} proposals in the impact-on run (${(round.report.proposals / requests.length).toFixed(1)} per request), ${blocking} blocking pairs (${ms(now() - t1)} to check)`,
    time < 2000 && blocking === 0,
  );
}

// ── 4. Optimality gap against HiGHS ──────────────────────────────────────────────────────────────
{
  const highs = await (await import('highs')).default();
  for (const [N_REQ, N_OFF, MAX_CAP] of [
    [600, 60, 16],
    [1_500, 300, 8],
  ] as const) {
    const requests = generateRequests(N_REQ, 41).map(prepareRequest);
    const offers = generateOffers(N_OFF, 42, MAX_CAP).map(prepareOffer);
    const t0 = now();
    const round = allocateRound(requests, offers, { verify: true });
    const daTime = now() - t0;

    const solve = (value: (r: PreparedRequest, o: PreparedOffer) => number) =>
      solveOptimum(highs, requests, offers, value);
    const wOn = resolveWeights();
    const wOff = resolveWeights({ impact: false });
    const fitOpt = solve((r, o) => scorePrepared(r, o, wOff, null));
    const scoreOpt = solve((r, o) => scorePrepared(r, o, wOn, null));
    const stableFit = round.withoutImpact?.report.totalFit ?? 0;
    const gapFit = 1 - stableFit / fitOpt.optimum;
    const gapScore = 1 - round.report.totalScore / scoreOpt.optimum;
    const label = `${N_REQ} × ${N_OFF}, capacity 1–${MAX_CAP}, ${(fitOpt.variables / N_REQ).toFixed(0)} eligible offers per request`;
    record(
      `optimality gap vs HiGHS, ${label} (Σ fit, impact off)`,
      '≤ 3% while stable',
      `${pct(gapFit)} (stable ${stableFit.toFixed(2)} vs optimum ${fitOpt.optimum.toFixed(2)}; placed ${round.withoutImpact?.report.assignedCount} vs ${fitOpt.placed}; blocking pairs ${round.withoutImpact?.report.blockingPairs}; DA ${ms(daTime)} for both runs, HiGHS ${ms(fitOpt.time)} on ${fitOpt.variables} variables, max fractionality ${fitOpt.fractional.toExponential(1)})`,
      gapFit <= 0.03 && round.withoutImpact?.report.blockingPairs === 0,
    );
    record(
      `  same round (Σ score, impact on)`,
      '≤ 3% while stable',
      `${pct(gapScore)} (stable ${round.report.totalScore.toFixed(2)} vs optimum ${scoreOpt.optimum.toFixed(2)}; blocking pairs ${round.report.blockingPairs}; HiGHS ${ms(scoreOpt.time)})`,
      gapScore <= 0.03 && round.report.blockingPairs === 0,
    );
  }
}

// ── 6. Optimality gap on the demo data's rounds ──────────────────────────────────────────────────
{
  const highs = await (await import('highs')).default();
  const demo = generateDemoData();
  for (const type of ['mentorship', 'internship', 'distribution'] as const) {
    const requests = demo.businesses
      .flatMap((b, bi) =>
        b.requests
          .filter((r) => r.type === type)
          .map(
            (r, ri): MatchRequest => ({
              ...r,
              id: `request-${bi}-${ri}`,
              type,
              business: { ...b.body, id: `business-${bi}` },
            }),
          ),
      )
      .map(prepareRequest);
    const offers = demo.organizations
      .flatMap((o, oi) =>
        o.offers
          .filter((x) => x.type === type)
          .map(
            (x, xi): MatchOffer => ({
              ...x,
              id: `offer-${oi}-${xi}`,
              type,
              remaining: x.capacity,
              organization: { ...o.body, id: `organization-${oi}`, kind: o.role },
            }),
          ),
      )
      .map(prepareOffer);
    const round = allocateRound(requests, offers, { verify: true });
    const optimum = solveOptimum(highs, requests, offers, (r, o) =>
      scorePrepared(r, o, resolveWeights({ impact: false }), null),
    );
    const stableFit = round.withoutImpact?.report.totalFit ?? 0;
    const gap = 1 - stableFit / optimum.optimum;
    const slots = offers.reduce((sum, o) => sum + o.remaining, 0);
    record(
      `optimality gap vs HiGHS, demo ${type} round (${requests.length} requests × ${offers.length} offers, ${slots} slots)`,
      '≤ 3% while stable',
      `${pct(gap)} (stable ${stableFit.toFixed(2)} vs optimum ${optimum.optimum.toFixed(2)}; placed ${round.withoutImpact?.report.assignedCount} vs ${optimum.placed}; blocking pairs ${round.withoutImpact?.report.blockingPairs}; high-poverty share impact on ${pct(round.report.highPovertyShare)} vs off ${pct(round.withoutImpact?.report.highPovertyShare ?? 0)})`,
      gap <= 0.03 && round.withoutImpact?.report.blockingPairs === 0 && round.report.blockingPairs === 0,
    );
  }
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0), 8));
const line = (r: readonly string[]) => r.map((cell, c) => cell.padEnd(widths[c] as number)).join(' │ ');
console.log(line(['measure', 'target', 'measured', 'result']));
console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
for (const r of rows) console.log(line(r));
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

// For the one report of every figure (`npm run bench`, scripts/report.ts).
writeFigures(
  'matching',
  'npm run bench:matching',
  rows.map(([measure, target, value, result]) => ({ measure, target, value: `${value} (${result})` })),
);
