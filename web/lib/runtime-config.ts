'use client';

import { SiteConfig } from '@sinergi/shared/schemas';

/**
 * The site's runtime configuration, `/config.json`: written by the CDK stack on AWS, answered by the
 * local server, so one static build serves every stage. No file (or an invalid one) means demo
 * sign-in; the API decides what it accepts either way, so a wrong file cannot open anything.
 */
const DEMO: SiteConfig = { stage: 'local', auth: { mode: 'demo' } };

let loaded: Promise<SiteConfig> | undefined;

export function loadSiteConfig(): Promise<SiteConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } })
    .then(async (reply) => {
      if (!reply.ok) return DEMO;
      const parsed = SiteConfig.safeParse(await reply.json());
      if (!parsed.success) {
        console.error('config.json is invalid; using demo sign-in', parsed.error.issues);
        return DEMO;
      }
      return parsed.data;
    })
    .catch(() => DEMO);
  return loaded;
}
