/**
 * Text → concepts. Turns what people type ("Pemasaran Digital & ekspor", "P-IRT", "medsos") into
 * concept ids that can be compared in a few machine instructions per pair.
 *
 * Pipeline, applied identically to vocabulary terms and to user text so both sides always agree:
 * 1. {@link normalizeText}: Unicode NFKD, accents dropped, lower case, apostrophes removed, every other
 *    non-letter/digit becomes a space, whitespace collapsed ("Café-Kopi" → "cafe kopi", "P-IRT" → "p irt").
 * 2. Greedy longest-phrase match over tokens (phrases up to the longest vocabulary term), so
 *    "pemasaran media sosial" is one concept, not "pemasaran" + "media sosial".
 * 3. A token that starts no known phrase is dropped if it is a stop word ("dan", "untuk", "the"…);
 *    otherwise an English plural falls back to its singular if that is known ("packagings" → "packaging"),
 *    and any remaining word becomes an *unknown concept* whose id is a hash of the word — so unknown
 *    words still match themselves, exactly, on both sides, with no shared mutable state.
 *
 * Ids: known concepts are dense indices `0 … KNOWN_CONCEPT_COUNT-1` (usable as bit positions); unknown
 * words get ids at or above {@link UNKNOWN_CONCEPT_BASE}. A 30-bit hash collision between two different
 * unknown words is possible in principle (≈1 in 10⁹ per pair of words) and would only add a spurious
 * exact match on a free-text word; we accept that for statelessness.
 */
import { type Analyzer, createAnalyzer, normalizeText, type Token } from '../text';
import { CONCEPTS, type ConceptDefinition, STUDY_LINKS } from './concepts';

export { normalizeText } from '../text';

export type { ConceptDefinition } from './concepts';
export { CONCEPTS, STUDY_LINKS } from './concepts';

/** Number of curated concepts; their ids are `0 … KNOWN_CONCEPT_COUNT - 1`. */
export const KNOWN_CONCEPT_COUNT: number = CONCEPTS.length;

/** Words (32-bit) needed for a bitset over all known concepts. */
export const CONCEPT_BITSET_WORDS: number = Math.ceil(CONCEPTS.length / 32);

/** First id used for unknown words (2³⁰); everything below is a curated concept. */
export const UNKNOWN_CONCEPT_BASE = 0x40000000;

/** One concept found in a text: its id and the normalised text that produced it (for explanations). */
export interface ConceptHit {
  readonly id: number;
  readonly text: string;
}

/** The analyser every text goes through (vocabulary terms included, so both sides agree). */
let analyzer: Analyzer;

/**
 * The canonical form of a text: chat forms, affixes, reduplication and typos resolved, one space between
 * tokens. Idempotent. Exposed for tests and the bench.
 *
 * @example
 * normalizeNeed('Memasarkan produk2nya lewat IG'); // → 'pasar produk lewat instagram' (or similar canonical words)
 */
export function normalizeNeed(text: string): string {
  ensureIndex();
  return analyzer.normalize(text);
}

// ── Index built once, on first use (see `ensureIndex`) ──────────────────────────────────────────────────────────────

const termToConcept = new Map<string, number>();
const keyToId = new Map<string, number>();
/** Terms that were claimed by two concepts: kept so the vocabulary test can name them. */
const ambiguousTerms: { term: string; concepts: [string, string] }[] = [];
let longestPhrase = 1;

/** Parent id per concept (-1 = none), resolved from `broader` keys. */
let broaderIds: Int32Array;

/**
 * Related concepts (all ancestors and all descendants, never the concept itself), sorted. These earn
 * partial credit: a mentor teaching "media sosial" partly covers a need for "instagram" and vice versa.
 * Siblings are deliberately *not* related: "teknik informatika" and "ilmu hukum" share a parent
 * (field of study) but not a skill.
 */
/** Skill ↔ field-of-study links, both ways (see {@link STUDY_LINKS}). */
let studyLinks: number[][];

let relatedIds: readonly Int32Array[];

/** 32-bit FNV-1a: cheap, stable across runtimes, good enough spread for single words. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The id an unknown word gets: deterministic, above every curated id. */
function unknownId(word: string): number {
  return UNKNOWN_CONCEPT_BASE + (fnv1a(word) & 0x3fffffff);
}

/** What was understood in a list of texts: concepts, words not understood, and typo corrections. */
export interface TextAnalysis {
  /** Every concept found, known and unknown-word concepts alike, deduplicated, sorted by id. */
  readonly hits: ConceptHit[];
  /** Words that are neither a concept nor a stop word, in order of first appearance. */
  readonly notUnderstood: string[];
  /** Words read as a vocabulary word one edit away ("websit" → "website"). */
  readonly corrections: { readonly from: string; readonly to: string }[];
}

/**
 * Single words that name a concept only loosely ("jual", "toko", "online", "mentor", "pabrik"): in a text
 * that also names a specific concept they are context, not a need ("website toko" is about a website, not
 * retail; "jual cabai ke pabrik sambal" is about chillies and sambal). Alone they still count. Matched on
 * the word as typed, so "pengiriman" (shipping) stays specific while "kirim" (send) is loose.
 */
const WEAK_WORDS: ReadonlySet<string> = new Set([
  'jual',
  'dijual',
  'jualan',
  'menjual',
  'jualin',
  'toko',
  'online',
  'daring',
  'digital',
  'kirim',
  'dikirim',
  'mengirim',
  'ngirim',
  'produksi',
  'pasar',
  'supplier',
  'supply',
  'pabrik',
  'sistem',
  'aplikasi',
  'app',
  'buyer',
  'pembeli',
  'mitra',
  'kerjasama',
  'kolaborasi',
  'partner',
  'kemitraan',
  'mentor',
  'mentoring',
  'pendampingan',
  'konsultasi',
  'coaching',
  'inovasi',
  'manajemen',
  'management',
  'sewa',
  'rental',
  'jurusan',
  'sertifikasi',
  'legalitas',
  'laku',
  'laris',
  'teknologi',
  'data',
  'sales',
]);

/**
 * Loose words that name a sales channel ("toko"): context beside a specific need ("website toko"), but the
 * need itself beside products only ("sepatu kulit cari toko": the UMKM is looking for shops).
 */
const CHANNEL_WORDS: ReadonlySet<string> = new Set(['toko', 'warung', 'kios']);

/** Concepts under the product and sector trees: what a UMKM makes, not what it needs. */
const PRODUCT_ROOTS = [
  'food',
  'fashion',
  'crafts',
  'cosmetics',
  'agriculture',
  'tourism',
  'personal_services',
];

/** Ancestors of each known concept (for "a narrower concept implies its broader one"). */
let ancestorIds: readonly Int32Array[];

let productRootIds: ReadonlySet<number>;
/** Whether a known concept is a product or sector (or under one). */
function isProduct(id: number): boolean {
  if (productRootIds.has(id)) return true;
  for (const a of ancestorIds[id] ?? []) if (productRootIds.has(a)) return true;
  return false;
}

/** Terms indexed a second time without their stop words, so "pinjaman ke bank" finds "pinjaman bank". */
const termWithoutStops = new Map<string, number>();
let longestLoosePhrase = 1;

/** A phrase found in a text: its concept, and whether it is a loose word or a sales channel. */
interface Phrase {
  readonly id: number;
  readonly phrase: string;
  readonly weak: boolean;
  readonly channel: boolean;
}

/** Every proper word prefix of a multi-word term, in both forms ("pemasaran" of "pemasaran digital"). */
let phrasePrefixes: ReadonlySet<string>;

/** Lookup for the stream without stop words: multi-word terms in either form (single words were found already). */
function looseLookup(key: string): number | undefined {
  if (!key.includes(' ')) return undefined;
  return termToConcept.get(key) ?? termWithoutStops.get(key);
}

/**
 * Phrases found in one token stream: at every position the longest phrase starting there, kept unless a
 * phrase found earlier already covers it. Overlaps are allowed, so "strategi pemasaran digital" yields
 * "strategi pemasaran" and "pemasaran digital", and the narrower one wins below.
 */
function findPhrases(
  tokens: readonly Token[],
  positions: readonly number[],
  lookup: (key: string) => number | undefined,
  longest: number,
  covered: Uint8Array,
  out: Phrase[],
): void {
  let coveredTo = 0;
  for (let i = 0; i < positions.length; i++) {
    let best = 0;
    let bestId = -1;
    let bestKey = '';
    const max = Math.min(longest, positions.length - i);
    for (let len = 1, key = (tokens[positions[i] as number] as Token).canonical; len <= max; len++) {
      if (len > 1) key = `${key} ${(tokens[positions[i + len - 1] as number] as Token).canonical}`;
      const id = lookup(key);
      if (id !== undefined && id >= 0) {
        best = len;
        bestId = id;
        bestKey = key;
      }
      // Stop as soon as no longer term starts with these words (most words start none).
      if (!phrasePrefixes.has(key)) break;
    }
    if (best === 0 || i + best <= coveredTo) continue;
    coveredTo = i + best;
    for (let k = i; k < i + best; k++) covered[positions[k] as number] = 1;
    const first = tokens[positions[i] as number] as Token;
    const channel = best === 1 && CHANNEL_WORDS.has(first.surface);
    out.push({
      id: bestId,
      phrase: bestKey,
      weak: channel || (best === 1 && WEAK_WORDS.has(first.surface)),
      channel,
    });
  }
}

/**
 * Read a list of texts (needs, topics, products…) into concepts, words not understood and corrections.
 *
 * Per text: phrases are found on the canonical tokens, and again with stop words left out; loose words
 * ({@link WEAK_WORDS}) count only when nothing specific was found; and a concept found together with a
 * narrower one of its own ("pemasaran" with "pemasaran digital", "perikanan" with "budidaya lele") is
 * implied by it and dropped, so the need's denominator counts what the owner actually asked for.
 *
 * @example
 * const a = analyseTexts(['gimana cara memasarkan produk lewat IG & tiktok']);
 * a.hits.map((h) => conceptLabel(h).en); // → ['instagram', 'tiktok', 'marketing'] (sorted by id)
 * a.notUnderstood;                       // → []
 */
export function analyseTexts(texts: readonly string[]): TextAnalysis {
  ensureIndex();
  const found = new Map<number, string>();
  const notUnderstood: string[] = [];
  const corrections: { from: string; to: string }[] = [];
  const phrases: Phrase[] = [];
  const kept: number[] = [];
  for (const text of texts) {
    const tokens: Token[] = analyzer.tokens(text);
    const n = tokens.length;
    if (n === 0) continue;
    const covered = new Uint8Array(n);
    const all: number[] = [];
    const content: number[] = [];
    for (let i = 0; i < n; i++) {
      all.push(i);
      if ((tokens[i] as Token).kind !== 'stop') content.push(i);
    }
    phrases.length = 0;
    findPhrases(tokens, all, termLookup, longestPhrase, covered, phrases);
    if (content.length > 1 && content.length < n)
      findPhrases(
        tokens,
        content,
        looseLookup,
        Math.max(longestPhrase, longestLoosePhrase),
        covered,
        phrases,
      );
    let strong = 0;
    let needsBesideProducts = false;
    for (const p of phrases)
      if (!p.weak) {
        strong++;
        if (!isProduct(p.id)) needsBesideProducts = true;
      }
    kept.length = 0;
    for (const p of phrases) {
      const keep =
        strong === 0 ||
        !p.weak ||
        (p.channel && !needsBesideProducts) ||
        phrases.some((q) => q.id === p.id && !q.weak);
      if (keep && !kept.includes(p.id)) kept.push(p.id);
    }
    // A broader concept found beside a narrower one of its own is implied by it.
    for (const p of phrases) {
      if (!kept.includes(p.id)) continue;
      let implied = false;
      for (const other of kept)
        if (other !== p.id && (ancestorIds[other] as Int32Array).includes(p.id)) implied = true;
      if (!implied && !found.has(p.id)) found.set(p.id, p.phrase);
    }
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as Token;
      if (covered[i] === 1) {
        if (t.kind === 'typo') corrections.push({ from: t.surface, to: t.canonical });
        continue;
      }
      if (t.kind === 'stop' || t.canonical.length < 2) continue;
      const id = unknownId(t.canonical);
      if (!found.has(id)) {
        found.set(id, t.canonical);
        notUnderstood.push(t.surface);
      }
    }
  }
  const hits = [...found].map(([id, text]) => ({ id, text })).sort((a, b) => a.id - b.id);
  return { hits, notUnderstood, corrections };
}

const termLookup = (key: string): number | undefined => termToConcept.get(key);

/**
 * Concepts found in a list of texts (needs, topics, products…), deduplicated, sorted by id. Words that
 * are not understood become unknown-word concepts that still match themselves exactly.
 *
 * @example
 * const hits = extractConcepts(['Pemasaran digital', 'medsos', 'kopi gayo']);
 * hits.map((h) => conceptLabel(h).en); // → ['digital marketing', 'social media', 'coffee', 'gayo']
 */
export function extractConcepts(texts: readonly string[]): ConceptHit[] {
  return analyseTexts(texts).hits;
}

/** True when the id is a curated concept (not a hashed unknown word). */
export function isKnownConcept(id: number): boolean {
  return id >= 0 && id < KNOWN_CONCEPT_COUNT;
}

/**
 * Human labels for a concept hit: the curated labels, or the word itself for unknown words.
 *
 * @example
 * const [hit] = extractConcepts(['medsos']);
 * conceptLabel(hit!); // → { id: 'media sosial', en: 'social media' }
 */
export function conceptLabel(hit: ConceptHit): { id: string; en: string } {
  const concept = isKnownConcept(hit.id) ? CONCEPTS[hit.id] : undefined;
  return concept === undefined ? { id: hit.text, en: hit.text } : { id: concept.id, en: concept.en };
}

/**
 * The curated concept a single term maps to, if any.
 *
 * @example
 * findConcept('P-IRT')?.key; // → 'pirt'
 * findConcept('zzz');        // → undefined
 */
export function findConcept(term: string): ConceptDefinition | undefined {
  ensureIndex();
  const id = termToConcept.get(analyzer.normalize(term));
  return id === undefined ? undefined : CONCEPTS[id];
}

/**
 * Id of a curated concept by key; throws on an unknown key because keys are compile-time constants.
 *
 * @example
 * conceptIdOf('halal'); // → a number in [0, KNOWN_CONCEPT_COUNT)
 */
export function conceptIdOf(key: string): number {
  ensureIndex();
  const id = keyToId.get(key);
  if (id === undefined) throw new Error(`Unknown concept key: ${key}`);
  return id;
}

/**
 * Ancestors and descendants of a known concept (partial-credit neighbours); empty for unknown words.
 *
 * @example
 * relatedConcepts(conceptIdOf('instagram')).includes(conceptIdOf('social_media')); // → true
 */
export function relatedConcepts(id: number): Int32Array {
  ensureIndex();
  return relatedIds[id] ?? EMPTY;
}
const EMPTY = new Int32Array(0);

/** Diagnostics for the vocabulary test: terms claimed by two concepts (must be empty). */
export function vocabularyConflicts(): readonly { term: string; concepts: [string, string] }[] {
  ensureIndex();
  return ambiguousTerms;
}

/** Diagnostics for the vocabulary test: `broader` and study-link keys that name no concept. */
export function danglingBroaderKeys(): readonly string[] {
  ensureIndex();
  const links = Object.entries(STUDY_LINKS).flatMap(([k, v]) => [k, ...v]);
  return [
    ...CONCEPTS.filter((c) => c.broader !== undefined && !keyToId.has(c.broader)).map((c) => c.key),
    ...links.filter((k) => !keyToId.has(k)),
  ];
}

/** Single words of the vocabulary's terms, with the concept each one names (for suggestions). */
let suggestionWords: readonly (readonly [string, number])[];

/** Edit distance, stopping early once it exceeds `max`. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      next.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    row = next;
  }
  return row[b.length] as number;
}

/**
 * Concepts a word that was not understood may have meant, closest first: vocabulary words within two
 * edits, or that start with it (for a word still being typed). For the forms' "did you mean".
 *
 * @example
 * suggestConcepts('pemasran').map((c) => c.key); // → ['marketing', …]
 */
export function suggestConcepts(word: string, limit = 3): ConceptDefinition[] {
  ensureIndex();
  const w = normalizeText(word);
  if (w.length < 3) return [];
  const scored: [number, number][] = [];
  for (const [term, id] of suggestionWords) {
    const d = term.startsWith(w) ? 0.5 : boundedDistance(w, term, 2);
    if (d <= 2) scored.push([d, id]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: ConceptDefinition[] = [];
  for (const [, id] of scored) {
    const c = CONCEPTS[id] as ConceptDefinition;
    if (!out.includes(c)) out.push(c);
    if (out.length >= limit) break;
  }
  return out;
}

let indexed = false;
/**
 * Builds the vocabulary index (the analyser over every term, term → concept, the concept graph, phrase
 * prefixes, suggestion words) the first time a function needs it, not at import: a process that never
 * analyses text (a Lambda answering its first request, a round worker) does not pay for it.
 */
function ensureIndex(): void {
  if (indexed) return;
  analyzer = createAnalyzer(
    CONCEPTS.flatMap((c) => [c.id, c.en, ...c.terms].flatMap((t) => normalizeText(t).split(' '))),
  );

  CONCEPTS.forEach((concept, id) => {
    keyToId.set(concept.key, id);
    for (const raw of [concept.id, concept.en, ...concept.terms]) {
      const term = analyzer.normalize(raw);
      if (term === '') continue;
      const owner = termToConcept.get(term);
      if (owner !== undefined && owner !== id) {
        ambiguousTerms.push({
          term: `${raw} → ${term}`,
          concepts: [CONCEPTS[owner]?.key ?? '?', concept.key],
        });
        continue;
      }
      termToConcept.set(term, id);
      longestPhrase = Math.max(longestPhrase, term.split(' ').length);
    }
  });

  broaderIds = Int32Array.from(CONCEPTS, (c) =>
    c.broader === undefined ? -1 : (keyToId.get(c.broader) ?? -1),
  );

  studyLinks = (() => {
    const links: number[][] = CONCEPTS.map(() => []);
    const direct: number[][] = CONCEPTS.map(() => []);
    for (const [skill, fields] of Object.entries(STUDY_LINKS)) {
      const a = keyToId.get(skill);
      for (const field of fields) {
        const b = keyToId.get(field);
        if (a !== undefined && b !== undefined) direct[a]?.push(b);
      }
    }
    // A skill with no field of its own takes its nearest broader concept's ("sayuran" is taught where
    // "pertanian" is); one with its own never inherits ("budidaya ikan" is marine science, not agronomy).
    CONCEPTS.forEach((_, id) => {
      let fields: readonly number[] = [];
      for (
        let p = id, guard = 0;
        p >= 0 && guard < 16 && fields.length === 0;
        p = broaderIds[p] ?? -1, guard++
      )
        fields = direct[p] ?? [];
      for (const f of fields) {
        links[id]?.push(f);
        links[f]?.push(id);
      }
    });
    return links;
  })();

  relatedIds = (() => {
    const children: number[][] = CONCEPTS.map(() => []);
    broaderIds.forEach((parent, id) => {
      if (parent >= 0) children[parent]?.push(id);
    });
    return CONCEPTS.map((_, id) => {
      const out = new Set<number>();
      // Ancestors; the guard stops a cycle, which the vocabulary test also forbids.
      for (let p = broaderIds[id] ?? -1, guard = 0; p >= 0 && guard < 16; p = broaderIds[p] ?? -1, guard++) {
        out.add(p);
      }
      const stack = [...(children[id] ?? [])];
      while (stack.length > 0) {
        const child = stack.pop() as number;
        if (out.has(child) || child === id) continue;
        out.add(child);
        stack.push(...(children[child] ?? []));
      }
      for (const k of studyLinks[id] ?? []) if (k !== id) out.add(k);
      return Int32Array.from([...out].sort((a, b) => a - b));
    });
  })();

  ancestorIds = CONCEPTS.map((_, id) => {
    const out: number[] = [];
    for (let p = broaderIds[id] ?? -1, guard = 0; p >= 0 && guard < 16; p = broaderIds[p] ?? -1, guard++)
      out.push(p);
    return Int32Array.from(out);
  });

  productRootIds = new Set(PRODUCT_ROOTS.map((k) => keyToId.get(k) ?? -1));

  for (const [term, id] of termToConcept) {
    const words = term.split(' ').filter((w) => !analyzer.isStop(w));
    if (words.length < 2 || words.length === term.split(' ').length) continue;
    const key = words.join(' ');
    if (termToConcept.has(key)) continue;
    const owner = termWithoutStops.get(key);
    // Two concepts whose terms differ only by stop words: the loose form names neither.
    termWithoutStops.set(key, owner === undefined || owner === id ? id : -1);
    longestLoosePhrase = Math.max(longestLoosePhrase, words.length);
  }

  phrasePrefixes = (() => {
    const out = new Set<string>();
    for (const term of [...termToConcept.keys(), ...termWithoutStops.keys()]) {
      const words = term.split(' ');
      for (let n = 1; n < words.length; n++) out.add(words.slice(0, n).join(' '));
    }
    return out;
  })();

  suggestionWords = (() => {
    const out = new Map<string, number>();
    CONCEPTS.forEach((c, id) => {
      for (const raw of [c.id, c.en, ...c.terms]) {
        const t = normalizeText(raw);
        if (!t.includes(' ') && t.length >= 3 && !out.has(t)) out.set(t, id);
      }
    });
    return [...out];
  })();

  indexed = true;
}
