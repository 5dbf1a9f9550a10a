'use client';

import type { Offer, Partnership } from '@sinergi/shared/schemas';
import { availableActions, type PartnershipEvent, type Side } from '@sinergi/shared/workflow';
import { type FormEvent, useState } from 'react';
import { ApiError, apiOf } from '../lib/api';
import type { Messages } from '../lib/i18n/id';
import { useT } from '../lib/i18n/locale';
import { Empty, ErrorNotice, Field } from './ui';

/** The events shown as buttons; `rate` is the feedback form, `propose` happens on a match. */
type Action = Exclude<PartnershipEvent, 'propose' | 'rate'>;

const ACTION_LABELS: Record<Action, (t: Messages) => string> = {
  accept: (t) => t.partnership.accept,
  decline: (t) => t.partnership.decline,
  cancel: (t) => t.partnership.cancel,
  complete: (t) => t.partnership.complete,
};

/** The buttons a side sees, read from the workflow's transition table (the API decides with it too). */
/** Loaded only where answers are checked (development, tests): the site's pages carry no zod. */
const partnershipSchema = () => import('@sinergi/shared/schemas').then((m) => m.Partnership);

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
}: {
  items: readonly Partnership[];
  side: Side;
  offers?: ReadonlyMap<string, Offer>;
  onChanged: () => void;
}) {
  const t = useT();
  if (items.length === 0) return <Empty>{t.partnership.none}</Empty>;
  return (
    <ul className="list">
      {items.map((p) => (
        <PartnershipItem key={p.id} p={p} side={side} offer={offers?.get(p.offerId)} onChanged={onChanged} />
      ))}
    </ul>
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
  const t = useT();
  const counterpart = side === 'business' ? p.organization.name : p.business.name;

  async function act(action: Action) {
    setBusy(true);
    setError(undefined);
    try {
      await apiOf(partnershipSchema, 'POST', `/api/partnerships/${p.id}/${action}`);
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
        <span className={`pill pill--${p.status}`}>{t.status[p.status]}</span>
      </div>
      <p className="item__meta">
        {counterpart} · {t.type[p.type]}
        {p.source === 'round' && <> · {t.partnership.fromRound}</>}
      </p>
      {side === 'organization' && offer && p.status === 'proposed' && (
        <p className="item__meta" data-testid="slots">
          {t.partnership.slots(offer.remaining, offer.capacity)}
        </p>
      )}
      {full && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t.partnership.full}</p>
          <p className="notice__detail">{t.partnership.fullDetail}</p>
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
              {ACTION_LABELS[a](t)}
            </button>
          ))}
        </div>
      )}
      {(availableActions(p, side).includes('rate') || mine) &&
        (mine ? (
          <p className="item__meta">
            <span aria-hidden="true">
              {'★'.repeat(mine.rating)}
              {'☆'.repeat(5 - mine.rating)}{' '}
            </span>
            {t.partnership.yourRating(mine.rating)}
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
  const t = useT();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiOf(partnershipSchema, 'POST', `/api/partnerships/${id}/feedback`, {
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
    <form className="form form--inline" onSubmit={onSubmit} aria-label={t.partnership.rate}>
      <fieldset className="choices choices--row">
        <legend className="field__label">{t.partnership.rateLegend}</legend>
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
      <Field label={t.partnership.comment} error={errors.comment}>
        {(p) => (
          <input {...p} className="input" value={comment} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
      <button type="submit" className="button" disabled={busy}>
        {t.partnership.sendRating}
      </button>
    </form>
  );
}
