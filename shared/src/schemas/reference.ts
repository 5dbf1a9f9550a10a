import { z } from 'zod';

export const ProvinceInfo = z
  .object({
    code: z.string(),
    name: z.string(),
    capital: z.string(),
    lat: z.number(),
    lon: z.number(),
    povertyRatePct: z.number(),
    islandGroup: z.string(),
  })
  .meta({ id: 'ProvinceInfo' });

export const ProvinceList = z.object({ items: z.array(ProvinceInfo) }).meta({ id: 'ProvinceList' });
export type ProvinceList = z.infer<typeof ProvinceList>;

export const SectorInfo = z
  .object({
    key: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    kbliSections: z.array(z.string()),
    kbliDivisions: z.array(z.string()),
  })
  .meta({ id: 'SectorInfo' });

export const SectorList = z.object({ items: z.array(SectorInfo) }).meta({ id: 'SectorList' });
export type SectorList = z.infer<typeof SectorList>;
