'use client';

import { useSyncExternalStore } from 'react';
import { LOCALE_KEY } from './config';
import { en } from './en';
import { id, type Messages } from './id';

/** The two languages of the site: Bahasa Indonesia first (the default), English second. */
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

const CATALOGUES: Record<Locale, Messages> = { id, en };
const listeners = new Set<() => void>();

function read(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === LOCALE_KEY) {
      document.documentElement.lang = read();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The chosen language; the static HTML is rendered in Bahasa Indonesia, then the browser's choice applies. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, read, () => DEFAULT_LOCALE);
}

/** The message catalogue of the chosen language. */
export function useT(): Messages {
  return CATALOGUES[useLocale()];
}

/** The catalogue of the chosen language outside React (messages built in event handlers, the API client). */
export function getT(): Messages {
  return CATALOGUES[typeof window === 'undefined' ? DEFAULT_LOCALE : read()];
}

/** One language of a `[Indonesian, English]` pair: the path for strings not yet in the catalogues. */
export function pick(t: readonly [string, string], locale: Locale): string {
  return locale === 'en' ? t[1] : t[0];
}

/** The same message from both catalogues, as the `Bilingual` pair older components take. */
export function both<T>(select: (m: Messages) => T): readonly [T, T] {
  return [select(id), select(en)];
}
