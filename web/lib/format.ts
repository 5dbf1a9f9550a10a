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
const cache = new Map<Locale, Formats>();

export function formatsFor(locale: Locale): Formats {
  let f = cache.get(locale);
  if (f === undefined) {
    const tag = TAGS[locale];
    const count = new Intl.NumberFormat(tag);
    const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const one = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(tag, { dateStyle: 'short' });
    f = {
      count: (v) => count.format(v),
      percent: (v) => percent.format(v),
      decimal: (v) => decimal.format(v),
      measure: (v) => (v === undefined ? '—' : one.format(v)),
      date: (iso) => date.format(new Date(iso)),
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
