'use client';

import type { OfferType, RoundJob, RoundJobCreate } from '@sinergi/shared/schemas';
import { useEffect, useState } from 'react';
import { ErrorNotice, Field, OfferTypeField, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { type Formats, useFormats } from '../../lib/format';
import { useSubmit } from '../../lib/hooks';
import type { Messages } from '../../lib/i18n/id';
import { useT } from '../../lib/i18n/locale';

type Objective = RoundJobCreate['objective'];
type Summary = NonNullable<RoundJob['summary']>;

const OBJECTIVES: readonly Objective[] = ['stable', 'placements', 'welfare'];

const rate = (g: { requests: number; placed: number }) => (g.requests > 0 ? g.placed / g.requests : 0);

type Row = keyof Messages['round']['rows'];

/** The figures compared, each labelled from the catalogue (`round.rows`). */
const ROWS: readonly { key: Row; value: (s: Summary, f: Formats) => string }[] = [
  { key: 'placed', value: (s, f) => `${f.count(s.placed)} / ${f.count(s.requests)}` },
  { key: 'totalFit', value: (s, f) => f.decimal(s.totalFit) },
  { key: 'fill', value: (s, f) => f.percent(s.fillRate) },
  { key: 'highPoverty', value: (s, f) => f.percent(rate(s.groups.highPoverty)) },
  { key: 'rest', value: (s, f) => f.percent(rate(s.groups.rest)) },
  {
    key: 'blocking',
    value: (s, f) => `${f.count(s.blockingPairs.stated)} / ${f.count(s.blockingPairs.score)}`,
  },
  { key: 'nothing', value: (s, f) => f.count(s.partnersWithNothing) },
  { key: 'price', value: (s, f) => f.decimal(s.equity.price) },
  { key: 'bound', value: (s, f) => (s.bound ? f.percent(s.bound.gap) : '—') },
];

/**
 * The admin's round page: the three objectives run as dry runs side by side (with progress while they
 * run), then one is confirmed into proposals.
 */
export function RoundCompare() {
  const f = useFormats();
  const t = useT();
  const [type, setType] = useState<OfferType>('mentorship');
  const [target, setTarget] = useState(1);
  const [rounds, setRounds] = useState<Partial<Record<Objective, RoundJob>>>({});
  const [confirmError, setConfirmError] = useState<unknown>();

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    setRounds({});
    setConfirmError(undefined);
    const started = await Promise.all(
      OBJECTIVES.map((objective) => {
        const body: RoundJobCreate = { type, objective, equity: { target }, dryRun: true };
        return api<RoundJob>('POST', '/api/rounds', body);
      }),
    );
    setRounds(Object.fromEntries(started.map((r) => [r.objective, r])));
  });

  // Poll the rounds that are still running.
  const pending = Object.values(rounds).filter((r) => r && (r.status === 'queued' || r.status === 'running'));
  const pendingKey = pending.map((r) => `${r?.id}:${r?.progress}`).join(',');
  useEffect(() => {
    if (pendingKey === '') return;
    const timer = setTimeout(async () => {
      const fresh = await Promise.all(
        Object.values(rounds).map((r) => (r ? api<RoundJob>('GET', `/api/rounds/${r.id}`) : undefined)),
      );
      setRounds(
        Object.fromEntries(fresh.filter((r): r is RoundJob => r !== undefined).map((r) => [r.objective, r])),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [pendingKey, rounds]);

  const confirm = async (round: RoundJob) => {
    setConfirmError(undefined);
    try {
      const done = await api<RoundJob>('POST', `/api/rounds/${round.id}/confirm`);
      setRounds((all) => ({ ...all, [done.objective]: done }));
    } catch (e) {
      setConfirmError(e);
    }
  };
  const confirmed = Object.values(rounds).find((r) => r?.confirmation?.state === 'confirmed');

  return (
    <section className="card-panel" aria-labelledby="round-title">
      <SectionTitle id="round-title">{t.round.title}</SectionTitle>
      <form className="form" onSubmit={onSubmit} aria-label={t.round.compare}>
        <OfferTypeField label={t.round.type} value={type} onChange={setType} error={errors.type} />
        <Field label={t.round.equity} hint={t.round.equityHint} error={errors.equity}>
          {(p) => (
            <div className="slider">
              <input
                {...p}
                type="range"
                min={0}
                max={1.5}
                step={0.05}
                value={target}
                onChange={(e) => setTarget(Number(e.target.value))}
              />
              <output htmlFor={p.id}>{f.decimal(target)}</output>
            </div>
          )}
        </Field>
        {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
        <button type="submit" className="button" disabled={busy || pending.length > 0}>
          {t.round.run}
        </button>
      </form>
      {Object.keys(rounds).length > 0 && (
        <div className="table-wrap" data-testid="round-compare">
          <table className="table">
            <caption className="visually-hidden">{t.round.compared}</caption>
            <thead>
              <tr>
                <th scope="col">{t.round.figure}</th>
                {OBJECTIVES.map((o) => (
                  <th key={o} scope="col" className="num" data-testid={`round-head-${o}`}>
                    {t.round.objective[o]}
                    <br />
                    <small className="muted">{t.round.about[o]}</small>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t.round.status}</th>
                {OBJECTIVES.map((o) => {
                  const r = rounds[o];
                  return (
                    <td key={o} className="num" data-testid={`round-status-${o}`} data-status={r?.status}>
                      {r?.status === 'done' ? (
                        t.round.done
                      ) : r?.status === 'failed' ? (
                        t.round.failed
                      ) : (
                        <progress max={1} value={r?.progress ?? 0} aria-label={t.round.progress} />
                      )}
                    </td>
                  );
                })}
              </tr>
              {ROWS.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{t.round.rows[row.key]}</th>
                  {OBJECTIVES.map((o) => {
                    const s = rounds[o]?.summary;
                    return (
                      <td key={o} className="num" data-testid={`round-${row.key}-${o}`}>
                        {s ? row.value(s, f) : '…'}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">{t.round.confirm}</th>
                {OBJECTIVES.map((o) => {
                  const r = rounds[o];
                  return (
                    <td key={o} className="num">
                      {r?.confirmation?.state === 'confirmed' ? (
                        <span data-testid={`round-confirmed-${o}`}>
                          {t.round.sent(r.confirmation.proposed ?? 0, r.lapseDays ?? 7)}
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button"
                          disabled={r?.status !== 'done' || confirmed !== undefined}
                          onClick={() => r && void confirm(r)}
                          aria-label={t.round.confirmOne(t.round.objective[o])}
                        >
                          {t.round.confirm}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          </table>
          {confirmError !== undefined && <ErrorNotice error={confirmError} />}
        </div>
      )}
    </section>
  );
}
