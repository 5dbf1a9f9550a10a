/**
 * Keep the k best of a stream of (score, index) by score desc then id asc — the order of every ranking
 * (rank.ts, catalog-index.ts). A binary min-heap whose root is the worst kept entry; typed arrays, no
 * per-item allocation.
 */
export class TopK {
  readonly index: Int32Array;
  readonly score: Float64Array;
  size = 0;
  constructor(
    readonly k: number,
    private readonly ids: (i: number) => string,
  ) {
    this.index = new Int32Array(k);
    this.score = new Float64Array(k);
  }
  /** a is worse than b: lower score, or same score and larger id. */
  private worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && this.ids(ia) > this.ids(ib));
  }
  offer(s: number, i: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let c = this.size++;
      // Sift up.
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!this.worse(s, i, this.score[p] as number, this.index[p] as number)) break;
        this.score[c] = this.score[p] as number;
        this.index[c] = this.index[p] as number;
        c = p;
      }
      this.score[c] = s;
      this.index[c] = i;
      return;
    }
    // Full: only a better entry than the root (the worst kept) gets in. Most entries stop here.
    if (!this.worse(this.score[0] as number, this.index[0] as number, s, i)) return;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= this.size) break;
      const rr = l + 1;
      let m = l;
      if (
        rr < this.size &&
        this.worse(
          this.score[rr] as number,
          this.index[rr] as number,
          this.score[l] as number,
          this.index[l] as number,
        )
      )
        m = rr;
      if (!this.worse(this.score[m] as number, this.index[m] as number, s, i)) break;
      this.score[c] = this.score[m] as number;
      this.index[c] = this.index[m] as number;
      c = m;
    }
    this.score[c] = s;
    this.index[c] = i;
  }
  /** True once k entries are kept: only entries better than {@link worstScore} get in from then on. */
  get full(): boolean {
    return this.size === this.k;
  }
  /** Score of the worst kept entry (the root). */
  get worstScore(): number {
    return this.score[0] as number;
  }
  /** Kept indices, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, j) => j);
    order.sort((a, b) => {
      const sa = this.score[a] as number;
      const sb = this.score[b] as number;
      if (sa !== sb) return sb - sa;
      const ia = this.ids(this.index[a] as number);
      const ib = this.ids(this.index[b] as number);
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    return order.map((j) => this.index[j] as number);
  }
}
