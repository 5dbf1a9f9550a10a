'use client';

import type { OfferType, RoundCreate, RoundResult, StatsImpact } from '@sinergi/shared/schemas';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import {
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
import { useAsync, useReference, useSubmit } from '../../lib/hooks';
import type { Messages } from '../../lib/i18n/id';
import { both, useT } from '../../lib/i18n/locale';
import { formatMeasure, impactCsv, impactRows, type Measure } from '../../lib/impact';
import { formatDecimal, formatPercent } from '../../lib/labels';
import { RoundCompare } from './RoundCompare';

// d3-geo and topojson-client load with the map, after the page and its table.
const ProvinceMap = dynamic(() => import('./ProvinceMap').then((m) => m.ProvinceMap), {
  ssr: false,
  loading: () => <Loading />,
});
const PovertyChart = dynamic(() => import('./ProvinceMap').then((m) => m.PovertyChart), { ssr: false });

/** The programme admin: allocation rounds and the impact by province. */
export function AdminHome() {
  return (
    <>
      <PageTitle t={both((m) => m.admin.title)} />
      <RoundCompare />
      <ImpactPanel />
    </>
  );
}

type SortKey = 'name' | 'povertyRatePct' | 'per100' | 'partnerships' | 'businesses';

function ImpactPanel() {
  const t = useT();
  const [state, reload] = useAsync(
    (signal) => api<StatsImpact>('GET', '/api/stats/impact', undefined, signal),
    [],
  );
  const [measure, setMeasure] = useState<Measure>('per100');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'povertyRatePct', desc: true });
  const rows = useMemo(() => (state.kind === 'ready' ? impactRows(state.data) : []), [state]);
  const csvUrl = useMemo(
    () =>
      rows.length > 0 ? URL.createObjectURL(new Blob([impactCsv(rows)], { type: 'text/csv' })) : undefined,
    [rows],
  );
  useEffect(() => () => (csvUrl ? URL.revokeObjectURL(csvUrl) : undefined), [csvUrl]);
  const columns: { key: SortKey; label: string; num: boolean }[] = [
    { key: 'name', label: t.admin.province, num: false },
    { key: 'povertyRatePct', label: t.admin.poverty, num: true },
    { key: 'per100', label: t.admin.per100, num: true },
    { key: 'partnerships', label: t.admin.partnerships, num: true },
    { key: 'businesses', label: t.admin.businesses, num: true },
  ];
  const sorted = [...rows].sort((a, b) => {
    const va = a[sort.key] ?? -1;
    const vb = b[sort.key] ?? -1;
    const cmp = typeof va === 'string' ? va.localeCompare(vb as string, 'id') : va - (vb as number);
    return sort.desc ? -cmp : cmp;
  });
  return (
    <section className="card-panel" aria-labelledby="impact-title">
      <SectionTitle id="impact-title" t={both((m) => m.admin.impactTitle)} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <>
          <p className="muted">
            {t.admin.impactSummary(
              formatCount(state.data.total),
              state.data.highPovertyShare === undefined
                ? undefined
                : formatPercent(state.data.highPovertyShare),
            )}
          </p>
          <div className="map-controls">
            <fieldset className="choices choices--row">
              <legend className="field__label">{t.map.measure}</legend>
              {(['per100', 'povertyRatePct'] as const).map((m) => (
                <label key={m} className="choice">
                  <input
                    type="radio"
                    name="map-measure"
                    value={m}
                    checked={measure === m}
                    onChange={() => setMeasure(m)}
                  />
                  {m === 'per100' ? t.map.per100 : t.map.poverty}
                </label>
              ))}
            </fieldset>
            {csvUrl && (
              <a className="button button--secondary" href={csvUrl} download="sinergi-dampak-provinsi.csv">
                {t.map.exportCsv}
              </a>
            )}
          </div>
          <div className="grid-2 grid-2--wide">
            <ProvinceMap rows={rows} measure={measure} />
            <PovertyChart rows={rows} />
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="impact-table">
              <caption className="visually-hidden">{t.admin.impactTitle}</caption>
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
                        {c.label}
                        {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sorted.map((p) => (
                  <tr key={p.province} data-province={p.province}>
                    <th scope="row">{p.name}</th>
                    <td className="num" data-measure="povertyRatePct">
                      {formatMeasure(p.povertyRatePct)}
                    </td>
                    <td className="num" data-measure="per100">
                      {formatMeasure(p.per100)}
                    </td>
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
