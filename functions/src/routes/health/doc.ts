import { createRoute } from '@hono/zod-openapi';
import { Health } from '@sinergi/shared/schemas';
import { json } from '../../http/openapi';

/** `GET /api/health` in the OpenAPI document (the route itself: ./index.ts). */
export const healthRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Health'],
  summary: 'Whether the API reaches its table (public; measured at most once per cache window)',
  responses: { 200: json(Health), 503: json(Health, 'The table is not reachable') },
});
