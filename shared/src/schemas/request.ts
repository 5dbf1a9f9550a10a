import { z } from 'zod';
import { BusinessSnapshot } from './business';
import {
  Cursor,
  datesInOrder,
  datesInOrderIssue,
  Id,
  IsoDate,
  LIMITS,
  notEmpty,
  notEmptyIssue,
  OfferType,
  PageLimit,
  ProvinceCode,
  page,
  paragraph,
  RequestMode,
  Timestamp,
  tags,
} from './common';

const requestFields = {
  type: OfferType,
  /** What the UMKM needs: mentorship topics, intern skills or product categories. */
  needs: tags(LIMITS.tags, 1),
  mode: RequestMode.optional(),
  /** Provinces where the UMKM can work with a partner; absent means its own province. */
  provinces: z.array(ProvinceCode).max(38).optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  languages: tags(LIMITS.languages).optional(),
  note: paragraph(LIMITS.note).optional(),
};

/** A UMKM's partnership request. The business is the caller's own. */
export const RequestCreate = z
  .strictObject(requestFields)
  .refine(datesInOrder, datesInOrderIssue)
  .meta({ id: 'RequestCreate' });
export type RequestCreate = z.infer<typeof RequestCreate>;

const { type: _type, ...patchable } = requestFields;
export const RequestPatch = z
  .strictObject(patchable)
  .partial()
  .refine(notEmpty, notEmptyIssue)
  .refine(datesInOrder, datesInOrderIssue)
  .meta({ id: 'RequestPatch' });
export type RequestPatch = z.infer<typeof RequestPatch>;

/**
 * `open`: being matched (listed for partners, allocated in rounds); `matched`: one of its partnerships was
 * accepted, so it is fulfilled and leaves matching (cancelling that partnership reopens it); `closed`: the
 * UMKM closed it.
 */
export const REQUEST_STATUSES = ['open', 'matched', 'closed'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES).meta({ id: 'RequestStatus' });
export type RequestStatus = z.infer<typeof RequestStatus>;

/** A proposal of this request still waiting for the partner's answer. */
export const PendingProposal = z.object({ partnershipId: Id, offerId: Id }).meta({ id: 'PendingProposal' });
export type PendingProposal = z.infer<typeof PendingProposal>;

export const PartnershipRequest = z
  .object({
    id: Id,
    ownerId: Id,
    businessId: Id,
    business: BusinessSnapshot,
    type: OfferType,
    needs: z.array(z.string()),
    mode: RequestMode,
    provinces: z.array(z.string()),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    languages: z.array(z.string()),
    note: z.string().optional(),
    /** Words of the needs the matching did not understand ("tidak dipahami"): shown, never scored. */
    notUnderstood: z.array(z.string()).optional(),
    status: RequestStatus,
    /**
     * Its proposals waiting for an answer (at most LIMITS.pendingProposals). When one is accepted the
     * others are withdrawn in the same transaction.
     */
    pendingProposals: z.array(PendingProposal),
    /** Offers whose partner declined this request: it cannot be proposed to them again, nor by a round. */
    declinedOfferIds: z.array(Id),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'PartnershipRequest' });
export type PartnershipRequest = z.infer<typeof PartnershipRequest>;

export const RequestListQuery = z.strictObject({
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

export const RequestPage = page(PartnershipRequest).meta({ id: 'RequestPage' });
export type RequestPage = z.infer<typeof RequestPage>;
