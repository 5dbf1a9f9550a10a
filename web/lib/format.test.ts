import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatsFor } from './format';
import type { Locale } from './i18n/locale';

const TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en' };

/** What Intl.NumberFormat writes: the formats must agree with it, only without loading it. */
function intl(locale: Locale) {
  const tag = TAGS[locale];
  return {
    count: new Intl.NumberFormat(tag),
    percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
    measure: new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  };
}

describe('number formats', () => {
  it('write numbers the way each language does', () => {
    expect(formatsFor('id').count(1234567)).toBe('1.234.567');
    expect(formatsFor('en').count(1234567)).toBe('1,234,567');
    expect(formatsFor('id').measure(12.25)).toBe('12,3');
    expect(formatsFor('en').decimal(0.5)).toBe('0.50');
    expect(formatsFor('id').percent(0.734)).toBe('73%');
    expect(formatsFor('id').measure(undefined)).toBe('—');
  });

  for (const locale of ['id', 'en'] as const) {
    it(`agree with Intl.NumberFormat in ${locale}`, () => {
      const f = formatsFor(locale);
      const ref = intl(locale);
      const values = fc.oneof(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000),
        fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 8),
      );
      fc.assert(
        fc.property(values, (v) => {
          expect(f.count(v)).toBe(ref.count.format(v));
          expect(f.percent(v)).toBe(ref.percent.format(v));
          expect(f.decimal(v)).toBe(ref.decimal.format(v));
          expect(f.measure(v)).toBe(ref.measure.format(v));
        }),
        { numRuns: 3000 },
      );
    });
  }
});
