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
 * | request           | `REQUEST#<id>`          | `REQUEST`              | `OPEN_REQUESTS#<type>` / `<createdAt>#<id>` (open only, sparse) | `OWNER#<businessId>` / `REQUEST#<createdAt>#<id>` |
 * | partnership       | `PARTNERSHIP#<id>`      | `PARTNERSHIP`          | `PARTY#<umkmUserId>` / `PARTNERSHIP#<createdAt>#<id>` | `PARTY#<partnerUserId>` / `PARTNERSHIP#<createdAt>#<id>` |
 * | pair guard        | `PAIR#<requestId>#<offerId>` | `PAIR`            |                                                  |                                          |
 * | feedback          | `PARTNERSHIP#<id>`      | `FEEDBACK#<userId>`    |                                                  |                                          |
 * | counter           | `STATS`                 | `<dimension>#<value>`  |                                                  |                                          |
 * | idempotency record| `IDEMPOTENCY#<userId>#<key>` | `IDEMPOTENCY`     |                                                  |                                          |
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

export type OfferType = 'mentorship' | 'internship' | 'distribution';

/** Every key shape. Ids are opaque strings without '#'. */
export const keys = {
  account: (userId: string) => ({ PK: `USER#${userId}`, SK: 'ACCOUNT' }),
  business: (id: string) => ({ PK: `BUSINESS#${id}`, SK: 'PROFILE' }),
  organization: (id: string) => ({ PK: `ORG#${id}`, SK: 'PROFILE' }),
  offer: (id: string) => ({ PK: `OFFER#${id}`, SK: 'OFFER' }),
  request: (id: string) => ({ PK: `REQUEST#${id}`, SK: 'REQUEST' }),
  partnership: (id: string) => ({ PK: `PARTNERSHIP#${id}`, SK: 'PARTNERSHIP' }),
  feedback: (partnershipId: string, userId: string) => ({
    PK: `PARTNERSHIP#${partnershipId}`,
    SK: `FEEDBACK#${userId}`,
  }),
  pair: (requestId: string, offerId: string) => ({ PK: `PAIR#${requestId}#${offerId}`, SK: 'PAIR' }),
  counter: (dimension: string, value: string) => ({ PK: 'STATS', SK: `${dimension}#${value}` }),
  idempotency: (userId: string, key: string) => ({ PK: `IDEMPOTENCY#${userId}#${key}`, SK: 'IDEMPOTENCY' }),

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

/** Partition values for Queries (the same strings the key builders write). */
export const partitions = {
  openOffers: (type: OfferType) => `OPEN_OFFERS#${type}`,
  openRequests: (type: OfferType) => `OPEN_REQUESTS#${type}`,
  owner: (ownerId: string) => `OWNER#${ownerId}`,
  party: (userId: string) => `PARTY#${userId}`,
  stats: 'STATS',
} as const;
