/**
 * What the API counts, in one place: the Lambda entry emits these as CloudWatch EMF metrics
 * (Powertools Metrics), and infra's alarms and dashboard read the same names.
 */
export const METRICS_NAMESPACE = 'Sinergi';
export const SERVICE_NAME = 'sinergi-api';

export const METRIC = {
  requests: 'Requests',
  matchesServed: 'MatchesServed',
  candidatesServed: 'CandidatesServed',
  proposals: 'Proposals',
  accepts: 'Accepts',
  rounds: 'Rounds',
  clientErrors: 'ClientErrors',
  serverErrors: 'ServerErrors',
  unavailable: 'Unavailable',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

const SUCCESSES: [method: string, path: RegExp, metric: MetricName][] = [
  ['GET', /^\/api\/requests\/[^/]+\/matches\/?$/, METRIC.matchesServed],
  ['GET', /^\/api\/offers\/[^/]+\/candidates\/?$/, METRIC.candidatesServed],
  ['POST', /^\/api\/partnerships\/?$/, METRIC.proposals],
  ['POST', /^\/api\/partnerships\/[^/]+\/accept\/?$/, METRIC.accepts],
  ['POST', /^\/api\/rounds\/?$/, METRIC.rounds],
];

/** The counts one answered request adds (Requests always; a business event on success; errors by class). */
export function metricsOf(method: string, path: string, status: number): MetricName[] {
  const out: MetricName[] = [METRIC.requests];
  if (status >= 200 && status < 300) {
    const hit = SUCCESSES.find(([m, p]) => m === method.toUpperCase() && p.test(path));
    if (hit) out.push(hit[2]);
  } else if (status === 503) out.push(METRIC.unavailable, METRIC.serverErrors);
  else if (status >= 500) out.push(METRIC.serverErrors);
  else if (status >= 400) out.push(METRIC.clientErrors);
  return out;
}
