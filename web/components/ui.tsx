'use client';

import type { Reason } from '@sinergi/shared/matching';
import type { OfferType, Role } from '@sinergi/shared/schemas';
import Link from 'next/link';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../lib/api';
import { useFormats } from '../lib/format';
import { useMore } from '../lib/hooks';
import { useLocale, useT } from '../lib/i18n/locale';
import { OFFER_TYPES } from '../lib/labels';
import { homeOf, useSession } from '../lib/session';

/**
 * A page's heading and what the page is for, outside its sign-in gate: in the static HTML, so the
 * page shows what it is at its first paint, before the session and the page's data are read.
 */
export function PageIntro({ page }: { page: 'matches' | 'admin' }) {
  const t = useT()[page];
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="lead">{t.lead}</p>
    </>
  );
}

/** A page heading (its text from the catalogue of the chosen language, `useT()`). */
export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="page-title">{children}</h1>;
}

export function SectionTitle({ children, id }: { children: ReactNode; id?: string }) {
  return <h2 id={id}>{children}</h2>;
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
  label: string;
  hint?: string | undefined;
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
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
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
  label: string;
  value: OfferType;
  onChange: (type: OfferType) => void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select
          {...p}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value as OfferType)}
        >
          {OFFER_TYPES.map((type) => (
            <option key={type} value={type}>
              {t.type[type]}
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
  const t = useT();
  return (
    <Field label={t.common.province} error={error}>
      {(p) => (
        <select {...p} className="input" value={value} onChange={onChange} required>
          <option value="">{t.common.choose}</option>
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
  const t = useT();
  return (
    <div className="form__row">
      <Field label={t.common.startDate} error={errors.startDate}>
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
      <Field label={t.common.endDate} error={errors.endDate}>
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
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? t.common.error}</p>
      <p className="notice__detail">
        {api?.problem?.title && <strong>{api.problem.title}</strong>}
        {api?.problem?.title ? ' — ' : ''}
        {error instanceof Error ? error.message : String(error)}
        {api && api.status > 0 ? ` (HTTP ${api.status})` : ''}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}

/** "Memuat…", or what is being loaded (`text`). */
export function Loading({ text }: { text?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {text ?? t.common.loading}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A success or info line announced to screen readers. */
export function Notice({ children, kind = 'ok' }: { children: ReactNode; kind?: 'ok' | 'info' }) {
  return (
    <p className={`notice notice--${kind}`} role="status">
      {children}
    </p>
  );
}

/** The matching core's reasons, in the chosen language (each reason carries both). */
export function Reasons({ reasons, max = 6 }: { reasons: readonly Reason[]; max?: number }) {
  const locale = useLocale();
  return (
    <ul className="reasons">
      {reasons.slice(0, max).map((r) => (
        <li key={r.id}>{locale === 'en' ? r.en : r.id}</li>
      ))}
    </ul>
  );
}

/**
 * A closed-by-default `<details>` whose content is rendered when it is first opened: a list of twenty
 * matches then hydrates twenty summaries, not twenty score breakdowns nobody has asked for yet.
 */
export function Disclosure({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="details"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}

/** The score and one bar per component: the parts the matching core reports. */
export function ScoreParts({ components }: { components: Readonly<Record<string, number>> }) {
  const f = useFormats();
  const labels: Readonly<Record<string, string>> = useT().component;
  return (
    <dl className="bars">
      {Object.entries(components).map(([name, value]) => {
        return (
          <div key={name} className="bars__row">
            <dt>{labels[name] ?? name}</dt>
            <dd>
              <span className="bars__track" aria-hidden="true">
                <span className="bars__fill" style={{ width: `${Math.round(value * 100)}%` }} />
              </span>
              <span className="bars__value">{f.percent(value)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function ScoreBadge({ score }: { score: number }) {
  const t = useT();
  return (
    <span className="score-badge" title={t.common.score}>
      <span className="visually-hidden">{t.common.score} </span>
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
  const t = useT();
  if (session === undefined) return <Loading />;
  if (session === null)
    return (
      <div className="notice notice--info">
        <p>{t.common.signInFirst}</p>
        <Link prefetch={false} className="button button--link" href="/masuk">
          {t.nav.signIn}
        </Link>
      </div>
    );
  if (!roles.includes(session.user.role))
    return (
      <div className="notice notice--info">
        <p>{t.common.notYourRole}</p>
        <Link prefetch={false} className="button button--link" href={homeOf(session.user.role)}>
          {t.common.toMyPage}
        </Link>
      </div>
    );
  return <>{children}</>;
}

/**
 * "Muat lagi / Load more" under a list, and how many there are: `shown` of `total` (when the API
 * counts them) or of `shown`+ when only a next page is known.
 */
export function LoadMore({
  shown,
  total,
  hasMore,
  busy,
  onMore,
}: {
  shown: number;
  total?: number | undefined;
  hasMore: boolean;
  busy?: boolean;
  onMore: () => void;
}) {
  const t = useT();
  return (
    <div className="load-more">
      <p className="muted" data-testid="list-count">
        {t.common.shownOf(shown, total ?? shown)}
        {total === undefined && hasMore ? '+' : ''}
      </p>
      {hasMore && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={onMore}>
          {t.common.loadMore}
        </button>
      )}
    </div>
  );
}

/** A list's first page and the rest on demand: renders the items, then how many and "Muat lagi". */
export function Paged<T>({
  first,
  path,
  children,
}: {
  first: { items: T[]; nextCursor?: string | undefined };
  path: string;
  children: (items: T[]) => ReactNode;
}) {
  const { items, hasMore, busy, error, more } = useMore(first, path);
  return (
    <>
      {children(items)}
      {error !== undefined && <ErrorNotice error={error} />}
      {items.length > 0 && (
        <LoadMore shown={items.length} hasMore={hasMore} busy={busy} onMore={() => void more()} />
      )}
    </>
  );
}

/**
 * Renders `children` once its place comes near the viewport (or at once where IntersectionObserver is
 * missing). What sits below the fold, the map or the what-if preview, is then downloaded and run only
 * when the reader scrolls toward it, not while a phone is still making the page usable.
 */
export function WhenVisible({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  if (near) return <>{children}</>;
  return <div ref={ref} className="when-visible" data-testid={testId} />;
}
