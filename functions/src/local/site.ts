/**
 * Builds the static site (web/out) when it is missing or stale, so `npm start` on a fresh clone, or
 * after a `git pull`, serves the site that matches the sources.
 *
 * Stale means: the hash of the site's inputs (web/ sources and shared/src, which the site imports)
 * differs from the hash written after the last successful build. Content hashes, not mtimes: a fresh
 * clone gives every file a new mtime.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { REPO_ROOT, WEB_DIR } from './paths';

export const SITE_OUT_DIR = join(WEB_DIR, 'out');
const STAMP = join(SITE_OUT_DIR, '.sinergi-build-hash');
const SKIP = new Set(['node_modules', '.next', 'out', 'next-env.d.ts', '.turbo']);

export class SiteBuildError extends Error {
  override readonly name = 'SiteBuildError';
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export async function siteInputsHash(): Promise<string> {
  const files = [
    ...(await listFiles(WEB_DIR)),
    ...(await listFiles(join(REPO_ROOT, 'shared', 'src'))),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(REPO_ROOT, file));
    hash.update('\0');
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

export async function isSiteFresh(): Promise<boolean> {
  if (!existsSync(join(SITE_OUT_DIR, 'index.html'))) return false;
  const stamp = await readFile(STAMP, 'utf8').catch(() => '');
  return stamp.trim() === (await siteInputsHash());
}

/** Runs `next build` (static export to web/out) and records the inputs' hash. */
export async function buildSite(log: (line: string) => void = console.log): Promise<void> {
  const hash = await siteInputsHash();
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  const started = performance.now();
  log('Building the site (next build → web/out)…');
  let output = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: WEB_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new SiteBuildError(`next build failed (exit ${code}):\n${output.trim()}`);
  await precompressSite(SITE_OUT_DIR);
  await writeFile(STAMP, `${hash}\n`);
  log(`Site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function ensureSiteBuilt(log: (line: string) => void = console.log): Promise<'fresh' | 'built'> {
  if (await isSiteFresh()) return 'fresh';
  await buildSite(log);
  return 'built';
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.md']);
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `x.br` (brotli, quality 11) and `x.gz` (gzip -9) beside every text file of the export, once per
 * build, so the local server sends compressed bytes without compressing per request (serveStatic's
 * `precompressed`), as CloudFront compresses in production. Files under 1 kB gain nothing and are skipped.
 */
export async function precompressSite(
  dir: string,
): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const file of await listAll(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    if ((await stat(file)).size < 1024) continue;
    const content = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gz(content, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
    files++;
    bytes += content.length;
    brotliBytes += br.length;
  }
  return { files, bytes, brotliBytes };
}

async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listAll(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
