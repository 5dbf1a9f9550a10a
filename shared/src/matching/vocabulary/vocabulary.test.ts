import { describe, expect, it } from 'vitest';
import {
  CONCEPTS,
  conceptIdOf,
  danglingBroaderKeys,
  extractConcepts,
  findConcept,
  KNOWN_CONCEPT_COUNT,
  normalizeText,
  relatedConcepts,
  UNKNOWN_CONCEPT_BASE,
  vocabularyConflicts,
} from './index';

const keysOf = (text: string) =>
  extractConcepts([text]).map((h) => (h.id < UNKNOWN_CONCEPT_BASE ? CONCEPTS[h.id]?.key : `?${h.text}`));

describe('the curated vocabulary', () => {
  it('covers at least 350 concepts', () => {
    expect(KNOWN_CONCEPT_COUNT).toBeGreaterThanOrEqual(350);
  });

  it('never maps one term to two concepts by accident', () => {
    expect(vocabularyConflicts()).toEqual([]);
  });

  it('only names broader concepts that exist, without cycles', () => {
    expect(danglingBroaderKeys()).toEqual([]);
    for (const concept of CONCEPTS) {
      const seen = new Set<string>();
      let key: string | undefined = concept.key;
      while (key !== undefined) {
        expect(seen.has(key), `cycle through ${key}`).toBe(false);
        seen.add(key);
        key = CONCEPTS.find((c) => c.key === key)?.broader;
      }
    }
  });

  it('has unique keys and two non-empty labels per concept', () => {
    expect(new Set(CONCEPTS.map((c) => c.key)).size).toBe(CONCEPTS.length);
    for (const c of CONCEPTS) {
      expect(c.id.trim()).not.toBe('');
      expect(c.en.trim()).not.toBe('');
    }
  });
});

describe('words match across languages and forms', () => {
  it.each([
    ['pemasaran digital', 'digital marketing', 'digital_marketing'],
    ['medsos', 'social media', 'social_media'],
    ['media sosial', 'sosmed', 'social_media'],
    ['pembukuan', 'bookkeeping', 'bookkeeping'],
    ['akuntansi', 'accounting', 'bookkeeping'],
    ['ekspor', 'export', 'export'],
    ['PIRT', 'P-IRT', 'pirt'],
    ['SPP-IRT', 'pirt', 'pirt'],
    ['BPOM', 'Badan POM', 'bpom'],
    ['sertifikat halal', 'Halal', 'halal'],
    ['kemasan', 'packaging', 'packaging'],
    ['teknik informatika', 'computer science', 'computer_science'],
    ['kopi', 'coffee', 'coffee'],
    ['keripik', 'chips', 'chips'],
    ['kripik', 'crisps', 'chips'],
    ['batik tulis', 'Batik', 'batik'],
    ['e-commerce', 'toko online', 'ecommerce'],
    ['UMKM go digital', 'digitalisasi', 'digitalization'],
    ['kredit usaha rakyat', 'KUR', 'kur'],
    ['desain komunikasi visual', 'DKV', 'visual_communication_design'],
    ['merek dagang', 'trademark', 'trademark'],
  ])('"%s" and "%s" are the same concept (%s)', (a, b, key) => {
    expect(keysOf(a)).toEqual([key]);
    expect(keysOf(b)).toEqual([key]);
  });

  it('normalises case, accents, punctuation and whitespace', () => {
    expect(normalizeText('  Pémasaran   DIGITAL!! ')).toBe('pemasaran digital');
    expect(normalizeText('Café-Kopi')).toBe('cafe kopi');
    expect(keysOf('PEMASARAN—DIGITAL')).toEqual(['digital_marketing']);
    expect(keysOf('Kemasan,')).toEqual(['packaging']);
  });

  it('prefers the longest phrase over its parts', () => {
    expect(keysOf('pemasaran media sosial')).toEqual(['social_media']);
    expect(keysOf('pasar ekspor')).toEqual(['international_market']);
  });

  it('finds several concepts in one sentence and drops stop words', () => {
    expect(new Set(keysOf('Butuh bantuan pemasaran digital dan ekspor untuk kopi'))).toEqual(
      new Set(['digital_marketing', 'export', 'coffee']),
    );
  });

  it('lets unknown words match themselves, and only themselves', () => {
    const [a] = extractConcepts(['Montong']);
    const [b] = extractConcepts(['montong!']);
    const [c] = extractConcepts(['bakpia']);
    expect(a?.id).toBeGreaterThanOrEqual(UNKNOWN_CONCEPT_BASE);
    expect(a?.id).toBe(b?.id);
    expect(a?.id).not.toBe(c?.id);
  });

  it('falls back from an English plural to its singular', () => {
    expect(keysOf('packagings')).toEqual(['packaging']);
  });

  it('relates narrower and broader concepts but not siblings', () => {
    const instagram = conceptIdOf('instagram');
    expect(relatedConcepts(instagram)).toContain(conceptIdOf('social_media'));
    expect(relatedConcepts(conceptIdOf('social_media'))).toContain(instagram);
    expect(relatedConcepts(conceptIdOf('computer_science'))).not.toContain(conceptIdOf('law'));
  });

  it('looks a single term up', () => {
    expect(findConcept('P-IRT')?.key).toBe('pirt');
    expect(findConcept('zzz')).toBeUndefined();
  });
});
