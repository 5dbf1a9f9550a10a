/**
 * The exact optimum of a round from HiGHS, for the benchmarks' optimality gaps: maximise
 * Σ value(i,j)·x(i,j) subject to Σ_j x(i,j) ≤ 1 per request and Σ_i x(i,j) ≤ capacity(j) per offer,
 * 0 ≤ x ≤ 1. The constraint matrix of a bipartite b-matching is totally unimodular, so the LP optimum is
 * integral — HiGHS solves it as an LP, and the caller can check `fractional` is ~0.
 */
import type { PreparedOffer, PreparedRequest } from '../src/matching';

export type Highs = Awaited<ReturnType<typeof import('highs').default>>;

/** `value` < 0 marks a pair that may not be assigned (no variable). */
export function solveOptimum(
  highs: Highs,
  requests: readonly PreparedRequest[],
  offers: readonly PreparedOffer[],
  value: (r: PreparedRequest, o: PreparedOffer, i: number, j: number) => number,
) {
  const terms: string[] = [];
  const perRequest: string[][] = requests.map(() => []);
  const perOffer: string[][] = offers.map(() => []);
  for (let i = 0; i < requests.length; i++) {
    for (let j = 0; j < offers.length; j++) {
      const v = value(requests[i] as PreparedRequest, offers[j] as PreparedOffer, i, j);
      if (v < 0) continue; // ineligible pair: no variable
      const name = `x${i}_${j}`;
      terms.push(`${v.toFixed(12)} ${name}`);
      perRequest[i]?.push(name);
      perOffer[j]?.push(name);
    }
  }
  const rowsLp = [
    ...perRequest.flatMap((vars, i) => (vars.length > 0 ? [` r${i}: ${vars.join(' + ')} <= 1`] : [])),
    ...perOffer.flatMap((vars, j) =>
      vars.length > 0 ? [` c${j}: ${vars.join(' + ')} <= ${Math.max(0, offers[j]?.remaining ?? 0)}`] : [],
    ),
  ];
  const bounds = perRequest.flat().map((name) => ` 0 <= ${name} <= 1`);
  const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${rowsLp.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd`;
  const t = performance.now();
  const solution = highs.solve(lp, { output_flag: false });
  const time = performance.now() - t;
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  const columns = Object.entries(solution.Columns);
  const fractional = columns.reduce((m, [, c]) => Math.max(m, Math.abs(c.Primal - Math.round(c.Primal))), 0);
  const placed = columns.reduce((n, [, c]) => n + Math.round(c.Primal), 0);
  /** Chosen pairs as [request index, offer index]. */
  const chosen = columns
    .filter(([, c]) => Math.round(c.Primal) === 1)
    .map(([name]) => name.slice(1).split('_').map(Number) as [number, number]);
  return { optimum: solution.ObjectiveValue, time, variables: terms.length, fractional, placed, chosen };
}
