'use client';

import { useEffect, useState } from 'react';
import { fetchHealth, type Health } from '../lib/api';
import { useT } from '../lib/i18n/locale';

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; health: Health }
  | { kind: 'degraded'; detail: string }
  | { kind: 'down'; detail: string };

/** A small status line: is the API up, and can it reach the database? */
export function HealthStatus() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchHealth(controller.signal).then(
      ({ httpStatus, health }) => {
        if (health?.status === 'ok' && health.database.reachable) setState({ kind: 'ok', health });
        else if (health) setState({ kind: 'degraded', detail: `HTTP ${httpStatus}, DB` });
        else setState({ kind: 'down', detail: `HTTP ${httpStatus}` });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'down', detail: (error as Error).message });
      },
    );
    return () => controller.abort();
  }, []);

  const text = useT().health[state.kind === 'ok' ? 'ok' : state.kind];

  return (
    <p className={`status status--${state.kind}`} role="status" data-testid="health" data-state={state.kind}>
      <span className="status__dot" aria-hidden="true" />
      <span>
        {text}
        {state.kind === 'ok' && state.health.database.latencyMs !== undefined && (
          <span className="status__detail"> · DB {state.health.database.latencyMs} ms</span>
        )}
        {(state.kind === 'degraded' || state.kind === 'down') && (
          <span className="status__detail"> · {state.detail}</span>
        )}
      </span>
    </p>
  );
}
