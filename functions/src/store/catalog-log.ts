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
        ConditionExpression:
          current === 0 ? 'attribute_not_exists(#version) OR #version = :current' : '#version = :current',
        ExpressionAttributeNames: VERSION,
        ExpressionAttributeValues: { ':next': next, ':current': current },
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

/** One shard as this instance uses it: whether a write of this instance holds it, and who waits. */
interface Lane {
  busy: boolean;
  waiters: (() => void)[];
}

/**
 * One instance's catalogue writer: transactions with their catalogue records, its version guesses,
 * and one lane per shard. Within an instance, one write at a time holds a shard (the others take a free
 * shard or wait for the least busy one, in memory), so an instance's own writes never collide on a shard
 * and its guesses stay right; only writes of other instances can make a guess stale. (On Lambda an
 * instance serves one request at a time; the local server and the tests serve hundreds at once.)
 */
export class CatalogWriter {
  private readonly guesses = new Map<string, number>();
  private readonly lanes = new Map<string, Lane>();

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

  private lane(kind: CatalogKind, shard: number): Lane {
    const key = `${kind}#${shard}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { busy: false, waiters: [] };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** The least busy shard of a catalogue (a random one among equals), other than `avoid`. */
  private pick(kind: CatalogKind, avoid?: number): number {
    let best: number[] = [];
    let load = Number.POSITIVE_INFINITY;
    for (let shard = 0; shard < CATALOG_SHARDS; shard++) {
      if (shard === avoid) continue;
      const lane = this.lane(kind, shard);
      const l = (lane.busy ? 1 : 0) + lane.waiters.length;
      if (l < load) {
        load = l;
        best = [shard];
      } else if (l === load) best.push(shard);
    }
    return best[Math.floor(this.random() * best.length) % best.length] as number;
  }

  private async hold(kind: CatalogKind, shard: number): Promise<() => void> {
    const lane = this.lane(kind, shard);
    if (lane.busy) await new Promise<void>((resolve) => lane.waiters.push(resolve));
    lane.busy = true;
    return () => {
      const next = lane.waiters.shift();
      if (next) next();
      else lane.busy = false;
    };
  }

  /**
   * `items` as one transaction together with the catalogue records of `touches` (none: a plain
   * transaction). A failed condition or conflict of the caller's own items leaves as it would from
   * Dynamo.transact.
   */
  async transact(
    pattern: AccessPatternName,
    build: TransactItem[] | ((attempt: number) => TransactItem[]),
    touches: readonly CatalogTouch[],
  ): Promise<void> {
    const touched = [...touchedIds(touches)];
    if (touched.length === 0) return this.dynamo.transact(pattern, build);
    const shards = touched.map(([kind]) => this.pick(kind));
    for (let attempt = 1; ; attempt++) {
      // Built again for every attempt, so a retried conflict spreads to other counter shards.
      const items = typeof build === 'function' ? build(attempt) : build;
      // Lanes in catalogue order (offers before requests): two writes never wait on each other.
      const releases: (() => void)[] = [];
      let error: unknown;
      try {
        for (const [j, [kind]] of touched.entries())
          releases.push(await this.hold(kind, shards[j] as number));
        const versions = await Promise.all(
          touched.map(([kind], j) => this.version(kind, shards[j] as number)),
        );
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
        } catch (e) {
          error = e;
        }
      } finally {
        for (const release of releases.reverse()) release();
      }
      let catalogOnly = false;
      if (error instanceof ConditionFailedError) {
        const failed = error;
        if (items.some((_, i) => failed.failed(i))) throw error;
        touched.forEach(([kind], j) => {
          const reason = failed.reasons[items.length + 2 * j];
          if (reason?.Code !== 'ConditionalCheckFailed') return;
          catalogOnly = true;
          // Another instance moved this shard: retry it at the version it holds now (no read).
          const old = reason.Item ? unmarshall(reason.Item as never) : {};
          this.learn(kind, shards[j] as number, Number(old.version ?? 0));
        });
        if (!catalogOnly) throw error;
      } else {
        const conflicted = conflictedItems(error);
        if (conflicted === undefined) throw error;
        catalogOnly = conflicted.length > 0 && conflicted.every((i) => i >= items.length);
        // Another instance on the same shard right now: move to another shard.
        touched.forEach(([kind], j) => {
          if (conflicted.includes(items.length + 2 * j)) shards[j] = this.pick(kind, shards[j]);
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
