import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classOf,
  filterValue,
  formatMeasure,
  impactCsv,
  impactRows,
  parseFilter,
} from './impact';

const none = { mikro: 0, kecil: 0, menengah: 0 };
const data = {
  byProvince: [
    {
      province: '11',
      name: 'Aceh',
      povertyRatePct: 12.64,
      partnerships: 3,
      businesses: 12,
      partnershipsByType: { mentorship: 2, internship: 1, distribution: 0 },
      partnershipsBySizeClass: { mikro: 1, kecil: 2, menengah: 0 },
      businessesBySizeClass: { mikro: 8, kecil: 4, menengah: 0 },
    },
    {
      province: '94',
      name: 'Papua, "Tengah"',
      povertyRatePct: 29.8,
      partnerships: 0,
      businesses: 0,
      partnershipsByType: { mentorship: 0, internship: 0, distribution: 0 },
      partnershipsBySizeClass: none,
      businessesBySizeClass: none,
    },
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

  it('filters by offer type (per 100 of all UMKM) or by size class (per 100 UMKM of that class)', () => {
    const internship = impactRows(data, { kind: 'type', type: 'internship' });
    expect(internship[0]).toMatchObject({ partnerships: 1, businesses: 12 });
    expect(internship[0]?.per100).toBeCloseTo(100 / 12);
    const kecil = impactRows(data, { kind: 'size', sizeClass: 'kecil' });
    expect(kecil[0]).toMatchObject({ partnerships: 2, businesses: 4, per100: 50 });
    expect(impactRows(data, { kind: 'size', sizeClass: 'menengah' })[0]?.per100).toBeUndefined();
    for (const v of ['all', 'type:distribution', 'size:mikro']) expect(filterValue(parseFilter(v))).toBe(v);
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
