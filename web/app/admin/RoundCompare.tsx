'use client';

import type { OfferType, RoundJob, RoundJobCreate } from '@sinergi/shared/schemas';
import { useEffect, useState } from 'react';
import { Bi, ErrorNotice, Field, OfferTypeField, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { type Formats, useFormats } from '../../lib/format';
import { useSubmit } from '../../lib/hooks';
import type { Bilingual } from '../../lib/labels';

type Objective = RoundJobCreate['objective'];
type Summary = NonNullable<RoundJob['summary']>;

const OBJECTIVES: { key: Objective; label: Bilingual; about: Bilingual }[] = [
  {
    key: 'stable',
    label: ['Stabil', 'Stable'],
    about: [
      'Pilihan yang dinyatakan UMKM dan mitra didahulukan; tidak ada pasangan yang sama-sama lebih memilih satu sama lain.',
      'Stated wishes of UMKM and partners first; no pair would both rather have each other.',
    ],
  },
  {
    key: 'placements',
    label: ['Penempatan terbanyak', 'Most placements'],
    about: [
      'UMKM terbanyak mendapat mitra, setiap pasangan di atas kecocokan minimum; seri diputus oleh total kecocokan.',
      'The most UMKM placed, every pair above a minimum fit; ties broken by total fit.',
    ],
  },
  {
    key: 'welfare',
    label: ['Kecocokan total', 'Total fit'],
    about: [
      'Total kecocokan terbesar ditambah bobot pemerataan.',
      'The largest total fit plus the equity weight.',
    ],
  },
];

const rate = (g: { requests: number; placed: number }) => (g.requests > 0 ? g.placed / g.requests : 0);

const ROWS: { key: string; label: Bilingual; value: (s: Summary, f: Formats) => string }[] = [
  {
    key: 'placed',
    label: ['UMKM ditempatkan', 'UMKM placed'],
    value: (s, f) => `${f.count(s.placed)} / ${f.count(s.requests)}`,
  },
  { key: 'totalFit', label: ['Total kecocokan', 'Total fit'], value: (s, f) => f.decimal(s.totalFit) },
  { key: 'fill', label: ['Kuota terisi', 'Fill rate'], value: (s, f) => f.percent(s.fillRate) },
  {
    key: 'highPoverty',
    label: ['Penempatan: provinsi miskin', 'Placement: high-poverty provinces'],
    value: (s, f) => f.percent(rate(s.groups.highPoverty)),
  },
  {
    key: 'rest',
    label: ['Penempatan: lainnya', 'Placement: the rest'],
    value: (s, f) => f.percent(rate(s.groups.rest)),
  },
  {
    key: 'blocking',
    label: ['Pasangan pengganggu (pilihan / skor)', 'Blocking pairs (stated / score)'],
    value: (s, f) => `${f.count(s.blockingPairs.stated)} / ${f.count(s.blockingPairs.score)}`,
  },
  {
    key: 'nothing',
    label: ['Mitra tanpa pasangan', 'Partners with nothing'],
    value: (s, f) => f.count(s.partnersWithNothing),
  },
  {
    key: 'price',
    label: ['Harga pemerataan (kecocokan hilang)', 'Price of equity (fit given up)'],
    value: (s, f) => f.decimal(s.equity.price),
  },
  {
    key: 'bound',
    label: ['Jarak terbukti ke optimum', 'Proven distance to optimum'],
    value: (s, f) => (s.bound ? f.percent(s.bound.gap) : '—'),
  },
];

/**
 * The admin's round page: the three objectives run as dry runs side by side (with progress while they
 * run), then one is confirmed into proposals.
 */
export function RoundCompare() {
  const f = useFormats();
  const [type, setType] = useState<OfferType>('mentorship');
  const [target, setTarget] = useState(1);
  const [rounds, setRounds] = useState<Partial<Record<Objective, RoundJob>>>({});
  const [confirmError, setConfirmError] = useState<unknown>();

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    setRounds({});
    setConfirmError(undefined);
    const started = await Promise.all(
      OBJECTIVES.map((o) => {
        const body: RoundJobCreate = { type, objective: o.key, equity: { target }, dryRun: true };
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
      <SectionTitle id="round-title" t={['Putaran alokasi', 'Allocation round']} />
      <form className="form" onSubmit={onSubmit} aria-label="Bandingkan tujuan / Compare objectives">
        <OfferTypeField label={['Jenis', 'Type']} value={type} onChange={setType} error={errors.type} />
        <Field
          label={['Target pemerataan', 'Equity target']}
          hint={[
            'Tingkat penempatan provinsi miskin ÷ lainnya; 1 = setara, 0 = tanpa prioritas',
            'High-poverty placement rate ÷ the rest’s; 1 = equal, 0 = no priority',
          ]}
          error={errors.equity}
        >
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
          Bandingkan tiga tujuan <span lang="en">/ Compare the three objectives</span>
        </button>
      </form>
      {Object.keys(rounds).length > 0 && (
        <div className="table-wrap" data-testid="round-compare">
          <table className="table">
            <caption className="visually-hidden">Perbandingan tujuan / Objectives compared</caption>
            <thead>
              <tr>
                <th scope="col">
                  Angka <span className="bi-en">/ Figure</span>
                </th>
                {OBJECTIVES.map((o) => (
                  <th key={o.key} scope="col" className="num" data-testid={`round-head-${o.key}`}>
                    <Bi t={o.label} />
                    <br />
                    <small className="muted">
                      <Bi t={o.about} />
                    </small>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  Status <span className="bi-en">/ Status</span>
                </th>
                {OBJECTIVES.map((o) => {
                  const r = rounds[o.key];
                  return (
                    <td
                      key={o.key}
                      className="num"
                      data-testid={`round-status-${o.key}`}
                      data-status={r?.status}
                    >
                      {r?.status === 'done' ? (
                        <Bi t={['Selesai', 'Done']} />
                      ) : r?.status === 'failed' ? (
                        <Bi t={['Gagal', 'Failed']} />
                      ) : (
                        <progress max={1} value={r?.progress ?? 0} aria-label="Kemajuan / Progress" />
                      )}
                    </td>
                  );
                })}
              </tr>
              {ROWS.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <Bi t={row.label} />
                  </th>
                  {OBJECTIVES.map((o) => {
                    const s = rounds[o.key]?.summary;
                    return (
                      <td key={o.key} className="num" data-testid={`round-${row.key}-${o.key}`}>
                        {s ? row.value(s, f) : '…'}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">
                  Konfirmasi <span className="bi-en">/ Confirm</span>
                </th>
                {OBJECTIVES.map((o) => {
                  const r = rounds[o.key];
                  return (
                    <td key={o.key} className="num">
                      {r?.confirmation?.state === 'confirmed' ? (
                        <span data-testid={`round-confirmed-${o.key}`}>
                          <Bi
                            t={[
                              `${r.confirmation.proposed ?? 0} pengajuan dikirim, dijawab dalam ${r.lapseDays ?? 7} hari`,
                              `${r.confirmation.proposed ?? 0} proposals sent, to be answered within ${r.lapseDays ?? 7} days`,
                            ]}
                          />
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button"
                          disabled={r?.status !== 'done' || confirmed !== undefined}
                          onClick={() => r && void confirm(r)}
                          aria-label={`Konfirmasi ${o.label[0]} / Confirm ${o.label[1]}`}
                        >
                          Konfirmasi <span lang="en">/ Confirm</span>
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
