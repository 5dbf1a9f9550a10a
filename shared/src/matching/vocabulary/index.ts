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
import { CONCEPTS, type ConceptDefinition } from './concepts';

export { normalizeText } from '../text';

export type { ConceptDefinition } from './concepts';
export { CONCEPTS } from './concepts';

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
const analyzer: Analyzer = createAnalyzer(
  CONCEPTS.flatMap((c) => [c.id, c.en, ...c.terms].flatMap((t) => normalizeText(t).split(' '))),
);

/**
 * The canonical form of a text: chat forms, affixes, reduplication and typos resolved, one space between
 * tokens. Idempotent. Exposed for tests and the bench.
 *
 * @example
 * normalizeNeed('Memasarkan produk2nya lewat IG'); // → 'pasar produk lewat instagram' (or similar canonical words)
 */
export function normalizeNeed(text: string): string {
  return analyzer.normalize(text);
}

// ── Index built once at module load ──────────────────────────────────────────────────────────────

const termToConcept = new Map<string, number>();
const keyToId = new Map<string, number>();
/** Terms that were claimed by two concepts: kept so the vocabulary test can name them. */
const ambiguousTerms: { term: string; concepts: [string, string] }[] = [];
let longestPhrase = 1;

CONCEPTS.forEach((concept, id) => {
  keyToId.set(concept.key, id);
  for (const raw of [concept.id, concept.en, ...concept.terms]) {
    const term = analyzer.normalize(raw);
    if (term === '') continue;
    const owner = termToConcept.get(term);
    if (owner !== undefined && owner !== id) {
      ambiguousTerms.push({ term: `${raw} → ${term}`, concepts: [CONCEPTS[owner]?.key ?? '?', concept.key] });
      continue;
    }
    termToConcept.set(term, id);
    longestPhrase = Math.max(longestPhrase, term.split(' ').length);
  }
});

/** Parent id per concept (-1 = none), resolved from `broader` keys. */
const broaderIds: Int32Array = Int32Array.from(CONCEPTS, (c) =>
  c.broader === undefined ? -1 : (keyToId.get(c.broader) ?? -1),
);

/**
 * Related concepts (all ancestors and all descendants, never the concept itself), sorted. These earn
 * partial credit: a mentor teaching "media sosial" partly covers a need for "instagram" and vice versa.
 * Siblings are deliberately *not* related: "teknik informatika" and "ilmu hukum" share a parent
 * (field of study) but not a skill.
 */
const relatedIds: readonly Int32Array[] = (() => {
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
    return Int32Array.from([...out].sort((a, b) => a - b));
  });
})();

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
 * Read a list of texts (needs, topics, products…) into concepts, words not understood and corrections.
 *
 * @example
 * const a = analyseTexts(['gimana cara memasarkan produk lewat IG & tiktok']);
 * a.hits.map((h) => conceptLabel(h).en); // → ['marketing', 'instagram', 'tiktok']
 * a.notUnderstood;                       // → []
 */
export function analyseTexts(texts: readonly string[]): TextAnalysis {
  const found = new Map<number, string>();
  const notUnderstood: string[] = [];
  const corrections: { from: string; to: string }[] = [];
  for (const text of texts) {
    const tokens: Token[] = analyzer.tokens(text);
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i] as Token;
      // Longest phrase first: "pemasaran media sosial" must not become "pemasaran" + "media sosial".
      let matched = 0;
      let phrase = '';
      const max = Math.min(longestPhrase, tokens.length - i);
      for (let len = 1, key = token.canonical; len <= max; len++) {
        if (len > 1) key = `${key} ${(tokens[i + len - 1] as Token).canonical}`;
        const id = termToConcept.get(key);
        if (id !== undefined) {
          matched = len;
          phrase = key;
        }
      }
      if (matched > 0) {
        const id = termToConcept.get(phrase) as number;
        if (!found.has(id)) found.set(id, phrase);
        for (let k = i; k < i + matched; k++) {
          const t = tokens[k] as Token;
          if (t.kind === 'typo') corrections.push({ from: t.surface, to: t.canonical });
        }
        i += matched;
        continue;
      }
      i++;
      if (token.kind === 'stop') continue;
      const word = token.canonical;
      if (word.length < 2) continue;
      const id = unknownId(word);
      if (!found.has(id)) {
        found.set(id, word);
        notUnderstood.push(token.surface);
      }
    }
  }
  const hits = [...found].map(([id, text]) => ({ id, text })).sort((a, b) => a.id - b.id);
  return { hits, notUnderstood, corrections };
}

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
  return relatedIds[id] ?? EMPTY;
}
const EMPTY = new Int32Array(0);

/** Diagnostics for the vocabulary test: terms claimed by two concepts (must be empty). */
export function vocabularyConflicts(): readonly { term: string; concepts: [string, string] }[] {
  return ambiguousTerms;
}

/** Diagnostics for the vocabulary test: `broader` keys that name no concept. */
export function danglingBroaderKeys(): readonly string[] {
  return CONCEPTS.filter((c) => c.broader !== undefined && !keyToId.has(c.broader)).map((c) => c.key);
}
