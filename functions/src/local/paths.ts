import { fileURLToPath } from 'node:url';

/** The repository root (functions/src/local -> ../../..), so paths work whatever the cwd is. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where derived, re-fetchable things live: wiped by `npm ci` together with node_modules, on purpose. */
export const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/sinergi/', import.meta.url));

/** The default home of local data (DynamoDB Local's files); git-ignored. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));

export const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));
