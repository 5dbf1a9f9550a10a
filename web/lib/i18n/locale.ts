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

/**
 * The language the reader chose: Bahasa Indonesia until the remembered choice has been read (once per
 * page, see {@link recallChoice}) or the switch is used.
 */
let chosen: Locale = DEFAULT_LOCALE;

/** Shows the language now at hand: `<html lang>` follows the words on the screen, then every reader of it. */
function show() {
  document.documentElement.lang = read();
  for (const l of listeners) l();
}

function loadEnglish(): Promise<void> {
  englishLoading ??= import('./en').then(
    (m) => {
      english = m.en;
      show();
    },
    () => {
      // Offline before the chunk came: stay in Bahasa Indonesia, try again on the next switch.
      englishLoading = undefined;
    },
  );
  return englishLoading;
}

/** The language shown: the chosen one once its catalogue is loaded. */
function read(): Locale {
  if (chosen === 'id') return 'id';
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
  chosen = locale;
  show();
}

let recalled = false;

/**
 * Reads the remembered choice (localStorage) once per page, after hydration and each in a task of its
 * own: the first storage call of a page is a synchronous round trip to the browser process (measured
 * 8-30 ms of a blocked main thread here, ×4 on a mid-range phone), which in the page's <head> lengthened
 * the parser's first task for every reader, to set a `lang` the Indonesian static text did not yet have.
 * A choice made in another tab applies here too.
 */
function recallChoice() {
  if (recalled) return;
  recalled = true;
  setTimeout(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(LOCALE_KEY);
    } catch {
      // No storage: Bahasa Indonesia.
    }
    const locale: Locale = stored === 'en' ? 'en' : 'id';
    if (locale !== chosen) {
      chosen = locale;
      show();
    }
    setTimeout(() =>
      window.addEventListener('storage', (e) => {
        if (e.key !== LOCALE_KEY) return;
        chosen = e.newValue === 'en' ? 'en' : 'id';
        show();
      }),
    );
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  recallChoice();
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
