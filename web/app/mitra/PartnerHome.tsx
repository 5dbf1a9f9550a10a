'use client';

import type { Me, Offer, OfferPage, Organization, PartnershipPage } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { PartnershipList } from '../../components/Partnerships';
import { Empty, ErrorNotice, Loading, Paged, PageTitle, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { useFormats } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { useT } from '../../lib/i18n/locale';
import { OFFER_TYPE_OF_KIND } from '../../lib/labels';
import { OfferForm } from './OfferForm';
import { OrganizationForm } from './OrganizationForm';

const PROPOSALS = '/api/partnerships?status=proposed&limit=20';
const PARTNERSHIPS = '/api/partnerships?limit=20';

async function loadHome(signal: AbortSignal) {
  const me = await api<Me>('GET', '/api/auth/me', undefined, signal);
  if (!me.organizationId)
    return {
      me,
      organization: undefined,
      offers: [] as Offer[],
      proposals: { items: [] },
      partnerships: { items: [] },
    };
  const id = encodeURIComponent(me.organizationId);
  // Proposals waiting for an answer are read on their own, so none hides behind "Muat lagi".
  const [organization, offers, proposals, partnerships] = await Promise.all([
    api<Organization>('GET', `/api/organizations/${id}`, undefined, signal),
    api<OfferPage>('GET', `/api/offers?organizationId=${id}&limit=100`, undefined, signal),
    api<PartnershipPage>('GET', PROPOSALS, undefined, signal),
    api<PartnershipPage>('GET', PARTNERSHIPS, undefined, signal),
  ]);
  return { me, organization, offers: offers.items, proposals, partnerships };
}

/** A corporate, university or community partner's space: offers, candidates, incoming proposals. */
export function PartnerHome() {
  const [state, reload] = useAsync(loadHome, []);
  const t = useT();
  const f = useFormats();
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { organization, offers, proposals, partnerships } = state.data;
  if (!organization)
    return (
      <>
        <PageTitle>{t.umkm.welcome}</PageTitle>
        <OrganizationForm onCreated={reload} />
      </>
    );

  const byId = new Map(offers.map((o) => [o.id, o]));
  const type = OFFER_TYPE_OF_KIND[organization.kind];
  return (
    <>
      <PageTitle>{organization.name}</PageTitle>
      <p className="muted">{t.role[organization.kind]}</p>
      {organization.track.ratingAverage !== undefined && (
        <p className="muted">
          {t.partner.rating(
            f.measure(organization.track.ratingAverage),
            f.count(organization.track.ratingCount ?? 0),
          )}
        </p>
      )}
      <div className="grid-2">
        <section className="card-panel" aria-labelledby="proposals-title">
          <SectionTitle id="proposals-title">{t.partner.proposals}</SectionTitle>
          <Paged first={proposals} path={PROPOSALS}>
            {(items) => (
              <PartnershipList items={items} side="organization" offers={byId} onChanged={reload} />
            )}
          </Paged>
          <h3 className="subhead">{t.partner.otherPartnerships}</h3>
          <Paged first={partnerships} path={PARTNERSHIPS}>
            {(items) => (
              <PartnershipList
                items={items.filter((p) => p.status !== 'proposed')}
                side="organization"
                offers={byId}
                onChanged={reload}
              />
            )}
          </Paged>
        </section>
        <section className="card-panel" aria-labelledby="offers-title">
          <SectionTitle id="offers-title">{t.partner.offers}</SectionTitle>
          {offers.length === 0 ? (
            <Empty>{t.partner.noOffers}</Empty>
          ) : (
            <ul className="list">
              {offers.map((o) => (
                <li key={o.id} className="item" data-testid="offer">
                  <div className="item__head">
                    <h3 className="item__title">{o.title}</h3>
                    <span className={`pill pill--${o.status}`}>
                      {o.status === 'open' ? t.requestStatus.open : t.requestStatus.closed}
                    </span>
                  </div>
                  <p className="item__meta">
                    {t.type[o.type]} · {t.mode[o.mode]} · {t.common.placesLeft(o.remaining, o.capacity)} ·{' '}
                    {o.topics.join(', ')}
                  </p>
                  <Link
                    prefetch={false}
                    className="item__link"
                    href={`/mitra/penawaran?id=${encodeURIComponent(o.id)}`}
                  >
                    {t.partner.seeCandidates}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <h3 className="subhead">{t.partner.newOffer}</h3>
          <OfferForm type={type} onCreated={reload} />
        </section>
      </div>
    </>
  );
}
