/**
 * # Text normalisation for the matching core
 *
 * What owners type ("gimana cara memasarkan produk lewat IG & tiktok", "mau expor kopi, perlu tau
 * dokumen2nya", "pengen bikin websit toko") becomes a stream of *canonical tokens* that the vocabulary can
 * look up. The same analyser runs over the vocabulary's own terms, so both sides always agree.
 *
 * Per token, in order (first that applies wins):
 * 1. {@link normalizeText} (accents, case, punctuation) and {@link unreduplicate} ("dokumen2" → dokumen);
 * 2. chat forms ({@link INFORMAL}: gak → tidak, utk → untuk, tokped → tokopedia, bikin → buat);
 * 3. a known root or stop word stays as it is;
 * 4. guarded affix stripping ({@link stemWord}): memasarkan → pasar, perizinan → izin, only to known roots;
 * 5. an English plural whose singular is known (packagings → packaging);
 * 6. one-edit typo correction for words of five letters or more, only towards vocabulary words and only
 *    when the word is not known in any other way and the correction is unambiguous (websit → website);
 * 7. otherwise the token is *not understood* and is kept as itself.
 *
 * Consecutive equal tokens are collapsed ("produk-produk", "buah buahan" after stemming).
 */
import { INFORMAL, ORDINARY_WORDS, STOP_WORDS } from './informal';
import { stemWord, unreduplicate } from './morphology';
import { ROOTS } from './roots';
import { createTypoIndex, type TypoIndex } from './typo';

export { INFORMAL, ORDINARY_WORDS, STOP_WORDS } from './informal';
export { stemWord, unreduplicate } from './morphology';
export { ROOTS } from './roots';
export { createTypoIndex, withinOneEdit } from './typo';

/**
 * Canonical form of any text at the character level: accents removed, lower case, punctuation to spaces,
 * single spaces, trimmed. Idempotent.
 *
 * @example
 * normalizeText('  Pemasaran-Digital & E-Commerce! ') // → 'pemasaran digital and e commerce'
 * normalizeText('Café Kopi Gayo')                     // → 'cafe kopi gayo'
 */
export function normalizeText(text: string): string {
  // Fast path for what owners type most: plain ASCII letters, digits and spaces, already lower case.
  if (PLAIN.test(text)) return text.replace(SPACES, ' ').trim();
  return (
    text
      .normalize('NFKD')
      // Combining marks left by NFKD: "é" → "e" + U+0301, drop the mark.
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "people's" → "peoples": an apostrophe never separates two words in our domain.
      .replace(/['’`]/g, '')
      // "&" joins "f&b", "r&d": keep it as a word so phrases like "f and b" still match.
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const PLAIN = /^[a-z0-9 ]*$/;
const SPACES = / {2,}/g;

/** How a token was understood. */
export type TokenKind = 'word' | 'stop' | 'stem' | 'informal' | 'typo' | 'unknown';

/** One analysed token: what was typed, what it stands for, and how we got there. */
export interface Token {
  /** The token as typed (after {@link normalizeText}). */
  readonly surface: string;
  /** The canonical word the vocabulary is indexed by. */
  readonly canonical: string;
  readonly kind: TokenKind;
}

/** A text analyser bound to a set of known words. Build once with {@link createAnalyzer}. */
export interface Analyzer {
  /** Canonical tokens of a text, in order, with consecutive repeats collapsed. */
  tokens(text: string): Token[];
  /** The canonical tokens joined by spaces: idempotent (`normalize(normalize(x)) === normalize(x)`). */
  normalize(text: string): string;
  /** Whether a canonical word is known (a root, a vocabulary word or a stop word). */
  isKnown(word: string): boolean;
  /** Whether a canonical word is a stop word. */
  isStop(word: string): boolean;
}

const STOP: ReadonlySet<string> = new Set(STOP_WORDS);
const INFORMAL_MAP: ReadonlyMap<string, string> = new Map(Object.entries(INFORMAL));
const ORDINARY: ReadonlySet<string> = new Set(ORDINARY_WORDS);
/** Words long enough to be corrected; shorter ones are too often abbreviations ("kpr", "umkm"). */
const MIN_TYPO_LENGTH = 5;
/** Bound of the per-analyser token cache: owners reuse the same few thousand words. */
const CACHE_LIMIT = 200_000;

/**
 * Build an analyser. `vocabularyWords` are the single words of every vocabulary term: they become known
 * roots (unless they themselves reduce to a root) and the only targets of typo correction.
 *
 * @example
 * const a = createAnalyzer(['pemasaran', 'kemasan', 'ekspor', 'dokumen', 'website']);
 * a.normalize('memasarkan kemasannya');   // → 'pasar kemas'
 * a.normalize('dokumen2nya buat expor');  // → 'dokumen buat ekspor'
 */
export function createAnalyzer(vocabularyWords: Iterable<string>): Analyzer {
  // Roots for the stemmer: the curated list, Indonesian stop words long enough to be roots ("butuh" ←
  // membutuhkan), and the vocabulary's own words that do not reduce to one of those.
  const roots = new Set<string>(ROOTS);
  for (const w of STOP_WORDS) if (w.length >= 4) roots.add(w);
  const baseRoot = (w: string) => roots.has(w);
  const vocab = [...new Set(vocabularyWords)].filter((w) => w !== '');
  const vocabRoots: string[] = [];
  for (const w of vocab) {
    const v = INFORMAL_MAP.get(w) ?? w;
    if (v.includes(' ')) continue;
    if (stemWord(v, baseRoot) === undefined && !STOP.has(v)) vocabRoots.push(v);
  }
  for (const w of vocabRoots) roots.add(w);
  const isRoot = (w: string) => roots.has(w);

  const cache = new Map<string, Token[]>();
  let typos: TypoIndex | undefined;

  /** The canonical tokens of one normalised, unreduplicated word (several for a multi-word chat form). */
  function analyseWord(surface: string, allowTypo: boolean): Token[] {
    const hit = cache.get(surface);
    if (hit !== undefined && (allowTypo || hit[0]?.kind !== 'typo')) return hit;
    const out = analyseUncached(surface, allowTypo);
    if (allowTypo) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(surface, out);
    }
    return out;
  }

  function analyseUncached(surface: string, allowTypo: boolean): Token[] {
    const informal = INFORMAL_MAP.get(surface);
    if (informal !== undefined && informal !== surface) {
      if (informal.includes(' ')) {
        return informal.split(' ').flatMap((w) => analyseWord(w, false).map((t) => ({ ...t, surface })));
      }
      const [t] = analyseWord(informal, false);
      const canonical = t?.kind === 'unknown' ? informal : (t?.canonical ?? informal);
      return [{ surface, canonical, kind: STOP.has(canonical) ? 'stop' : 'informal' }];
    }
    if (STOP.has(surface)) return [{ surface, canonical: surface, kind: 'stop' }];
    if (isRoot(surface)) return [{ surface, canonical: surface, kind: 'word' }];
    if (/^\d+$/.test(surface)) return [{ surface, canonical: surface, kind: 'stop' }];
    const stem = surface.length > 3 ? stemWord(surface, isRoot) : undefined;
    if (stem !== undefined) {
      const canonical = INFORMAL_MAP.get(stem) ?? stem;
      return [{ surface, canonical, kind: STOP.has(canonical) ? 'stop' : 'stem' }];
    }
    if (surface.length > 4 && surface.endsWith('s') && isRoot(surface.slice(0, -1))) {
      return [{ surface, canonical: surface.slice(0, -1), kind: 'stem' }];
    }
    // Typos: only for words we know in no other way, never for an ordinary word or one with digits.
    if (allowTypo && surface.length >= MIN_TYPO_LENGTH && !ORDINARY.has(surface) && !/\d/.test(surface)) {
      typos ??= createTypoIndex(
        vocab.filter((w) => w.length >= MIN_TYPO_LENGTH - 1),
        (w) => analyseWord(w, false)[0]?.canonical ?? w,
      );
      const fixed = typos.correct(surface);
      if (fixed !== undefined) {
        const [t] = analyseWord(fixed, false);
        if (t !== undefined && t.kind !== 'unknown')
          return [{ surface, canonical: t.canonical, kind: 'typo' }];
      }
    }
    return [{ surface, canonical: surface, kind: 'unknown' }];
  }

  /** A raw token (reduplication not yet undone), cached under the raw form as well. */
  function analyseRaw(raw: string): Token[] {
    const word = unreduplicate(raw);
    const out = analyseWord(word, true);
    if (word !== raw) {
      const asTyped = out.map((t) => ({ ...t, surface: raw }));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(raw, asTyped);
      return asTyped;
    }
    return out;
  }

  function tokens(text: string): Token[] {
    const out: Token[] = [];
    const normal = normalizeText(text);
    if (normal === '') return out;
    for (const raw of normal.split(' ')) {
      // Every cached entry was analysed with typo correction on, as here.
      const words = cache.get(raw) ?? analyseRaw(raw);
      for (const t of words) {
        // Reduplication written with a hyphen or a space: "produk-produk", "buah buahan".
        if (out.length > 0 && out[out.length - 1]?.canonical === t.canonical) continue;
        out.push(t);
      }
    }
    return out;
  }

  return {
    tokens,
    normalize: (text) =>
      tokens(text)
        .map((t) => t.canonical)
        .join(' '),
    isKnown: (w) => roots.has(w) || STOP.has(w) || ORDINARY.has(w),
    isStop: (w) => STOP.has(w),
  };
}
