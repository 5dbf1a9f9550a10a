import type { Problem as SharedProblem } from '@sinergi/shared/schemas';
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  CapacityFullError,
  ConflictError,
  type DomainError,
  ForbiddenError,
  IdempotencyInProgressError,
  IdempotencyKeyReuseError,
  LimitExceededError,
  NotEligibleError,
  NotFoundError,
  PairDeclinedError,
  PayloadTooLargeError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
  ValidationError,
} from '../domain/errors';
import { isTransientStoreError } from '../store/client';

/**
 * An RFC 9457 problem document, the shape of `Problem` in @sinergi/shared/schemas: `errors` lists the
 * failing fields of invalid input, `limit` names a cap that was reached, `whyNot` the hard filter.
 */
export type Problem = SharedProblem;

export const PROBLEM_TYPE_BASE = 'https://sinergi.id/problems/';

/** Each named error's status, title and problem type; the first matching class wins (subclasses first). */
const MAPPING: [new (...args: never[]) => DomainError, number, string, string][] = [
  [ValidationError, 400, 'Data tidak valid / Invalid request', 'validation'],
  [UnauthorizedError, 401, 'Perlu masuk / Unauthorized', 'unauthorized'],
  [ForbiddenError, 403, 'Tidak diizinkan / Forbidden', 'forbidden'],
  [NotFoundError, 404, 'Tidak ditemukan / Not Found', 'not-found'],
  [CapacityFullError, 409, 'Kuota penuh / No slot left', 'capacity-full'],
  [LimitExceededError, 409, 'Batas tercapai / Limit reached', 'limit-exceeded'],
  [PairDeclinedError, 409, 'Pernah ditolak / Declined before', 'declined-before'],
  [IdempotencyInProgressError, 409, 'Sedang diproses / Request in progress', 'idempotency-in-progress'],
  [ConflictError, 409, 'Konflik / Conflict', 'conflict'],
  [NotEligibleError, 422, 'Tidak memenuhi syarat / Not eligible', 'not-eligible'],
  [PayloadTooLargeError, 413, 'Data terlalu besar / Payload Too Large', 'payload-too-large'],
  [
    IdempotencyKeyReuseError,
    422,
    'Idempotency-Key dipakai ulang / Idempotency-Key reused',
    'idempotency-key-reuse',
  ],
  [RateLimitedError, 429, 'Terlalu banyak permintaan / Too Many Requests', 'rate-limited'],
  [ServiceUnavailableError, 503, 'Layanan sibuk / Service Unavailable', 'unavailable'],
];

export function problemResponse(problem: Problem, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** The problem document for an error, or undefined for an unknown one. Pure, so it is unit-tested. */
export function toProblem(error: unknown): Problem | undefined {
  for (const [cls, status, title, type] of MAPPING) {
    if (error instanceof cls) {
      return {
        type: PROBLEM_TYPE_BASE + type,
        title,
        status,
        detail: error.message,
        ...(error instanceof ValidationError && error.errors.length > 0 ? { errors: error.errors } : {}),
        ...(error instanceof LimitExceededError ? { limit: error.limit } : {}),
        ...(error instanceof NotEligibleError
          ? { whyNot: error.whyNot, errors: [{ field: 'offerId', message: error.whyNot.reason.id }] }
          : {}),
      };
    }
  }
  if (isTransientStoreError(error)) {
    // DynamoDB's 5xx, a timeout or a network error: the request was fine, the store was not. Retry.
    return toProblem(new ServiceUnavailableError('the database did not answer in time; retry shortly'));
  }
  if (isClientAbort(error)) {
    // The client stopped sending its body (Node's IncomingMessage 'aborted'): its mistake, not ours.
    return {
      type: `${PROBLEM_TYPE_BASE}validation`,
      title: 'Data tidak lengkap / Incomplete request',
      status: 400,
      detail: 'the request body ended before its declared length',
    };
  }
  if (error instanceof HTTPException) {
    // Hono's own: malformed JSON (400), body limit (413) and the like. Never a 5xx from a client mistake.
    return {
      type: 'about:blank',
      title: error.message || 'HTTP error',
      status: error.status,
      ...(error.status === 400 ? { detail: error.message } : {}),
    };
  }
  return undefined;
}

function isClientAbort(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return e?.code === 'ECONNRESET' && e.message === 'aborted';
}

/** The one place errors become HTTP. Unknown errors are logged with their cause and leak nothing. */
export const problemHandler: ErrorHandler = (error) => {
  const problem = toProblem(error);
  if (problem) {
    if (error instanceof RateLimitedError)
      return problemResponse(problem, {
        'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))),
      });
    return problemResponse(problem, problem.status === 503 ? { 'retry-after': '1' } : undefined);
  }
  console.error('unhandled error', error);
  return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
};

export function notFoundResponse(path: string): Response {
  return problemResponse({
    type: `${PROBLEM_TYPE_BASE}not-found`,
    title: 'Tidak ditemukan / Not Found',
    status: 404,
    detail: path,
  });
}
