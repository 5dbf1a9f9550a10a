import { createRoute } from '@hono/zod-openapi';
import {
  CandidateList,
  MatchQuery,
  Offer,
  OfferCreate,
  OfferListQuery,
  OfferPage,
  OfferPatch,
} from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, IdParam, idempotencyHeader, json, problems } from '../../http/openapi';

const tags = ['Offers'];

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Post an offer for the caller’s organization: mentorship, internship programme or distribution',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(OfferCreate) },
  responses: { 201: json(Offer, 'Created'), ...problems },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Open offers by type and province, or every offer of one organization; cursor-paged',
  security: bearer,
  request: { query: OfferListQuery },
  responses: { 200: json(OfferPage), ...problems },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'An offer with its capacity and remaining slots',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(Offer), ...problems },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change the caller’s own open offer',
  security: bearer,
  request: { params: IdParam, body: body(OfferPatch) },
  responses: { 200: json(Offer), ...problems },
});

const close = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Close the caller’s own offer (it leaves matching); closing a closed offer changes nothing',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(Offer), ...problems },
});

const candidates = createRoute({
  method: 'get',
  path: '/{id}/candidates',
  tags,
  summary:
    'Open requests ranked for one of the caller’s offers (UMKM candidates), with score parts and reasons',
  security: bearer,
  request: { params: IdParam, query: MatchQuery },
  responses: { 200: json(CandidateList), ...problems },
});

export function offerRoutes(services: Services) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(create, async (c) => c.json(await services.offers.create(caller(c), c.req.valid('json')), 201));
  app.openapi(list, async (c) => c.json(await services.offers.list(caller(c), c.req.valid('query')), 200));
  app.openapi(get, async (c) => c.json(await services.offers.get(caller(c), c.req.valid('param').id), 200));
  app.openapi(patch, async (c) =>
    c.json(await services.offers.update(caller(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(close, async (c) =>
    c.json(await services.offers.close(caller(c), c.req.valid('param').id), 200),
  );
  app.openapi(candidates, async (c) =>
    c.json(
      await services.matching.candidatesForOffer(caller(c), c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
  );
  return app;
}
