'use client';

import type { Offer, OfferCreate, OfferType } from '@sinergi/shared/schemas';
import { useState } from 'react';
import { CertificationPreview, UnderstoodPreview } from '../../components/Previews';
import { Bi, DateRangeFields, ErrorNotice, Field, Loading } from '../../components/ui';
import { api } from '../../lib/api';
import { useReference, useSubmit } from '../../lib/hooks';
import { both, pick, useLocale } from '../../lib/i18n/locale';
import { MODE_LABELS, SIZE_LABELS, splitTags, TYPE_LABELS } from '../../lib/labels';

type Mode = 'online' | 'offline' | 'hybrid';
type Size = keyof typeof SIZE_LABELS;

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A new offer; its type follows the organization's kind (mentorship, internship, distribution). */
export function OfferForm({ type, onCreated }: { type: OfferType; onCreated: (o: Offer) => void }) {
  const reference = useReference();
  const locale = useLocale();
  const [title, setTitle] = useState('');
  const [topics, setTopics] = useState('');
  const [sectors, setSectors] = useState<string[]>([]);
  const [sizes, setSizes] = useState<Size[]>([]);
  const [provinces, setProvinces] = useState<string[]>([]);
  const [mode, setMode] = useState<Mode>('online');
  const [capacity, setCapacity] = useState('5');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [certs, setCerts] = useState('');
  const [languages, setLanguages] = useState('id');

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    const body: OfferCreate = {
      type,
      title,
      topics: splitTags(topics),
      sectors,
      sizeClasses: sizes,
      provinces,
      mode,
      capacity: Number(capacity),
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
      requiredCertifications: splitTags(certs),
      languages: splitTags(languages),
    };
    const created = await api<Offer>('POST', '/api/offers', body);
    setTitle('');
    setTopics('');
    onCreated(created);
  });

  if (reference.kind === 'loading') return <Loading />;
  if (reference.kind === 'error') return <ErrorNotice error={reference.error} />;
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      aria-label={pick(
        both((m) => m.partner.newOffer),
        locale,
      )}
    >
      <p className="muted">
        <Bi t={both((m) => m.filter.type)} />:{' '}
        <strong>
          <Bi t={TYPE_LABELS[type]} />
        </strong>
      </p>
      <Field label={both((m) => m.form.title)} error={errors.title}>
        {(p) => (
          <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} required />
        )}
      </Field>
      <Field label={both((m) => m.form.topics[type])} hint={both((m) => m.form.commas)} error={errors.topics}>
        {(p) => <input {...p} className="input" value={topics} onChange={(e) => setTopics(e.target.value)} />}
      </Field>
      <UnderstoodPreview texts={splitTags(topics)} />
      <fieldset className="choices choices--row" aria-describedby="sizes-hint">
        <legend className="field__label">
          <Bi t={both((m) => m.partner.sizeClasses)} />
        </legend>
        <p id="sizes-hint" className="field__hint">
          <Bi t={both((m) => m.form.noneIsAll)} />
        </p>
        {(Object.keys(SIZE_LABELS) as Size[]).map((s) => (
          <label key={s} className="choice">
            <input
              type="checkbox"
              checked={sizes.includes(s)}
              onChange={() => setSizes((l) => toggle(l, s))}
            />
            <Bi t={SIZE_LABELS[s]} />
          </label>
        ))}
      </fieldset>
      <details className="details">
        <summary>
          <Bi t={both((m) => m.partner.sectors(sectors.length))} />
        </summary>
        <fieldset className="choices">
          <legend className="visually-hidden">
            <Bi t={both((m) => m.filter.sector)} />
          </legend>
          {reference.data.sectors.map((s) => (
            <label key={s.key} className="choice">
              <input
                type="checkbox"
                checked={sectors.includes(s.key)}
                onChange={() => setSectors((l) => toggle(l, s.key))}
              />
              <Bi t={[s.nameId, s.nameEn]} />
            </label>
          ))}
        </fieldset>
        {errors.sectors && <p className="field__error">{errors.sectors}</p>}
      </details>
      <details className="details">
        <summary>
          <Bi t={both((m) => m.partner.provinces(provinces.length))} />
        </summary>
        <fieldset className="choices">
          <legend className="visually-hidden">
            <Bi t={both((m) => m.common.province)} />
          </legend>
          {reference.data.provinces.map((pr) => (
            <label key={pr.code} className="choice">
              <input
                type="checkbox"
                checked={provinces.includes(pr.code)}
                onChange={() => setProvinces((l) => toggle(l, pr.code))}
              />
              {pr.name}
            </label>
          ))}
        </fieldset>
        {errors.provinces && <p className="field__error">{errors.provinces}</p>}
      </details>
      <div className="form__row">
        <Field label={both((m) => m.form.offerMode)} error={errors.mode}>
          {(p) => (
            <select {...p} className="input" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              {(['online', 'offline', 'hybrid'] as const).map((m) => (
                <option key={m} value={m}>
                  {MODE_LABELS[m][0]} / {MODE_LABELS[m][1]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={both((m) => m.form.capacity)} error={errors.capacity}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              className="input"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          )}
        </Field>
      </div>
      <DateRangeFields
        startDate={startDate}
        endDate={endDate}
        onStart={setStart}
        onEnd={setEnd}
        errors={errors}
      />
      <Field
        label={both((m) => m.form.requiredCertifications)}
        hint={both((m) => m.form.certificationsHint)}
        error={errors.requiredCertifications}
      >
        {(p) => <input {...p} className="input" value={certs} onChange={(e) => setCerts(e.target.value)} />}
      </Field>
      <CertificationPreview values={splitTags(certs)} />
      <Field
        label={both((m) => m.form.languages)}
        hint={both((m) => m.form.languagesHint)}
        error={errors.languages}
      >
        {(p) => (
          <input {...p} className="input" value={languages} onChange={(e) => setLanguages(e.target.value)} />
        )}
      </Field>
      {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
      <button type="submit" className="button" disabled={busy}>
        <Bi t={both((m) => m.partner.publish)} />
      </button>
    </form>
  );
}
