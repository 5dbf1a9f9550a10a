'use client';

import type { SiteConfig } from '@sinergi/shared/schemas';

/**
 * The site's runtime configuration, `/config.json`: written by the CDK stack on AWS, answered by the
 * local server, so one static build serves every stage. No file (or an invalid one) means demo
 * sign-in; the API decides what it accepts either way, so a wrong file cannot open anything.
 * The schema (and zod with it) is imported when the file is read, so it never rides in a page's
 * first-load JavaScript: only sign-in and sign-out read the file.
 */
const DEMO: SiteConfig = { stage: 'local', auth: { mode: 'demo' } };

let loaded: Promise<SiteConfig> | undefined;

export function loadSiteConfig(): Promise<SiteConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } })
    .then(async (reply) => {
      if (!reply.ok) return DEMO;
      const [{ SiteConfig }, body] = await Promise.all([import('@sinergi/shared/schemas'), reply.json()]);
      const parsed = SiteConfig.safeParse(body);
      if (!parsed.success) {
        console.error('config.json is invalid; using demo sign-in', parsed.error.issues);
        return DEMO;
      }
      return parsed.data;
    })
    .catch(() => DEMO);
  return loaded;
}
