import { createRoute } from '@hono/zod-openapi';
import {
  FeedbackCreate,
  Partnership,
  PartnershipCreate,
  PartnershipListQuery,
  PartnershipPage,
} from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, IdParam, idempotencyHeader, json, problems } from '../../http/openapi';

const tags = ['Partnerships'];

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary:
    'Propose one of the caller’s open requests to an offer: 422 not-eligible with the match list’s whyNot when a hard filter excludes the pair; 409 when the request is matched or closed, the partner declined it before (declined-before), or a named limit is reached (limit-exceeded: 10 waiting per request, 200 per offer)',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(PartnershipCreate) },
  responses: { 201: json(Partnership, 'Proposed'), ...problems },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The caller’s partnerships (either side), newest first; cursor-paged',
  security: bearer,
  request: { query: PartnershipListQuery },
  responses: { 200: json(PartnershipPage), ...problems },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A partnership (its two parties only)',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(Partnership), ...problems },
});

const action = (name: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `/{id}/${name}`,
    tags,
    summary,
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(Partnership), ...problems },
  });

const accept = action(
  'accept',
  'Accept a proposal (the offer’s owner); takes one slot (409 when none is left), marks the request matched and withdraws its other proposals, atomically',
);
const decline = action(
  'decline',
  'Decline a proposal (the offer’s owner); remembered: the request cannot be proposed to this offer again',
);
const cancel = action(
  'cancel',
  'Cancel (either side); an active partnership gives its slot back and reopens its request',
);
const complete = action('complete', 'Mark an active partnership completed (either side)');

const feedback = createRoute({
  method: 'post',
  path: '/{id}/feedback',
  tags,
  summary:
    'Rate a completed partnership once per side (409 otherwise); the UMKM’s rating builds the partner’s track record',
  security: bearer,
  request: { params: IdParam, body: body(FeedbackCreate) },
  responses: { 200: json(Partnership), ...problems },
});

export function partnershipRoutes(services: Services) {
  const app = router();
  const p = services.partnerships;
  app.use('*', requireSignIn());
  app.openapi(create, async (c) => c.json(await p.propose(caller(c), c.req.valid('json')), 201));
  app.openapi(list, async (c) => c.json(await p.listMine(caller(c), c.req.valid('query')), 200));
  app.openapi(get, async (c) => c.json(await p.get(caller(c), c.req.valid('param').id), 200));
  app.openapi(accept, async (c) => c.json(await p.accept(caller(c), c.req.valid('param').id), 200));
  app.openapi(decline, async (c) => c.json(await p.decline(caller(c), c.req.valid('param').id), 200));
  app.openapi(cancel, async (c) => c.json(await p.cancel(caller(c), c.req.valid('param').id), 200));
  app.openapi(complete, async (c) => c.json(await p.complete(caller(c), c.req.valid('param').id), 200));
  app.openapi(feedback, async (c) =>
    c.json(await p.feedback(caller(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
