/**
 * Certification input → canonical key, and "did you mean" for what cannot be placed.
 *
 * @example
 * resolveCertification('Halal MUI');      // → 'halal'
 * resolveCertification('halal (wajib)');  // → 'halal'
 * resolveCertification('PIRT aktif');     // → 'pirt'
 * resolveCertification('SPP-IRT');        // → 'pirt'
 * resolveCertification('sertifikat xyz'); // → undefined
 * closestCertifications('halall');        // → [{ key: 'halal', … }, …]
 */
import { CERTIFICATIONS, type Certification } from './certifications.data';

export { CERTIFICATIONS, type Certification } from './certifications.data';

/** Every certification key, in reference order (the bit order of a certification mask). */
export const CERTIFICATION_KEYS: readonly string[] = CERTIFICATIONS.map((c) => c.key);

/** Words around a certification that do not change which one it is. */
const NOISE = new Set([
  'sertifikat',
  'sertifikasi',
  'certificate',
  'certification',
  'certified',
  'izin',
  'ijin',
  'permit',
  'label',
  'nomor',
  'no',
  'number',
  'aktif',
  'active',
  'wajib',
  'required',
  'mandatory',
  'harus',
  'berlaku',
  'valid',
  'masih',
  'sudah',
  'punya',
  'ada',
  'terdaftar',
  'registered',
  'registrasi',
  'dan',
  'and',
  'atau',
  'or',
  'resmi',
  'official',
  'produk',
  'usaha',
  'ri',
  'indonesia',
  'min',
  'minimal',
  'minimum',
]);

/** Lower case, accents and punctuation removed, single spaces. */
function clean(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words that name the certification: noise dropped, unless nothing else is left. */
function core(text: string): string {
  const words = clean(text)
    .split(' ')
    .filter((w) => w !== '');
  const kept = words.filter((w) => !NOISE.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

const byAlias = new Map<string, string>();
for (const c of CERTIFICATIONS)
  for (const a of [c.key, c.id, c.en, ...c.aliases]) {
    for (const form of [clean(a), core(a), clean(a).replace(/ /g, ''), core(a).replace(/ /g, '')])
      if (form !== '' && !byAlias.has(form)) byAlias.set(form, c.key);
  }
const byKey = new Map(CERTIFICATIONS.map((c) => [c.key, c]));

/** The canonical key of a certification as typed, or undefined when it names none we know. */
export function resolveCertification(input: string): string | undefined {
  if (byKey.has(input)) return input;
  const full = clean(input);
  const c = core(input);
  return (
    byAlias.get(full) ??
    byAlias.get(c) ??
    byAlias.get(c.replace(/ /g, '')) ??
    byAlias.get(full.replace(/ /g, ''))
  );
}

/** The reference entry of a key. */
export function findCertification(key: string): Certification | undefined {
  return byKey.get(key);
}

/** Keys satisfied by holding `key`: itself and what it implies. */
export function certificationsSatisfiedBy(key: string): readonly string[] {
  const c = byKey.get(key);
  return c === undefined ? [] : [c.key, ...(c.implies ?? [])];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/**
 * The entries closest to an input that names none (for "did you mean"): smallest edit distance from the
 * input's core words to any spelling of the entry, ties in reference order.
 */
export function closestCertifications(input: string, limit = 3): Certification[] {
  const c = core(input);
  const scored = CERTIFICATIONS.map((cert, order) => {
    let best = Number.POSITIVE_INFINITY;
    for (const a of [cert.key, cert.id, cert.en, ...cert.aliases]) {
      const form = core(a);
      const d = editDistance(c, form) / Math.max(c.length, form.length, 1);
      // A shared word ("iso" in "iso 27001") counts as close.
      const shared = form.split(' ').some((w) => w.length > 1 && c.split(' ').includes(w));
      best = Math.min(best, shared ? d / 2 : d);
    }
    return { cert, best, order };
  });
  return scored
    .sort((x, y) => x.best - y.best || x.order - y.order)
    .slice(0, limit)
    .map((s) => s.cert);
}
