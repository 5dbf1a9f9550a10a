/**
 * Recognition benchmark (`npm run bench` runs it before the matching benchmark):
 *
 * 1. precision and recall of concept recognition and routing accuracy on the labelled evaluation set of
 *    owners' needs (`needs-eval/`), with every miss listed so a person can read why;
 * 2. text → concepts throughput on one core, per CPU-second of this process (on a shared machine wall
 *    time also counts other processes' turns; both are printed): needs of three phrases drawn from the evaluation set, once as
 *    written (owners reuse the same words, so the per-word cache is warm) and once with a fresh typo in a
 *    word of every phrase (every typo is a new word: the cold path through stemming and correction);
 * 3. pair scores per second on the matching benchmark's instances, to set beside the figure before this
 *    change (see the matching benchmark's first row for the same measure on the same instances).
 */

import { loadavg } from 'node:os';
import { writeFigures } from '../../scripts/figures';
import { analyseTexts, prepareOffer, prepareRequest, resolveWeights, scorePrepared } from '../src/matching';
import { generateOffers, generateRequests, mulberry32 } from './instances';
import { evaluateRecognition, loadNeeds } from './needs-eval';

const now = () => performance.now();
/** CPU milliseconds this process has used: on a shared machine, wall time also counts other processes' turns. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rows: [string, string, string, string][] = [];
const record = (what: string, target: string, measured: string, pass: boolean | null) =>
  rows.push([what, target, measured, pass === null ? '—' : pass ? 'PASS' : 'MISS']);

console.log(
  `Sinergi recognition benchmark — node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

// ── 1. Precision, recall, routing ────────────────────────────────────────────────────────────────
const needs = loadNeeds();
const report = evaluateRecognition(needs);
const byType = (t: string) => needs.filter((n) => n.type === t).length;
record(
  `concept recognition on ${report.needs} labelled needs (${byType('mentorship')} mentorship, ${byType('internship')} internship, ${byType('distribution')} distribution)`,
  'recall ≥ 95%, precision ≥ 90%',
  `recall ${pct(report.recall)}, precision ${pct(report.precision)}`,
  report.recall >= 0.95 && report.precision >= 0.9,
);
record(
  'routing: best of one-subject offers is a right one',
  '≥ 90%',
  `${pct(report.routing)} (mentorship ${pct(report.routingByType.mentorship)}, internship ${pct(report.routingByType.internship)}, distribution ${pct(report.routingByType.distribution)})`,
  report.routing >= 0.9,
);

// ── 2. Text → concepts throughput ────────────────────────────────────────────────────────────────
{
  const rng = mulberry32(91);
  const texts = needs.map((n) => n.text);
  const N = 200_000;
  const asWritten: string[][] = [];
  const withTypos: string[][] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const typo = (text: string) =>
    text
      .split(' ')
      .map((w) => {
        if (w.length < 5 || rng() < 0.5) return w;
        const i = 1 + Math.floor(rng() * (w.length - 2));
        return w.slice(0, i) + letters[Math.floor(rng() * 26)] + w.slice(i + 1);
      })
      .join(' ');
  for (let i = 0; i < N; i++) {
    const three = [0, 1, 2].map(() => texts[Math.floor(rng() * texts.length)] as string);
    asWritten.push(three);
    if (i < N / 4) withTypos.push(three.map(typo));
  }
  const run = (list: readonly string[][]) => {
    let sink = 0;
    const t0 = now();
    const c0 = cpu();
    for (const need of list) sink += analyseTexts(need).hits.length;
    const perSecond = list.length / ((cpu() - c0) / 1000);
    const perWallSecond = list.length / ((now() - t0) / 1000);
    return { perSecond, perWallSecond, sink };
  };
  run(asWritten.slice(0, 20_000)); // warm-up: JIT, not the cache of the timed words
  const warm = run(asWritten);
  const cold = run(withTypos);
  record(
    'text → concepts, needs of 3 phrases, per CPU-second',
    '≥ 50,000 needs/s',
    `${Math.round(warm.perSecond).toLocaleString('en')} needs per CPU-second as written (${Math.round(warm.perWallSecond).toLocaleString('en')}/s wall); ${Math.round(cold.perSecond).toLocaleString('en')} per CPU-second with a fresh typo in half the long words (${Math.round(cold.perWallSecond).toLocaleString('en')}/s wall)`,
    warm.perSecond >= 50_000,
  );
  if (warm.sink + cold.sink < 0) console.log('never');
}

// ── 3. Pair scores per second (same measure as the matching benchmark's first row) ──────────────
{
  const requests = generateRequests(2_000, 11).map(prepareRequest);
  const offers = generateOffers(2_000, 12).map(prepareOffer);
  const w = resolveWeights();
  const sameType = [0, 1, 2].map((t) => offers.filter((o) => o.typeCode === t));
  let best = 0;
  let bestWall = 0;
  let sink = 0;
  for (let rep = 0; rep < 3; rep++) {
    let pairs = 0;
    const t0 = now();
    const c0 = cpu();
    for (const r of requests) {
      const list = sameType[r.typeCode] ?? [];
      for (const o of list) {
        sink += scorePrepared(r, o, w, null);
        pairs++;
      }
    }
    best = Math.max(best, pairs / ((cpu() - c0) / 1000));
    bestWall = Math.max(bestWall, pairs / ((now() - t0) / 1000));
  }
  record(
    'pair scores per CPU-second (same-type pairs)',
    '≥ 2,000,000 and no slower than before',
    `${(best / 1e6).toFixed(2)} M (${(bestWall / 1e6).toFixed(2)} M/s wall)`,
    best >= 2e6,
  );
  if (sink === Number.NEGATIVE_INFINITY) console.log('never');
}

const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0), 8));
const line = (r: readonly string[]) => r.map((cell, c) => cell.padEnd(widths[c] as number)).join(' │ ');
console.log(line(['measure', 'target', 'measured', 'result']));
console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
for (const r of rows) console.log(line(r));
if (report.misses.length > 0) {
  console.log(
    `\n${report.misses.length} needs not read exactly as labelled (misses are part of the figures above):`,
  );
  for (const m of report.misses) console.log(`  ${m}`);
}

writeFigures(
  'recognition',
  'npm run bench:recognition',
  rows.map(([measure, target, value, result]) => ({ measure, value: `${value} (${result})`, target })),
);
