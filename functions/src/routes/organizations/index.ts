import { createRoute } from '@hono/zod-openapi';
import { Organization, OrganizationCreate, OrganizationPatch } from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, IdParam, idempotencyHeader, json, problems } from '../../http/openapi';

const tags = ['Organizations'];

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary:
    'Create the caller’s organization (role corporate, university or community; kind follows the role)',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(OrganizationCreate) },
  responses: { 201: json(Organization, 'Created'), ...problems },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'An organization with its track record',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(Organization), ...problems },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change the caller’s own organization',
  security: bearer,
  request: { params: IdParam, body: body(OrganizationPatch) },
  responses: { 200: json(Organization), ...problems },
});

export function organizationRoutes(services: Services) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(create, async (c) =>
    c.json(await services.organizations.create(caller(c), c.req.valid('json')), 201),
  );
  app.openapi(get, async (c) =>
    c.json(await services.organizations.get(caller(c), c.req.valid('param').id), 200),
  );
  app.openapi(patch, async (c) =>
    c.json(await services.organizations.update(caller(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
