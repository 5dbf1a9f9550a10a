import { createRoute } from '@hono/zod-openapi';
import type { DevLoginResponse as DevLoginResult } from '@sinergi/shared/schemas';
import { DevLoginBody, DevLoginResponse, Me } from '@sinergi/shared/schemas';
import type { Services } from '../../domain';
import { caller, router } from '../../http/env';
import { requireSignIn } from '../../http/identity';
import { bearer, body, json, problems } from '../../http/openapi';

const tags = ['Sign-in'];

const devLogin = createRoute({
  method: 'post',
  path: '/dev-login',
  tags,
  summary: 'Local development only: sign in as a role; the same (role, name) is always the same account',
  request: { body: body(DevLoginBody) },
  responses: { 200: json(DevLoginResponse), ...problems },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The caller and the profile they own',
  security: bearer,
  middleware: [requireSignIn()] as const,
  responses: { 200: json(Me), ...problems },
});

/** `login` is given only when AUTH_MODE=local; otherwise dev-login does not exist (404). */
export function authRoutes(services: Services, login?: (input: DevLoginBody) => Promise<DevLoginResult>) {
  const app = router();
  if (login) app.openapi(devLogin, async (c) => c.json(await login(c.req.valid('json')), 200));
  app.openapi(me, async (c) => c.json(await services.accounts.me(caller(c)), 200));
  return app;
}
