'use client';

import type { Business, Me, PartnershipPage, RequestPage } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { PartnershipList } from '../../components/Partnerships';
import { Empty, ErrorNotice, Loading, Paged, PageTitle, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { useAsync } from '../../lib/hooks';
import { useT } from '../../lib/i18n/locale';
import { BusinessForm } from './BusinessForm';
import { RequestForm } from './RequestForm';

const REQUESTS = '/api/requests?limit=20';
const PARTNERSHIPS = '/api/partnerships?limit=20';

async function loadHome(signal: AbortSignal) {
  const me = await api<Me>('GET', '/api/auth/me', undefined, signal);
  if (!me.businessId)
    return { me, business: undefined, requests: { items: [] }, partnerships: { items: [] } };
  const [business, requests, partnerships] = await Promise.all([
    api<Business>('GET', `/api/businesses/${me.businessId}`, undefined, signal),
    api<RequestPage>('GET', REQUESTS, undefined, signal),
    api<PartnershipPage>('GET', PARTNERSHIPS, undefined, signal),
  ]);
  return { me, business, requests, partnerships };
}

/** The UMKM owner's space: profile, requests (each with its matches), partnerships. */
export function UmkmHome() {
  const t = useT();
  const router = useRouter();
  const [state, reload] = useAsync(loadHome, []);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { business, requests, partnerships } = state.data;

  if (!business)
    return (
      <>
        <PageTitle>{t.umkm.welcome}</PageTitle>
        <BusinessForm onCreated={reload} />
      </>
    );

  return (
    <>
      <PageTitle>{business.name}</PageTitle>
      <p className="muted" data-testid="business-summary">
        {t.size[business.sizeClass]} · {business.sector} · {business.city ?? business.province}
        {business.certifications.length > 0 && <> · {business.certifications.join(', ')}</>}
      </p>

      <div className="grid-2">
        <section aria-labelledby="requests-title" className="card-panel">
          <SectionTitle id="requests-title">{t.umkm.requests}</SectionTitle>
          {requests.items.length === 0 ? (
            <Empty>{t.umkm.noRequests}</Empty>
          ) : (
            <Paged first={requests} path={REQUESTS}>
              {(items) => (
                <ul className="list">
                  {items.map((r) => (
                    <li key={r.id} className="item" data-testid="request">
                      <div className="item__head">
                        <h3 className="item__title">
                          <Link prefetch={false} href={`/umkm/permintaan?id=${encodeURIComponent(r.id)}`}>
                            {r.needs.join(', ')}
                          </Link>
                        </h3>
                        <span className={`pill pill--${r.status}`}>{t.requestStatus[r.status]}</span>
                      </div>
                      <p className="item__meta">
                        {t.type[r.type]} · {t.mode[r.mode]}
                        {r.startDate && (
                          <>
                            {' '}
                            · {r.startDate} – {r.endDate ?? '…'}
                          </>
                        )}
                      </p>
                      <Link
                        prefetch={false}
                        className="item__link"
                        href={`/umkm/permintaan?id=${encodeURIComponent(r.id)}`}
                      >
                        {t.umkm.seeMatches}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Paged>
          )}
          <h3 className="subhead">{t.umkm.newRequest}</h3>
          <RequestForm onCreated={(r) => router.push(`/umkm/permintaan?id=${encodeURIComponent(r.id)}`)} />
        </section>

        <section aria-labelledby="partnerships-title" className="card-panel">
          <SectionTitle id="partnerships-title">{t.umkm.partnerships}</SectionTitle>
          <Paged first={partnerships} path={PARTNERSHIPS}>
            {(items) => <PartnershipList items={items} side="business" onChanged={reload} />}
          </Paged>
        </section>
      </div>
    </>
  );
}
