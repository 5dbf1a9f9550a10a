'use client';

import type { Organization, OrganizationCreate } from '@sinergi/shared/schemas';
import { useState } from 'react';
import { ErrorNotice, Field, Loading, ProvinceField, SectionTitle } from '../../components/ui';
import { api } from '../../lib/api';
import { useReference, useSubmit } from '../../lib/hooks';
import { useT } from '../../lib/i18n/locale';

/** A partner's first visit: the organization profile (its kind follows the role). */
export function OrganizationForm({ onCreated }: { onCreated: (o: Organization) => void }) {
  const reference = useReference();
  const t = useT();
  const [form, setForm] = useState({ name: '', province: '', city: '', description: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    const body: OrganizationCreate = {
      name: form.name,
      province: form.province,
      ...(form.city.trim() ? { city: form.city.trim() } : {}),
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
    };
    onCreated(await api<Organization>('POST', '/api/organizations', body));
  });

  if (reference.kind === 'loading') return <Loading />;
  if (reference.kind === 'error') return <ErrorNotice error={reference.error} />;
  return (
    <form className="form card-panel" onSubmit={onSubmit} aria-labelledby="org-form-title">
      <SectionTitle id="org-form-title">{t.form.organization}</SectionTitle>
      <Field label={t.form.organizationName} error={errors.name}>
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
      <Field label={t.form.description} error={errors.description}>
        {(p) => (
          <textarea
            {...p}
            className="input"
            rows={3}
            value={form.description}
            onChange={set('description')}
          />
        )}
      </Field>
      {error !== undefined && <ErrorNotice error={error} title={t.form.profileNotSaved} />}
      <button type="submit" className="button" disabled={busy}>
        {t.umkm.saveProfile}
      </button>
    </form>
  );
}
