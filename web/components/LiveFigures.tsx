'use client';

import type { StatsSummary } from '@sinergi/shared/schemas';
import { useCallback, useEffect, useState } from 'react';
import { fetchStatsSummary } from '../lib/api';
import { useFormats } from '../lib/format';
import type { Messages } from '../lib/i18n/id';
import { useT } from '../lib/i18n/locale';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; stats: StatsSummary }
  | { kind: 'error'; message: string };

interface Figure {
  id: string;
  value: (s: StatsSummary) => number;
  label: (t: Messages) => string;
}

const FIGURES: Figure[] = [
  { id: 'businesses', value: (s) => s.businesses, label: (t) => t.figures.businesses },
  { id: 'organizations', value: (s) => s.organizations, label: (t) => t.figures.organizations },
  { id: 'offers-mentorship', value: (s) => s.offers.mentorship, label: (t) => t.figures.mentorship },
  { id: 'offers-internship', value: (s) => s.offers.internship, label: (t) => t.figures.internship },
  { id: 'offers-distribution', value: (s) => s.offers.distribution, label: (t) => t.figures.distribution },
  { id: 'provinces-covered', value: (s) => s.provincesCovered, label: (t) => t.figures.provinces },
  { id: 'partnerships', value: (s) => s.partnerships, label: (t) => t.figures.partnerships },
];

/** Headline figures read live from the API in the browser, so the page shows the running system. */
export function LiveFigures() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const t = useT();
  const f = useFormats();

  // Starts in the loading state: setting it again on the first load would render the list twice.
  const load = useCallback((signal?: AbortSignal) => {
    fetchStatsSummary(signal).then(
      (stats) => setState({ kind: 'ready', stats }),
      (error: unknown) => {
        if (signal?.aborted) return;
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (state.kind === 'error') {
    return (
      <div className="notice notice--error" role="alert" data-testid="figures-error">
        <p className="notice__title">{t.figures.failed}</p>
        <p className="notice__detail">
          <code>GET /api/stats/summary</code> — {state.message}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setState({ kind: 'loading' });
            load();
          }}
        >
          {t.common.retry}
        </button>
      </div>
    );
  }

  const stats = state.kind === 'ready' ? state.stats : undefined;
  return (
    <ul
      className="figures"
      aria-busy={state.kind === 'loading'}
      data-testid="figures"
      data-state={state.kind}
    >
      {FIGURES.map((figure) => {
        const value = stats ? figure.value(stats) : undefined;
        return (
          <li key={figure.id} className="figure" data-testid={`figure-${figure.id}`} data-value={value}>
            <span className="figure__value">
              {value === undefined ? <span className="skeleton" aria-hidden="true" /> : f.count(value)}
              {value === undefined && <span className="visually-hidden">{t.common.loading}</span>}
            </span>
            <span className="figure__label">{figure.label(t)}</span>
          </li>
        );
      })}
    </ul>
  );
}
