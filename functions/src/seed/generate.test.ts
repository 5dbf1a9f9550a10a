import { findCity, findProvince, findSector, PROVINCE_CODES } from '@sinergi/shared/reference';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from './generate';

describe('demo data', () => {
  const demo = generateDemoData();

  it('is the same for the same seed and different for another', () => {
    expect(generateDemoData()).toEqual(demo);
    expect(generateDemoData(7).businesses[0]).not.toEqual(demo.businesses[0]);
  });

  it('spreads hundreds of UMKM over all 38 provinces, in real cities', () => {
    expect(demo.businesses.length).toBeGreaterThanOrEqual(300);
    const provinces = new Set(demo.businesses.map((b) => b.body.province));
    expect([...provinces].sort()).toEqual([...PROVINCE_CODES].sort());
    for (const { body } of demo.businesses) {
      expect(findProvince(body.province)).toBeDefined();
      const city = body.city ?? '';
      expect(findCity(body.province, city) ?? findProvince(body.province)?.capital === city).toBeTruthy();
    }
  });

  it('gives every UMKM KBLI codes of its own sector and at least one request', () => {
    for (const { body, requests } of demo.businesses) {
      const sector = findSector(body.sector);
      expect(sector, body.sector).toBeDefined();
      for (const code of body.kbli ?? []) expect(sector?.exampleKbli.map((k) => k.code)).toContain(code);
      expect(requests.length).toBeGreaterThan(0);
    }
  });

  it('has dozens of open offers of each type, from partners of the matching kind', () => {
    const offersOf = (type: string) =>
      demo.organizations.flatMap((o) => o.offers.filter((offer) => offer.type === type).map(() => o.role));
    for (const [type, role] of [
      ['mentorship', 'corporate'],
      ['internship', 'university'],
      ['distribution', 'community'],
    ] as const) {
      const roles = offersOf(type);
      expect(roles.length, type).toBeGreaterThanOrEqual(24);
      expect(new Set(roles)).toEqual(new Set([role]));
    }
  });

  it('uses unique keys, so each object has one idempotency key', () => {
    const keys = [...demo.businesses, ...demo.organizations].map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('includes food UMKM with and without halal certification, and distributors that require it', () => {
    const food = demo.businesses.filter((b) => b.body.sector === 'kuliner');
    expect(food.some((b) => b.body.certifications?.includes('halal'))).toBe(true);
    expect(food.some((b) => !b.body.certifications?.includes('halal'))).toBe(true);
    const requiring = demo.organizations
      .flatMap((o) => o.offers)
      .filter((o) => o.requiredCertifications?.includes('halal'));
    expect(requiring.length).toBeGreaterThan(0);
  });
});
