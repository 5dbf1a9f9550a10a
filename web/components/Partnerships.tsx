'use client';

import { type Offer, Partnership, PartnershipPage } from '@sinergi/shared/schemas';
import { availableActions, type PartnershipEvent, type Side } from '@sinergi/shared/workflow';
import { type FormEvent, useState } from 'react';
import { ApiError, apiOf, withCursor } from '../lib/api';
import { type Bilingual, STATUS_LABELS, TYPE_LABELS } from '../lib/labels';
import { Bi, Empty, ErrorNotice, Field } from './ui';

/** The events shown as buttons; `rate` is the feedback form, `propose` happens on a match. */
type Action = Exclude<PartnershipEvent, 'propose' | 'rate'>;

const ACTION_LABELS: Record<Action, Bilingual> = {
  accept: ['Terima', 'Accept'],
  decline: ['Tolak', 'Decline'],
  cancel: ['Batalkan', 'Cancel'],
  complete: ['Tandai selesai', 'Mark completed'],
};

/** The buttons a side sees, read from the workflow's transition table (the API decides with it too). */
function actionsFor(p: Partnership, side: Side): Action[] {
  return availableActions(p, side).filter((e): e is Action => e !== 'rate' && e !== 'propose');
}

/**
 * A person's partnerships with the actions their side may take. For partners, each proposal shows the
 * offer's remaining slots; a 409 (no slot left) is said in words.
 */
export function PartnershipList({
  items,
  side,
  offers,
  onChanged,
  nextCursor,
  status,
}: {
  items: readonly Partnership[];
  side: Side;
  offers?: ReadonlyMap<string, Offer>;
  onChanged: () => void;
  /** The list's cursor: with one, "Muat lagi / Load more" follows it (of `status` only, when given). */
  nextCursor?: string | undefined;
  status?: Partnership['status'];
}) {
  const [more, setMore] = useState<{ items: Partnership[]; cursor: string | undefined }>({
    items: [],
    cursor: undefined,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const cursor = more.items.length > 0 ? more.cursor : nextCursor;
  async function loadMore() {
    setLoading(true);
    setError(undefined);
    try {
      const path = `/api/partnerships?limit=20${status ? `&status=${status}` : ''}`;
      const page = await apiOf(PartnershipPage, 'GET', withCursor(path, cursor));
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor }));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }
  const all = [...items, ...more.items.filter((p) => !items.some((q) => q.id === p.id))];
  if (all.length === 0) return <Empty t={['Belum ada kemitraan.', 'No partnerships yet.']} />;
  return (
    <>
      <ul className="list">
        {all.map((p) => (
          <PartnershipItem
            key={p.id}
            p={p}
            side={side}
            offer={offers?.get(p.offerId)}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {error !== undefined && <ErrorNotice error={error} />}
      {cursor && (
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => void loadMore()}
        >
          Muat lagi <span lang="en">/ Load more</span>
        </button>
      )}
    </>
  );
}

function PartnershipItem({
  p,
  side,
  offer,
  onChanged,
}: {
  p: Partnership;
  side: Side;
  offer: Offer | undefined;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const status = STATUS_LABELS[p.status];
  const counterpart = side === 'business' ? p.organization.name : p.business.name;

  async function act(action: Action) {
    setBusy(true);
    setError(undefined);
    try {
      await apiOf(Partnership, 'POST', `/api/partnerships/${p.id}/${action}`);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const full =
    error instanceof ApiError && error.status === 409 && /capacity/.test(error.problem?.type ?? '');
  const mine = side === 'business' ? p.feedback?.fromBusiness : p.feedback?.fromOrganization;
  return (
    <li className="item" data-testid="partnership" data-status={p.status} data-id={p.id}>
      <div className="item__head">
        <h3 className="item__title">{p.offerTitle}</h3>
        <span className={`pill pill--${p.status}`}>
          {status[0]} <span lang="en">/ {status[1]}</span>
        </span>
      </div>
      <p className="item__meta">
        {counterpart} · <Bi t={TYPE_LABELS[p.type]} />
        {p.source === 'round' && (
          <>
            {' '}
            · <Bi t={['dari putaran alokasi', 'from an allocation round']} />
          </>
        )}
      </p>
      {side === 'organization' && offer && p.status === 'proposed' && (
        <p className="item__meta" data-testid="slots">
          Sisa kuota: <strong>{offer.remaining}</strong> dari {offer.capacity}{' '}
          <span className="bi-en" lang="en">
            / {offer.remaining} of {offer.capacity} places left
          </span>
        </p>
      )}
      {full && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">Kuota program ini sudah penuh.</p>
          <p className="notice__en" lang="en">
            This offer has no place left. Decline the proposal, or raise the capacity of the offer.
          </p>
        </div>
      )}
      {error !== undefined && !full && <ErrorNotice error={error} />}
      {actionsFor(p, side).length > 0 && (
        <div className="actions">
          {actionsFor(p, side).map((a) => (
            <button
              key={a}
              type="button"
              className={`button${a === 'accept' ? '' : ' button--secondary'}`}
              disabled={busy}
              onClick={() => void act(a)}
            >
              {ACTION_LABELS[a][0]} <span lang="en">/ {ACTION_LABELS[a][1]}</span>
            </button>
          ))}
        </div>
      )}
      {(availableActions(p, side).includes('rate') || mine) &&
        (mine ? (
          <p className="item__meta">
            Penilaian Anda: {'★'.repeat(mine.rating)}
            {'☆'.repeat(5 - mine.rating)} <span lang="en">/ Your rating: {mine.rating} of 5</span>
          </p>
        ) : (
          <FeedbackForm id={p.id} onDone={onChanged} />
        ))}
    </li>
  );
}

function FeedbackForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiOf(Partnership, 'POST', `/api/partnerships/${id}/feedback`, {
        rating,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onDone();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  const errors = error instanceof ApiError ? error.fieldErrors() : {};
  return (
    <form className="form form--inline" onSubmit={onSubmit} aria-label="Beri penilaian / Rate">
      <fieldset className="choices choices--row">
        <legend className="field__label">
          Nilai kemitraan ini <span className="bi-en">/ Rate this partnership (1–5)</span>
        </legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="choice">
            <input
              type="radio"
              name={`rating-${id}`}
              value={n}
              checked={rating === n}
              onChange={() => setRating(n)}
            />
            {n}
          </label>
        ))}
      </fieldset>
      <Field label={['Komentar', 'Comment']} error={errors.comment}>
        {(p) => (
          <input {...p} className="input" value={comment} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
      <button type="submit" className="button" disabled={busy}>
        Kirim penilaian <span lang="en">/ Send rating</span>
      </button>
    </form>
  );
}
