import { createRoute } from '@hono/zod-openapi';
import {
  OfferPreferenceBody,
  RequestPreferenceBody,
  RoundAssignmentPage,
  RoundAssignmentPageQuery,
  RoundJob,
  RoundJobCreate,
  RoundJobList,
  RoundListQuery,
} from '@sinergi/shared/schemas';
import { z } from 'zod';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, IdParam, idempotencyHeader, json, problems } from '../../http/openapi';
import { assignmentsCsv, impactCsv, withReasons } from './present';

const run = createRoute({
  method: 'post',
  path: '/',
  tags: ['Allocation rounds'],
  summary:
    'Admins: queue an allocation round of one type (objective default `stable`; answers 202 with its id at once; poll GET /rounds/{id}). Without `dryRun: true` the finished round proposes at once; a dry run waits for POST /rounds/{id}/confirm',
  security: bearer,
  request: { headers: idempotencyHeader, body: body(RoundJobCreate) },
  responses: { 202: json(RoundJob, 'The queued round'), ...problems },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Allocation rounds'],
  summary: 'Admins: past rounds of a type, newest first',
  security: bearer,
  request: { query: RoundListQuery },
  responses: { 200: json(RoundJobList), ...problems },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Allocation rounds'],
  summary: 'Admins: a round: status, progress, seed and, when done, its summary',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(RoundJob), ...problems },
});

const assignments = createRoute({
  method: 'get',
  path: '/{id}/assignments',
  tags: ['Allocation rounds'],
  summary: 'Admins: one page (500) of a finished round’s assignments, each with its reasons',
  security: bearer,
  request: { params: IdParam, query: RoundAssignmentPageQuery },
  responses: { 200: json(RoundAssignmentPage), ...problems },
});

const confirm = createRoute({
  method: 'post',
  path: '/{id}/confirm',
  tags: ['Allocation rounds'],
  summary:
    'Admins: turn a finished round into proposed partnerships, once (a repeat answers the same); 409 if the open requests, offers or preferences changed since it ran',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(RoundJob), ...problems },
});

const requestPreference = createRoute({
  method: 'put',
  path: '/preferences/requests/{id}',
  tags: ['Allocation rounds'],
  summary: 'UMKM: shortlist and order offers for one of your requests (and decline some) ahead of a round',
  security: bearer,
  request: { params: IdParam, body: body(RequestPreferenceBody) },
  responses: { 200: json(RequestPreferenceBody), ...problems },
});

const offerPreference = createRoute({
  method: 'put',
  path: '/preferences/offers/{id}',
  tags: ['Allocation rounds'],
  summary: 'Partners: approve or reject candidates for one of your offers ahead of a round',
  security: bearer,
  request: { params: IdParam, body: body(OfferPreferenceBody) },
  responses: { 200: json(OfferPreferenceBody), ...problems },
});

const lapse = createRoute({
  method: 'post',
  path: '/lapse',
  tags: ['Allocation rounds'],
  summary:
    'Admins: lapse now the round proposals left unanswered past the programme window (a timer does this locally, a schedule in AWS)',
  security: bearer,
  responses: { 200: json(z.object({ lapsed: z.number().int() })), ...problems },
});

/** A CSV export of a finished round: documented, so the fuzzer and the authorization matrix reach it. */
const csvRoute = (path: '/{id}/assignments.csv' | '/{id}/impact.csv', summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Allocation rounds'],
    summary,
    security: bearer,
    request: { params: IdParam },
    responses: {
      200: {
        description: 'CSV, UTF-8 with a byte-order mark (spreadsheet programs read Indonesian names right)',
        content: { 'text/csv': { schema: z.string() } },
      },
      ...problems,
    },
  });
const assignmentsCsvRoute = csvRoute(
  '/{id}/assignments.csv',
  'Admins: a round’s assignments as CSV (UMKM, province, offer, fit and reasons)',
);
const impactCsvRoute = csvRoute('/{id}/impact.csv', 'Admins: a round’s placements by province as CSV');

const csvHeaders = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}"`,
});

export function roundRoutes(services: Services) {
  const app = router();
  app.use('*', requireSignIn());
  app.openapi(run, async (c) => {
    const round = await services.rounds.create(caller(c), c.req.valid('json'));
    return c.json(RoundJob.parse(round), 202);
  });
  app.openapi(lapse, async (c) => c.json({ lapsed: await services.rounds.lapseNow(caller(c)) }, 200));
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const items = await services.rounds.list(caller(c), q.type, q.limit);
    return c.json({ items: items.map((r) => RoundJob.parse(r)) }, 200);
  });
  app.openapi(requestPreference, async (c) => {
    const pref = await services.rounds.setRequestPreference(
      caller(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ shortlist: pref.shortlist, declined: pref.declined }, 200);
  });
  app.openapi(offerPreference, async (c) => {
    const pref = await services.rounds.setOfferPreference(
      caller(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ approved: pref.approved, rejected: pref.rejected }, 200);
  });
  // CSV exports (UTF-8 with a byte-order mark, so spreadsheet programs read Indonesian names right).
  app.openapi(assignmentsCsvRoute, async (c) => {
    const { round, items } = await services.rounds.allAssignments(caller(c), c.req.valid('param').id);
    return c.body(assignmentsCsv(items), 200, csvHeaders(`round-${round.id}-assignments.csv`));
  });
  app.openapi(impactCsvRoute, async (c) => {
    const { round, items } = await services.rounds.allAssignments(caller(c), c.req.valid('param').id);
    return c.body(impactCsv(round, items), 200, csvHeaders(`round-${round.id}-impact.csv`));
  });
  app.openapi(get, async (c) =>
    c.json(RoundJob.parse(await services.rounds.get(caller(c), c.req.valid('param').id)), 200),
  );
  app.openapi(assignments, async (c) => {
    const page = await services.rounds.assignments(
      caller(c),
      c.req.valid('param').id,
      c.req.valid('query').page,
    );
    return c.json({ items: page.items.map(withReasons), page: page.page, pages: page.pages }, 200);
  });
  app.openapi(confirm, async (c) =>
    c.json(RoundJob.parse(await services.rounds.confirm(caller(c), c.req.valid('param').id)), 200),
  );
  return app;
}
