/**
 * The write side of the warm catalogues (functions/src/catalog). A write that changes what a catalogue
 * shows names what it changed (a {@link CatalogTouch}); its transaction then also bumps ONE version shard
 * of that catalogue, picked at random (`version = v → v+1`, conditioned on `v`), and puts that shard's
 * change-log entry `v+1` with the changed ids. So each shard's log is gapless, and writers spread over
 * `CATALOG_SHARDS` small items instead of queueing on one.
 *
 * `v` is this instance's guess (learnt from its own writes and from a failed condition's ALL_OLD), or one
 * consistent GetItem of the shard when it has none. When only the catalogue items fail — a stale guess,
 * or another writer on the same shard at the same moment — the transaction is rebuilt at once (short
 * jitter, another shard after a conflict) instead of taking the long conflict backoff; a failure of the
 * write's own items is the caller's, unchanged. The catalogue items come AFTER the caller's items, so the
 * caller's item indexes (and plan-writer's change names) are untouched.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ServiceUnavailableError } from '../domain/errors';
import { ConditionFailedError, conflictedItems, type Dynamo, type TransactItem } from './dynamo';
import {
  type AccessPatternName,
  CATALOG_CHANGE_TTL_SECONDS,
  CATALOG_KINDS,
  CATALOG_SHARDS,
  type CatalogKind,
  keys,
} from './table';

/** One changed item of one catalogue. */
export interface CatalogTouch {
  readonly kind: CatalogKind;
  readonly id: string;
}

export const offerTouched = (id: string): CatalogTouch => ({ kind: 'offers', id });
export const requestTouched = (id: string): CatalogTouch => ({ kind: 'requests', id });

/** Rebuilds of one write that keeps losing its shard (each one is a few milliseconds). */
const CATALOG_ATTEMPTS = 40;

const VERSION = { '#version': 'version' } as const;

/** The two transaction items that record `ids` as version `current + 1` of one shard. */
export function catalogItems(
  kind: CatalogKind,
  shard: number,
  current: number,
  ids: readonly string[],
  nowMs: number,
): [TransactItem, TransactItem] {
  const next = current + 1;
  return [
    {
      Update: {
        Key: keys.catalogShard(kind, shard),
        UpdateExpression: 'SET #version = :next',
        ConditionExpression: current === 0 ? 'attribute_not_exists(#version)' : '#version = :current',
        ExpressionAttributeNames: VERSION,
        ExpressionAttributeValues: current === 0 ? { ':next': next } : { ':next': next, ':current': current },
        // A writer that guessed wrong learns the shard's version from the cancellation.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    {
      Put: {
        Item: {
          ...keys.catalogChange(kind, shard, next),
          entity: 'catalogChange',
          ids: [...ids],
          at: nowMs,
          expiresAt: Math.floor(nowMs / 1000) + CATALOG_CHANGE_TTL_SECONDS,
        },
      },
    },
  ];
}

/** The ids each catalogue's touches name, without repeats; catalogues not touched are left out. */
export function touchedIds(touches: readonly CatalogTouch[]): Map<CatalogKind, string[]> {
  const out = new Map<CatalogKind, string[]>();
  for (const kind of CATALOG_KINDS) {
    const ids = [...new Set(touches.filter((t) => t.kind === kind).map((t) => t.id))];
    if (ids.length > 0) out.set(kind, ids);
  }
  return out;
}

/** One instance's catalogue writer: transactions with their catalogue records, and its version guesses. */
export class CatalogWriter {
  private readonly guesses = new Map<string, number>();

  constructor(
    private readonly dynamo: Dynamo,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  private learn(kind: CatalogKind, shard: number, version: number) {
    const key = `${kind}#${shard}`;
    this.guesses.set(key, Math.max(version, this.guesses.get(key) ?? 0));
  }

  private async version(kind: CatalogKind, shard: number): Promise<number> {
    const guess = this.guesses.get(`${kind}#${shard}`);
    if (guess !== undefined) return guess;
    const item = await this.dynamo.get('readCatalogShard', keys.catalogShard(kind, shard));
    const version = Number(item?.version ?? 0);
    this.learn(kind, shard, version);
    return version;
  }

  private pick(avoid?: number): number {
    const shard = Math.floor(this.random() * CATALOG_SHARDS) % CATALOG_SHARDS;
    return shard === avoid ? (shard + 1) % CATALOG_SHARDS : shard;
  }

  /**
   * `items` as one transaction together with the catalogue records of `touches` (none: a plain
   * transaction). A failed condition or conflict of the caller's own items leaves as it would from
   * Dynamo.transact.
   */
  async transact(
    pattern: AccessPatternName,
    items: TransactItem[],
    touches: readonly CatalogTouch[],
  ): Promise<void> {
    const touched = [...touchedIds(touches)];
    if (touched.length === 0) return this.dynamo.transact(pattern, items);
    const shards = touched.map(() => this.pick());
    for (let attempt = 1; ; attempt++) {
      const versions = await Promise.all(touched.map(([kind], j) => this.version(kind, shards[j] as number)));
      const nowMs = this.now();
      const tail = touched.flatMap(([kind, ids], j) =>
        catalogItems(kind, shards[j] as number, versions[j] as number, ids, nowMs),
      );
      try {
        await this.dynamo.transact(pattern, [...items, ...tail], { retryConflicts: false });
        touched.forEach(([kind], j) => {
          this.learn(kind, shards[j] as number, (versions[j] as number) + 1);
        });
        return;
      } catch (error) {
        const own = (i: number) => i < items.length;
        let catalogOnly = false;
        if (error instanceof ConditionFailedError) {
          if (items.some((_, i) => error.failed(i))) throw error;
          touched.forEach(([kind], j) => {
            const reason = error.reasons[items.length + 2 * j];
            if (reason?.Code !== 'ConditionalCheckFailed') return;
            catalogOnly = true;
            // Stale guess: retry this shard at the version it holds now (no read).
            const old = reason.Item ? unmarshall(reason.Item as never) : {};
            this.learn(kind, shards[j] as number, Number(old.version ?? 0));
          });
          if (!catalogOnly) throw error;
        } else {
          const conflicted = conflictedItems(error);
          if (conflicted === undefined) throw error;
          catalogOnly = conflicted.length > 0 && !conflicted.some(own);
          // Another writer on the same shard right now: move to another shard.
          touched.forEach((_, j) => {
            if (conflicted.includes(items.length + 2 * j)) shards[j] = this.pick(shards[j]);
          });
        }
        if (attempt >= (catalogOnly ? CATALOG_ATTEMPTS : this.dynamo.maxAttempts)) {
          throw new ServiceUnavailableError('the database is busy; retry shortly', { cause: error });
        }
        // A conflict on the write's own items is real contention: the usual backoff.
        if (catalogOnly) await this.dynamo.sleep(this.random() * Math.min(20, 2 * attempt));
        else await this.dynamo.backoff(attempt);
      }
    }
  }
}
