'use client';

import { analyseTexts, CONCEPTS, isKnownConcept, suggestConcepts } from '@sinergi/shared/matching';
import { closestCertifications, findCertification, resolveCertification } from '@sinergi/shared/reference';
import { type CSSProperties, useMemo } from 'react';
import { useLocale, useT } from '../lib/i18n/locale';

/**
 * "What we understood": as the owner types, the concepts the matching core reads in the text (chips), the
 * words it did not understand and what they may have meant — computed in the browser with the same core
 * the API scores with, so an owner can rephrase before submitting.
 */

const row: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.35rem',
  margin: '0.35rem 0 0',
  padding: 0,
  listStyle: 'none',
};
const chip: CSSProperties = {
  padding: '0.15rem 0.6rem',
  borderRadius: 999,
  border: '1px solid currentColor',
  fontSize: '0.9em',
};
const known: CSSProperties = { ...chip, color: 'var(--color-brand-strong)' };
const unknown: CSSProperties = { ...chip, color: '#8a4b00', borderStyle: 'dashed' };

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ marginTop: '0.35rem' }}>
      <span className="field__hint">{label}</span>
      <ul style={row}>{children}</ul>
    </div>
  );
}

/** Concepts found in free-text needs or topics, words not understood, and suggestions for them. */
export function UnderstoodPreview({ texts }: { texts: readonly string[] }) {
  const t = useT().understood;
  const locale = useLocale();
  const result = useMemo(() => {
    const a = analyseTexts(texts);
    const concepts = a.hits.filter((h) => isKnownConcept(h.id)).map((h) => CONCEPTS[h.id]);
    const suggestions = a.notUnderstood
      .map((w) => [w, suggestConcepts(w)] as const)
      .filter(([, s]) => s.length > 0);
    return { concepts, notUnderstood: a.notUnderstood, corrections: a.corrections, suggestions };
  }, [texts]);
  if (texts.join('').trim() === '') return null;
  return (
    <section aria-live="polite" aria-label={t.title} data-testid="understood">
      <Line label={t.title}>
        {result.concepts.length === 0 ? (
          <li>{t.nothingYet}</li>
        ) : (
          result.concepts.map((c) =>
            c === undefined ? null : (
              <li key={c.key} style={known} data-concept={c.key}>
                {locale === 'en' ? c.en : c.id}
              </li>
            ),
          )
        )}
      </Line>
      {result.corrections.length > 0 && (
        <Line label={t.readAs}>
          {result.corrections.map((c) => (
            <li key={c.from} style={chip}>
              {c.from} → {c.to}
            </li>
          ))}
        </Line>
      )}
      {result.notUnderstood.length > 0 && (
        <Line label={t.notUnderstood}>
          {result.notUnderstood.map((w) => (
            <li key={w} style={unknown}>
              {w}
            </li>
          ))}
        </Line>
      )}
      {result.suggestions.length > 0 && (
        <Line label={t.didYouMean}>
          {result.suggestions.map(([w, s]) => (
            <li key={w} style={chip}>
              {w}: {s.map((c) => (locale === 'en' ? c.en : c.id)).join(', ')}
            </li>
          ))}
        </Line>
      )}
    </section>
  );
}

/** Certifications as typed, resolved to the reference entries; unknown ones with the closest entries. */
export function CertificationPreview({ values }: { values: readonly string[] }) {
  const t = useT().understood;
  const locale = useLocale();
  const rows = useMemo(
    () =>
      values
        .filter((v) => v.trim() !== '')
        .map((v) => {
          const key = resolveCertification(v);
          return {
            v,
            cert: key === undefined ? undefined : findCertification(key),
            closest: key === undefined ? closestCertifications(v) : [],
          };
        }),
    [values],
  );
  if (rows.length === 0) return null;
  return (
    <section aria-live="polite" aria-label={t.certifications} data-testid="certifications-understood">
      <Line label={t.certifications}>
        {rows.map(({ v, cert, closest }) =>
          cert !== undefined ? (
            <li key={v} style={known}>
              {locale === 'en' ? cert.en : cert.id}
            </li>
          ) : (
            <li key={v} style={unknown}>
              {v} — {t.unknownCertification(closest.map((c) => (locale === 'en' ? c.en : c.id)).join(' / '))}
            </li>
          ),
        )}
      </Line>
    </section>
  );
}
