import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITIES, findCity, findProvince, MEDIAN_POVERTY_RATE_PCT, PROVINCES, SECTORS } from './index';

function csvRows(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .replace(/\r/g, '')
    .trim();
  const parse = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const [header = [], ...rows] = text.split('\n').map(parse);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('reference data', () => {
  it('carries all 38 provinces exactly as the sourced CSV gives them', () => {
    const rows = csvRows('provinces.csv');
    expect(PROVINCES).toHaveLength(38);
    expect(rows).toHaveLength(38);
    for (const row of rows) {
      const p = findProvince(row.code ?? '');
      expect(p, row.code).toBeDefined();
      expect(p?.name).toBe(row.name);
      expect(p?.povertyRatePct).toBe(Number(row.poverty_rate_pct));
      expect(p?.lat).toBe(Number(row.lat));
      expect(p?.lon).toBe(Number(row.lon));
    }
  });

  it('carries every demo city, each in a known province', () => {
    expect(CITIES).toHaveLength(csvRows('cities.csv').length);
    for (const c of CITIES) expect(findProvince(c.provinceCode), c.name).toBeDefined();
    expect(findCity('33', 'semarang')?.name).toBe('Semarang');
  });

  it('carries the ten UMKM sectors with KBLI divisions', () => {
    expect(SECTORS.map((s) => s.key)).toEqual(csvRows('umkm_sectors.csv').map((r) => r.sector_key));
    for (const s of SECTORS) for (const d of s.kbliDivisions) expect(d).toMatch(/^\d{2}$/);
  });

  it('puts the median poverty rate between the lowest and highest province', () => {
    expect(MEDIAN_POVERTY_RATE_PCT).toBeGreaterThan(3.72);
    expect(MEDIAN_POVERTY_RATE_PCT).toBeLessThan(30.03);
    const above = PROVINCES.filter((p) => p.povertyRatePct > MEDIAN_POVERTY_RATE_PCT).length;
    expect(above).toBe(19);
  });
});
