'use client';

import type { Match, MatchList, PartnershipRequest } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import {
  Disclosure,
  Empty,
  ErrorNotice,
  Loading,
  LoadMore,
  Notice,
  Reasons,
  ScoreBadge,
  ScoreParts,
  SectionTitle,
} from '../../../components/ui';
import { api } from '../../../lib/api';
import { earlyPath } from '../../../lib/early-reads';
import { useAsync } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n/locale';
import { EXCLUDED_READ, MATCHES_READS } from './reads';
import { WhatIf } from './WhatIf';

async function load(id: string, signal: AbortSignal) {
  const [request, matches] = await Promise.all([
    api<PartnershipRequest>('GET', earlyPath(MATCHES_READS.request, id), undefined, signal),
    api<MatchList>('GET', earlyPath(MATCHES_READS.matches, id), undefined, signal),
  ]);
  return { request, matches };
}

/** One request's ranked partners, why each one, why not the others, and a what-if preview. */
export function RequestMatches() {
  const id = useSearchParams().get('id') ?? '';
  const [state, reload] = useAsync((signal) => load(id, signal), [id]);
  const [proposed, setProposed] = useState<string | undefined>();
  const [shownCount, setShownCount] = useState(20);
  const t = useT();

  if (!id) return <Empty>{t.matches.none}</Empty>;
  if (state.kind === 'loading') return <Loading text={t.matches.finding} />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { request, matches } = state.data;
  const pending = new Set(request.pendingProposals.map((p) => p.offerId));
  const shown = matches.items.slice(0, shownCount);

  return (
    <>
      <p>
        <Link prefetch={false} href="/umkm">
          {t.common.back}
        </Link>
      </p>
      <p className="muted">
        {t.type[request.type]} · {t.mode[request.mode]} · {t.requestStatus[request.status]} ·{' '}
        <strong>{request.needs.join(', ')}</strong>
      </p>
      {proposed && <Notice>{t.matches.sent(proposed)}</Notice>}

      <div className="grid-2 grid-2--wide">
        <section aria-labelledby="matches-title">
          <SectionTitle id="matches-title">{t.matches.eligible(matches.eligibleCount)}</SectionTitle>
          {shown.length === 0 ? (
            <Empty>{t.matches.noneEligible}</Empty>
          ) : (
            <ol className="list" data-testid="matches" data-ranking={shown.map((m) => m.offerId).join(',')}>
              {shown.map((m) => (
                <MatchCard
                  key={m.offerId}
                  m={m}
                  request={request}
                  pending={pending.has(m.offerId)}
                  onProposed={() => {
                    setProposed(m.offer.organization.name);
                    reload();
                  }}
                />
              ))}
            </ol>
          )}
          {shown.length > 0 && (
            <LoadMore
              shown={shown.length}
              total={matches.eligibleCount}
              hasMore={shown.length < matches.items.length}
              onMore={() => setShownCount((n) => n + 20)}
            />
          )}
        </section>
        <aside aria-label={t.whatIf.title}>
          {/* The preview loads the matching core only when the owner starts to edit the needs. */}
          <WhatIf request={request} matches={matches.items} />
          <Excluded id={id} total={matches.excludedCount} />
        </aside>
      </div>
    </>
  );
}

function MatchCard({
  m,
  request,
  pending,
  onProposed,
}: {
  m: Match;
  request: PartnershipRequest;
  pending: boolean;
  onProposed: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const t = useT();
  async function propose() {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/partnerships', { requestId: request.id, offerId: m.offerId });
      onProposed();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  const titleId = `match-${m.offerId}`;
  return (
    <li className="item match" data-testid="match" data-offer-id={m.offerId} aria-labelledby={titleId}>
      <div className="item__head">
        <span className="rank">
          <span className="visually-hidden">{t.common.rank} </span>#{m.rank}
        </span>
        <h3 className="item__title" id={titleId}>
          {m.offer.title}
        </h3>
        <ScoreBadge score={m.score} />
      </div>
      <p className="item__meta">
        {m.offer.organization.name} · {t.mode[m.offer.mode]} ·{' '}
        {t.common.placesLeft(m.offer.remaining, m.offer.capacity)}
      </p>
      <Reasons reasons={m.reasons} />
      <Disclosure summary={t.common.scoreParts}>
        <ScoreParts components={m.components} />
      </Disclosure>
      {error !== undefined && <ErrorNotice error={error} title={t.matches.proposalFailed} />}
      {pending ? (
        <p className="pill pill--proposed">{t.matches.proposed}</p>
      ) : (
        request.status === 'open' && (
          <button type="button" className="button" disabled={busy} onClick={() => void propose()}>
            {t.matches.propose}
          </button>
        )
      )}
    </li>
  );
}

function Excluded({ id, total }: { id: string; total: number }) {
  const t = useT();
  return (
    <section className="card-panel" aria-labelledby="excluded-title">
      <h2 id="excluded-title" className="subhead">
        {t.matches.whyNot(total)}
      </h2>
      {total === 0 ? (
        <Empty>{t.matches.noneExcluded}</Empty>
      ) : (
        <Disclosure summary={t.matches.showExcluded(total)}>
          <ExcludedList id={id} />
        </Disclosure>
      )}
    </section>
  );
}

/** One page of the excluded offers and their reasons, read when the list is opened. */
function ExcludedList({ id }: { id: string }) {
  const [state, reload] = useAsync(
    (signal) => api<MatchList>('GET', earlyPath(EXCLUDED_READ, id), undefined, signal),
    [id],
  );
  const t = useT();
  const locale = useLocale();
  if (state.kind === 'loading') return <Loading text={t.matches.finding} />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const excluded = state.data.excluded?.items ?? [];
  return (
    <ul className="list list--compact" data-testid="excluded">
      {excluded.map((e) => {
        const filters: Readonly<Record<string, string>> = t.filter;
        return (
          <li key={e.offerId} className="item item--compact">
            <span className="item__title">
              {e.title} — {e.organizationName}
            </span>
            <br />
            <strong>{filters[e.filter] ?? e.filter}</strong>: {locale === 'en' ? e.reason.en : e.reason.id}
          </li>
        );
      })}
    </ul>
  );
}
