import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePair } from '../index';
import type { MatchOffer, MatchRequest } from '../types';
import { analyseTexts, CONCEPTS, findConcept, isKnownConcept, normalizeNeed } from '../vocabulary';
import {
  createAnalyzer,
  createTypoIndex,
  normalizeText,
  stemWord,
  unreduplicate,
  withinOneEdit,
} from './index';

/** Known concept keys read in a text. */
const keysOf = (text: string) =>
  analyseTexts([text])
    .hits.filter((h) => isKnownConcept(h.id))
    .map((h) => CONCEPTS[h.id]?.key)
    .sort();

/** The stemmer against a small root list, to test each rule on its own. */
const ROOTS = new Set([
  'pasar',
  'kemas',
  'emas',
  'izin',
  'jual',
  'buat',
  'latih',
  'sablon',
  'ajar',
  'kerja',
  'ternak',
  'untung',
  'kelola',
  'olah',
  'ekspor',
  'produk',
  'promosi',
  'urus',
  'post',
  'cat',
  'kering',
  'ringan',
  'baik',
  'tulis',
  'daftar',
  'kirim',
  'rajin',
  'kerajinan',
  'pakai',
  'siap',
  'lanjut',
  'modal',
  'rawat',
]);
const stem = (w: string) => stemWord(w, (x) => ROOTS.has(x));

describe('guarded affix stripping (Nazief–Adriani / Sastrawi rules, reduced only to known roots)', () => {
  it.each([
    // meN- with its sound changes
    ['memasarkan', 'pasar'], // mem- + p dropped, -kan
    ['mengemas', 'kemas'], // meng- + k dropped: k restored before the bare vowel ("emas" is gold)
    ['mengelola', 'kelola'],
    ['mengolah', 'olah'], // no "kolah": the bare vowel
    ['mengekspor', 'ekspor'],
    ['menjual', 'jual'], // men- before j
    ['menulis', 'tulis'], // men- + t dropped
    ['menyablon', 'sablon'], // meny- + s dropped
    ['membuat', 'buat'], // mem- before b
    ['melatih', 'latih'], // me- before l
    ['merawat', 'rawat'], // me- before r
    ['mengecat', 'cat'], // menge- before a one-syllable root
    // peN-, per-, pe-
    ['pengemasan', 'kemas'],
    ['perizinan', 'izin'],
    ['pelatihan', 'latih'],
    ['pendaftaran', 'daftar'],
    ['pemodal', 'modal'],
    ['pelajar', 'ajar'],
    // di-, ter-, ber-, be-, ke-, se-, memper-, diper-
    ['dijual', 'jual'],
    ['terjual', 'jual'],
    ['berjualan', 'jual'],
    ['bekerja', 'kerja'],
    ['beternak', 'ternak'],
    ['keuntungan', 'untung'],
    ['memperbaiki', 'baik'],
    ['dipersiapkan', 'siap'],
    ['keberlanjutan', 'lanjut'], // ke- + ber- + -an
    // suffixes, particles and possessives
    ['kemasan', 'kemas'], // -an (Snowball gives "masan")
    ['produknya', 'produk'], // -nya
    ['produkku', 'produk'], // -ku
    ['produkmu', 'produk'], // -mu
    ['pakailah', 'pakai'], // -lah
    ['promosikah', 'promosi'], // -kah
    ['promosipun', 'promosi'], // -pun
    ['penjualannya', 'jual'], // peN- + -an + -nya
    ['promosiin', 'promosi'], // chat -in
    // chat nasal prefixes
    ['ngurus', 'urus'],
    ['ngepost', 'post'],
    ['nyablon', 'sablon'],
  ])('%s → %s', (word, root) => {
    expect(stem(word)).toBe(root);
  });

  it('never over-stems: a word with no known root is left alone', () => {
    expect(stem('distributor')).toBeUndefined(); // Snowball: "stributor"
    expect(stem('dimsum')).toBeUndefined();
    expect(stem('kopi')).toBeUndefined();
  });

  it('prefers removing suffixes before a second prefix (kekeringan is dryness, not "ringan")', () => {
    expect(stem('kekeringan')).toBe('kering');
  });

  it('keeps a lexicalised derived word that is itself a root (kerajinan is crafts, not "rajin")', () => {
    expect(stem('kerajinan')).toBe('kerajinan');
  });

  it('undoes written reduplication', () => {
    expect(unreduplicate('dokumen2')).toBe('dokumen');
    expect(unreduplicate('dokumen2nya')).toBe('dokumennya');
    expect(unreduplicate('b2b')).toBe('b2b');
    expect(normalizeNeed('produk-produk')).toBe(normalizeNeed('produk'));
    expect(keysOf('dokumen2 ekspor')).toEqual(['export_documents']);
  });
});

describe('the vocabulary read through the same analyser', () => {
  it.each([
    ['mengemas produk supaya awet', ['packaging', 'shelf_life']],
    ['perizinan', ['legality']],
    ['pengemasan', ['packaging']],
    ['kemasan', ['packaging']],
    ['distributor', ['distribution']],
    ['promosi online', ['digital_marketing']],
    ['melatih pegawai baru', ['staff_training']],
    ['untung tipis padahal laku', ['profitability']],
  ])('"%s" → %j', (text, keys) => {
    expect(keysOf(text)).toEqual([...keys].sort());
  });

  it('reads the chat forms owners type', () => {
    expect(normalizeNeed('gak utk yg tp bgt sdh')).toBe('tidak untuk yang tapi sekali sudah');
    expect(normalizeNeed('pengen pingin')).toBe('ingin');
    expect(keysOf('jualan di tokped')).toEqual(['tokopedia']);
    expect(keysOf('bikin IG')).toEqual(['instagram']);
    expect(keysOf('WA')).toEqual(['whatsapp_business']);
    expect(keysOf('HP')).toEqual(['handphone']);
    expect(keysOf('ngurus izin')).toEqual(['legality']);
    expect(keysOf('jualan onlen')).toEqual(keysOf('jualan online'));
  });

  it('corrects one-letter typos in words of five letters or more, only towards vocabulary words', () => {
    const a = analyseTexts(['pengen bikin websit toko']);
    expect(a.corrections).toEqual([{ from: 'websit', to: 'website' }]);
    expect(keysOf('pemasarn digital')).toEqual(['digital_marketing']);
    expect(keysOf('kemasn')).toEqual(['packaging']);
    // four letters: too short to guess ("kopu" is not corrected to "kopi")
    expect(keysOf('kopu')).toEqual([]);
  });

  it('never turns one known word into another', () => {
    expect(keysOf('sampel')).toEqual([]); // not "sambel"
    expect(keysOf('jemur')).toEqual([]); // not "jamur"
    expect(keysOf('calon')).toEqual([]); // not "salon"
    expect(keysOf('model')).not.toContain('access_to_capital'); // not "modal"
    const typos = createTypoIndex(['kemas', 'kemah'], (w) => w);
    expect(typos.correct('kemax')).toBeUndefined(); // two meanings one edit away: no guess
  });

  it('returns the words it did not understand', () => {
    const a = analyseTexts(['mau expor kopi ke luar negeri, perlu tau dokumen2nya zzzq']);
    expect(a.notUnderstood).toContain('zzzq');
    expect(a.notUnderstood).not.toContain('ke');
  });
});

describe('properties', () => {
  const words = fc.constantFrom(
    ...'memasarkan kemasan dokumen2 produk-produk gak utk yg websit Pémasaran IG & tiktok untung tipis zzz 123 keripik2nya pengemasan perizinan distributor'.split(
      ' ',
    ),
  );
  const texts = fc.oneof(
    fc.string(),
    fc.array(words, { maxLength: 8 }).map((ws) => ws.join(' ')),
  );

  it('normalising twice equals normalising once', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(normalizeText(normalizeText(t))).toBe(normalizeText(t));
        expect(normalizeNeed(normalizeNeed(t))).toBe(normalizeNeed(t));
      }),
    );
  });

  it('a known term always maps to its concept (every term of every concept)', () => {
    for (const c of CONCEPTS)
      for (const term of [c.id, c.en, ...c.terms]) {
        expect(findConcept(term)?.key, term).toBe(c.key);
        expect(keysOf(term), term).toContain(c.key);
      }
  });

  it('a known term keeps its concept inside any sentence of stop words', () => {
    const terms = CONCEPTS.flatMap((c) => [c.id, ...c.terms].map((t) => [t, c.key] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...terms),
        fc.constantFrom('tolong', 'gimana cara', 'butuh'),
        ([term, key], lead) => {
          const got = analyseTexts([`${lead} ${term}`]);
          const ids = got.hits.filter((h) => isKnownConcept(h.id)).map((h) => CONCEPTS[h.id]?.key);
          // The term's concept, or a narrower one the sentence also names (which implies it).
          expect(ids.length).toBeGreaterThan(0);
          expect(ids.some((k) => k === key || CONCEPTS.find((x) => x.key === k)?.broader === key)).toBe(true);
        },
      ),
    );
  });

  it('one-edit distance is symmetric and exact', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(withinOneEdit(b, a));
      }),
    );
    expect(withinOneEdit('kemasan', 'kemsaan')).toBe(true); // transposition
    expect(withinOneEdit('kemasan', 'kemas')).toBe(false);
  });

  it('the analyser is the same function on vocabulary terms and on user text', () => {
    const a = createAnalyzer(['pemasaran', 'kemasan']);
    expect(a.normalize('memasarkan kemasannya')).toBe(a.normalize('pemasaran kemasan'));
  });
});

describe('only what was understood counts', () => {
  const request = (needs: string[]): MatchRequest => ({
    id: 'r',
    type: 'mentorship',
    needs,
    business: { id: 'b', province: '94', sizeClass: 'mikro', sector: 'kuliner' },
  });
  const offer: MatchOffer = {
    id: 'o',
    type: 'mentorship',
    topics: ['pemasaran digital', 'ekspor'],
    mode: 'online',
    capacity: 5,
    remaining: 5,
    organization: { id: 'org', kind: 'corporate', province: '31' },
  };
  it('a chatty need with the same real needs scores like a terse one', () => {
    const terse = scorePair(request(['pemasaran digital', 'ekspor']), offer);
    const chatty = scorePair(
      request([
        'gimana ya caranya pemasaran digital buat warung sy yg kecil banget',
        'pengen ekspor jg sih kak',
      ]),
      offer,
    );
    if (!terse.eligible || !chatty.eligible) throw new Error('expected eligible');
    expect(chatty.components.topic).toBeCloseTo(terse.components.topic as number, 10);
  });
});
