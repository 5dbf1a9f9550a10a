'use client';

import type { Business, BusinessCreate } from '@sinergi/shared/schemas';
import { useState } from 'react';
import { CertificationPreview } from '../../components/Previews';
import { ErrorNotice, Field, Loading, ProvinceField, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { useReference, useSubmit } from '../../lib/hooks';
import { useLocale, useT } from '../../lib/i18n/locale';
import { SIZE_CLASSES, splitTags } from '../../lib/labels';

/** First visit of a UMKM owner: the business profile that matching reads. */
export function BusinessForm({ onCreated }: { onCreated: (b: Business) => void }) {
  const reference = useReference();
  const [form, setForm] = useState({
    name: '',
    province: '',
    city: '',
    sector: '',
    sizeClass: 'mikro' as BusinessCreate['sizeClass'],
    certifications: '',
    products: '',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    const body: BusinessCreate = {
      name: form.name,
      province: form.province,
      sizeClass: form.sizeClass,
      sector: form.sector,
      ...(form.city.trim() ? { city: form.city.trim() } : {}),
      products: splitTags(form.products),
      certifications: splitTags(form.certifications),
    };
    onCreated(await api<Business>('POST', '/api/businesses', body));
  });

  const t = useT();
  const locale = useLocale();
  if (reference.kind === 'loading') return <Loading />;
  if (reference.kind === 'error') return <ErrorNotice error={reference.error} />;
  return (
    <form className="form card-panel" onSubmit={onSubmit} aria-labelledby="business-form-title">
      <SectionTitle id="business-form-title">{t.form.business}</SectionTitle>
      <p className="muted">{t.umkm.completeProfile}</p>
      <Field label={t.form.businessName} error={errors.name}>
        {(p) => <input {...p} className="input" value={form.name} onChange={set('name')} required />}
      </Field>
      <ProvinceField
        provinces={reference.data.provinces}
        value={form.province}
        onChange={set('province')}
        error={errors.province}
      />
      <Field label={t.form.city} error={errors.city}>
        {(p) => <input {...p} className="input" value={form.city} onChange={set('city')} />}
      </Field>
      <Field label={t.form.sector} error={errors.sector}>
        {(p) => (
          <select {...p} className="input" value={form.sector} onChange={set('sector')} required>
            <option value="">{t.common.choose}</option>
            {reference.data.sectors.map((s) => (
              <option key={s.key} value={s.key}>
                {locale === 'en' ? s.nameEn : s.nameId}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.form.sizeClass} error={errors.sizeClass}>
        {(p) => (
          <select {...p} className="input" value={form.sizeClass} onChange={set('sizeClass')}>
            {SIZE_CLASSES.map((k) => (
              <option key={k} value={k}>
                {t.size[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.form.products} hint={t.form.commas} error={errors.products}>
        {(p) => <input {...p} className="input" value={form.products} onChange={set('products')} />}
      </Field>
      <Field
        label={t.form.certifications}
        hint={t.form.businessCertificationsHint}
        error={errors.certifications}
      >
        {(p) => (
          <input {...p} className="input" value={form.certifications} onChange={set('certifications')} />
        )}
      </Field>
      <CertificationPreview values={splitTags(form.certifications)} />
      {error !== undefined && <ErrorNotice error={error} title={t.form.profileNotSaved} />}
      <button type="submit" className="button" disabled={busy}>
        {t.umkm.saveProfile}
      </button>
    </form>
  );
}
