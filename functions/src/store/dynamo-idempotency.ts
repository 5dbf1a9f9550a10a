import { randomUUID } from 'node:crypto';
import type { IdempotencyRecord, IdempotencyStore } from '../domain/ports';
import { ConditionFailedError, Dynamo, type DynamoOptions } from './dynamo';
import { keys } from './table';

/** How long a stored answer is replayed (DynamoDB's TTL deletes the record some time after). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/**
 * The idempotency port on the one table: `IDEMPOTENCY#<userId>#<key>` records with a TTL.
 *
 * ```
 * attempt A  begin(token a) ── renew ── renew ── complete(a) ✓
 * attempt B        begin ✗ (lease live) ── poll ── poll ── get: done → replay A's answer
 * attempt C  (A died: no renew for a lease) begin ✓ (token c); A's late complete(a) ✗, writes nothing
 * ```
 */
export class DynamoIdempotencyStore implements IdempotencyStore {
  private readonly dynamo: Dynamo;
  constructor(
    options: DynamoOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dynamo = new Dynamo(options);
  }

  private seconds() {
    return Math.floor(this.now().getTime() / 1000);
  }

  async begin(userId: string, key: string, requestHash: string, leaseSeconds: number) {
    const nowSeconds = this.seconds();
    const token = randomUUID();
    try {
      await this.dynamo.put('idempotencyBegin', {
        Item: {
          ...keys.idempotency(userId, key),
          entity: 'idempotency',
          requestHash,
          state: 'in_progress',
          claimToken: token,
          lockedUntil: nowSeconds + leaseSeconds,
          expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS,
        },
        // Free, expired (TTL deletion lags), or a lease its holder stopped renewing (it died mid-way).
        ConditionExpression:
          'attribute_not_exists(PK) OR expiresAt < :now OR (#state = :inProgress AND lockedUntil < :now AND requestHash = :hash)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'in_progress', ':hash': requestHash },
      });
      return { claimed: true as const, token };
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

  /** The condition every write of a claim's holder carries: still in progress, still its token. */
  private held(token: string) {
    return {
      ConditionExpression: '#state = :inProgress AND claimToken = :token',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':inProgress': 'in_progress', ':token': token },
    };
  }

  private async ifHeld(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  renew(userId: string, key: string, token: string, leaseSeconds: number) {
    const held = this.held(token);
    return this.ifHeld(() =>
      this.dynamo.update('idempotencyRenew', {
        Key: keys.idempotency(userId, key),
        UpdateExpression: 'SET lockedUntil = :until',
        ...held,
        ExpressionAttributeValues: {
          ...held.ExpressionAttributeValues,
          ':until': this.seconds() + leaseSeconds,
        },
      }),
    );
  }

  complete(userId: string, key: string, token: string, response: NonNullable<IdempotencyRecord['response']>) {
    const held = this.held(token);
    return this.ifHeld(() =>
      this.dynamo.update('idempotencyComplete', {
        Key: keys.idempotency(userId, key),
        UpdateExpression: 'SET #state = :done, #response = :response REMOVE lockedUntil, claimToken',
        ...held,
        ExpressionAttributeNames: { ...held.ExpressionAttributeNames, '#response': 'response' },
        ExpressionAttributeValues: {
          ...held.ExpressionAttributeValues,
          ':done': 'done',
          ':response': response,
        },
      }),
    );
  }

  async release(userId: string, key: string, token: string) {
    await this.ifHeld(() =>
      this.dynamo.delete('idempotencyRelease', { Key: keys.idempotency(userId, key), ...this.held(token) }),
    );
  }
}
