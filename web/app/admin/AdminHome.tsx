'use client';

import { findProvince } from '@sinergi/shared/reference';
import type { OfferType, RoundCreate, RoundResult, StatsImpact } from '@sinergi/shared/schemas';
import { useState } from 'react';
import {
  Bi,
  Empty,
  ErrorNotice,
  Field,
  Loading,
  OfferTypeField,
  PageTitle,
  SectionTitle,
} from '../../components/ui';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useAsync, useSubmit } from '../../lib/hooks';
import { type Bilingual, formatDecimal, formatPercent } from '../../lib/labels';

type Report = RoundResult['report'];

const FIGURES: { key: string; label: Bilingual; value: (r: Report) => string }[] = [
  { key: 'totalScore', label: ['Total skor', 'Total score'], value: (r) => formatDecimal(r.totalScore) },
  { key: 'fillRate', label: ['Kuota terisi', 'Fill rate'], value: (r) => formatPercent(r.fillRate) },
  {
    key: 'placement',
    label: ['Permintaan terpenuhi', 'Requests placed'],
    value: (r) => formatPercent(r.requestPlacementRate),
  },
  {
    key: 'blockingPairs',
    label: ['Pasangan pengganggu', 'Blocking pairs'],
    value: (r) => (r.blockingPairs === null ? '—' : formatCount(r.blockingPairs)),
  },
  {
    key: 'highPovertyShare',
    label: ['Porsi provinsi miskin', 'High-poverty share'],
    value: (r) => formatPercent(r.highPovertyShare),
  },
  { key: 'assigned', label: ['Pasangan', 'Assignments'], value: (r) => formatCount(r.assignedCount) },
];

/** The programme admin: allocation rounds and the impact by province. */
export function AdminHome() {
  return (
    <>
      <PageTitle t={['Admin program', 'Programme admin']} />
      <RoundPanel />
      <ImpactPanel />
    </>
  );
}

function RoundPanel() {
  const [type, setType] = useState<OfferType>('mentorship');
  const [weight, setWeight] = useState(0.4);
  const [dryRun, setDryRun] = useState(true);
  const [result, setResult] = useState<RoundResult>();

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    const body: RoundCreate = { type, impactWeight: weight, dryRun };
    setResult(await api<RoundResult>('POST', '/api/rounds', body));
  });
  return (
    <section className="card-panel" aria-labelledby="round-title">
      <SectionTitle id="round-title" t={['Putaran alokasi', 'Allocation round']} />
      <form className="form" onSubmit={onSubmit} aria-label="Jalankan putaran / Run a round">
        <OfferTypeField label={['Jenis', 'Type']} value={type} onChange={setType} error={errors.type} />
        <Field
          label={['Bobot prioritas dampak', 'Impact priority weight']}
          hint={[
            '0 = mati; prioritas untuk provinsi dengan kemiskinan tinggi',
            '0 = off; priority for high-poverty provinces',
          ]}
          error={errors.impactWeight}
        >
          {(p) => (
            <div className="slider">
              <input
                {...p}
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={weight}
                onChange={(e) => setWeight(Number(e.target.value))}
              />
              <output htmlFor={p.id}>{formatDecimal(weight)}</output>
            </div>
          )}
        </Field>
        <label className="choice">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          <Bi t={['Uji coba saja (tanpa menyimpan pengajuan)', 'Dry run (store no proposals)']} />
        </label>
        {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Menghitung…' : 'Jalankan putaran'}{' '}
          <span lang="en">/ {busy ? 'Computing…' : 'Run round'}</span>
        </button>
      </form>
      {busy && <Loading t={['Menghitung alokasi…', 'Computing the allocation…']} />}
      {result && <RoundView result={result} />}
    </section>
  );
}

function RoundView({ result }: { result: RoundResult }) {
  const { report, withoutImpact } = result;
  return (
    <div data-testid="round-result">
      <p className="muted" role="status">
        {result.dryRun ? (
          <Bi t={['Uji coba: tidak ada yang disimpan.', 'Dry run: nothing stored.']} />
        ) : (
          <Bi t={[`${result.proposed} pengajuan disimpan.`, `${result.proposed} proposals stored.`]} />
        )}{' '}
        {report.requestCount} permintaan, {report.offerCount} penawaran, kuota {report.capacity}{' '}
        <span lang="en">
          / {report.requestCount} requests, {report.offerCount} offers, {report.capacity} places
        </span>
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Hasil putaran / Round figures</caption>
          <thead>
            <tr>
              <th scope="col">
                Angka <span className="bi-en">/ Figure</span>
              </th>
              <th scope="col" className="num">
                Dengan dampak <span className="bi-en">/ With impact</span>
              </th>
              {withoutImpact && (
                <th scope="col" className="num">
                  Tanpa dampak <span className="bi-en">/ Without</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((f) => (
              <tr key={f.key} data-testid={`round-${f.key}`}>
                <th scope="row">
                  {f.label[0]}{' '}
                  <span className="bi-en" lang="en">
                    / {f.label[1]}
                  </span>
                </th>
                <td className="num" data-testid={`round-${f.key}-value`}>
                  {f.value(report)}
                </td>
                {withoutImpact && <td className="num">{f.value(withoutImpact)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="subhead">
        Usulan pasangan{' '}
        <span className="heading-en" lang="en">
          Proposed pairs (first 50 of {result.assignments.length})
        </span>
      </h3>
      {result.assignments.length === 0 ? (
        <Empty t={['Tidak ada pasangan.', 'No assignments.']} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">UMKM</th>
                <th scope="col">Penawaran / Offer</th>
                <th scope="col" className="num">
                  Skor / Score
                </th>
                <th scope="col" className="num">
                  Dampak / Impact
                </th>
                <th scope="col">Hasil / Outcome</th>
              </tr>
            </thead>
            <tbody>
              {result.assignments.slice(0, 50).map((a) => (
                <tr key={`${a.requestId}-${a.offerId}`}>
                  <td>
                    {a.businessName}{' '}
                    <span className="muted">({findProvince(a.province)?.name ?? a.province})</span>
                  </td>
                  <td>{a.offerTitle}</td>
                  <td className="num">{formatPercent(a.score)}</td>
                  <td className="num">{formatDecimal(a.impact)}</td>
                  <td>{a.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type SortKey = 'name' | 'povertyRatePct' | 'partnerships' | 'businesses';

function ImpactPanel() {
  const [state, reload] = useAsync(
    (signal) => api<StatsImpact>('GET', '/api/stats/impact', undefined, signal),
    [],
  );
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'povertyRatePct', desc: true });
  const columns: { key: SortKey; label: Bilingual; num: boolean }[] = [
    { key: 'name', label: ['Provinsi', 'Province'], num: false },
    { key: 'povertyRatePct', label: ['Kemiskinan (BPS) %', 'Poverty rate (BPS) %'], num: true },
    { key: 'partnerships', label: ['Kemitraan', 'Partnerships'], num: true },
    { key: 'businesses', label: ['UMKM', 'UMKM'], num: true },
  ];
  return (
    <section className="card-panel" aria-labelledby="impact-title">
      <SectionTitle id="impact-title" t={['Dampak per provinsi', 'Impact by province']} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <>
          <p className="muted">
            {formatCount(state.data.total)} kemitraan
            {state.data.highPovertyShare !== undefined &&
              `, ${formatPercent(state.data.highPovertyShare)} di provinsi dengan kemiskinan di atas median`}{' '}
            <span lang="en">
              / {state.data.total} partnerships
              {state.data.highPovertyShare !== undefined &&
                `, ${formatPercent(state.data.highPovertyShare)} in provinces above the median poverty rate`}
            </span>
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="impact-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.num ? 'num' : undefined}
                      aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                    >
                      <button
                        type="button"
                        onClick={() =>
                          setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.num }))
                        }
                      >
                        {c.label[0]} <span className="bi-en">/ {c.label[1]}</span>
                        {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...state.data.byProvince]
                  .sort((a, b) => {
                    const va = a[sort.key];
                    const vb = b[sort.key];
                    const cmp =
                      typeof va === 'string' ? va.localeCompare(vb as string, 'id') : va - (vb as number);
                    return sort.desc ? -cmp : cmp;
                  })
                  .map((p) => (
                    <tr key={p.province}>
                      <th scope="row">{p.name}</th>
                      <td className="num">{p.povertyRatePct.toLocaleString('id-ID')}</td>
                      <td className="num">{formatCount(p.partnerships)}</td>
                      <td className="num">{formatCount(p.businesses)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
