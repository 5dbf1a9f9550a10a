'use client';

import type { StatsImpact } from '@sinergi/shared/schemas';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice, Loading, SectionTitle, WhenVisible } from '../../components/ui';
import { api } from '../../lib/api';
import { useFormats } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { useT } from '../../lib/i18n/locale';
import {
  ALL,
  filterValue,
  type ImpactFilter,
  type ImpactRow,
  impactCsv,
  impactRows,
  type Measure,
  parseFilter,
} from '../../lib/impact';
import { OFFER_TYPES, SIZE_CLASSES } from '../../lib/labels';
import { RoundCompare } from './RoundCompare';
import { ADMIN_READS } from './reads';

// The map and the chart load when the reader scrolls to them, after the page and its table.
const ProvinceMap = dynamic(() => import('./ProvinceMap').then((m) => m.ProvinceMap), {
  ssr: false,
  loading: () => <Loading />,
});
const PovertyChart = dynamic(() => import('./ProvinceMap').then((m) => m.PovertyChart), { ssr: false });

/** The programme admin: allocation rounds and the impact by province. */
export function AdminHome() {
  return (
    <>
      <RoundCompare />
      <ImpactPanel />
    </>
  );
}

/** One dimension's options of the filter: `type:<key>` or `size:<key>`, named from the catalogue. */
function filterGroup<K extends string>(
  label: string,
  prefix: 'type' | 'size',
  keys: readonly K[],
  names: Readonly<Record<K, string>>,
) {
  return (
    <optgroup label={label}>
      {keys.map((k) => (
        <option key={k} value={`${prefix}:${k}`}>
          {names[k]}
        </option>
      ))}
    </optgroup>
  );
}

/**
 * The rows as a CSV download. The file is made in a task of its own once the rows are shown, and only
 * this link renders again when it is ready: a Blob URL is a synchronous call into the browser process
 * (~10 ms of a blocked main thread measured here), which made inside the panel's render lengthened it.
 */
function CsvLink({ rows, label }: { rows: ImpactRow[]; label: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    const timer = setTimeout(() => {
      made = URL.createObjectURL(new Blob([impactCsv(rows)], { type: 'text/csv' }));
      setUrl(made);
    });
    return () => {
      clearTimeout(timer);
      if (made) URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [rows]);
  if (!url) return null;
  return (
    <a className="button button--secondary" href={url} download="sinergi-dampak-provinsi.csv">
      {label}
    </a>
  );
}

type SortKey = 'name' | 'povertyRatePct' | 'per100' | 'partnerships' | 'businesses';

function ImpactPanel() {
  const t = useT();
  const f = useFormats();
  const [state, reload] = useAsync(
    (signal) => api<StatsImpact>('GET', ADMIN_READS.impact, undefined, signal),
    [],
  );
  const [measure, setMeasure] = useState<Measure>('per100');
  const [filter, setFilter] = useState<ImpactFilter>(ALL);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'povertyRatePct', desc: true });
  // The map, the chart, the table and the CSV all show these rows: one filter, the same figures.
  const rows = useMemo(() => (state.kind === 'ready' ? impactRows(state.data, filter) : []), [state, filter]);
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
      <SectionTitle id="impact-title">{t.admin.impactTitle}</SectionTitle>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <>
          <p className="muted">
            {t.admin.impactSummary(
              f.count(state.data.total),
              state.data.highPovertyShare === undefined ? undefined : f.percent(state.data.highPovertyShare),
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
            <label className="field field--inline">
              <span className="field__label">{t.map.filter}</span>
              <select
                data-testid="impact-filter"
                value={filterValue(filter)}
                onChange={(e) => setFilter(parseFilter(e.target.value))}
              >
                <option value="all">{t.map.all}</option>
                {filterGroup(t.map.type, 'type', OFFER_TYPES, t.type)}
                {filterGroup(t.map.size, 'size', SIZE_CLASSES, t.size)}
              </select>
            </label>
            {rows.length > 0 && <CsvLink rows={rows} label={t.map.exportCsv} />}
          </div>
          <WhenVisible testId="map-slot">
            <div className="grid-2 grid-2--wide">
              <ProvinceMap rows={rows} measure={measure} />
              <PovertyChart rows={rows} />
            </div>
          </WhenVisible>
          <div className="table-wrap">
            <table className="table" data-testid="impact-table" data-filter={filterValue(filter)}>
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
                      {f.measure(p.povertyRatePct)}
                    </td>
                    <td className="num" data-measure="per100">
                      {f.measure(p.per100)}
                    </td>
                    <td className="num" data-measure="partnerships">
                      {f.count(p.partnerships)}
                    </td>
                    <td className="num" data-measure="businesses">
                      {f.count(p.businesses)}
                    </td>
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
