import { describe, expect, it } from 'vitest';
import { freshReads } from './fresh-reads';

/** A read whose answers the test releases one by one; `started` counts reads begun. */
function controlledRead() {
  const pending: ((n: number) => void)[] = [];
  const failures: ((e: Error) => void)[] = [];
  let started = 0;
  const read = () =>
    new Promise<number>((resolve, reject) => {
      started++;
      pending.push(resolve);
      failures.push(reject);
    });
  return {
    read,
    started: () => started,
    answer: (i: number, value: number) => pending[i]?.(value),
    fail: (i: number) => failures[i]?.(new Error(`read ${i} failed`)),
  };
}

const turn = () => new Promise((r) => setTimeout(r, 0));

describe('freshReads', () => {
  it('shares a read among the calls of one turn, and makes later calls wait for the next read', async () => {
    const c = controlledRead();
    const fresh = freshReads(c.read);
    const a = fresh();
    const b = fresh(); // same turn: the read is not even sent yet
    expect(c.started()).toBe(1);
    await turn();
    const later1 = fresh(); // the read in flight may predate these calls
    const later2 = fresh();
    expect(c.started()).toBe(1);
    c.answer(0, 10);
    expect(await a).toBe(10);
    expect(await b).toBe(10);
    await turn();
    expect(c.started()).toBe(2); // one read for both later calls, started after the first ended
    c.answer(1, 20);
    expect(await later1).toBe(20);
    expect(await later2).toBe(20);
    // Nothing in flight: the next call starts its own read.
    await turn();
    const last = fresh();
    expect(c.started()).toBe(3);
    c.answer(2, 30);
    expect(await last).toBe(30);
  });

  it('fails the calls sharing a failed read, and starts afresh on the next call', async () => {
    const c = controlledRead();
    const fresh = freshReads(c.read);
    const a = fresh();
    await turn();
    const waiting = fresh();
    c.fail(0);
    await expect(a).rejects.toThrow('read 0 failed');
    await turn();
    // The waiting call gets the next read, not the failed one.
    expect(c.started()).toBe(2);
    c.answer(1, 5);
    expect(await waiting).toBe(5);
  });
});
