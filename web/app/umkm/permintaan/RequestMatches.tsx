'use client';

import type { Match, MatchList, PartnershipRequest } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import {
  Bi,
  Empty,
  ErrorNotice,
  Loading,
  Notice,
  PageTitle,
  Reasons,
  ScoreBadge,
  ScoreParts,
  SectionTitle,
} from '../../../components/ui';
import { api } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { FILTER_LABELS, MODE_LABELS, REQUEST_STATUS_LABELS, TYPE_LABELS } from '../../../lib/labels';
import { WhatIf } from './WhatIf';

async function load(id: string, signal: AbortSignal) {
  const [request, matches] = await Promise.all([
    api<PartnershipRequest>('GET', `/api/requests/${encodeURIComponent(id)}`, undefined, signal),
    api<MatchList>(
      'GET',
      `/api/requests/${encodeURIComponent(id)}/matches?explain=excluded&limit=100&excludedLimit=50`,
      undefined,
      signal,
    ),
  ]);
  return { request, matches };
}

/** One request's ranked partners, why each one, why not the others, and a what-if preview. */
export function RequestMatches() {
  const id = useSearchParams().get('id') ?? '';
  const [state, reload] = useAsync((signal) => load(id, signal), [id]);
  const [proposed, setProposed] = useState<string | undefined>();

  if (!id) return <Empty t={['Permintaan tidak ditemukan.', 'No request chosen.']} />;
  if (state.kind === 'loading') return <Loading t={['Mencari mitra yang cocok…', 'Finding matches…']} />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { request, matches } = state.data;
  const pending = new Set(request.pendingProposals.map((p) => p.offerId));
  const shown = matches.items.slice(0, 20);

  return (
    <>
      <p>
        <Link href="/umkm">
          ← Kembali <span lang="en">/ Back</span>
        </Link>
      </p>
      <PageTitle t={['Mitra yang cocok', 'Ranked matches']} />
      <p className="muted">
        <Bi t={TYPE_LABELS[request.type]} /> · <Bi t={MODE_LABELS[request.mode]} /> ·{' '}
        <Bi t={REQUEST_STATUS_LABELS[request.status]} /> · <strong>{request.needs.join(', ')}</strong>
      </p>
      {proposed && (
        <Notice
          t={[
            `Pengajuan terkirim ke ${proposed}. Menunggu jawaban mitra.`,
            `Proposal sent to ${proposed}. Waiting for the partner's answer.`,
          ]}
        />
      )}

      <div className="grid-2 grid-2--wide">
        <section aria-labelledby="matches-title">
          <SectionTitle
            id="matches-title"
            t={[
              `${matches.eligibleCount} penawaran memenuhi syarat`,
              `${matches.eligibleCount} eligible offers, best first`,
            ]}
          />
          {shown.length === 0 ? (
            <Empty t={['Belum ada penawaran yang cocok.', 'No eligible offer yet.']} />
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
        </section>
        <aside aria-labelledby="whatif-title">
          <WhatIf request={request} matches={matches.items} />
          <Excluded matches={matches} />
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
          <span className="visually-hidden">Peringkat / Rank </span>#{m.rank}
        </span>
        <h3 className="item__title" id={titleId}>
          {m.offer.title}
        </h3>
        <ScoreBadge score={m.score} />
      </div>
      <p className="item__meta">
        {m.offer.organization.name} · <Bi t={MODE_LABELS[m.offer.mode]} /> · sisa {m.offer.remaining}/
        {m.offer.capacity} <span lang="en">places left</span>
      </p>
      <Reasons reasons={m.reasons} />
      <details className="details">
        <summary>
          Rincian skor <span lang="en">/ Score parts</span>
        </summary>
        <ScoreParts components={m.components} />
      </details>
      {error !== undefined && <ErrorNotice error={error} title={['Pengajuan gagal', 'Proposal failed']} />}
      {pending ? (
        <p className="pill pill--proposed">
          <Bi t={['Sudah diajukan', 'Proposed']} />
        </p>
      ) : (
        request.status === 'open' && (
          <button type="button" className="button" disabled={busy} onClick={() => void propose()}>
            Ajukan kemitraan <span lang="en">/ Propose</span>
          </button>
        )
      )}
    </li>
  );
}

function Excluded({ matches }: { matches: MatchList }) {
  // One page (up to 50, the site's query) and the total: the API never sends an unbounded list.
  const excluded = matches.excluded?.items ?? [];
  const total = matches.excluded?.total ?? 0;
  return (
    <section className="card-panel" aria-labelledby="excluded-title">
      <h2 id="excluded-title" className="subhead">
        Mengapa tidak?
        <span className="heading-en" lang="en">
          Why not: {total} offers excluded
        </span>
      </h2>
      {total === 0 ? (
        <Empty t={['Tidak ada penawaran yang tersaring.', 'No offer was filtered out.']} />
      ) : (
        <details className="details">
          <summary>
            Lihat {total} penawaran yang tersaring <span lang="en">/ Show excluded offers</span>
          </summary>
          <ul className="list list--compact" data-testid="excluded">
            {excluded.map((e) => {
              const f = FILTER_LABELS[e.filter] ?? [e.filter, e.filter];
              return (
                <li key={e.offerId} className="item item--compact">
                  <span className="item__title">
                    {e.title} — {e.organizationName}
                  </span>
                  <br />
                  <strong>{f[0]}</strong>{' '}
                  <span className="bi-en" lang="en">
                    / {f[1]}
                  </span>
                  : {e.reason.id}
                  <span className="reasons__en" lang="en">
                    {e.reason.en}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
