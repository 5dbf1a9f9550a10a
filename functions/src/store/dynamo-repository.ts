import { LIMITS, type OfferType, type PendingProposal } from '@sinergi/shared/schemas';
import { CapacityFullError, ConflictError, NotFoundError } from '../domain/errors';
import type {
  Account,
  Business,
  BusinessSnapshot,
  FeedbackSide,
  Offer,
  Organization,
  OrganizationSnapshot,
  Page,
  PageRequest,
  PartnershipRecord,
  PartnershipRequest,
} from '../domain/model';
import type { AllocationGuard, Repository } from '../domain/ports';
import { type CursorState, decodeCursor, encodeCursor, type StartKey } from './cursor';
import { ConditionFailedError, Dynamo, type DynamoOptions, setExpression, type TransactItem } from './dynamo';
import {
  counters,
  INDEX,
  INDEX_KEYS,
  KEY,
  keys,
  LIVE_PROPOSALS,
  ownerPrefixes,
  partitions,
  proposalRef,
} from './table';

type Feedback = NonNullable<NonNullable<PartnershipRecord['feedback']>['fromBusiness']>;

const KEY_ATTRIBUTES = new Set<string>([
  KEY.pk,
  KEY.sk,
  KEY.gsi1pk,
  KEY.gsi1sk,
  KEY.gsi2pk,
  KEY.gsi2sk,
  'entity',
]);

/** The stored item without its keys: the domain object. */
function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(name)) out[name] = value;
  return out as T;
}

/**
 * A stored offer. `pendingProposals` moves in the transactions of its proposals; it is clamped at zero
 * for offers whose proposals predate the counter.
 */
function toOffer(item: Record<string, unknown>): Offer {
  const offer = strip<Offer>(item);
  return { ...offer, pendingProposals: Math.max(0, Number(offer.pendingProposals ?? 0)) };
}

/** One more or one fewer proposal waiting for the offer's answer. */
function pendingOnOffer(offerId: string, delta: 1 | -1): TransactItem {
  return {
    Update: {
      Key: keys.offer(offerId),
      UpdateExpression: 'ADD pendingProposals :delta',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':delta': delta },
    },
  } satisfies TransactItem;
}

/** A stored request: its `liveProposals` set becomes the public `pendingProposals` list. */
function toRequest(item: Record<string, unknown>): PartnershipRequest {
  const { [LIVE_PROPOSALS]: live, ...rest } = strip<Record<string, unknown>>(item);
  const refs = live instanceof Set ? [...(live as Set<string>)] : [];
  return { ...(rest as PartnershipRequest), pendingProposals: refs.sort().map(proposalRef.parse) };
}

/**
 * A condition that holds while a request's `liveProposals` set is exactly `pending` (the same size and
 * every entry in it), so a transaction built from a read of the request fails if a proposal came or
 * went meanwhile.
 */
function sameProposals(pending: readonly PendingProposal[]) {
  if (pending.length === 0) {
    return { condition: `attribute_not_exists(${LIVE_PROPOSALS})`, values: {} };
  }
  const values: Record<string, unknown> = { ':proposalCount': pending.length };
  const parts = [`size(${LIVE_PROPOSALS}) = :proposalCount`];
  pending.forEach((pp, i) => {
    values[`:proposal${i}`] = proposalRef.of(pp.partnershipId, pp.offerId);
    parts.push(`contains(${LIVE_PROPOSALS}, :proposal${i})`);
  });
  return { condition: parts.join(' AND '), values };
}

/** Removes one proposal from its request's `liveProposals` (a no-op if it is not there). */
function leaveRequest(p: PartnershipRecord): TransactItem {
  return {
    Update: {
      Key: keys.request(p.requestId),
      UpdateExpression: `DELETE ${LIVE_PROPOSALS} :ref`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':ref': new Set([proposalRef.of(p.id, p.offerId)]) },
    },
  } satisfies TransactItem;
}

/** How many times a write built from a read of the request is tried before answering 409. */
const REQUEST_READ_ATTEMPTS = 5;

function toPartnership(item: Record<string, unknown>): PartnershipRecord {
  const { feedbackFromBusiness, feedbackFromOrganization, ...rest } = strip<Record<string, unknown>>(item);
  const feedback: NonNullable<PartnershipRecord['feedback']> = {
    ...(feedbackFromBusiness ? { fromBusiness: feedbackFromBusiness as Feedback } : {}),
    ...(feedbackFromOrganization ? { fromOrganization: feedbackFromOrganization as Feedback } : {}),
  };
  return { ...(rest as PartnershipRecord), ...(Object.keys(feedback).length ? { feedback } : {}) };
}

/** Adds `delta` to a counter item, creating it on first use. */
function bump(key: { PK: string; SK: string }, delta: number): TransactItem {
  const [dimension, value] = key.SK.split('#') as [string, string];
  return {
    Update: {
      Key: key,
      UpdateExpression: 'ADD #count :delta SET #dimension = :dimension, #value = :value',
      ExpressionAttributeNames: { '#count': 'count', '#dimension': 'dimension', '#value': 'value' },
      ExpressionAttributeValues: { ':delta': delta, ':dimension': dimension, ':value': value },
    },
  } satisfies TransactItem;
}

function partnershipCounters(p: PartnershipRecord, delta: number): TransactItem[] {
  return [
    bump(counters.partnerships(), delta),
    bump(counters.partnershipsInProvince(p.business.province), delta),
    bump(counters.partnershipsOfType(p.type), delta),
    bump(counters.partnershipsOfSize(p.business.sizeClass), delta),
  ];
}

function releasePair(p: Pick<PartnershipRecord, 'id' | 'requestId' | 'offerId'>): TransactItem {
  return {
    Delete: {
      Key: keys.pair(p.requestId, p.offerId),
      ConditionExpression: 'attribute_not_exists(PK) OR partnershipId = :id',
      ExpressionAttributeValues: { ':id': p.id },
    },
  } satisfies TransactItem;
}

/** The DynamoDB adapter of the storage port: the one table, its keys from table.ts, never a Scan. */
export class DynamoRepository implements Repository {
  private readonly dynamo: Dynamo;

  constructor(options: DynamoOptions) {
    this.dynamo = new Dynamo(options);
  }

  // ---- accounts -------------------------------------------------------------------------------

  async getAccount(userId: string): Promise<Account | undefined> {
    const item = await this.dynamo.get('getAccount', keys.account(userId));
    return item && strip<Account>(item);
  }

  async ensureAccount(account: Account): Promise<void> {
    try {
      await this.dynamo.put('ensureAccount', {
        Item: { ...keys.account(account.userId), entity: 'account', ...account },
        ConditionExpression: 'attribute_not_exists(PK)',
      });
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }

  /** Links a new profile to its owner's account in the same transaction: one profile per account. */
  private linkAccount(
    userId: string,
    role: string,
    field: 'businessId' | 'organizationId',
    id: string,
    now: string,
  ) {
    return {
      Update: {
        Key: keys.account(userId),
        UpdateExpression:
          'SET #field = :id, #role = if_not_exists(#role, :role), userId = :user, createdAt = if_not_exists(createdAt, :now), entity = :entity',
        ConditionExpression: 'attribute_not_exists(#field)',
        ExpressionAttributeNames: { '#field': field, '#role': 'role' },
        ExpressionAttributeValues: {
          ':id': id,
          ':role': role,
          ':user': userId,
          ':now': now,
          ':entity': 'account',
        },
      },
    } satisfies TransactItem;
  }

  // ---- businesses -----------------------------------------------------------------------------

  async createBusiness(business: Business): Promise<void> {
    try {
      await this.dynamo.transact('createBusiness', [
        {
          Put: {
            Item: { ...keys.business(business.id), entity: 'business', ...business },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        this.linkAccount(business.ownerId, 'business', 'businessId', business.id, business.createdAt),
        bump(counters.businesses(), 1),
        bump(counters.businessesInProvince(business.province), 1),
      ]);
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        throw new ConflictError('this account already has a business profile', { cause: error });
      }
      throw error;
    }
  }

  async getBusiness(id: string): Promise<Business | undefined> {
    const item = await this.dynamo.get('getBusiness', keys.business(id));
    return item && strip<Business>(item);
  }

  async updateBusiness(next: Business, previous: Business): Promise<void> {
    const { id: _id, ownerId: _owner, createdAt: _created, ...fields } = next;
    const set = setExpression(fields);
    const items: TransactItem[] = [
      {
        Update: {
          Key: keys.business(next.id),
          UpdateExpression: `SET ${set.parts.join(', ')}`,
          // The province counters move with the profile, so the profile must still be in `previous`'s province.
          ConditionExpression: 'province = :previousProvince',
          ExpressionAttributeNames: set.names,
          ExpressionAttributeValues: { ...set.values, ':previousProvince': previous.province },
        },
      } satisfies TransactItem,
    ];
    if (next.province !== previous.province) {
      items.push(
        bump(counters.businessesInProvince(previous.province), -1),
        bump(counters.businessesInProvince(next.province), 1),
      );
    }
    try {
      await this.dynamo.transact('updateBusiness', items);
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        throw new ConflictError('the profile changed meanwhile; reload and retry', { cause: error });
      }
      throw error;
    }
  }

  // ---- organizations --------------------------------------------------------------------------

  async createOrganization(organization: Organization): Promise<void> {
    try {
      await this.dynamo.transact('createOrganization', [
        {
          Put: {
            Item: { ...keys.organization(organization.id), entity: 'organization', ...organization },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        this.linkAccount(
          organization.ownerId,
          organization.kind,
          'organizationId',
          organization.id,
          organization.createdAt,
        ),
        bump(counters.organizations(organization.kind), 1),
      ]);
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        throw new ConflictError('this account already has an organization', { cause: error });
      }
      throw error;
    }
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    const item = await this.dynamo.get('getOrganization', keys.organization(id));
    return item && strip<Organization>(item);
  }

  async updateOrganization(next: Organization): Promise<void> {
    // Profile fields only: the track record changes concurrently through feedback and must not be overwritten.
    const set = setExpression({
      name: next.name,
      province: next.province,
      city: next.city,
      description: next.description,
      updatedAt: next.updatedAt,
    });
    await this.dynamo.update('updateOrganization', {
      Key: keys.organization(next.id),
      UpdateExpression: `SET ${set.parts.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: set.names,
      ExpressionAttributeValues: set.values,
    });
  }

  // ---- offers ---------------------------------------------------------------------------------

  async createOffer(offer: Offer): Promise<void> {
    await this.dynamo.transact('createOffer', [
      {
        Put: {
          Item: {
            ...keys.offer(offer.id),
            ...keys.openOffer(offer.type, offer.createdAt, offer.id),
            ...keys.offerOwner(offer.organizationId, offer.createdAt, offer.id),
            entity: 'offer',
            ...offer,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      bump(counters.openOffers(offer.type), 1),
    ]);
  }

  async getOffer(id: string): Promise<Offer | undefined> {
    const item = await this.dynamo.get('getOffer', keys.offer(id));
    return item && toOffer(item);
  }

  async updateOffer(
    id: string,
    changes: Partial<Offer>,
    expected: { capacity: number; updatedAt: string },
  ): Promise<Offer> {
    const {
      capacity,
      id: _id,
      remaining: _r,
      pendingProposals: _p,
      status: _s,
      type: _t,
      ownerId: _o,
      ...fields
    } = changes;
    const set = setExpression(fields);
    const values: Record<string, unknown> = {
      ...set.values,
      ':open': 'open',
      ':capacity': expected.capacity,
    };
    let condition = '#status = :open AND #capacity = :capacity';
    if (capacity !== undefined && capacity !== expected.capacity) {
      const delta = capacity - expected.capacity;
      set.parts.push('#capacity = :newCapacity', 'remaining = remaining + :delta');
      values[':newCapacity'] = capacity;
      values[':delta'] = delta;
      // Slots taken since the offer was read must still fit in the new capacity.
      if (delta < 0) {
        condition += ' AND remaining >= :needed';
        values[':needed'] = -delta;
      }
    }
    try {
      const attributes = await this.dynamo.update('updateOffer', {
        Key: keys.offer(id),
        UpdateExpression: `SET ${set.parts.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: { ...set.names, '#status': 'status', '#capacity': 'capacity' },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      });
      return toOffer(attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        throw new ConflictError('the offer changed meanwhile (closed or slots taken); reload and retry', {
          cause: error,
        });
      }
      throw error;
    }
  }

  async closeOffer(offer: Offer, now: string): Promise<boolean> {
    try {
      await this.dynamo.transact('closeOffer', [
        {
          Update: {
            Key: keys.offer(offer.id),
            UpdateExpression: 'SET #status = :closed, updatedAt = :now REMOVE GSI1PK, GSI1SK',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':now': now },
          },
        },
        bump(counters.openOffers(offer.type), -1),
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  async listOpenOffers(type: OfferType): Promise<Offer[]> {
    const items = await this.dynamo.queryAll('listOpenOffersByType', {
      IndexName: INDEX.byTypeOpen,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': partitions.openOffers(type) },
    });
    return items.map(toOffer);
  }

  async pageOpenOffers(
    types: readonly OfferType[],
    page: PageRequest,
    province?: string,
  ): Promise<Page<Offer>> {
    const state: CursorState = page.cursor
      ? decodeCursor(
          page.cursor,
          INDEX_KEYS[INDEX.byTypeOpen],
          (s) => ({ [KEY.gsi1pk]: partitions.openOffers(types[s.partition ?? 0] as OfferType) }),
          types.length,
        )
      : {};
    const items: Offer[] = [];
    let partition = state.partition ?? 0;
    let start: StartKey | undefined = state.key;
    while (partition < types.length) {
      const out = await this.dynamo.query('listOpenOffersByType', {
        IndexName: INDEX.byTypeOpen,
        KeyConditionExpression: 'GSI1PK = :pk',
        ...(province
          ? {
              // Offers that serve the province: listed in it, nationwide, or based there.
              FilterExpression:
                'contains(provinces, :province) OR size(provinces) = :zero OR organization.province = :province',
              ExpressionAttributeValues: {
                ':pk': partitions.openOffers(types[partition] as OfferType),
                ':province': province,
                ':zero': 0,
              },
            }
          : { ExpressionAttributeValues: { ':pk': partitions.openOffers(types[partition] as OfferType) } }),
        ScanIndexForward: false,
        Limit: page.limit - items.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      items.push(...(out.Items ?? []).map(toOffer));
      start = out.LastEvaluatedKey as StartKey | undefined;
      if (start) return { items, nextCursor: encodeCursor({ key: start, partition }) };
      partition++;
      if (items.length >= page.limit) {
        return partition < types.length ? { items, nextCursor: encodeCursor({ partition }) } : { items };
      }
    }
    return { items };
  }

  private async pageOwner<T>(
    owner: string,
    prefix: string,
    pattern: 'listOffersOfOrganization' | 'listRequestsOfBusiness',
    page: PageRequest,
    map: (item: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const state = page.cursor
      ? decodeCursor(page.cursor, INDEX_KEYS[INDEX.byOwner], () => ({
          [KEY.gsi2pk]: partitions.owner(owner),
        }))
      : {};
    const out = await this.dynamo.query(pattern, {
      IndexName: INDEX.byOwner,
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partitions.owner(owner), ':prefix': prefix },
      ScanIndexForward: false,
      Limit: page.limit,
      ...(state.key ? { ExclusiveStartKey: state.key } : {}),
    });
    const items = (out.Items ?? []).map(map);
    return out.LastEvaluatedKey
      ? { items, nextCursor: encodeCursor({ key: out.LastEvaluatedKey as StartKey }) }
      : { items };
  }

  pageOffersOfOrganization(organizationId: string, page: PageRequest): Promise<Page<Offer>> {
    return this.pageOwner(organizationId, ownerPrefixes.offer, 'listOffersOfOrganization', page, toOffer);
  }

  async listOffersOfOrganization(organizationId: string): Promise<Offer[]> {
    const items = await this.dynamo.queryAll('listOffersOfOrganization', {
      IndexName: INDEX.byOwner,
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partitions.owner(organizationId), ':prefix': ownerPrefixes.offer },
    });
    return items.map(toOffer);
  }

  async setOfferOrganization(offerId: string, organization: OrganizationSnapshot, track: Offer['track']) {
    try {
      await this.dynamo.update('refreshOfferOrganization', {
        Key: keys.offer(offerId),
        UpdateExpression: 'SET organization = :organization, track = :track',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: {
          ':organization': organization,
          ':track': { ratingCount: track.ratingCount, ratingSum: track.ratingSum },
        },
      });
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }

  // ---- requests -------------------------------------------------------------------------------

  async createRequest(request: PartnershipRequest): Promise<void> {
    // pendingProposals is read from the liveProposals set, which proposals fill.
    const { pendingProposals: _pending, ...data } = request;
    await this.dynamo.put('createRequest', {
      Item: {
        ...keys.request(request.id),
        ...keys.openRequest(request.type, request.createdAt, request.id),
        ...keys.requestOwner(request.businessId, request.createdAt, request.id),
        entity: 'request',
        ...data,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  async getRequest(id: string): Promise<PartnershipRequest | undefined> {
    const item = await this.dynamo.get('getRequest', keys.request(id));
    return item && toRequest(item);
  }

  async updateRequest(
    id: string,
    changes: Partial<PartnershipRequest>,
    expectedUpdatedAt: string,
  ): Promise<PartnershipRequest> {
    const {
      id: _id,
      type: _t,
      status: _s,
      ownerId: _o,
      businessId: _b,
      business: _snap,
      pendingProposals: _pending,
      ...fields
    } = changes;
    const set = setExpression(fields);
    try {
      const attributes = await this.dynamo.update('updateRequest', {
        Key: keys.request(id),
        UpdateExpression: `SET ${set.parts.join(', ')}`,
        ConditionExpression: '#status = :open AND updatedAt = :expected',
        ExpressionAttributeNames: { ...set.names, '#status': 'status' },
        ExpressionAttributeValues: { ...set.values, ':open': 'open', ':expected': expectedUpdatedAt },
        ReturnValues: 'ALL_NEW',
      });
      return toRequest(attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        throw new ConflictError('the request changed meanwhile; reload and retry', { cause: error });
      }
      throw error;
    }
  }

  async closeRequest(request: PartnershipRequest, now: string): Promise<boolean> {
    let current: PartnershipRequest | undefined = request;
    for (let attempt = 1; ; attempt++) {
      if (!current || current.status === 'closed') return false;
      // A matched request has no proposals waiting; an open one must still have the ones read.
      const same =
        current.status === 'open' ? sameProposals(current.pendingProposals) : { condition: '', values: {} };
      const close = {
        Key: keys.request(current.id),
        UpdateExpression: `SET #status = :closed, updatedAt = :now REMOVE GSI1PK, GSI1SK, ${LIVE_PROPOSALS}`,
        ConditionExpression: `#status = :was${same.condition ? ` AND ${same.condition}` : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':was': current.status,
          ':now': now,
          ...same.values,
        },
      };
      try {
        // Its proposals waiting for an answer can never be accepted now: withdraw them with it.
        if (current.pendingProposals.length === 0) await this.dynamo.update('closeRequest', close);
        else {
          await this.dynamo.transact('closeRequest', [
            { Update: close },
            ...this.withdrawals(current.id, current.pendingProposals, now),
          ]);
        }
        return true;
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (attempt >= REQUEST_READ_ATTEMPTS) {
          throw new ConflictError('the request kept changing; retry', { cause: error });
        }
        // A proposal came or went, or the request is no longer open: read it again.
        current = await this.getRequest(current.id);
      }
    }
  }

  async listOpenRequests(type: OfferType): Promise<PartnershipRequest[]> {
    const items = await this.dynamo.queryAll('listOpenRequestsByType', {
      IndexName: INDEX.byTypeOpen,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': partitions.openRequests(type) },
    });
    return items.map(toRequest);
  }

  pageRequestsOfBusiness(businessId: string, page: PageRequest): Promise<Page<PartnershipRequest>> {
    return this.pageOwner(businessId, ownerPrefixes.request, 'listRequestsOfBusiness', page, toRequest);
  }

  async listRequestsOfBusiness(businessId: string): Promise<PartnershipRequest[]> {
    const items = await this.dynamo.queryAll('listRequestsOfBusiness', {
      IndexName: INDEX.byOwner,
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partitions.owner(businessId), ':prefix': ownerPrefixes.request },
    });
    return items.map(toRequest);
  }

  async setRequestBusiness(requestId: string, business: BusinessSnapshot): Promise<void> {
    try {
      await this.dynamo.update('refreshRequestSnapshot', {
        Key: keys.request(requestId),
        UpdateExpression: 'SET business = :business',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':business': business },
      });
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }

  // ---- partnerships ---------------------------------------------------------------------------

  async proposePartnership(p: PartnershipRecord, allocation?: AllocationGuard): Promise<void> {
    const { feedback: _f, ...data } = p;
    // A round's proposal: the request must be as the round read it (no proposal since), and the offer
    // must keep a free slot, i.e. fewer proposals waiting than slots remaining.
    const same = allocation ? sameProposals(allocation.pendingProposals) : undefined;
    try {
      await this.dynamo.transact('proposePartnership', [
        {
          Put: {
            Item: {
              ...keys.partnership(p.id),
              ...keys.partnershipParties(p.businessOwnerId, p.organizationOwnerId, p.createdAt, p.id),
              entity: 'partnership',
              ...data,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          // The pair guard: one live (proposed or active) partnership per request and offer.
          Put: {
            Item: {
              ...keys.pair(p.requestId, p.offerId),
              entity: 'pair',
              partnershipId: p.id,
              createdAt: p.createdAt,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          // The request must still be open (not matched or closed) and takes the proposal in its set.
          Update: {
            Key: keys.request(p.requestId),
            UpdateExpression: `ADD ${LIVE_PROPOSALS} :ref`,
            ConditionExpression: `#status = :open AND (attribute_not_exists(${LIVE_PROPOSALS}) OR size(${LIVE_PROPOSALS}) < :max)${same ? ` AND ${same.condition}` : ''}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':ref': new Set([proposalRef.of(p.id, p.offerId)]),
              ':open': 'open',
              ':max': LIMITS.pendingProposals,
              ...same?.values,
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        } satisfies TransactItem,
        {
          // The offer must be open with a slot left, and counts one more proposal waiting for it.
          Update: {
            Key: keys.offer(p.offerId),
            UpdateExpression: 'ADD pendingProposals :one',
            ConditionExpression: `#status = :open AND remaining > :zero${allocation ? ' AND (attribute_not_exists(pendingProposals) OR pendingProposals < remaining)' : ''}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':open': 'open' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        } satisfies TransactItem,
      ]);
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        if (error.failed(2)) {
          const status = error.reasons[2]?.Item?.status?.S;
          if (!status) throw new NotFoundError(`request ${p.requestId} not found`, { cause: error });
          if (status !== 'open') throw new ConflictError(`the request is ${status}`, { cause: error });
          if (allocation) {
            throw new ConflictError('the request got a proposal since the round read it', { cause: error });
          }
          throw new ConflictError(
            `a request may have at most ${LIMITS.pendingProposals} proposals waiting for an answer`,
            { cause: error },
          );
        }
        if (error.failed(3)) {
          const offer = error.reasons[3]?.Item;
          if (!offer) throw new NotFoundError(`offer ${p.offerId} not found`, { cause: error });
          if (offer.status?.S !== 'open') throw new ConflictError('the offer is closed', { cause: error });
          if (Number(offer.remaining?.N ?? 0) <= 0) {
            throw new CapacityFullError('the offer has no slot left', { cause: error });
          }
          throw new CapacityFullError('every slot of the offer has a proposal waiting', { cause: error });
        }
        throw new ConflictError('this request and offer already have a live partnership', { cause: error });
      }
      throw error;
    }
  }

  async getPartnership(id: string): Promise<PartnershipRecord | undefined> {
    const item = await this.dynamo.get('getPartnership', keys.partnership(id));
    return item && toPartnership(item);
  }

  /** The Update that moves a partnership from `from` to `to`, failing if it is no longer in `from`. */
  private transition(
    p: PartnershipRecord,
    from: PartnershipRecord['status'],
    to: PartnershipRecord['status'],
    now: string,
  ) {
    return {
      Update: {
        Key: keys.partnership(p.id),
        UpdateExpression: 'SET #status = :to, updatedAt = :now',
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': to, ':from': from, ':now': now },
      },
    } satisfies TransactItem;
  }

  private stateConflict(p: PartnershipRecord, error: unknown): ConflictError {
    return new ConflictError(`partnership ${p.id} is no longer ${p.status}`, { cause: error });
  }

  /** Transaction items that withdraw a request's pending proposals: each one and its pair guard. */
  private withdrawals(requestId: string, pending: readonly PendingProposal[], now: string): TransactItem[] {
    return pending.flatMap((pp) => {
      const p = { id: pp.partnershipId, requestId, offerId: pp.offerId };
      return [
        {
          Update: {
            Key: keys.partnership(p.id),
            UpdateExpression: 'SET #status = :withdrawn, updatedAt = :now',
            ConditionExpression: '#status = :proposed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':proposed': 'proposed', ':now': now },
          },
        } satisfies TransactItem,
        releasePair(p),
        pendingOnOffer(p.offerId, -1),
      ];
    });
  }

  /**
   * One transaction: the partnership becomes active, the offer gives a slot, the request becomes
   * `matched` (leaving the open-requests index), the counters count it, and the request's other
   * proposals are withdrawn. The transaction is built from a read of the request and conditioned on its
   * proposals being unchanged, so a proposal that arrives meanwhile makes it fail and run again.
   */
  async acceptPartnership(p: PartnershipRecord, now: string): Promise<PartnershipRecord> {
    for (let attempt = 1; ; attempt++) {
      const request = await this.getRequest(p.requestId);
      if (!request) throw new NotFoundError(`request ${p.requestId} not found`);
      if (request.status !== 'open') throw new ConflictError(`the request is already ${request.status}`);
      try {
        await this.acceptOnce(p, request, now);
        return { ...p, status: 'active', updatedAt: now };
      } catch (error) {
        // The request changed between the read and the write (a proposal came or went): read it again.
        // (acceptOnce has already turned failures of the partnership or the offer into domain errors.)
        if (!(error instanceof ConditionFailedError)) throw error;
        if (attempt >= REQUEST_READ_ATTEMPTS) {
          throw new ConflictError('the request kept changing; retry', { cause: error });
        }
      }
    }
  }

  private async acceptOnce(p: PartnershipRecord, request: PartnershipRequest, now: string) {
    const same = sameProposals(request.pendingProposals);
    const others = request.pendingProposals.filter((pp) => pp.partnershipId !== p.id);
    try {
      await this.dynamo.transact('acceptPartnership', [
        this.transition(p, 'proposed', 'active', now),
        {
          Update: {
            Key: keys.offer(p.offerId),
            // The proposal stops waiting and takes its slot.
            UpdateExpression: 'SET remaining = remaining - :one ADD pendingProposals :minusOne',
            ConditionExpression: 'remaining > :zero AND #status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':one': 1, ':minusOne': -1, ':zero': 0, ':open': 'open' },
            // So a failure says whether the offer was full or closed.
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        } satisfies TransactItem,
        {
          // Fulfilled: the request leaves matching (the sparse GSI1 keys go) and its proposal set.
          Update: {
            Key: keys.request(p.requestId),
            UpdateExpression: `SET #status = :matched, updatedAt = :now REMOVE GSI1PK, GSI1SK, ${LIVE_PROPOSALS}`,
            ConditionExpression: `#status = :open AND ${same.condition}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':matched': 'matched',
              ':open': 'open',
              ':now': now,
              ...same.values,
            },
          },
        } satisfies TransactItem,
        ...partnershipCounters(p, 1),
        ...this.withdrawals(p.requestId, others, now),
      ]);
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        if (error.failed(0)) throw this.stateConflict(p, error);
        if (error.failed(1)) {
          const offer = error.reasons[1]?.Item;
          if (!offer) throw new NotFoundError(`offer ${p.offerId} not found`, { cause: error });
          if (offer.status?.S !== 'open') throw new ConflictError('the offer is closed', { cause: error });
          throw new CapacityFullError('the offer has no slot left', { cause: error });
        }
      }
      throw error;
    }
  }

  async declinePartnership(p: PartnershipRecord, now: string): Promise<PartnershipRecord> {
    try {
      await this.dynamo.transact('declinePartnership', [
        this.transition(p, 'proposed', 'declined', now),
        releasePair(p),
        leaveRequest(p),
        pendingOnOffer(p.offerId, -1),
        // ── issue 11 (allocation rounds): remember the declined pair so no round proposes it again.
        // Read through RoundStore.listDeclinedPairs; issue 8's remembered declines may replace this item.
        {
          Put: {
            Item: {
              ...keys.declinedPair(p.type, p.requestId, p.offerId),
              requestId: p.requestId,
              offerId: p.offerId,
              at: now,
            },
          },
        },
        // ── end issue 11
      ]);
    } catch (error) {
      if (error instanceof ConditionFailedError) throw this.stateConflict(p, error);
      throw error;
    }
    return { ...p, status: 'declined', updatedAt: now };
  }

  async cancelPartnership(p: PartnershipRecord, now: string): Promise<PartnershipRecord> {
    for (let attempt = 1; ; attempt++) {
      const items: TransactItem[] = [this.transition(p, p.status, 'cancelled', now), releasePair(p)];
      let reopens = false;
      if (p.status === 'proposed') items.push(leaveRequest(p), pendingOnOffer(p.offerId, -1));
      if (p.status === 'active') {
        // The request was fulfilled by this partnership: it is open again, back in the open-requests
        // index. Not if its owner closed it meanwhile (or it was accepted before requests could be
        // matched); the condition makes a close between this read and the write run it again.
        const request = await this.getRequest(p.requestId);
        if (request?.status === 'matched') {
          reopens = true;
          const open = keys.openRequest(request.type, request.createdAt, request.id);
          items.push({
            Update: {
              Key: keys.request(request.id),
              UpdateExpression: 'SET #status = :open, updatedAt = :now, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk',
              ConditionExpression: '#status = :matched',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':open': 'open',
                ':matched': 'matched',
                ':now': now,
                ':gsi1pk': open.GSI1PK,
                ':gsi1sk': open.GSI1SK,
              },
            },
          } satisfies TransactItem);
        }
        // The slot goes back to the offer (open or closed) and the partnership leaves the counters.
        items.push(
          {
            Update: {
              Key: keys.offer(p.offerId),
              UpdateExpression: 'SET remaining = remaining + :one',
              ConditionExpression: 'remaining < #capacity',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          } satisfies TransactItem,
          ...partnershipCounters(p, -1),
        );
      }
      try {
        await this.dynamo.transact('cancelPartnership', items);
        return { ...p, status: 'cancelled', updatedAt: now };
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        // Item 2 is the request when it reopens: closed meanwhile, so build the transaction again.
        const requestChanged = reopens && !error.failed(0) && error.failed(2);
        if (!requestChanged || attempt >= REQUEST_READ_ATTEMPTS) throw this.stateConflict(p, error);
      }
    }
  }

  async completePartnership(p: PartnershipRecord, now: string): Promise<PartnershipRecord> {
    try {
      await this.dynamo.transact('completePartnership', [
        this.transition(p, 'active', 'completed', now),
        releasePair(p),
      ]);
    } catch (error) {
      if (error instanceof ConditionFailedError) throw this.stateConflict(p, error);
      throw error;
    }
    return { ...p, status: 'completed', updatedAt: now };
  }

  async addFeedback(
    p: PartnershipRecord,
    side: FeedbackSide,
    feedback: { rating: number; comment?: string; at: string },
  ): Promise<{ partnership: PartnershipRecord; track?: Organization['track'] }> {
    const attribute = side === 'fromBusiness' ? 'feedbackFromBusiness' : 'feedbackFromOrganization';
    const items: TransactItem[] = [
      {
        Update: {
          Key: keys.partnership(p.id),
          UpdateExpression: 'SET #feedback = :feedback',
          ConditionExpression: 'attribute_not_exists(#feedback) AND #status IN (:active, :completed)',
          ExpressionAttributeNames: { '#feedback': attribute, '#status': 'status' },
          ExpressionAttributeValues: {
            ':feedback': feedback,
            ':active': 'active',
            ':completed': 'completed',
          },
        },
      } satisfies TransactItem,
    ];
    if (side === 'fromBusiness') {
      items.push({
        Update: {
          Key: keys.organization(p.organization.id),
          UpdateExpression: 'ADD track.ratingCount :one, track.ratingSum :rating',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1, ':rating': feedback.rating },
        },
      } satisfies TransactItem);
    }
    try {
      await this.dynamo.transact('addFeedback', items);
    } catch (error) {
      if (error instanceof ConditionFailedError) {
        throw new ConflictError('feedback was already given, or the partnership cannot be rated now', {
          cause: error,
        });
      }
      throw error;
    }
    const partnership = { ...p, feedback: { ...p.feedback, [side]: feedback }, updatedAt: p.updatedAt };
    if (side !== 'fromBusiness') return { partnership };
    const organization = await this.getOrganization(p.organization.id);
    return { partnership, ...(organization ? { track: organization.track } : {}) };
  }

  async pagePartnershipsOfUser(
    userId: string,
    side: 'business' | 'organization',
    page: PageRequest,
    status?: PartnershipRecord['status'],
  ): Promise<Page<PartnershipRecord>> {
    const index = side === 'business' ? INDEX.byTypeOpen : INDEX.byOwner;
    const pk = side === 'business' ? KEY.gsi1pk : KEY.gsi2pk;
    const sk = side === 'business' ? KEY.gsi1sk : KEY.gsi2sk;
    const state = page.cursor
      ? decodeCursor(page.cursor, INDEX_KEYS[index], () => ({ [pk]: partitions.party(userId) }))
      : {};
    const out = await this.dynamo.query(
      side === 'business' ? 'listPartnershipsOfBusinessUser' : 'listPartnershipsOfPartnerUser',
      {
        IndexName: index,
        KeyConditionExpression: `${pk} = :pk AND begins_with(${sk}, :prefix)`,
        ...(status
          ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
          : {}),
        ExpressionAttributeValues: {
          ':pk': partitions.party(userId),
          ':prefix': 'PARTNERSHIP#',
          ...(status ? { ':status': status } : {}),
        },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(state.key ? { ExclusiveStartKey: state.key } : {}),
      },
    );
    const items = (out.Items ?? []).map(toPartnership);
    return out.LastEvaluatedKey
      ? { items, nextCursor: encodeCursor({ key: out.LastEvaluatedKey as StartKey }) }
      : { items };
  }

  // ---- counters -------------------------------------------------------------------------------

  async readCounters(): Promise<Map<string, number>> {
    const items = await this.dynamo.queryAll('readCounters', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partitions.stats },
    });
    return new Map(items.map((item) => [String(item.SK), Number(item.count ?? 0)]));
  }
}
