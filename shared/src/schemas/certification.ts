import { z } from 'zod';
import { closestCertifications, findCertification, resolveCertification } from '../reference/index';
import { LIMITS } from './common';

/**
 * One certification as people type it ("Halal MUI", "PIRT aktif", "SPP-IRT"), stored as its reference
 * key (`halal`, `pirt`). Input that names no reference entry is refused with the closest entries, so a
 * typo can never silently exclude a business (see shared/src/reference/certifications.data.ts).
 */
export const CertificationKey = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.tag)
  .superRefine((value, ctx) => {
    if (resolveCertification(value) !== undefined) return;
    const closest = closestCertifications(value);
    ctx.addIssue({
      code: 'custom',
      message: `sertifikasi tidak dikenal / unknown certification "${value}"; yang terdekat / closest: ${closest
        .map((c) => `${c.key} (${c.id})`)
        .join(', ')}`,
      params: { closest: closest.map((c) => c.key) },
    });
  })
  .overwrite((value) => resolveCertification(value) ?? value)
  .meta({
    id: 'CertificationKey',
    description:
      'A certification key (halal, pirt, bpom_md, sni, nib, haccp, iso_22000, organik, …) or any known alias',
  });

/** A list of certifications, stored as distinct keys. */
export const CertificationList = z
  .array(CertificationKey)
  .max(20)
  .overwrite((keys) => [...new Set(keys)]);

/** Labels of a stored certification key (the key itself for legacy values). */
export function certificationLabel(key: string): { id: string; en: string } {
  const c = findCertification(key);
  return c === undefined ? { id: key, en: key } : { id: c.id, en: c.en };
}
