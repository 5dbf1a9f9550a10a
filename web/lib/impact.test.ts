import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, formatMeasure, impactCsv, impactRows } from './impact';

const data = {
  byProvince: [
    { province: '11', name: 'Aceh', povertyRatePct: 12.64, partnerships: 3, businesses: 12 },
    { province: '94', name: 'Papua, "Tengah"', povertyRatePct: 29.8, partnerships: 0, businesses: 0 },
  ],
  byType: { mentorship: 3, internship: 0, distribution: 0 },
  bySizeClass: { mikro: 3, kecil: 0, menengah: 0 },
  total: 3,
};

describe('impact figures', () => {
  it('counts partnerships per 100 UMKM, and none where a province has no UMKM', () => {
    const rows = impactRows(data);
    expect(rows[0]?.per100).toBe(25);
    expect(rows[1]?.per100).toBeUndefined();
    expect(formatMeasure(rows[0]?.per100)).toBe('25,0');
    expect(formatMeasure(undefined)).toBe('—');
  });

  it('writes a CSV a spreadsheet reads: header, quoted names, CRLF', () => {
    const csv = impactCsv(impactRows(data));
    expect(csv.split('\r\n')).toEqual([
      'kode_bps,provinsi,kemiskinan_pct,kemitraan,umkm,kemitraan_per_100_umkm',
      '11,Aceh,12.64,3,12,25.00',
      '94,"Papua, ""Tengah""",29.8,0,0,',
      '',
    ]);
  });

  it('puts each value in one of five classes between the extremes', () => {
    const breaks = classBreaks([0, 10]);
    expect(breaks).toEqual([2, 4, 6, 8]);
    expect(classOf(0, breaks)).toBe(0);
    expect(classOf(5, breaks)).toBe(2);
    expect(classOf(10, breaks)).toBe(4);
  });
});
