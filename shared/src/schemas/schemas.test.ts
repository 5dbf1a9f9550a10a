import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BusinessCreate,
  BusinessPatch,
  OfferCreate,
  OfferListQuery,
  PartnershipCreate,
  RequestCreate,
} from './index';

const offer = { type: 'mentorship', title: 'Kelas ekspor', topics: ['ekspor'], mode: 'online', capacity: 3 };

describe('schemas', () => {
  it('accept a valid UMKM profile with a BPS province code and a sector key', () => {
    expect(
      BusinessCreate.parse({
        name: 'Batik Sari',
        province: '34',
        sizeClass: 'kecil',
        sector: 'fesyen',
        kbli: ['13134'],
      }),
    ).toMatchObject({ province: '34' });
  });

  it('reject unknown provinces, sectors and fields the server owns', () => {
    const result = BusinessCreate.safeParse({
      name: 'Batik',
      province: '99',
      sizeClass: 'kecil',
      sector: 'minyak',
      ownerId: 'someone',
    });
    expect(result.success).toBe(false);
    const codes = result.error?.issues.map((i) => i.code).sort();
    expect(codes).toEqual(['invalid_value', 'invalid_value', 'unrecognized_keys']);
    expect(OfferCreate.safeParse({ ...offer, remaining: 1 }).success).toBe(false);
    expect(PartnershipCreate.safeParse({ requestId: 'a#b', offerId: 'x' }).success).toBe(false);
  });

  it('trim text and bound it', () => {
    expect(OfferCreate.parse({ ...offer, title: '  Kelas ekspor  ' }).title).toBe('Kelas ekspor');
    expect(OfferCreate.safeParse({ ...offer, title: 'x'.repeat(161) }).success).toBe(false);
    expect(OfferCreate.safeParse({ ...offer, capacity: 0 }).success).toBe(false);
    expect(OfferCreate.safeParse({ ...offer, capacity: 1.5 }).success).toBe(false);
  });

  it('refuse dates out of order and an empty patch', () => {
    expect(
      RequestCreate.safeParse({
        type: 'internship',
        needs: ['x'],
        startDate: '2026-02-01',
        endDate: '2026-01-01',
      }).success,
    ).toBe(false);
    expect(BusinessPatch.safeParse({}).success).toBe(false);
  });

  it('coerce and bound the page size', () => {
    expect(OfferListQuery.parse({ limit: '50' }).limit).toBe(50);
    expect(OfferListQuery.parse({}).limit).toBe(20);
    expect(OfferListQuery.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        for (const schema of [BusinessCreate, OfferCreate, RequestCreate, PartnershipCreate])
          schema.safeParse(input);
      }),
    );
  });
});
