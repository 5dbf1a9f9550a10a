'use client';

import type { Reason } from '@sinergi/shared/matching';
import type { OfferType, Role } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { type ReactNode, useId } from 'react';
import { ApiError } from '../lib/api';
import { type Bilingual, COMPONENT_LABELS, formatPercent, TYPE_LABELS } from '../lib/labels';
import { homeOf, useSession } from '../lib/session';

/** Indonesian, then English in a smaller muted line. */
export function Bi({ t, block = false }: { t: Bilingual; block?: boolean }) {
  return (
    <>
      {t[0]}
      {block ? (
        <span className="bi-en bi-en--block" lang="en">
          {t[1]}
        </span>
      ) : (
        <span className="bi-en" lang="en">
          {' '}
          / {t[1]}
        </span>
      )}
    </>
  );
}

/** A page heading with its English line. */
export function PageTitle({ t }: { t: Bilingual }) {
  return (
    <h1 className="page-title">
      {t[0]}
      <span className="heading-en" lang="en">
        {t[1]}
      </span>
    </h1>
  );
}

export function SectionTitle({ t, id }: { t: Bilingual; id?: string }) {
  return (
    <h2 id={id}>
      {t[0]}
      <span className="heading-en" lang="en">
        {t[1]}
      </span>
    </h2>
  );
}

/**
 * A labelled form control with its hint and its error from the API (`errors[{field}]`), wired with
 * aria-describedby and aria-invalid. `children` receives the ids it must put on the control.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: Bilingual;
  hint?: Bilingual;
  error?: string | undefined;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label[0]}{' '}
        <span className="bi-en" lang="en">
          / {label[1]}
        </span>
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          <Bi t={hint} />
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The partnership type: mentorship, internship or distribution. */
export function OfferTypeField({
  label,
  value,
  onChange,
  error,
}: {
  label: Bilingual;
  value: OfferType;
  onChange: (type: OfferType) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select
          {...p}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value as OfferType)}
        >
          {(Object.keys(TYPE_LABELS) as OfferType[]).map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t][0]} / {TYPE_LABELS[t][1]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A required province, by BPS code. */
export function ProvinceField({
  provinces,
  value,
  onChange,
  error,
}: {
  provinces: readonly { code: string; name: string }[];
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={['Provinsi', 'Province']} error={error}>
      {(p) => (
        <select {...p} className="input" value={value} onChange={onChange} required>
          <option value="">— Pilih / Choose —</option>
          {provinces.map((pr) => (
            <option key={pr.code} value={pr.code}>
              {pr.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Start and end date of a period, side by side, each with its error from the API. */
export function DateRangeFields({
  startDate,
  endDate,
  onStart,
  onEnd,
  errors,
}: {
  startDate: string;
  endDate: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
  errors: { startDate?: string | undefined; endDate?: string | undefined };
}) {
  return (
    <div className="form__row">
      <Field label={['Mulai', 'Start date']} error={errors.startDate}>
        {(p) => (
          <input
            {...p}
            type="date"
            className="input"
            value={startDate}
            onChange={(e) => onStart(e.target.value)}
          />
        )}
      </Field>
      <Field label={['Selesai', 'End date']} error={errors.endDate}>
        {(p) => (
          <input
            {...p}
            type="date"
            className="input"
            value={endDate}
            onChange={(e) => onEnd(e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** An API failure stated plainly: the problem's title and detail, with an optional retry. */
export function ErrorNotice({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: Bilingual;
  onRetry?: () => void;
}) {
  const api = error instanceof ApiError ? error : undefined;
  const heading: Bilingual = title ?? ['Terjadi kesalahan', 'Something went wrong'];
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{heading[0]}</p>
      <p className="notice__en" lang="en">
        {heading[1]}
      </p>
      <p className="notice__detail">
        {api?.problem?.title && <strong>{api.problem.title}</strong>}
        {api?.problem?.title ? ' — ' : ''}
        {error instanceof Error ? error.message : String(error)}
        {api && api.status > 0 ? ` (HTTP ${api.status})` : ''}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Coba lagi <span lang="en">/ Retry</span>
        </button>
      )}
    </div>
  );
}

export function Loading({ t = ['Memuat…', 'Loading…'] }: { t?: Bilingual }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <Bi t={t} />
    </p>
  );
}

export function Empty({ t }: { t: Bilingual }) {
  return (
    <p className="empty">
      <Bi t={t} block />
    </p>
  );
}

/** A success or info line announced to screen readers. */
export function Notice({ t, kind = 'ok' }: { t: Bilingual; kind?: 'ok' | 'info' }) {
  return (
    <p className={`notice notice--${kind}`} role="status">
      <Bi t={t} />
    </p>
  );
}

export function Reasons({ reasons, max = 6 }: { reasons: readonly Reason[]; max?: number }) {
  return (
    <ul className="reasons">
      {reasons.slice(0, max).map((r) => (
        <li key={r.id}>
          {r.id}
          <span className="reasons__en" lang="en">
            {r.en}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The score and one bar per component: the parts the matching core reports. */
export function ScoreParts({ components }: { components: Readonly<Record<string, number>> }) {
  return (
    <dl className="bars">
      {Object.entries(components).map(([name, value]) => {
        const label = COMPONENT_LABELS[name] ?? [name, name];
        return (
          <div key={name} className="bars__row">
            <dt>
              {label[0]}{' '}
              <span className="bi-en" lang="en">
                / {label[1]}
              </span>
            </dt>
            <dd>
              <span className="bars__track" aria-hidden="true">
                <span className="bars__fill" style={{ width: `${Math.round(value * 100)}%` }} />
              </span>
              <span className="bars__value">{formatPercent(value)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function ScoreBadge({ score }: { score: number }) {
  return (
    <span className="score-badge" title="Skor / Score">
      <span className="visually-hidden">Skor / Score </span>
      {Math.round(score * 100)}
    </span>
  );
}

/**
 * Renders its children only for a signed-in user of one of `roles`; otherwise says why and links to the
 * sign-in page. Static export: the session exists only in the browser, so the first render shows loading.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (session === undefined) return <Loading />;
  if (session === null)
    return (
      <div className="notice notice--info">
        <p>
          <Bi t={['Silakan masuk dahulu.', 'Please sign in first.']} />
        </p>
        <Link className="button button--link" href="/masuk">
          Masuk <span lang="en">/ Sign in</span>
        </Link>
      </div>
    );
  if (!roles.includes(session.user.role))
    return (
      <div className="notice notice--info">
        <p>
          <Bi t={['Halaman ini bukan untuk peran Anda.', 'This page is not for your role.']} />
        </p>
        <Link className="button button--link" href={homeOf(session.user.role)}>
          Ke halaman saya <span lang="en">/ To my page</span>
        </Link>
      </div>
    );
  return <>{children}</>;
}
