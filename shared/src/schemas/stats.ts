import { z } from 'zod';

/** Headline figures for the landing page; read from counter items, never by scanning. */
export const StatsSummary = z
  .object({
    businesses: z.number().int(),
    organizations: z.number().int(),
    /** Open offers by type. */
    offers: z.object({
      mentorship: z.number().int(),
      internship: z.number().int(),
      distribution: z.number().int(),
    }),
    /** Provinces with at least one UMKM. */
    provincesCovered: z.number().int(),
    /** Partnerships that were accepted (active or completed). */
    partnerships: z.number().int(),
  })
  .meta({ id: 'StatsSummary' });
export type StatsSummary = z.infer<typeof StatsSummary>;

const CountsByType = z.object({
  mentorship: z.number().int(),
  internship: z.number().int(),
  distribution: z.number().int(),
});
const CountsBySize = z.object({
  mikro: z.number().int(),
  kecil: z.number().int(),
  menengah: z.number().int(),
});

export const StatsImpact = z
  .object({
    /** Accepted partnerships (active or completed) per UMKM province, with the BPS poverty rate. */
    byProvince: z.array(
      z.object({
        province: z.string(),
        name: z.string(),
        povertyRatePct: z.number(),
        partnerships: z.number().int(),
        businesses: z.number().int(),
        /** The province's accepted partnerships by offer type: the map and table filtered by type. */
        partnershipsByType: CountsByType,
        /** The province's accepted partnerships by the UMKM's size class. */
        partnershipsBySizeClass: CountsBySize,
        /** The province's registered UMKM by size class: the rate's denominator under a size filter. */
        businessesBySizeClass: CountsBySize,
      }),
    ),
    byType: CountsByType,
    bySizeClass: CountsBySize,
    total: z.number().int(),
    /** Share of accepted partnerships whose UMKM is in a province above the median poverty rate. */
    highPovertyShare: z.number().optional(),
  })
  .meta({ id: 'StatsImpact' });
export type StatsImpact = z.infer<typeof StatsImpact>;
