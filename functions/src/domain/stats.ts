import { MEDIAN_POVERTY_RATE_PCT, PROVINCES, SIZE_CLASS_KEYS } from '@sinergi/shared/reference';
import { OFFER_TYPES, type StatsImpact, type StatsSummary } from '@sinergi/shared/schemas';
import type { Repository } from './ports';

/** Figures from the counter items; one Query, never a Scan. Counter keys are `dimension#value`. */
export function statsService(repo: Repository) {
  return {
    async summary(): Promise<StatsSummary> {
      return summaryFromCounters(await repo.readCounters());
    },
    async impact(): Promise<StatsImpact> {
      return impactFromCounters(await repo.readCounters());
    },
  };
}

const count = (counters: Map<string, number>, dimension: string, value: string) =>
  Math.max(0, counters.get(`${dimension}#${value}`) ?? 0);

export function summaryFromCounters(counters: Map<string, number>): StatsSummary {
  let organizations = 0;
  let provincesCovered = 0;
  for (const [key, value] of counters) {
    if (key.startsWith('organizations#')) organizations += value;
    if (key.startsWith('businessesInProvince#') && value > 0) provincesCovered++;
  }
  return {
    businesses: count(counters, 'businesses', 'all'),
    organizations,
    offers: {
      mentorship: count(counters, 'openOffers', 'mentorship'),
      internship: count(counters, 'openOffers', 'internship'),
      distribution: count(counters, 'openOffers', 'distribution'),
    },
    provincesCovered,
    partnerships: count(counters, 'partnerships', 'all'),
  };
}

/** One count per key, from the counter items `dimension#<prefix><key>`. */
function countsOf<K extends string>(
  counters: Map<string, number>,
  dimension: string,
  keys: readonly K[],
  prefix = '',
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, count(counters, dimension, `${prefix}${k}`)])) as Record<
    K,
    number
  >;
}

export function impactFromCounters(counters: Map<string, number>): StatsImpact {
  const byProvince = PROVINCES.map((p) => ({
    province: p.code,
    name: p.name,
    povertyRatePct: p.povertyRatePct,
    partnerships: count(counters, 'partnershipsInProvince', p.code),
    businesses: count(counters, 'businessesInProvince', p.code),
    partnershipsByType: countsOf(counters, 'partnershipsInProvinceOfType', OFFER_TYPES, `${p.code}#`),
    partnershipsBySizeClass: countsOf(
      counters,
      'partnershipsInProvinceOfSize',
      SIZE_CLASS_KEYS,
      `${p.code}#`,
    ),
    businessesBySizeClass: countsOf(counters, 'businessesInProvinceOfSize', SIZE_CLASS_KEYS, `${p.code}#`),
  })).sort((a, b) => b.partnerships - a.partnerships || b.povertyRatePct - a.povertyRatePct);
  const total = count(counters, 'partnerships', 'all');
  const highPoverty = byProvince
    .filter((p) => p.povertyRatePct > MEDIAN_POVERTY_RATE_PCT)
    .reduce((sum, p) => sum + p.partnerships, 0);
  return {
    byProvince,
    byType: countsOf(counters, 'partnershipsOfType', OFFER_TYPES),
    bySizeClass: countsOf(counters, 'partnershipsOfSize', SIZE_CLASS_KEYS),
    total,
    ...(total > 0 ? { highPovertyShare: Math.round((highPoverty / total) * 1000) / 1000 } : {}),
  };
}
