/**
 * The one DynamoDB table: its definition and every key shape. Nothing else in the repo builds a key.
 *
 * Used by the DynamoDB adapter (functions/src/store), the local bootstrap (functions/src/local) and the
 * CDK stack (infra/), so the table that runs on a laptop is the table that runs on AWS.
 *
 * ## Single-table design
 *
 * | entity            | PK                      | SK                     | GSI1PK / GSI1SK                                  | GSI2PK / GSI2SK                          |
 * |-------------------|-------------------------|------------------------|--------------------------------------------------|------------------------------------------|
 * | account           | `USER#<userId>`         | `ACCOUNT`              |                                                  |                                          |
 * | business (UMKM)   | `BUSINESS#<id>`         | `PROFILE`              |                                                  |                                          |
 * | organization      | `ORG#<id>`              | `PROFILE`              |                                                  |                                          |
 * | offer             | `OFFER#<id>`            | `OFFER`                | `OPEN_OFFERS#<type>` / `<createdAt>#<id>` (open only, sparse) | `OWNER#<orgId>` / `OFFER#<createdAt>#<id>` |
 * | request           | `REQUEST#<id>`          | `REQUEST`              | `OPEN_REQUESTS#<type>` / `<createdAt>#<id>` (open only, sparse; not while matched or closed) | `OWNER#<businessId>` / `REQUEST#<createdAt>#<id>` |
 * | partnership       | `PARTNERSHIP#<id>`      | `PARTNERSHIP`          | `PARTY#<umkmUserId>` / `PARTNERSHIP#<createdAt>#<id>` | `PARTY#<partnerUserId>` / `PARTNERSHIP#<createdAt>#<id>` |
 * | pair guard        | `PAIR#<requestId>#<offerId>` | `PAIR` (`state` live or declined) |                                                  |                                          |
 * | counter           | `STATS`                 | `<dimension>#<value>`  |                                                  |                                          |
 * | seed marker       | `SEED#<version>`        | `SEED`                 |                                                  |                                          |
 * | idempotency record| `IDEMPOTENCY#<userId>#<key>` | `IDEMPOTENCY`     |                                                  |                                          |
 * | allocation round  | `ROUND#<id>`            | `ROUND`                |                                                  | `ROUNDS#<type>` / `<createdAt>#<id>`     |
 * | round assignments | `ROUND#<id>`            | `PAGE#<00000>` (500 per page) |                                           |                                          |
 * | stated preference | `PREFS#<type>`          | `REQUEST#<id>` / `OFFER#<id>` |                                           |                                          |
 * | round proposal due| `LAPSE`                 | `<dueAt>#<partnershipId>` |                                               |                                          |
 *
 * GSI1 is sparse: an offer or request carries GSI1 keys only while it is open, so "all open offers of a
 * type" is one Query that never reads closed items. GSI2 groups what one owner (or one party) has.
 * Both project ALL attributes, so list and match reads need no follow-up GetItem.
 *
 * ## Named access patterns (each is a GetItem, a Query or a transaction; never a Scan)
 *
 * See ACCESS_PATTERNS below: every route's reads are one of these, and storage.integ.test.ts measures
 * their consumed capacity with ReturnConsumedCapacity.
 */

import type { OfferType } from '@sinergi/shared/schemas';

export const TABLE_NAME_DEFAULT = 'sinergi';

/** Attribute names of the keys. */
export const KEY = {
  pk: 'PK',
  sk: 'SK',
  gsi1pk: 'GSI1PK',
  gsi1sk: 'GSI1SK',
  gsi2pk: 'GSI2PK',
  gsi2sk: 'GSI2SK',
  /** Epoch seconds; DynamoDB's TTL deletes expired idempotency records. */
  ttl: 'expiresAt',
} as const;

export const INDEX = { byTypeOpen: 'GSI1', byOwner: 'GSI2' } as const;

/**
 * The table's definition in plain data: the local bootstrap turns it into a CreateTable call and the
 * CDK stack into a `dynamodb.TableV2`. On-demand billing: traffic is spiky (rounds, seasons).
 */
export const TABLE_DEFINITION = {
  partitionKey: KEY.pk,
  sortKey: KEY.sk,
  billing: 'PAY_PER_REQUEST',
  timeToLiveAttribute: KEY.ttl,
  globalSecondaryIndexes: [
    { indexName: INDEX.byTypeOpen, partitionKey: KEY.gsi1pk, sortKey: KEY.gsi1sk, projection: 'ALL' },
    { indexName: INDEX.byOwner, partitionKey: KEY.gsi2pk, sortKey: KEY.gsi2sk, projection: 'ALL' },
  ],
} as const;

export type { OfferType };

/** Every key shape. Ids are opaque strings without '#'. */
export const keys = {
  account: (userId: string) => ({ PK: `USER#${userId}`, SK: 'ACCOUNT' }),
  business: (id: string) => ({ PK: `BUSINESS#${id}`, SK: 'PROFILE' }),
  organization: (id: string) => ({ PK: `ORG#${id}`, SK: 'PROFILE' }),
  offer: (id: string) => ({ PK: `OFFER#${id}`, SK: 'OFFER' }),
  request: (id: string) => ({ PK: `REQUEST#${id}`, SK: 'REQUEST' }),
  partnership: (id: string) => ({ PK: `PARTNERSHIP#${id}`, SK: 'PARTNERSHIP' }),
  pair: (requestId: string, offerId: string) => ({ PK: `PAIR#${requestId}#${offerId}`, SK: 'PAIR' }),
  counter: (dimension: string, value: string) => ({ PK: 'STATS', SK: `${dimension}#${value}` }),
  idempotency: (userId: string, key: string) => ({ PK: `IDEMPOTENCY#${userId}#${key}`, SK: 'IDEMPOTENCY' }),
  /** Written by the demo seed when it has finished, so later starts skip it. */
  seedMarker: (version: string) => ({ PK: `SEED#${version}`, SK: 'SEED' }),

  /** Allocation rounds (issue 11): the round, its assignment pages, stated preferences, lapses. */
  round: (id: string) => ({ PK: `ROUND#${id}`, SK: 'ROUND' }),
  roundList: (type: OfferType, createdAt: string, id: string) => ({
    GSI2PK: `ROUNDS#${type}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  roundPage: (id: string, page: number) => ({
    PK: `ROUND#${id}`,
    SK: `PAGE#${String(page).padStart(5, '0')}`,
  }),
  requestPreference: (type: OfferType, requestId: string) => ({
    PK: `PREFS#${type}`,
    SK: `REQUEST#${requestId}`,
  }),
  offerPreference: (type: OfferType, offerId: string) => ({ PK: `PREFS#${type}`, SK: `OFFER#${offerId}` }),
  lapse: (dueAt: string, partnershipId: string) => ({ PK: 'LAPSE', SK: `${dueAt}#${partnershipId}` }),

  /** GSI1 keys an open offer carries; removed when it closes. */
  openOffer: (type: OfferType, createdAt: string, id: string) => ({
    GSI1PK: `OPEN_OFFERS#${type}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  openRequest: (type: OfferType, createdAt: string, id: string) => ({
    GSI1PK: `OPEN_REQUESTS#${type}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  offerOwner: (orgId: string, createdAt: string, id: string) => ({
    GSI2PK: `OWNER#${orgId}`,
    GSI2SK: `OFFER#${createdAt}#${id}`,
  }),
  requestOwner: (businessId: string, createdAt: string, id: string) => ({
    GSI2PK: `OWNER#${businessId}`,
    GSI2SK: `REQUEST#${createdAt}#${id}`,
  }),
  /** A partnership is listed for both parties: the UMKM's user on GSI1, the partner's user on GSI2. */
  partnershipParties: (umkmUserId: string, partnerUserId: string, createdAt: string, id: string) => ({
    GSI1PK: `PARTY#${umkmUserId}`,
    GSI1SK: `PARTNERSHIP#${createdAt}#${id}`,
    GSI2PK: `PARTY#${partnerUserId}`,
    GSI2SK: `PARTNERSHIP#${createdAt}#${id}`,
  }),
} as const;

/**
 * A request's proposals waiting for an answer live on the request item itself, as the string set
 * `liveProposals` with one `<partnershipId>@<offerId>` entry each: proposing adds one in the proposal's
 * transaction, declining or cancelling removes it in theirs. So accepting one proposal knows every other
 * one without a read, and withdraws them in the accept's transaction (see acceptPartnership).
 */
export const LIVE_PROPOSALS = 'liveProposals';
export const proposalRef = {
  of: (partnershipId: string, offerId: string) => `${partnershipId}@${offerId}`,
  parse: (ref: string) => {
    const at = ref.indexOf('@');
    return { partnershipId: ref.slice(0, at), offerId: ref.slice(at + 1) };
  },
} as const;

/** Offers whose partner declined a request: a string set on the request item, added by the decline. */
export const DECLINED_OFFERS = 'declinedOffers';

/** The number of a business's requests of one type that are not closed (LIMITS.openRequestsPerType). */
export const businessRequestCount = (type: OfferType) => `openRequests_${type}`;
export const BUSINESS_REQUEST_COUNT_PREFIX = 'openRequests_';

/** The pair guard's states: `live` (a proposed or active partnership) or `declined` (for good). */
export const PAIR_STATE = { live: 'live', declined: 'declined' } as const;

/**
 * Every condition a write puts on an item, by name. Placeholders: `#status` is `status`, values are
 * named after what they hold. The change-plan translator (plan-writer.ts) and the repositories compose
 * them with AND.
 */
export const CONDITIONS = {
  absent: 'attribute_not_exists(PK)',
  exists: 'attribute_exists(PK)',
  statusIs: '#status = :from',
  open: '#status = :open',
  pairFreeOrMine: 'attribute_not_exists(PK) OR partnershipId = :partnershipId',
  notRatedBySide: 'attribute_not_exists(#feedback)',
  completed: '#status = :completed',
  hasSlot: 'remaining > :zero',
  freeSlot: '(attribute_not_exists(pendingProposals) OR pendingProposals < remaining)',
  offerPendingBelow: '(attribute_not_exists(pendingProposals) OR pendingProposals < :maxPending)',
  slotTaken: 'remaining < #capacity',
  requestPendingBelow: `(attribute_not_exists(${LIVE_PROPOSALS}) OR size(${LIVE_PROPOSALS}) < :maxProposals)`,
  noPending: `attribute_not_exists(${LIVE_PROPOSALS})`,
  countBelow: '(attribute_not_exists(#count) OR #count < :below)',
  sameUpdatedAt: 'updatedAt = :expected',
  sameCapacity: '#capacity = :capacity',
  remainingAtLeast: 'remaining >= :needed',
  /** The province and size-class counters move with a profile: both must still be as read. */
  sameProvinceAndSize: 'province = :previousProvince AND sizeClass = :previousSizeClass',
  notLinked: 'attribute_not_exists(#field)',
} as const;

/** Sort-key prefix of partnerships in a party's partition. */
export const partnershipPrefix = 'PARTNERSHIP#';

/** Partition values for Queries (the same strings the key builders write). */
export const partitions = {
  openOffers: (type: OfferType) => `OPEN_OFFERS#${type}`,
  openRequests: (type: OfferType) => `OPEN_REQUESTS#${type}`,
  owner: (ownerId: string) => `OWNER#${ownerId}`,
  party: (userId: string) => `PARTY#${userId}`,
  stats: 'STATS',
  rounds: (type: OfferType) => `ROUNDS#${type}`,
  round: (id: string) => `ROUND#${id}`,
  preferences: (type: OfferType) => `PREFS#${type}`,
  lapse: 'LAPSE',
} as const;

/** Attribute names of each index's keys, for validating pagination cursors against the index read. */
export const INDEX_KEYS = {
  table: [KEY.pk, KEY.sk],
  [INDEX.byTypeOpen]: [KEY.pk, KEY.sk, KEY.gsi1pk, KEY.gsi1sk],
  [INDEX.byOwner]: [KEY.pk, KEY.sk, KEY.gsi2pk, KEY.gsi2sk],
} as const;

/** Sort-key prefixes inside an owner's GSI2 partition. */
export const ownerPrefixes = { offer: 'OFFER#', request: 'REQUEST#' } as const;

/**
 * The counter items of the STATS partition. Each carries `dimension`, `value` and `count`; they change
 * in the same transaction as the write they count, and /api/stats/* read them with one Query.
 * One partition takes every counter write: fine up to ~1,000 writes/s, far above this workload; shard
 * the partition (`STATS#<n>`, summed on read) if that ever changes.
 */
export const counters = {
  businesses: () => keys.counter('businesses', 'all'),
  organizations: (kind: string) => keys.counter('organizations', kind),
  openOffers: (type: OfferType) => keys.counter('openOffers', type),
  businessesInProvince: (province: string) => keys.counter('businessesInProvince', province),
  /** Accepted partnerships (active or completed); a cancelled active one is taken back out. */
  partnerships: () => keys.counter('partnerships', 'all'),
  partnershipsInProvince: (province: string) => keys.counter('partnershipsInProvince', province),
  partnershipsOfType: (type: OfferType) => keys.counter('partnershipsOfType', type),
  partnershipsOfSize: (sizeClass: string) => keys.counter('partnershipsOfSize', sizeClass),
  /** Per province and offer type, and per province and size class: the admin's filtered map and table. */
  partnershipsInProvinceOfType: (province: string, type: OfferType) =>
    keys.counter('partnershipsInProvinceOfType', `${province}#${type}`),
  partnershipsInProvinceOfSize: (province: string, sizeClass: string) =>
    keys.counter('partnershipsInProvinceOfSize', `${province}#${sizeClass}`),
  /** Registered UMKM per province and size class: the denominator of the size-filtered rate. */
  businessesInProvinceOfSize: (province: string, sizeClass: string) =>
    keys.counter('businessesInProvinceOfSize', `${province}#${sizeClass}`),
} as const;

export type CounterDimension =
  | 'businesses'
  | 'organizations'
  | 'openOffers'
  | 'businessesInProvince'
  | 'partnerships'
  | 'partnershipsInProvince'
  | 'partnershipsOfType'
  | 'partnershipsOfSize'
  | 'partnershipsInProvinceOfType'
  | 'partnershipsInProvinceOfSize'
  | 'businessesInProvinceOfSize';

/**
 * Every read and write the API makes, by name. The adapter tags each DynamoDB call with one of these
 * names, so consumed capacity is reported per pattern (storage.integ.test.ts measures them and fails
 * on any Scan). `cost` is the measured consumed capacity on DynamoDB Local with the test fixtures
 * (items of ~1 KB; RCU figures are strongly consistent unless noted); see functions/README.md.
 */
export const ACCESS_PATTERNS = {
  getAccount: { op: 'GetItem', key: 'USER#<userId> / ACCOUNT', cost: '1 RCU', maxCapacity: 1 },
  ensureAccount: { op: 'PutItem', key: 'USER#<userId> / ACCOUNT if absent', cost: '1 WCU', maxCapacity: 1 },
  getBusiness: { op: 'GetItem', key: 'BUSINESS#<id> / PROFILE', cost: '1 RCU', maxCapacity: 1 },
  createBusiness: {
    op: 'TransactWriteItems',
    key: 'BUSINESS#<id>, USER#<userId> (link, one per account), 3 counters',
    cost: '5 WCU',
    maxCapacity: 5,
  },
  updateBusiness: {
    op: 'TransactWriteItems',
    key: 'BUSINESS#<id> (+2 counters when the province moves, +2 when the province or size class moves)',
    cost: '2-5 WCU',
    maxCapacity: 5,
  },
  getOrganization: { op: 'GetItem', key: 'ORG#<id> / PROFILE', cost: '1 RCU', maxCapacity: 1 },
  createOrganization: {
    op: 'TransactWriteItems',
    key: 'ORG#<id>, USER#<userId> (link), 1 counter',
    cost: '4 WCU',
    maxCapacity: 4,
  },
  updateOrganization: { op: 'UpdateItem', key: 'ORG#<id> / PROFILE', cost: '1 WCU', maxCapacity: 1 },
  getOffer: { op: 'GetItem', key: 'OFFER#<id> / OFFER', cost: '1 RCU', maxCapacity: 1 },
  createOffer: {
    op: 'TransactWriteItems',
    key: 'OFFER#<id> (+GSI1, GSI2), 1 counter',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  updateOffer: {
    op: 'UpdateItem',
    key: 'OFFER#<id> / OFFER (+GSI1, GSI2 copies)',
    cost: '3 WCU',
    maxCapacity: 3,
  },
  closeOffer: {
    op: 'TransactWriteItems',
    key: 'OFFER#<id> (leaves GSI1), 1 counter',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  refreshOfferOrganization: {
    op: 'UpdateItem',
    key: 'OFFER#<id>, once per offer of the organization',
    cost: '3 WCU each',
    maxCapacity: 3,
  },
  listOpenOffersByType: {
    op: 'Query',
    index: 'GSI1',
    key: 'OPEN_OFFERS#<type>',
    cost: '0.5 RCU per 4 KB read (eventually consistent)',
    maxCapacity: 1,
  },
  listOffersOfOrganization: {
    op: 'Query',
    index: 'GSI2',
    key: 'OWNER#<orgId>, SK begins_with OFFER#',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 1,
  },
  getRequest: { op: 'GetItem', key: 'REQUEST#<id> / REQUEST', cost: '1 RCU', maxCapacity: 1 },
  createRequest: {
    op: 'TransactWriteItems',
    key: 'REQUEST#<id> (+GSI1, GSI2), BUSINESS#<id> openRequests_<type>+1 if below LIMITS.openRequestsPerType',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  updateRequest: { op: 'UpdateItem', key: 'REQUEST#<id> / REQUEST', cost: '3 WCU', maxCapacity: 3 },
  closeRequest: {
    op: 'TransactWriteItems',
    key: 'REQUEST#<id> (leaves GSI1), BUSINESS#<id> openRequests_<type>-1, and its pending proposals withdrawn',
    // The transaction grows by 3 items per withdrawn proposal (at most LIMITS.pendingProposals).
    cost: '16 WCU; 16-24 WCU with one withdrawal (DynamoDB Local), more with more',
    maxCapacity: 24,
  },
  refreshRequestSnapshot: {
    op: 'UpdateItem',
    key: 'REQUEST#<id>, once per request of the business',
    cost: '3 WCU each',
    maxCapacity: 3,
  },
  listOpenRequestsByType: {
    op: 'Query',
    index: 'GSI1',
    key: 'OPEN_REQUESTS#<type>',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 1,
  },
  listRequestsOfBusiness: {
    op: 'Query',
    index: 'GSI2',
    key: 'OWNER#<businessId>, SK begins_with REQUEST#',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 1,
  },
  getPartnership: { op: 'GetItem', key: 'PARTNERSHIP#<id> / PARTNERSHIP', cost: '1 RCU', maxCapacity: 1 },
  proposePartnership: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id> (+GSI1, GSI2), PAIR#<requestId>#<offerId> if absent, REQUEST#<id> if open (adds to liveProposals), OFFER#<id> pendingProposals+1 if open with a slot (rounds: a free slot)',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  acceptPartnership: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id> proposed→active, OFFER#<id> remaining-1 pendingProposals-1 if >0 and open, REQUEST#<id> open→matched (leaves GSI1), 6 counters, the request’s other proposals withdrawn (+ their PAIR deleted, their OFFER pendingProposals-1); after a getRequest',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  declinePartnership: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id>, PAIR becomes declined (for good), REQUEST#<id> leaves liveProposals and adds the offer to declinedOffers, OFFER#<id> pendingProposals-1',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  lapsePartnership: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id> proposed→withdrawn, delete PAIR, REQUEST#<id> leaves liveProposals, OFFER#<id> pendingProposals-1 (a round proposal past its window)',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  cancelPartnership: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id>, delete PAIR, REQUEST#<id> (proposed: leaves liveProposals, OFFER pendingProposals-1; active: matched→open unless closed, back in GSI1, +OFFER slot back, 6 counters, after a getRequest)',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  completePartnership: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id>, delete PAIR',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  addFeedback: {
    op: 'TransactWriteItems',
    key: 'PARTNERSHIP#<id> if completed and not rated by that side (+ORG#<id> rating sums when the UMKM rates)',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  listPartnershipsOfBusinessUser: {
    op: 'Query',
    index: 'GSI1',
    key: 'PARTY#<userId>, SK begins_with PARTNERSHIP#',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 1,
  },
  listPartnershipsOfPartnerUser: {
    op: 'Query',
    index: 'GSI2',
    key: 'PARTY#<userId>, SK begins_with PARTNERSHIP#',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 1,
  },
  readCounters: {
    op: 'Query',
    key: 'STATS (every counter item: at most ~460, most of them province × type and × size class)',
    cost: '0.5-1 RCU (the fixtures); ~5 RCU with every province × type and × size class counted',
    maxCapacity: 1,
  },
  idempotencyBegin: {
    op: 'PutItem',
    key: 'IDEMPOTENCY#<userId>#<key> if absent, expired or abandoned',
    cost: '1 WCU',
    maxCapacity: 1,
  },
  idempotencyGet: {
    op: 'GetItem',
    key: 'IDEMPOTENCY#<userId>#<key> (consistent)',
    cost: '1 RCU',
    maxCapacity: 1,
  },
  idempotencyComplete: {
    op: 'UpdateItem',
    key: 'IDEMPOTENCY#<userId>#<key> (stores the answer)',
    cost: '1-2 WCU',
    maxCapacity: 2,
  },
  idempotencyRenew: {
    op: 'UpdateItem',
    key: 'IDEMPOTENCY#<userId>#<key> (the holder extends its lease while the request runs)',
    cost: '1 WCU',
    maxCapacity: 1,
  },
  idempotencyRelease: {
    op: 'DeleteItem',
    key: 'IDEMPOTENCY#<userId>#<key> after a 5xx',
    cost: '1 WCU',
    maxCapacity: 1,
  },
  describeTable: { op: 'DescribeTable', key: '(health check only)', cost: '0', maxCapacity: 0 },
  putRound: {
    op: 'PutItem',
    key: 'ROUND#<id> / ROUND (+GSI2 ROUNDS#<type>)',
    cost: '1-4 WCU',
    maxCapacity: 8,
  },
  getRound: { op: 'GetItem', key: 'ROUND#<id> / ROUND', cost: '≤ 4 RCU', maxCapacity: 8 },
  updateRound: {
    op: 'UpdateItem',
    key: 'ROUND#<id> / ROUND (status, progress, summary)',
    cost: '1-4 WCU',
    maxCapacity: 8,
  },
  listRoundsByType: {
    op: 'Query',
    index: 'GSI2',
    key: 'ROUNDS#<type>, newest first, one page',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 64,
  },
  putRoundPage: {
    op: 'PutItem',
    key: 'ROUND#<id> / PAGE#<n> (500 assignments)',
    cost: '≤ 64 WCU',
    maxCapacity: 128,
  },
  getRoundPage: { op: 'GetItem', key: 'ROUND#<id> / PAGE#<n>', cost: '≤ 32 RCU', maxCapacity: 64 },
  putPreference: {
    op: 'PutItem',
    key: 'PREFS#<type> / REQUEST#<id> or OFFER#<id>',
    cost: '1-2 WCU',
    maxCapacity: 4,
  },
  listPreferences: {
    op: 'Query',
    key: 'PREFS#<type> (all pages)',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 4096,
  },
  putLapse: { op: 'PutItem', key: 'LAPSE / <dueAt>#<partnershipId>', cost: '1 WCU', maxCapacity: 1 },
  listDueLapses: {
    op: 'Query',
    key: 'LAPSE, SK ≤ now#~ (one page)',
    cost: '0.5 RCU per 4 KB',
    maxCapacity: 64,
  },
  deleteLapse: { op: 'DeleteItem', key: 'LAPSE / <dueAt>#<partnershipId>', cost: '1 WCU', maxCapacity: 1 },
} as const satisfies Record<
  string,
  { op: string; index?: string; key: string; cost: string; maxCapacity: number }
>;

export type AccessPatternName = keyof typeof ACCESS_PATTERNS;
