import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import {
  CapacityFullError,
  ConflictError,
  ForbiddenError,
  IdempotencyKeyReuseError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnauthorizedError,
  ValidationError,
} from '../domain/errors';
import { problemHandler, toProblem } from './problem';

describe('problem mapping', () => {
  it.each([
    [new ValidationError('bad', [{ field: 'name', message: 'too short' }]), 400, 'validation'],
    [new UnauthorizedError('who'), 401, 'unauthorized'],
    [new ForbiddenError('no'), 403, 'forbidden'],
    [new NotFoundError('gone'), 404, 'not-found'],
    [new CapacityFullError('full'), 409, 'capacity-full'],
    [new ConflictError('state'), 409, 'conflict'],
    [new PayloadTooLargeError('big'), 413, 'payload-too-large'],
    [new IdempotencyKeyReuseError('again'), 422, 'idempotency-key-reuse'],
    [new ServiceUnavailableError('busy'), 503, 'unavailable'],
  ])('maps %s to %i', (error, status, type) => {
    const problem = toProblem(error);
    expect(problem?.status).toBe(status);
    expect(problem?.type).toMatch(new RegExp(`/${type}$`));
    expect(problem?.detail).toBe(error.message);
  });

  it('lists the failing fields of a ValidationError', () => {
    expect(
      toProblem(new ValidationError('bad', [{ field: 'province', message: 'unknown' }]))?.errors,
    ).toEqual([{ field: 'province', message: 'unknown' }]);
  });

  it('keeps Hono’s own client errors (malformed JSON) at their 4xx status', () => {
    expect(toProblem(new HTTPException(400, { message: 'Malformed JSON in request body' }))?.status).toBe(
      400,
    );
  });

  it('answers unknown errors with a plain 500 that leaks nothing', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = await problemHandler(new Error('password=hunter2'), {} as never);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.text()).not.toContain('hunter2');
    } finally {
      console.error = original;
    }
  });
});
