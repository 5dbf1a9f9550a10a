/** Language settings (no 'use client' here: the key is not a component's). */

/** Where the chosen language is remembered (across pages and visits). */
export const LOCALE_KEY = 'sinergi.locale';
