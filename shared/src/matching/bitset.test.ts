import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atLeast,
  bitset,
  countBits,
  hasBit,
  intersectAtLeast,
  setBit,
  unionAdmitted,
  valueSets,
} from './bitset';

const positions = (n: number, s: Uint32Array) =>
  Array.from({ length: n }, (_, p) => p).filter((p) => hasBit(s, p));

describe('bitsets over a type’s positions', () => {
  it('counts the positions set, across word edges', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 300 })), (set) => {
        const s = bitset(301);
        for (const p of set) setBit(s, p);
        expect(countBits(s)).toBe(set.length);
        expect(positions(301, s)).toEqual([...set].sort((a, b) => a - b));
      }),
    );
  });

  it('unions the positions of the admitted values, and only those', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 9 }), { maxLength: 200 }),
        fc.integer(),
        (values, mask) => {
          const by = valueSets(values.length, (p) => values[p] as number);
          const admit = (v: number) => v >= 0 && ((mask >>> v) & 1) === 1;
          const out = bitset(values.length);
          unionAdmitted(by, admit, out);
          expect(positions(values.length, out)).toEqual(values.flatMap((v, p) => (admit(v) ? [p] : [])));
        },
      ),
    );
  });

  it('keeps exactly the positions whose value is at least x, for any x, with long runs of equal values', () => {
    fc.assert(
      fc.property(
        // Few distinct values over many positions: runs longer than a quantile step.
        fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 400 }),
        fc.array(fc.boolean(), { maxLength: 400 }),
        fc.integer({ min: -7, max: 7 }),
        (values, present, x) => {
          const n = values.length;
          const s = atLeast(n, (p) => values[p] as number);
          const into = bitset(n);
          for (let p = 0; p < n; p++) if (present[p] !== false) setBit(into, p);
          intersectAtLeast(s, x, into);
          expect(positions(n, into)).toEqual(
            values.flatMap((v, p) => (v >= x && present[p] !== false ? [p] : [])),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers dates spread over years (many distinct values, one set per quantile)', () => {
    const days = Array.from({ length: 5_000 }, (_, p) => (p * 7919) % 1_500);
    const s = atLeast(days.length, (p) => days[p] as number);
    expect(s.sets.length).toBeLessThanOrEqual(33);
    for (const x of [-1, 0, 1, 499, 750, 1_499, 1_500]) {
      const into = bitset(days.length);
      for (let p = 0; p < days.length; p++) setBit(into, p);
      intersectAtLeast(s, x, into);
      expect(countBits(into)).toBe(days.filter((d) => d >= x).length);
    }
  });
});
