import { z } from 'zod';
import {
  Cursor,
  Id,
  LIMITS,
  OfferType,
  OrganizationKind,
  PageLimit,
  page,
  paragraph,
  SizeClass,
  Timestamp,
} from './common';

/**
 * proposed → active (accepted) | declined | cancelled | withdrawn (its request was fulfilled by another
 * accepted partnership, or closed); active → completed | cancelled.
 */
export const PARTNERSHIP_STATUSES = [
  'proposed',
  'active',
  'declined',
  'cancelled',
  'withdrawn',
  'completed',
] as const;
export const PartnershipStatus = z.enum(PARTNERSHIP_STATUSES).meta({ id: 'PartnershipStatus' });
export type PartnershipStatus = z.infer<typeof PartnershipStatus>;

/** The UMKM proposes its request to an offer. */
export const PartnershipCreate = z
  .strictObject({ requestId: Id, offerId: Id })
  .meta({ id: 'PartnershipCreate' });
export type PartnershipCreate = z.infer<typeof PartnershipCreate>;

export const FeedbackCreate = z
  .strictObject({
    rating: z.number().int().min(1).max(5),
    comment: paragraph(LIMITS.comment).optional(),
  })
  .meta({ id: 'FeedbackCreate' });
export type FeedbackCreate = z.infer<typeof FeedbackCreate>;

export const Feedback = z.object({ rating: z.number().int(), comment: z.string().optional(), at: Timestamp });

export const Partnership = z
  .object({
    id: Id,
    status: PartnershipStatus,
    type: OfferType,
    /** `direct`: proposed by the UMKM; `round`: proposed by an admin's allocation round. */
    source: z.enum(['direct', 'round']),
    roundId: Id.optional(),
    requestId: Id,
    offerId: Id,
    /** User ids of the two parties: the UMKM's owner and the organization's owner. */
    businessOwnerId: Id,
    organizationOwnerId: Id,
    offerTitle: z.string(),
    business: z.object({ id: Id, name: z.string(), province: z.string(), sizeClass: SizeClass }),
    organization: z.object({ id: Id, name: z.string(), kind: OrganizationKind }),
    feedback: z
      .object({ fromBusiness: Feedback.optional(), fromOrganization: Feedback.optional() })
      .optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof Partnership>;

export const PartnershipListQuery = z.strictObject({
  role: z.literal('mine').default('mine'),
  status: PartnershipStatus.optional(),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export type PartnershipListQuery = z.infer<typeof PartnershipListQuery>;

export const PartnershipPage = page(Partnership).meta({ id: 'PartnershipPage' });
export type PartnershipPage = z.infer<typeof PartnershipPage>;
