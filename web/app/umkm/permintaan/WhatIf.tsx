'use client';

import type { Match, PartnershipRequest } from '@sinergi/shared/schemas';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Empty, Loading, Reasons, ScoreBadge } from '../../../components/ui';
import { useT } from '../../../lib/i18n/locale';
import { splitTags } from '../../../lib/labels';
import type { previewRanker } from './whatif-rank';

type Core =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; ranker: typeof previewRanker }
  | { kind: 'error' };

/**
 * "What if my needs were…": re-ranks the offers already fetched with the matching core in the browser,
 * instantly, without calling the API. A preview only: proposing still goes through the API, which ranks
 * every open offer again. The core (and zod, through the schema mappers) is loaded when the owner starts
 * to edit the needs: a page that is only read never downloads or runs it.
 */
export function WhatIf({ request, matches }: { request: PartnershipRequest; matches: readonly Match[] }) {
  const inputId = useId();
  const t = useT();
  const [text, setText] = useState(request.needs.join(', '));
  const [core, setCore] = useState<Core>({ kind: 'idle' });
  const deferred = useDeferredValue(text);
  const byId = useMemo(() => new Map(matches.map((m) => [m.offerId, m])), [matches]);
  const needs = splitTags(deferred);
  const changed = needs.join('|') !== request.needs.join('|');

  const loadCore = () => {
    if (core.kind === 'loading' || core.kind === 'ready') return;
    setCore({ kind: 'loading' });
    import('./whatif-rank').then(
      (m) => setCore({ kind: 'ready', ranker: m.previewRanker }),
      () => setCore({ kind: 'error' }),
    );
  };
  const ranker = core.kind === 'ready' ? core.ranker : undefined;
  // Made again when the page reloads its matches (after a proposal), like the list it previews.
  const rank = useMemo(() => ranker?.(request, matches), [ranker, request, matches]);
  const key = needs.join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `needs`.
  const ranked = useMemo(() => rank?.(needs), [rank, key]);
  const top = ranked?.slice(0, 10) ?? [];

  return (
    <section className="card-panel whatif" aria-labelledby="whatif-title">
      <h2 id="whatif-title" className="subhead">
        {t.whatIf.title}
      </h2>
      <p className="muted">{t.whatIf.lead(matches.length)}</p>
      <label htmlFor={inputId} className="field__label">
        {t.whatIf.needs}
      </label>
      <input
        id={inputId}
        className="input"
        value={text}
        onFocus={loadCore}
        onPointerDown={loadCore}
        onChange={(e) => {
          loadCore();
          setText(e.target.value);
        }}
      />
      {core.kind === 'idle' ? (
        <p className="muted">{t.whatIf.start}</p>
      ) : core.kind === 'loading' ? (
        <Loading text={t.whatIf.loading} />
      ) : core.kind === 'error' ? (
        <p className="muted">{t.common.error}</p>
      ) : (
        <p className="muted" aria-live="polite">
          {changed ? t.whatIf.changed : t.whatIf.same}
        </p>
      )}
      {ranked === undefined ? null : top.length === 0 ? (
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
