'use client';

import type { OfferType, PartnershipRequest, RequestCreate } from '@sinergi/shared/schemas';
import { useState } from 'react';
import { UnderstoodPreview } from '../../components/Previews';
import { DateRangeFields, ErrorNotice, Field, OfferTypeField } from '../../components/ui';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/hooks';
import { useT } from '../../lib/i18n/locale';
import { splitTags } from '../../lib/labels';

/** A new partnership request: what the UMKM needs, how and when. */
export function RequestForm({ onCreated }: { onCreated: (r: PartnershipRequest) => void }) {
  const [type, setType] = useState<OfferType>('mentorship');
  const [needs, setNeeds] = useState('');
  const [mode, setMode] = useState<'online' | 'offline' | 'any'>('any');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');

  const t = useT();
  const { busy, error, errors, onSubmit } = useSubmit(async () => {
    const body: RequestCreate = {
      type,
      needs: splitTags(needs),
      mode,
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
    };
    const created = await api<PartnershipRequest>('POST', '/api/requests', body);
    setNeeds('');
    onCreated(created);
  });

  return (
    <form className="form" onSubmit={onSubmit} aria-label={t.umkm.newRequest}>
      <OfferTypeField label={t.form.type} value={type} onChange={setType} error={errors.type} />
      <Field label={t.form.needs} hint={t.form.needsHint} error={errors.needs}>
        {(p) => <input {...p} className="input" value={needs} onChange={(e) => setNeeds(e.target.value)} />}
      </Field>
      <UnderstoodPreview texts={splitTags(needs)} />
      <Field label={t.form.mode} error={errors.mode}>
        {(p) => (
          <select
            {...p}
            className="input"
            value={mode}
            onChange={(e) => setMode(e.target.value as typeof mode)}
          >
            {(['any', 'online', 'offline'] as const).map((m) => (
              <option key={m} value={m}>
                {t.mode[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateRangeFields
        startDate={startDate}
        endDate={endDate}
        onStart={setStart}
        onEnd={setEnd}
        errors={errors}
      />
      {error !== undefined && Object.keys(errors).length === 0 && <ErrorNotice error={error} />}
      <button type="submit" className="button" disabled={busy}>
        {t.umkm.createRequest}
      </button>
    </form>
  );
}
