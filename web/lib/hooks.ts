'use client';

import type { ProvinceList, SectorList } from '@sinergi/shared/schemas';
import {
  type DependencyList,
  type FormEvent,
  startTransition,
  useCallback,
  useEffect,
  useState,
} from 'react';
import { ApiError, api } from './api';

export type Async<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; error: unknown };

/**
 * Loads once per change of `deps`; `reload()` fetches again (after a write). What arrives is rendered
 * as a transition: a page of twenty matches or a 38-row table is rendered in slices that yield to the
 * browser, instead of one long task that holds up a phone's main thread (and a tap on it).
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): [Async<T>, () => void] {
  const [state, setState] = useState<Async<T>>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what `load` depends on.
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) startTransition(() => setState({ kind: 'ready', data }));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) startTransition(() => setState({ kind: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return [state, reload];
}

let idleReached = false;

/**
 * False until the browser is first idle after the page's load (requestIdleCallback, at most 2 s; a
 * timer where it is missing), then true for the rest of the page's life: for reads the first screen
 * does not need (the header's inbox count), so that they and the render of their answer stay out of
 * the tasks that make the page usable.
 */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(idleReached);
  useEffect(() => {
    if (idle) return;
    const done = () => {
      idleReached = true;
      setIdle(true);
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(done, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(done, 200);
    return () => clearTimeout(timer);
  }, [idle]);
  return idle;
}

let reference: Promise<{ provinces: ProvinceList['items']; sectors: SectorList['items'] }> | undefined;

/** Provinces (BPS codes, poverty rate) and sectors from /api/reference, fetched once per page load. */
export function loadReference() {
  reference ??= Promise.all([
    api<ProvinceList>('GET', '/api/reference/provinces'),
    api<SectorList>('GET', '/api/reference/sectors'),
  ]).then(
    ([p, s]) => ({ provinces: p.items, sectors: s.items }),
    (error: unknown) => {
      reference = undefined;
      throw error;
    },
  );
  return reference;
}

export function useReference() {
  return useAsync(() => loadReference(), [])[0];
}

/**
 * A form's submit: busy while `action` runs, and when it fails the error with its per-field messages from
 * the API's problem (`errors[{field}]`), so every form shows the same states the same way.
 */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const errors: Record<string, string> = error instanceof ApiError ? error.fieldErrors() : {};
  return { busy, error, errors, onSubmit };
}

/**
 * A cursor-paged list that starts from a first page already loaded and appends the next page on
 * "Muat lagi / Load more". `path` is the list's URL with its query (limit included), without the cursor.
 */
export function useMore<T>(first: { items: T[]; nextCursor?: string | undefined }, path: string) {
  const [extra, setExtra] = useState<T[]>([]);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setExtra([]);
    setCursor(first.nextCursor);
  }, [first]);
  async function more() {
    if (!cursor) return;
    setBusy(true);
    setError(undefined);
    try {
      const sep = path.includes('?') ? '&' : '?';
      const page = await api<{ items: T[]; nextCursor?: string }>(
        'GET',
        `${path}${sep}cursor=${encodeURIComponent(cursor)}`,
      );
      setExtra((e) => [...e, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { items: [...first.items, ...extra], hasMore: cursor !== undefined, busy, error, more };
}
