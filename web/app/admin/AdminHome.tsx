'use client';

import type { StatsImpact } from '@sinergi/shared/schemas';
import { useState } from 'react';
import { ErrorNotice, Loading, PageTitle, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { type Bilingual, formatPercent } from '../../lib/labels';
import { RoundCompare } from './RoundCompare';

/** The programme admin: allocation rounds (RoundCompare.tsx) and the impact by province. */
export function AdminHome() {
  return (
    <>
      <PageTitle t={['Admin program', 'Programme admin']} />
      <RoundCompare />
      <ImpactPanel />
    </>
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
