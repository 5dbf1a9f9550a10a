import type {
  IndexDelta,
  OfferIndex,
  PreparedOffer,
  PreparedRequest,
  RequestIndex,
} from '@sinergi/shared/matching';
import type { OfferType } from '@sinergi/shared/schemas';
import type { Change, ChangePlan } from '@sinergi/shared/workflow';
import type {
  Account,
  Business,
  BusinessSnapshot,
  Offer,
  Organization,
  OrganizationSnapshot,
  Page,
  PageRequest,
  PartnershipRecord,
  PartnershipRequest,
} from './model';

/**
 * The storage port: everything the domain needs from the database, in the domain's words. The
 * DynamoDB adapter (store/dynamo-repository.ts) implements it; counters and guards that must change
 * together with an object are the adapter's business and happen in the same transaction.
 *
 * Errors: a failed precondition surfaces as a named domain error (ConflictError, CapacityFullError,
 * NotFoundError); throttling that outlasts the retries as ServiceUnavailableError.
 */
export interface Repository {
  getAccount(userId: string): Promise<Account | undefined>;
  /** Creates the account if it does not exist yet; an existing one is left as it is. */
  ensureAccount(account: Account): Promise<void>;

  /** Stores a new business and links it to its owner's account. ConflictError if the account has one. */
  createBusiness(business: Business): Promise<void>;
  getBusiness(id: string): Promise<Business | undefined>;
  /** Writes `next` if the stored item is still `previous` (by updatedAt); ConflictError otherwise. */
  updateBusiness(next: Business, previous: Business): Promise<void>;

  createOrganization(organization: Organization): Promise<void>;
  getOrganization(id: string): Promise<Organization | undefined>;
  updateOrganization(next: Organization, previous: Organization): Promise<void>;

  createOffer(offer: Offer): Promise<void>;
  getOffer(id: string): Promise<Offer | undefined>;
  /**
   * Writes the changed fields of an offer. A capacity change moves `remaining` by the same amount,
   * atomically, and fails with ConflictError if slots taken meanwhile make it impossible.
   */
  updateOffer(
    id: string,
    changes: Partial<Offer>,
    expected: { capacity: number; updatedAt: string },
  ): Promise<Offer>;
  /** Closes an open offer (it leaves the open-offers index). Returns false if it was already closed. */
  closeOffer(offer: Offer, now: string): Promise<boolean>;
  /** Every open offer of a type (all pages). */
  listOpenOffers(type: OfferType): Promise<Offer[]>;
  /** One page of open offers of the given types (in that order), optionally serving a province. */
  pageOpenOffers(types: readonly OfferType[], page: PageRequest, province?: string): Promise<Page<Offer>>;
  /** One page of an organization's offers, open and closed, newest first. */
  pageOffersOfOrganization(organizationId: string, page: PageRequest): Promise<Page<Offer>>;
  /** Every offer of an organization (all pages), for refreshing snapshots. */
  listOffersOfOrganization(organizationId: string): Promise<Offer[]>;
  setOfferOrganization(
    offerId: string,
    organization: OrganizationSnapshot,
    track: Offer['track'],
  ): Promise<void>;

  getRequest(id: string): Promise<PartnershipRequest | undefined>;
  updateRequest(
    id: string,
    changes: Partial<PartnershipRequest>,
    expectedUpdatedAt: string,
  ): Promise<PartnershipRequest>;
  listOpenRequests(type: OfferType): Promise<PartnershipRequest[]>;
  pageRequestsOfBusiness(businessId: string, page: PageRequest): Promise<Page<PartnershipRequest>>;
  listRequestsOfBusiness(businessId: string): Promise<PartnershipRequest[]>;
  setRequestBusiness(requestId: string, business: BusinessSnapshot): Promise<void>;

  /**
   * Writes a change plan of the workflow (shared/src/workflow) as one transaction: every change or none.
   * A change whose condition fails is reported as PlanConflictError naming it, with its object as it
   * is now, so the domain explains the failure with that change's guards.
   */
  writePlan(plan: ChangePlan): Promise<void>;
  getPartnership(id: string): Promise<PartnershipRecord | undefined>;
  pagePartnershipsOfUser(
    userId: string,
    side: 'business' | 'organization',
    page: PageRequest,
    status?: PartnershipRecord['status'],
  ): Promise<Page<PartnershipRecord>>;

  /** Every counter of the STATS partition as `dimension#value` → count. */
  readCounters(): Promise<Map<string, number>>;
}

/** A change of a plan whose condition failed when it was written, and its object as it is now. */
export class PlanConflictError extends Error {
  override readonly name = 'PlanConflictError';
  constructor(
    readonly change: Change,
    readonly current: unknown,
    options?: ErrorOptions,
  ) {
    super(`change ${change.name} failed its condition`, options);
  }
}

/**
 * What a ranking over a catalogue reads: an index of its prepared items as they were (shared/matching
 * catalog-index.ts) and, when some changed since, the delta that brings it to the view's items.
 */
export interface RankingState<P, I> {
  readonly index: I;
  readonly delta?: IndexDelta<P>;
}

/** The catalogue of one kind and type as of one version: items and their prepared forms, index for index. */
export interface CatalogView<T, P, I = never> {
  /** The sum of the shard versions it reflects (-1: read afresh, no version). */
  readonly version: number;
  readonly items: readonly T[];
  readonly prepared: readonly P[];
  get(id: string): T | undefined;
  /** Warm catalogues only: the items indexed for ranking (read afresh, they are simply scanned). */
  readonly ranking?: RankingState<P, I>;
}

/**
 * What match and candidate reads rank against: the open offers and open requests of a type, at least
 * as new as a consistent version read made by the call (functions/src/catalog).
 */
export interface MatchCatalogs {
  /** The type may be a promise (of the request being read): the version is read in parallel with it. */
  offers(type: OfferType | PromiseLike<OfferType>): Promise<CatalogView<Offer, PreparedOffer, OfferIndex>>;
  requests(
    type: OfferType | PromiseLike<OfferType>,
  ): Promise<CatalogView<PartnershipRequest, PreparedRequest, RequestIndex>>;
  /**
   * Warm catalogues only: an open request (or offer) the catalogue already holds, at least as new as a
   * version read made by the call, with its prepared form; undefined when it holds none (then read it).
   */
  openRequest?(id: string): Promise<Held<PartnershipRequest, PreparedRequest> | undefined>;
  openOffer?(id: string): Promise<Held<Offer, PreparedOffer> | undefined>;
}

/** An item a warm catalogue holds, and its prepared form. */
export interface Held<T, P> {
  readonly item: T;
  readonly prepared: P;
}

/** A stored idempotent response. */
export interface IdempotencyRecord {
  requestHash: string;
  state: 'in_progress' | 'done';
  response?: { status: number; body: string; contentType: string };
}

/**
 * The idempotency port: one record per (user, key), expiring after 24 h. A claim is a lease of
 * `leaseSeconds` held under a fencing token: its holder renews it while the request runs, and every later
 * write to the record (renew, complete, release) is conditioned on the token, so an attempt whose claim
 * was taken over can never overwrite the answer of the one that holds it now.
 */
export interface IdempotencyStore {
  /** Claims the key for this request; returns the existing record instead if someone holds it. */
  begin(
    userId: string,
    key: string,
    requestHash: string,
    leaseSeconds: number,
  ): Promise<{ claimed: true; token: string } | { claimed: false; record: IdempotencyRecord }>;
  get(userId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Extends the lease; false when the claim is no longer this token's. */
  renew(userId: string, key: string, token: string, leaseSeconds: number): Promise<boolean>;
  /** Stores the answer; false when the claim is no longer this token's (nothing is written then). */
  complete(
    userId: string,
    key: string,
    token: string,
    response: NonNullable<IdempotencyRecord['response']>,
  ): Promise<boolean>;
  /** Forgets a claim whose request failed on our side, so a retry can run it again (only the holder's). */
  release(userId: string, key: string, token: string): Promise<void>;
}
