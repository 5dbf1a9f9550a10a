import { describe, expect, it } from 'vitest';
import { scorePair } from '../matching';
import type { MatchOffer, MatchRequest } from '../matching/types';
import { BusinessCreate, CertificationList } from '../schemas';
import {
  CERTIFICATIONS,
  certificationsSatisfiedBy,
  closestCertifications,
  resolveCertification,
} from './index';

describe('certification reference', () => {
  it.each([
    ['Halal MUI', 'halal'],
    ['halal (wajib)', 'halal'],
    ['Sertifikat Halal', 'halal'],
    ['PIRT aktif', 'pirt'],
    ['P-IRT', 'pirt'],
    ['SPP-IRT', 'pirt'],
    ['BPOM MD', 'bpom_md'],
    ['MD BPOM', 'bpom_md'],
    ['izin edar BPOM', 'bpom'],
    ['SNI', 'sni'],
    ['NIB', 'nib'],
    ['HACCP', 'haccp'],
    ['ISO 22000', 'iso_22000'],
    ['Organik Indonesia', 'organik'],
  ])('"%s" is %s', (input, key) => {
    expect(resolveCertification(input)).toBe(key);
  });

  it('resolves every key, label and alias of every entry to its own key', () => {
    for (const c of CERTIFICATIONS)
      for (const a of [c.key, c.id, c.en, ...c.aliases]) expect(resolveCertification(a), a).toBe(c.key);
  });

  it('names the closest entries for what it cannot place', () => {
    expect(resolveCertification('halall')).toBeUndefined();
    expect(closestCertifications('halall')[0]?.key).toBe('halal');
    expect(closestCertifications('iso 27001').map((c) => c.key)).toContain('iso_22000');
  });

  it('lets a specific registration satisfy the general one', () => {
    expect(certificationsSatisfiedBy('bpom_md')).toContain('bpom');
  });
});

describe('certifications at the edge and in matching', () => {
  it('stores keys and refuses unknown input naming the closest entries', () => {
    expect(CertificationList.parse(['Halal MUI', 'halal', 'PIRT aktif'])).toEqual(['halal', 'pirt']);
    const bad = CertificationList.safeParse(['halall']);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('halal');
    expect(bad.error?.issues[0]?.path).toEqual([0]);
    const business = BusinessCreate.safeParse({
      name: 'Keripik Bu Sri',
      province: '33',
      sizeClass: 'mikro',
      sector: 'kuliner',
      certifications: ['sertifikat xyz'],
    });
    expect(business.success).toBe(false);
    expect(business.error?.issues[0]?.path).toEqual(['certifications', 0]);
  });

  const umkm = (certifications: string[]): MatchRequest => ({
    id: 'r',
    type: 'distribution',
    needs: ['keripik'],
    business: { id: 'b', province: '33', sizeClass: 'mikro', sector: 'kuliner', certifications },
  });
  const offer = (requiredCertifications: string[]): MatchOffer => ({
    id: 'o',
    type: 'distribution',
    topics: ['keripik'],
    mode: 'online',
    capacity: 5,
    remaining: 5,
    requiredCertifications,
    organization: { id: 'org', kind: 'community', province: '33' },
  });

  it.each([['Halal MUI'], ['halal (wajib)'], ['PIRT aktif'], ['halal', 'pirt']])(
    'an UMKM holding "Sertifikat Halal, P-IRT" is not excluded by an offer requiring %j',
    (...required) => {
      expect(scorePair(umkm(['Sertifikat Halal', 'P-IRT']), offer(required)).eligible).toBe(true);
    },
  );

  it('still excludes a business that lacks a required certification, and says which', () => {
    const s = scorePair(umkm(['P-IRT']), offer(['halal']));
    expect(s.eligible).toBe(false);
    if (!s.eligible) {
      expect(s.filter).toBe('certification');
      expect(s.reason.id).toContain('Halal');
    }
  });

  it('never excludes on noise: a stored requirement that names no certification is ignored', () => {
    expect(scorePair(umkm([]), offer(['harus rajin'])).eligible).toBe(true);
  });
});
