'use client';

import type { CandidateList, Offer } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  Disclosure,
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
import { useT } from '../../../lib/i18n/locale';

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
  const t = useT();
  const id = useSearchParams().get('id') ?? '';
  const [state, reload] = useAsync((signal) => load(id, signal), [id]);
  if (!id) return <Empty>{t.partner.noOffer}</Empty>;
  if (state.kind === 'loading') return <Loading text={t.partner.finding} />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { offer, candidates } = state.data;
  return (
    <>
      <p>
        <Link prefetch={false} href="/mitra">
          {t.common.back}
        </Link>
      </p>
      <PageTitle>{offer.title}</PageTitle>
      <p className="muted">
        {t.type[offer.type]} · {t.mode[offer.mode]} · {t.common.placesLeft(offer.remaining, offer.capacity)}
      </p>
      <SectionTitle>{t.partner.eligible(candidates.eligibleCount)}</SectionTitle>
      {candidates.items.length === 0 ? (
        <Empty>{t.partner.noCandidates}</Empty>
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
                {t.size[c.request.business.sizeClass]} · {c.request.business.sector} ·{' '}
                {c.request.business.city ?? c.request.business.province} · {c.request.needs.join(', ')}
              </p>
              <Reasons reasons={c.reasons} />
              <Disclosure summary={t.common.scoreParts}>
                <ScoreParts components={c.components} />
              </Disclosure>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
