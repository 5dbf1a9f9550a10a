import { createRoute } from '@hono/zod-openapi';
import {
  MatchList,
  MatchQuery,
  PartnershipRequest,
  RequestCreate,
  RequestListQuery,
  RequestPage,
  RequestPatch,
} from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, IdParam, idempotencyHeader, json, problems } from '../../http/openapi';

const tags = ['Partnership requests'];

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary:
    'File a partnership request for the caller’s UMKM (409 limit-exceeded beyond 5 not closed of one type: LIMITS.openRequestsPerType)',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(RequestCreate) },
  responses: { 201: json(PartnershipRequest, 'Created'), ...problems },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The caller’s own requests, newest first; cursor-paged',
  security: bearer,
  request: { query: RequestListQuery },
  responses: { 200: json(RequestPage), ...problems },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One of the caller’s requests (admins: any)',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(PartnershipRequest), ...problems },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change one of the caller’s open requests',
  security: bearer,
  request: { params: IdParam, body: body(RequestPatch) },
  responses: { 200: json(PartnershipRequest), ...problems },
});

const close = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary:
    'Close one of the caller’s requests: it leaves matching, its proposals waiting for an answer are withdrawn; a matched one is not reopened if its partnership is cancelled',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(PartnershipRequest), ...problems },
});

const matches = createRoute({
  method: 'get',
  path: '/{id}/matches',
  tags,
  summary:
    'Open offers ranked for one of the caller’s requests, with score parts and reasons; ?explain=excluded adds why not',
  security: bearer,
  request: { params: IdParam, query: MatchQuery },
  responses: { 200: json(MatchList), ...problems },
});

export function requestRoutes(services: Services) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(create, async (c) =>
    c.json(await services.requests.create(caller(c), c.req.valid('json')), 201),
  );
  app.openapi(list, async (c) =>
    c.json(await services.requests.listMine(caller(c), c.req.valid('query')), 200),
  );
  app.openapi(get, async (c) => c.json(await services.requests.get(caller(c), c.req.valid('param').id), 200));
  app.openapi(patch, async (c) =>
    c.json(await services.requests.update(caller(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(close, async (c) =>
    c.json(await services.requests.close(caller(c), c.req.valid('param').id), 200),
  );
  app.openapi(matches, async (c) =>
    c.json(
      await services.matching.matchesForRequest(caller(c), c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
  );
  return app;
}
