/** Language settings shared by the server-rendered layout and the client (no 'use client' here). */

/** Where the chosen language is remembered (across pages and visits). */
export const LOCALE_KEY = 'sinergi.locale';

/**
 * Runs in <head> before the first paint: sets <html lang> from the remembered choice, so assistive
 * technology and hyphenation follow it even before React hydrates.
 */
export const LOCALE_HEAD_SCRIPT = `try{if(localStorage.getItem(${JSON.stringify(LOCALE_KEY)})==='en')document.documentElement.lang='en'}catch(e){}`;
