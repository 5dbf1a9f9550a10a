import { z } from 'zod';
import { CertificationList } from './certification';
import {
  Cursor,
  datesInOrder,
  datesInOrderIssue,
  Id,
  IsoDate,
  LIMITS,
  notEmpty,
  notEmptyIssue,
  OfferMode,
  OfferType,
  PageLimit,
  ProvinceCode,
  page,
  paragraph,
  SectorKey,
  SizeClass,
  Timestamp,
  tags,
  text,
} from './common';
import { OrganizationSnapshot, TrackRecord } from './organization';

const offerFields = {
  type: OfferType,
  title: text(LIMITS.title, 3),
  description: paragraph(LIMITS.description).optional(),
  /** Mentorship topics, intern skills or product categories, by type. */
  topics: tags(LIMITS.tags, 1),
  sectors: z.array(SectorKey).max(30).optional(),
  sizeClasses: z.array(SizeClass).max(3).optional(),
  /** Provinces served; absent or empty means nationwide. */
  provinces: z.array(ProvinceCode).max(38).optional(),
  mode: OfferMode,
  capacity: z.number().int().min(1).max(LIMITS.capacity),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  requiredCertifications: CertificationList.optional(),
  languages: tags(LIMITS.languages).optional(),
};

/** An offer as its organization posts it. `remaining`, `status` and the owner are the server's. */
export const OfferCreate = z
  .strictObject(offerFields)
  .refine(datesInOrder, datesInOrderIssue)
  .meta({ id: 'OfferCreate' });
export type OfferCreate = z.infer<typeof OfferCreate>;

const { type: _type, ...patchable } = offerFields;
/** Everything but the type can change; a new capacity may not drop below the slots already taken. */
export const OfferPatch = z
  .strictObject(patchable)
  .partial()
  .refine(notEmpty, notEmptyIssue)
  .refine(datesInOrder, datesInOrderIssue)
  .meta({ id: 'OfferPatch' });
export type OfferPatch = z.infer<typeof OfferPatch>;

export const OfferStatus = z.enum(['open', 'closed']).meta({ id: 'OfferStatus' });

export const Offer = z
  .object({
    id: Id,
    ownerId: Id,
    organizationId: Id,
    organization: OrganizationSnapshot,
    type: OfferType,
    title: z.string(),
    description: z.string().optional(),
    topics: z.array(z.string()),
    sectors: z.array(z.string()),
    sizeClasses: z.array(SizeClass),
    provinces: z.array(z.string()),
    mode: OfferMode,
    capacity: z.number().int(),
    remaining: z.number().int(),
    /** Proposals to this offer waiting for its answer; a round only fills `remaining - pendingProposals`. */
    pendingProposals: z.number().int().min(0),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    requiredCertifications: z.array(z.string()),
    languages: z.array(z.string()),
    status: OfferStatus,
    track: TrackRecord,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof Offer>;

export const OfferListQuery = z.strictObject({
  type: OfferType.optional(),
  /** Offers that serve this province (nationwide offers included). */
  province: ProvinceCode.optional(),
  /** Every offer (open and closed) of one organization, instead of the open ones. */
  organizationId: Id.optional(),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export type OfferListQuery = z.infer<typeof OfferListQuery>;

export const OfferPage = page(Offer).meta({ id: 'OfferPage' });
export type OfferPage = z.infer<typeof OfferPage>;
