/**
 * `node --import tsx tests/perf/ceiling.ts`: the framework's own floor, to read `npm run lighthouse`
 * against. It builds, in a temporary folder, the smallest static export each Next.js router can make
 * (a heading, a paragraph and one button with state: App Router and Pages Router, the repo's own Next
 * and React), serves each like the local server does (gzip) and scores it with the same Lighthouse
 * config as `npm run lighthouse`; then the App Router page again with every script removed (the
 * page without a framework). Performance on this machine swings with its load, so the three are
 * measured in turns, each RUNS times (default 2), and every row shows Lighthouse's benchmarkIndex and
 * the load average.
 *
 * What it showed on 2026-12-02: at 15:22 UTC (load ~1.7) App Router 95 / 97 (TBT 200–240 ms), Pages
 * Router 100 / 99, no scripts 100, where `npm run lighthouse` gave the site 98 / 99 / 99 at 14:59; at
 * load 4.5–5.4 App Router 75–78, Pages Router 72–74 (TBT 970–2,420 ms). See README, "npm run lighthouse".
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const webDir = join(repoRoot, 'web');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 2);

const TITLE = 'Sinergi mempertemukan UMKM dengan mitra';
const LEAD = 'Kemitraan UMKM dengan korporasi, universitas dan komunitas di seluruh Indonesia.';
const COUNTER = `const [n, setN] = useState(0);
  return <button type="button" onClick={() => setN(n + 1)}>Klik {n}</button>;`;

const APP_ROUTER: Record<string, string> = {
  'app/layout.jsx': `export const metadata = { title: 'Ceiling', description: 'The smallest App Router page' };
export default function Layout({ children }) {
  return (<html lang="id"><body><main>{children}</main></body></html>);
}`,
  'app/Counter.jsx': `'use client';
import { useState } from 'react';
export function Counter() {
  ${COUNTER}
}`,
  'app/page.jsx': `import { Counter } from './Counter';
export default function Page() {
  return (<div><h1>${TITLE}</h1><p>${LEAD}</p><Counter /></div>);
}`,
};

const PAGES_ROUTER: Record<string, string> = {
  'pages/_document.jsx': `import { Html, Head, Main, NextScript } from 'next/document';
export default function Document() {
  return (<Html lang="id"><Head /><body><Main /><NextScript /></body></Html>);
}`,
  'pages/index.jsx': `import { useState } from 'react';
import Head from 'next/head';
function Counter() {
  ${COUNTER}
}
export default function Page() {
  return (<main><Head><title>Ceiling</title><meta name="description" content="The smallest Pages Router page" /></Head>
    <div><h1>${TITLE}</h1><p>${LEAD}</p><Counter /></div></main>);
}`,
};

/** A project folder whose node_modules is the repo's (web's own packages, next among them, first). */
function scaffold(dir: string, files: Record<string, string>) {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  const linked = new Set<string>();
  for (const from of [join(webDir, 'node_modules'), join(repoRoot, 'node_modules')]) {
    for (const name of readdirSync(from)) {
      if (linked.has(name) || name === '.cache') continue;
      linked.add(name);
      symlinkSync(join(from, name), join(dir, 'node_modules', name));
    }
  }
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'next.config.mjs'),
    "export default { output: 'export', reactStrictMode: true, images: { unoptimized: true } };\n",
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `${text}\n`);
  }
}

async function nextBuild(dir: string) {
  const nextBin = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`next build in ${dir} failed:\n${output}`);
  return join(dir, 'out');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a folder as the local server serves web/out: gzip, immutable hashed assets. */
async function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader(
      'cache-control',
      path.startsWith('/_next/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.setHeader('content-encoding', 'gzip');
    res.end(gzipSync(readFileSync(file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

const work = await mkdtemp(join(tmpdir(), 'sinergi-ceiling-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const servers: Server[] = [];
try {
  console.log(`Building the smallest App Router and Pages Router exports in ${work}…`);
  scaffold(join(work, 'app'), APP_ROUTER);
  scaffold(join(work, 'pages'), PAGES_ROUTER);
  const appOut = await nextBuild(join(work, 'app'));
  const pagesOut = await nextBuild(join(work, 'pages'));
  // The App Router page without its scripts: what the same HTML and CSS score with no framework.
  const bare = join(work, 'bare');
  mkdirSync(bare);
  writeFileSync(
    join(bare, 'index.html'),
    readFileSync(join(appOut, 'index.html'), 'utf8')
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="preload" as="script"[^>]*>/g, ''),
  );
  const variants = [
    { name: 'App Router, minimal', out: appOut },
    { name: 'Pages Router, minimal', out: pagesOut },
    { name: 'same HTML, no scripts', out: bare },
  ];
  const urls = [];
  for (const v of variants) {
    const { url, server } = await serve(v.out);
    servers.push(server);
    urls.push({ ...v, url });
  }
  console.log('\nLighthouse 12 (mobile, default config, as npm run lighthouse), performance:');
  for (let run = 0; run < RUNS; run++) {
    for (const v of urls) {
      const page = await browser.newPage();
      const result = await lighthouse(
        v.url,
        { output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        undefined,
        page,
      );
      await page.close();
      if (!result) throw new Error(`no Lighthouse result for ${v.name}`);
      const { lhr } = result;
      const a = lhr.audits;
      console.log(
        `  ${v.name.padEnd(22)} ${String(Math.round((lhr.categories.performance?.score ?? 0) * 100)).padStart(3)}` +
          `  FCP ${a['first-contentful-paint']?.displayValue}, LCP ${a['largest-contentful-paint']?.displayValue},` +
          ` TBT ${a['total-blocking-time']?.displayValue}  (benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)},` +
          ` load ${loadavg()[0]?.toFixed(2)})`,
      );
    }
  }
} finally {
  for (const s of servers) s.close();
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
