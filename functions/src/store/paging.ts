/**
 * Pages that do not lie: a page is full unless the list has ended, and it carries a cursor exactly when
 * at least one more item follows. A filter (province, status) runs after DynamoDB's `Limit`, so one
 * Query can come back short or empty with more to read; this keeps reading (bounded by the partition)
 * until the page is full plus one item, and the cursor points at the last item returned.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../domain/model';
import { type CursorState, decodeCursor, encodeCursor, type StartKey } from './cursor';
import type { Dynamo } from './dynamo';
import type { Item } from './items';
import { type AccessPatternName, INDEX, INDEX_KEYS, KEY, partitions } from './table';

export interface PagedRead {
  pattern: AccessPatternName;
  /** One Query per partition, in the order they are listed (without Limit and ExclusiveStartKey). */
  partitions: readonly Omit<QueryCommandInput, 'TableName'>[];
  /** The attributes of the index's key, which a start key names. */
  keyNames: readonly string[];
}

const keyOf = (item: Item, names: readonly string[]): StartKey =>
  Object.fromEntries(names.map((n) => [n, String(item[n])]));

export async function exactPage<T>(
  dynamo: Dynamo,
  read: PagedRead,
  limit: number,
  from: CursorState,
  map: (item: Item) => T,
): Promise<Page<T>> {
  const found: { item: Item; partition: number }[] = [];
  let partition = from.partition ?? 0;
  let start: StartKey | undefined = from.key;
  while (partition < read.partitions.length) {
    const out = await dynamo.query(read.pattern, {
      ...read.partitions[partition],
      // One more than the page needs: it tells whether anything follows.
      Limit: limit + 1 - found.length,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    for (const item of out.Items ?? []) found.push({ item, partition });
    if (found.length > limit) {
      const last = found[limit - 1] as { item: Item; partition: number };
      return {
        items: found.slice(0, limit).map((f) => map(f.item)),
        nextCursor: encodeCursor({
          key: keyOf(last.item, read.keyNames),
          ...(read.partitions.length > 1 ? { partition: last.partition } : {}),
        }),
      };
    }
    start = out.LastEvaluatedKey as StartKey | undefined;
    if (!start) {
      partition++;
    }
  }
  return { items: found.map((f) => map(f.item)) };
}

/** One exact page of what one owner has (GSI2), of one kind by sort-key prefix, newest first. */
export function ownerPage<T>(
  dynamo: Dynamo,
  owner: string,
  prefix: string,
  pattern: 'listOffersOfOrganization' | 'listRequestsOfBusiness',
  page: PageRequest,
  map: (item: Item) => T,
): Promise<Page<T>> {
  const state = page.cursor
    ? decodeCursor(page.cursor, INDEX_KEYS[INDEX.byOwner], () => ({
        [KEY.gsi2pk]: partitions.owner(owner),
        [KEY.gsi2sk]: { prefix },
      }))
    : {};
  return exactPage(
    dynamo,
    {
      pattern,
      keyNames: INDEX_KEYS[INDEX.byOwner],
      partitions: [{ ...ownerQuery(owner, prefix), ScanIndexForward: false }],
    },
    page.limit,
    state,
    map,
  );
}

/** The Query of one owner's items of one kind (GSI2, sort-key prefix). */
export const ownerQuery = (owner: string, prefix: string) => ({
  IndexName: INDEX.byOwner,
  KeyConditionExpression: `${KEY.gsi2pk} = :pk AND begins_with(${KEY.gsi2sk}, :prefix)`,
  ExpressionAttributeValues: { ':pk': partitions.owner(owner), ':prefix': prefix },
});
