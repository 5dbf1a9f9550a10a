import type { IdempotencyRecord, IdempotencyStore } from '../domain/ports';
import { ConditionFailedError, Dynamo, type DynamoOptions } from './dynamo';
import { keys } from './table';

/** How long a stored answer is replayed (DynamoDB's TTL deletes the record some time after). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** A claim older than this belongs to a request that died mid-way; another attempt may take it over. */
export const IDEMPOTENCY_LOCK_SECONDS = 30;

/** The idempotency port on the one table: `IDEMPOTENCY#<userId>#<key>` records with a TTL. */
export class DynamoIdempotencyStore implements IdempotencyStore {
  private readonly dynamo: Dynamo;
  constructor(
    options: DynamoOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dynamo = new Dynamo(options);
  }

  async begin(userId: string, key: string, requestHash: string) {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    try {
      await this.dynamo.put('idempotencyBegin', {
        Item: {
          ...keys.idempotency(userId, key),
          entity: 'idempotency',
          requestHash,
          state: 'in_progress',
          lockedUntil: nowSeconds + IDEMPOTENCY_LOCK_SECONDS,
          expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS,
        },
        // Free, expired (TTL deletion lags), or abandoned by a request that crashed while holding it.
        ConditionExpression:
          'attribute_not_exists(PK) OR expiresAt < :now OR (#state = :inProgress AND lockedUntil < :now AND requestHash = :hash)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'in_progress', ':hash': requestHash },
      });
      return { claimed: true as const };
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
    const record = await this.get(userId, key);
    // Deleted between our Put and Get (released after a failure): report it as in progress; the caller polls.
    return { claimed: false as const, record: record ?? { requestHash, state: 'in_progress' as const } };
  }

  async get(userId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.dynamo.get('idempotencyGet', keys.idempotency(userId, key));
    if (!item) return undefined;
    return {
      requestHash: String(item.requestHash),
      state: item.state === 'done' ? 'done' : 'in_progress',
      ...(item.response ? { response: item.response as IdempotencyRecord['response'] } : {}),
    };
  }

  async complete(userId: string, key: string, response: NonNullable<IdempotencyRecord['response']>) {
    await this.dynamo.update('idempotencyComplete', {
      Key: keys.idempotency(userId, key),
      UpdateExpression: 'SET #state = :done, #response = :response REMOVE lockedUntil',
      ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
      ExpressionAttributeValues: { ':done': 'done', ':response': response },
    });
  }

  async release(userId: string, key: string) {
    try {
      await this.dynamo.delete('idempotencyRelease', {
        Key: keys.idempotency(userId, key),
        ConditionExpression: '#state = :inProgress',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':inProgress': 'in_progress' },
      });
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }
}
