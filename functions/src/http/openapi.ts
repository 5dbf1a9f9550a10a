import { Problem } from '@sinergi/shared/schemas';
import { z } from 'zod';

/** `{ content: { 'application/json': { schema } } }` with a description, for createRoute. */
export function json<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A JSON request body (required). */
export function body<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

const problem = (description: string) =>
  ({ description, content: { 'application/problem+json': { schema: Problem } } }) as const;

/** The problem answers every route may give, by status. */
export const problems = {
  400: problem('Invalid input; `errors` lists the fields'),
  401: problem('No valid token'),
  403: problem('Not allowed for this role or account'),
  404: problem('Not found (or not yours)'),
  409: problem('Conflict with the current state (e.g. no slot left)'),
  413: problem('Body too large'),
  422: problem('Idempotency-Key reused with a different request'),
  503: problem('Database busy; retry'),
} as const;

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be an id'),
});

/** Routes that need a signed-in caller. */
export const bearer = [{ bearerAuth: [] }];

export const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(255).optional().meta({
    description: 'Repeat a POST safely: the same key and body return the same answer for 24 h',
  }),
});
