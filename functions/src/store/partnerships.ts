/** Partnerships: each party's list (GSI1 for the UMKM's user, GSI2 for the partner's). Every change
 * of a partnership is a change plan of the workflow (plan-writer.ts). */
import type { Page, PageRequest, PartnershipRecord } from '../domain/model';
import { decodeCursor } from './cursor';
import type { Dynamo } from './dynamo';
import { toPartnership } from './items';
import { exactPage } from './paging';
import { counterOf, INDEX, INDEX_KEYS, KEY, keys, partitions, partnershipPrefix } from './table';

export function partnershipStore(dynamo: Dynamo) {
  return {
    async getPartnership(id: string): Promise<PartnershipRecord | undefined> {
      const item = await dynamo.get('getPartnership', keys.partnership(id));
      return item && toPartnership(item);
    },

    /** A party's partnerships, newest first, optionally of one status; exact pages. */
    pagePartnershipsOfUser(
      userId: string,
      side: 'business' | 'organization',
      page: PageRequest,
      status?: PartnershipRecord['status'],
    ): Promise<Page<PartnershipRecord>> {
      const index = side === 'business' ? INDEX.byTypeOpen : INDEX.byOwner;
      const pk = side === 'business' ? KEY.gsi1pk : KEY.gsi2pk;
      const sk = side === 'business' ? KEY.gsi1sk : KEY.gsi2sk;
      const state = page.cursor
        ? decodeCursor(page.cursor, INDEX_KEYS[index], () => ({
            [pk]: partitions.party(userId),
            [sk]: { prefix: partnershipPrefix },
          }))
        : {};
      return exactPage(
        dynamo,
        {
          pattern: side === 'business' ? 'listPartnershipsOfBusinessUser' : 'listPartnershipsOfPartnerUser',
          keyNames: INDEX_KEYS[index],
          partitions: [
            {
              IndexName: index,
              KeyConditionExpression: `${pk} = :pk AND begins_with(${sk}, :prefix)`,
              ...(status
                ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
                : {}),
              ExpressionAttributeValues: {
                ':pk': partitions.party(userId),
                ':prefix': partnershipPrefix,
                ...(status ? { ':status': status } : {}),
              },
              ScanIndexForward: false,
            },
          ],
        },
        page.limit,
        state,
        toPartnership,
      );
    },
  };
}

export function counterStore(dynamo: Dynamo) {
  return {
    /** Every counter of the STATS partition as `dimension#value` → count. */
    async readCounters(): Promise<Map<string, number>> {
      const items = await dynamo.queryAll('readCounters', {
        KeyConditionExpression: `${KEY.pk} = :pk`,
        ExpressionAttributeValues: { ':pk': partitions.stats },
      });
      const totals = new Map<string, number>();
      for (const item of items) {
        const counter = counterOf(String(item[KEY.sk]));
        totals.set(counter, (totals.get(counter) ?? 0) + Number(item.count ?? 0));
      }
      return totals;
    },
  };
}
