import { fileURLToPath } from 'node:url';

/** The repository root: the Lambda bundles' project root and lock file, the site's build. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const SITE_OUT_DIR = `${REPO_ROOT}/web/out`;
export const DOCS_SCRIPT_GZ = `${REPO_ROOT}/functions/assets/scalar/standalone.js.gz`;
