/** Business (UMKM) and organization profiles, with the counters that move with them. */
import { ConflictError } from '../domain/errors';
import type { Business, Organization } from '../domain/model';
import { linkAccount } from './accounts';
import { ConditionFailedError, type Dynamo, setExpression, type TransactItem } from './dynamo';
import { strip, toBusiness } from './items';
import { bump } from './plan-writer';
import { CONDITIONS, counters, keys } from './table';

export function profileStore(dynamo: Dynamo) {
  return {
    async createBusiness(business: Business): Promise<void> {
      try {
        await dynamo.transact('createBusiness', (attempt) => [
          {
            Put: {
              Item: { ...keys.business(business.id), entity: 'business', ...business },
              ConditionExpression: CONDITIONS.absent,
            },
          },
          linkAccount(business.ownerId, 'business', 'businessId', business.id, business.createdAt),
          bump(counters.businesses(), 1, attempt),
          bump(counters.businessesInProvince(business.province), 1, attempt),
          bump(counters.businessesInProvinceOfSize(business.province, business.sizeClass), 1, attempt),
        ]);
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          throw new ConflictError('this account already has a business profile', { cause: error });
        }
        throw error;
      }
    },

    async getBusiness(id: string): Promise<Business | undefined> {
      const item = await dynamo.get('getBusiness', keys.business(id));
      return item && toBusiness(item);
    },

    async updateBusiness(next: Business, previous: Business): Promise<void> {
      const { id: _id, ownerId: _owner, createdAt: _created, ...fields } = next;
      const set = setExpression(fields);
      const moved = next.province !== previous.province;
      const resized = moved || next.sizeClass !== previous.sizeClass;
      const items = (attempt: number): TransactItem[] => [
        {
          Update: {
            Key: keys.business(next.id),
            UpdateExpression: `SET ${set.parts.join(', ')}`,
            // The province and size counters move with the profile, so it must still be as `previous`.
            ConditionExpression: CONDITIONS.sameProvinceAndSize,
            ExpressionAttributeNames: set.names,
            ExpressionAttributeValues: {
              ...set.values,
              ':previousProvince': previous.province,
              ':previousSizeClass': previous.sizeClass,
            },
          },
        },
        ...(moved
          ? [
              bump(counters.businessesInProvince(previous.province), -1, attempt),
              bump(counters.businessesInProvince(next.province), 1, attempt),
            ]
          : []),
        ...(resized
          ? [
              bump(counters.businessesInProvinceOfSize(previous.province, previous.sizeClass), -1, attempt),
              bump(counters.businessesInProvinceOfSize(next.province, next.sizeClass), 1, attempt),
            ]
          : []),
      ];
      try {
        await dynamo.transact('updateBusiness', items);
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          throw new ConflictError('the profile changed meanwhile; reload and retry', { cause: error });
        }
        throw error;
      }
    },

    async createOrganization(organization: Organization): Promise<void> {
      try {
        await dynamo.transact('createOrganization', (attempt) => [
          {
            Put: {
              Item: { ...keys.organization(organization.id), entity: 'organization', ...organization },
              ConditionExpression: CONDITIONS.absent,
            },
          },
          linkAccount(
            organization.ownerId,
            organization.kind,
            'organizationId',
            organization.id,
            organization.createdAt,
          ),
          bump(counters.organizations(organization.kind), 1, attempt),
        ]);
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          throw new ConflictError('this account already has an organization', { cause: error });
        }
        throw error;
      }
    },

    async getOrganization(id: string): Promise<Organization | undefined> {
      const item = await dynamo.get('getOrganization', keys.organization(id));
      return item && strip<Organization>(item);
    },

    async updateOrganization(next: Organization): Promise<void> {
      // Profile fields only: the track record changes concurrently through feedback and must not be overwritten.
      const set = setExpression({
        name: next.name,
        province: next.province,
        city: next.city,
        description: next.description,
        updatedAt: next.updatedAt,
      });
      await dynamo.update('updateOrganization', {
        Key: keys.organization(next.id),
        UpdateExpression: `SET ${set.parts.join(', ')}`,
        ConditionExpression: CONDITIONS.exists,
        ExpressionAttributeNames: set.names,
        ExpressionAttributeValues: set.values,
      });
    },
  };
}
