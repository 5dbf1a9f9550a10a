/** Island groups used for the "same island group" distance band. */
export const ISLAND_GROUPS = [
  'sumatera',
  'jawa',
  'bali_nusa_tenggara',
  'kalimantan',
  'sulawesi',
  'maluku',
  'papua',
] as const;
export type IslandGroup = (typeof ISLAND_GROUPS)[number];

/** A province by its BPS code (not the Kemendagri code: they differ in Papua, see data/SOURCES.md §1). */
export interface Province {
  readonly code: string;
  readonly name: string;
  readonly capital: string;
  /** Capital's latitude/longitude (approximate town centre). */
  readonly lat: number;
  readonly lon: number;
  /** BPS poverty rate, % of population, Susenas March 2025. */
  readonly povertyRatePct: number;
  readonly islandGroup: IslandGroup;
}

export interface City {
  readonly provinceCode: string;
  readonly name: string;
  readonly type: string;
  readonly lat: number;
  readonly lon: number;
}

export interface KbliSection {
  readonly code: string;
  readonly nameId: string;
  readonly nameEn: string;
}

export interface Sector {
  /** Stable key used in profiles and offers, e.g. "kuliner". */
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly kbliSections: readonly string[];
  /** Two-digit KBLI 2020 divisions. */
  readonly kbliDivisions: readonly string[];
  readonly exampleKbli: readonly { readonly code: string; readonly name: string }[];
}

export interface SizeClassInfo {
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly maxCapitalIdr: number;
  readonly maxAnnualSalesIdr: number;
  readonly legalBasis: string;
}
