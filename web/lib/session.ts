'use client';

import type { Role, User } from '@sinergi/shared/schemas';
import { startTransition, useEffect, useState } from 'react';
import { SESSION_KEY as KEY } from './early-reads';
import { loadSiteConfig } from './runtime-config';

/**
 * The signed-in session: the bearer token (from the OpenID provider when config.json names one, from
 * `POST /api/auth/dev-login` in the local demo) and who it is, in sessionStorage (one tab, gone when it
 * closes). Components read it with {@link useSession}, which re-renders on sign-in and out.
 */
export interface Session {
  token: string;
  user: User;
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      session = raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      session = null;
    }
    cached = { raw, session };
  }
  return cached.session;
}

export function getSession(): Session | null {
  return typeof window === 'undefined' ? null : read();
}

export function setSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

/** Signs out: forgets the session, and with a real provider its tokens and its session too. */
export async function signOut(): Promise<void> {
  setSession(null);
  const config = await loadSiteConfig();
  // oidc-client-ts is loaded only when a provider is configured, never in a page's first load.
  if (config.auth.mode === 'oidc') await (await import('./oidc')).endSignIn(config.auth);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Set once the session has been read after the page's hydration: later mounts read it at once. */
let hydrated = false;

/**
 * `undefined` while rendering on the server (static export) and before hydration; then the session or
 * null. Not useSyncExternalStore: the static HTML knows no session, and a store whose client value
 * differs from its server one re-renders synchronously right after hydration, in one task that cannot
 * yield (on a signed-in page, the whole page below the sign-in gate). The value read after hydration, and
 * every sign-in and out after it, is rendered as a transition instead, in slices that yield to the browser.
 */
export function useSession(): Session | null | undefined {
  const [session, setState] = useState<Session | null | undefined>(() => (hydrated ? read() : undefined));
  useEffect(() => {
    const update = () => {
      const next = read();
      startTransition(() => setState(next));
    };
    const unsubscribe = subscribe(update);
    if (hydrated) {
      update();
      return unsubscribe;
    }
    // The page's first read of sessionStorage is a synchronous round trip to the browser process: in a
    // task of its own, not in the one that runs the effects of the page's hydration.
    const first = setTimeout(() => {
      hydrated = true;
      update();
    });
    return () => {
      clearTimeout(first);
      unsubscribe();
    };
  }, []);
  return session;
}

/** Where each role works. */
export function homeOf(role: Role): string {
  if (role === 'business') return '/umkm';
  if (role === 'admin') return '/admin';
  return '/mitra';
}
