/**
 * The read side of the warm catalogues in DynamoDB: the version shards, the change log of each shard,
 * the changed items and a cold instance's paged load. Keys from table.ts; the write side is
 * catalog-log.ts.
 */
import type { OfferType } from '@sinergi/shared/schemas';
import type { CatalogEntry, CatalogSource } from '../catalog/catalog';
import type { Offer, PartnershipRequest } from '../domain/model';
import { Dynamo, type DynamoOptions } from './dynamo';
import { type Item, toOffer, toRequest } from './items';
import { CATALOG_SHARDS, type CatalogKind, catalogChangeSk, INDEX, KEY, keys, partitions } from './table';

const entryOf = (item: Item): CatalogEntry => ({
  version: Number(item.SK),
  ids: (item.ids as string[] | undefined) ?? [],
  at: Number(item.at ?? 0),
});

function source<T>(
  dynamo: Dynamo,
  kind: CatalogKind,
  keyOf: (id: string) => { PK: string; SK: string },
  openPartition: (type: OfferType) => string,
  toItem: (item: Item) => T,
): CatalogSource<T> {
  return {
    async versions() {
      const out = await dynamo.query('readCatalogVersions', {
        KeyConditionExpression: `${KEY.pk} = :pk`,
        ExpressionAttributeValues: { ':pk': partitions.catalog(kind) },
        ConsistentRead: true,
      });
      const versions = new Array<number>(CATALOG_SHARDS).fill(0);
      for (const item of out.Items ?? []) {
        const shard = Number(String(item.SK).slice('SHARD#'.length));
        if (shard >= 0 && shard < CATALOG_SHARDS) versions[shard] = Number(item.version ?? 0);
      }
      return versions;
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
    async loadPage(type, start) {
      const out = await dynamo.query('loadCatalogPage', {
        IndexName: INDEX.byTypeOpen,
        KeyConditionExpression: `${KEY.gsi1pk} = :pk`,
        ExpressionAttributeValues: { ':pk': openPartition(type) },
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
  return {
    offers: source<Offer>(dynamo, 'offers', keys.offer, partitions.openOffers, toOffer),
    requests: source<PartnershipRequest>(
      dynamo,
      'requests',
      keys.request,
      partitions.openRequests,
      toRequest,
    ),
  };
}
