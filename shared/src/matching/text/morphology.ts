/**
 * Guarded Indonesian affix stripping, in the Nazief–Adriani / Sastrawi tradition.
 *
 * A word is reduced to a stem only when that stem is a *known root* (the `isRoot` predicate the caller
 * passes in: the curated root list plus the vocabulary's own words). Every rule below proposes candidate
 * stems; the first candidate that is a known root wins, and a word with no known root is left alone. That
 * guard is what keeps the stemmer from over-stemming: an unguarded stemmer (Snowball) turns "mengemas"
 * into "emas" (gold), "kemasan" into "masan" and "distributor" into "stributor"; here "mengemas" tries
 * "kemas" before "emas", "kemasan" finds "kemas" once "-an" is gone, and "distributor" keeps its "di".
 *
 * Order (least stripping first, so a lexicalised derived word such as "kerajinan" stays whole when it is a
 * root itself):
 * 1. the word as it is;
 * 2. inflectional suffixes: particles -lah/-kah/-tah/-pun, then possessives -ku/-mu/-nya;
 * 3. derivational suffixes -kan/-an/-i, and the chat suffix -in ("promosiin" = "promosikan");
 * 4. at every suffix level, up to three prefixes (di-, ke-, se-, ter-, ber-, me-, pe-, per-, memper-,
 *    diper-) with their sound changes (meN-/peN- drop or keep the first consonant: "memasarkan" → pasar,
 *    "menjual" → jual, "menyablon" → sablon, "pengemasan" → kemas), and the chat nasal prefixes
 *    (ng-/nge-/ny-: "ngurus" → urus, "ngepost" → post, "nyablon" → sablon).
 */

const PARTICLES = ['lah', 'kah', 'tah', 'pun'] as const;
const POSSESSIVES = ['nya', 'ku', 'mu'] as const;
const DERIVATIONAL = ['kan', 'an', 'in', 'i'] as const;

const VOWEL = /^[aiueo]/;

/** A word that starts with a prefix or ends with a suffix this stemmer knows (anything else is left alone). */
const AFFIXED = /^(?:di|ke|se|te|be|pe|me|ng|ny)|(?:lah|kah|tah|pun|nya|ku|mu|kan|an|in|i)$/;

/** The shortest stem we ever accept: shorter ones ("an", "ke") are too easy to produce by accident. */
const MIN_STEM = 3;

/**
 * Candidate stems after removing one prefix, with the sound changes of meN- and peN- undone, most likely
 * first (k-restoration before the bare vowel: "mengemas" → kemas before emas, "mengolah" → kolah (no) then
 * olah).
 */
function prefixCandidates(w: string): string[] {
  const out: string[] = [];
  const rest = (n: number) => w.slice(n);
  const add = (...xs: string[]) => {
    for (const x of xs) if (x.length >= MIN_STEM) out.push(x);
  };
  if (w.startsWith('memper')) add(rest(6));
  if (w.startsWith('diper')) add(rest(5));
  if (w.startsWith('di')) add(rest(2));
  if (w.startsWith('ke')) add(rest(2));
  if (w.startsWith('se')) add(rest(2));
  if (w.startsWith('ter')) add(rest(3), `r${rest(3)}`);
  if (w.startsWith('ber')) add(rest(3), `r${rest(3)}`);
  if (w.startsWith('bel')) add(rest(3)); // belajar → ajar
  if (w.startsWith('be')) add(rest(2)); // bekerja → kerja, beternak → ternak
  if (w.startsWith('per')) add(rest(3), `r${rest(3)}`);
  if (w.startsWith('pel')) add(rest(3)); // pelajar → ajar
  for (const p of ['me', 'pe'] as const) {
    if (!w.startsWith(p)) continue;
    const s = w.slice(2);
    // meN- before a one-syllable root: mengecat → cat, mengebor → bor (longer roots take the rules below).
    if (s.startsWith('nge') && s.length <= 6) add(s.slice(3));
    if (s.startsWith('ng')) {
      const t = s.slice(2);
      if (VOWEL.test(t)) add(`k${t}`, t);
      else add(t); // menggunakan → gunakan, mengkaji → kaji
    } else if (s.startsWith('ny')) {
      add(`s${s.slice(2)}`); // menyablon → sablon, penyimpanan → simpan
    } else if (s.startsWith('m')) {
      const t = s.slice(1);
      if (VOWEL.test(t)) add(`p${t}`, `m${t}`);
      else add(t); // membuat → buat, memproduksi → produksi
    } else if (s.startsWith('n')) {
      const t = s.slice(1);
      if (VOWEL.test(t)) add(`t${t}`, `n${t}`);
      else add(t); // menjual → jual, pendaftaran → daftar
    } else {
      add(s); // melatih → latih, merawat → rawat, pemodal → modal
    }
  }
  // Chat prefixes: ngurus → urus, ngepost → post, nyablon → sablon, nyari → cari.
  if (w.startsWith('nge')) add(rest(3));
  if (w.startsWith('ng') && VOWEL.test(rest(2))) add(rest(2), `k${rest(2)}`);
  if (w.startsWith('ny') && VOWEL.test(rest(2))) add(`s${rest(2)}`, `c${rest(2)}`);
  return out;
}

/** The suffixes that may still be removed after stage `stage` (0 none removed, 1 particle, 2 possessive, 3 derivational). */
const SUFFIX_STAGES: readonly (readonly string[])[] = [PARTICLES, POSSESSIVES, DERIVATIONAL];

/**
 * The known root of `word`, or undefined when no rule leads to one. Pure; `isRoot` decides what counts.
 *
 * Candidates are explored breadth-first by the number of affixes removed, and at equal depth suffixes
 * before prefixes (Nazief–Adriani checks the dictionary after removing the suffixes, before the
 * prefixes): "kekeringan" → kering (-an, ke-) before ringan (ke-, ke-).
 *
 * @example
 * const roots = new Set(['pasar', 'kemas', 'emas', 'izin', 'jual']);
 * stemWord('memasarkan', (w) => roots.has(w));  // → 'pasar'
 * stemWord('mengemas', (w) => roots.has(w));    // → 'kemas' (not 'emas')
 * stemWord('distributor', (w) => roots.has(w)); // → undefined (left alone)
 */
export function stemWord(word: string, isRoot: (w: string) => boolean): string | undefined {
  if (isRoot(word)) return word;
  // Most unknown words carry no affix at all: skip the search for them.
  if (!AFFIXED.test(word)) return undefined;
  // State: the remaining word, the suffix stage reached and the number of prefixes removed.
  let layer: [string, number, number][] = [[word, 0, 0]];
  const seen = new Set<string>([word]);
  for (let depth = 0; depth < 4 && layer.length > 0; depth++) {
    const next: [string, number, number][] = [];
    for (const [w, stage, prefixes] of layer) {
      for (let st = stage; st < SUFFIX_STAGES.length; st++)
        for (const s of SUFFIX_STAGES[st] as readonly string[])
          if (w.length - s.length >= MIN_STEM && w.endsWith(s)) {
            const c = w.slice(0, -s.length);
            if (!seen.has(c)) {
              seen.add(c);
              next.push([c, st + 1, prefixes]);
            }
          }
    }
    for (const [w, stage, prefixes] of layer) {
      if (prefixes >= 3) continue;
      for (const c of prefixCandidates(w))
        if (!seen.has(c)) {
          seen.add(c);
          next.push([c, stage, prefixes + 1]);
        }
    }
    for (const [c] of next) if (isRoot(c)) return c;
    layer = next;
  }
  return undefined;
}

/**
 * Undo written reduplication inside one token: "dokumen2" → "dokumen", "dokumen2nya" → "dokumennya",
 * "sayur2an" → "sayuran". (Hyphenated "produk-produk" becomes two equal tokens, collapsed by the caller.)
 *
 * @example
 * unreduplicate('dokumen2nya'); // → 'dokumennya'
 * unreduplicate('umkm2');       // → 'umkm'
 * unreduplicate('b2b');         // → 'b2b' (too short to be a reduplicated word)
 */
export function unreduplicate(token: string): string {
  const m = /^([a-z]{3,})2([a-z]*)$/.exec(token);
  return m === null ? token : `${m[1]}${m[2]}`;
}
