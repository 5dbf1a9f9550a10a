'use client';

import type { CandidateList, Offer } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  Bi,
  Empty,
  ErrorNotice,
  Loading,
  PageTitle,
  Reasons,
  ScoreBadge,
  ScoreParts,
  SectionTitle,
} from '../../../components/ui';
import { api } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { both } from '../../../lib/i18n/locale';
import { MODE_LABELS, SIZE_LABELS, TYPE_LABELS } from '../../../lib/labels';

async function load(id: string, signal: AbortSignal) {
  const enc = encodeURIComponent(id);
  const [offer, candidates] = await Promise.all([
    api<Offer>('GET', `/api/offers/${enc}`, undefined, signal),
    api<CandidateList>('GET', `/api/offers/${enc}/candidates?limit=30`, undefined, signal),
  ]);
  return { offer, candidates };
}

/** The UMKM that fit one offer best, with score parts and reasons. */
export function OfferCandidates() {
  const id = useSearchParams().get('id') ?? '';
  const [state, reload] = useAsync((signal) => load(id, signal), [id]);
  if (!id) return <Empty t={both((m) => m.partner.noOffer)} />;
  if (state.kind === 'loading') return <Loading t={both((m) => m.partner.finding)} />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { offer, candidates } = state.data;
  return (
    <>
      <p>
        <Link href="/mitra">
          <Bi t={both((m) => m.common.back)} />
        </Link>
      </p>
      <PageTitle t={[offer.title, offer.title]} />
      <p className="muted">
        <Bi t={TYPE_LABELS[offer.type]} /> · <Bi t={MODE_LABELS[offer.mode]} /> ·{' '}
        <Bi t={both((m) => m.common.placesLeft(offer.remaining, offer.capacity))} />
      </p>
      <SectionTitle
        t={[
          `${candidates.eligibleCount} UMKM memenuhi syarat`,
          `${candidates.eligibleCount} eligible UMKM, best first`,
        ]}
      />
      {candidates.items.length === 0 ? (
        <Empty t={both((m) => m.partner.noCandidates)} />
      ) : (
        <ol className="list" data-testid="candidates">
          {candidates.items.map((c) => (
            <li key={c.requestId} className="item" data-testid="candidate">
              <div className="item__head">
                <span className="rank">#{c.rank}</span>
                <h3 className="item__title">{c.request.business.name}</h3>
                <ScoreBadge score={c.score} />
              </div>
              <p className="item__meta">
                <Bi t={SIZE_LABELS[c.request.business.sizeClass]} /> · {c.request.business.sector} ·{' '}
                {c.request.business.city ?? c.request.business.province} · {c.request.needs.join(', ')}
              </p>
              <Reasons reasons={c.reasons} />
              <details className="details">
                <summary>
                  <Bi t={both((m) => m.common.scoreParts)} />
                </summary>
                <ScoreParts components={c.components} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
