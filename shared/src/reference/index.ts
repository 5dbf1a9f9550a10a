/**
 * Reference facts carried into the repo from ../shared/data with their sources (data/SOURCES.md):
 * 38 provinces with BPS codes and March 2025 poverty rates, demo cities with coordinates,
 * KBLI 2020 sections, common UMKM sectors and PP 7/2021 size classes; certifications with their legal
 * basis (certifications.data.ts).
 */
import { CITIES } from './cities.data';
import { KBLI_SECTIONS, SECTORS, SIZE_CLASSES } from './classification.data';
import { PROVINCES } from './provinces.data';
import type { City, Province, Sector } from './types';

export * from './certifications';
export * from './types';
export { CITIES, KBLI_SECTIONS, PROVINCES, SECTORS, SIZE_CLASSES };

export const SIZE_CLASS_KEYS = ['mikro', 'kecil', 'menengah'] as const;
export type SizeClass = (typeof SIZE_CLASS_KEYS)[number];

export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as readonly string[];
export const SECTOR_KEYS = SECTORS.map((s) => s.key) as readonly string[];

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const sectorByKey = new Map(SECTORS.map((s) => [s.key, s]));
const citiesByProvince = new Map<string, City[]>();
for (const city of CITIES) {
  const list = citiesByProvince.get(city.provinceCode) ?? [];
  list.push(city);
  citiesByProvince.set(city.provinceCode, list);
}

export function findProvince(code: string): Province | undefined {
  return provinceByCode.get(code);
}

export function findSector(key: string): Sector | undefined {
  return sectorByKey.get(key);
}

export function citiesOf(provinceCode: string): readonly City[] {
  return citiesByProvince.get(provinceCode) ?? [];
}

/** A city by province and (case-insensitive) name, for coordinates finer than the province capital. */
export function findCity(provinceCode: string, name: string): City | undefined {
  const wanted = name.trim().toLowerCase();
  return citiesOf(provinceCode).find((c) => c.name.toLowerCase() === wanted);
}

/** Median of the 38 provincial poverty rates (March 2025), the line for "high-poverty province". */
export const MEDIAN_POVERTY_RATE_PCT: number = (() => {
  const rates = PROVINCES.map((p) => p.povertyRatePct).sort((a, b) => a - b);
  const mid = rates.length / 2;
  return ((rates[Math.floor(mid - 0.5)] ?? 0) + (rates[Math.ceil(mid - 0.5)] ?? 0)) / 2;
})();

export const MAX_POVERTY_RATE_PCT: number = Math.max(...PROVINCES.map((p) => p.povertyRatePct));

/** National poverty rate, March 2025 (BPS BRS 63/07/Th.XXVIII), for comparison in the interface. */
export const NATIONAL_POVERTY_RATE_PCT = 8.47;
