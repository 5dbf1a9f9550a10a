import { createRoute } from '@hono/zod-openapi';
import { RoundCreate, RoundResult } from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, idempotencyHeader, json, problems } from '../../http/openapi';

const run = createRoute({
  method: 'post',
  path: '/',
  tags: ['Allocation rounds'],
  summary:
    'Admins: allocate the open requests of a type to the free slots of its open offers (stable; free = remaining − pending proposals; requests already waiting for an answer are skipped) and store the proposals',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(RoundCreate) },
  responses: { 200: json(RoundResult, 'The round (nothing stored when dryRun)'), ...problems },
});

export function roundRoutes(services: Services) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(run, async (c) =>
    c.json(await services.matching.runRound(caller(c), c.req.valid('json')), 200),
  );
  return app;
}
