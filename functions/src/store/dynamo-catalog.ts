/**
 * The read side of the warm catalogues in DynamoDB: the version shards, the change log of each shard,
 * the changed items and a cold instance's paged load. Keys from table.ts; the write side is
 * catalog-log.ts.
 */
import type { OfferType } from '@sinergi/shared/schemas';
import type { CatalogEntry, CatalogSource, KeyRange } from '../catalog/catalog';
import { freshReads } from '../catalog/fresh-reads';
import type { Offer, PartnershipRequest } from '../domain/model';
import { Dynamo, type DynamoOptions } from './dynamo';
import { type Item, toOffer, toRequest } from './items';
import {
  CATALOG_KINDS,
  CATALOG_SHARDS,
  type CatalogKind,
  catalogChangeSk,
  INDEX,
  KEY,
  keys,
  partitions,
} from './table';

const entryOf = (item: Item): CatalogEntry => ({
  version: Number(item.SK),
  ids: (item.ids as string[] | undefined) ?? [],
  at: Number(item.at ?? 0),
});

/**
 * Split the open-items index between two sort keys (`createdAt#id`, both inclusive) into `parts` ranges
 * of equal time. Inner bounds are bare timestamps: a key `t#id` sorts after `t`, so it falls in exactly
 * one of two ranges that meet at `t` (BETWEEN is inclusive on both ends).
 *
 * @example
 * keyRanges('2026-01-01T00:00:00.000Z#a', '2026-01-03T00:00:00.000Z#b', 2);
 * // → [{ from: '2026-01-01…#a', to: '2026-01-02T00:00:00.000Z' }, { from: '2026-01-02T00:00:00.000Z', to: '2026-01-03…#b' }]
 */
export function keyRanges(first: string, last: string, parts: number): KeyRange[] {
  const time = (key: string) => Date.parse(key.slice(0, key.indexOf('#')));
  const a = time(first);
  const b = time(last);
  if (!(b > a) || parts <= 1) return [{ from: first, to: last }];
  const cuts = Array.from({ length: parts - 1 }, (_, i) =>
    new Date(a + ((b - a) * (i + 1)) / parts).toISOString(),
  );
  // Kept only strictly inside (first, last) in key order, so the bounds ascend whatever the stored format.
  const bounds = [first, ...new Set(cuts.filter((cut) => cut > first && cut < last)), last];
  return bounds.slice(1).map((to, i) => ({ from: bounds[i] as string, to }));
}

/**
 * Both catalogues' shard versions in one consistent Query, shared by the calls that arrive while it is
 * on its way (a match read needs both: its request's and the offers').
 */
function versionReads(dynamo: Dynamo): () => Promise<Record<CatalogKind, number[]>> {
  return freshReads(async () => {
    const out = await dynamo.query('readCatalogVersions', {
      KeyConditionExpression: `${KEY.pk} = :pk`,
      ExpressionAttributeValues: { ':pk': partitions.catalog },
      ConsistentRead: true,
    });
    const versions = Object.fromEntries(
      CATALOG_KINDS.map((kind) => [kind, new Array<number>(CATALOG_SHARDS).fill(0)]),
    ) as Record<CatalogKind, number[]>;
    for (const item of out.Items ?? []) {
      const [kind, , shard] = String(item[KEY.sk]).split('#');
      const k = Number(shard);
      const shards = versions[kind as CatalogKind];
      if (shards && k >= 0 && k < CATALOG_SHARDS) shards[k] = Number(item.version ?? 0);
    }
    return versions;
  });
}

function source<T>(
  dynamo: Dynamo,
  versions: () => Promise<Record<CatalogKind, number[]>>,
  kind: CatalogKind,
  keyOf: (id: string) => { PK: string; SK: string },
  openPartition: (type: OfferType) => string,
  toItem: (item: Item) => T,
): CatalogSource<T> {
  return {
    async versions() {
      return (await versions())[kind];
    },
    async changes(shard, after, upTo) {
      const items = await dynamo.queryAll('readCatalogChanges', {
        KeyConditionExpression: `${KEY.pk} = :pk AND ${KEY.sk} BETWEEN :from AND :to`,
        ExpressionAttributeValues: {
          ':pk': partitions.catalogChanges(kind, shard),
          ':from': catalogChangeSk(after + 1),
          ':to': catalogChangeSk(upTo),
        },
        ConsistentRead: true,
      });
      return items.map(entryOf);
    },
    async latest(shard, upTo, limit) {
      if (upTo < 1) return [];
      const out = await dynamo.query('readCatalogChanges', {
        KeyConditionExpression: `${KEY.pk} = :pk AND ${KEY.sk} <= :to`,
        ExpressionAttributeValues: {
          ':pk': partitions.catalogChanges(kind, shard),
          ':to': catalogChangeSk(upTo),
        },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      });
      return (out.Items ?? []).map(entryOf);
    },
    async items(ids) {
      const items = await dynamo.batchGet('readCatalogItems', ids.map(keyOf));
      return items.map(toItem);
    },
    async ranges(type, parts) {
      // The oldest and newest open item's sort keys (`createdAt#id`), then even slices of time between.
      const edge = async (forward: boolean) => {
        const out = await dynamo.query('loadCatalogPage', {
          IndexName: INDEX.byTypeOpen,
          KeyConditionExpression: `${KEY.gsi1pk} = :pk`,
          ExpressionAttributeValues: { ':pk': openPartition(type) },
          ScanIndexForward: forward,
          Limit: 1,
        });
        return out.Items?.[0]?.[KEY.gsi1sk] as string | undefined;
      };
      const [first, last] = await Promise.all([edge(true), edge(false)]);
      if (first === undefined || last === undefined) return [];
      return keyRanges(first, last, parts);
    },
    async loadPage(type, range, start) {
      const out = await dynamo.query('loadCatalogPage', {
        IndexName: INDEX.byTypeOpen,
        KeyConditionExpression: `${KEY.gsi1pk} = :pk AND ${KEY.gsi1sk} BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':pk': openPartition(type), ':from': range.from, ':to': range.to },
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      return {
        items: (out.Items ?? []).map(toItem),
        ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
      };
    },
  };
}

/** Where each catalogue of this table reads from. */
export function dynamoCatalogSources(options: DynamoOptions) {
  const dynamo = new Dynamo(options);
  const versions = versionReads(dynamo);
  return {
    offers: source<Offer>(dynamo, versions, 'offers', keys.offer, partitions.openOffers, toOffer),
    requests: source<PartnershipRequest>(
      dynamo,
      versions,
      'requests',
      keys.request,
      partitions.openRequests,
      toRequest,
    ),
  };
}
