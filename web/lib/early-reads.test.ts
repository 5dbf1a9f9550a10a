import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EARLY_READ_MAX_AGE_MS,
  earlyPath,
  earlyReadsScript,
  forgetEarlyReads,
  takeEarlyRead,
} from './early-reads';

/** Runs the inline script as a page would, with its storage, address and fetch; returns what it started. */
function runScript(
  templates: readonly string[],
  session: string | null,
  search: string,
  access: 'session' | 'public' = 'session',
) {
  const calls: { url: string; init: { headers: Record<string, string>; cache: string } }[] = [];
  const window: { __sinergiEarly?: Record<string, { token: string | null; reply: unknown }> } = {};
  runInNewContext(earlyReadsScript(templates, access), {
    window,
    sessionStorage: { getItem: (key: string) => (key === 'sinergi.session' ? session : null) },
    location: { search },
    URLSearchParams,
    fetch: (url: string, init: (typeof calls)[number]['init']) => {
      calls.push({ url, init });
      return `reply:${url}`;
    },
    Date,
    // The script defers its work to a task of its own; here that task runs at once.
    setTimeout: (task: () => void) => task(),
  });
  return { calls, reads: window.__sinergiEarly };
}

const SESSION = JSON.stringify({ token: 't1', user: { id: 'u', role: 'business' } });
const TEMPLATES = ['/api/requests/{id}', '/api/requests/{id}/matches?limit=100', '/api/stats/impact'];

describe('early reads', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('start, with the session, the same GETs the API client would make', () => {
    const { calls, reads } = runScript(TEMPLATES, SESSION, '?id=a%2Fb');
    expect(calls.map((c) => c.url)).toEqual([
      earlyPath(TEMPLATES[0] as string, 'a/b'),
      earlyPath(TEMPLATES[1] as string, 'a/b'),
      '/api/stats/impact',
    ]);
    expect(calls[0]?.url).toBe('/api/requests/a%2Fb');
    expect(calls[0]?.init).toEqual({
      headers: { accept: 'application/json', authorization: 'Bearer t1' },
      cache: 'no-store',
    });
    expect(Object.keys(reads ?? {})).toEqual(calls.map((c) => c.url));
  });

  it('start nothing without a session, and skip templates that need an id the address lacks', () => {
    expect(runScript(TEMPLATES, null, '?id=x').calls).toEqual([]);
    expect(runScript(TEMPLATES, 'not json', '?id=x').calls).toEqual([]);
    expect(runScript(TEMPLATES, SESSION, '').calls.map((c) => c.url)).toEqual(['/api/stats/impact']);
  });

  it('of a public page start without a session and carry no token; only a public ask takes them', () => {
    const { calls, reads } = runScript(['/api/stats/summary', '/api/health'], null, '', 'public');
    expect(calls).toEqual([
      { url: '/api/stats/summary', init: { headers: { accept: 'application/json' }, cache: 'no-store' } },
      { url: '/api/health', init: { headers: { accept: 'application/json' }, cache: 'no-store' } },
    ]);
    expect(reads?.['/api/health']?.token).toBeNull();
    Object.assign(globalThis, { window: { __sinergiEarly: reads } });
    expect(takeEarlyRead('/api/health', 't1')).toBeUndefined();
    expect(takeEarlyRead('/api/health', undefined)).toBeUndefined();
    expect(takeEarlyRead('/api/stats/summary', null)).toBe('reply:/api/stats/summary');
  });

  it('answer the first ask only, for the same token, while fresh', () => {
    const reply = Promise.resolve(new Response('{}'));
    const at = 1_000;
    const w = {
      __sinergiEarly: {
        '/a': { token: 't1', at, reply },
        '/b': { token: 't1', at, reply },
        '/c': { token: 't1', at, reply },
      },
    };
    Object.assign(globalThis, { window: w });
    expect(takeEarlyRead('/a', 't1', at + 10)).toBe(reply);
    expect(takeEarlyRead('/a', 't1', at + 10)).toBeUndefined();
    expect(takeEarlyRead('/b', 't2', at + 10)).toBeUndefined();
    expect(takeEarlyRead('/c', 't1', at + EARLY_READ_MAX_AGE_MS + 1)).toBeUndefined();
    expect(takeEarlyRead('/d', 't1', at)).toBeUndefined();
  });

  it('are forgotten after a write', () => {
    const reply = Promise.resolve(new Response('{}'));
    Object.assign(globalThis, { window: { __sinergiEarly: { '/a': { token: 't1', at: 0, reply } } } });
    forgetEarlyReads();
    expect(takeEarlyRead('/a', 't1', 1)).toBeUndefined();
  });
});
