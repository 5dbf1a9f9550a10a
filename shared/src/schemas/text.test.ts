import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, paragraph, text } from './common';
import { OfferCreate } from './index';

const offer = { type: 'mentorship', title: 'Kelas ekspor', topics: ['ekspor'], mode: 'online', capacity: 3 };

describe('text()', () => {
  it('refuses control, direction-override, zero-width and other invisible characters, naming the field', () => {
    const hostile = [
      'Kelas\u0000ekspor',
      'Kelas\u0007ekspor',
      'Kelas\u007Fekspor',
      'Kelas\u0085ekspor',
      'Kelas \u202Erokspe',
      'Kelas \u2066ekspor\u2069',
      'Kelas\u200Bekspor',
      'Kelas\u200Cekspor',
      'Kelas\u2060ekspor',
      'Kelas\uFEFFekspor',
      'Kelas\u00ADekspor',
      'Kelas\u200Fekspor',
      'Kelas\u2028ekspor',
      'Kelas\uD800ekspor',
      'Kelas\nekspor',
      'Kelas\u200Dekspor',
    ];
    for (const title of hostile) {
      const result = OfferCreate.safeParse({ ...offer, title });
      expect(result.success, JSON.stringify(title)).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.path).toEqual(['title']);
      expect(issue?.message).toMatch(/invisible character \(U\+[0-9A-F]{4} at position (6|7)\)/);
    }
  });

  it('refuses them inside tags too', () => {
    expect(OfferCreate.safeParse({ ...offer, topics: ['ekspor\u202E'] }).error?.issues[0]?.path).toEqual([
      'topics',
      0,
    ]);
  });

  it('keeps what people write: Indonesian, accents, scripts, emoji with joiners, line breaks in paragraphs', () => {
    for (const value of [
      'Keripik tempe “Bu Sari” — 100% halal',
      'Café Müller & Søn',
      'ꦱꦼꦩꦫꦁ',
      '👩‍🍳 Dapur Ibu',
      '👨🏽‍💻 Kelas koding',
      '🏳️‍🌈',
      '日本語',
    ]) {
      expect(text(200).safeParse(value).success, value).toBe(true);
    }
    expect(paragraph(200).parse('Baris satu\r\nBaris dua\n\tterakhir')).toBe(
      'Baris satu\r\nBaris dua\n\tterakhir',
    );
    expect(text(200).safeParse('Baris satu\nBaris dua').success).toBe(false);
    expect(paragraph(200).safeParse('Baris\u202E').success).toBe(false);
  });

  it('accepts exactly the strings with no forbidden character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (value) => {
        const trimmed = value.trim();
        const parsed = text(100, 0).safeParse(value);
        expect(parsed.success).toBe(forbiddenCharacter(trimmed) === undefined);
      }),
    );
  });
});
