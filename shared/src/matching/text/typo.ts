/**
 * One-edit typo correction against a fixed word list (the vocabulary's own words), by the symmetric-delete
 * method: every target word and every one-letter deletion of it is indexed once, so a query looks up its
 * own deletions (a few dozen map reads) instead of scanning the list. A candidate is then confirmed by the
 * restricted Damerau–Levenshtein distance (insertion, deletion, substitution, adjacent transposition).
 */

/** Distance ≤ 1 under insertion, deletion, substitution or one adjacent transposition. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // substitution, or a transposition of i and i+1
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** A typo index over `targets`. `correct(word)` returns the unique target within one edit, if any. */
export interface TypoIndex {
  correct(word: string): string | undefined;
}

/**
 * Build a typo index. `resolve` maps a target to what it means (its concept or canonical word): two
 * candidates meaning the same thing are not ambiguous ("pemasaran"/"pemasaran" variants); two meaning
 * different things are, and an ambiguous typo is left alone rather than guessed.
 *
 * @example
 * const typos = createTypoIndex(['pemasaran', 'kemasan'], (w) => w);
 * typos.correct('pemasarn'); // → 'pemasaran'
 * typos.correct('kemasn');   // → 'kemasan'
 */
export function createTypoIndex(targets: Iterable<string>, resolve: (w: string) => string): TypoIndex {
  const index = new Map<string, string[]>();
  const put = (key: string, target: string) => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [target]);
    else if (!list.includes(target)) list.push(target);
  };
  for (const t of targets) {
    put(t, t);
    for (const d of deletions(t)) put(d, t);
  }
  return {
    correct(word) {
      let found: string | undefined;
      let meaning: string | undefined;
      for (const key of [word, ...deletions(word)]) {
        for (const t of index.get(key) ?? []) {
          if (t === found || !withinOneEdit(word, t)) continue;
          const m = resolve(t);
          if (found !== undefined && m !== meaning) return undefined; // ambiguous: do not guess
          found = t;
          meaning = m;
        }
      }
      return found;
    },
  };
}
