/**
 * A warm catalogue: the prepared open offers (or open requests) of each type, kept in this function
 * instance's memory and brought up to date by change, so a match read costs the same at 200 offers as
 * at 20,000.
 *
 * Every call reads the catalogue's version shards (ONE consistent Query of the tiny shard items of both
 * catalogues, store/table.ts, shared by the calls that arrive while it is on its way: fresh-reads.ts).
 * For each shard that moved past the version this instance holds, it reads that shard's
 * log after it (one consistent Query; the log is gapless, written in the same transaction as each
 * change, see store/catalog-log.ts), then only the items the entries name (consistent BatchGetItem),
 * and prepares those again. Every answer therefore reflects at least the versions the call read: an
 * offer closed or filled before the call is never shown as open with a free slot. A type is loaded
 * cold on its first use, in 1 MB pages of the open-items index, `COLD_LOAD_RANGES` ranges of creation
 * time at once; since that index is eventually consistent, the changes of the last `INDEX_LAG_MS` are
 * read again on top (items created during the load among them). A gap in a log (entries expired while
 * the instance slept) drops everything: the next call loads cold.
 *
 * @example
 * const offers = new Catalog(source, (o) => o.status === 'open', (o) => prepareOffer(toMatchOffer(o)));
 * const view = await offers.current('mentorship'); // { version, items, prepared, get(id) }
 */
import { type IndexSteps, indexDelta, runSteps } from '@sinergi/shared/matching';
import type { OfferType } from '@sinergi/shared/schemas';
import type { CatalogView, Held, RankingState } from '../domain/ports';

/** One change-log entry: the version it made and the ids it changed. */
export interface CatalogEntry {
  readonly version: number;
  readonly ids: readonly string[];
  /** Epoch ms of the write. */
  readonly at: number;
}

/** Where a catalogue reads from (store/dynamo-catalog.ts). */
export interface CatalogSource<T> {
  /**
   * Every shard's version (consistent; 0 before its first change), by shard, read after the call began.
   * Concurrent calls may share one read (store/dynamo-catalog.ts does, with `freshReads`).
   */
  versions(): Promise<number[]>;
  /** The entries of one shard with versions after `after`, up to `upTo`, in order (consistent). */
  changes(shard: number, after: number, upTo: number): Promise<CatalogEntry[]>;
  /** The newest `limit` entries of one shard up to `upTo`, newest first. */
  latest(shard: number, upTo: number, limit: number): Promise<CatalogEntry[]>;
  /** The current items of these ids (consistent); ids that no longer exist are simply absent. */
  items(ids: readonly string[]): Promise<T[]>;
  /** The open items of a type cut into about `parts` key ranges that together hold them all (a cold load). */
  ranges(type: OfferType, parts: number): Promise<KeyRange[]>;
  /** One page of the open items of a type within one range. */
  loadPage(
    type: OfferType,
    range: KeyRange,
    start?: Record<string, unknown>,
  ): Promise<{ items: T[]; next?: Record<string, unknown> }>;
}

/** A range of the open-items index's sort keys, both ends inclusive. */
export interface KeyRange {
  readonly from: string;
  readonly to: string;
}

/** A cold load reads this many key ranges at once, each page after page. */
export const COLD_LOAD_RANGES = 8;

/** How far the open-items index may lag behind the table: changes this recent are read again after a cold load. */
export const INDEX_LAG_MS = 30_000;
/** At most this many entries per shard are read again after a cold load. */
const RECENT_ENTRIES = 100;

/** An index over a type's prepared items as they were, and where each id was in it. */
interface Base<I> {
  readonly index: I;
  readonly at: ReadonlyMap<string, number>;
  readonly size: number;
}

/** A new base being built in the background: its index's passes, and the ids changed since its snapshot. */
interface Build<I> {
  readonly steps: IndexSteps<I>;
  readonly at: ReadonlyMap<string, number>;
  readonly size: number;
  readonly since: Set<string>;
  readonly done: Promise<void>;
  readonly finish: () => void;
}

/**
 * The open items of one type: items and their prepared forms in two arrays, index for index, and each
 * id's place. A change replaces in place or removes by moving the last one into the hole, so a view
 * costs two array copies, never a rebuild of the whole type.
 *
 * With an indexer, the set also keeps an index of its prepared items as they were at some point (the
 * base) and the ids changed since: a view ranks over the base plus that delta. Once the delta passes
 * 1/128 of the base (at least 64), a new base is built **in the background**, one pass per turn of the
 * event loop (`setImmediate`), from a snapshot of the items; reads meanwhile rank over the old base and
 * a growing delta, and the changes made during the build stay in the new base's delta. A read waits for
 * a build only when the delta has outgrown 8× that mark (writes far faster than builds).
 *
 * Why these marks: every read scores the whole delta (~1–2 µs an entry here); a build costs ~35 ms at
 * 10,000 offers and ~0.3–0.5 s at 50,000 requests of a type, in passes of at most ~60 ms. At 1/16 a
 * read after 600 offer changes scored 600 entries and warm match throughput halved (`npm run load`,
 * after its 1,200 writes); at 1/128 the delta costs a read at most ~0.1 ms at 10,000 offers. Before the
 * builds moved to the background, the read that crossed the mark built the index itself.
 */
class TypeSet<T extends { readonly id: string }, P, I> {
  readonly items: T[] = [];
  readonly prepared: P[] = [];
  private readonly at = new Map<string, number>();
  private base: Base<I> | undefined;
  private changed = new Set<string>();
  private build: Build<I> | undefined;
  /** The last answer of {@link ranking}, until the next change: reads between changes share one delta. */
  private state: RankingState<P, I> | undefined;

  /** The index and delta a view of the set as it is now ranks over. */
  ranking(indexer: (prepared: readonly P[]) => IndexSteps<I>): RankingState<P, I> {
    this.state ??= this.rank(indexer);
    return this.state;
  }

  /** Resolves once no new base is being built. */
  indexed(): Promise<void> {
    return this.build?.done ?? Promise.resolve();
  }

  private rank(indexer: (prepared: readonly P[]) => IndexSteps<I>): RankingState<P, I> {
    const mark = Math.max(64, (this.base?.size ?? 0) >> 7);
    if (this.base === undefined || this.changed.size > 8 * mark) {
      this.finishBuild(this.build ?? this.startBuild(indexer));
    } else if (this.changed.size > mark && this.build === undefined) {
      const build = this.startBuild(indexer);
      const step = () => {
        if (this.build !== build) return;
        const next = build.steps.next();
        if (next.done) this.adopt(build, next.value);
        else setImmediate(step);
      };
      setImmediate(step);
    }
    const base = this.base as Base<I>;
    if (this.changed.size === 0) return { index: base.index };
    const staleAt: number[] = [];
    const fresh: P[] = [];
    for (const id of this.changed) {
      const was = base.at.get(id);
      if (was !== undefined) staleAt.push(was);
      const now = this.at.get(id);
      if (now !== undefined) fresh.push(this.prepared[now] as P);
    }
    return { index: base.index, delta: indexDelta(base.size, staleAt, fresh) };
  }

  private startBuild(indexer: (prepared: readonly P[]) => IndexSteps<I>): Build<I> {
    const prepared = this.prepared.slice();
    let finish = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const build = {
      steps: indexer(prepared),
      at: new Map(this.at),
      size: prepared.length,
      since: new Set<string>(),
      done,
      finish,
    };
    this.build = build;
    return build;
  }

  /** Runs what is left of `build` now and makes it the base. */
  private finishBuild(build: Build<I>): void {
    this.adopt(build, runSteps(build.steps));
  }

  private adopt(build: Build<I>, index: I): void {
    this.base = { index, at: build.at, size: build.size };
    this.changed = build.since;
    this.build = undefined;
    this.state = undefined;
    build.finish();
  }

  put(item: T, prepared: P) {
    this.changed.add(item.id);
    this.build?.since.add(item.id);
    this.state = undefined;
    const i = this.at.get(item.id);
    if (i === undefined) {
      this.at.set(item.id, this.items.length);
      this.items.push(item);
      this.prepared.push(prepared);
    } else {
      this.items[i] = item;
      this.prepared[i] = prepared;
    }
  }

  delete(id: string): boolean {
    const i = this.at.get(id);
    if (i === undefined) return false;
    this.changed.add(id);
    this.build?.since.add(id);
    this.state = undefined;
    const last = this.items.length - 1;
    if (i !== last) {
      const moved = this.items[last] as T;
      this.items[i] = moved;
      this.prepared[i] = this.prepared[last] as P;
      this.at.set(moved.id, i);
    }
    this.items.pop();
    this.prepared.pop();
    this.at.delete(id);
    return true;
  }

  /** Where `id` is now (views check it against their own copy). */
  indexOf(id: string): number | undefined {
    return this.at.get(id);
  }
}

export class Catalog<T extends { readonly id: string; readonly type: OfferType }, P, I = never> {
  private readonly types = new Map<OfferType, TypeSet<T, P, I>>();
  private readonly views = new Map<OfferType, CatalogView<T, P, I>>();
  private held: number[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Steps queued that may load a type cold (`find` does not wait behind them). */
  private coldLoadsAhead = 0;
  private readonly coldLoadDone = () => {
    this.coldLoadsAhead--;
  };
  /** Counts for tests and the load harness. */
  readonly stats = { coldLoads: 0, refreshes: 0, itemsRead: 0, resets: 0 };

  constructor(
    private readonly source: CatalogSource<T>,
    /** Whether an item belongs in the catalogue (open). */
    private readonly keep: (item: T) => boolean,
    private readonly prepare: (item: T) => P,
    /** Indexes a type's prepared items for ranking, pass by pass (views then carry `ranking`). */
    private readonly indexer?: (prepared: readonly P[]) => IndexSteps<I>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The catalogue of a type, at least as new as the versions this call reads. The type may still be
   * on its way (the request being read): the versions are read meanwhile.
   */
  async current(typeOf: OfferType | PromiseLike<OfferType>): Promise<CatalogView<T, P, I>> {
    const [target, type] = await Promise.all([this.source.versions(), typeOf]);
    // One refresh at a time per instance; each brings the catalogue to (at least) its call's versions.
    // The view is taken inside the step, before the next one can start changing the catalogue.
    const cold = !this.types.has(type);
    if (cold) this.coldLoadsAhead++;
    const step = this.queue.then(async () => {
      await this.advance(target, type);
      return this.snapshot(type);
    });
    this.queue = step.catch(() => undefined);
    if (cold) step.then(this.coldLoadDone, this.coldLoadDone);
    return step;
  }

  /** Resolves once every type's index is built (new bases are built in the background; see TypeSet). */
  async indexed(): Promise<void> {
    await Promise.all([...this.types.values()].map((set) => set.indexed()));
  }

  /**
   * The item `id` and its prepared form if a type this instance has loaded holds it, at least as new as
   * the versions this call reads; undefined when none does (the item is not open, or its type is not
   * loaded here). Never loads a type, and reads nothing while none is loaded: a miss costs at most the
   * version read, and the caller reads the item.
   * A match read finds its own request here (and a candidate read its offer) instead of reading it.
   */
  async find(id: string): Promise<Held<T, P> | undefined> {
    // A cold load queued or running would hold the answer back for seconds: the table answers sooner.
    if (this.coldLoadsAhead > 0 || this.types.size === 0) return undefined;
    const target = await this.source.versions();
    const step = this.queue.then(async () => {
      await this.catchUp(target);
      for (const set of this.types.values()) {
        const i = set.indexOf(id);
        if (i !== undefined) return { item: set.items[i] as T, prepared: set.prepared[i] as P };
      }
      return undefined;
    });
    this.queue = step.catch(() => undefined);
    return step;
  }

  private async advance(target: readonly number[], type: OfferType): Promise<void> {
    await this.catchUp(target);
    if (!this.types.has(type)) await this.coldLoad(type, this.held as number[]);
  }

  /** Brings the loaded types to (at least) `target` by the change logs, or drops them all on a gap. */
  private async catchUp(target: readonly number[]): Promise<void> {
    const held = this.held;
    if (held && target.some((v, k) => v > (held[k] ?? 0))) {
      const moved = target.flatMap((v, k) => (v > (held[k] ?? 0) ? [k] : []));
      const logs = await Promise.all(
        moved.map((k) => this.source.changes(k, held[k] ?? 0, target[k] as number)),
      );
      const gap = logs.some((entries, i) => {
        const k = moved[i] as number;
        return (
          entries.length !== (target[k] as number) - (held[k] ?? 0) ||
          entries[0]?.version !== (held[k] ?? 0) + 1
        );
      });
      if (gap) {
        // The log expired under this instance: start over.
        this.stats.resets++;
        this.held = undefined;
      } else {
        await this.apply(logs.flat().flatMap((e) => e.ids));
        this.held = target.map((v, k) => Math.max(v, held[k] ?? 0));
        this.stats.refreshes++;
      }
    }
    if (!this.held) {
      this.types.clear();
      this.views.clear();
      this.held = [...target];
    }
  }

  private async coldLoad(type: OfferType, held: readonly number[]): Promise<void> {
    const started = this.now();
    const entries = new TypeSet<T, P, I>();
    const ranges = await this.source.ranges(type, COLD_LOAD_RANGES);
    await Promise.all(
      ranges.map(async (range) => {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await this.source.loadPage(type, range, start);
          for (const item of page.items) if (this.keep(item)) entries.put(item, this.prepare(item));
          start = page.next;
        } while (start);
      }),
    );
    this.types.set(type, entries);
    // The index may not show the latest changes yet: read their items again (consistently).
    const recent = await Promise.all(held.map((v, k) => this.source.latest(k, v, RECENT_ENTRIES)));
    const ids = recent.flat().flatMap((e) => (e.at >= started - INDEX_LAG_MS ? e.ids : []));
    await this.apply(ids, type);
    this.views.delete(type);
    this.stats.coldLoads++;
  }

  /** Reads the items of `ids` again and puts them in (or out of) the loaded types (or only `only`). */
  private async apply(ids: readonly string[], only?: OfferType): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const items = await this.source.items(unique);
    this.stats.itemsRead += items.length;
    const found = new Set<string>();
    for (const item of items) {
      found.add(item.id);
      if (only !== undefined && item.type !== only) continue;
      const entries = this.types.get(item.type);
      if (!entries) continue;
      if (this.keep(item)) entries.put(item, this.prepare(item));
      else entries.delete(item.id);
      this.views.delete(item.type);
    }
    for (const id of unique) {
      if (found.has(id)) continue;
      for (const [type, entries] of this.types) if (entries.delete(id)) this.views.delete(type);
    }
  }

  private snapshot(type: OfferType): CatalogView<T, P, I> {
    const set = this.types.get(type) ?? new TypeSet<T, P, I>();
    const cached = this.views.get(type);
    // A view stays while nothing changed, and its ranking is still the set's (no new base since).
    if (cached && (!this.indexer || cached.ranking === set.ranking(this.indexer))) return cached;
    const items = set.items.slice();
    const prepared = set.prepared.slice();
    const version = (this.held ?? []).reduce((a, b) => a + b, 0);
    const get = (id: string) => {
      const i = set.indexOf(id);
      const found = i === undefined ? undefined : items[i];
      // The set may have moved on since this view: then look in the view's own copy.
      return found?.id === id ? found : items.find((x) => x.id === id);
    };
    // Taken with the view (not on first use): the ranking then shows exactly the view's items.
    const ranking = this.indexer ? set.ranking(this.indexer) : undefined;
    const view: CatalogView<T, P, I> = { version, items, prepared, get, ...(ranking ? { ranking } : {}) };
    this.views.set(type, view);
    return view;
  }
}
