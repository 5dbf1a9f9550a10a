'use client';

import dynamic from 'next/dynamic';

/**
 * The "what we understood" previews run the matching core's text reader and the certification
 * reference in the browser (~33 kB gzipped): loaded when the owner first types in the field, never in
 * a page's first load.
 */
const Understood = dynamic(() => import('./Understood').then((m) => m.UnderstoodPreview), { ssr: false });
const Certifications = dynamic(() => import('./Understood').then((m) => m.CertificationPreview), {
  ssr: false,
});

export function UnderstoodPreview({ texts }: { texts: readonly string[] }) {
  return texts.join('').trim() === '' ? null : <Understood texts={texts} />;
}

export function CertificationPreview({ values }: { values: readonly string[] }) {
  return values.every((v) => v.trim() === '') ? null : <Certifications values={values} />;
}
