'use client';

import { useSyncExternalStore } from 'react';
import { LOCALE_KEY } from './config';
import { id, type Messages } from './id';

/** The two languages of the site: Bahasa Indonesia first (the default), English second. */
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

/*
 * The Indonesian catalogue is part of every page; the English one is a chunk of its own, loaded only once
 * English is chosen (a reader of the default language never downloads it). Until it has arrived, pages
 * stay in Bahasa Indonesia: the language shown is always one whose every word is at hand.
 */
let english: Messages | undefined;
let englishLoading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function notify() {
  for (const l of listeners) l();
}

function loadEnglish(): Promise<void> {
  englishLoading ??= import('./en').then(
    (m) => {
      english = m.en;
      notify();
    },
    () => {
      // Offline before the chunk came: stay in Bahasa Indonesia, try again on the next switch.
      englishLoading = undefined;
    },
  );
  return englishLoading;
}

/**
 * The language the reader chose. It is remembered in localStorage; the head script (config.ts) copies it
 * to `<html lang>` before the first paint and every change goes through both, so it is read from the
 * attribute: no synchronous storage call on every render of every component that shows text.
 */
function chosen(): Locale {
  return document.documentElement.lang === 'en' ? 'en' : 'id';
}

/** The language shown: the chosen one once its catalogue is loaded. */
function read(): Locale {
  if (chosen() === 'id') return 'id';
  if (english) return 'en';
  void loadEnglish();
  return 'id';
}

export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  if (locale === 'en' && !english) void loadEnglish();
  else notify();
}

let watchingOtherTabs = false;

/** A choice made in another tab applies here too: one `storage` listener for the page, set up once. */
function watchOtherTabs() {
  if (watchingOtherTabs) return;
  watchingOtherTabs = true;
  // Its own task, after hydration: registering the first storage listener is a call into the browser's
  // storage that need not hold up the page becoming usable.
  setTimeout(() =>
    window.addEventListener('storage', (e) => {
      if (e.key !== LOCALE_KEY) return;
      document.documentElement.lang = e.newValue === 'en' ? 'en' : 'id';
      notify();
    }),
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  watchOtherTabs();
  return () => {
    listeners.delete(listener);
  };
}

/** The language shown; the static HTML is rendered in Bahasa Indonesia, then the browser's choice applies. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, read, () => DEFAULT_LOCALE);
}

function catalogue(locale: Locale): Messages {
  return locale === 'en' && english ? english : id;
}

/** The message catalogue of the language shown. */
export function useT(): Messages {
  return catalogue(useLocale());
}

/** The catalogue of the language shown, outside React (messages built in event handlers, the API client). */
export function getT(): Messages {
  return catalogue(typeof window === 'undefined' ? DEFAULT_LOCALE : read());
}
