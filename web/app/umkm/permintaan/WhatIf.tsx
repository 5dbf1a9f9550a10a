'use client';

import { rankOffers } from '@sinergi/shared/matching';
import { type Match, type PartnershipRequest, toMatchOffer, toMatchRequest } from '@sinergi/shared/schemas';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Empty, Reasons, ScoreBadge } from '../../../components/ui';
import { useT } from '../../../lib/i18n/locale';
import { splitTags } from '../../../lib/labels';

/**
 * "What if my needs were…": re-ranks the offers already fetched with the matching core in the browser,
 * instantly, without calling the API. A preview only: proposing still goes through the API, which ranks
 * every open offer again.
 */
export function WhatIf({ request, matches }: { request: PartnershipRequest; matches: readonly Match[] }) {
  const inputId = useId();
  const t = useT();
  const [text, setText] = useState(request.needs.join(', '));
  const deferred = useDeferredValue(text);
  const offers = useMemo(() => matches.map((m) => toMatchOffer(m.offer)), [matches]);
  const byId = useMemo(() => new Map(matches.map((m) => [m.offerId, m])), [matches]);
  const needs = splitTags(deferred);
  const changed = needs.join('|') !== request.needs.join('|');

  const ranking = useMemo(
    () =>
      rankOffers(toMatchRequest({ ...request, needs: splitTags(deferred) }), offers, {
        limit: offers.length,
      }),
    [request, offers, deferred],
  );
  const top = ranking.ranked.slice(0, 10);

  return (
    <section className="card-panel whatif" aria-labelledby="whatif-title">
      <h2 id="whatif-title" className="subhead">
        {t.whatIf.title}
      </h2>
      <p className="muted">{t.whatIf.lead(offers.length)}</p>
      <label htmlFor={inputId} className="field__label">
        {t.whatIf.needs}
      </label>
      <input id={inputId} className="input" value={text} onChange={(e) => setText(e.target.value)} />
      <p className="muted" aria-live="polite">
        {changed ? t.whatIf.changed : t.whatIf.same}
      </p>
      {top.length === 0 ? (
        <Empty>{t.whatIf.none}</Empty>
      ) : (
        <ol
          className="list list--compact"
          data-testid="what-if"
          data-ranking={top.map((r) => r.offerId).join(',')}
        >
          {top.map((r) => {
            const m = byId.get(r.offerId);
            const move = m ? m.rank - r.rank : 0;
            return (
              <li key={r.offerId} className="item item--compact" data-testid="what-if-item">
                <div className="item__head">
                  <span className="rank">#{r.rank}</span>
                  <span className="item__title">{m?.offer.title ?? r.offerId}</span>
                  {move !== 0 && (
                    <span className={`move move--${move > 0 ? 'up' : 'down'}`}>
                      {move > 0 ? `▲ ${move}` : `▼ ${-move}`}
                      <span className="visually-hidden">
                        {' '}
                        {move > 0 ? t.common.up(move) : t.common.down(-move)}
                      </span>
                    </span>
                  )}
                  <ScoreBadge score={r.score} />
                </div>
                <Reasons reasons={r.reasons} max={2} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
