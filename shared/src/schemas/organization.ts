import { z } from 'zod';
import {
  Id,
  LIMITS,
  notEmpty,
  notEmptyIssue,
  OrganizationKind,
  ProvinceCode,
  paragraph,
  Timestamp,
  text,
} from './common';

const organizationFields = {
  name: text(LIMITS.name, 2),
  province: ProvinceCode,
  city: text(LIMITS.city).optional(),
  description: paragraph(LIMITS.description).optional(),
};

/** A corporate, university or community distributor; its `kind` follows the caller's role. */
export const OrganizationCreate = z.strictObject(organizationFields).meta({ id: 'OrganizationCreate' });
export type OrganizationCreate = z.infer<typeof OrganizationCreate>;

export const OrganizationPatch = z
  .strictObject(organizationFields)
  .partial()
  .refine(notEmpty, notEmptyIssue)
  .meta({ id: 'OrganizationPatch' });
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;

export const TrackRecord = z
  .object({
    ratingCount: z.number().int().min(0),
    ratingSum: z.number().int().min(0),
    /** Mean rating 1–5, absent until the first rating. */
    ratingAverage: z.number().optional(),
  })
  .meta({ id: 'TrackRecord' });
export type TrackRecord = z.infer<typeof TrackRecord>;

export const Organization = z
  .object({
    id: Id,
    ownerId: Id,
    kind: OrganizationKind,
    name: z.string(),
    province: z.string(),
    city: z.string().optional(),
    description: z.string().optional(),
    track: TrackRecord,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof Organization>;

/** What an offer carries of its organization, kept fresh when the profile or its ratings change. */
export const OrganizationSnapshot = z
  .object({
    id: Id,
    kind: OrganizationKind,
    name: z.string(),
    province: z.string(),
    city: z.string().optional(),
  })
  .meta({ id: 'OrganizationSnapshot' });
export type OrganizationSnapshot = z.infer<typeof OrganizationSnapshot>;
