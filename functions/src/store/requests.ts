/** Requests: the open-requests index (GSI1, sparse) and the business's list (GSI2). Writes that
 * change a request's state are change plans (plan-writer.ts). */
import type { OfferType } from '@sinergi/shared/schemas';
import { ConflictError } from '../domain/errors';
import type { BusinessSnapshot, Page, PageRequest, PartnershipRequest } from '../domain/model';
import { type CatalogWriter, requestTouched } from './catalog-log';
import { ConditionFailedError, type Dynamo, setExpression } from './dynamo';
import { toRequest } from './items';
import { ownerPage, ownerQuery } from './paging';
import { CONDITIONS, INDEX, KEY, keys, ownerPrefixes, partitions } from './table';

export function requestStore(dynamo: Dynamo, catalog: CatalogWriter) {
  return {
    async getRequest(id: string): Promise<PartnershipRequest | undefined> {
      const item = await dynamo.get('getRequest', keys.request(id));
      return item && toRequest(item);
    },

    async updateRequest(
      id: string,
      changes: Partial<PartnershipRequest>,
      expectedUpdatedAt: string,
    ): Promise<PartnershipRequest> {
      const {
        id: _id,
        type: _t,
        status: _s,
        ownerId: _o,
        businessId: _b,
        business: _snap,
        pendingProposals: _pending,
        declinedOfferIds: _declined,
        ...fields
      } = changes;
      const set = setExpression(fields);
      try {
        await catalog.transact(
          'updateRequest',
          [
            {
              Update: {
                Key: keys.request(id),
                UpdateExpression: `SET ${set.parts.join(', ')}`,
                ConditionExpression: `${CONDITIONS.open} AND ${CONDITIONS.sameUpdatedAt}`,
                ExpressionAttributeNames: { ...set.names, '#status': 'status' },
                ExpressionAttributeValues: { ...set.values, ':open': 'open', ':expected': expectedUpdatedAt },
              },
            },
          ],
          [requestTouched(id)],
        );
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          throw new ConflictError('the request changed meanwhile; reload and retry', { cause: error });
        }
        throw error;
      }
      // A transaction returns no attributes: the request as written, read back.
      const item = await dynamo.get('getRequest', keys.request(id));
      return toRequest(item ?? {});
    },

    async listOpenRequests(type: OfferType): Promise<PartnershipRequest[]> {
      const items = await dynamo.queryAll('listOpenRequestsByType', {
        IndexName: INDEX.byTypeOpen,
        KeyConditionExpression: `${KEY.gsi1pk} = :pk`,
        ExpressionAttributeValues: { ':pk': partitions.openRequests(type) },
      });
      return items.map(toRequest);
    },

    pageRequestsOfBusiness(businessId: string, page: PageRequest): Promise<Page<PartnershipRequest>> {
      return ownerPage(dynamo, businessId, ownerPrefixes.request, 'listRequestsOfBusiness', page, toRequest);
    },

    async listRequestsOfBusiness(businessId: string): Promise<PartnershipRequest[]> {
      const items = await dynamo.queryAll(
        'listRequestsOfBusiness',
        ownerQuery(businessId, ownerPrefixes.request),
      );
      return items.map(toRequest);
    },

    async setRequestBusiness(requestId: string, business: BusinessSnapshot): Promise<void> {
      try {
        await catalog.transact(
          'refreshRequestSnapshot',
          [
            {
              Update: {
                Key: keys.request(requestId),
                UpdateExpression: 'SET business = :business',
                ConditionExpression: CONDITIONS.exists,
                ExpressionAttributeValues: { ':business': business },
              },
            },
          ],
          [requestTouched(requestId)],
        );
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
    },
  };
}
