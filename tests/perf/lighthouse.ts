/**
 * `npm run lighthouse`: builds the site (when stale), starts the whole local stack on a free port with an
 * in-memory database and the demo data, and prints Lighthouse 12's four mobile scores (its default
 * config: a mid-range phone on a slow 4G link, simulated) for the home page, a UMKM's matches page and
 * the admin's dashboard, then the first-load JavaScript of every route. Targets: 95 in every category,
 * every route under 130 kB gzipped. Figures are printed, not asserted (speed is measured, not tested).
 *
 * Pages behind sign-in get the demo session the way the site keeps it (sessionStorage), injected into
 * every new document before the page's scripts run, so Lighthouse's cold-cache, cleared-storage load
 * stays as it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { applyLocalEnvDefaults } from '../../functions/src/local/env-defaults';
import { startLocalStack } from '../../functions/src/local/server';
import { type Figure, writeFigures } from '../../scripts/figures';
import { firstLoadJs, formatWeights } from './first-load-js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function devLogin(base: string, role: string, name: string) {
  const res = await fetch(`${base}/api/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, name }),
  });
  if (!res.ok) throw new Error(`dev-login ${role}/${name}: HTTP ${res.status}`);
  return (await res.json()) as { token: string; user: unknown };
}

applyLocalEnvDefaults();
const stack = await startLocalStack({
  port: 0,
  host: '127.0.0.1',
  seed: true,
  buildSite: true,
  env: process.env,
  log: (line) => console.log(`  ${line}`),
});
const browser = await puppeteer.launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let failed = false;
try {
  const base = stack.url;
  const umkm = await devLogin(base, 'business', 'umkm-0001');
  const admin = await devLogin(base, 'admin', 'admin');
  const requests = (await (
    await fetch(`${base}/api/requests?limit=1`, { headers: { authorization: `Bearer ${umkm.token}` } })
  ).json()) as { items: { id: string }[] };
  const requestId = requests.items[0]?.id;
  if (!requestId) throw new Error('umkm-0001 has no request in the demo data');

  const pages = [
    { name: 'home', path: '/', session: undefined },
    { name: 'UMKM matches', path: `/umkm/permintaan?id=${encodeURIComponent(requestId)}`, session: umkm },
    { name: 'admin dashboard', path: '/admin', session: admin },
  ];
  const rows: string[] = [];
  const figures: Figure[] = [];
  for (const p of pages) {
    const page = await browser.newPage();
    if (p.session)
      await page.evaluateOnNewDocument(
        (value: string) => sessionStorage.setItem('sinergi.session', value),
        JSON.stringify(p.session),
      );
    const result = await lighthouse(
      `${base}${p.path}`,
      { output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      undefined,
      page,
    );
    await page.close();
    if (!result) throw new Error(`Lighthouse gave no result for ${p.path}`);
    // The whole report, to see which audits cost points.
    const reports = join(repoRoot, 'test-results', 'lighthouse');
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(reports, `${p.name.replaceAll(' ', '-')}.json`), JSON.stringify(result.lhr));
    const scores = CATEGORIES.map((c) => Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
    if (scores.some((s) => s < 95)) failed = true;
    rows.push(
      `${p.name.padEnd(16)} ${scores.map((s, i) => `${CATEGORIES[i]} ${String(s).padStart(3)}`).join('  ')}`,
    );
    const lcp = result.lhr.audits['largest-contentful-paint']?.displayValue;
    const tbt = result.lhr.audits['total-blocking-time']?.displayValue;
    rows.push(`${''.padEnd(16)} LCP ${lcp}, TBT ${tbt}`);
    figures.push({
      measure: `Lighthouse (mobile) ${p.name}: performance / accessibility / best practices / SEO`,
      value: `${scores.join(' / ')} (LCP ${lcp}, TBT ${tbt})`,
      target: '≥ 95 each',
    });
  }
  console.log('\nLighthouse 12 (mobile, simulated slow 4G), scores of 100; target ≥ 95 each');
  console.log("(reports in test-results/lighthouse/; performance swings with the machine's load):");
  for (const r of rows) console.log(`  ${r}`);
  console.log('');
  const weights = firstLoadJs(join(repoRoot, 'web', 'out'));
  console.log(formatWeights(weights));
  if (weights.some((w) => w.gzipBytes >= 130_000)) failed = true;
  const heaviest = weights.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const lightest = weights.reduce((a, b) => (b.gzipBytes < a.gzipBytes ? b : a));
  figures.push({
    measure: `first-load JavaScript, ${weights.length} routes (gzip -9): lightest / heaviest`,
    value: `${(lightest.gzipBytes / 1000).toFixed(1)} kB ${lightest.route} / ${(heaviest.gzipBytes / 1000).toFixed(1)} kB ${heaviest.route}`,
    target: 'every route < 130 kB',
  });
  writeFigures('site', 'npm run lighthouse', figures);
  console.log(failed ? '\nSome figures miss their targets (see above).' : '\nEvery target met.');
} finally {
  await browser.close();
  await stack.stop();
}
