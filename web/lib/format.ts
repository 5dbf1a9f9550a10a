import { type Locale, useLocale } from './i18n/locale';

/**
 * Numbers and dates as the reader's language writes them: "1.234" and "12,5" in Bahasa Indonesia,
 * "1,234" and "12.5" in English. Components take them from {@link useFormats}, so they follow the
 * language switch (and the static HTML, rendered in Bahasa Indonesia, hydrates without a mismatch).
 */
export interface Formats {
  /** 1234 → "1.234" / "1,234". */
  count(value: number): string;
  /** 0.734 → "73%". */
  percent(value: number): string;
  /** Two decimals: 12.3456 → "12,35" / "12.35". */
  decimal(value: number): string;
  /** One decimal, "—" for none: the admin's map and table. */
  measure(value: number | undefined): string;
  /** A day: "1/6/2026" / "6/1/2026". */
  date(iso: string): string;
}

const TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en' };

/** How each language writes a number: the group separator (thousands) and the decimal mark. */
const MARKS: Record<Locale, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * `value` with `digits` decimals (at most `maxDigits`, trailing zeros beyond `digits` dropped), grouped
 * by thousands, in the marks of `locale`: what `Intl.NumberFormat` writes for these two languages (a unit
 * test holds it to that), without it. The first `Intl.NumberFormat` a page makes loads the ICU locale
 * data, which measured 100+ ms of main-thread time here (×4 on a mid-range phone) on every page that
 * shows a number.
 */
export function formatNumber(
  locale: Locale,
  value: number,
  digits: number,
  maxDigits = digits,
  shift = 0,
): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'NaN';
  const marks = MARKS[locale];
  let fixed = toFixedShortest(Math.abs(value), maxDigits, shift);
  if (maxDigits > digits) fixed = fixed.replace(new RegExp(`\\.?0{1,${maxDigits - digits}}$`), '');
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, marks.group);
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? '-' : ''}${grouped}${fraction ? `${marks.decimal}${fraction}` : ''}`;
}

/**
 * `abs.toFixed(digits)`, but rounding the shortest decimal that reads back as `abs` ("0.015"), half away
 * from zero, as ICU does: `(0.015).toFixed(2)` rounds the binary value just below it to "0.01", Intl
 * writes "0.02".
 */
function toFixedShortest(abs: number, digits: number, shift = 0): string {
  const text = String(abs);
  if (text.includes('e')) return (abs * 10 ** shift).toFixed(digits);
  const [w = '0', f = ''] = text.split('.');
  // ×10^shift on the decimal digits (a percentage is the number with its point moved two places).
  const padded = f.padEnd(shift, '0');
  const whole = (w + padded.slice(0, shift)).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(shift);
  if (fraction.length <= digits) return digits === 0 ? whole : `${whole}.${fraction.padEnd(digits, '0')}`;
  const kept = (whole + fraction.slice(0, digits)).split('').map(Number);
  if (fraction.charCodeAt(digits) - 48 >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i] = (kept[i] ?? 0) + 1;
    else kept.unshift(1);
  }
  const all = kept.join('');
  const cut = all.length - digits;
  return digits === 0 ? all : `${all.slice(0, cut)}.${all.slice(cut)}`;
}

const cache = new Map<Locale, Formats>();

export function formatsFor(locale: Locale): Formats {
  let f = cache.get(locale);
  if (f === undefined) {
    // Made on first use: dates are shown on few pages, and the first Intl object loads the locale data.
    let date: Intl.DateTimeFormat | undefined;
    f = {
      count: (v) => formatNumber(locale, v, 0, 3),
      percent: (v) => `${formatNumber(locale, v, 0, 0, 2)}%`,
      decimal: (v) => formatNumber(locale, v, 2),
      measure: (v) => (v === undefined ? '—' : formatNumber(locale, v, 1)),
      date: (iso) => {
        date ??= new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'short' });
        return date.format(new Date(iso));
      },
    };
    cache.set(locale, f);
  }
  return f;
}

/** The formats of the chosen language. */
export function useFormats(): Formats {
  return formatsFor(useLocale());
}

/** Figures the Indonesian way, outside React (the default language). */
export function formatCount(value: number): string {
  return formatsFor('id').count(value);
}
