/**
 * The change-plan translator: a plan from the workflow (shared/src/workflow) becomes ONE
 * TransactWriteItems, one item per named change, built by the entry of `TRANSLATORS` for its kind. When
 * a condition fails, DynamoDB's CancellationReasons come back in item order; they are mapped to the
 * change *names* right here and nowhere else, and the failing change is reported with its item as it
 * is now (`ReturnValuesOnConditionCheckFailure: ALL_OLD`, read back into a domain object), so the
 * domain can explain it by the guards of that change. Reordering a plan cannot break the mapping.
 *
 * A new kind of change (a sharded counter, …) is one entry in `TRANSLATORS`, `CURRENT` and `TOUCHES`;
 * TypeScript refuses a kind without one.
 *
 * The warm catalogues are the store's read model, not the workflow's business: `TOUCHES` says which
 * changes alter what a catalogue shows, and the catalogue writer (catalog-log.ts) appends their version
 * bump and change-log entry to the same transaction, after the plan's items.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Change, ChangePlan } from '@sinergi/shared/workflow';
import { PlanConflictError } from '../domain/ports';
import { type CatalogTouch, type CatalogWriter, offerTouched, requestTouched } from './catalog-log';
import { ConditionFailedError, type TransactItem } from './dynamo';
import {
  feedbackAttribute,
  type Item,
  sameProposals,
  toOffer,
  toPair,
  toPartnership,
  toRequest,
} from './items';
import {
  type AccessPatternName,
  businessRequestCount,
  CONDITIONS,
  COUNTER_SHARDS,
  counterShard,
  DECLINED_OFFERS,
  keys,
  LIVE_PROPOSALS,
  PAIR_STATE,
  proposalRef,
} from './table';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

const and = (...parts: (string | false | undefined)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' AND ');

/**
 * Adds `delta` to one shard of a counter (creating it on first use): shard 0 on a transaction's first
 * attempt, a shard drawn at random on a retry after a conflict. So a counter stays one item until a
 * burst meets on it, and only then spreads. Build the transaction in a function of the attempt
 * (`dynamo.transact(pattern, (attempt) => items)`) and pass `attempt` here.
 */
export function bump(counter: { PK: string; SK: string }, delta: number, attempt = 1): TransactItem {
  const shard = attempt === 1 ? 0 : Math.floor(Math.random() * COUNTER_SHARDS);
  return {
    Update: {
      Key: counterShard(counter, shard),
      UpdateExpression: 'ADD #count :delta',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

function requestItem(c: Of<'request'>): TransactItem {
  const set: string[] = [];
  const remove: string[] = [];
  const add: string[] = [];
  const del: string[] = [];
  const names: Record<string, string> = {};
  const values: Item = {};
  const conditions: string[] = [CONDITIONS.exists];
  if (c.status) {
    names['#status'] = 'status';
    values[':to'] = c.status.to;
    values[':from'] = c.status.from;
    values[':at'] = c.at;
    set.push('#status = :to', 'updatedAt = :at');
    conditions.push(CONDITIONS.statusIs);
    if (c.status.to === 'open' && c.openIndex) {
      const open = keys.openRequest(c.openIndex.type, c.openIndex.createdAt, c.id);
      values[':gsi1pk'] = open.GSI1PK;
      values[':gsi1sk'] = open.GSI1SK;
      set.push('GSI1PK = :gsi1pk', 'GSI1SK = :gsi1sk');
    } else if (c.status.from === 'open') remove.push('GSI1PK', 'GSI1SK');
  }
  if (c.addPending) {
    add.push(`${LIVE_PROPOSALS} :addRef`);
    values[':addRef'] = new Set([proposalRef.of(c.addPending.partnershipId, c.addPending.offerId)]);
    if (!c.status) {
      names['#status'] = 'status';
      values[':open'] = 'open';
      conditions.push(CONDITIONS.open);
    }
  }
  if (c.removePending) {
    del.push(`${LIVE_PROPOSALS} :removeRef`);
    values[':removeRef'] = new Set([proposalRef.of(c.removePending.partnershipId, c.removePending.offerId)]);
  }
  if (c.clearPending) remove.push(LIVE_PROPOSALS);
  if (c.declinedOffer) {
    add.push(`${DECLINED_OFFERS} :declined`);
    values[':declined'] = new Set([c.declinedOffer]);
  }
  if (c.expectPending) {
    const same = sameProposals(c.expectPending);
    conditions.push(same.condition);
    Object.assign(values, same.values);
  }
  if (c.pendingBelow !== undefined) {
    conditions.push(CONDITIONS.requestPendingBelow);
    values[':maxProposals'] = c.pendingBelow;
  }
  const expression = [
    set.length ? `SET ${set.join(', ')}` : '',
    remove.length ? `REMOVE ${remove.join(', ')}` : '',
    add.length ? `ADD ${add.join(', ')}` : '',
    del.length ? `DELETE ${del.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    Update: {
      Key: keys.request(c.id),
      UpdateExpression: expression,
      ConditionExpression: and(...conditions),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function offerItem(c: Of<'offer'>): TransactItem {
  const e = c.expect ?? {};
  const names: Record<string, string> = {};
  const values: Item = {};
  const parts: string[] = [];
  if (c.remainingDelta) {
    parts.push('SET remaining = remaining + :remainingDelta');
    values[':remainingDelta'] = c.remainingDelta;
  }
  if (c.pendingDelta) {
    parts.push('ADD pendingProposals :pendingDelta');
    values[':pendingDelta'] = c.pendingDelta;
  }
  const conditions: string[] = [CONDITIONS.exists];
  if (e.open) {
    names['#status'] = 'status';
    values[':open'] = 'open';
    conditions.push(CONDITIONS.open);
  }
  if (e.hasSlot) {
    values[':zero'] = 0;
    conditions.push(CONDITIONS.hasSlot);
  }
  if (e.freeSlot) conditions.push(CONDITIONS.freeSlot);
  if (e.pendingBelow !== undefined) {
    values[':maxPending'] = e.pendingBelow;
    conditions.push(CONDITIONS.offerPendingBelow);
  }
  if (e.slotTaken) {
    names['#capacity'] = 'capacity';
    conditions.push(CONDITIONS.slotTaken);
  }
  return {
    Update: {
      Key: keys.offer(c.id),
      UpdateExpression: parts.join(' '),
      ConditionExpression: and(...conditions),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** One transaction item per kind of change. */
/** Each kind's item; `attempt` (1 = first) is the transaction's attempt, for counter shards. */
const TRANSLATORS: { [K in Change['kind']]: (c: Of<K>, attempt: number) => TransactItem } = {
  putPartnership: ({ partnership: p }) => {
    const { feedback: _feedback, ...data } = p;
    return {
      Put: {
        Item: {
          ...keys.partnership(p.id),
          ...keys.partnershipParties(p.businessOwnerId, p.organizationOwnerId, p.createdAt, p.id),
          entity: 'partnership',
          ...data,
        },
        ConditionExpression: CONDITIONS.absent,
        // An earlier attempt of the same request wrote it (ids derive from its Idempotency-Key).
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  },
  putRequest: ({ request: r }) => {
    // pendingProposals and declinedOfferIds are read from the string sets the workflow fills.
    const { pendingProposals: _pending, declinedOfferIds: _declined, ...data } = r;
    return {
      Put: {
        Item: {
          ...keys.request(r.id),
          ...keys.openRequest(r.type, r.createdAt, r.id),
          ...keys.requestOwner(r.businessId, r.createdAt, r.id),
          entity: 'request',
          ...data,
        },
        ConditionExpression: CONDITIONS.absent,
        // An earlier attempt of the same request wrote it (ids derive from its Idempotency-Key).
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  },
  partnershipStatus: (c) => ({
    Update: {
      Key: keys.partnership(c.id),
      UpdateExpression: 'SET #status = :to, updatedAt = :at',
      ConditionExpression: CONDITIONS.statusIs,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':to': c.to, ':from': c.from, ':at': c.at },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }),
  feedback: (c) => ({
    Update: {
      Key: keys.partnership(c.id),
      UpdateExpression: 'SET #feedback = :feedback',
      ConditionExpression: and(CONDITIONS.notRatedBySide, CONDITIONS.completed),
      ExpressionAttributeNames: { '#feedback': feedbackAttribute(c.side), '#status': 'status' },
      ExpressionAttributeValues: { ':feedback': c.feedback, ':completed': 'completed' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }),
  pair: (c) => {
    const key = keys.pair(c.requestId, c.offerId);
    if (c.to === 'released') {
      return {
        Delete: {
          Key: key,
          ConditionExpression: CONDITIONS.pairFreeOrMine,
          ExpressionAttributeValues: { ':partnershipId': c.partnershipId },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
    }
    const item = { ...key, entity: 'pair', partnershipId: c.partnershipId, state: PAIR_STATE[c.to] };
    return c.to === 'live'
      ? {
          Put: {
            Item: item,
            ConditionExpression: CONDITIONS.absent,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        }
      : {
          Put: {
            Item: item,
            ConditionExpression: CONDITIONS.pairFreeOrMine,
            ExpressionAttributeValues: { ':partnershipId': c.partnershipId },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        };
  },
  request: requestItem,
  offer: offerItem,
  counter: (c, attempt) => bump(keys.counter(c.dimension, c.value), c.delta, attempt),
  trackRecord: (c) => ({
    Update: {
      Key: keys.organization(c.organizationId),
      UpdateExpression: 'ADD track.ratingCount :one, track.ratingSum :rating',
      ConditionExpression: CONDITIONS.exists,
      ExpressionAttributeValues: { ':one': 1, ':rating': c.rating },
    },
  }),
  businessRequests: (c) => ({
    Update: {
      Key: keys.business(c.businessId),
      UpdateExpression: 'ADD #count :delta',
      ConditionExpression:
        c.below === undefined ? CONDITIONS.exists : and(CONDITIONS.exists, CONDITIONS.countBelow),
      ExpressionAttributeNames: { '#count': businessRequestCount(c.type as never) },
      ExpressionAttributeValues: {
        ':delta': c.delta,
        ...(c.below === undefined ? {} : { ':below': c.below }),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }),
};

/** The object a failed change's item holds now, as the workflow's guards read it. */
const CURRENT: { [K in Change['kind']]: (item: Item | undefined, c: Of<K>) => unknown } = {
  putPartnership: (item) => item && toPartnership(item),
  putRequest: (item) => item && toRequest(item),
  partnershipStatus: (item) => item && toPartnership(item),
  feedback: (item) => item && toPartnership(item),
  pair: (item) => toPair(item),
  request: (item) => item && toRequest(item),
  offer: (item) => item && toOffer(item),
  counter: (item) => item,
  trackRecord: (item) => item,
  businessRequests: (item, c) =>
    item ? Number(item[businessRequestCount(c.type as never)] ?? 0) : undefined,
};

/**
 * What each change alters in the warm catalogues. Offers show their slots, including the proposals
 * waiting (`pendingProposals` is in the match answer), so every slot or pending change touches the
 * offer. Candidates never show a request's proposals or declines, so only a request's status (matched,
 * closed, reopened) and a new request touch it.
 */
const TOUCHES: { [K in Change['kind']]: (c: Of<K>) => CatalogTouch[] } = {
  putPartnership: () => [],
  putRequest: (c) => [requestTouched(c.request.id)],
  partnershipStatus: () => [],
  feedback: () => [],
  pair: () => [],
  request: (c) => (c.status ? [requestTouched(c.id)] : []),
  offer: (c) => (c.remainingDelta || c.pendingDelta ? [offerTouched(c.id)] : []),
  counter: () => [],
  // The organization's rating sums; offers carry their own copy, refreshed (and touched) separately.
  trackRecord: () => [],
  businessRequests: () => [],
};

/** The catalogue items a plan changes. */
export function touches(plan: ChangePlan): CatalogTouch[] {
  return plan.changes.flatMap((c) => (TOUCHES[c.kind] as (c: Change) => CatalogTouch[])(c));
}

/** The access pattern each transition's plan is measured under (table.ts ACCESS_PATTERNS). */
const PATTERNS: Record<string, AccessPatternName> = {
  propose: 'proposePartnership',
  'propose-in-round': 'proposePartnership',
  accept: 'acceptPartnership',
  decline: 'declinePartnership',
  'cancel-proposal': 'cancelPartnership',
  'cancel-active': 'cancelPartnership',
  lapse: 'lapsePartnership',
  complete: 'completePartnership',
  rate: 'addFeedback',
  'request-closed': 'closeRequest',
  'request-created': 'createRequest',
};

/** The transaction items of a plan, with the name of each (same order). */
export function translate(plan: ChangePlan, attempt = 1): { items: TransactItem[]; names: string[] } {
  const items = plan.changes.map((c) =>
    (TRANSLATORS[c.kind] as (c: Change, attempt: number) => TransactItem)(c, attempt),
  );
  return { items, names: plan.changes.map((c) => c.name) };
}

/**
 * Writes a plan as one transaction. A failed condition becomes PlanConflictError naming the change
 * (the first whose condition failed) and carrying its item as it is now.
 */
export async function writePlan(catalog: CatalogWriter, plan: ChangePlan): Promise<void> {
  const names = plan.changes.map((c) => c.name);
  const pattern = PATTERNS[plan.transition];
  if (!pattern) throw new Error(`no access pattern for plan ${plan.transition}`);
  try {
    await catalog.transact(pattern, (attempt) => translate(plan, attempt).items, touches(plan));
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const failedNames = new Set(names.filter((_, i) => error.failed(i)));
    const change = plan.changes.find((c) => failedNames.has(c.name));
    if (!change) throw error;
    const raw = error.reasons[names.indexOf(change.name)]?.Item;
    const item = raw ? (unmarshall(raw as never) as Item) : undefined;
    const current = (CURRENT[change.kind] as (item: Item | undefined, c: Change) => unknown)(item, change);
    throw new PlanConflictError(change, current, { cause: error });
  }
}
