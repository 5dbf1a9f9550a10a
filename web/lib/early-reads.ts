/**
 * Early reads: the first API reads of a signed-in page, started by a small inline script while the
 * HTML is parsed, instead of after the page's JavaScript has downloaded, run and hydrated. The page's
 * components then ask the API client for the same paths and get the replies already in flight, so the
 * data (the largest thing such a page paints) arrives as soon as React can show it.
 *
 * No 'use client' here: the page (a server component) renders the script from these templates and the
 * client code builds the same paths from them, so the two cannot drift apart.
 */

/** Where the session lives (sessionStorage: one tab, gone when it closes); lib/session.ts owns it. */
export const SESSION_KEY = 'sinergi.session';

/** A page's early reads: API paths, where `{id}` stands for the page's `?id=` (URL-encoded). */
export type EarlyTemplates = readonly string[];

/** The path a template names for one `id`. */
export function earlyPath(template: string, id: string): string {
  return template.split('{id}').join(encodeURIComponent(id));
}

/**
 * How long a reply started at page load may stand in for a fresh read: it answers the page being
 * opened, not a read made later (after a write, a reload of the list, a retry).
 */
export const EARLY_READ_MAX_AGE_MS = 30_000;

/** `session`: reads of a signed-in page, with its bearer token; `public`: reads anyone may make. */
export type EarlyAccess = 'session' | 'public';

interface EarlyRead {
  /** The session's token; null for a public read. */
  token: string | null;
  at: number;
  reply: Promise<Response>;
}

declare global {
  interface Window {
    __sinergiEarly?: Record<string, EarlyRead>;
  }
}

/**
 * The inline script: with a session in sessionStorage, it starts one GET per template, with the same
 * headers as the API client (lib/api.ts), and leaves the replies in `window.__sinergiEarly` by path.
 * Without a session it does nothing (the page will ask the reader to sign in). A `public` page's reads
 * need no session and carry no token (the headers of lib/api.ts getJson). ES5, no dependencies.
 * It runs in a task of its own (setTimeout), not inside the parser's: the page's first storage read and
 * first fetch are synchronous calls into the browser (8-30 ms of a blocked main thread measured here)
 * that made the parser's task that reached the script a long one.
 */
export function earlyReadsScript(templates: EarlyTemplates, access: EarlyAccess = 'session'): string {
  const list = JSON.stringify(templates);
  if (access === 'public')
    return `setTimeout(function(){try{var e=window.__sinergiEarly=window.__sinergiEarly||{};${list}.forEach(function(t){e[t]={token:null,at:Date.now(),reply:fetch(t,{headers:{accept:'application/json'},cache:'no-store'})}})}catch(x){}})`;
  return `setTimeout(function(){try{var s=JSON.parse(sessionStorage.getItem(${JSON.stringify(SESSION_KEY)})||'null');if(!s||!s.token)return;var id=new URLSearchParams(location.search).get('id'),e=window.__sinergiEarly=window.__sinergiEarly||{};${list}.forEach(function(t){if(t.indexOf('{id}')>=0){if(!id)return;t=t.split('{id}').join(encodeURIComponent(id))}e[t]={token:s.token,at:Date.now(),reply:fetch(t,{headers:{accept:'application/json',authorization:'Bearer '+s.token},cache:'no-store'})}})}catch(x){}})`;
}

/**
 * The reply already in flight for `path`, once: only for the same session's token (`null`: a public
 * read, asked without one) and while it is fresh (see {@link EARLY_READ_MAX_AGE_MS}); otherwise
 * undefined and the caller fetches as usual.
 */
export function takeEarlyRead(
  path: string,
  token: string | null | undefined,
  now = Date.now(),
): Promise<Response> | undefined {
  if (typeof window === 'undefined' || token === undefined || token === '') return undefined;
  const reads = window.__sinergiEarly;
  const read = reads?.[path];
  if (!reads || !read) return undefined;
  delete reads[path];
  if (read.token !== token || now - read.at > EARLY_READ_MAX_AGE_MS) return undefined;
  return read.reply;
}

/** Forgets every early read not yet taken: after a write they may no longer be what the API would say. */
export function forgetEarlyReads(): void {
  if (typeof window !== 'undefined') window.__sinergiEarly = undefined;
}
