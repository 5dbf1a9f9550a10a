/**
 * Fetches AWS's DynamoDB Local through npm, once, and verifies it.
 *
 * The jar ships in the npm package `amplify-dynamodb-simulator` (folder `emulator/`). Installing that
 * package as a dependency would drag ~350 MB of unrelated modules, so we `npm pack` the pinned version
 * (npm's own registry config, proxy and cache apply), check the tarball against a hard-coded sha512 and
 * extract only `emulator/`. Run by the root `postinstall`; `ensureDynamoDbLocal()` is also called by
 * `npm start` and the test setup, so a skipped postinstall is repaired on first use.
 *
 * Run directly: `tsx functions/src/local/fetch-dynamodb-local.ts [--postinstall]`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CACHE_DIR } from './paths';

const run = promisify(execFile);

export const DYNAMODB_LOCAL = {
  packageSpec: 'amplify-dynamodb-simulator@2.9.30',
  /** DynamoDB Local's own version inside that package (emulator/README.txt). */
  version: '1.25.1',
  /** From `npm view amplify-dynamodb-simulator@2.9.30 dist.integrity`. */
  integrity:
    'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
} as const;

export class DynamoDbLocalFetchError extends Error {
  override readonly name = 'DynamoDbLocalFetchError';
}

export interface DynamoDbLocalFiles {
  /** The folder holding DynamoDBLocal.jar and DynamoDBLocal_lib/. */
  dir: string;
  jar: string;
  libDir: string;
}

function filesIn(dir: string): DynamoDbLocalFiles {
  return { dir, jar: join(dir, 'DynamoDBLocal.jar'), libDir: join(dir, 'DynamoDBLocal_lib') };
}

/** The marker is written last, so a half-extracted folder is never taken for a complete one. */
const MARKER = '.sinergi-complete';

export function dynamoDbLocalDir(cacheDir = CACHE_DIR): string {
  return join(cacheDir, `dynamodb-local-${DYNAMODB_LOCAL.version}`);
}

async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

/**
 * Returns the DynamoDB Local files, fetching them first if they are missing. Safe to call from
 * several processes at once: each extracts into its own temporary folder and renames it into place.
 */
export async function ensureDynamoDbLocal(
  options: { cacheDir?: string; log?: (line: string) => void } = {},
): Promise<DynamoDbLocalFiles> {
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const log = options.log ?? ((line: string) => console.log(line));
  const target = dynamoDbLocalDir(cacheDir);
  if (await isComplete(target)) return filesIn(target);

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, 'fetch-'));
  try {
    log(
      `Fetching DynamoDB Local ${DYNAMODB_LOCAL.version} (npm pack ${DYNAMODB_LOCAL.packageSpec}, ~57 MB)…`,
    );
    let stdout: string;
    try {
      ({ stdout } = await run(
        'npm',
        ['pack', DYNAMODB_LOCAL.packageSpec, '--pack-destination', work, '--json', '--ignore-scripts'],
        // The outer `npm ci` exports npm_config_* settings (e.g. dry-run, global) that must not leak in.
        { cwd: work, env: withoutNpmConfig(process.env) as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 },
      ));
    } catch (error) {
      throw new DynamoDbLocalFetchError(
        `npm pack ${DYNAMODB_LOCAL.packageSpec} failed: is the npm registry reachable?`,
        { cause: error },
      );
    }
    const packed = JSON.parse(stdout) as { filename: string }[];
    const filename = packed[0]?.filename;
    if (!filename) throw new DynamoDbLocalFetchError(`npm pack printed no file name: ${stdout}`);
    const tarball = join(work, filename);

    const actual = await sha512Integrity(tarball);
    if (actual !== DYNAMODB_LOCAL.integrity) {
      throw new DynamoDbLocalFetchError(
        `Integrity mismatch for ${DYNAMODB_LOCAL.packageSpec}: expected ${DYNAMODB_LOCAL.integrity}, got ${actual}`,
      );
    }

    const extracted = join(work, 'x');
    await mkdir(extracted);
    await run('tar', ['-xzf', tarball, '-C', extracted, 'package/emulator']);
    const emulator = join(extracted, 'package', 'emulator');
    if (!existsSync(join(emulator, 'DynamoDBLocal.jar'))) {
      throw new DynamoDbLocalFetchError(`${DYNAMODB_LOCAL.packageSpec} has no emulator/DynamoDBLocal.jar`);
    }
    await writeFile(join(emulator, MARKER), `${DYNAMODB_LOCAL.integrity}\n`);

    try {
      await rename(emulator, target);
    } catch (error) {
      // Another process won the race: fine if what it put there is complete.
      if (!(await isComplete(target))) {
        await rm(target, { recursive: true, force: true });
        await rename(emulator, target).catch((again: unknown) => {
          throw new DynamoDbLocalFetchError(`Could not move DynamoDB Local into ${target}`, {
            cause: again ?? error,
          });
        });
      }
    }
    log(`DynamoDB Local ${DYNAMODB_LOCAL.version} ready in ${target}`);
    return filesIn(target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function isComplete(dir: string): Promise<boolean> {
  try {
    return (await readFile(join(dir, MARKER), 'utf8')).trim() === DYNAMODB_LOCAL.integrity;
  } catch {
    return false;
  }
}

function withoutNpmConfig(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  return Object.fromEntries(
    Object.entries(env).filter(
      ([k]) => !k.toLowerCase().startsWith('npm_config_') || keep.has(k.toLowerCase()),
    ),
  );
}

// CLI: from postinstall a failure warns instead of failing `npm install` (someone working on the site
// alone does not need Java); `npm start` and the tests call ensureDynamoDbLocal() again and fail loudly.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const postinstall = process.argv.includes('--postinstall');
  ensureDynamoDbLocal().then(
    () => undefined,
    (error: unknown) => {
      console.error(`\n!!! Could not fetch DynamoDB Local: ${(error as Error).message}`);
      if ((error as Error).cause) console.error((error as Error).cause);
      if (postinstall) {
        console.error('!!! npm start and the integration tests will try again and need it.\n');
      } else {
        process.exitCode = 1;
      }
    },
  );
}
