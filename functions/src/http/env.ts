import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { UnauthorizedError } from '../domain/errors';
import type { Identity } from '../domain/model';
import { validationHook } from './validation';

/** Hono's environment for every route: the caller's identity, when a valid token came with the request. */
export interface AppEnv {
  Variables: { identity?: Identity };
}

/** A sub-app whose invalid input becomes a 400 problem listing the fields. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** The caller, or 401. */
export function caller(c: Context<AppEnv>): Identity {
  const identity = c.get('identity');
  if (!identity) throw new UnauthorizedError('sign in first: send Authorization: Bearer <token>');
  return identity;
}
