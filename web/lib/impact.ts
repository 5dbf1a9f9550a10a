import type { OfferType, SizeClass, StatsImpact } from '@sinergi/shared/schemas';
import { formatsFor } from './format';
import type { Locale } from './i18n/locale';

/** One province's figures, as the table, the map, the chart and the CSV all show them. */
export interface ImpactRow {
  province: string;
  name: string;
  povertyRatePct: number;
  partnerships: number;
  businesses: number;
  /** Accepted partnerships per 100 registered UMKM of the province; undefined when it has none. */
  per100: number | undefined;
}

export type Measure = 'per100' | 'povertyRatePct';

/**
 * Which partnerships count: all, one offer type, or one UMKM size class (then per 100 UMKM of that
 * class). One dimension at a time: the counters are per province × type and per province × size class.
 */
export type ImpactFilter =
  | { kind: 'all' }
  | { kind: 'type'; type: OfferType }
  | { kind: 'size'; sizeClass: SizeClass };

export const ALL: ImpactFilter = { kind: 'all' };

/** The filter as one form value ("all", "type:internship", "size:mikro") and back. */
export function filterValue(f: ImpactFilter): string {
  return f.kind === 'all' ? 'all' : f.kind === 'type' ? `type:${f.type}` : `size:${f.sizeClass}`;
}
export function parseFilter(value: string): ImpactFilter {
  const [kind, key] = value.split(':');
  if (kind === 'type') return { kind, type: key as OfferType };
  if (kind === 'size') return { kind, sizeClass: key as SizeClass };
  return ALL;
}

/** One row per province under the filter: the table, the map, the chart and the CSV all show these. */
export function impactRows(data: StatsImpact, filter: ImpactFilter = ALL): ImpactRow[] {
  return data.byProvince.map((p) => {
    const partnerships =
      filter.kind === 'type'
        ? p.partnershipsByType[filter.type]
        : filter.kind === 'size'
          ? p.partnershipsBySizeClass[filter.sizeClass]
          : p.partnerships;
    const businesses = filter.kind === 'size' ? p.businessesBySizeClass[filter.sizeClass] : p.businesses;
    return {
      province: p.province,
      name: p.name,
      povertyRatePct: p.povertyRatePct,
      partnerships,
      businesses,
      per100: businesses > 0 ? (100 * partnerships) / businesses : undefined,
    };
  });
}

/** The figure printed in the table and on the map: one decimal ("12,3" / "12.3"), "—" for none. */
export function formatMeasure(value: number | undefined, locale: Locale = 'id'): string {
  return formatsFor(locale).measure(value);
}

/** Five classes between the smallest and the largest value: the map's legend. */
export function classBreaks(values: readonly number[], classes = 5): number[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  return Array.from({ length: classes - 1 }, (_, i) => min + ((i + 1) * (max - min)) / classes);
}

export function classOf(value: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && value > (breaks[k] as number)) k++;
  return k;
}

/** RFC 4180 CSV (comma, CRLF, quoted where needed), plain decimals with a point for spreadsheets. */
export function impactCsv(rows: readonly ImpactRow[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const header = [
    'kode_bps',
    'provinsi',
    'kemiskinan_pct',
    'kemitraan',
    'umkm',
    'kemitraan_per_100_umkm',
  ].join(',');
  const lines = rows.map((r) =>
    [
      r.province,
      quote(r.name),
      String(r.povertyRatePct),
      String(r.partnerships),
      String(r.businesses),
      r.per100 === undefined ? '' : r.per100.toFixed(2),
    ].join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
