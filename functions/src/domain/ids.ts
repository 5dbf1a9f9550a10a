import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { ConflictError } from './errors';

/** Opaque, URL-safe, 96 random bits. */
export const randomId = () => randomBytes(12).toString('base64url');

const scope = new AsyncLocalStorage<{ seed: string; drawn: number }>();

/**
 * Runs `work` with ids derived from `seed` (the caller, its Idempotency-Key and the request's hash):
 * the n-th id drawn inside is the same in every attempt of that request. An attempt that outlives its
 * claim (a frozen process) and the retry that took the claim over therefore create the SAME object;
 * the store's "must not exist" condition lets only the first write it, and the other answers with it.
 */
export function withDerivedIds<T>(seed: string, work: () => Promise<T>): Promise<T> {
  return scope.run({ seed, drawn: 0 }, work);
}

/** An id source that derives ids inside withDerivedIds and falls back to `base` outside it. */
export function derivedOr(base: () => string): () => string {
  return () => {
    const s = scope.getStore();
    if (!s) return base();
    s.drawn++;
    return createHash('sha256')
      .update(`${s.seed}\n${s.drawn}`)
      .digest()
      .subarray(0, 12)
      .toString('base64url');
  };
}

/** Runs `work` outside any derived-id scope (background work started by a request, e.g. a round). */
export function withoutDerivedIds<T>(work: () => T): T {
  return scope.exit(work);
}

/**
 * A creation whose id may already have been written by an earlier attempt of the same request (ids
 * derive from its Idempotency-Key, see withDerivedIds): when the write is refused as a conflict and the
 * object with this id exists and is the caller's, that object is the answer. With a random id the object
 * cannot exist beforehand, so any other conflict stays what it was.
 */
export async function createdOnce<T>(
  write: () => Promise<T>,
  existing: () => Promise<T | undefined>,
  mine: (found: T) => boolean,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const found = await existing();
    if (found !== undefined && mine(found)) return found;
    throw error;
  }
}
