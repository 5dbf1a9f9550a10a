import type { Hono } from 'hono';
import { healthRoute } from '../routes/health/doc';
import { type AppEnv, router } from './env';
import type { LazyGroup } from './lazy';

/**
 * The OpenAPI 3.1 document of the API (`GET /api/openapi.json`), from the route definitions of every
 * group (built for it, if no request has built them yet), in the order they are mounted.
 */
export async function openApiDocument(groups: readonly LazyGroup[]) {
  const doc = router();
  doc.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Cognito JWT on AWS; locally a token from POST /api/auth/dev-login',
  });
  // The health check is a plain route (no input); its definition is registered as a group's would be.
  const health = router();
  health.openAPIRegistry.registerPath(healthRoute);
  doc.route('/health', health);
  for (const group of groups) doc.route(group.prefix, (await group.app()) as Hono<AppEnv>);
  return doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Sinergi API',
      version: '1.0.0',
      description:
        'Partnership matching for Indonesian UMKM with corporates (mentorship), universities (internships) and community distributors. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/api' }],
  });
}
