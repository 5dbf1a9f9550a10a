import type { StatsImpact } from '@sinergi/shared/schemas';

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

export function impactRows(data: StatsImpact): ImpactRow[] {
  return data.byProvince.map((p) => ({
    ...p,
    per100: p.businesses > 0 ? (100 * p.partnerships) / p.businesses : undefined,
  }));
}

const oneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The figure printed in the table and on the map: one decimal, Indonesian style ("12,3"), "—" for none. */
export function formatMeasure(value: number | undefined): string {
  return value === undefined ? '—' : oneDecimal.format(value);
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
