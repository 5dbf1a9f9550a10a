import type {
  BusinessCreate,
  BusinessPatch,
  OrganizationCreate,
  OrganizationKind,
  OrganizationPatch,
} from '@sinergi/shared/schemas';
import { found, ORGANIZATION_ROLES, requireOwner, requireRole } from './access';
import { createdOnce } from './ids';
import {
  type Business,
  businessSnapshot,
  type Identity,
  type Organization,
  organizationSnapshot,
  type Runtime,
} from './model';
import type { Repository } from './ports';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** UMKM profiles: one per business account; anyone signed in may read one, only its owner change it. */
export function businessProfiles(repo: Repository, rt: Runtime) {
  return {
    async create(who: Identity, input: BusinessCreate): Promise<Business> {
      requireRole(who, ['business'], 'create a business profile');
      const now = rt.now().toISOString();
      const business: Business = {
        ...input,
        id: rt.newId(),
        ownerId: who.userId,
        kbli: input.kbli ?? [],
        products: input.products ?? [],
        certifications: input.certifications ?? [],
        createdAt: now,
        updatedAt: now,
      };
      return createdOnce(
        async () => {
          await repo.createBusiness(business);
          return business;
        },
        () => repo.getBusiness(business.id),
        (found) => found.ownerId === who.userId,
      );
    },

    async get(_who: Identity, id: string): Promise<Business> {
      return found(await repo.getBusiness(id), 'business', id);
    },

    async update(who: Identity, id: string, patch: BusinessPatch): Promise<Business> {
      const previous = found(await repo.getBusiness(id), 'business', id);
      requireOwner(who, previous.ownerId, 'business');
      const next: Business = { ...previous, ...patch, updatedAt: rt.now().toISOString() };
      await repo.updateBusiness(next, previous);
      // Requests carry a snapshot of their business so matching reads no profile; keep it fresh.
      const snapshot = businessSnapshot(next);
      if (!sameJson(snapshot, businessSnapshot(previous))) {
        for (const request of await repo.listRequestsOfBusiness(id)) {
          await repo.setRequestBusiness(request.id, snapshot);
        }
      }
      return next;
    },
  };
}

/** Corporates, universities and community distributors; the kind follows the account's role. */
export function organizationProfiles(repo: Repository, rt: Runtime) {
  return {
    async create(who: Identity, input: OrganizationCreate): Promise<Organization> {
      const kind: OrganizationKind = requireRole(who, ORGANIZATION_ROLES, 'create an organization');
      const now = rt.now().toISOString();
      const organization: Organization = {
        ...input,
        id: rt.newId(),
        ownerId: who.userId,
        kind,
        track: { ratingCount: 0, ratingSum: 0 },
        createdAt: now,
        updatedAt: now,
      };
      return createdOnce(
        async () => {
          await repo.createOrganization(organization);
          return organization;
        },
        () => repo.getOrganization(organization.id),
        (found) => found.ownerId === who.userId,
      );
    },

    async get(_who: Identity, id: string): Promise<Organization> {
      return withAverage(found(await repo.getOrganization(id), 'organization', id));
    },

    async update(who: Identity, id: string, patch: OrganizationPatch): Promise<Organization> {
      const previous = found(await repo.getOrganization(id), 'organization', id);
      requireOwner(who, previous.ownerId, 'organization');
      const next: Organization = { ...previous, ...patch, updatedAt: rt.now().toISOString() };
      await repo.updateOrganization(next, previous);
      const snapshot = organizationSnapshot(next);
      if (!sameJson(snapshot, organizationSnapshot(previous))) {
        for (const offer of await repo.listOffersOfOrganization(id)) {
          await repo.setOfferOrganization(offer.id, snapshot, next.track);
        }
      }
      return withAverage(next);
    },
  };
}

export function withAverage<T extends { track: Organization['track'] }>(value: T): T {
  const { ratingCount, ratingSum } = value.track;
  return {
    ...value,
    track: {
      ratingCount,
      ratingSum,
      ...(ratingCount > 0 ? { ratingAverage: Math.round((ratingSum / ratingCount) * 100) / 100 } : {}),
    },
  };
}
