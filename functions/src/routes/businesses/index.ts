import { createRoute } from '@hono/zod-openapi';
import { Business, BusinessCreate, BusinessPatch } from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, IdParam, idempotencyHeader, json, problems } from '../../http/openapi';

const tags = ['UMKM'];

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create the caller’s UMKM profile (role business, one per account)',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(BusinessCreate) },
  responses: { 201: json(Business, 'Created'), ...problems },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A UMKM profile',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(Business), ...problems },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change the caller’s own UMKM profile',
  security: bearer,
  request: { params: IdParam, body: body(BusinessPatch) },
  responses: { 200: json(Business), ...problems },
});

export function businessRoutes(services: Services) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(create, async (c) =>
    c.json(await services.businesses.create(caller(c), c.req.valid('json')), 201),
  );
  app.openapi(get, async (c) =>
    c.json(await services.businesses.get(caller(c), c.req.valid('param').id), 200),
  );
  app.openapi(patch, async (c) =>
    c.json(await services.businesses.update(caller(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
