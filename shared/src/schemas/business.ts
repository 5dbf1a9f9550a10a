import { z } from 'zod';
import { CertificationList } from './certification';
import {
  Id,
  KbliCode,
  LIMITS,
  notEmpty,
  notEmptyIssue,
  ProvinceCode,
  paragraph,
  SectorKey,
  SizeClass,
  Timestamp,
  tags,
  text,
} from './common';

const businessFields = {
  name: text(LIMITS.name, 2),
  province: ProvinceCode,
  city: text(LIMITS.city).optional(),
  sizeClass: SizeClass,
  sector: SectorKey,
  kbli: z.array(KbliCode).max(20).optional(),
  products: tags().optional(),
  certifications: CertificationList.optional(),
  description: paragraph(LIMITS.description).optional(),
};

/** A UMKM's profile as its owner sends it. Unknown fields (ownerId, id, ...) are rejected. */
export const BusinessCreate = z.strictObject(businessFields).meta({ id: 'BusinessCreate' });
export type BusinessCreate = z.infer<typeof BusinessCreate>;

export const BusinessPatch = z
  .strictObject(businessFields)
  .partial()
  .refine(notEmpty, notEmptyIssue)
  .meta({ id: 'BusinessPatch' });
export type BusinessPatch = z.infer<typeof BusinessPatch>;

export const Business = z
  .object({
    id: Id,
    ownerId: Id,
    name: z.string(),
    province: z.string(),
    city: z.string().optional(),
    sizeClass: SizeClass,
    sector: z.string(),
    kbli: z.array(z.string()),
    products: z.array(z.string()),
    certifications: z.array(z.string()),
    description: z.string().optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Business' });
export type Business = z.infer<typeof Business>;

/** What a request carries of its business, kept fresh when the profile changes. */
export const BusinessSnapshot = z
  .object({
    id: Id,
    name: z.string(),
    province: z.string(),
    city: z.string().optional(),
    sizeClass: SizeClass,
    sector: z.string(),
    kbli: z.array(z.string()),
    products: z.array(z.string()),
    certifications: z.array(z.string()),
  })
  .meta({ id: 'BusinessSnapshot' });
export type BusinessSnapshot = z.infer<typeof BusinessSnapshot>;
