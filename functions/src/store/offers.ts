/** Offers: the open-offers index (GSI1, sparse) and the organization's list (GSI2). */
import type { OfferType } from '@sinergi/shared/schemas';
import { ConflictError } from '../domain/errors';
import type { Offer, OrganizationSnapshot, Page, PageRequest } from '../domain/model';
import { type CatalogWriter, offerTouched } from './catalog-log';
import { decodeCursor } from './cursor';
import { ConditionFailedError, type Dynamo, setExpression } from './dynamo';
import { toOffer } from './items';
import { exactPage, ownerPage, ownerQuery } from './paging';
import { bump } from './plan-writer';
import { CONDITIONS, counters, INDEX, INDEX_KEYS, KEY, keys, ownerPrefixes, partitions } from './table';

/** Offers that serve a province: listed in it, nationwide, or based there. */
const SERVES_PROVINCE =
  'contains(provinces, :province) OR size(provinces) = :zero OR organization.province = :province';

/** Offers; every write that changes what a match read shows is recorded in the offers' catalogue. */
export function offerStore(dynamo: Dynamo, catalog: CatalogWriter) {
  return {
    async createOffer(offer: Offer): Promise<void> {
      await catalog
        .transact(
          'createOffer',
          (attempt) => [
            {
              Put: {
                Item: {
                  ...keys.offer(offer.id),
                  ...keys.openOffer(offer.type, offer.createdAt, offer.id),
                  ...keys.offerOwner(offer.organizationId, offer.createdAt, offer.id),
                  entity: 'offer',
                  ...offer,
                },
                ConditionExpression: CONDITIONS.absent,
              },
            },
            bump(counters.openOffers(offer.type), 1, attempt),
          ],
          [offerTouched(offer.id)],
        )
        .catch((error: unknown) => {
          // Only an earlier attempt of the same request (ids.ts) can have written this id.
          if (error instanceof ConditionFailedError) {
            throw new ConflictError('this offer already exists', { cause: error });
          }
          throw error;
        });
    },

    async getOffer(id: string): Promise<Offer | undefined> {
      const item = await dynamo.get('getOffer', keys.offer(id));
      return item && toOffer(item);
    },

    async updateOffer(
      id: string,
      changes: Partial<Offer>,
      expected: { capacity: number; updatedAt: string },
    ): Promise<Offer> {
      const {
        capacity,
        id: _id,
        remaining: _r,
        pendingProposals: _p,
        status: _s,
        type: _t,
        ownerId: _o,
        ...fields
      } = changes;
      const set = setExpression(fields);
      const values: Record<string, unknown> = {
        ...set.values,
        ':open': 'open',
        ':capacity': expected.capacity,
      };
      let condition = `${CONDITIONS.open} AND ${CONDITIONS.sameCapacity}`;
      if (capacity !== undefined && capacity !== expected.capacity) {
        const delta = capacity - expected.capacity;
        set.parts.push('#capacity = :newCapacity', 'remaining = remaining + :delta');
        values[':newCapacity'] = capacity;
        values[':delta'] = delta;
        // Slots taken since the offer was read must still fit in the new capacity.
        if (delta < 0) {
          condition += ` AND ${CONDITIONS.remainingAtLeast}`;
          values[':needed'] = -delta;
        }
      }
      try {
        await catalog.transact(
          'updateOffer',
          [
            {
              Update: {
                Key: keys.offer(id),
                UpdateExpression: `SET ${set.parts.join(', ')}`,
                ConditionExpression: condition,
                ExpressionAttributeNames: { ...set.names, '#status': 'status', '#capacity': 'capacity' },
                ExpressionAttributeValues: values,
              },
            },
          ],
          [offerTouched(id)],
        );
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          throw new ConflictError('the offer changed meanwhile (closed or slots taken); reload and retry', {
            cause: error,
          });
        }
        throw error;
      }
      // A transaction returns no attributes: the offer as written, read back.
      const item = await dynamo.get('getOffer', keys.offer(id));
      return toOffer(item ?? {});
    },

    async closeOffer(offer: Offer, now: string): Promise<boolean> {
      try {
        await catalog.transact(
          'closeOffer',
          (attempt) => [
            {
              Update: {
                Key: keys.offer(offer.id),
                UpdateExpression: `SET #status = :closed, updatedAt = :now REMOVE ${KEY.gsi1pk}, ${KEY.gsi1sk}`,
                ConditionExpression: CONDITIONS.open,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':now': now },
              },
            },
            bump(counters.openOffers(offer.type), -1, attempt),
          ],
          [offerTouched(offer.id)],
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },

    async listOpenOffers(type: OfferType): Promise<Offer[]> {
      const items = await dynamo.queryAll('listOpenOffersByType', {
        IndexName: INDEX.byTypeOpen,
        KeyConditionExpression: `${KEY.gsi1pk} = :pk`,
        ExpressionAttributeValues: { ':pk': partitions.openOffers(type) },
      });
      return items.map(toOffer);
    },

    /** Open offers of the given types in that order, optionally serving a province; exact pages. */
    pageOpenOffers(types: readonly OfferType[], page: PageRequest, province?: string): Promise<Page<Offer>> {
      const state = page.cursor
        ? decodeCursor(
            page.cursor,
            INDEX_KEYS[INDEX.byTypeOpen],
            (s) => ({ [KEY.gsi1pk]: partitions.openOffers(types[s.partition ?? 0] as OfferType) }),
            types.length,
          )
        : {};
      return exactPage(
        dynamo,
        {
          pattern: 'listOpenOffersByType',
          keyNames: INDEX_KEYS[INDEX.byTypeOpen],
          partitions: types.map((type) => ({
            IndexName: INDEX.byTypeOpen,
            KeyConditionExpression: `${KEY.gsi1pk} = :pk`,
            ScanIndexForward: false,
            ...(province
              ? {
                  FilterExpression: SERVES_PROVINCE,
                  ExpressionAttributeValues: {
                    ':pk': partitions.openOffers(type),
                    ':province': province,
                    ':zero': 0,
                  },
                }
              : { ExpressionAttributeValues: { ':pk': partitions.openOffers(type) } }),
          })),
        },
        page.limit,
        state,
        toOffer,
      );
    },

    pageOffersOfOrganization(organizationId: string, page: PageRequest): Promise<Page<Offer>> {
      return ownerPage(
        dynamo,
        organizationId,
        ownerPrefixes.offer,
        'listOffersOfOrganization',
        page,
        toOffer,
      );
    },

    async listOffersOfOrganization(organizationId: string): Promise<Offer[]> {
      const items = await dynamo.queryAll(
        'listOffersOfOrganization',
        ownerQuery(organizationId, ownerPrefixes.offer),
      );
      return items.map(toOffer);
    },

    async setOfferOrganization(offerId: string, organization: OrganizationSnapshot, track: Offer['track']) {
      try {
        await catalog.transact(
          'refreshOfferOrganization',
          [
            {
              Update: {
                Key: keys.offer(offerId),
                UpdateExpression: 'SET organization = :organization, track = :track',
                ConditionExpression: CONDITIONS.exists,
                ExpressionAttributeValues: {
                  ':organization': organization,
                  ':track': { ratingCount: track.ratingCount, ratingSum: track.ratingSum },
                },
              },
            },
          ],
          [offerTouched(offerId)],
        );
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
    },
  };
}
