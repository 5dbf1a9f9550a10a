import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  type DeleteCommandInput,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailableError } from '../domain/errors';
import type { DocumentClient } from './client';
import { badCursor } from './cursor';
import type { AccessPatternName } from './table';

/** Called after every DynamoDB call with the access pattern it served and the capacity it consumed. */
export type AccessObserver = (pattern: AccessPatternName, consumed: ConsumedCapacity[]) => void;

type Raw = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type NoTable<T> = Omit<NonNullable<T>, 'TableName'>;
/** One item of a transaction on this table (the table name is filled in by `transact`). */
export type TransactItem =
  | { Put: NoTable<Raw['Put']> }
  | { Update: NoTable<Raw['Update']> }
  | { Delete: NoTable<Raw['Delete']> }
  | { ConditionCheck: NoTable<Raw['ConditionCheck']> };

export interface CancellationReason {
  Code?: string;
  Message?: string;
  Item?: Record<string, { S?: string; N?: string } | undefined>;
}

/** A transaction or conditional write whose condition failed; the adapter turns it into a domain error. */
export class ConditionFailedError extends Error {
  override readonly name = 'ConditionFailedError';
  constructor(
    readonly reasons: CancellationReason[],
    options?: ErrorOptions,
  ) {
    super('condition failed', options);
  }
  /** Whether the item at `index` of the transaction failed its condition. */
  failed(index: number): boolean {
    return this.reasons[index]?.Code === 'ConditionalCheckFailed';
  }
}

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const RETRYABLE_REASONS = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

/** Errors of the connection, not of the request: refused, reset, timed out. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
function unreachable(error: unknown): boolean {
  const e = error as { code?: string; name?: string; cause?: { code?: string } };
  return (
    NETWORK_CODES.has(e.code ?? '') ||
    NETWORK_CODES.has(e.cause?.code ?? '') ||
    e.name === 'TimeoutError' ||
    e.name === 'RequestTimeout'
  );
}

export interface DynamoOptions {
  db: DocumentClient;
  tableName: string;
  onAccess?: AccessObserver;
  /** Attempts for a write that meets a transaction conflict before answering 503. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A thin, typed layer over the document client: every call names its access pattern, asks for its
 * consumed capacity, retries transaction conflicts with jittered backoff, and turns failed conditions
 * into ConditionFailedError and exhausted throttling into ServiceUnavailableError. There is no scan here.
 */
export class Dynamo {
  readonly tableName: string;
  private readonly db: DocumentClient;
  private readonly onAccess: AccessObserver | undefined;
  readonly maxAttempts: number;
  readonly sleep: (ms: number) => Promise<void>;

  constructor(options: DynamoOptions) {
    this.db = options.db;
    this.tableName = options.tableName;
    this.onAccess = options.onAccess;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.sleep = options.sleep ?? defaultSleep;
  }

  private report(pattern: AccessPatternName, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) {
    if (!this.onAccess) return;
    this.onAccess(pattern, consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]);
  }

  /** Runs one call, retrying conflicts; every error leaves as a named one or unchanged. */
  private async run<T extends { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }>(
    pattern: AccessPatternName,
    call: (attempt: number) => Promise<T>,
    retryConflicts = true,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await call(attempt);
        this.report(pattern, out.ConsumedCapacity);
        return out;
      } catch (error) {
        // A failed call is still a call (a failed condition consumes write capacity on AWS too).
        this.report(pattern, undefined);
        const name = (error as { name?: string }).name ?? '';
        if (name === 'ConditionalCheckFailedException') {
          throw new ConditionFailedError([{ Code: 'ConditionalCheckFailed' }], { cause: error });
        }
        let retryable = name === 'TransactionConflictException' || THROTTLING.has(name);
        if (name === 'TransactionCanceledException') {
          const reasons = ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ??
            []) as CancellationReason[];
          if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) {
            throw new ConditionFailedError(reasons, { cause: error });
          }
          retryable = reasons.some((r) => RETRYABLE_REASONS.has(r.Code ?? ''));
        }
        if (unreachable(error)) {
          // The SDK already retried the connection: the database is down or out of reach. Safe to retry.
          throw new ServiceUnavailableError('the database is unreachable; retry shortly', { cause: error });
        }
        if (!retryable || (!retryConflicts && !THROTTLING.has(name))) throw error;
        if (attempt >= this.maxAttempts) {
          throw new ServiceUnavailableError('the database is busy; retry shortly', { cause: error });
        }
        await this.backoff(attempt);
      }
    }
  }

  /** Full jitter: spreads colliding writers apart so each retry has a fair chance. */
  backoff(attempt: number) {
    return this.sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt));
  }

  async get(pattern: AccessPatternName, key: Record<string, string>, consistent = true) {
    const input: GetCommandInput = {
      TableName: this.tableName,
      Key: key,
      ConsistentRead: consistent,
      ReturnConsumedCapacity: 'TOTAL',
    };
    const out = await this.run(pattern, () => this.db.send(new GetCommand(input)));
    return out.Item;
  }

  async put(pattern: AccessPatternName, input: Omit<PutCommandInput, 'TableName'>) {
    await this.run(pattern, () =>
      this.db.send(new PutCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  async update(pattern: AccessPatternName, input: Omit<UpdateCommandInput, 'TableName'>) {
    const out = await this.run(pattern, () =>
      this.db.send(
        new UpdateCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }),
      ),
    );
    return out.Attributes;
  }

  async delete(pattern: AccessPatternName, input: Omit<DeleteCommandInput, 'TableName'>) {
    await this.run(pattern, () =>
      this.db.send(
        new DeleteCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }),
      ),
    );
  }

  async query(
    pattern: AccessPatternName,
    input: Omit<QueryCommandInput, 'TableName'>,
  ): Promise<QueryCommandOutput> {
    try {
      return await this.run(pattern, () =>
        this.db.send(
          new QueryCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }),
        ),
      );
    } catch (error) {
      // The start key came from a client's cursor: whatever DynamoDB refuses in it is the client's mistake.
      // decodeCursor checks what it can; this catches what a new read forgets to tell it (a 400, not a 500).
      if (input.ExclusiveStartKey && (error as { name?: string }).name === 'ValidationException') {
        throw badCursor('start key does not belong to this list');
      }
      throw error;
    }
  }

  /** Every page of a Query. For bounded partitions only (open items of a type, one owner's items). */
  async queryAll(pattern: AccessPatternName, input: Omit<QueryCommandInput, 'TableName'>) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.query(pattern, { ...input, ...(start ? { ExclusiveStartKey: start } : {}) });
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * The items of these keys (consistent), in no particular order; absent keys are simply missing.
   * At most 100 keys per call to DynamoDB; unprocessed keys are asked again.
   */
  async batchGet(pattern: AccessPatternName, keys: readonly Record<string, string>[]) {
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
      for (let attempt = 1; pending && pending.length > 0; attempt++) {
        const request: Record<string, unknown>[] = pending;
        const out = await this.run(pattern, () =>
          this.db.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: request, ConsistentRead: true } },
              ReturnConsumedCapacity: 'TOTAL',
            }),
          ),
        );
        found.push(...(out.Responses?.[this.tableName] ?? []));
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys;
        if (pending && pending.length > 0) {
          if (attempt >= this.maxAttempts) {
            throw new ServiceUnavailableError('the database is busy; retry shortly');
          }
          await this.backoff(attempt);
        }
      }
    }
    return found;
  }

  /**
   * One atomic transaction over items of this table (TableName is filled in). Given a function, the
   * items are built again for every attempt (counter shards are drawn again). `retryConflicts: false`
   * hands a transaction conflict back to the caller (raw), who rebuilds the transaction itself.
   */
  async transact(
    pattern: AccessPatternName,
    items: TransactItem[] | ((attempt: number) => TransactItem[]),
    options: { retryConflicts?: boolean; attempt?: number } = {},
  ) {
    const build = typeof items === 'function' ? items : () => items;
    const first = options.attempt ?? 1;
    await this.run(
      pattern,
      (attempt) => {
        // Built again for every attempt, so a retried conflict spreads to other counter shards.
        const withTable = build(first + attempt - 1).map((item) => {
          const [[kind, body]] = Object.entries(item) as [[string, Record<string, unknown>]];
          return { [kind]: { ...body, TableName: this.tableName } } as Raw;
        });
        return this.db.send(
          new TransactWriteCommand({ TransactItems: withTable, ReturnConsumedCapacity: 'TOTAL' }),
        );
      },
      options.retryConflicts ?? true,
    );
  }
}

/** The transaction conflicts of a cancelled transaction, by item index (none: not a conflict). */
export function conflictedItems(error: unknown): number[] | undefined {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'TransactionConflictException') return [];
  if (name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  const conflicted = reasons.flatMap((r, i) => (RETRYABLE_REASONS.has(r.Code ?? '') ? [i] : []));
  return conflicted.length > 0 ? conflicted : undefined;
}

/** `SET #a = :a, ...` for the defined values of `fields`, with its names and values. */
export function setExpression(fields: Record<string, unknown>, prefix = 's') {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  let i = 0;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    names[`#${prefix}${i}`] = field;
    values[`:${prefix}${i}`] = value;
    parts.push(`#${prefix}${i} = :${prefix}${i}`);
    i++;
  }
  return { parts, names, values };
}
