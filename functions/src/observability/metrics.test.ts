import { describe, expect, it } from 'vitest';
import { METRIC, metricsOf } from './metrics';

describe('metricsOf', () => {
  it('counts business events only when they succeed', () => {
    expect(metricsOf('GET', '/api/requests/r1/matches', 200)).toEqual([
      METRIC.requests,
      METRIC.matchesServed,
    ]);
    expect(metricsOf('POST', '/api/partnerships', 201)).toEqual([METRIC.requests, METRIC.proposals]);
    expect(metricsOf('POST', '/api/partnerships/p1/accept', 200)).toEqual([METRIC.requests, METRIC.accepts]);
    expect(metricsOf('POST', '/api/rounds', 200)).toEqual([METRIC.requests, METRIC.rounds]);
    expect(metricsOf('POST', '/api/partnerships/p1/accept', 409)).toEqual([
      METRIC.requests,
      METRIC.clientErrors,
    ]);
    expect(metricsOf('GET', '/api/partnerships', 200)).toEqual([METRIC.requests]);
  });

  it('tells unavailable and other server errors apart', () => {
    expect(metricsOf('GET', '/api/offers', 503)).toEqual([
      METRIC.requests,
      METRIC.unavailable,
      METRIC.serverErrors,
    ]);
    expect(metricsOf('GET', '/api/offers', 500)).toEqual([METRIC.requests, METRIC.serverErrors]);
  });
});
