import type { Role } from '@sinergi/shared/schemas';
import { ForbiddenError, NotFoundError } from './errors';
import type { Identity } from './model';

/** Roles that own an organization (and make offers). */
export const ORGANIZATION_ROLES = ['corporate', 'university', 'community'] as const satisfies readonly Role[];

export function requireRole<R extends Role>(who: Identity, roles: readonly R[], action: string): R {
  if (!(roles as readonly Role[]).includes(who.role)) {
    throw new ForbiddenError(`role ${who.role} may not ${action}`);
  }
  return who.role as R;
}

/** Public profiles and offers: anyone may read them, only the owner may change them (403 for others). */
export function requireOwner(who: Identity, ownerId: string, what: string): void {
  if (who.userId !== ownerId) throw new ForbiddenError(`only the owner may change this ${what}`);
}

/**
 * Private objects (requests, partnerships): someone who is not allowed to see one learns nothing about
 * it, not even that it exists, so the answer is 404 as for an unknown id.
 */
export function hidden(what: string, id: string): NotFoundError {
  return new NotFoundError(`${what} ${id} not found`);
}

export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw hidden(what, id);
  return value;
}

/** A private object its owner (or an admin) may see; anyone else gets the 404 of an unknown id. */
export function ownedOrAdmin<T extends { readonly ownerId: string }>(
  who: Identity,
  value: T | undefined,
  what: string,
  id: string,
): T {
  if (!value || (value.ownerId !== who.userId && who.role !== 'admin')) throw hidden(what, id);
  return value;
}
