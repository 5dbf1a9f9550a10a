'use client';

import type { Offer, OfferCreate, OfferType } from '@sinergi/shared/schemas';
import { useState } from 'react';
import { CertificationPreview, UnderstoodPreview } from '../../components/Previews';
import { DateRangeFields, ErrorNotice, Field, Loading } from '../../components/ui';
import { api } from '../../lib/api';
import { useReference, useSubmit } from '../../lib/hooks';
import { useLocale, useT } from '../../lib/i18n/locale';
import { SIZE_CLASSES, splitTags } from '../../lib/labels';

type Mode = 'online' | 'offline' | 'hybrid';
type Size = (typeof SIZE_CLASSES)[number];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A new offer; its type follows the organization's kind (mentorship, internship, distribution). */
export function OfferForm({ type, onCreated }: { type: OfferType; onCreated: (o: Offer) => void }) {
  const reference = useReference();
  const t = useT();
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
    <form className="form" onSubmit={onSubmit} aria-label={t.partner.newOffer}>
      <p className="muted">
        {t.filter.type}: <strong>{t.type[type]}</strong>
      </p>
      <Field label={t.form.title} error={errors.title}>
        {(p) => (
          <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} required />
        )}
      </Field>
      <Field label={t.form.topics[type]} hint={t.form.commas} error={errors.topics}>
        {(p) => <input {...p} className="input" value={topics} onChange={(e) => setTopics(e.target.value)} />}
      </Field>
      <UnderstoodPreview texts={splitTags(topics)} />
      <fieldset className="choices choices--row" aria-describedby="sizes-hint">
        <legend className="field__label">{t.partner.sizeClasses}</legend>
        <p id="sizes-hint" className="field__hint">
          {t.form.noneIsAll}
        </p>
        {SIZE_CLASSES.map((s) => (
          <label key={s} className="choice">
            <input
              type="checkbox"
              checked={sizes.includes(s)}
              onChange={() => setSizes((l) => toggle(l, s))}
            />
            {t.size[s]}
          </label>
        ))}
      </fieldset>
      <details className="details">
        <summary>{t.partner.sectors(sectors.length)}</summary>
        <fieldset className="choices">
          <legend className="visually-hidden">{t.filter.sector}</legend>
          {reference.data.sectors.map((s) => (
            <label key={s.key} className="choice">
              <input
                type="checkbox"
                checked={sectors.includes(s.key)}
                onChange={() => setSectors((l) => toggle(l, s.key))}
              />
              {locale === 'en' ? s.nameEn : s.nameId}
            </label>
          ))}
        </fieldset>
        {errors.sectors && <p className="field__error">{errors.sectors}</p>}
      </details>
      <details className="details">
        <summary>{t.partner.provinces(provinces.length)}</summary>
        <fieldset className="choices">
          <legend className="visually-hidden">{t.common.province}</legend>
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
        <Field label={t.form.offerMode} error={errors.mode}>
          {(p) => (
            <select {...p} className="input" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              {(['online', 'offline', 'hybrid'] as const).map((m) => (
                <option key={m} value={m}>
                  {t.mode[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.form.capacity} error={errors.capacity}>
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
        label={t.form.requiredCertifications}
        hint={t.form.certificationsHint}
        error={errors.requiredCertifications}
      >
        {(p) => <input {...p} className="input" value={certs} onChange={(e) => setCerts(e.target.value)} />}
      </Field>
      <CertificationPreview values={splitTags(certs)} />
      <Field label={t.form.languages} hint={t.form.languagesHint} error={errors.languages}>
        {(p) => (
          <input {...p} className="input" value={languages} onChange={(e) => setLanguages(e.target.value)} />
        )}
      </Field>
      {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
      <button type="submit" className="button" disabled={busy}>
        {t.partner.publish}
      </button>
    </form>
  );
}
