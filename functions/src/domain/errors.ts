/**
 * The named errors the domain and the storage adapter throw. They carry no HTTP: http/problem.ts maps
 * each one to a status in one place.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {}

/** The input breaks a rule a schema cannot express, or a schema itself (fields listed). */
export class ValidationError extends DomainError {
  override readonly name: string = 'ValidationError';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** No valid credentials. */
export class UnauthorizedError extends DomainError {
  override readonly name: string = 'UnauthorizedError';
}

/** Authenticated, but this role or account may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name: string = 'ForbiddenError';
}

/** The object does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  override readonly name: string = 'NotFoundError';
}

/** The object's state does not allow the operation (already accepted, offer closed, profile exists...). */
export class ConflictError extends DomainError {
  override readonly name: string = 'ConflictError';
}

/** The offer has no slot left. */
export class CapacityFullError extends ConflictError {
  override readonly name: string = 'CapacityFullError';
}

/** An Idempotency-Key reused with a different request. */
export class IdempotencyKeyReuseError extends DomainError {
  override readonly name: string = 'IdempotencyKeyReuseError';
}

/** A request with the same Idempotency-Key is still being processed. */
export class IdempotencyInProgressError extends ConflictError {
  override readonly name: string = 'IdempotencyInProgressError';
}

/** The request body is larger than the API accepts. */
export class PayloadTooLargeError extends DomainError {
  override readonly name: string = 'PayloadTooLargeError';
}

/** The caller used up its rate limit (RATE_LIMITS); it may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  override readonly name: string = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The database is throttling or kept conflicting after retries; safe to retry later. */
export class ServiceUnavailableError extends DomainError {
  override readonly name: string = 'ServiceUnavailableError';
}

/** A named cap (a key of LIMITS) was reached: the problem names it and its value. */
export class LimitExceededError extends ConflictError {
  override readonly name: string = 'LimitExceededError';
  constructor(
    message: string,
    readonly limit: { name: string; value: number },
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The partner declined this request before: it cannot be proposed to that offer again. */
export class PairDeclinedError extends ConflictError {
  override readonly name: string = 'PairDeclinedError';
}

/** A hard filter of the matching core excludes the pair; `whyNot` is the match list's "why not". */
export class NotEligibleError extends DomainError {
  override readonly name: string = 'NotEligibleError';
  constructor(
    message: string,
    readonly whyNot: { filter: string; reason: { id: string; en: string } },
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
