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

type Report = RoundResult['report'];

const FIGURES: { key: string; label: (t: Messages) => string; value: (r: Report) => string }[] = [
  { key: 'totalScore', label: (t) => t.admin.totalScore, value: (r) => formatDecimal(r.totalScore) },
  { key: 'fillRate', label: (t) => t.admin.fillRate, value: (r) => formatPercent(r.fillRate) },
  { key: 'placement', label: (t) => t.admin.placement, value: (r) => formatPercent(r.requestPlacementRate) },
  {
    key: 'blockingPairs',
    label: (t) => t.admin.blockingPairs,
    value: (r) => (r.blockingPairs === null ? '—' : formatCount(r.blockingPairs)),
  },
  {
    key: 'highPovertyShare',
    label: (t) => t.admin.highPovertyShare,
    value: (r) => formatPercent(r.highPovertyShare),
  },
  { key: 'assigned', label: (t) => t.admin.assigned, value: (r) => formatCount(r.assignedCount) },
];

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
  const t = useT();

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    const body: RoundCreate = { type, impactWeight: weight, dryRun };
    setResult(await api<RoundResult>('POST', '/api/rounds', body));
  });
  return (
    <section className="card-panel" aria-labelledby="round-title">
      <SectionTitle id="round-title" t={both((m) => m.admin.round)} />
      <form className="form" onSubmit={onSubmit} aria-label={t.admin.runRound}>
        <OfferTypeField
          label={both((m) => m.filter.type)}
          value={type}
          onChange={setType}
          error={errors.type}
        />
        <Field
          label={both((m) => m.admin.weight)}
          hint={both((m) => m.admin.weightHint)}
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
          {t.admin.dryRun}
        </label>
        {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.admin.computing : t.admin.runRound}
        </button>
      </form>
      {busy && <Loading t={both((m) => m.admin.computingAllocation)} />}
      {result && <RoundView result={result} />}
    </section>
  );
}

function RoundView({ result }: { result: RoundResult }) {
  const { report, withoutImpact } = result;
  const t = useT();
  // Province names from /api/reference (cached per page load) rather than bundling the reference data.
  const reference = useReference();
  const provinceName = (code: string) =>
    (reference.kind === 'ready' ? reference.data.provinces.find((p) => p.code === code)?.name : undefined) ??
    code;
  return (
    <div data-testid="round-result">
      <p className="muted" role="status">
        {result.dryRun ? t.admin.dryRunDone : t.admin.stored(result.proposed)}{' '}
        {t.admin.roundCounts(report.requestCount, report.offerCount, report.capacity)}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t.admin.round}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.figure}</th>
              <th scope="col" className="num">
                {t.admin.withImpact}
              </th>
              {withoutImpact && (
                <th scope="col" className="num">
                  {t.admin.withoutImpact}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((f) => (
              <tr key={f.key} data-testid={`round-${f.key}`}>
                <th scope="row">{f.label(t)}</th>
                <td className="num" data-testid={`round-${f.key}-value`}>
                  {f.value(report)}
                </td>
                {withoutImpact && <td className="num">{f.value(withoutImpact)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="subhead">{t.admin.pairs(result.assignments.length)}</h3>
      {result.assignments.length === 0 ? (
        <Empty t={both((m) => m.admin.noPairs)} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">UMKM</th>
                <th scope="col">{t.admin.offer}</th>
                <th scope="col" className="num">
                  {t.common.score}
                </th>
                <th scope="col" className="num">
                  {t.admin.impact}
                </th>
                <th scope="col">{t.admin.outcome}</th>
              </tr>
            </thead>
            <tbody>
              {result.assignments.slice(0, 50).map((a) => (
                <tr key={`${a.requestId}-${a.offerId}`}>
                  <td>
                    {a.businessName} <span className="muted">({provinceName(a.province)})</span>
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
