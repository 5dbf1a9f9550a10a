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
 * | counter shard     | `STATS`                 | `<dimension>#<value>#<shard>` |                                                  |                                          |
 * | seed marker       | `SEED#<version>`        | `SEED`                 |                                                  |                                          |
 * | idempotency record| `IDEMPOTENCY#<userId>#<key>` | `IDEMPOTENCY`     |                                                  |                                          |
 * | allocation round  | `ROUND#<id>`            | `ROUND`                |                                                  | `ROUNDS#<type>` / `<createdAt>#<id>`     |
 * | round assignments | `ROUND#<id>`            | `PAGE#<00000>` (500 per page) |                                           |                                          |
 * | stated preference | `PREFS#<type>`          | `REQUEST#<id>` / `OFFER#<id>` |                                           |                                          |
 * | round proposal due| `LAPSE`                 | `<dueAt>#<partnershipId>` |                                               |                                          |
 * | catalogue shard   | `CATALOG`               | `<offers\|requests>#SHARD#<k>` (`version`, k < CATALOG_SHARDS) |            |                                          |
 * | catalogue change  | `CHANGES#<offers\|requests>#<k>` | `<version, 10 digits>` (`ids`, `at`, TTL `expiresAt`) |           |                                          |
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

  /** The warm catalogues' version shards and change log (see CATALOG_SHARDS, store/catalog-log.ts). */
  catalogShard: (kind: CatalogKind, shard: number) => ({ PK: 'CATALOG', SK: `${kind}#SHARD#${shard}` }),
  catalogChange: (kind: CatalogKind, shard: number, version: number) => ({
    PK: `CHANGES#${kind}#${shard}`,
    SK: catalogChangeSk(version),
  }),

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

/**
 * The warm catalogues (functions/src/catalog): what match reads rank (`offers`) and what candidate reads
 * rank (`requests`), each over every type. Every write that changes what a catalogue shows bumps ONE of
 * its `CATALOG_SHARDS` version items (chosen at random, `version = v → v+1` conditioned on `v`) and puts
 * the change-log entry `v+1` of that shard naming the changed ids, in the write's own transaction. So
 * each shard's log is gapless, no item takes every write, and a reader learns everything that changed
 * with one Query of the shards (both catalogues' in one partition: one read serves a match read, which
 * needs both) and one Query per shard that moved. Entries expire after a day (TTL);
 * a reader that finds a gap reloads cold.
 */
export type CatalogKind = 'offers' | 'requests';
export const CATALOG_KINDS: readonly CatalogKind[] = ['offers', 'requests'];
export const CATALOG_SHARDS = 8;
export const CATALOG_CHANGE_TTL_SECONDS = 24 * 60 * 60;
/** A change-log sort key: the version, zero-padded so the log sorts by it. */
export const catalogChangeSk = (version: number) => String(version).padStart(10, '0');

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
  catalog: 'CATALOG',
  catalogChanges: (kind: CatalogKind, shard: number) => `CHANGES#${kind}#${shard}`,
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
 * Shards per counter. A counter (`dimension#value`) is up to COUNTER_SHARDS items `<dimension>#<value>#<n>`,
 * each carrying a `count`, changed in the same transaction as the write it counts: shard 0 on the first
 * attempt, a shard drawn at random on a retry after a conflict (plan-writer.ts `bump`). On DynamoDB two
 * transactions on one item conflict, and a burst on one counter item turned into 503s
 * (tests/faults/burst.integ.test.ts); spilled, the burst's writes rarely meet again, while a counter that
 * never met a burst stays one item, so the stats read stays small. /api/stats/* read every shard with one
 * Query and sum them: the totals stay exact. One partition
 * takes every counter write, fine up to ~1,000 writes/s (the partition's limit), far above this workload.
 */
export const COUNTER_SHARDS = 16;

/** The item of shard `shard` of a counter. */
export const counterShard = (counter: { PK: string; SK: string }, shard: number) => ({
  PK: counter.PK,
  SK: `${counter.SK}#${shard}`,
});

/** The counter (`dimension#value`; a value may hold '#') a STATS item belongs to, whichever shard it is. */
export const counterOf = (sk: string) => sk.slice(0, sk.lastIndexOf('#'));

/** The counters of the STATS partition (each one logical counter, stored in COUNTER_SHARDS shards). */
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
 * Every read and write the API makes, by name. Writes that change what a warm catalogue shows carry
 * its record in the same transaction (+2 items: a shard's version, a change-log entry): offer creation,
 * edits, closing and slot changes (propose, accept, decline, lapse, cancel); request creation, edits,
 * and status changes (accept, close, cancel-active). The adapter tags each DynamoDB call with one of these
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
    key: 'OFFER#<id> (+GSI1, GSI2), 1 counter, the offers’ catalogue record',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  updateOffer: {
    op: 'TransactWriteItems',
    key: 'OFFER#<id> / OFFER (+GSI1, GSI2 copies), the offers’ catalogue record; then a getOffer',
    cost: '16 WCU (DynamoDB Local reports 16 for every transaction; AWS: 2 per item ≤ 1 KB)',
    maxCapacity: 16,
  },
  closeOffer: {
    op: 'TransactWriteItems',
    key: 'OFFER#<id> (leaves GSI1), 1 counter, the offers’ catalogue record',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  refreshOfferOrganization: {
    op: 'TransactWriteItems',
    key: 'OFFER#<id> and the offers’ catalogue record, once per offer of the organization',
    cost: '16 WCU each',
    maxCapacity: 16,
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
    key: 'REQUEST#<id> (+GSI1, GSI2), BUSINESS#<id> openRequests_<type>+1 if below LIMITS.openRequestsPerType, the requests’ catalogue record',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  updateRequest: {
    op: 'TransactWriteItems',
    key: 'REQUEST#<id> / REQUEST, the requests’ catalogue record; then a getRequest',
    cost: '16 WCU',
    maxCapacity: 16,
  },
  closeRequest: {
    op: 'TransactWriteItems',
    key: 'REQUEST#<id> (leaves GSI1), BUSINESS#<id> openRequests_<type>-1, and its pending proposals withdrawn',
    // The transaction grows by 3 items per withdrawn proposal (at most LIMITS.pendingProposals).
    cost: '16 WCU; 16-24 WCU with one withdrawal (DynamoDB Local), more with more',
    maxCapacity: 24,
  },
  refreshRequestSnapshot: {
    op: 'TransactWriteItems',
    key: 'REQUEST#<id> and the requests’ catalogue record, once per request of the business',
    cost: '16 WCU each',
    maxCapacity: 16,
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
    key: 'STATS (every counter item: ~460 counters, most of them province × type and × size class; more shards where bursts spilled)',
    cost: '0.5-1 RCU (the fixtures); ~5 RCU with every counter in use, more after bursts spilled to other shards',
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
  readCatalogVersions: {
    op: 'Query',
    key: 'CATALOG (the CATALOG_SHARDS version items of both catalogues, consistent)',
    cost: '1 RCU',
    maxCapacity: 1,
  },
  readCatalogShard: {
    op: 'GetItem',
    key: 'CATALOG / <kind>#SHARD#<k> (consistent; a writer without a guess of its version)',
    cost: '1 RCU',
    maxCapacity: 1,
  },
  readCatalogChanges: {
    op: 'Query',
    key: 'CHANGES#<kind>#<k>, SK > the version held (consistent, one page)',
    cost: '1 RCU per 4 KB (~100 entries)',
    maxCapacity: 64,
  },
  readCatalogItems: {
    op: 'BatchGetItem',
    key: 'OFFER#<id> or REQUEST#<id>, the ids a change named (consistent, ≤100 per call)',
    cost: '1 RCU per item',
    maxCapacity: 200,
  },
  loadCatalogPage: {
    op: 'Query',
    index: 'GSI1',
    key: 'OPEN_OFFERS#<type> or OPEN_REQUESTS#<type>, one 1 MB page (a cold instance)',
    cost: '≤ 128 RCU per page (eventually consistent)',
    maxCapacity: 128,
  },
} as const satisfies Record<
  string,
  { op: string; index?: string; key: string; cost: string; maxCapacity: number }
>;

export type AccessPatternName = keyof typeof ACCESS_PATTERNS;
