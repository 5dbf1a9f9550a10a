/**
 * The API's bounds, limits and enumerations as plain values, without zod: what the function's start-up
 * path (body limit, rate limits, token roles) and infra need, so they import no schema to read them.
 * `common.ts` re-exports all of it; the schemas are built from these.
 */

export const LIMITS = {
  name: 120,
  title: 160,
  city: 80,
  description: 2000,
  note: 1000,
  comment: 1000,
  tag: 80,
  tags: 30,
  languages: 10,
  capacity: 10_000,
  pageSize: 100,
  defaultPageSize: 20,
  matches: 100,
  defaultMatches: 20,
  /** Excluded ("why not") entries in one page of a match or candidate answer. */
  excluded: 100,
  defaultExcluded: 20,
  /**
   * Proposals one request may have waiting for an answer at once. Accepting one withdraws the others in
   * the same DynamoDB transaction (3 items each, at most 100 per transaction), so this bounds it.
   */
  pendingProposals: 10,
  /**
   * Proposals one offer may have waiting for its answer at once, so no one can fill an offer's queue and
   * starve allocation rounds (a round only gives an offer its slots no proposal waits for).
   */
  pendingProposalsPerOffer: 200,
  /** Requests one business may have not closed (open or matched) per partnership type. */
  openRequestsPerType: 5,
  /** Bytes of a JSON request body. */
  body: 64 * 1024,
} as const;

/**
 * Per-user rate limits, the one place they are named (token buckets: `burst` calls at once, refilled at
 * `perSecond`). The API enforces them per function instance (functions/src/http/rate-limit.ts) and
 * answers 429 with `Retry-After`; the HTTP API's route throttles in CDK (infra/) are meant to import
 * `HTTP_API_THROTTLES` from here so the edge and the app agree.
 * - `write`: every POST, PUT, PATCH and DELETE of a signed-in user.
 * - `matchRead`: `GET /requests/{id}/matches` and `GET /offers/{id}/candidates` (the costly reads).
 */
export const RATE_LIMITS = {
  write: { perSecond: 2, burst: 30 },
  matchRead: { perSecond: 10, burst: 60 },
} as const;
export type RateLimitClass = keyof typeof RATE_LIMITS;
export type RateLimits = Record<RateLimitClass, { readonly perSecond: number; readonly burst: number }>;

/**
 * Whole-API throttles for the HTTP API's stage and matching routes (all users together, per second):
 * the backstop when many function instances each keep their own per-user buckets.
 */
export const HTTP_API_THROTTLES = {
  default: { rateLimit: 500, burstLimit: 1000 },
  matchRoutes: { rateLimit: 300, burstLimit: 600 },
} as const;

export const OFFER_TYPES = ['mentorship', 'internship', 'distribution'] as const;
export const ROLES = ['business', 'corporate', 'university', 'community', 'admin'] as const;

/** Roles that own an organization. */
export const ORGANIZATION_KINDS = ['corporate', 'university', 'community'] as const;
