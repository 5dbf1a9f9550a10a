/**
 * Bitsets over the positions of one catalogue type (bit `p & 31` of word `p >>> 5`): the hard filters of a
 * candidate read as a few word-wide ORs and ANDs instead of a test per request (request-index.ts).
 *
 * - {@link ValueSets}: one bitset per distinct value of a column; an offer admits some values (a size
 *   class in its mask, a province it serves) and the admitted positions are the union of their sets.
 * - {@link AtLeast}: the positions whose value is ≥ x for any x (a date), from cumulative bitsets at a
 *   few dozen quantiles plus the exact few between the nearest one and x.
 *
 * @example
 * const sizes = valueSets(n, (p) => sizeBit[p]);
 * const out = bitset(n);
 * unionAdmitted(sizes, (bit) => (bit & offer.sizeMask) !== 0, out);
 * countBits(out); // positions of a size class the offer targets
 */

export type Bitset = Uint32Array;

/** An empty bitset for `n` positions. */
export function bitset(n: number): Bitset {
  return new Uint32Array((n + 31) >>> 5);
}

export function setBit(s: Bitset, p: number): void {
  s[p >>> 5] = (s[p >>> 5] as number) | (1 << (p & 31));
}

export function clearBit(s: Bitset, p: number): void {
  s[p >>> 5] = (s[p >>> 5] as number) & ~(1 << (p & 31));
}

export function hasBit(s: Bitset, p: number): boolean {
  return (((s[p >>> 5] as number) >>> (p & 31)) & 1) === 1;
}

/** How many positions are set. */
export function countBits(s: Bitset): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let x = s[i] as number;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}

/** `into &= other`. */
export function intersect(into: Bitset, other: Bitset): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) & (other[i] as number);
}

/** `into |= other`. */
export function unite(into: Bitset, other: Bitset): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) | (other[i] as number);
}

/** The positions holding each distinct value of a column. */
export interface ValueSets {
  readonly values: readonly number[];
  readonly sets: readonly Bitset[];
}

export function valueSets(n: number, valueAt: (p: number) => number): ValueSets {
  const byValue = new Map<number, Bitset>();
  for (let p = 0; p < n; p++) {
    const v = valueAt(p);
    let set = byValue.get(v);
    if (set === undefined) {
      set = bitset(n);
      byValue.set(v, set);
    }
    setBit(set, p);
  }
  return { values: [...byValue.keys()], sets: [...byValue.values()] };
}

/** `into |=` the sets of every value `admit` accepts. */
export function unionAdmitted(by: ValueSets, admit: (value: number) => boolean, into: Bitset): void {
  for (let i = 0; i < by.values.length; i++)
    if (admit(by.values[i] as number)) unite(into, by.sets[i] as Bitset);
}

/**
 * The positions whose value is ≥ x, for any x. `starts[b]` is where a run of equal values begins in
 * `order` (positions by value, ascending), one every `n / QUANTILES` positions or more; `sets[b]` holds
 * `order[starts[b] …]`. A query copies the nearest set at or below x and clears the few between.
 */
export interface AtLeast {
  readonly order: Int32Array;
  readonly sorted: Float64Array;
  readonly starts: Int32Array;
  readonly sets: readonly Bitset[];
}

const QUANTILES = 32;

export function atLeast(n: number, valueAt: (p: number) => number): AtLeast {
  const values = new Float64Array(n);
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    values[p] = valueAt(p);
    order[p] = p;
  }
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const sorted = new Float64Array(n);
  for (let j = 0; j < n; j++) sorted[j] = values[order[j] as number] as number;
  const step = Math.max(1, Math.ceil(n / QUANTILES));
  const starts: number[] = [];
  for (let j = 0; j < n; j++) {
    const last = starts[starts.length - 1];
    if ((last === undefined || j - last >= step) && (j === 0 || sorted[j] !== sorted[j - 1])) starts.push(j);
  }
  // From the last start down: each set is the next one plus the run between them.
  const sets: Bitset[] = new Array(starts.length);
  let running = bitset(n);
  for (let b = starts.length - 1; b >= 0; b--) {
    running = running.slice();
    const end = b + 1 < starts.length ? (starts[b + 1] as number) : n;
    for (let j = starts[b] as number; j < end; j++) setBit(running, order[j] as number);
    sets[b] = running;
  }
  return { order, sorted, starts: Int32Array.from(starts), sets };
}

/** First index in `sorted` whose value is ≥ x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `into &=` the positions whose value is ≥ x. */
export function intersectAtLeast(s: AtLeast, x: number, into: Bitset): void {
  const from = lowerBound(s.sorted, x);
  if (from === 0) return;
  if (from === s.order.length || s.starts.length === 0) {
    into.fill(0);
    return;
  }
  // The last start at or before `from`: its set holds every answer and a few more, cleared here.
  let b = 0;
  while (b + 1 < s.starts.length && (s.starts[b + 1] as number) <= from) b++;
  intersect(into, s.sets[b] as Bitset);
  for (let j = s.starts[b] as number; j < from; j++) clearBit(into, s.order[j] as number);
}
