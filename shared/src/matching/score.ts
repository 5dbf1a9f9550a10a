/**
 * `scorePair`: the one-call public entry for a single request–offer pair.
 */
import { explainPrepared } from './explain';
import { resolveWeights, type ScoreOptions } from './kernel';
import { type PreparedOffer, type PreparedRequest, prepareOffer, prepareRequest } from './prepare';
import type { MatchOffer, MatchRequest, PairScore } from './types';

/**
 * Score one request against one offer: either `{ eligible: true, score, fit, forUmkm, forPartner, impact,
 * components, reasons }` or `{ eligible: false, filter, reason }`. Pure and deterministic; never throws on
 * odd profiles (empty needs, unknown provinces, malformed dates), never returns NaN.
 *
 * @example
 * const result = scorePair(
 *   { id: 'r1', type: 'mentorship', needs: ['pemasaran digital', 'ekspor'],
 *     business: { id: 'u1', province: '33', sizeClass: 'mikro', sector: 'fesyen', products: ['batik tulis'] } },
 *   { id: 'o1', type: 'mentorship', topics: ['Digital marketing', 'Export readiness'], mode: 'online',
 *     capacity: 10, remaining: 3, languages: ['en'],
 *     organization: { id: 'c1', kind: 'corporate', province: '31' } },
 * );
 * if (result.eligible) {
 *   result.score;              // ≈ 0.8
 *   result.reasons[0]?.id;     // 'Topik cocok: pemasaran digital, ekspor.'
 *   result.reasons[0]?.en;     // 'Topics match: digital marketing, export.'
 * }
 */
export function scorePair(
  request: MatchRequest | PreparedRequest,
  offer: MatchOffer | PreparedOffer,
  options: ScoreOptions = {},
): PairScore {
  const r =
    'kind' in request && request.kind === 'prepared-request'
      ? request
      : prepareRequest(request as MatchRequest);
  const o = 'kind' in offer && offer.kind === 'prepared-offer' ? offer : prepareOffer(offer as MatchOffer);
  return explainPrepared(r, o, resolveWeights(options));
}
