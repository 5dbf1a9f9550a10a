import { createRoute } from '@hono/zod-openapi';
import { StatsImpact, StatsSummary } from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { router } from '../../http/env';
import { json, problems } from '../../http/openapi';

const tags = ['Statistics'];

const summary = createRoute({
  method: 'get',
  path: '/summary',
  tags,
  summary: 'Headline figures (public): UMKM, partners, open offers by type, provinces covered, partnerships',
  responses: { 200: json(StatsSummary), 503: problems[503] },
});

const impact = createRoute({
  method: 'get',
  path: '/impact',
  tags,
  summary: 'Accepted partnerships by province (with the BPS poverty rate), by type and by size class',
  responses: { 200: json(StatsImpact), 503: problems[503] },
});

/** Public and cheap: one Query of the counter partition, cached briefly by browsers and CloudFront. */
export function statsRoutes(services: Services) {
  const app = router();
  app.openapi(summary, async (c) => {
    c.header('cache-control', 'public, max-age=10');
    return c.json(await services.stats.summary(), 200);
  });
  app.openapi(impact, async (c) => {
    c.header('cache-control', 'public, max-age=10');
    return c.json(await services.stats.impact(), 200);
  });
  return app;
}
