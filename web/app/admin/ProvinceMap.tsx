'use client';

import { useMemo, useState } from 'react';
import { ErrorNotice, Loading } from '../../components/ui';
import { useFormats } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { useT } from '../../lib/i18n/locale';
import { classBreaks, classOf, type ImpactRow, type Measure } from '../../lib/impact';
import { MAP_HEIGHT, MAP_WIDTH, type ProvincePath } from '../../lib/map/geometry';

/** Five greens, light to dark: the map's classes (contrast checked against the white background). */
const COLORS = ['#e3f1ec', '#a9d6c5', '#5fae93', '#2b7f66', '#0f4d3e'];
const NO_DATA = '#d9d9d9';

/**
 * The provinces as SVG paths, projected at build time from the simplified boundaries (see
 * lib/map/province-paths.ts): the site ships them, the browser only colours them. No tiles, no network
 * beyond the site itself.
 */
async function loadProvinces(signal: AbortSignal): Promise<ProvincePath[]> {
  const res = await fetch('/data/provinces.paths.json', { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as ProvincePath[];
}

function measureOf(row: ImpactRow | undefined, measure: Measure): number | undefined {
  return row === undefined ? undefined : measure === 'per100' ? row.per100 : row.povertyRatePct;
}

/**
 * The choropleth of the 38 provinces, joined to the figures on the BPS code. Hover or tap shows a
 * province's figures; the table beside it is the accessible alternative and holds the same numbers.
 */
export function ProvinceMap({ rows, measure }: { rows: readonly ImpactRow[]; measure: Measure }) {
  const t = useT();
  const f = useFormats();
  const [state, reload] = useAsync(loadProvinces, []);
  const [selected, setSelected] = useState<string>();
  const byCode = useMemo(() => new Map(rows.map((r) => [r.province, r])), [rows]);
  const breaks = useMemo(
    () => classBreaks(rows.map((r) => measureOf(r, measure)).filter((v): v is number => v !== undefined)),
    [rows, measure],
  );

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const paths = state.data;
  const measureName = measure === 'per100' ? t.map.per100 : t.map.poverty;
  const chosen = selected ? byCode.get(selected) : undefined;
  return (
    <figure className="map" data-testid="province-map" data-measure={measure}>
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby="map-title map-desc"
        className="map__svg"
      >
        <title id="map-title">{`${t.map.title}: ${measureName}`}</title>
        <desc id="map-desc">{t.map.description(measureName)}</desc>
        {paths.map((p) => {
          const row = byCode.get(p.code);
          const value = measureOf(row, measure);
          const fill = value === undefined ? NO_DATA : (COLORS[classOf(value, breaks)] ?? NO_DATA);
          return (
            <path
              key={p.code}
              d={p.d}
              fill={fill}
              className={`map__province${selected === p.code ? ' map__province--selected' : ''}`}
              data-province={p.code}
              data-value={f.measure(value)}
              onPointerEnter={() => setSelected(p.code)}
              onPointerDown={() => setSelected(p.code)}
            >
              <title>{`${row?.name ?? p.code}: ${f.measure(value)}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <p className="map__figures" aria-live="polite" data-testid="map-selected">
          {chosen ? (
            <>
              <strong>{chosen.name}</strong> · {t.map.per100}: {f.measure(chosen.per100)} · {t.map.poverty}:{' '}
              {f.measure(chosen.povertyRatePct)} · {t.admin.partnerships}: {chosen.partnerships} ·{' '}
              {t.admin.businesses}: {chosen.businesses}
            </>
          ) : (
            t.map.tapHint
          )}
        </p>
        <ol className="legend" aria-label={measureName}>
          {COLORS.map((c, i) => (
            <li key={c}>
              <span className="legend__swatch" style={{ background: c }} aria-hidden="true" />
              {i === 0
                ? `≤ ${f.measure(breaks[0])}`
                : i === COLORS.length - 1
                  ? `> ${f.measure(breaks[i - 1])}`
                  : `${f.measure(breaks[i - 1])}–${f.measure(breaks[i])}`}
            </li>
          ))}
          <li>
            <span className="legend__swatch" style={{ background: NO_DATA }} aria-hidden="true" />
            {t.map.noData}
          </li>
        </ol>
      </figcaption>
    </figure>
  );
}

/** Partnerships per 100 UMKM (up) against the BPS poverty rate (right), one dot per province. */
export function PovertyChart({ rows }: { rows: readonly ImpactRow[] }) {
  const t = useT();
  const f = useFormats();
  const points = rows.filter((r) => r.per100 !== undefined);
  const maxX = Math.max(30, ...points.map((r) => r.povertyRatePct));
  const maxY = Math.max(1, ...points.map((r) => r.per100 ?? 0));
  const W = 360;
  const H = 220;
  const pad = { l: 40, r: 10, t: 10, b: 30 };
  const x = (v: number) => pad.l + (v / maxX) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / maxY) * (H - pad.t - pad.b);
  return (
    <figure className="chart" data-testid="poverty-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{t.map.chart}</title>
        <desc id="chart-desc">{t.map.chartDescription}</desc>
        <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} className="chart__axis" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={H - pad.b} className="chart__axis" />
        {[0, maxX / 2, maxX].map((v) => (
          <text key={`x${v}`} x={x(v)} y={H - 10} textAnchor="middle" className="chart__tick">
            {f.measure(v)}%
          </text>
        ))}
        {[0, maxY / 2, maxY].map((v) => (
          <text key={`y${v}`} x={pad.l - 4} y={y(v) + 4} textAnchor="end" className="chart__tick">
            {f.measure(v)}
          </text>
        ))}
        {points.map((r) => (
          <circle
            key={r.province}
            cx={x(r.povertyRatePct)}
            cy={y(r.per100 ?? 0)}
            r={5}
            className="chart__dot"
            data-province={r.province}
          >
            <title>{`${r.name}: ${f.measure(r.povertyRatePct)}% · ${f.measure(r.per100)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted">{t.map.chartDescription}</figcaption>
    </figure>
  );
}
